#include "downloadproblems.h"

#include "filedownload.h"
#include "ndjsonvalidator.h"
#include "redact.h"

#include <QLocale>

#include <cstring>

using namespace Qt::StringLiterals;

namespace fbm {

QByteArray DownloadProblems::expectedType(const FileTarget &file)
{
    // The specification's types for the other lists: OperationOutcome for errors, Bundle for
    // deleted resources (whatever type a server writes beside them).
    if (file.kind == FileKind::Error)
        return "OperationOutcome";
    if (file.kind == FileKind::Deleted)
        return "Bundle";
    return file.type.toUtf8();
}

Error DownloadProblems::decodeFailure(ContentDecoder::Failure failure,
                                      const QByteArray &encodingName,
                                      const ContentDecoder::Limits &limits)
{
    const QString name = QString::fromLatin1(encodingName.left(40));
    switch (failure) {
    case ContentDecoder::Failure::Expansive:
        //: %1 is a number (a ratio)
        return Error::make(Error::Kind::Protocol,
                           tr("The server sent a compressed file that expands beyond %1 times its "
                              "size; it was not saved (a decompression bomb, or a broken server).")
                               .arg(limits.maxRatio));
    case ContentDecoder::Failure::TooLarge:
        //: %1 is a size such as 256 GiB
        return Error::make(Error::Kind::Protocol,
                           tr("The server sent a compressed file that expands beyond %1; it was "
                              "not saved.")
                               .arg(QLocale().formattedDataSize(limits.maxBytes)));
    case ContentDecoder::Failure::Truncated:
        return Error::make(Error::Kind::Protocol,
                           tr("The compressed file ended before its end; it is downloaded again."),
                           {}, 0, true);
    case ContentDecoder::Failure::Corrupt:
        //: %1 is a Content-Encoding such as gzip
        return Error::make(Error::Kind::Protocol,
                           tr("The server said the file is compressed (%1), but it is not valid "
                              "%1 data; it was not saved.")
                               .arg(name));
    case ContentDecoder::Failure::Stopped:
    case ContentDecoder::Failure::None:
        break;
    }
    return {};
}

Error DownloadProblems::contentFailure(const NdjsonProblem &problem, const FileTarget &file)
{
    const QString path = file.relativePath;
    QString what;
    switch (problem.kind) {
    case NdjsonProblem::Kind::Compressed:
        //: %1 is a file name
        what = tr("%1 holds compressed bytes that were never decoded (the server did not say it "
                  "compressed them).")
                   .arg(path);
        break;
    case NdjsonProblem::Kind::NotJson:
        //: %1 a line number, %2 a file name, %3 a byte position in the line
        what = tr("Line %1 of %2 is not valid JSON (at byte %3).")
                   .arg(problem.line)
                   .arg(path)
                   .arg(problem.column);
        break;
    case NdjsonProblem::Kind::NotAnObject:
        //: %1 a line number, %2 a file name
        what = tr("Line %1 of %2 is not one FHIR resource (NDJSON holds one JSON object per line).")
                   .arg(problem.line)
                   .arg(path);
        break;
    case NdjsonProblem::Kind::NoResourceType:
        what = tr("Line %1 of %2 has no resourceType.").arg(problem.line).arg(path);
        break;
    case NdjsonProblem::Kind::WrongType:
        //: %1 a line number, %2 a file name, %3 and %4 FHIR resource types
        what = tr("Line %1 of %2 is a %3, not a %4 as the manifest says.")
                   .arg(problem.line)
                   .arg(path, redactText(QString::fromUtf8(problem.found)),
                        QString::fromUtf8(expectedType(file)));
        break;
    case NdjsonProblem::Kind::TooDeep:
        what = tr("Line %1 of %2 is nested deeper than any FHIR resource.")
                   .arg(problem.line)
                   .arg(path);
        break;
    }
    return Error::make(Error::Kind::Protocol,
                       what + u' ' +
                           tr("The download is kept as a .part file until Retry downloads it "
                              "again from the start."));
}

Error DownloadProblems::writeFailure(const QString &partFile, int error)
{
    //: %1 is a file, %2 the system's reason (e.g. no space left)
    return Error::make(Error::Kind::Io,
                       tr("Cannot write %1: %2. The part already saved is kept; "
                          "free some space and choose Retry.")
                           .arg(partFile, QString::fromLocal8Bit(strerror(error))));
}

} // namespace fbm
