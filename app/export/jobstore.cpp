#include "jobstore.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <vector>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace fbm {

/// What identifies one version of a job file: QSaveFile gives every version a new inode.
struct JobFileKey
{
    qint64 inode = -1;
    qint64 size = -1;
    qint64 mtimeNs = -1;

    [[nodiscard]] bool isValid() const { return inode >= 0; }
    friend bool operator==(const JobFileKey &a, const JobFileKey &b)
    {
        return a.inode == b.inode && a.size == b.size && a.mtimeNs == b.mtimeNs;
    }
};

struct JobIndexEntry
{
    JobFileKey key;
    qint64 ageFromMs = 0; ///< 0: not known (never pruned)
    QByteArray summary;   ///< compact JSON
};

namespace {

using IndexEntry = JobIndexEntry;

// index.jobs: the first line is kIndexHeader, then one line per finished job:
//   <id> <inode> <size> <mtime ns> <age from, ms> <the job's summaryJson(), compact>
// Compact JSON has no line breaks, so the file is read once and parsed in place. "Age from" is
// when the job's age starts to count for pruning (ageFromMs()), so that pruning parses nothing.
// Version 1 kept every file of every job (23 MB for 68 exports): it is ignored and rebuilt.
constexpr char kIndexHeader[] = "fhir-bulk-monitor job index 2";
constexpr qint64 kDayMs = 24 * 3600 * 1000;

/// When a finished job starts to age: its end, or later when the server keeps its files
/// longer (it may still be fetched again until then). 0 when the job says neither.
qint64 ageFromMs(const ExportJob &job)
{
    QDateTime from = job.finishedAt.isValid() ? job.finishedAt : job.createdAt;
    if (job.expiresAt.isValid() && (!from.isValid() || job.expiresAt > from))
        from = job.expiresAt;
    return from.isValid() ? qMax<qint64>(1, from.toMSecsSinceEpoch()) : 0;
}

/// The previous index: id -> entry. Anything malformed is skipped (the file is only a cache).
QHash<QString, IndexEntry> readIndex(const QString &path)
{
    QHash<QString, IndexEntry> index;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return index;
    const QByteArray bytes = f.readAll();
    const QByteArrayView all(bytes);
    qsizetype eol = all.indexOf('\n');
    if (eol < 0 || all.first(eol) != QByteArrayView(kIndexHeader))
        return index;
    index.reserve(all.count('\n'));
    for (qsizetype start = eol + 1; start < all.size(); start = eol + 1) {
        eol = all.indexOf('\n', start);
        if (eol < 0)
            break; // a last line without its line break was cut short
        QByteArrayView line = all.sliced(start, eol - start);
        QByteArrayView fields[5];
        bool ok = true;
        for (QByteArrayView &field : fields) {
            const qsizetype space = line.indexOf(' ');
            if (space <= 0) {
                ok = false;
                break;
            }
            field = line.first(space);
            line = line.sliced(space + 1);
        }
        if (!ok || line.isEmpty())
            continue;
        IndexEntry e;
        bool a = false;
        bool b = false;
        bool c = false;
        bool d = false;
        e.key = {fields[1].toLongLong(&a), fields[2].toLongLong(&b), fields[3].toLongLong(&c)};
        e.ageFromMs = fields[4].toLongLong(&d);
        if (!a || !b || !c || !d)
            continue;
        e.summary = line.toByteArray();
        index.insert(QString::fromLatin1(fields[0]), std::move(e));
    }
    return index;
}

QByteArray indexLine(const QString &id, const IndexEntry &e)
{
    return id.toLatin1() + ' ' + QByteArray::number(e.key.inode) + ' ' +
           QByteArray::number(e.key.size) + ' ' + QByteArray::number(e.key.mtimeNs) + ' ' +
           QByteArray::number(e.ageFromMs) + ' ' + e.summary + '\n';
}

JobFileKey keyOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {qint64(st.st_ino), qint64(st.st_size),
            qint64(st.st_mtim.tv_sec) * 1000000000 + qint64(st.st_mtim.tv_nsec)};
}

/// A whole job file; problem set when it cannot be used.
std::optional<ExportJob> readJobFile(const QString &path, QString *problem)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = f.errorString();
        return std::nullopt;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        *problem = error.errorString();
        return std::nullopt;
    }
    auto job = ExportJob::fromJson(doc.object());
    if (!job)
        *problem = JobStore::tr("not a job this version understands");
    return job;
}
} // namespace

JobStore::JobStore(QString directory)
    : m_dir(std::move(directory))
{}

JobStore::~JobStore()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable())
        m_writer.join();
}

void JobStore::setErrorHandler(QObject *context, std::function<void(const QString &)> handler)
{
    const std::lock_guard lock(m_mutex);
    m_errorContext = context;
    m_errorHandler = std::move(handler);
}

void JobStore::saveLater(ExportJob job)
{
    if (!job.detailsLoaded) {
        // Its file on disk is the complete version; writing this summary would lose the log.
        qCWarning(lcStore) << "not saving job" << job.id << "without its details";
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        const QString id = job.id;
        m_pending.insert(id, std::move(job));
        startWriterLocked();
    }
    m_wake.notify_one();
}

void JobStore::startWriterLocked()
{
    if (!m_writer.joinable())
        m_writer = std::thread([this] { writerLoop(); });
}

void JobStore::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] {
        return m_pending.isEmpty() && m_pendingIndex.isEmpty() && m_writing.isEmpty() &&
               !m_writingIndex;
    });
}

void JobStore::writerLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock,
                    [this] { return m_stop || !m_pending.isEmpty() || !m_pendingIndex.isEmpty(); });
        if (!m_pendingIndex.isEmpty()) {
            const QByteArray bytes = std::exchange(m_pendingIndex, {});
            m_writingIndex = true;
            lock.unlock();
            // Only a cache: losing it costs one slow start, so a failure is logged, not shown.
            QSaveFile f(indexPath());
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
                qCWarning(lcStore) << "cannot write the job index" << f.errorString();
            lock.lock();
            m_writingIndex = false;
            m_idle.notify_all();
            continue;
        }
        if (m_pending.isEmpty())
            return; // stopping, and everything is written
        auto it = m_pending.begin();
        m_writing = it.key();
        const ExportJob job = std::move(it.value());
        m_pending.erase(it);
        lock.unlock();
        const Error error = save(job);
        lock.lock();
        m_writing.clear();
        m_idle.notify_all();
        if (error.isError()) {
            qCWarning(lcStore) << "cannot save job" << job.id << error.message;
            if (m_errorContext && m_errorHandler) {
                QMetaObject::invokeMethod(
                    m_errorContext.data(),
                    [handler = m_errorHandler, message = error.message] { handler(message); },
                    Qt::QueuedConnection);
            }
        }
    }
}

QString JobStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/jobs"_s;
}

QString JobStore::pathFor(const QString &id) const
{
    // Ids are UUIDs we made; anything else is refused rather than used as a path.
    QString safe;
    for (const QChar c : id) {
        if (c.isLetterOrNumber() || c == u'-')
            safe.append(c);
    }
    return m_dir + u'/' + safe + u".json"_s;
}

Error JobStore::save(const ExportJob &job) const
{
    Q_ASSERT(job.detailsLoaded);
    if (!QDir().mkpath(m_dir)) {
        //: %1 is a folder
        return Error::make(
            Error::Kind::Io,
            JobStore::tr("Cannot create the folder %1 for the job list.").arg(m_dir));
    }
    QSaveFile file(pathFor(job.id));
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(
            Error::Kind::Io,
            //: %1 is a file, %2 the system's reason
            JobStore::tr("Cannot save the job to %1: %2").arg(file.fileName(), file.errorString()));
    }
    file.write(job.toStoredJson());
    if (!file.commit()) {
        return Error::make(
            Error::Kind::Io,
            JobStore::tr("Cannot save the job to %1: %2").arg(file.fileName(), file.errorString()));
    }
    return {};
}

void JobStore::remove(const QString &id)
{
    std::unique_lock lock(m_mutex);
    m_pending.remove(id);
    m_idle.wait(lock, [&] { return m_writing != id; });
    QFile::remove(pathFor(id));
}

QString JobStore::indexPath() const
{
    return m_dir + u"/index.jobs"_s;
}

std::optional<ExportJob> JobStore::load(const QString &id) const
{
    QString problem;
    ++m_filesRead;
    auto job = readJobFile(pathFor(id), &problem);
    if (!job)
        qCWarning(lcStore) << "cannot read job" << id << problem;
    return job;
}

JobStore::Loaded JobStore::loadAll()
{
    flush();
    Loaded loaded;
    const QDir dir(m_dir);

    // The index from the last start: id -> (file key, age, summary).
    const QHash<QString, IndexEntry> index = readIndex(indexPath());

    const QStringList names = dir.entryList({u"*.json"_s}, QDir::Files);
    loaded.jobs.reserve(names.size());

    // Which files the index still describes (same inode, size and time)...
    struct Candidate
    {
        QString name;
        QString id;
        JobFileKey key;
        const IndexEntry *entry = nullptr; ///< null: read the file
    };
    std::vector<Candidate> candidates;
    candidates.reserve(size_t(names.size()));
    bool indexChanged = false;
    for (const QString &name : names) {
        Candidate c{name, name.chopped(5), keyOf(dir.filePath(name))};
        if (const auto it = index.constFind(c.id);
            it != index.cend() && c.key.isValid() && it->key == c.key) {
            if (isTooOld(it->ageFromMs)) {
                remove(c.id);
                loaded.pruned.append(c.id);
                indexChanged = true;
                continue;
            }
            c.entry = &it.value();
        }
        candidates.push_back(std::move(c));
    }
    // ... their summaries parsed on two cores (half of a start with thousands of old jobs) ...
    std::vector<std::optional<ExportJob>> summaries(candidates.size());
    const auto parse = [&](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
            if (!candidates[i].entry)
                continue;
            auto job =
                ExportJob::fromJson(QJsonDocument::fromJson(candidates[i].entry->summary).object());
            // A summary must describe this very file: finished, under the same id, and a
            // summary (an index line holding a whole job is not one this version wrote).
            if (job && job->isTerminal() && job->id == candidates[i].id && !job->detailsLoaded) {
                job->dropDetails();
                summaries[i] = std::move(job);
            }
        }
    };
    const size_t half = candidates.size() / 2;
    if (candidates.size() >= 512 && std::thread::hardware_concurrency() > 1) {
        std::thread other(parse, half, candidates.size());
        parse(0, half);
        other.join();
    } else {
        parse(0, candidates.size());
    }

    // ... and the rest read whole.
    QList<QPair<QString, IndexEntry>> newIndex;
    newIndex.reserve(names.size());
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates[i];
        if (summaries[i]) {
            loaded.jobs.append(std::move(*summaries[i]));
            newIndex.append({c.id, *c.entry});
            continue;
        }
        indexChanged = true;
        const QString path = dir.filePath(c.name);
        QString problem;
        ++m_filesRead;
        if (auto job = readJobFile(path, &problem)) {
            if (job->isTerminal() && isTooOld(ageFromMs(*job))) {
                remove(c.id);
                loaded.pruned.append(c.id);
                continue;
            }
            if (job->isTerminal() && c.key.isValid()) {
                newIndex.append(
                    {c.id,
                     {c.key, ageFromMs(*job),
                      QJsonDocument(job->summaryJson()).toJson(QJsonDocument::Compact)}});
                job->dropDetails(); // as the index will give it next time
            }
            loaded.jobs.append(std::move(*job));
            continue;
        }
        dir.mkpath(u"damaged"_s);
        const QString aside =
            dir.filePath(u"damaged/"_s + c.name + u'.' +
                         QDateTime::currentDateTimeUtc().toString(u"yyyyMMddhhmmss"_s));
        QFile::rename(path, aside);
        //: %1 is a file name, %2 the reason, %3 where the file was moved
        loaded.problems.append(
            JobStore::tr("The saved job %1 could not be read (%2); it was moved to %3.")
                .arg(c.name, problem, aside));
        qCWarning(lcStore) << "damaged job file moved aside:" << aside;
    }
    if (indexChanged || newIndex.size() != index.size()) {
        QByteArray bytes = QByteArray(kIndexHeader) + '\n';
        for (const auto &[id, entry] : std::as_const(newIndex))
            bytes += indexLine(id, entry);
        writeIndexLater(std::move(bytes));
    }
    if (!loaded.pruned.isEmpty())
        qCInfo(lcStore) << loaded.pruned.size() << "finished jobs older than" << m_keepDays
                        << "days left the job list";
    std::sort(loaded.jobs.begin(), loaded.jobs.end(),
              [](const ExportJob &a, const ExportJob &b) { return a.createdAt < b.createdAt; });
    return loaded;
}

void JobStore::writeIndexLater(QByteArray bytes)
{
    {
        const std::lock_guard lock(m_mutex);
        m_pendingIndex = std::move(bytes);
        startWriterLocked();
    }
    m_wake.notify_one();
}

bool JobStore::isTooOld(qint64 sinceMs) const
{
    return m_keepDays > 0 && sinceMs > 0 && m_clock->nowMs() - sinceMs > m_keepDays * kDayMs;
}

QStringList JobStore::prune()
{
    if (m_keepDays <= 0)
        return {};
    flush();
    QHash<QString, IndexEntry> index = readIndex(indexPath());
    return pruneIndexed(index);
}

QStringList JobStore::pruneIndexed(QHash<QString, JobIndexEntry> &index)
{
    QStringList pruned;
    if (m_keepDays <= 0)
        return pruned;
    for (auto it = index.begin(); it != index.end();) {
        const QString path = pathFor(it.key());
        // Only what the index still describes: a file changed since is judged by loadAll().
        if (isTooOld(it->ageFromMs) && keyOf(path) == it->key) {
            remove(it.key());
            pruned.append(it.key());
            it = index.erase(it);
        } else {
            ++it;
        }
    }
    if (!pruned.isEmpty()) {
        QByteArray bytes = QByteArray(kIndexHeader) + '\n';
        for (auto it = index.cbegin(); it != index.cend(); ++it)
            bytes += indexLine(it.key(), it.value());
        writeIndexLater(std::move(bytes));
        qCInfo(lcStore) << pruned.size() << "finished jobs older than" << m_keepDays
                        << "days left the job list";
    }
    return pruned;
}

JobStore::Found JobStore::find(const QUrl &statusUrl, const QString &outDir)
{
    Found found;
    flush();
    QHash<QString, IndexEntry> index = readIndex(indexPath());
    found.pruned = pruneIndexed(index);
    // The status URL as the job file and the summaries write it (FullyEncoded: ASCII, and
    // nothing JSON escapes), to pass over every other job without parsing it.
    const QByteArray needle = statusUrl.toString(QUrl::FullyEncoded).toUtf8();
    const QDir dir(m_dir);
    const QStringList names = dir.entryList({u"*.json"_s}, QDir::Files);
    for (const QString &name : names) {
        const QString id = name.chopped(5);
        const QString path = dir.filePath(name);
        QByteArray text;
        bool summary = false;
        const auto it = index.constFind(id);
        // A job keeps the status URL it was given, so a summary with another one rules its
        // file out unread and unchecked (no stat for each of a thousand jobs). Only a job the
        // server never started (no status URL yet) may have been given one since.
        if (it != index.cend() && !it->summary.contains(needle) &&
            !it->summary.contains(R"("statusUrl":"")"))
            continue;
        if (it != index.cend() && it->key.isValid() && it->key == keyOf(path)) {
            text = it->summary;
            summary = true;
        } else {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++m_filesRead;
            text = f.readAll();
        }
        if (!text.contains(needle))
            continue;
        std::optional<ExportJob> job = ExportJob::fromJson(QJsonDocument::fromJson(text).object());
        if (!job || (summary && job->id != id) || job->statusUrl != statusUrl ||
            job->outDir != outDir)
            continue;
        // The oldest, as the first of loadAll()'s list would be.
        if (found.job && found.job->createdAt <= job->createdAt)
            continue;
        if (summary && !(job = load(id)))
            continue;
        found.job = std::move(job);
    }
    return found;
}

} // namespace fbm
