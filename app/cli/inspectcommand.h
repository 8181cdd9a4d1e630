#pragma once

#include <QStringList>

class QTextStream;

namespace fbm::cli {

/// `fhir-bulk-monitor inspect DIR [--json]`: what a saved export folder holds, per resource
/// type (resources, patients, size, files, dates) and the lines that are not resources of
/// their file's type (file and line). A table on out, or with --json one JSON object
/// (ExportOverview::toJson()). args start with the command word.
/// Exit codes: 0 read (problems in the data are listed, not failures); 1 DIR is not an export
/// folder or cannot be read; 2 usage error.
int runInspectCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace fbm::cli
