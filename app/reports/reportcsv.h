#pragma once

#include "reportjob.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace fbm {

/// One CSV record as RFC 4180 writes it: fields separated by commas, a field quoted when it holds
/// a comma, a double quote, a CR or an LF (its quotes doubled), the record ended by CRLF; UTF-8.
[[nodiscard]] QByteArray csvRecord(const QStringList &fields);

/// Records one after another (see csvRecord()).
[[nodiscard]] QByteArray csvTable(const QList<QStringList> &rows);

/// The report jobs as a table for people: a header row, then one row per job with its report
/// in words, class, status, user name and full id, times (local, "yyyy-MM-dd HH:mm:ss"), run
/// time as text and in seconds, parameters, report file and job id.
[[nodiscard]] QList<QStringList> reportJobsTable(const QList<ReportJob> &jobs);

} // namespace fbm
