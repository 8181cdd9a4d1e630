#pragma once

#include "activity.h"
#include "exportrequest.h"
#include "manifest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace fbm {

/// The life of an export job. Legal moves are listed in canTransition().
enum class JobState
{
    Starting,    ///< kick-off being sent
    Running,     ///< polling the status URL
    Completed,   ///< the manifest is in; files not (all) saved yet
    Downloading, ///< files being saved
    Saved,       ///< every file saved and verified (or nothing to export)
    Failed,
    Cancelled,
    Expired, ///< the server no longer knows the job or its files
};

enum class FileState
{
    Pending,
    Downloading,
    Saved,
    Failed
};

/// One file of the manifest and what became of it.
struct ExportFile
{
    FileKind kind = FileKind::Output;
    QString type; ///< as the server wrote it (display only)
    QUrl url;
    std::optional<qint64> expectedCount;
    QString relativePath; ///< inside the export folder, from kind + safe type + index
    FileState state = FileState::Pending;
    qint64 bytes = 0;       ///< bytes written so far (the .part size while downloading)
    qint64 totalBytes = -1; ///< when the server said (Content-Length), else -1
    qint64 lines = 0;       ///< NDJSON lines counted while streaming
    int attempts = 0;
    /// When the saved file was last written (ms since the epoch; 0: not known), to notice a
    /// file changed on the disk since.
    qint64 modifiedMs = 0;
    QString error; ///< why the file failed (translated, redacted)
    /// The .part failed verification: the next attempt starts over instead of resuming it (a
    /// Range request would only bring back the same bytes, or a 416).
    bool discardPart = false;
    /// The file under the final name is not the one that was saved (changed on the disk since):
    /// it is downloaded again, never taken as a download finished before a crash.
    bool fetchAgain = false;
    /// The server removed the file before it was saved: its link expired and the export's
    /// status URL is gone too, or gives a manifest without it. Failed for good; the job ends
    /// Expired.
    bool gone = false;

    [[nodiscard]] QJsonObject toJson() const;
    /// Appends toJson() as compact JSON text, written directly (a job of thousands of files is
    /// saved with all of them).
    void appendJson(QByteArray &out) const;
    [[nodiscard]] static ExportFile fromJson(const QJsonObject &o);
};

/// What a job's files add up to: all the job list needs of them (the store's index keeps this
/// instead of the list of files, which for an export of 20,000 files is megabytes).
struct FileTotals
{
    int count = 0;
    int saved = 0;
    qint64 bytes = 0;     ///< every file's bytes, as ExportJob::bytesSaved()
    qint64 resources = 0; ///< lines of saved output files, as ExportJob::resourcesSaved()

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static FileTotals fromJson(const QJsonObject &o);
    friend bool operator==(const FileTotals &a, const FileTotals &b)
    {
        return a.count == b.count && a.saved == b.saved && a.bytes == b.bytes &&
               a.resources == b.resources;
    }
};

/// Everything the user sees about a job, as a value. The JobManager owns the live copies.
struct ExportJob
{
    QString id; ///< local id (UUID without braces)
    QString profileId;
    QString serverName; ///< for display: the profile's name or the host
    ExportRequest request;
    QUrl kickoffUrl;
    QUrl statusUrl; ///< exactly as the server gave it (Content-Location)
    JobState state = JobState::Starting;
    QString progressText; ///< the last X-Progress, verbatim
    QDateTime nextPollAt; ///< when the next status request goes out (invalid: none)
    int attempt = 0;      ///< consecutive failed/throttled polls, for "retrying (attempt n)"
    int pollCount = 0;
    QString lastError; ///< translated, redacted
    QDateTime createdAt;
    QDateTime completedAt; ///< manifest received
    QDateTime finishedAt;  ///< reached a terminal state
    QDateTime expiresAt;   ///< Expires header, or the retention the server is known for
    QDateTime transactionTime;
    QByteArray manifestJson; ///< the manifest as received (pages merged when paged)
    QString message;         ///< the manifest's "message" (e.g. nothing to export)
    QString outDir;          ///< the export folder
    bool autoDownload = true;
    /// Leave the files on the server once saved (the profile's choice, --keep-on-server);
    /// otherwise the status URL gets a DELETE after the last file is saved and verified.
    bool keepOnServer = false;
    /// Files stored compressed, as <Type>.<n>.ndjson.gz (the profile's choice, --gzip): each is
    /// downloaded and verified as a plain .part first, then compressed.
    bool gzip = false;
    /// Fetch the attachments that DocumentReference and DiagnosticReport resources name, into
    /// attachments/ (the profile's choice, --attachments).
    bool attachments = false;
    int attachmentsSaved = 0;
    qint64 attachmentBytes = 0;
    int attachmentsFailed = 0;
    QString attachmentProblem;     ///< which attachments were not saved, and why (translated)
    QDateTime removedFromServerAt; ///< when the server was told the files may go (DELETE)
    QString removalProblem;        ///< why the server did not remove them (translated)
    /// The kick-off was refused as asked (400/422): a lenient request, or one without the
    /// parameters the server named (refusedParameters), may get past it.
    bool requestRefused = false;
    QStringList refusedParameters;
    bool requiresAccessToken = false;
    bool cancelRequested = false;
    /// Why the last cancel did not happen (refused, or the server not reached); the export
    /// goes on. Cleared by the next cancel and any change of state; not stored.
    QString cancelProblem;
    /// The boot of the computer during which files were saved without waiting for the disk
    /// (like curl or a browser, the rename does not fsync). After a reboot, JobManager checks
    /// those files once: a power cut may have lost what the disk had not written yet.
    QString unsyncedBootId;
    /// Empty in a summary (detailsLoaded false): fileTotals says what they add up to.
    QList<ExportFile> files;
    QList<ActivityEntry> activity; ///< the latest exchanges (bounded)
    /// False for a finished job read from the store's index: files, activity and manifestJson
    /// are still on disk (JobManager loads them when someone needs them). Not saved.
    bool detailsLoaded = true;
    /// The files' totals while they are not loaded (detailsLoaded false); use fileCount(),
    /// filesSaved(), bytesSaved() and resourcesSaved(), which work either way.
    FileTotals fileTotals;

    [[nodiscard]] bool isTerminal() const;
    [[nodiscard]] bool isWaitingForPoll() const
    {
        return state == JobState::Running && nextPollAt.isValid();
    }
    /// A request is due at nextPollAt: a status check, or a kick-off sent again after the
    /// server (or the way to it) said its trouble may pass. The table counts down to it.
    [[nodiscard]] bool hasCountdown() const
    {
        return (state == JobState::Running || state == JobState::Starting) && nextPollAt.isValid();
    }
    /// How many files the manifest listed (files.size(), or the summary's count).
    [[nodiscard]] int fileCount() const;
    [[nodiscard]] int filesSaved() const;
    [[nodiscard]] qint64 bytesSaved() const;
    [[nodiscard]] qint64 resourcesSaved() const;
    /// The totals of files (the summary's when they are not loaded).
    [[nodiscard]] FileTotals totals() const;

    [[nodiscard]] QJsonObject toJson() const;
    /// toJson() without the activity log, the manifest and the files, with their totals
    /// ("fileTotals") instead: what the job list needs. fromJson() of it gives a job with
    /// detailsLoaded false.
    [[nodiscard]] QJsonObject summaryJson() const;
    /// toJson() as compact JSON text, the activity log written directly (what the store saves).
    [[nodiscard]] QByteArray toStoredJson() const;
    /// Forgets the files (keeping their totals), the activity log and the manifest (they stay
    /// in the job's file).
    void dropDetails();
    [[nodiscard]] static std::optional<ExportJob> fromJson(const QJsonObject &o);

private:
    [[nodiscard]] QJsonObject toJson(bool withManifest, bool withActivity,
                                     bool withFiles = true) const;
};

[[nodiscard]] bool canTransition(JobState from, JobState to);
/// A file's legal moves: Pending -> Downloading -> Saved or Failed (or back to Pending when
/// interrupted or retried); a saved file that is lost goes back to Pending, or to Failed when
/// the server no longer has it; a file found complete on the disk goes from Pending to Saved.
[[nodiscard]] bool canTransition(FileState from, FileState to);
/// Moves \a file to \a to, which must be legal (checked in debug builds, warned otherwise).
void setFileState(ExportFile &file, FileState to);
[[nodiscard]] QString jobStateName(JobState state); ///< stable, for JSON and --json events
[[nodiscard]] std::optional<JobState> jobStateFromName(const QString &name);
[[nodiscard]] QString jobStateText(JobState state); ///< translated, for people
[[nodiscard]] QString fileStateName(FileState state);

inline constexpr int kMaxActivityEntries = 300;
inline constexpr qsizetype kMaxStoredManifest = 1 << 20;

} // namespace fbm
