#include "reportcsv.h"

#include "reportjobmodel.h"

using namespace Qt::StringLiterals;

namespace fbm {

QByteArray csvRecord(const QStringList &fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append(',');
        const QString &field = fields.at(i);
        const bool quote = field.contains(u',') || field.contains(u'"') || field.contains(u'\r') ||
                           field.contains(u'\n');
        if (!quote) {
            out.append(field.toUtf8());
            continue;
        }
        QString escaped = field;
        escaped.replace(u"\""_s, u"\"\""_s);
        out.append('"');
        out.append(escaped.toUtf8());
        out.append('"');
    }
    out.append("\r\n");
    return out;
}

QByteArray csvTable(const QList<QStringList> &rows)
{
    QByteArray out;
    for (const QStringList &row : rows)
        out.append(csvRecord(row));
    return out;
}

QList<QStringList> reportJobsTable(const QList<ReportJob> &jobs)
{
    QList<QStringList> rows;
    rows.reserve(jobs.size() + 1);
    //: column headers of the report jobs saved as a CSV table
    rows << QStringList{ReportJob::tr("Report"),     ReportJob::tr("Report class"),
                        ReportJob::tr("Status"),     ReportJob::tr("User"),
                        ReportJob::tr("User ID"),    ReportJob::tr("Created"),
                        ReportJob::tr("Started"),    ReportJob::tr("Ended"),
                        ReportJob::tr("Run time"),   ReportJob::tr("Run time (seconds)"),
                        ReportJob::tr("Parameters"), ReportJob::tr("Report file"),
                        ReportJob::tr("Job ID")};
    for (const ReportJob &job : jobs) {
        const qint64 seconds = job.runTimeSeconds();
        rows << QStringList{job.title(),
                            job.reportClass,
                            ReportJobModel::statusTitle(job),
                            job.userName,
                            job.userId,
                            ReportJobModel::timeText(job.created),
                            ReportJobModel::timeText(job.started),
                            ReportJobModel::timeText(job.ended),
                            formatRunTime(seconds),
                            seconds < 0 ? QString() : QString::number(seconds),
                            job.parameterSummary(),
                            job.binaryUrl.isValid() ? job.binaryUrl.toString()
                                                    : job.binaryReference,
                            job.key()};
    }
    return rows;
}

} // namespace fbm
