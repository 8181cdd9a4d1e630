#pragma once

#include <QCoreApplication>

#include "clock.h"
#include "exportjob.h"
#include "result.h"

#include <QHash>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace fbm {

struct JobIndexEntry; ///< one line of index.jobs (jobstore.cpp)

/// Jobs on disk: one JSON file per job, written atomically (QSaveFile), so a crash at any
/// moment leaves either the old or the new version. A file that cannot be read is moved aside
/// into `damaged/` with a message, never fatal.
///
/// saveLater() hands a copy of the job (cheap: Qt's containers are implicitly shared) to one
/// writer thread, so serialising and syncing never stall the event loop that keeps a thousand
/// polls on time. The newest copy of a job replaces one still waiting; remove() and flush()
/// are ordered with the writes.
class JobStore final
{
    Q_DECLARE_TR_FUNCTIONS(fbm::JobStore)

public:
    Q_DISABLE_COPY_MOVE(JobStore)
public:
    explicit JobStore(QString directory = defaultDirectory());
    /// Writes what is still queued, then stops the writer.
    ~JobStore();

    /// `<AppDataLocation>/jobs`
    [[nodiscard]] static QString defaultDirectory();
    [[nodiscard]] QString directory() const { return m_dir; }

    /// Writes now, on the calling thread.
    [[nodiscard]] Error save(const ExportJob &job) const;
    /// Writes on the writer thread; errors go to the error handler.
    void saveLater(ExportJob job);
    /// Deletes the job's file; a write of it still queued is dropped, one in progress awaited.
    void remove(const QString &id);
    /// Returns once every queued write is on disk.
    void flush();
    /// Called (queued, on context's thread) with a translated message when a write fails.
    void setErrorHandler(QObject *context, std::function<void(const QString &)> handler);

    /// How long a finished job stays in the list: loadAll(), find() and prune() remove the job
    /// file of one that ended (Saved, Failed, Cancelled, Expired) more than \a days ago by the
    /// clock, and whose files the server no longer keeps (expiresAt). Its export folder stays.
    /// 0 (the default here; the session reads the setting): kept forever.
    void setKeepDays(int days) { m_keepDays = qMax(0, days); }
    [[nodiscard]] int keepDays() const { return m_keepDays; }
    void setClock(const Clock *clock) { m_clock = clock ? clock : Clock::system(); }

    struct Loaded
    {
        QList<ExportJob> jobs; ///< oldest first
        QStringList problems;  ///< translated, one per damaged file moved aside
        QStringList pruned;    ///< the ids of finished jobs older than keepDays(), removed
    };
    /// Every job. A finished job whose file has not changed since the last start comes from the
    /// index (`index.jobs`: summaries of finished jobs, keyed by each file's inode, size and
    /// modification time) without its files, activity log and manifest (detailsLoaded false;
    /// fileTotals says what the files add up to): ten thousand old jobs then cost one small
    /// file read, not ten thousand, however many files each exported.
    [[nodiscard]] Loaded loadAll();
    /// One job, complete (its files, activity log and manifest too).
    [[nodiscard]] std::optional<ExportJob> load(const QString &id) const;

    struct Found
    {
        std::optional<ExportJob> job; ///< complete
        QStringList pruned;           ///< as Loaded::pruned
    };
    /// The job that follows \a statusUrl into \a outDir, complete, without reading the others:
    /// the index's summaries and the unfinished jobs' files are searched for the status URL as
    /// text first (what a command that continues one job needs). A damaged file is passed over
    /// (loadAll() moves it aside).
    [[nodiscard]] Found find(const QUrl &statusUrl, const QString &outDir);
    /// Removes the finished jobs older than keepDays() that the index knows (no job file is
    /// read); returns their ids.
    QStringList prune();
    /// How many job files were read whole since the store was made (load(), and loadAll() and
    /// find() where the index could not stand in): what tests watch.
    [[nodiscard]] int jobFilesRead() const { return m_filesRead.load(); }

private:
    [[nodiscard]] QString pathFor(const QString &id) const;
    [[nodiscard]] QString indexPath() const;
    void writerLoop();
    /// prune() over the index already read; the pruned jobs leave \a index too.
    QStringList pruneIndexed(QHash<QString, JobIndexEntry> &index);
    /// Queues \a bytes as the new index.jobs.
    void writeIndexLater(QByteArray bytes);
    /// Whether a finished job whose age counts from \a sinceMs is to leave the list.
    [[nodiscard]] bool isTooOld(qint64 sinceMs) const;
    void startWriterLocked(); ///< m_mutex held

    QString m_dir;
    const Clock *m_clock = Clock::system();
    int m_keepDays = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake; ///< work queued, or stop
    std::condition_variable m_idle; ///< a write finished
    QHash<QString, ExportJob> m_pending;
    QByteArray m_pendingIndex; ///< a new index.jobs to write, empty when none
    QString m_writing;         ///< the id being written, empty when none
    bool m_writingIndex = false;
    bool m_stop = false;
    mutable std::atomic<int> m_filesRead{0};
    std::thread m_writer;
    QPointer<QObject> m_errorContext;
    std::function<void(const QString &)> m_errorHandler;
};

} // namespace fbm
