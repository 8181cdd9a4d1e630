#include "jobmanager.h"

#include "attachmentfetch.h"
#include "logging.h"

#include "downloadqueue.h"
#include "exporthistory.h"
#include "exportrun.h"
#include "filedownload.h"
#include "httpclient.h"
#include "jobexportlog.h"
#include "jobrestore.h"
#include "savepolicy.h"
#include "scheduler.h"
#include "serverrelease.h"

#include <QDir>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

JobManager::JobManager(JobStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(Clock::system())
    , m_jitter([] { return double(QRandomGenerator::global()->bounded(2001) - 1000) / 1000.0; })
    , m_scheduler(std::make_unique<Scheduler>(m_clock))
    , m_saves(std::make_unique<SavePolicy>(
          store, [this](const QString &id) { return job(id); }, m_clock))
    , m_completion(std::make_unique<JobCompletion>(static_cast<JobHost *>(this)))
    , m_release(std::make_unique<ServerRelease>(static_cast<JobHost *>(this)))
    , m_attachments(std::make_unique<AttachmentFetch>(static_cast<JobHost *>(this)))
    , m_downloads(std::make_unique<DownloadQueue>(static_cast<JobHost *>(this)))
{
    m_exportLog = std::make_unique<JobExportLog>(static_cast<JobHost *>(this),
                                                 [this](const QString &id, const QString &why) {
                                                     qCWarning(lcJobs) << why;
                                                     note(id, why);
                                                     Q_EMIT warning(why);
                                                 });
    m_restore =
        std::make_unique<JobRestore>(static_cast<JobHost *>(this), &m_folders,
                                     JobRestore::Actions{[this](const QString &id, qint64 delayMs) {
                                                             run(id)->schedulePoll(delayMs);
                                                         },
                                                         [this](const QString &id) {
                                                             queueDownloads(id);
                                                         }});
    connect(m_scheduler.get(), &Scheduler::due, this, &JobManager::onDue);
    connect(m_downloads.get(), &DownloadQueue::fileDone, m_completion.get(),
            &JobCompletion::fileDone);
    connect(m_downloads.get(), &DownloadQueue::linksExpired, this,
            [this](const QString &id) { run(id)->refreshLinks(); });
    connect(m_completion.get(), &JobCompletion::fileFinished, this, &JobManager::fileFinished);
    connect(m_completion.get(), &JobCompletion::savedFileLost, this, &JobManager::savedFileLost);
    // Every file saved: the attachments, then the server is told that the export may go.
    connect(m_completion.get(), &JobCompletion::allFilesSaved, m_attachments.get(),
            &AttachmentFetch::fetch);
    connect(m_attachments.get(), &AttachmentFetch::done, m_release.get(), &ServerRelease::release);
    if (m_store)
        m_store->setErrorHandler(this, [this](const QString &message) { Q_EMIT warning(message); });
    connect(
        this, &JobManager::stateChanged, this,
        [this](const QString &id, JobState, JobState to) { m_exportLog->stateChanged(id, to); });
}

JobManager::~JobManager()
{
    m_saves->saveAll();
    if (m_store) {
        m_store->flush();
        m_store->setErrorHandler(nullptr, {});
    }
    m_downloads.reset(); // its downloads report to the records, which go next
}

void JobManager::setClock(const Clock *clock)
{
    m_clock = clock;
    if (m_store)
        m_store->setClock(clock); // the age of finished jobs, for pruning
    m_scheduler->setClock(clock);
    m_saves->setClock(clock);
}

qint64 JobManager::nextWakeUpMs() const
{
    return m_scheduler->nextWakeUpMs();
}

double JobManager::jitter()
{
    return m_jitter ? m_jitter() : 0.0;
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

ExportRun *JobManager::run(const QString &id)
{
    ExportRun *&r = m_runs[id];
    if (!r) {
        r = new ExportRun(id, static_cast<JobHost *>(this), this);
        connect(r, &ExportRun::manifestReady, this, &JobManager::onManifestReady);
        connect(r, &ExportRun::cancelRefused, this, &JobManager::queueDownloads);
        connect(r, &ExportRun::cancelNotDone, this, &JobManager::cancelFailed);
        connect(r, &ExportRun::freshLinks, m_downloads.get(), &DownloadQueue::applyFreshLinks);
    }
    return r;
}

HttpClient *JobManager::clientFor(const ExportJob &job)
{
    const QUrl base = job.request.base;
    if (m_clientProvider) {
        if (HttpClient *c = m_clientProvider(job.profileId, base))
            return c;
    }
    HttpClient *&c = m_defaultClients[base];
    if (!c) {
        c = new HttpClient(base, this);
        c->setClock(m_clock);
    }
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

void JobManager::logEvent(const QString &id, const QString &eventId, const QJsonObject &detail)
{
    m_exportLog->record(id, eventId, detail);
}

void JobManager::logKickoff(const QString &id, const QJsonObject &detail)
{
    m_exportLog->kickoff(id, detail);
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
    m_saves->changed(id, fields, saveNow);
    Q_EMIT jobChanged(id, fields);
}

void JobManager::changedLazily(const QString &id, JobFields fields)
{
    m_saves->changedLazily(id);
    Q_EMIT jobChanged(id, fields);
}

void JobManager::waitForSaves()
{
    m_saves->saveAll();
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
    j->cancelProblem.clear();
    if (state != JobState::Running) {
        j->nextPollAt = {};
        m_scheduler->cancel(DueKey::poll(id));
    }
    if (j->isTerminal()) {
        j->finishedAt = m_clock->now();
        // A cancelled export's log of nothing goes with its folder; a failed one's log says
        // why it failed (the server's refusal), so it stays.
        m_folders.release(id, state == JobState::Cancelled);
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
    j->lastError = clientFor(*j)->redact(message);
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

void JobManager::onDue(const DueKey &key)
{
    if (key.isFileRetry())
        m_downloads->retryDue(key);
    else if (!m_jobs.contains(key.job))
        return;
    else if (key.isLinkRefresh())
        run(key.job)->refreshLinks();
    else
        run(key.job)->poll();
}

void JobManager::stopActivity(const QString &id, const QString &why)
{
    if (ExportRun *r = m_runs.value(id))
        r->stop();
    m_scheduler->cancel(DueKey::poll(id));
    m_downloads->stop(id, why);
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
    const QString id = insertJob(std::move(j));
    ExportJob &job = m_jobs.find(id).value();
    m_completion->checkAfterRestore(job);
    m_restore->resume(job);
}

Result<QString> JobManager::startExport(const ExportRequest &request, const JobOptions &options)
{
    if (const QString why = request.validate(); !why.isEmpty())
        return Error::make(Error::Kind::Usage, why);
    if (options.outDir.isEmpty())
        return Error::make(Error::Kind::Usage, tr("Choose a folder for the exported files."));
    Result<ExportJob> made =
        newJob(QDir::cleanPath(QDir(options.outDir).absolutePath()), options, request.base.host());
    if (!made.ok())
        return made.error();
    ExportJob &j = made.value();
    j.request = request;
    j.kickoffUrl = request.kickoffUrl();
    j.state = JobState::Starting;
    const QString id = addJob(std::move(j));
    run(id)->kickOff();
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
        if (m_completion->recheckSavedFiles(id, false) > 0 &&
            existing.state == JobState::Downloading) {
            if (const QString why = m_folders.claim(id, outDir); !why.isEmpty()) {
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
        } else if (existing.state == JobState::Running &&
                   !m_scheduler->isScheduled(DueKey::poll(id)) && !run(id)->requestInFlight()) {
            pollNow(id);
        }
        return id;
    }
    Result<ExportJob> made = newJob(outDir, options, statusUrl.host());
    if (!made.ok())
        return made.error();
    ExportJob &j = made.value();
    j.request.base =
        base.isValid() ? base : statusUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery);
    j.statusUrl = statusUrl;
    j.state = JobState::Running;
    const QString id = addJob(std::move(j));
    run(id)->poll();
    return id;
}

Result<ExportJob> JobManager::newJob(const QString &outDir, const JobOptions &options,
                                     const QString &host)
{
    ExportJob j;
    j.outDir = outDir;
    j.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (const QString why = m_folders.claim(j.id, outDir); !why.isEmpty())
        return Error::make(Error::Kind::Usage, why);
    j.profileId = options.profileId;
    j.serverName = options.serverName.isEmpty() ? host : options.serverName;
    j.autoDownload = options.autoDownload;
    j.keepOnServer = options.keepOnServer;
    j.gzip = options.gzip;
    j.attachments = options.attachments;
    j.createdAt = m_clock->now();
    return j;
}

void JobManager::renameServer(const QString &profileId, const QString &name)
{
    if (profileId.isEmpty() || name.isEmpty())
        return;
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
        if (it->profileId != profileId || it->serverName == name)
            continue;
        it->serverName = name;
        changed(it->id, JobField::All, true);
    }
}

QDateTime JobManager::lastTransactionTime(const QString &profileId, const QUrl &base) const
{
    ExportRequest like;
    like.base = base;
    return lastTransactionTime(profileId, like);
}

QDateTime JobManager::lastTransactionTime(const QString &profileId, const ExportRequest &like) const
{
    const ExportJob *last = ExportHistory::lastComplete(m_jobs, profileId, like);
    return last ? last->transactionTime : QDateTime();
}

// --- the manifest and the files -------------------------------------------------------------

void JobManager::onManifestReady(const QString &id)
{
    ExportJob *j = mutableJob(id);
    if (const QString why = m_completion->writeManifest(id); !why.isEmpty()) {
        fail(id, why); // Retry writes it again
        return;
    }
    if (j->files.isEmpty()) {
        if (!j->message.isEmpty())
            note(id, j->message);
        m_release->release(id);
        return;
    }
    if (j->autoDownload)
        startDownload(id);
}

void JobManager::queueDownloads(const QString &id)
{
    m_downloads->queueJob(id);
    m_completion->checkDownloadsDone(id);
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
    j->cancelProblem.clear();
    j->nextPollAt = {};
    changed(id, JobField::NextPoll, true);
    run(id)->requestCancel(j->state);
}

bool JobManager::followedElsewhere(const ExportJob &j) const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(), [&j](const ExportJob &other) {
        return other.id != j.id && !other.isTerminal() && other.statusUrl == j.statusUrl;
    });
}

QString JobManager::retryAs(const QString &id, const ExportRequest &request)
{
    ExportJob *j = mutableJob(id);
    if (!j || j->state != JobState::Failed || j->statusUrl.isValid())
        return tr("Only an export that the server did not start can be sent again changed.");
    if (const QString why = request.validate(); !why.isEmpty())
        return why;
    j->request = request;
    j->kickoffUrl = request.kickoffUrl();
    changed(id, JobField::All);
    retry(id);
    return {};
}

void JobManager::retry(const QString &id)
{
    ExportJob *j = mutableJob(id);
    if (!j || j->state != JobState::Failed)
        return;
    if (const QString why = m_folders.claim(id, j->outDir); !why.isEmpty()) {
        j->lastError = why;
        changed(id, JobField::Error);
        return;
    }
    run(id)->restart();
    j->attempt = 0;
    j->lastError.clear();
    changed(id, JobField::Error);
    if (!j->statusUrl.isValid()) {
        // A new export on the server: Started and Elapsed count from this kick-off, not from a
        // refused one minutes ago (walkthrough #14: "8 min" for two instant failures).
        j->createdAt = m_clock->now();
        j->requestRefused = false;
        j->refusedParameters.clear();
        setState(id, JobState::Starting);
        run(id)->kickOff();
    } else if (j->completedAt.isValid() && !j->files.isEmpty()) {
        for (ExportFile &f : j->files) {
            if (f.state == FileState::Failed) {
                setFileState(f, FileState::Pending);
                f.attempts = 0;
                f.error.clear();
            }
        }
        setState(id, JobState::Downloading);
        queueDownloads(id);
    } else {
        setState(id, JobState::Running);
        run(id)->poll();
    }
}

void JobManager::retryFile(const QString &id, int index)
{
    ExportJob *j = mutableJob(id);
    if (!j || index < 0 || index >= j->files.size())
        return;
    ExportFile &f = j->files[index];
    // An expired or cancelled job does not download again.
    if (f.state != FileState::Failed || !canTransition(j->state, JobState::Downloading))
        return;
    if (const QString why = m_folders.claim(id, j->outDir); !why.isEmpty()) {
        j->lastError = why;
        changed(id, JobField::Error);
        return;
    }
    setFileState(f, FileState::Pending);
    f.attempts = 0;
    f.error.clear();
    if (j->state == JobState::Failed || j->state == JobState::Completed ||
        j->state == JobState::Saved) {
        j->lastError.clear();
        setState(id, JobState::Downloading);
    }
    changed(id, JobField::Files | JobField::Error, true);
    m_downloads->queueFile(id, index);
}

void JobManager::startDownload(const QString &id)
{
    const ExportJob *j = job(id);
    if (!j || (j->state != JobState::Completed && j->state != JobState::Failed))
        return;
    if (j->state == JobState::Failed && !j->completedAt.isValid())
        return;
    if (const QString why = m_folders.claim(id, j->outDir); !why.isEmpty()) {
        mutableJob(id)->lastError = why;
        changed(id, JobField::Error);
        return;
    }
    setState(id, JobState::Downloading);
    queueDownloads(id);
}

void JobManager::pollNow(const QString &id)
{
    if (m_jobs.contains(id))
        run(id)->pollNow();
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
    m_folders.release(id);
    m_jobs.remove(id);
    ++m_layoutGeneration;
    m_order.removeAll(id);
    if (ExportRun *r = m_runs.take(id))
        r->deleteLater();
    m_saves->forget(id);
    m_exportLog->forget(id);
    if (m_store)
        m_store->remove(id);
    Q_EMIT jobRemoved(id);
}

} // namespace fbm
