#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QThread;

namespace fbm {

class JobHost;
struct HttpResponse;

/// How an export whose every file is saved and verified ends: Saved, and, unless the job keeps
/// its files on the server (the profile's choice, --keep-on-server), only after the server was
/// told that they may go. That is the specification's DELETE on the status URL (Epic allows one
/// export per client and group until then; Oracle asks clients to clean up). As the server's
/// copy is then the only other one, the files first go to the disk for certain (they are saved
/// as curl saves them, without waiting for the disk). 404 means the server has already removed
/// the export; a refusal or no answer leaves the files there until they expire, and the job is
/// Saved all the same, with the reason in removalProblem.
class ServerRelease final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerRelease)
public:
    explicit ServerRelease(JobHost *host, QObject *parent = nullptr);
    /// Waits for the disk writes under way.
    ~ServerRelease() override;

    /// The job (Downloading, or Completed with nothing to download) has every file saved.
    void release(const QString &id);

    /// Writes everything of the file system that holds \a dir to the disk (syncfs); returns why
    /// it could not, or an empty string.
    [[nodiscard]] static QString syncToDisk(const QString &dir);

private:
    void onSynced(const QString &id, const QString &problem);
    void onAnswer(const QString &id, const HttpResponse &r);
    /// The job is still the one that was released (not cancelled, retried or removed since).
    [[nodiscard]] bool stillReleasing(const QString &id) const;
    void finish(const QString &id);

    JobHost *m_host;
    QHash<QString, QThread *> m_syncs; ///< disk writes under way, by job
};

} // namespace fbm
