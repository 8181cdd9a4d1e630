#pragma once

#include "clock.h"
#include "downloadqueue.h"
#include "exportjob.h"
#include "folderlocks.h"
#include "jobcompletion.h"
#include "jobfields.h"
#include "jobhost.h"
#include "jobstore.h"
#include "result.h"
#include "retrypolicy.h"
#include "savepolicy.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>

namespace fbm {

class AttachmentFetch;
class JobExportLog;
class JobRestore;
class ExportRun;
class ServerRelease;
class HttpClient;

struct JobOptions
{
    QString profileId;
    QString serverName; ///< empty: the server's host
    QString outDir;     ///< the export folder
    bool autoDownload = true;
    bool keepOnServer = false; ///< no DELETE to the status URL once the files are saved
    bool gzip = false;         ///< files stored as <Type>.<n>.ndjson.gz
    bool attachments = false;  ///< fetch the attachments the resources name, into attachments/
};

/// The registry of export jobs and the engine's front door: the GUI and the command line
/// start, follow, cancel, retry and remove jobs here, and hear of every change. The work is
/// done by its parts: an ExportRun per job talks to the server (kick-off, status, manifest,
/// cancel), the DownloadQueue saves the files, JobCompletion ends the downloads (manifest.json,
/// Saved or Failed, saved files lost since), the SavePolicy decides how soon the JobStore
/// writes a change, FolderLocks keep one writer per folder, and one Scheduler wakes them. The
/// job records live here only, and setState() is the one way a state changes.
class JobManager final : public QObject, private JobHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobManager)
public:
    /// Returns the client (auth, extra headers, TLS) for a profile; the manager does not own it.
    using ClientProvider = std::function<HttpClient *(const QString &profileId, const QUrl &base)>;
    /// A value in [-1, 1] for spreading waits (tests make it fixed).
    using Jitter = std::function<double()>;

    /// store may be null (nothing persisted).
    explicit JobManager(JobStore *store, QObject *parent = nullptr);
    ~JobManager() override;

    void setClock(const Clock *clock);
    void setJitter(Jitter jitter) { m_jitter = std::move(jitter); }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    [[nodiscard]] const RetryPolicy &retryPolicy() const override { return m_policy; }
    void setMaxParallelDownloads(int n) { m_downloads->setMaxParallel(n); }
    void setMaxFileAttempts(int n) { m_downloads->setMaxAttempts(n); }
    void setFileRetryDelayMs(qint64 ms) { m_downloads->setRetryDelayMs(ms); }
    /// How long X-Progress and long countdowns may wait to be saved (30 s; tests shorten it).
    void setLazySaveDelayMs(int ms) { m_saves->setLazyDelayMs(ms); }
    void setTransferTimeoutMs(int ms) { m_downloads->setTransferTimeoutMs(ms); }
    void setVerifyDownloads(bool verify) { m_downloads->setVerify(verify); }
    void setClientProvider(ClientProvider provider) { m_clientProvider = std::move(provider); }
    /// This boot of the computer (Linux: /proc/sys/kernel/random/boot_id; tests set others).
    /// Empty: files saved are never checked after a reboot.
    void setBootId(const QString &bootId) { m_completion->setBootId(bootId); }

    /// Loads the store; running jobs poll again, unfinished downloads resume. Returns problems
    /// (damaged files moved aside), translated.
    QStringList restore();
    /// Takes one job read from the store and continues it as restore() would (the command line
    /// continues only its own job).
    void adopt(ExportJob job);

    /// Starts a new export. An invalid request gives an error and creates no job.
    Result<QString> startExport(const ExportRequest &request, const JobOptions &options);
    /// Follows an existing export by its status URL (the command line's `resume`). A job the store
    /// already has for this status URL and folder is continued instead of created; files it had
    /// saved that are no longer on the disk as saved are fetched again.
    Result<QString> resumeExport(const QUrl &statusUrl, const QUrl &base,
                                 const JobOptions &options);

    void cancel(const QString &id);
    /// Stops a job without telling the server (it is gone) and marks it failed with why.
    void abandon(const QString &id, const QString &why);
    void retry(const QString &id);
    /// A job whose kick-off was refused (no status URL): kicked off again with \a request (the
    /// same server and level; leniently, or without a refused parameter), in the same folder.
    /// Returns why not, or an empty string.
    QString retryAs(const QString &id, const ExportRequest &request);
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
    [[nodiscard]] const Clock *clock() const override { return m_clock; }
    /// When the engine's one timer wakes up next (ms since the epoch by the clock), or -1 when
    /// nothing is due: the deadlines tests check.
    [[nodiscard]] qint64 nextWakeUpMs() const;
    /// The transaction time of the newest export for this profile whose files are all saved and
    /// that asked for the same data as \a like (level, group, types, type filters, patients):
    /// for "changes since my last export". An export of a group or of fewer types says nothing
    /// about what else changed since. With a profile id the server is the profile's, whatever
    /// its address was then; without one, the address of \a like.
    [[nodiscard]] QDateTime lastTransactionTime(const QString &profileId,
                                                const ExportRequest &like) const;
    /// The same for a system-level export of every type.
    [[nodiscard]] QDateTime lastTransactionTime(const QString &profileId, const QUrl &base) const;
    /// The jobs of @p profileId show the server as @p name from now on (a profile's name that
    /// changed, or the demo server's in another language), so one server has one name.
    void renameServer(const QString &profileId, const QString &name);

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
    /// A cancel did not happen: the server refused it or could not be reached (\a reason,
    /// translated). The export goes on as it was; cancelling again may work.
    void cancelFailed(const QString &id, const QString &reason);
    /// Something the user should know that is not an error of one job (store problems).
    void warning(const QString &message);

private:
    // JobHost: what the runs and the download queue need of the job records.
    ExportJob *mutableJob(const QString &id) override;
    Scheduler *scheduler() override { return m_scheduler.get(); }
    double jitter() override;
    HttpClient *clientFor(const ExportJob &job) override;
    std::function<void(const ActivityEntry &)> logger(const QString &id) override;
    void note(const QString &id, const QString &text) override;
    void changed(const QString &id, JobFields fields, bool saveNow = false) override;
    void changedLazily(const QString &id, JobFields fields) override;
    void setState(const QString &id, JobState state) override;
    void fail(const QString &id, const QString &message) override;
    bool followedElsewhere(const ExportJob &j) const override;
    void logEvent(const QString &id, const QString &eventId, const QJsonObject &detail) override;
    void logKickoff(const QString &id, const QJsonObject &detail) override;

    ExportRun *run(const QString &id);
    /// A new job's record in outDir with the options (the server named by host unless they
    /// name it), its folder claimed; a Usage error when another export writes there.
    Result<ExportJob> newJob(const QString &outDir, const JobOptions &options, const QString &host);
    QString addJob(ExportJob job);
    /// Into the job list and the order, announced; returns the id.
    QString insertJob(ExportJob job);
    void onDue(const DueKey &key);
    /// No more status checks, requests or downloads for the job (cancel, abandon, remove).
    void stopActivity(const QString &id, const QString &why);
    /// The manifest is in (the job is Completed): manifest.json, then the files.
    void onManifestReady(const QString &id);
    void queueDownloads(const QString &id);
    void logActivity(const QString &id, const ActivityEntry &entry);

    JobStore *m_store;
    const Clock *m_clock;
    RetryPolicy m_policy;
    Jitter m_jitter;
    ClientProvider m_clientProvider;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<SavePolicy> m_saves;
    QHash<QString, ExportJob> m_jobs;
    quint64 m_layoutGeneration = 0;
    QStringList m_order;
    QHash<QString, ExportRun *> m_runs; ///< children; made when a job first talks to its server
    QHash<QUrl, HttpClient *> m_defaultClients;
    FolderLocks m_folders;
    std::unique_ptr<JobExportLog> m_exportLog;
    std::unique_ptr<JobRestore> m_restore; ///< after m_folders, which it uses
    std::unique_ptr<JobCompletion> m_completion;
    std::unique_ptr<ServerRelease> m_release;
    std::unique_ptr<AttachmentFetch> m_attachments;
    // Declared last: destroyed first, while the records its downloads report to still exist.
    std::unique_ptr<DownloadQueue> m_downloads;
};

} // namespace fbm
