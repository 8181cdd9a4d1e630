#include "jobcellformat.h"

#include "i18n.h"
#include "jobtablemodel.h"

#include <QLocale>

#include <limits>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr qint64 kNever = std::numeric_limits<qint64>::max();
constexpr qint64 kSoonSeconds = 15 * 60;

/// Seconds from now to t, rounded up so that a countdown shows 0:01 until the deadline passes
/// and never reads 0:00 while there is still time left.
qint64 secondsUntil(const QDateTime &now, const QDateTime &t)
{
    const qint64 ms = now.msecsTo(t);
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

QString dash()
{
    return u"\u2014"_s;
}

} // namespace

bool JobCellFormat::showsExpiry(const ExportJob &job)
{
    if (!job.expiresAt.isValid())
        return false;
    switch (job.state) {
    case JobState::Completed:
    case JobState::Downloading:
    case JobState::Expired:
        return true;
    case JobState::Failed:
        return job.completedAt.isValid() && job.fileCount() > 0;
    case JobState::Starting:
    case JobState::Running:
    case JobState::Saved:
    case JobState::Cancelled:
        return false;
    }
    return false;
}

qint64 JobCellFormat::elapsedSeconds(const ExportJob &job, const QDateTime &now)
{
    if (!job.createdAt.isValid())
        return -1;
    const QDateTime end = job.isTerminal() && job.finishedAt.isValid() ? job.finishedAt : now;
    return qMax<qint64>(0, job.createdAt.secsTo(end));
}

QVariant JobCellFormat::display(const ExportJob &job, int column, const QDateTime &t)
{
    switch (JobTableModel::Column(column)) {
    case JobTableModel::Server:
        return job.serverName.isEmpty() ? job.request.base.host() : job.serverName;
    case JobTableModel::What:
        return job.request.summary();
    case JobTableModel::State:
        if (job.cancelRequested && !job.isTerminal())
            return tr("Cancelling…");
        return jobStateText(job.state);
    case JobTableModel::ServerSays:
        if (job.state == JobState::Starting || job.state == JobState::Running)
            return job.progressText;
        // After the manifest, the server's last word is its "message" (e.g. nothing to export);
        // a stale "90 % complete" would only mislead.
        return job.message;
    case JobTableModel::NextCheck:
        return nextCheckText(job, t, Form::Cell);
    case JobTableModel::Files:
        if (job.fileCount() == 0)
            return job.completedAt.isValid() ? QVariant(tr("none")) : QVariant(QString());
        //: files saved / files in the export
        return tr("%1 / %2").arg(job.filesSaved()).arg(job.fileCount());
    case JobTableModel::Bytes: {
        const qint64 bytes = job.bytesSaved();
        if (bytes <= 0 && job.fileCount() == 0)
            return QString();
        return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    }
    case JobTableModel::Started:
        if (!job.createdAt.isValid())
            return QString();
        if (job.createdAt.toLocalTime().date() == t.toLocalTime().date())
            return formatTime(job.createdAt.toLocalTime().time());
        return formatDateTime(job.createdAt.toLocalTime());
    case JobTableModel::Elapsed: {
        const qint64 s = elapsedSeconds(job, t);
        return s < 0 ? QString() : formatDuration(s);
    }
    case JobTableModel::Expires:
        return expiryText(job, t, Form::Cell);
    case JobTableModel::Progress: // the model's: it keeps the download rates
    case JobTableModel::Count:
        break;
    }
    return {};
}

QString JobCellFormat::nextCheckText(const ExportJob &job, const QDateTime &t, Form form)
{
    // The cell stands under "Next check", so it says only when ("in 0:42"); the details line
    // has no header and says what ("next check in 0:42").
    if (job.hasCountdown()) {
        const QString left = formatCountdown(secondsUntil(t, job.nextPollAt));
        if (job.attempt > 0 && !job.lastError.isEmpty()) {
            if (form == Form::Cell)
                //: Under the header "Next check": %1 is a countdown like 0:10, %2 the number of
                //: the attempt
                return tr("in %1 (attempt %2)").arg(left).arg(job.attempt);
            //: %1 is a countdown like 0:10, %2 the number of the attempt
            return tr("retrying in %1 (attempt %2)").arg(left).arg(job.attempt);
        }
        if (form == Form::Cell)
            //: Under the header "Next check": %1 is a countdown like 0:42
            return tr("in %1").arg(left);
        //: %1 is a countdown like 0:42
        return tr("next check in %1").arg(left);
    }
    if (job.state == JobState::Running && !job.cancelRequested)
        return tr("checking now…");
    return form == Form::Cell ? dash() : QString();
}

QString JobCellFormat::expiryText(const ExportJob &job, const QDateTime &t, Form form)
{
    if (!showsExpiry(job))
        return {};
    const qint64 left = t.secsTo(job.expiresAt);
    if (left <= 0 || job.state == JobState::Expired)
        return tr("expired");
    if (form == Form::Cell)
        //: Under the header "Files expire": %1 is a duration like "1 h 12 min"
        return tr("in %1", "files expire").arg(formatDuration(left));
    //: %1 is a duration like "1 h 12 min"
    return tr("expires in %1").arg(formatDuration(left));
}

QVariant JobCellFormat::toolTip(const ExportJob &job, int column, const QDateTime &t)
{
    const QLocale locale;
    switch (JobTableModel::Column(column)) {
    case JobTableModel::Server:
        return job.request.base.toString();
    case JobTableModel::What:
        return job.kickoffUrl.isValid() ? job.kickoffUrl.toString() : job.request.summary();
    case JobTableModel::State:
        if (!job.lastError.isEmpty())
            return job.lastError;
        return jobStateText(job.state);
    case JobTableModel::ServerSays:
        return display(job, column, t);
    case JobTableModel::NextCheck:
        if (job.hasCountdown() && job.state == JobState::Starting)
            //: %1 is a time of day
            return tr("The export is asked for again at %1.")
                .arg(formatTime(job.nextPollAt.toLocalTime().time(), true));
        if (job.hasCountdown())
            //: %1 is a time of day
            return tr("The next status request goes out at %1.")
                .arg(formatTime(job.nextPollAt.toLocalTime().time(), true));
        return {};
    case JobTableModel::Files: {
        if (job.fileCount() == 0)
            return {};
        const qint64 resources = job.resourcesSaved();
        //: %1 files saved, %2 files in all, %3 resources (lines) saved
        return tr("%1 of %2 files saved, %3 resources")
            .arg(job.filesSaved())
            .arg(job.fileCount())
            .arg(locale.toString(resources));
    }
    case JobTableModel::Bytes:
        //: %1 is a number of bytes
        return tr("%1 bytes").arg(locale.toString(job.bytesSaved()));
    case JobTableModel::Started:
        return job.createdAt.isValid() ? formatDateTimeSeconds(job.createdAt.toLocalTime())
                                       : QString();
    case JobTableModel::Elapsed:
        if (job.finishedAt.isValid())
            //: %1 is a date and time
            return tr("Finished %1").arg(formatDateTimeSeconds(job.finishedAt.toLocalTime()));
        return {};
    case JobTableModel::Expires:
        if (!job.expiresAt.isValid())
            return {};
        //: %1 is a date and time
        return tr("The server keeps the files until %1.")
            .arg(formatDateTimeSeconds(job.expiresAt.toLocalTime()));
    case JobTableModel::Progress: // the model's: it keeps the download rates
    case JobTableModel::Count:
        break;
    }
    return {};
}

QVariant JobCellFormat::sortValue(const ExportJob &job, int column, const QDateTime &t)
{
    switch (JobTableModel::Column(column)) {
    case JobTableModel::Server:
    case JobTableModel::What:
    case JobTableModel::ServerSays:
        return display(job, column, t);
    case JobTableModel::State:
        return int(job.state);
    case JobTableModel::NextCheck:
        return job.hasCountdown() ? t.msecsTo(job.nextPollAt) : kNever;
    case JobTableModel::Files:
        return job.filesSaved();
    case JobTableModel::Bytes:
        return job.bytesSaved();
    case JobTableModel::Started:
        return job.createdAt.isValid() ? job.createdAt.toMSecsSinceEpoch() : qint64(0);
    case JobTableModel::Elapsed:
        return elapsedSeconds(job, t);
    case JobTableModel::Expires:
        return showsExpiry(job) ? job.expiresAt.toMSecsSinceEpoch() : kNever;
    case JobTableModel::Progress: // the model's: it keeps the download rates
    case JobTableModel::Count:
        break;
    }
    return {};
}

bool JobCellFormat::expiresSoon(const ExportJob &job, const QDateTime &t)
{
    if (!showsExpiry(job) || job.state == JobState::Expired)
        return false;
    const qint64 left = t.secsTo(job.expiresAt);
    if (left <= 0)
        return false; // already gone: "expired", not a warning any more
    if (left < kSoonSeconds)
        return true;
    const QDateTime from = job.completedAt.isValid() ? job.completedAt : job.createdAt;
    const qint64 window = from.isValid() ? from.secsTo(job.expiresAt) : 0;
    return window > 0 && left * 10 < window;
}

QString JobCellFormat::formatCountdown(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QChar(u'0'));
}

QString JobCellFormat::formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return tr("< 1 min");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        //: %1 is a number of minutes
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        //: %1 hours and %2 minutes (two digits)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QChar(u'0'));
    //: %1 days and %2 hours
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

} // namespace fbm
