#pragma once

#include <QCoreApplication>

#include "reportjob.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace fbm {

/// A report download, decoded.
/// The translation context of the report download messages.
struct ReportBinary
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ReportBinary)
};

struct ReportPayload
{
    enum class Kind
    {
        Report,      ///< bytes to save
        Placeholder, ///< the server's "NOT GENERATED YET" text: nothing to save yet
    };

    Kind kind = Kind::Report;
    QByteArray bytes;    ///< the decoded report (or the placeholder text)
    QString contentType; ///< Binary.contentType, else the HTTP Content-Type, without parameters
    QString extension;   ///< with the dot: ".zip", ".csv", ".pdf", ".json", ".txt", ".bin", …
    bool fromBinaryResource = false; ///< the answer was a FHIR Binary JSON resource

    [[nodiscard]] bool isPlaceholder() const { return kind == Kind::Placeholder; }
};

/// Decodes a report download. A FHIR `Binary` JSON answer is base64-decoded from `data` (or
/// `content`, as the eHealth IG text writes it); any other answer is taken as the raw report.
/// An OperationOutcome, or a Binary without a payload or with broken base64, is an Error. The
/// "NOT GENERATED YET" placeholder (with or without asterisks) gives Kind::Placeholder.
[[nodiscard]] Result<ReportPayload> decodeReportDownload(const QByteArray &body,
                                                         const QByteArray &httpContentType = {});

/// Whether bytes are the reporting server's placeholder for a report not generated yet.
[[nodiscard]] bool isNotGeneratedPlaceholder(const QByteArray &bytes);

/// The file extension (with the dot) for a report: ".zip" for a ZIP (by its magic bytes, or
/// application/zip, application/gzip-json), ".gz" for gzip bytes of another type, then ".csv",
/// ".pdf", ".json", ".ndjson", ".txt", ".xml" by content type (or magic bytes), else ".bin".
[[nodiscard]] QString reportExtension(const QString &contentType, const QByteArray &bytes);

/// Makes text safe as part of a file name on every platform: letters, digits, '.', '-' and '_'
/// only, no leading dot, at most maxLength characters; "report" when nothing is left.
[[nodiscard]] QString safeFileNamePart(const QString &text, int maxLength = 80);

/// The file name (without extension) a job's report is saved under: "<short name>-<job id>",
/// built only from the job's own fields, never from the server's path.
[[nodiscard]] QString reportFileBaseName(const ReportJob &job);

/// Every extension reportExtension() can return, to find a report saved earlier.
[[nodiscard]] QStringList knownReportExtensions();

} // namespace fbm
