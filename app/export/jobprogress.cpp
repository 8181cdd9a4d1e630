#include "jobprogress.h"

#include "jobcellformat.h"
#include "serverprogress.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

int percentOf(double fraction)
{
    return int(std::floor(std::clamp(fraction, 0.0, 1.0) * 100.0));
}

} // namespace

double JobProgressTracker::downloadFraction(const ExportJob &job)
{
    if (job.fileCount() == 0)
        return 0;
    if (!job.detailsLoaded) // a finished job's summary: no file is half done
        return double(job.filesSaved()) / double(job.fileCount());
    double done = 0;
    for (const ExportFile &f : job.files) {
        if (f.state == FileState::Saved)
            done += 1;
        else if (f.state == FileState::Downloading && f.totalBytes > 0)
            done += std::clamp(double(f.bytes) / double(f.totalBytes), 0.0, 1.0);
    }
    return done / double(job.files.size());
}

void JobProgressTracker::observe(const ExportJob &job, qint64 nowMs)
{
    if (job.state != JobState::Downloading) {
        m_rates.remove(job.id);
        return;
    }
    m_rates[job.id].sample(nowMs, job.bytesSaved(), downloadFraction(job));
}

QString JobProgressTracker::formatSpeed(double bytesPerSecond)
{
    //: a download speed; %1 is a size like "2.1 MB"
    return tr("%1/s").arg(dataSize(qint64(bytesPerSecond)));
}

JobProgress JobProgressTracker::progress(const ExportJob &job, const QDateTime &now) const
{
    JobProgress p;
    const qint64 worked = JobCellFormat::elapsedSeconds(job, now);
    switch (job.state) {
    case JobState::Starting:
        p.hasBar = true;
        p.text = tr("Starting…");
        break;
    case JobState::Running: {
        p.hasBar = true;
        if (job.cancelRequested) {
            p.text = tr("Cancelling…");
            break;
        }
        if (const auto f = ServerProgress::fraction(job.progressText)) {
            p.percent = percentOf(*f);
            //: the server's work so far; %1 a percentage like "45 %"
            p.text = tr("Server: %1").arg(QLocale().toString(p.percent) + u" %"_s);
        } else {
            // Minutes, not seconds: a row of a long export changes once a minute, not every
            // second (a thousand waiting exports would repaint all the time).
            //: %1 how long the server has worked, like "< 1 min" or "1 h 05 min"
            p.text = tr("Server working · %1")
                         .arg(JobCellFormat::formatDuration(qMax<qint64>(0, worked)));
        }
        break;
    }
    case JobState::Completed:
        p.hasBar = true;
        p.percent = 0;
        p.text = job.fileCount() == 0
                     ? tr("Ready")
                     : tr("Ready to download · %n file(s)", nullptr, job.fileCount());
        p.action = JobProgress::Action::Download;
        break;
    case JobState::Downloading: {
        p.hasBar = true;
        if (job.cancelRequested) {
            p.text = tr("Cancelling…");
            break;
        }
        const double fraction = downloadFraction(job);
        p.percent = percentOf(fraction);
        //: %1 files saved, %2 files in the export
        QStringList parts{tr("%1 of %2 files").arg(job.filesSaved()).arg(job.fileCount()),
                          dataSize(job.bytesSaved())};
        const auto rate = m_rates.constFind(job.id);
        if (rate != m_rates.cend()) {
            if (rate->bytesPerSecond() > 0)
                parts << formatSpeed(rate->bytesPerSecond());
            if (const auto left = rate->secondsLeft())
                //: the download's time left; %1 a countdown like "1:05"
                parts << tr("%1 left").arg(JobCellFormat::formatCountdown(*left));
        }
        p.text = parts.join(u" · "_s);
        break;
    }
    case JobState::Saved:
        p.hasBar = true;
        p.percent = 100;
        p.text = job.fileCount() == 0 ? tr("Done: nothing to export")
                                      : tr("Saved · %n file(s)", nullptr, job.fileCount());
        p.action =
            job.outDir.isEmpty() ? JobProgress::Action::None : JobProgress::Action::OpenFolder;
        break;
    case JobState::Failed:
        p.text = job.lastError.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(job.lastError);
        p.action = JobProgress::Action::Retry;
        break;
    case JobState::Cancelled:
        p.text = tr("Cancelled");
        break;
    case JobState::Expired:
        p.text = tr("Expired: the server no longer has the files");
        break;
    }
    if (!job.cancelProblem.isEmpty() && !job.isTerminal())
        //: a row whose cancel the server refused or did not receive; %1 how far the export is
        p.text = tr("Not cancelled · %1").arg(p.text);
    return p;
}

} // namespace fbm
