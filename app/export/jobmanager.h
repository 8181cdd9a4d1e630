#pragma once

#include "clock.h"
#include "exportjob.h"
#include "folderlocks.h"
#include "jobstore.h"
#include "result.h"
#include "retrypolicy.h"
#include "scheduler.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace fbm {

class FileDownload;
class HttpClient;
struct HttpCall;
struct HttpResponse;

struct JobOptions
{
    QString profileId;
    QString serverName; ///< empty: the server's host
    QString outDir;     ///< the export folder
    bool autoDownload = true;
};

/// Which facts of a job changed, so views update only those cells.
enum class JobField : quint32
{
    State = 1 << 0,
    Progress = 1 << 1, ///< X-Progress text
    NextPoll = 1 << 2,
    Files = 1 << 3, ///< per-file progress, bytes, counts
    Error = 1 << 4,
    Manifest = 1 << 5,
    Activity = 1 << 6,
    All = 0xffff,
};
Q_DECLARE_FLAGS(JobFields, JobField)

/// Owns every export job: kicks off, polls on one scheduler, cancels, downloads with a bounded
/// number of files at once, saves each job atomically, and resumes them after a restart.
/// The GUI and the command line drive the same object.
class JobManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobManager)
public:
    /// Returns the client (auth, extra headers, TLS) for a profile; the manager does not own it.
    using ClientProvider = std::function<HttpClient *(const QString &profileId, const QUrl &base)>;

    /// store may be null (nothing persisted).
    explicit JobManager(JobStore *store, QObject *parent = nullptr);
    ~JobManager() override;

    void setClock(const Clock *clock);
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    [[nodiscard]] const RetryPolicy &retryPolicy() const { return m_policy; }
    void setMaxParallelDownloads(int n);
    void setMaxFileAttempts(int n) { m_maxFileAttempts = qMax(1, n); }
    void setFileRetryDelayMs(qint64 ms) { m_fileRetryDelayMs = ms; }
    /// How long X-Progress and long countdowns may wait to be saved (30 s; tests shorten it).
    void setLazySaveDelayMs(int ms) { m_lazySaveTimer.setInterval(ms); }
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    void setVerifyDownloads(bool verify) { m_verify = verify; }
    void setClientProvider(ClientProvider provider) { m_clientProvider = std::move(provider); }
    /// This boot of the computer (Linux: /proc/sys/kernel/random/boot_id; tests set others).
    /// Empty: files saved are never checked after a reboot.
    void setBootId(const QString &bootId) { m_bootId = bootId; }
    [[nodiscard]] static QString currentBootId();

    /// Loads the store; running jobs poll again, unfinished downloads resume. Returns problems
    /// (damaged files moved aside), translated.
    QStringList restore();
    /// Takes one job read from the store and continues it as restore() would (the command line
    /// continues only its own job).
    void adopt(ExportJob job);

    /// Starts a new export. An invalid request gives an error and creates no job.
    Result<QString> startExport(const ExportRequest &request, const JobOptions &options);
    /// Follows an existing export by its status URL (the command line's `resume`). A job the store
    /// already has for this status URL and folder is continued instead of created.
    Result<QString> resumeExport(const QUrl &statusUrl, const QUrl &base,
                                 const JobOptions &options);

    void cancel(const QString &id);
    /// Stops a job without telling the server (it is gone) and marks it failed with why.
    void abandon(const QString &id, const QString &why);
    void retry(const QString &id);
    void retryFile(const QString &id, int fileIndex);
    void startDownload(const QString &id);
    void pollNow(const QString &id);
    void remove(const QString &id);

    /// Queues every unsaved change and waits until the store has written it (tests, shutdown).
    void waitForSaves();

    /// The job as the table needs it; a finished job restored from the store's index has no
    /// activity log or manifest yet (detailsLoaded false): use jobWithDetails() for those.
    [[nodiscard]] const ExportJob *job(const QString &id) const;
    /// The job with its activity log and manifest, read from the store when not yet loaded.
    [[nodiscard]] const ExportJob *jobWithDetails(const QString &id);
    [[nodiscard]] QStringList jobIds() const { return m_order; }
    /// Changes whenever a job is added or removed: a pointer from job() stays valid until then
    /// (views cache it to avoid a hash lookup per cell).
    [[nodiscard]] quint64 layoutGeneration() const { return m_layoutGeneration; }
    [[nodiscard]] const Clock *clock() const { return m_clock; }
    /// The transaction time of the newest export for this profile whose files are all saved and
    /// that asked for the same data as \a like (level, group, types, type filters, patients):
    /// for "changes since my last export". An export of a group or of fewer types says nothing
    /// about what else changed since.
    [[nodiscard]] QDateTime lastTransactionTime(const QString &profileId,
                                                const ExportRequest &like) const;
    /// The same for a system-level export of every type.
    [[nodiscard]] QDateTime lastTransactionTime(const QString &profileId, const QUrl &base) const;

Q_SIGNALS:
    void jobAdded(const QString &id);
    void jobChanged(const QString &id, fbm::JobFields fields);
    /// The job's state changed from \a from to \a to (after jobChanged() for it).
    void stateChanged(const QString &id, fbm::JobState from, fbm::JobState to);
    void jobRemoved(const QString &id);
    void activityAdded(const QString &id, const fbm::ActivityEntry &entry);
    void fileFinished(const QString &id, int fileIndex);
    /// A file saved before is no longer on the disk as it was (\a missing: gone; else changed).
    void savedFileLost(const QString &id, int fileIndex, bool missing);
    /// The job reached Saved, Failed, Cancelled or Expired.
    void jobFinished(const QString &id);
    /// Something the user should know that is not an error of one job (store problems).
    void warning(const QString &message);

private:
    struct Runtime;
    ExportJob *mutableJob(const QString &id);
    Runtime &runtime(const QString &id);
    HttpClient *clientFor(const ExportJob &job);
    QString addJob(ExportJob job);
    /// Into the job list and the order, announced; returns the id.
    QString insertJob(ExportJob job);
    /// No more polls, requests or downloads for the job (cancel, abandon, remove).
    void stopActivity(const QString &id, const QString &why);
    /// Whether another unfinished job follows the same status URL (HAPI's job reuse).
    [[nodiscard]] bool followedElsewhere(const ExportJob &j) const;
    /// The server refused or missed a cancel: the job goes on with what it was doing before.
    void carryOnAfterRefusedCancel(const QString &id, JobState before);
    /// Takes the job's folder for as long as it may write there (until it ends): no other job,
    /// here or in another window or command (a lock file in the user's runtime folder), saves
    /// into it meanwhile. The folder is created and tried for writing first. Returns why not,
    /// or an empty string.
    [[nodiscard]] QString claimFolder(const QString &id, const QString &outDir);
    void releaseFolder(const QString &id);
    /// Writes manifest.json beside the files; returns why it could not, or an empty string.
    QString writeManifestFile(const QString &id);

    void kickOff(const QString &id);
    void onKickOff(const QString &id, const HttpResponse &response);
    void poll(const QString &id);
    void onPoll(const QString &id, const HttpResponse &response);
    /// Sends a request of the job's; its answer goes to \a handler, or, when the job was
    /// cancelled, retried or removed meanwhile, to \a stale (with the client that sent it).
    void sendForJob(const QString &id, HttpCall call,
                    void (JobManager::*handler)(const QString &, const HttpResponse &),
                    std::function<void(HttpClient *, const HttpResponse &)> stale = {});
    void fetchManifestPage(const QString &id, const QUrl &url);
    void onManifestPage(const QString &id, const HttpResponse &response);
    void acceptManifest(const QString &id, const QByteArray &body, const HttpResponse &response);
    void finishManifest(const QString &id);
    /// After a transient failure of a poll: whether to try again (not before the failures have
    /// gone on for the policy's count and time).
    bool keepTrying(const QString &id);
    void scheduleRetry(const QString &id, std::optional<qint64> retryAfterMs, const QString &why,
                       bool countsAsError);
    void schedulePoll(const QString &id, qint64 delayMs);

    void queueDownloads(const QString &id);
    void pumpDownloads();
    void startFile(const QString &id, int index);
    void onFileFinished(const QString &id, int index, const Error &error);
    void checkDownloadsDone(const QString &id);
    void stopDownloads(const QString &id, const QString &why);
    void checkFilesAfterReboot(const QString &id);
    /// Saved files that are no longer on the disk as they were saved: set to be fetched again
    /// while the server may still have them (a saved job goes back to Downloading; the caller
    /// queues the downloads), otherwise failed. afterReboot: only a short file is suspect.
    /// Returns how many were lost.
    int recheckSavedFiles(const QString &id, bool afterReboot);

    void setState(const QString &id, JobState state);
    void fail(const QString &id, const QString &message);
    void changed(const QString &id, JobFields fields, bool saveNow = false);
    /// A change a restart can do without, because it finds it again on disk (a download
    /// started, its progress, a file saved): written within half a minute, with the job's next
    /// save, or at exit.
    void changedLazily(const QString &id, JobFields fields);
    void markLazy(const QString &id);
    void logActivity(const QString &id, const ActivityEntry &entry);
    void note(const QString &id, const QString &text);
    void flushSaves();
    void saveAll();
    std::function<void(const ActivityEntry &)> logger(const QString &id);

    JobStore *m_store;
    const Clock *m_clock;
    RetryPolicy m_policy;
    ClientProvider m_clientProvider;
    std::unique_ptr<Scheduler> m_scheduler;
    QHash<QString, ExportJob> m_jobs;
    quint64 m_layoutGeneration = 0;
    QStringList m_order;
    QHash<QString, std::shared_ptr<Runtime>> m_runtime;
    QHash<QUrl, HttpClient *> m_defaultClients;
    QQueue<QPair<QString, int>> m_downloadQueue;
    QHash<FileDownload *, QPair<QString, int>> m_active;
    QSet<QString> m_dirty;      ///< to save within kSaveDelayMs
    QSet<QString> m_dirtyLazy;  ///< only cosmetic changes: within the lazy delay
    QSet<QString> m_dirtyQuiet; ///< only the poll log or a short countdown: at exit
    FolderLocks m_folders;
    QTimer m_saveTimer;
    QTimer m_lazySaveTimer;
    int m_maxParallel = 4;
    int m_maxFileAttempts = 5;
    qint64 m_fileRetryDelayMs = 2000;
    int m_transferTimeoutMs = 120000;
    bool m_verify = true;
    QString m_bootId = currentBootId();
};

} // namespace fbm

Q_DECLARE_OPERATORS_FOR_FLAGS(fbm::JobFields)
