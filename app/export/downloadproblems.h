#pragma once

#include "contentdecoder.h"
#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace fbm {

struct FileTarget;
struct NdjsonProblem;

/// What can go wrong with one file's download, in the user's words: a body that does not
/// decode, a line that is not a resource of the file's type, a disk that refuses to write.
/// FileDownload decides when; this says what. (The translation context stays FileDownload's,
/// whose sentences these are.)
class DownloadProblems
{
    Q_DECLARE_TR_FUNCTIONS(fbm::FileDownload)

public:
    /// The resource type each line of @p file must have: the manifest's type for an output,
    /// OperationOutcome for an error file, Bundle for a deleted-resources file.
    [[nodiscard]] static QByteArray expectedType(const FileTarget &file);

    /// A compressed body (Content-Encoding @p encodingName) that failed to decode; no error
    /// for Stopped and None.
    [[nodiscard]] static Error decodeFailure(ContentDecoder::Failure failure,
                                             const QByteArray &encodingName,
                                             const ContentDecoder::Limits &limits);

    /// A line of @p file that NDJSON verification refused; the .part is kept.
    [[nodiscard]] static Error contentFailure(const NdjsonProblem &problem, const FileTarget &file);

    /// Writing @p partFile failed with the system's @p error (errno).
    [[nodiscard]] static Error writeFailure(const QString &partFile, int error);
};

} // namespace fbm
