#pragma once

#include <QStringList>

class QTextStream;

namespace fbm::cli {

/// `fhir-bulk-monitor report-jobs (--base URL | --profile NAME) [--token T] [--json]
/// [--save FILE] [--download DIR]`: lists the report jobs of an eHealth reporting server.
///
/// Output: a table on out, or with --json one JSON array of job objects (ReportJob::toJson())
/// on out. --save writes the server's answer pretty-printed as received; --download saves the
/// reports of the done jobs, skipping those already in DIR. Messages, progress and errors go to
/// err. args start with the command word (QCommandLineParser's program name).
/// Exit codes: 0 success; 1 the server, a download or a file failed; 2 usage error.
int runReportJobsCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace fbm::cli
