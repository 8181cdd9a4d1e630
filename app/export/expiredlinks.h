#pragma once

#include "exportjob.h"
#include "scheduler.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QUrl>

namespace fbm {

/// What the status URL of a completed export said when it was asked again for the manifest
/// (ExportRun::refreshLinks()).
struct FreshLinks
{
    enum class Outcome
    {
        Fresh,       ///< the manifest again: files holds its entries
        Gone,        ///< the server no longer knows the export (404, 410, or it cancelled it)
        Unavailable, ///< no manifest this time, for a reason that did not pass (reason)
    };
    Outcome outcome = Outcome::Unavailable;
    QList<ExportFile> files;   ///< Fresh: named as a job's files are (ManifestAssembler::files)
    QDateTime transactionTime; ///< Fresh
    QDateTime expiresAt;       ///< Fresh: the answer's Expires, when it had one
    QString reason;            ///< Unavailable: translated
};

/// Files whose links stopped working after the manifest came, and the status requests that get
/// new ones. Object stores sign a file's URL for a while (S3, Azure) and servers remove files
/// after a retention; the status URL of a completed export gives the manifest again, often
/// with links signed anew. A file that answers 401, 403, 404 or 410 waits for one such request,
/// shared by every file that answers so while it is on its way (a wave), and is then tried with
/// its new link, once. A file the new manifest lacks, or any file once the status URL is gone
/// too, is lost. DownloadQueue owns it and applies what it decides to the job's records.
class ExpiredLinks
{
public:
    /// A file waiting for a wave's answer, and how its download had ended.
    struct Waiting
    {
        int index = -1;
        QUrl usedUrl; ///< the link that answered
        int httpStatus = 0;
        QString error; ///< the download's error (translated, redacted)
    };

    /// What becomes of a file whose download answered an expiry status.
    enum class Verdict
    {
        Refresh,  ///< the first of a wave: the status URL is asked (the file waits)
        Wait,     ///< a wave is on its way: the file waits for its answer
        TryAgain, ///< a wave renewed its link while this download ran: the new one is tried
        Lost,     ///< the export is gone at the server: the file cannot be fetched any more
        Fail,     ///< it answered so to a link renewed for it: it fails as any file does
    };

    /// Whether a file's answer \a httpStatus may mean that its link expired.
    [[nodiscard]] static bool isExpiry(int httpStatus);

    /// File \a file.index of job \a id answered an expiry status to \a file.usedUrl; the job's
    /// record has \a currentUrl for it now.
    [[nodiscard]] Verdict expired(const QString &id, const Waiting &file, const QUrl &currentUrl);
    /// The answer of the job's wave is in: the files that waited for it (the wave is over).
    [[nodiscard]] QList<Waiting> endWave(const QString &id);
    /// The file is tried with a link renewed because it had expired.
    void renewed(const QString &id, int index);
    /// The job's status URL is gone: every file whose link expires from now on is lost.
    void markGone(const QString &id);
    /// The file was saved, or is tried again by hand: its next expiry starts a wave again.
    void forget(const QString &id, int index);
    /// Everything about the job (stopped, cancelled or removed); an answer on its way is not
    /// for this job any more.
    void forgetJob(const QString &id);

    /// For each of \a current's files, the index of the same file in \a fresh, or -1: by the
    /// URL without its query when that names one file in each (a storage URL signed anew keeps
    /// its path), otherwise by kind, type and position (the n-th file of type T, what its
    /// name says). An entry of \a fresh that cannot be fetched matches nothing.
    [[nodiscard]] static QList<int> match(const QList<ExportFile> &current,
                                          const QList<ExportFile> &fresh);

private:
    QHash<QString, QList<Waiting>> m_waves; ///< per job whose status request is on its way
    QSet<DueKey> m_renewed;                 ///< files tried with a link renewed for them
    QSet<QString> m_gone;                   ///< jobs whose status URL is gone
};

} // namespace fbm
