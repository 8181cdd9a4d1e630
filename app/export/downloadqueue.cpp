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
    m_expired.forget(id, index); // by hand: an expired link may be renewed for it again
    enqueue(DueKey::fileRetry(id, index));
}

void DownloadQueue::enqueue(const DueKey &key)
{
    m_queue.enqueue(key);
    pump();
}

void DownloadQueue::retryDue(const DueKey &key)
{
    const ExportJob *j = m_host->mutableJob(key.job);
    if (j && key.file < j->files.size() && j->files.at(key.file).state == FileState::Pending)
        enqueue(key);
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
    f.gone = false; // tried again by hand: it is up to the server once more
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
        m_expired.forget(key.job, key.file);
        Q_EMIT fileDone(key.job, key.file);
    } else if (error.kind == Error::Kind::Cancelled) {
        if (f.state == FileState::Downloading)
            setFileState(f, FileState::Pending);
        m_host->changed(key.job, JobField::Files, true);
    } else {
        const QString message = m_host->clientFor(*j)->redact(error.message);
        QJsonObject failed;
        failed.insert("fileUrl"_L1, redactUrl(download->url()).toString());
        failed.insert("body"_L1, QJsonValue::Null);
        failed.insert("code"_L1, error.httpStatus > 0 ? QJsonValue(error.httpStatus)
                                                      : QJsonValue(QJsonValue::Null));
        failed.insert("message"_L1, message);
        failed.insert("responseHeaders"_L1, QJsonObject());
        m_host->logEvent(key.job, u"download_error"_s, failed);
        // A link that stopped working after the manifest came: the status URL may give a new
        // one (servers sign storage URLs for a while). The transfer has already asked for a new
        // token once when the server refused the one it sent.
        if ((error.kind == Error::Kind::Http || error.kind == Error::Kind::Auth) &&
            ExpiredLinks::isExpiry(error.httpStatus) && j->statusUrl.isValid() &&
            onLinkExpired(key, {key.file, download->url(), error.httpStatus, message})) {
            pump();
            return;
        }
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
            failFile(key, f, message, error.httpStatus);
            Q_EMIT fileDone(key.job, key.file);
        }
    }
    pump();
}

void DownloadQueue::failFile(const DueKey &key, ExportFile &file, const QString &message,
                             int httpStatus)
{
    setFileState(file, FileState::Failed);
    file.error = message;
    if (httpStatus == 404 || httpStatus == 410)
        //: %1 is a file name
        m_host->note(key.job, tr("%1 is no longer on the server.").arg(file.relativePath));
    m_host->changed(key.job, JobField::Files, true);
}

void DownloadQueue::loseFile(ExportFile &file)
{
    setFileState(file, FileState::Failed);
    file.gone = true;
    file.error = tr("The server removed this file before it was saved.");
}

bool DownloadQueue::onLinkExpired(const DueKey &key, const ExpiredLinks::Waiting &waiting)
{
    ExportJob *j = m_host->mutableJob(key.job);
    ExportFile &f = j->files[key.file];
    using Verdict = ExpiredLinks::Verdict;
    const Verdict verdict = m_expired.expired(key.job, waiting, f.url);
    switch (verdict) {
    case Verdict::Fail:
        return false;
    case Verdict::TryAgain:
        // Its link was renewed while this download still used the old one.
        setFileState(f, FileState::Pending);
        m_queue.prepend(key);
        m_host->changed(key.job, JobField::Files);
        return true;
    case Verdict::Lost:
        loseFile(f);
        m_host->changed(key.job, JobField::Files, true);
        Q_EMIT fileDone(key.job, key.file);
        return true;
    case Verdict::Refresh:
    case Verdict::Wait:
        break;
    }
    // Pending without a place in the queue: the job goes on while it waits, and a restart
    // tries it again.
    setFileState(f, FileState::Pending);
    //: %1 is an HTTP status code
    f.error = tr("The link to this file no longer works (HTTP %1); asking the server for a new "
                 "one.")
                  .arg(waiting.httpStatus);
    m_host->changed(key.job, JobField::Files, true);
    if (verdict == Verdict::Refresh) {
        //: %1 is a file name, %2 an HTTP status code
        m_host->note(key.job, tr("The link to %1 no longer works (HTTP %2); asking the server for "
                                 "the manifest again, with new links.")
                                  .arg(f.relativePath)
                                  .arg(waiting.httpStatus));
        Q_EMIT linksExpired(key.job);
    }
    return true;
}

void DownloadQueue::applyFreshLinks(const QString &id, const FreshLinks &links)
{
    const QList<ExpiredLinks::Waiting> waiting = m_expired.endWave(id);
    ExportJob *j = m_host->mutableJob(id);
    if (!j)
        return;
    QList<int> done;
    const auto stillWaiting = [j](const ExpiredLinks::Waiting &w) {
        return w.index < j->files.size() && j->files.at(w.index).state == FileState::Pending;
    };
    switch (links.outcome) {
    case FreshLinks::Outcome::Fresh: {
        // A manifest of another transaction time is another export's: its files are not these.
        const bool sameExport = !links.transactionTime.isValid() || !j->transactionTime.isValid() ||
                                links.transactionTime == j->transactionTime;
        if (!sameExport)
            m_host->note(id, tr("The server now gives the manifest of another export (its "
                                "transaction time changed); its links are not used."));
        const QList<int> match = sameExport ? ExpiredLinks::match(j->files, links.files)
                                            : QList<int>(j->files.size(), -1);
        int renewed = 0;
        for (int i = 0; i < j->files.size(); ++i) {
            ExportFile &f = j->files[i];
            if (f.state == FileState::Saved || match.at(i) < 0)
                continue;
            if (const QUrl &url = links.files.at(match.at(i)).url; url != f.url) {
                f.url = url;
                ++renewed;
            }
        }
        if (renewed > 0)
            //: %n is a number of files
            m_host->note(id, tr("The server gave new links for %n file(s).", nullptr, renewed));
        if (links.expiresAt.isValid() && links.expiresAt != j->expiresAt) {
            j->expiresAt = links.expiresAt;
            m_host->changed(id, JobField::Manifest);
        }
        for (const ExpiredLinks::Waiting &w : waiting) {
            if (!stillWaiting(w))
                continue;
            ExportFile &f = j->files[w.index];
            if (match.at(w.index) < 0) {
                loseFile(f);
                done.append(w.index);
            } else if (f.url != w.usedUrl) {
                m_expired.renewed(id, w.index);
                f.error.clear();
                m_queue.prepend(DueKey::fileRetry(id, w.index)); // it was on its way already
            } else {
                // The same link again: the server has nothing newer for it.
                ++f.attempts;
                failFile(DueKey::fileRetry(id, w.index), f, w.error, w.httpStatus);
                done.append(w.index);
            }
        }
        break;
    }
    case FreshLinks::Outcome::Gone:
        m_expired.markGone(id);
        m_host->note(id, tr("The server no longer knows this export: files whose links no longer "
                            "work cannot be fetched any more."));
        for (const ExpiredLinks::Waiting &w : waiting) {
            if (stillWaiting(w)) {
                loseFile(j->files[w.index]);
                done.append(w.index);
            }
        }
        break;
    case FreshLinks::Outcome::Unavailable:
        //: %1 is the reason
        m_host->note(id, tr("No new links could be had for the files: %1").arg(links.reason));
        for (const ExpiredLinks::Waiting &w : waiting) {
            if (stillWaiting(w)) {
                ExportFile &f = j->files[w.index];
                ++f.attempts;
                failFile(DueKey::fileRetry(id, w.index), f, w.error, w.httpStatus);
                done.append(w.index);
            }
        }
        break;
    }
    m_host->changed(id, JobField::Files, true);
    for (int index : std::as_const(done))
        Q_EMIT fileDone(id, index);
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
    m_expired.forgetJob(id);
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
