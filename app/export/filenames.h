#pragma once

#include "manifest.h"

#include <QString>

namespace fbm {

/// A resource type made safe as part of a file name: letters, digits, '-' and '_' only, at most
/// 64 characters, never empty ("Resource"). A server's type is never used as a path as is.
[[nodiscard]] QString safeTypeName(const QString &type);

/// The path of a manifest file inside the export folder, relative, from the kind, the (safe)
/// type and the 1-based index among files of that kind and type:
/// `Patient.1.ndjson`, `errors/OperationOutcome.1.ndjson`, `deleted/Patient.1.ndjson`; with
/// \a gzip the file is stored compressed: `Patient.1.ndjson.gz`.
[[nodiscard]] QString exportFileName(FileKind kind, const QString &type, int index,
                                     bool gzip = false);

/// Whether relativePath stays inside its folder (no absolute path, no "..", no NUL).
[[nodiscard]] bool isContainedRelativePath(const QString &relativePath);

} // namespace fbm
