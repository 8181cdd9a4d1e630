#pragma once

#include "exportjob.h"

#include <QObject>
#include <QString>

namespace fbm {

class JobHost;

/// How an export's downloads end, and stay ended: manifest.json beside the files, the job
/// announced once every file is saved (Failed with how many are not), and saved files that are no
/// longer on the disk as they were saved (after a reboot, before a resume) set to be fetched
/// again. Works on the records through JobHost, like ExportRun and DownloadQueue; JobManager
/// calls it and relays its signals.
class JobCompletion final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobCompletion)
public:
    explicit JobCompletion(JobHost *host, QObject *parent = nullptr);
    ~JobCompletion() override;

    /// This boot of the computer (Linux: /proc/sys/kernel/random/boot_id; tests set others).
    /// Empty: files saved are never checked after a reboot.
    void setBootId(const QString &bootId) { m_bootId = bootId; }
    [[nodiscard]] static QString currentBootId();

    /// Writes manifest.json beside the files; returns why it could not, or an empty string.
    QString writeManifest(const QString &id);
    /// A file reached Saved or Failed (from the DownloadQueue): recorded, announced, and the
    /// job finished when it was the last.
    void fileDone(const QString &id, int index);
    /// A downloading job with no file left to try: allFilesSaved() when none failed
    /// (manifest.json written again if it is missing), Expired when the server removed files
    /// before they were saved (which a Retry cannot bring back), else Failed.
    void checkDownloadsDone(const QString &id);
    /// A job read from the store (\a job, perhaps only its summary): when it saved files under
    /// another boot, they are checked as after a reboot.
    void checkAfterRestore(const ExportJob &job);
    /// Saved files that are no longer on the disk as they were saved: set to be fetched again
    /// while the server may still have them (a saved job goes back to Downloading; the caller
    /// queues the downloads), otherwise failed. afterReboot: only a short file is suspect.
    /// Returns how many were lost.
    int recheckSavedFiles(const QString &id, bool afterReboot);

Q_SIGNALS:
    void fileFinished(const QString &id, int fileIndex);
    /// Every file of the job is saved and verified (ServerRelease ends it Saved).
    void allFilesSaved(const QString &id);
    void savedFileLost(const QString &id, int fileIndex, bool missing);

private:
    JobHost *m_host;
    QString m_bootId = currentBootId();
};

} // namespace fbm
