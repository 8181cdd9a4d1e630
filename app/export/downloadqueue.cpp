#include "downloadqueue.h"

#include "clock.h"
#include "filedownload.h"
#include "httpclient.h"
#include "jobhost.h"
#include "redact.h"
#include "retrypolicy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>

#include <memory>

using namespace Qt::StringLiterals;

namespace fbm {

DownloadQueue::DownloadQueue(JobHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

DownloadQueue::~DownloadQueue()
{
    const auto active = m_active.keys();
    for (FileDownload *d : active) {
        d->disconnect(this);
        delete d;
    }
}

void DownloadQueue::setMaxParallel(int n)
{
    m_maxParallel = qMax(1, n);
    pump();
}

void DownloadQueue::queueJob(const QString &id)
{
    ExportJob *j = m_host->mutableJob(id);
    if (!j)
        return;
    for (int i = 0; i < j->files.size(); ++i) {
        ExportFile &f = j->files[i];
        if (f.state == FileState::Saved)
            continue;
        const QString finalPath = QDir(j->outDir).filePath(f.relativePath);
        const QFileInfo onDisk(finalPath);
        // Ours, not a file an earlier export left in the folder: the job recorded its download,
        // or it was written after this job's manifest came.
        const bool ours =
            !f.fetchAgain && (f.bytes > 0 || (j->completedAt.isValid() && onDisk.exists() &&
                                              onDisk.lastModified() >= j->completedAt));
        if (f.state == FileState::Pending && ours && onDisk.exists() &&
            !QFile::exists(FileDownload::partPathOf(finalPath))) {
            bool readable = true; // a .gz is read to its end (a plain file always is)
            const qint64 lines =
                m_verify ? countLinesOfFile(finalPath, {}, &readable).lines() : f.lines;
            if (readable && (!m_verify || !f.expectedCount || lines == *f.expectedCount)) {
                setFileState(f, FileState::Saved);
                f.bytes = onDisk.size();
                f.lines = lines;
                f.modifiedMs = onDisk.lastModified().toMSecsSinceEpoch();
                continue;
            }
        }
        if (f.state == FileState::Pending)
            m_queue.enqueue(DueKey::fileRetry(id, i));
    }
    m_host->changed(id, JobField::Files, true);
    pump();
}

void DownloadQueue::queueFile(const QString &id, int index)
{
    m_queue.enqueue(DueKey::fileRetry(id, index));
    pump();
}

void DownloadQueue::retryDue(const DueKey &key)
{
    const ExportJob *j = m_host->mutableJob(key.job);
    if (j && key.file < j->files.size() && j->files.at(key.file).state == FileState::Pending)
        queueFile(key.job, key.file);
}

void DownloadQueue::pump()
{
    while (m_active.size() < m_maxParallel && !m_queue.isEmpty()) {
        const DueKey key = m_queue.dequeue();
        const ExportJob *j = m_host->mutableJob(key.job);
        if (!j || j->state != JobState::Downloading || key.file >= j->files.size() ||
            j->files.at(key.file).state != FileState::Pending)
            continue;
        startFile(key);
    }
}

void DownloadQueue::startFile(const DueKey &key)
{
    ExportJob *j = m_host->mutableJob(key.job);
    ExportFile &f = j->files[key.file];
    setFileState(f, FileState::Downloading);
    FileDownload::Options options;
    options.withToken = j->requiresAccessToken;
    options.timeoutMs = m_transferTimeoutMs;
    options.verify = m_verify;
    // Other output formats (a server may offer CSV or Parquet) hold no resources to check.
    const QString format = j->request.outputFormat.toLower();
    options.validateContent = format.isEmpty() || format.contains("ndjson"_L1);
    options.partsFrom = j->completedAt;
    options.clock = m_host->clock();
    auto *download = new FileDownload(m_host->clientFor(*j), FileTarget::of(f), j->outDir, options,
                                      m_host->logger(key.job), this);
    f.discardPart = false; // the download starts over; a crash before the save only repeats that
    {
        static const char *const kItemTypes[] = {"output", "error", "deleted"};
        QJsonObject request;
        request.insert("fileUrl"_L1, redactUrl(f.url).toString());
        request.insert("itemType"_L1, QLatin1StringView(kItemTypes[int(f.kind)]));
        request.insert("resourceType"_L1, f.type);
        m_host->logEvent(key.job, u"download_request"_s, request);
    }
    m_active.insert(download, key);
    // At most ten updates a second per file: views need no more. A restart resumes from the
    // .part on the disk, not from these figures.
    auto throttle = std::make_shared<QElapsedTimer>();
    throttle->start();
    connect(download, &FileDownload::progress, this,
            [this, key, throttle](qint64 bytes, qint64 total, qint64 lines) {
                ExportJob *jj = m_host->mutableJob(key.job);
                if (!jj || key.file >= jj->files.size())
                    return;
                ExportFile &ff = jj->files[key.file];
                ff.bytes = bytes;
                ff.totalBytes = total;
                ff.lines = lines;
                if (throttle->elapsed() >= 100) {
                    throttle->restart();
                    m_host->changedLazily(key.job, JobField::Files);
                }
            });
    connect(download, &FileDownload::finished, this,
            [this, download, key](const Error &error) { onFinished(download, key, error); });
    m_host->changedLazily(key.job, JobField::Files); // a restart finds the .part and resumes it
    download->start();
}

void DownloadQueue::onFinished(FileDownload *download, const DueKey &key, const Error &error)
{
    m_active.remove(download);
    download->deleteLater();
    ExportJob *j = m_host->mutableJob(key.job);
    if (!j || key.file >= j->files.size()) {
        pump();
        return;
    }
    ExportFile &f = j->files[key.file];
    const FileOutcome &outcome = download->outcome();
    f.bytes = outcome.bytes;
    f.totalBytes = outcome.totalBytes;
    f.lines = outcome.lines;
    f.discardPart = outcome.discardPart;
    if (!error.isError()) {
        QJsonObject complete;
        complete.insert("fileUrl"_L1, redactUrl(f.url).toString());
        complete.insert("resourceCount"_L1, f.lines);
        complete.insert("fileSize"_L1, f.bytes);
        m_host->logEvent(key.job, u"download_complete"_s, complete);
        setFileState(f, FileState::Saved);
        f.modifiedMs = outcome.modifiedMs;
        f.fetchAgain = false;
        f.error.clear();
        m_troubleSince.remove(key);
        Q_EMIT fileDone(key.job, key.file);
    } else if (error.kind == Error::Kind::Cancelled) {
        if (f.state == FileState::Downloading)
            setFileState(f, FileState::Pending);
        m_host->changed(key.job, JobField::Files, true);
    } else {
        const QString message = m_host->clientFor(*j)->redact(error.message);
        QJsonObject failed;
        failed.insert("fileUrl"_L1, redactUrl(f.url).toString());
        failed.insert("body"_L1, QJsonValue::Null);
        failed.insert("code"_L1, error.httpStatus > 0 ? QJsonValue(error.httpStatus)
                                                      : QJsonValue(QJsonValue::Null));
        failed.insert("message"_L1, message);
        failed.insert("responseHeaders"_L1, QJsonObject());
        m_host->logEvent(key.job, u"download_error"_s, failed);
        // Only failures count towards the limit: a restart of the application is not one.
        ++f.attempts;
        const QDateTime now = m_host->clock()->now();
        QDateTime &since = m_troubleSince[key];
        if (f.attempts == 1 || !since.isValid())
            since = now;
        // Files wait as status checks do, by the same policy: from their own first delay,
        // doubling up to a minute, never sooner than a server's Retry-After.
        RetryPolicy policy = m_host->retryPolicy();
        policy.maxTransientErrors = m_maxAttempts;
        policy.backoffBaseMs = m_retryDelayMs;
        policy.backoffMaxMs = qMax<qint64>(m_retryDelayMs, 60 * 1000);
        policy.minDelayMs = qMin(policy.minDelayMs, m_retryDelayMs);
        if (error.transient && policy.keepTrying(f.attempts, since.msecsTo(now))) {
            setFileState(f, FileState::Pending);
            //: %1 is the reason, %2 the attempt number
            f.error = tr("%1 Trying again (attempt %2).").arg(message).arg(f.attempts + 1);
            m_host->changed(key.job, JobField::Files, true);
            const qint64 delay =
                policy.nextDelayMs(f.attempts - 1, error.retryAfterMs, m_host->jitter());
            m_host->scheduler()->schedule(key, now.addMSecs(delay));
        } else {
            setFileState(f, FileState::Failed);
            f.error = message;
            if (error.httpStatus == 404 || error.httpStatus == 410)
                //: %1 is a file name
                m_host->note(key.job, tr("%1 is no longer on the server.").arg(f.relativePath));
            m_host->changed(key.job, JobField::Files, true);
            Q_EMIT fileDone(key.job, key.file);
        }
    }
    pump();
}

void DownloadQueue::stop(const QString &id, const QString &why)
{
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (it->job == id)
            it = m_queue.erase(it);
        else
            ++it;
    }
    if (const ExportJob *j = m_host->mutableJob(id)) {
        for (int i = 0; i < j->files.size(); ++i)
            m_host->scheduler()->cancel(DueKey::fileRetry(id, i));
    }
    for (auto it = m_troubleSince.begin(); it != m_troubleSince.end();) {
        if (it.key().job == id)
            it = m_troubleSince.erase(it);
        else
            ++it;
    }
    const auto active = m_active;
    for (auto it = active.cbegin(); it != active.cend(); ++it) {
        if (it.value().job == id)
            it.key()->abort(why);
    }
}

} // namespace fbm
