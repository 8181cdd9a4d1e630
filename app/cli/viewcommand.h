#pragma once

#include <QStringList>

class QTextStream;

namespace fbm::cli {

/// `view`: runs a SQL on FHIR ViewDefinition over an export folder into CSV (or NDJSON rows).
/// args start with the command word.
int runViewCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace fbm::cli
