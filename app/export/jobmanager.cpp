#include "jobmanager.h"

#include "authprovider.h"
#include "filedownload.h"
#include "filenames.h"
#include "httpclient.h"
#include "operationoutcome.h"
#include "redact.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcJobs, "fbm.jobs")

namespace fbm {

namespace {

// HAPI (and the eHealth servers built on it) keep files for 2 hours unless configured otherwise.
constexpr qint64 kHapiRetentionSecs = 2 * 3600;
constexpr int kMaxManifestPages = 1000;
constexpr int kThrottleWarning = 5;
constexpr int kSaveDelayMs = 500;
constexpr int kLazySaveDelayMs = 30 * 1000;

QByteArray progressHeader(const HttpResponse &r)
{
    return r.header("X-Progress");
}

} // namespace

struct JobManager::Runtime
{
    int backoffStep = 0; ///< consecutive polls without Retry-After
    int consecutive429 = 0;
    bool requestInFlight = false;
    quint64 generation = 0; ///< bumps on cancel/remove/retry so stale answers are ignored
    Manifest manifest;      ///< being assembled (pages)
    QSet<QString> visitedPages;
    QList<QByteArray> pages; ///< each page's body as received; parsed again only to merge pages
    QHash<int, QDateTime> fileRetryAt;
    QDateTime troubleSince; ///< the first of the consecutive failed polls
    int pageFailures = 0;   ///< manifest pages after the first that could not be read
    QHash<int, QDateTime> fileTroubleSince; ///< the first of a file's consecutive failures
};

JobManager::JobManager(JobStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(Clock::system())
{
    m_scheduler = std::make_unique<Scheduler>(m_clock, this);
    connect(m_scheduler.get(), &Scheduler::due, this, [this](const QString &key) {
        // Keys are "<id>" for polls and "<id>#<index>" for a file waiting to retry.
        const int hash = key.indexOf(u'#');
        if (hash < 0) {
            poll(key);
            return;
        }
        const QString id = key.left(hash);
        const int index = key.mid(hash + 1).toInt();
        if (const ExportJob *j = job(id);
            j && index < j->files.size() && j->files.at(index).state == FileState::Pending) {
            m_downloadQueue.enqueue({id, index});
            pumpDownloads();
        }
    });
    m_saveTimer.setInterval(kSaveDelayMs);
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &JobManager::flushSaves);
    m_lazySaveTimer.setInterval(kLazySaveDelayMs);
    m_lazySaveTimer.setSingleShot(true);
    connect(&m_lazySaveTimer, &QTimer::timeout, this, [this] {
        m_dirty.unite(std::exchange(m_dirtyLazy, {}));
        flushSaves();
    });
    if (m_store)
        m_store->setErrorHandler(this, [this](const QString &message) { Q_EMIT warning(message); });
}

JobManager::~JobManager()
{
    saveAll();
    if (m_store) {
        m_store->flush();
        m_store->setErrorHandler(nullptr, {});
    }
    const auto active = m_active.keys();
    for (FileDownload *d : active) {
        d->disconnect(this);
        delete d;
    }
}

void JobManager::setClock(const Clock *clock)
{
    m_clock = clock;
    m_scheduler->setClock(clock);
}

void JobManager::setMaxParallelDownloads(int n)
{
    m_maxParallel = qMax(1, n);
    pumpDownloads();
}

const ExportJob *JobManager::job(const QString &id) const
{
    const auto it = m_jobs.constFind(id);
    return it == m_jobs.cend() ? nullptr : &it.value();
}

ExportJob *JobManager::mutableJob(const QString &id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return nullptr;
    if (!it->detailsLoaded) {
        // A finished job from the store's index: read the rest before anything changes it, so
        // that the next save writes the whole job again.
        if (auto full = m_store ? m_store->load(id) : std::nullopt)
            *it = std::move(*full);
        it->detailsLoaded = true;
    }
    return &it.value();
}

const ExportJob *JobManager::jobWithDetails(const QString &id)
{
    return mutableJob(id);
}

JobManager::Runtime &JobManager::runtime(const QString &id)
{
    auto &r = m_runtime[id];
    if (!r)
        r = std::make_shared<Runtime>();
    return *r;
}

HttpClient *JobManager::clientFor(const ExportJob &job)
{
    const QUrl base = job.request.base;
    if (m_clientProvider) {
        if (HttpClient *c = m_clientProvider(job.profileId, base))
            return c;
    }
    HttpClient *&c = m_defaultClients[base];
    if (!c)
        c = new HttpClient(base, this);
    return c;
}

std::function<void(const ActivityEntry &)> JobManager::logger(const QString &id)
{
    QPointer<JobManager> self(this);
    return [self, id](const ActivityEntry &e) {
        if (self)
            self->logActivity(id, e);
    };
}

void JobManager::logActivity(const QString &id, const ActivityEntry &entry)
{
    ExportJob *j = mutableJob(id);
    if (!j)
        return;
    j->activity.append(entry);
    while (j->activity.size() > kMaxActivityEntries)
        j->activity.removeFirst();
    Q_EMIT activityAdded(id, entry);
    changed(id, JobField::Activity);
}

void JobManager::note(const QString &id, const QString &text)
{
    ActivityEntry e;
    e.at = m_clock->now();
    e.note = text;
    logActivity(id, e);
}

void JobManager::changed(const QString &id, JobFields fields, bool saveNow)
{
    if (m_store) {
        // What a restart needs (state, manifest, errors, a failed file) is saved within half a
        // second, or at once; downloads go through changedLazily(). A countdown that still matters
        // after a restart (half a minute or more), within half a minute. The poll log, X-Progress
        // and short countdowns alone are not worth a write: they go with the job's next save, or at
        // exit. After a crash a job shows an older X-Progress until its first poll, which comes at
        // once. So a thousand jobs polling every second, their X-Progress changing at each poll,
        // rewrite no files at all (saving X-Progress every 30 s rewrote and synced a thousand files
        // each time).
        constexpr JobFields kPrompt =
            JobField::State | JobField::Files | JobField::Manifest | JobField::Error;
        if (saveNow) {
            m_dirty.remove(id);
            m_dirtyLazy.remove(id);
            m_dirtyQuiet.remove(id);
            if (const ExportJob *j = job(id))
                m_store->saveLater(*j);
        } else if (fields & kPrompt) {
            m_dirtyLazy.remove(id);
            m_dirtyQuiet.remove(id);
            m_dirty.insert(id);
            if (!m_saveTimer.isActive())
                m_saveTimer.start();
        } else if (!m_dirty.contains(id)) {
            const ExportJob *j = job(id);
            const bool lasting =
                (fields & JobField::NextPoll) && j && j->nextPollAt.isValid() &&
                m_clock->now().msecsTo(j->nextPollAt) >= m_lazySaveTimer.interval();
            if (lasting)
                markLazy(id);
            else if (!m_dirtyLazy.contains(id))
                m_dirtyQuiet.insert(id);
        }
    }
    Q_EMIT jobChanged(id, fields);
}

void JobManager::changedLazily(const QString &id, JobFields fields)
{
    if (m_store && !m_dirty.contains(id))
        markLazy(id);
    Q_EMIT jobChanged(id, fields);
}

void JobManager::markLazy(const QString &id)
{
    m_dirtyQuiet.remove(id);
    m_dirtyLazy.insert(id);
    if (!m_lazySaveTimer.isActive())
        m_lazySaveTimer.start();
}

void JobManager::flushSaves()
{
    m_saveTimer.stop();
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    if (!m_store)
        return;
    for (const QString &id : dirty) {
        if (const ExportJob *j = job(id))
            m_store->saveLater(*j);
    }
}

void JobManager::saveAll()
{
    m_lazySaveTimer.stop();
    m_dirty.unite(std::exchange(m_dirtyLazy, {}));
    m_dirty.unite(std::exchange(m_dirtyQuiet, {}));
    flushSaves();
}

void JobManager::waitForSaves()
{
    saveAll();
    if (m_store)
        m_store->flush();
}

void JobManager::setState(const QString &id, JobState state)
{
    ExportJob *j = mutableJob(id);
    if (!j || j->state == state)
        return;
    if (!canTransition(j->state, state)) {
        qCWarning(lcJobs) << "illegal transition" << jobStateName(j->state) << "->"
                          << jobStateName(state);
        Q_ASSERT_X(false, "JobManager::setState", "illegal job state transition");
        return;
    }
    const JobState from = j->state;
    j->state = state;
    if (state != JobState::Running) {
        j->nextPollAt = {};
        m_scheduler->cancel(id);
    }
    if (j->isTerminal()) {
        j->finishedAt = m_clock->now();
        releaseFolder(id);
    } else {
        j->finishedAt = {};
    }
    changed(id, JobField::State | JobField::NextPoll, true);
    Q_EMIT stateChanged(id, from, state);
    if (j->isTerminal())
        Q_EMIT jobFinished(id);
}

void JobManager::fail(const QString &id, const QString &message)
{
    ExportJob *j = mutableJob(id);
    if (!j)
        return;
    HttpClient *client = clientFor(*j);
    j->lastError = client->redact(message);
    changed(id, JobField::Error);
    setState(id, JobState::Failed);
}

QString JobManager::addJob(ExportJob job)
{
    const QString id = insertJob(std::move(job));
    changed(id, JobField::All, true);
    return id;
}

QString JobManager::insertJob(ExportJob job)
{
    const QString id = job.id;
    m_jobs.insert(id, std::move(job));
    ++m_layoutGeneration;
    m_order.append(id);
    Q_EMIT jobAdded(id);
    return id;
}

void JobManager::stopActivity(const QString &id, const QString &why)
{
    Runtime &rt = runtime(id);
    ++rt.generation; // an answer still on its way is ignored
    rt.requestInFlight = false;
    m_scheduler->cancel(id);
    stopDownloads(id, why);
}

QStringList JobManager::restore()
{
    if (!m_store)
        return {};
    JobStore::Loaded loaded = m_store->loadAll();
    for (ExportJob &j : loaded.jobs)
        adopt(std::move(j));
    for (const QString &p : std::as_const(loaded.problems))
        Q_EMIT warning(p);
    return loaded.problems;
}

void JobManager::adopt(ExportJob j)
{
    if (m_jobs.contains(j.id))
        return;
    const QDateTime now = m_clock->now();
    const QString id = insertJob(std::move(j));
    if (const QString boot = m_jobs.value(id).unsyncedBootId; !boot.isEmpty() && boot != m_bootId)
        checkFilesAfterReboot(id);
    // Not mutableJob(): a finished job restored from the index stays a summary.
    ExportJob *live = &m_jobs.find(id).value();
    if (live->state != JobState::Starting && !live->isTerminal()) {
        if (const QString why = claimFolder(id, live->outDir); !why.isEmpty()) {
            for (ExportFile &f : live->files) {
                if (f.state == FileState::Downloading)
                    f.state = FileState::Pending;
            }
            //: %1 is why the folder cannot be used
            live->lastError = tr("%1 Choose Retry when it can be used again.").arg(why);
            changed(id, JobField::Error);
            setState(id, JobState::Failed);
            return;
        }
    }
    switch (live->state) {
    case JobState::Starting:
        // We cannot know whether the server received the kick-off; starting again is the
        // user's decision, not ours.
        live->lastError = tr("The application stopped while this export was being started. "
                             "Choose Retry to start it again.");
        changed(id, JobField::Error);
        setState(id, JobState::Failed);
        break;
    case JobState::Running:
        schedulePoll(id, qMax<qint64>(0, now.msecsTo(live->nextPollAt)));
        break;
    case JobState::Downloading:
        for (ExportFile &f : live->files) {
            if (f.state == FileState::Downloading)
                f.state = FileState::Pending;
        }
        queueDownloads(id);
        break;
    case JobState::Completed:
        if (live->autoDownload) {
            setState(id, JobState::Downloading);
            queueDownloads(id);
        }
        break;
    default:
        break;
    }
}

QString JobManager::currentBootId()
{
    QFile f(u"/proc/sys/kernel/random/boot_id"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().trimmed());
}

void JobManager::checkFilesAfterReboot(const QString &id)
{
    recheckSavedFiles(id, true);
    mutableJob(id)->unsyncedBootId.clear();
    changed(id, JobField::Files, true);
}

int JobManager::recheckSavedFiles(const QString &id, bool afterReboot)
{
    ExportJob *j = mutableJob(id);
    if (!j)
        return 0;
    // The server may still have the files of a job that was saved or stopped by an error; not
    // those of an expired or cancelled one.
    const bool canFetch = j->state != JobState::Expired && j->state != JobState::Cancelled;
    int lost = 0;
    for (int i = 0; i < j->files.size(); ++i) {
        ExportFile &f = j->files[i];
        if (f.state != FileState::Saved)
            continue;
        const QFileInfo info(QDir(j->outDir).filePath(f.relativePath));
        const bool missing = !info.exists();
        // After a reboot only a short file is suspect (the disk had not written it all); a
        // user may also have changed one since (its size, or its time, tells).
        const bool changedOnDisk =
            !missing &&
            (info.size() != f.bytes || (!afterReboot && f.modifiedMs != 0 &&
                                        info.lastModified().toMSecsSinceEpoch() != f.modifiedMs));
        if (!missing && !changedOnDisk)
            continue;
        ++lost;
        f.bytes = 0;
        f.lines = 0;
        f.modifiedMs = 0;
        if (canFetch) {
            f.state = FileState::Pending;
            f.attempts = 0;
            f.fetchAgain = !missing;
            if (afterReboot)
                //: %1 is a file name
                note(id, tr("%1 was not complete on the disk after the computer restarted (it "
                            "had not been written to the disk yet); it is downloaded again.")
                             .arg(f.relativePath));
            else
                //: %1 is a file name
                note(id, tr("%1 is no longer in the folder as it was saved (deleted, moved or "
                            "changed since); it is downloaded again.")
                             .arg(f.relativePath));
        } else {
            f.state = FileState::Failed;
            f.error = afterReboot ? tr("Not complete on the disk after the computer restarted.")
                                  : tr("No longer in the folder as it was saved, and the server no "
                                       "longer has the export: a new export is needed.");
        }
        Q_EMIT savedFileLost(id, i, missing);
    }
    if (lost > 0) {
        if (canFetch && j->state == JobState::Saved)
            setState(id, JobState::Downloading); // the caller queues the downloads
        changed(id, JobField::Files, true);
    }
    return lost;
}

QString JobManager::claimFolder(const QString &id, const QString &outDir)
{
    return m_folders.claim(id, outDir);
}

void JobManager::releaseFolder(const QString &id)
{
    m_folders.release(id);
}

Result<QString> JobManager::startExport(const ExportRequest &request, const JobOptions &options)
{
    if (const QString why = request.validate(); !why.isEmpty())
        return Error::make(Error::Kind::Usage, why);
    if (options.outDir.isEmpty())
        return Error::make(Error::Kind::Usage, tr("Choose a folder for the exported files."));
    const QString outDir = QDir::cleanPath(QDir(options.outDir).absolutePath());
    ExportJob j;
    j.outDir = outDir;
    j.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (const QString why = claimFolder(j.id, outDir); !why.isEmpty())
        return Error::make(Error::Kind::Usage, why);
    j.profileId = options.profileId;
    j.serverName = options.serverName.isEmpty() ? request.base.host() : options.serverName;
    j.request = request;
    j.kickoffUrl = request.kickoffUrl();
    j.autoDownload = options.autoDownload;
    j.createdAt = m_clock->now();
    j.state = JobState::Starting;
    const QString id = addJob(std::move(j));
    kickOff(id);
    return id;
}

Result<QString> JobManager::resumeExport(const QUrl &statusUrl, const QUrl &base,
                                         const JobOptions &options)
{
    const QString scheme = statusUrl.scheme().toLower();
    if (!statusUrl.isValid() || statusUrl.host().isEmpty() ||
        (scheme != "http"_L1 && scheme != "https"_L1))
        return Error::make(Error::Kind::Usage,
                           tr("The status URL must be an http:// or https:// URL."));
    if (options.outDir.isEmpty())
        return Error::make(Error::Kind::Usage, tr("Choose a folder for the exported files."));
    const QString outDir = QDir::cleanPath(QDir(options.outDir).absolutePath());
    for (const QString &id : std::as_const(m_order)) {
        const ExportJob &existing = m_jobs[id];
        if (existing.statusUrl != statusUrl || existing.outDir != outDir)
            continue;
        // What was saved before must still be there: a file deleted or changed since is
        // fetched again while the server has it.
        if (recheckSavedFiles(id, false) > 0 && existing.state == JobState::Downloading) {
            if (const QString why = claimFolder(id, outDir); !why.isEmpty()) {
                fail(id, why);
                return id;
            }
            queueDownloads(id);
            return id;
        }
        if (existing.state == JobState::Saved || existing.state == JobState::Cancelled ||
            existing.state == JobState::Expired) {
            return id;
        }
        if (existing.state == JobState::Failed) {
            retry(id);
        } else if (existing.state == JobState::Completed) {
            startDownload(id);
        } else if (existing.state == JobState::Running && !m_scheduler->isScheduled(id) &&
                   !runtime(id).requestInFlight) {
            pollNow(id);
        }
        return id;
    }
    ExportJob j;
    j.outDir = outDir;
    j.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (const QString why = claimFolder(j.id, outDir); !why.isEmpty())
        return Error::make(Error::Kind::Usage, why);
    j.profileId = options.profileId;
    j.request.base =
        base.isValid() ? base : statusUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery);
    j.serverName = options.serverName.isEmpty() ? statusUrl.host() : options.serverName;
    j.statusUrl = statusUrl;
    j.autoDownload = options.autoDownload;
    j.createdAt = m_clock->now();
    j.state = JobState::Running;
    const QString id = addJob(std::move(j));
    poll(id);
    return id;
}

QDateTime JobManager::lastTransactionTime(const QString &profileId, const QUrl &base) const
{
    ExportRequest like;
    like.base = base;
    return lastTransactionTime(profileId, like);
}

QDateTime JobManager::lastTransactionTime(const QString &profileId, const ExportRequest &like) const
{
    const auto sorted = [](QStringList list) {
        list.sort();
        list.removeDuplicates();
        return list;
    };
    const QStringList types = sorted(like.types);
    const QStringList filters = sorted(like.typeFilters);
    const QStringList patients = sorted(like.patients);
    const QStringList elements = sorted(like.elements);
    QDateTime best;
    for (const ExportJob &j : m_jobs) {
        const ExportRequest &r = j.request;
        // Only an export whose files were all saved: a failed or unsaved one left data out.
        if (j.profileId != profileId || r.base != like.base || j.state != JobState::Saved ||
            !j.transactionTime.isValid() || r.level != like.level || r.groupId != like.groupId ||
            sorted(r.types) != types || sorted(r.typeFilters) != filters ||
            sorted(r.patients) != patients || sorted(r.elements) != elements || r.until.isValid())
            continue;
        if (!best.isValid() || j.transactionTime > best)
            best = j.transactionTime;
    }
    return best;
}

// --- kick-off -------------------------------------------------------------------------------

void JobManager::sendForJob(const QString &id, HttpCall call,
                            void (JobManager::*handler)(const QString &, const HttpResponse &),
                            std::function<void(HttpClient *, const HttpResponse &)> stale)
{
    ExportJob *j = mutableJob(id);
    call.log = logger(id);
    Runtime &rt = runtime(id);
    rt.requestInFlight = true;
    // An answer that arrives after a cancel, a retry or a removal belongs to the past: dropped,
    // or left to the caller's stale handler.
    const quint64 generation = rt.generation;
    const QPointer<HttpClient> client = clientFor(*j);
    client->send(
        call, this,
        [this, id, generation, handler, client, stale = std::move(stale)](const HttpResponse &r) {
            if (!job(id) || runtime(id).generation != generation) {
                if (stale && client)
                    stale(client, r);
                return;
            }
            runtime(id).requestInFlight = false;
            (this->*handler)(id, r);
        });
}

namespace {

/// The status URL a kick-off's answer gives (Content-Location; a relative one against the URL
/// that answered, after any redirect, as HTTP resolves it), or an empty URL when there is no
/// usable one.
QUrl statusUrlOf(const HttpResponse &r, const QUrl &kickoffUrl)
{
    const QByteArray location = r.header("Content-Location");
    if (location.isEmpty())
        return {};
    const QUrl status = (r.finalUrl.isValid() ? r.finalUrl : kickoffUrl)
                            .resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
    const QString scheme = status.scheme().toLower();
    if (!status.isValid() || status.host().isEmpty() ||
        (scheme != "http"_L1 && scheme != "https"_L1))
        return {};
    return status;
}

} // namespace

void JobManager::kickOff(const QString &id)
{
    ExportJob *j = mutableJob(id);
    if (!j)
        return;
    HttpCall call;
    call.url = j->kickoffUrl;
    call.headers = {{"Accept"_ba, "application/fhir+json"_ba}, {"Prefer"_ba, "respond-async"_ba}};
    if (j->request.noCache)
        call.headers.append({"Cache-Control"_ba, "no-cache"_ba});
    if (j->request.usePost) {
        call.method = "POST";
        call.body = j->request.parametersBody();
        call.headers.append({"Content-Type"_ba, "application/fhir+json"_ba});
    }
    const QUrl kickoffUrl = j->kickoffUrl;
    sendForJob(
        id, call, &JobManager::onKickOff,
        [this, id, kickoffUrl](HttpClient *client, const HttpResponse &r) {
            // Cancelled or removed while the kick-off was on its way, and the server started the
            // export anyway: nobody follows it, so ask the server to delete it (Oracle allows one
            // export at a time, HAPI keeps its files for hours).
            const QUrl status = statusUrlOf(r, kickoffUrl);
            if (r.error.isError() || r.status != 202 || status.isEmpty())
                return;
            if (job(id))
                note(id,
                     tr("The server had started the export before it was cancelled; it is asked to "
                        "delete it."));
            HttpCall del;
            del.method = "DELETE";
            del.url = status;
            del.headers = {{"Accept"_ba, "application/fhir+json"_ba}};
            del.log = logger(id);
            client->send(del, this, [](const HttpResponse &) {});
        });
}

void JobManager::onKickOff(const QString &id, const HttpResponse &r)
{
    ExportJob *j = mutableJob(id);
    if (r.error.isError()) {
        //: %1 is the reason
        fail(id, tr("The export could not be started: %1").arg(r.error.message));
        return;
    }
    if (r.status == 202) {
        const QByteArray location = r.header("Content-Location");
        if (location.isEmpty()) {
            fail(id, tr("The server accepted the export but did not say where to follow it "
                        "(no Content-Location header). Nothing can be downloaded."));
            return;
        }
        if (QUrl::fromEncoded(location, QUrl::StrictMode).isRelative())
            note(id, tr("The server gave a relative status address; it was resolved against the "
                        "kick-off URL."));
        const QUrl status = statusUrlOf(r, j->kickoffUrl);
        if (status.isEmpty()) {
            fail(id, tr("The server's status address is not an HTTP(S) URL."));
            return;
        }
        j->statusUrl = status;
        if (followedElsewhere(*j))
            // HAPI answers an identical request with the job it already runs.
            note(
                id,
                tr("The server answered with a job another export here already follows; it "
                   "reuses identical requests. \"Start a new job even if an identical one exists\" "
                   "(--no-cache) starts a new one."));
        setState(id, JobState::Running);
        const auto retryAfter =
            parseRetryAfterMs(r.header("Retry-After"), r.header("Date"), m_clock->now());
        schedulePoll(id, m_policy.nextDelayMs(0, retryAfter));
        return;
    }
    if (r.status == 429) {
        const auto retryAfter =
            parseRetryAfterMs(r.header("Retry-After"), r.header("Date"), m_clock->now());
        QString wait;
        if (retryAfter)
            //: %1 is a number of seconds
            wait = u' ' + tr("The server asks to wait %1 seconds before trying again.")
                              .arg(*retryAfter / 1000);
        fail(id,
             tr("The server is busy (another export may be running) and did not start this one.") +
                 wait + u' ' + describeErrorBody(r.status, r.body));
        return;
    }
    fail(id, tr("The export could not be started.") + u' ' + describeErrorBody(r.status, r.body));
}

// --- polling --------------------------------------------------------------------------------

void JobManager::schedulePoll(const QString &id, qint64 delayMs)
{
    ExportJob *j = mutableJob(id);
    if (!j)
        return;
    j->nextPollAt = m_clock->now().addMSecs(delayMs);
    m_scheduler->schedule(id, j->nextPollAt);
    changed(id, JobField::NextPoll);
}

void JobManager::pollNow(const QString &id)
{
    const ExportJob *j = job(id);
    if (!j || j->state != JobState::Running || runtime(id).requestInFlight)
        return;
    m_scheduler->cancel(id);
    poll(id);
}

void JobManager::poll(const QString &id)
{
    ExportJob *j = mutableJob(id);
    if (!j || j->state != JobState::Running)
        return;
    j->nextPollAt = {};
    changed(id, JobField::NextPoll);
    HttpCall call;
    call.url = j->statusUrl;
    call.headers = {{"Accept"_ba, "application/json"_ba}};
    sendForJob(id, call, &JobManager::onPoll);
}

void JobManager::scheduleRetry(const QString &id, std::optional<qint64> retryAfterMs,
                               const QString &why, bool countsAsError)
{
    ExportJob *j = mutableJob(id);
    Runtime &rt = runtime(id);
    if (countsAsError)
        ++j->attempt;
    j->lastError = clientFor(*j)->redact(why);
    const qint64 jitterSeed = QRandomGenerator::global()->bounded(2001);
    const qint64 delay = m_policy.nextDelayMs(retryAfterMs ? 0 : rt.backoffStep, retryAfterMs,
                                              double(jitterSeed - 1000) / 1000.0);
    if (!retryAfterMs)
        ++rt.backoffStep;
    changed(id, JobField::Error);
    schedulePoll(id, delay);
}

bool JobManager::keepTrying(const QString &id)
{
    const ExportJob *j = job(id);
    Runtime &rt = runtime(id);
    const QDateTime now = m_clock->now();
    if (j->attempt == 0 || !rt.troubleSince.isValid())
        rt.troubleSince = now;
    // A network drop or a server's restart can take minutes; a long export should outlast them.
    return j->attempt < m_policy.maxTransientErrors ||
           rt.troubleSince.msecsTo(now) < m_policy.transientGiveUpMs;
}

void JobManager::onPoll(const QString &id, const HttpResponse &r)
{
    ExportJob *j = mutableJob(id);
    Runtime &rt = runtime(id);
    ++j->pollCount;
    const auto retryAfter =
        parseRetryAfterMs(r.header("Retry-After"), r.header("Date"), m_clock->now());
    if (!r.header("Retry-After").isEmpty() && !retryAfter)
        note(id, tr("The server's Retry-After value \"%1\" is not understood; waiting by our own "
                    "schedule.")
                     .arg(QString::fromLatin1(r.header("Retry-After").left(80))));

    if (r.error.isError()) {
        if (r.error.kind == Error::Kind::Network && keepTrying(id)) {
            //: %1 is the reason
            scheduleRetry(id, std::nullopt,
                          tr("Checking the export failed: %1").arg(r.error.message), true);
            return;
        }
        fail(id, tr("Checking the export failed: %1").arg(r.error.message));
        return;
    }

    const int status = r.status;
    if (status == 202) {
        // Only a change is signalled and saved: most polls change nothing but the countdown.
        const bool hadError = j->attempt != 0 || !j->lastError.isEmpty();
        j->attempt = 0;
        rt.consecutive429 = 0;
        j->lastError.clear();
        const QString progress = QString::fromUtf8(progressHeader(r));
        if (progress != j->progressText) {
            j->progressText = progress;
            changed(id, JobField::Progress);
        }
        // HAPI keeps answering 202 for a cancelled job; only X-Progress says so.
        if (progress.contains("Status set to CANCELLED"_L1)) {
            note(id, tr("The server reports the export as cancelled."));
            setState(id, JobState::Cancelled);
            return;
        }
        if (!retryAfter)
            ++rt.backoffStep;
        const qint64 delay =
            m_policy.nextDelayMs(retryAfter ? 0 : rt.backoffStep - 1, retryAfter,
                                 double(QRandomGenerator::global()->bounded(2001) - 1000) / 1000.0);
        if (hadError)
            changed(id, JobField::Error);
        schedulePoll(id, delay);
        return;
    }
    if (status == 200) {
        j->attempt = 0;
        j->lastError.clear();
        rt.visitedPages = {j->statusUrl.toString()};
        rt.pages.clear();
        acceptManifest(id, r.body, r);
        return;
    }
    if (status == 429) {
        ++rt.consecutive429;
        if (rt.consecutive429 == kThrottleWarning)
            note(id,
                 tr("The server has asked to slow down %1 times in a row.").arg(kThrottleWarning));
        // Never a failure: wait as asked and go on.
        scheduleRetry(id, retryAfter, tr("The server asked to wait before checking again."), false);
        return;
    }
    if (status == 404 || status == 410) {
        if (j->cancelRequested) {
            setState(id, JobState::Cancelled);
            return;
        }
        j->lastError =
            tr("The server no longer knows this export: it has expired, was cancelled, or the "
               "status address is wrong. Files already saved are kept.");
        changed(id, JobField::Error);
        setState(id, JobState::Expired);
        return;
    }
    const auto outcome = OperationOutcome::fromJson(r.body);
    const QString described = describeErrorBody(status, r.body);
    if (status >= 500) {
        const bool transient =
            outcome ? (outcome->issues.isEmpty() || outcome->isTransient()) : true;
        if (transient && keepTrying(id)) {
            scheduleRetry(id, retryAfter, described, true);
            return;
        }
    }
    if (status == 401 || status == 403) {
        // Even after a new token: the credentials, not the export, need attention.
        fail(id, tr("The server refused access to the export's status. Check the profile's "
                    "authorization and choose Retry: the export on the server may still be "
                    "running.") +
                     u' ' + described);
        return;
    }
    fail(id, described);
}

void JobManager::acceptManifest(const QString &id, const QByteArray &body,
                                const HttpResponse &response)
{
    ExportJob *j = mutableJob(id);
    Runtime &rt = runtime(id);
    Result<Manifest> parsed = Manifest::parse(body);
    if (!parsed.ok()) {
        fail(id, parsed.error().message);
        return;
    }
    const bool firstPage = rt.pages.isEmpty();
    if (firstPage) {
        rt.manifest = parsed.value();
        const QByteArray expires = response.header("Expires");
        const QDateTime expiresAt = parseHttpDate(expires);
        if (expiresAt.isValid())
            j->expiresAt = expiresAt;
        else if (j->statusUrl.toString().contains("$export-poll-status"_L1))
            j->expiresAt = m_clock->now().addSecs(kHapiRetentionSecs);
    } else {
        rt.manifest.appendPage(parsed.value());
    }
    rt.pages.append(body);
    for (const QString &w : std::as_const(parsed->warnings))
        note(id, w);

    const QUrl next = parsed->nextPage;
    if (next.isValid()) {
        if (rt.visitedPages.contains(next.toString())) {
            note(id, tr("The manifest's pages link back to a page already read; stopping there."));
        } else if (rt.visitedPages.size() >= kMaxManifestPages) {
            fail(id, tr("The manifest has more pages than this application accepts."));
            return;
        } else {
            rt.visitedPages.insert(next.toString());
            fetchManifestPage(id, next);
            return;
        }
    }
    if (rt.pages.size() == 1) {
        j->manifestJson = body;
    } else {
        // Pages merged into one document: the first page's fields, every page's files.
        QList<QJsonObject> pageObjects;
        for (const QByteArray &page : std::as_const(rt.pages))
            pageObjects.append(QJsonDocument::fromJson(page).object());
        QJsonObject merged = pageObjects.first();
        for (const char *key : {"output", "error", "deleted"}) {
            QJsonArray all;
            for (const QJsonObject &page : std::as_const(pageObjects)) {
                for (const QJsonValue &v : page.value(QLatin1String(key)).toArray())
                    all.append(v);
            }
            merged.insert(QLatin1String(key), all);
        }
        merged.remove(u"link"_s);
        j->manifestJson = QJsonDocument(merged).toJson(QJsonDocument::Indented);
    }
    finishManifest(id);
}

void JobManager::fetchManifestPage(const QString &id, const QUrl &url)
{
    HttpCall call;
    call.url = url;
    call.headers = {{"Accept"_ba, "application/json"_ba}};
    sendForJob(id, call, &JobManager::onManifestPage);
}

void JobManager::onManifestPage(const QString &id, const HttpResponse &r)
{
    if (r.error.isError() || r.status != 200) {
        const QString why =
            r.error.isError() ? r.error.message : describeErrorBody(r.status, r.body);
        //: %1 is the reason
        const QString message = tr("A page of the manifest could not be read: %1").arg(why);
        const bool transient = r.error.isError() ? r.error.kind == Error::Kind::Network
                                                 : r.status >= 500 || r.status == 429;
        Runtime &rt = runtime(id);
        if (transient && rt.pageFailures < m_policy.maxTransientErrors) {
            // The status URL gives the manifest again; its pages are read again from the first.
            ++rt.pageFailures;
            scheduleRetry(
                id, parseRetryAfterMs(r.header("Retry-After"), r.header("Date"), m_clock->now()),
                message, true);
            return;
        }
        fail(id, message);
        return;
    }
    acceptManifest(id, r.body, r);
}

void JobManager::finishManifest(const QString &id)
{
    ExportJob *j = mutableJob(id);
    const Manifest m = std::exchange(runtime(id).manifest, Manifest());
    runtime(id).pages.clear();
    j->transactionTime = m.transactionTime;
    j->requiresAccessToken = m.requiresAccessToken;
    j->message = m.message;
    j->completedAt = m_clock->now();
    j->progressText.clear();
    j->files.clear();
    QHash<QString, int> counters;
    // Outputs, then errors, then deleted, each in manifest order, also across pages.
    QList<ManifestFile> ordered = m.files;
    std::stable_sort(
        ordered.begin(), ordered.end(),
        [](const ManifestFile &a, const ManifestFile &b) { return int(a.kind) < int(b.kind); });
    for (const ManifestFile &mf : std::as_const(ordered)) {
        ExportFile f;
        f.kind = mf.kind;
        f.type = mf.type;
        f.url = mf.url;
        f.expectedCount = mf.count;
        const QString safe = safeTypeName(
            mf.type.isEmpty() && mf.kind == FileKind::Error ? u"OperationOutcome"_s : mf.type);
        if (!mf.type.isEmpty() && safe != mf.type)
            note(
                id,
                tr("The resource type \"%1\" is not a safe file name; the file is saved as \"%2\".")
                    .arg(redactText(mf.type.left(80)), safe));
        const QString key = QString::number(int(mf.kind)) + u'/' + safe;
        const int index = ++counters[key];
        f.relativePath = exportFileName(mf.kind, safe, index);
        Q_ASSERT(isContainedRelativePath(f.relativePath));
        if (!mf.problem.isEmpty()) {
            f.state = FileState::Failed;
            f.error = mf.problem;
            note(id, mf.problem);
        }
        j->files.append(f);
    }
    changed(id, JobField::Manifest | JobField::Files | JobField::Progress, true);
    setState(id, JobState::Completed);
    if (const QString why = writeManifestFile(id); !why.isEmpty()) {
        fail(id, why); // Retry writes it again
        return;
    }
    if (j->files.isEmpty()) {
        if (!j->message.isEmpty())
            note(id, j->message);
        setState(id, JobState::Saved);
        return;
    }
    if (j->autoDownload)
        startDownload(id);
}

QString JobManager::writeManifestFile(const QString &id)
{
    const ExportJob *j = job(id);
    if (!QDir().mkpath(j->outDir))
        return tr("Cannot create the folder %1.").arg(j->outDir);
    QSaveFile f(QDir(j->outDir).filePath(u"manifest.json"_s));
    if (!f.open(QIODevice::WriteOnly) || f.write(j->manifestJson) != j->manifestJson.size() ||
        !f.commit())
        //: %1 is a file, %2 the reason
        return tr("Cannot write %1: %2").arg(f.fileName(), f.errorString());
    return {};
}

// --- cancel, retry, remove ------------------------------------------------------------------

void JobManager::cancel(const QString &id)
{
    ExportJob *j = mutableJob(id);
    if (!j || j->isTerminal())
        return;
    stopActivity(id, tr("Cancelled."));
    if (!j->statusUrl.isValid()) {
        setState(id, JobState::Cancelled);
        return;
    }
    if (followedElsewhere(*j)) {
        note(id, tr("Another export here follows the same job on the server, so the server was "
                    "not asked to cancel it."));
        setState(id, JobState::Cancelled);
        return;
    }
    j->cancelRequested = true;
    j->nextPollAt = {};
    changed(id, JobField::NextPoll, true);
    HttpCall call;
    call.method = "DELETE";
    call.url = j->statusUrl;
    call.headers = {{"Accept"_ba, "application/fhir+json"_ba}};
    call.log = logger(id);
    const quint64 generation = runtime(id).generation;
    const JobState before = j->state;
    clientFor(*j)->send(call, this, [this, id, generation, before](const HttpResponse &r) {
        ExportJob *jj = mutableJob(id);
        if (!jj || runtime(id).generation != generation)
            return;
        if (r.error.isError()) {
            //: %1 is the reason
            jj->lastError = tr("The server could not be told to cancel: %1").arg(r.error.message);
            jj->cancelRequested = false;
            changed(id, JobField::Error);
            carryOnAfterRefusedCancel(id, before);
            return;
        }
        if (r.status == 202 || r.status == 200 || r.status == 204) {
            setState(id, JobState::Cancelled);
            return;
        }
        if (r.status == 404 || r.status == 409) {
            jj->cancelRequested = false;
            note(id, tr("The server says the export had already finished or is unknown; checking "
                        "its status."));
            if (before == JobState::Running) {
                poll(id);
            } else {
                setState(id, JobState::Cancelled);
            }
            return;
        }
        jj->cancelRequested = false;
        jj->lastError = tr("The server did not cancel the export.") + u' ' +
                        describeErrorBody(r.status, r.body);
        changed(id, JobField::Error);
        carryOnAfterRefusedCancel(id, before);
    });
}

bool JobManager::followedElsewhere(const ExportJob &j) const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(), [&j](const ExportJob &other) {
        return other.id != j.id && !other.isTerminal() && other.statusUrl == j.statusUrl;
    });
}

void JobManager::carryOnAfterRefusedCancel(const QString &id, JobState before)
{
    // The job goes on as before the cancel: polling, or saving the files cancel() stopped.
    if (before == JobState::Running)
        schedulePoll(id, m_policy.minDelayMs);
    else if (before == JobState::Downloading)
        queueDownloads(id);
}

void JobManager::retry(const QString &id)
{
    ExportJob *j = mutableJob(id);
    if (!j || j->state != JobState::Failed)
        return;
    if (const QString why = claimFolder(id, j->outDir); !why.isEmpty()) {
        j->lastError = why;
        changed(id, JobField::Error);
        return;
    }
    Runtime &rt = runtime(id);
    ++rt.generation;
    rt.backoffStep = 0;
    j->attempt = 0;
    j->lastError.clear();
    changed(id, JobField::Error);
    if (!j->statusUrl.isValid()) {
        setState(id, JobState::Starting);
        kickOff(id);
    } else if (j->completedAt.isValid() && !j->files.isEmpty()) {
        for (ExportFile &f : j->files) {
            if (f.state == FileState::Failed) {
                f.state = FileState::Pending;
                f.attempts = 0;
                f.error.clear();
            }
        }
        setState(id, JobState::Downloading);
        queueDownloads(id);
    } else {
        setState(id, JobState::Running);
        poll(id);
    }
}

void JobManager::retryFile(const QString &id, int index)
{
    ExportJob *j = mutableJob(id);
    if (!j || index < 0 || index >= j->files.size())
        return;
    ExportFile &f = j->files[index];
    if (f.state != FileState::Failed)
        return;
    if (const QString why = claimFolder(id, j->outDir); !why.isEmpty()) {
        j->lastError = why;
        changed(id, JobField::Error);
        return;
    }
    f.state = FileState::Pending;
    f.attempts = 0;
    f.error.clear();
    if (j->state == JobState::Failed || j->state == JobState::Completed ||
        j->state == JobState::Saved) {
        j->lastError.clear();
        setState(id, JobState::Downloading);
    }
    changed(id, JobField::Files | JobField::Error, true);
    m_downloadQueue.enqueue({id, index});
    pumpDownloads();
}

void JobManager::startDownload(const QString &id)
{
    const ExportJob *j = job(id);
    if (!j || (j->state != JobState::Completed && j->state != JobState::Failed))
        return;
    if (j->state == JobState::Failed && !j->completedAt.isValid())
        return;
    if (const QString why = claimFolder(id, j->outDir); !why.isEmpty()) {
        mutableJob(id)->lastError = why;
        changed(id, JobField::Error);
        return;
    }
    setState(id, JobState::Downloading);
    queueDownloads(id);
}

void JobManager::abandon(const QString &id, const QString &why)
{
    const ExportJob *j = job(id);
    if (!j || j->isTerminal())
        return;
    stopActivity(id, why);
    fail(id, why);
}

void JobManager::remove(const QString &id)
{
    if (!m_jobs.contains(id))
        return;
    stopActivity(id, tr("Removed."));
    releaseFolder(id);
    m_jobs.remove(id);
    ++m_layoutGeneration;
    m_order.removeAll(id);
    m_runtime.remove(id);
    m_dirty.remove(id);
    m_dirtyLazy.remove(id);
    m_dirtyQuiet.remove(id);
    if (m_store)
        m_store->remove(id);
    Q_EMIT jobRemoved(id);
}

// --- downloads ------------------------------------------------------------------------------

void JobManager::queueDownloads(const QString &id)
{
    ExportJob *j = mutableJob(id);
    if (!j)
        return;
    for (int i = 0; i < j->files.size(); ++i) {
        ExportFile &f = j->files[i];
        if (f.state == FileState::Saved)
            continue;
        const QString finalPath = QDir(j->outDir).filePath(f.relativePath);
        const QFileInfo onDisk(finalPath);
        // Ours, not a file an earlier export left in the folder: the job recorded its download,
        // or it was written after this job's manifest came (downloads are recorded within half
        // a minute, so a small file may be on disk before the job says so).
        const bool ours =
            !f.fetchAgain && (f.bytes > 0 || (j->completedAt.isValid() && onDisk.exists() &&
                                              onDisk.lastModified() >= j->completedAt));
        if (f.state == FileState::Pending && ours && onDisk.exists() &&
            !QFile::exists(finalPath + u".part"_s)) {
            // Renamed before the crash, recorded after: the rename only happens once verified.
            // Counted once more here, in case the disk lost part of it.
            const qint64 lines = m_verify ? countLinesOfFile(finalPath).lines() : f.lines;
            if (!m_verify || !f.expectedCount || lines == *f.expectedCount) {
                f.state = FileState::Saved;
                f.bytes = onDisk.size();
                f.lines = lines;
                f.modifiedMs = onDisk.lastModified().toMSecsSinceEpoch();
                continue;
            }
        }
        if (f.state == FileState::Pending)
            m_downloadQueue.enqueue({id, i});
    }
    changed(id, JobField::Files, true);
    checkDownloadsDone(id);
    pumpDownloads();
}

void JobManager::pumpDownloads()
{
    while (m_active.size() < m_maxParallel && !m_downloadQueue.isEmpty()) {
        const auto [id, index] = m_downloadQueue.dequeue();
        const ExportJob *j = job(id);
        if (!j || j->state != JobState::Downloading || index >= j->files.size() ||
            j->files.at(index).state != FileState::Pending)
            continue;
        startFile(id, index);
    }
}

void JobManager::startFile(const QString &id, int index)
{
    ExportJob *j = mutableJob(id);
    ExportFile &f = j->files[index];
    f.state = FileState::Downloading;
    FileDownload::Options options;
    options.withToken = j->requiresAccessToken;
    options.timeoutMs = m_transferTimeoutMs;
    options.verify = m_verify;
    // Other output formats (a server may offer CSV or Parquet) hold no resources to check.
    const QString format = j->request.outputFormat.toLower();
    options.validateContent = format.isEmpty() || format.contains("ndjson"_L1);
    options.partsFrom = j->completedAt;
    auto *download = new FileDownload(clientFor(*j), f, j->outDir, options, logger(id), this);
    f.discardPart = false; // the download starts over; a crash before the save only repeats that
    m_active.insert(download, {id, index});
    // Shared by the two connections: a download still running when the manager goes away
    // never reports finished.
    auto throttle = std::make_shared<QElapsedTimer>();
    throttle->start();
    connect(download, &FileDownload::progress, this,
            [this, id, index, throttle](qint64 bytes, qint64 total, qint64 lines) {
                ExportJob *jj = mutableJob(id);
                if (!jj || index >= jj->files.size())
                    return;
                ExportFile &ff = jj->files[index];
                ff.bytes = bytes;
                ff.totalBytes = total;
                ff.lines = lines;
                // At most ten updates a second per file: views need no more. A restart resumes
                // from the .part on disk, not from these figures.
                if (throttle->elapsed() >= 100) {
                    throttle->restart();
                    changedLazily(id, JobField::Files);
                }
            });
    connect(download, &FileDownload::finished, this,
            [this, download, id, index](const Error &error) {
                m_active.remove(download);
                ExportJob *jj = mutableJob(id);
                if (jj && index < jj->files.size()) {
                    const ExportFile &result = download->file();
                    ExportFile &ff = jj->files[index];
                    ff.bytes = result.bytes;
                    ff.totalBytes = result.totalBytes;
                    ff.lines = result.lines;
                    ff.discardPart = result.discardPart;
                    ff.modifiedMs = result.modifiedMs;
                    if (!error.isError()) {
                        ff.state = FileState::Saved;
                        ff.fetchAgain = false;
                    }
                }
                download->deleteLater();
                onFileFinished(id, index, error);
                pumpDownloads();
            });
    changedLazily(id, JobField::Files); // a restart finds the .part and resumes it
    download->start();
}

void JobManager::onFileFinished(const QString &id, int index, const Error &error)
{
    ExportJob *j = mutableJob(id);
    if (!j || index >= j->files.size())
        return;
    ExportFile &f = j->files[index];
    if (!error.isError()) {
        runtime(id).fileTroubleSince.remove(index);
        f.error.clear();
        j->unsyncedBootId = m_bootId;
        // Saved within half a minute (or with the job's next save, at the latest when the last
        // file is in): a job of thousands of small files was rewritten twice a second while
        // they came in, all of it each time. A crash before the save is safe:
        // queueDownloads() recognises a renamed, verified file the store does not know yet.
        changedLazily(id, JobField::Files);
        Q_EMIT fileFinished(id, index);
        checkDownloadsDone(id);
        return;
    }
    if (error.kind == Error::Kind::Cancelled) {
        if (f.state == FileState::Downloading)
            f.state = FileState::Pending;
        changed(id, JobField::Files, true);
        return;
    }
    const QString message = clientFor(*j)->redact(error.message);
    // Only failures count towards the limit: a restart of the application is not one.
    ++f.attempts;
    const QDateTime now = m_clock->now();
    QDateTime &troubleSince = runtime(id).fileTroubleSince[index];
    if (f.attempts == 1 || !troubleSince.isValid())
        troubleSince = now;
    if (error.transient && (f.attempts < m_maxFileAttempts ||
                            troubleSince.msecsTo(now) < m_policy.transientGiveUpMs)) {
        f.state = FileState::Pending;
        //: %1 is the reason, %2 the attempt number
        f.error = tr("%1 Trying again (attempt %2).").arg(message).arg(f.attempts + 1);
        changed(id, JobField::Files, true);
        qint64 delay = qMin<qint64>(m_fileRetryDelayMs << qMin(f.attempts - 1, 5), 60000);
        if (error.retryAfterMs) // never sooner than the server asked
            delay = qMax(delay, qMin(*error.retryAfterMs, m_policy.maxRetryAfterMs));
        m_scheduler->schedule(id + u'#' + QString::number(index), now.addMSecs(delay));
        return;
    }
    f.state = FileState::Failed;
    f.error = message;
    if (error.httpStatus == 404 || error.httpStatus == 410)
        note(id, tr("%1 is no longer on the server.").arg(f.relativePath));
    changed(id, JobField::Files, true);
    Q_EMIT fileFinished(id, index);
    checkDownloadsDone(id);
}

void JobManager::checkDownloadsDone(const QString &id)
{
    ExportJob *j = mutableJob(id);
    if (!j || j->state != JobState::Downloading)
        return;
    // From the end: files are started in order, so while any is left, one near the end is (a
    // scan from the front passed every saved file, for each file of thousands).
    const auto unfinished = [](const ExportFile &f) {
        return f.state == FileState::Pending || f.state == FileState::Downloading;
    };
    if (std::any_of(j->files.crbegin(), j->files.crend(), unfinished))
        return;
    const auto failed =
        int(std::count_if(j->files.cbegin(), j->files.cend(),
                          [](const ExportFile &f) { return f.state == FileState::Failed; }));
    if (failed == 0) {
        // The manifest belongs with the files (written when it came; again if that failed).
        if (!QFileInfo::exists(QDir(j->outDir).filePath(u"manifest.json"_s))) {
            if (const QString why = writeManifestFile(id); !why.isEmpty()) {
                fail(id, why);
                return;
            }
        }
        j->lastError.clear();
        setState(id, JobState::Saved);
        return;
    }
    //: %n is the number of files that could not be saved
    fail(id, tr("%n file(s) could not be saved. Choose Retry to try them again.", nullptr, failed));
}

void JobManager::stopDownloads(const QString &id, const QString &why)
{
    for (auto it = m_downloadQueue.begin(); it != m_downloadQueue.end();) {
        if (it->first == id)
            it = m_downloadQueue.erase(it);
        else
            ++it;
    }
    if (const ExportJob *j = job(id)) {
        for (int i = 0; i < j->files.size(); ++i)
            m_scheduler->cancel(id + u'#' + QString::number(i));
    }
    const auto active = m_active;
    for (auto it = active.cbegin(); it != active.cend(); ++it) {
        if (it.value().first == id)
            it.key()->abort(why);
    }
}

} // namespace fbm
