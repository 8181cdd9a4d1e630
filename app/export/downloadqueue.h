#pragma once

#include "expiredlinks.h"
#include "scheduler.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QQueue>

namespace fbm {

class FileDownload;
class JobHost;
struct Error;

/// The files being saved, of every job: a bounded number at once, in order, the rest waiting;
/// a file that failed for a reason that may pass is tried again by the same RetryPolicy as a
/// status check (its own delays, the same "N times and T minutes" rule), waiting on the
/// job's Scheduler. The job's file record is the one truth: a FileDownload reports an outcome
/// that is applied to it.
class DownloadQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadQueue)
public:
    explicit DownloadQueue(JobHost *host, QObject *parent = nullptr);
    ~DownloadQueue() override;

    void setMaxParallel(int n);
    void setMaxAttempts(int n) { m_maxAttempts = qMax(1, n); }
    /// The first wait before a file is tried again (it doubles, up to a minute).
    void setRetryDelayMs(qint64 ms) { m_retryDelayMs = ms; }
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    void setVerify(bool verify) { m_verify = verify; }
    [[nodiscard]] bool verifies() const { return m_verify; }

    /// Queues every file of the job that is not saved yet. A file under its final name without
    /// a .part, written after the job's manifest came, was renamed before a crash and recorded
    /// after (downloads are recorded within half a minute): renamed only once verified, it is
    /// counted once more here and taken as saved.
    void queueJob(const QString &id);
    /// Queues one file (retried by hand).
    void queueFile(const QString &id, int index);
    /// A file's wait before its next try is over (from the Scheduler).
    void retryDue(const DueKey &key);
    /// No more downloads for the job: queued ones dropped, waiting ones cancelled, running
    /// ones stopped (their .part is kept).
    void stop(const QString &id, const QString &why);
    /// The answer to linksExpired(): files not saved take their new links, and those that
    /// waited for it are tried again with theirs, or are lost (the server removed them) or
    /// failed.
    void applyFreshLinks(const QString &id, const fbm::FreshLinks &links);

Q_SIGNALS:
    /// A file reached Saved or Failed: no more automatic tries.
    void fileDone(const QString &id, int index);
    /// Files of the job answered that their links no longer work: the status URL is to be
    /// asked for fresh ones (ExportRun::refreshLinks()), whose answer goes to
    /// applyFreshLinks(). Once per wave: files that answer so meanwhile wait for that answer.
    void linksExpired(const QString &id);

private:
    void enqueue(const DueKey &key);
    void pump();
    void startFile(const DueKey &key);
    void onFinished(FileDownload *download, const DueKey &key, const Error &error);
    /// The file's link answered \a file.httpStatus, which may mean it expired. False when the
    /// file is to fail as any file does.
    bool onLinkExpired(const DueKey &key, const ExpiredLinks::Waiting &file);
    /// The file failed for good; \a httpStatus is what its last answer was.
    void failFile(const DueKey &key, ExportFile &file, const QString &message, int httpStatus);
    /// The server removed the file before it was saved.
    void loseFile(ExportFile &file);

    JobHost *m_host;
    QQueue<DueKey> m_queue;
    QHash<FileDownload *, DueKey> m_active;
    QHash<DueKey, QDateTime> m_troubleSince; ///< the first of a file's failures in a row
    ExpiredLinks m_expired;
    int m_maxParallel = 4;
    int m_maxAttempts = 5;
    qint64 m_retryDelayMs = 2000;
    int m_transferTimeoutMs = 120000;
    bool m_verify = true;
};

} // namespace fbm
