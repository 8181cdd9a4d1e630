#pragma once

#include <QCoreApplication>

#include "exportjob.h"
#include "result.h"

#include <QHash>
#include <QPointer>
#include <QStringList>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace fbm {

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

    struct Loaded
    {
        QList<ExportJob> jobs; ///< oldest first
        QStringList problems;  ///< translated, one per damaged file moved aside
    };
    /// Every job. A finished job whose file has not changed since the last start comes from the
    /// index (`index.jobs`: summaries of finished jobs, keyed by each file's inode, size and
    /// modification time) without its activity log and manifest (detailsLoaded false): ten
    /// thousand old jobs then cost one file read, not ten thousand.
    [[nodiscard]] Loaded loadAll();
    /// One job, complete (its activity log and manifest too).
    [[nodiscard]] std::optional<ExportJob> load(const QString &id) const;

private:
    [[nodiscard]] QString pathFor(const QString &id) const;
    [[nodiscard]] QString indexPath() const;
    void writerLoop();
    void startWriterLocked(); ///< m_mutex held

    QString m_dir;
    std::mutex m_mutex;
    std::condition_variable m_wake; ///< work queued, or stop
    std::condition_variable m_idle; ///< a write finished
    QHash<QString, ExportJob> m_pending;
    QByteArray m_pendingIndex; ///< a new index.jobs to write, empty when none
    QString m_writing;         ///< the id being written, empty when none
    bool m_writingIndex = false;
    bool m_stop = false;
    std::thread m_writer;
    QPointer<QObject> m_errorContext;
    std::function<void(const QString &)> m_errorHandler;
};

} // namespace fbm
