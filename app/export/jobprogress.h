#pragma once

#include "downloadrate.h"
#include "exportjob.h"

#include <QCoreApplication>
#include <QHash>

namespace fbm {

/// What a job's progress bar shows at one moment.
struct JobProgress
{
    /// 0..100; -1: not known (a busy indicator: the server works without saying how far).
    int percent = -1;
    /// Whether there is a bar at all (a failed or cancelled job has words only).
    bool hasBar = false;
    QString text;
    /// A finished job's next step, offered in its row.
    enum class Action
    {
        None,
        OpenFolder, ///< saved: its folder
        Download,   ///< ready to download: save the files
        Retry,      ///< failed: start it again
    };
    Action action = Action::None;
};

/// How far each export is, as a browser's download window tells it: while the server works, its
/// X-Progress as a fraction when it carries one (a busy indicator and the time it has worked
/// otherwise, never a time left for the server's work); while downloading, files and bytes so
/// far against what is known, the speed, and a smoothed time left; and, once finished, the
/// outcome in words with the next step. Keeps one DownloadRate per downloading job, fed with
/// readings on the manager's clock.
class JobProgressTracker
{
    Q_DECLARE_TR_FUNCTIONS(fbm::JobProgress)

public:
    /// The part of the download done: saved files count whole, files on their way by the bytes
    /// of their Content-Length (nothing while the length is unknown). 0 without files.
    [[nodiscard]] static double downloadFraction(const ExportJob &job);

    /// Takes a reading of the job (call on each change of its files or state).
    void observe(const ExportJob &job, qint64 nowMs);
    void forget(const QString &id) { m_rates.remove(id); }

    [[nodiscard]] JobProgress progress(const ExportJob &job, const QDateTime &now) const;

    /// "2.1 MB/s"
    [[nodiscard]] static QString formatSpeed(double bytesPerSecond);

private:
    QHash<QString, DownloadRate> m_rates;
};

} // namespace fbm
