#include "reportbinary.h"

#include "binaryresource.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString bareMimeType(const QString &contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

} // namespace

bool isNotGeneratedPlaceholder(const QByteArray &bytes)
{
    // The placeholder is short text; do not scan a real report.
    if (bytes.size() > 200)
        return false;
    QByteArray text = bytes.trimmed();
    while (text.startsWith('*') || text.startsWith('"'))
        text.remove(0, 1);
    while (text.endsWith('*') || text.endsWith('"'))
        text.chop(1);
    return text.trimmed().simplified().toUpper() == "NOT GENERATED YET";
}

QString reportExtension(const QString &contentType, const QByteArray &bytes)
{
    const QString mime = bareMimeType(contentType);
    // Magic bytes win over the label: the reporting server calls its ZIP "application/gzip-json".
    if (bytes.startsWith("PK\x03\x04") || mime == "application/zip"_L1 ||
        mime == "application/x-zip-compressed"_L1 || mime == "application/gzip-json"_L1)
        return u".zip"_s;
    if (bytes.startsWith("\x1f\x8b"))
        return u".gz"_s;
    if (bytes.startsWith("%PDF-") || mime == "application/pdf"_L1)
        return u".pdf"_s;
    if (mime == "text/csv"_L1 || mime == "application/csv"_L1)
        return u".csv"_s;
    if (mime == "application/fhir+ndjson"_L1 || mime == "application/x-ndjson"_L1 ||
        mime == "application/ndjson"_L1)
        return u".ndjson"_s;
    if (mime == "application/json"_L1 || mime.endsWith("+json"_L1))
        return u".json"_s;
    if (mime == "application/xml"_L1 || mime == "text/xml"_L1 || mime.endsWith("+xml"_L1))
        return u".xml"_s;
    if (mime == "text/plain"_L1)
        return u".txt"_s;
    return u".bin"_s;
}

QStringList knownReportExtensions()
{
    return {u".zip"_s,  u".gz"_s,  u".pdf"_s, u".csv"_s, u".ndjson"_s,
            u".json"_s, u".xml"_s, u".txt"_s, u".bin"_s};
}

QString safeFileNamePart(const QString &text, int maxLength)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                        (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u'_';
        if (ok)
            out += c;
        else if (!out.endsWith(u'_'))
            out += u'_';
    }
    // No hidden files, no "..", no trailing dots (Windows drops them).
    while (out.startsWith(u'.') || out.startsWith(u'_'))
        out.remove(0, 1);
    out.replace(u".."_s, u"."_s);
    out.truncate(maxLength);
    while (out.endsWith(u'.') || out.endsWith(u'_'))
        out.chop(1);
    return out.isEmpty() ? u"report"_s : out;
}

QString reportFileBaseName(const ReportJob &job)
{
    const QString name =
        safeFileNamePart(job.shortName.isEmpty() ? u"report"_s : job.shortName, 60);
    QString ident = job.id.isEmpty() ? job.binaryId() : job.id;
    if (ident.isEmpty())
        ident = job.key();
    return name + u'-' + safeFileNamePart(ident, 60);
}

Result<ReportPayload> decodeReportDownload(const QByteArray &body,
                                           const QByteArray &httpContentType)
{
    ReportPayload payload;
    payload.contentType = bareMimeType(QString::fromLatin1(httpContentType));

    const QByteArray head = body.left(64).trimmed();
    QJsonObject resource;
    if (head.startsWith('{')) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
        if (pe.error == QJsonParseError::NoError && doc.isObject())
            resource = doc.object();
    }
    const QString type = resource.value("resourceType"_L1).toString();

    if (type == "OperationOutcome"_L1) {
        const QString issues = operationOutcomeText(resource);
        return Error::make(
            Error::Kind::Protocol,
            //: %1 the server's issues, one per line
            ReportBinary::tr("The reporting server did not send the report:\n%1").arg(issues),
            u"OperationOutcome: "_s + issues);
    }
    if (BinaryResource::is(resource)) {
        payload.fromBinaryResource = true;
        if (const QString ct = BinaryResource::contentType(resource); !ct.isEmpty())
            payload.contentType = bareMimeType(ct);
        const Result<QByteArray> decoded = BinaryResource::decode(resource);
        if (!decoded.ok()) {
            Error e = decoded.error();
            //: %1 says what is wrong with the report's Binary resource
            e.message = ReportBinary::tr("The report could not be read: %1 It was not saved.")
                            .arg(e.message);
            return e;
        }
        payload.bytes = decoded.value();
    } else {
        // Raw bytes (a non-FHIR Accept, or a server that ignores it): saved as they come.
        payload.bytes = body;
        if (!resource.isEmpty() && payload.contentType.isEmpty())
            payload.contentType = u"application/json"_s;
    }

    if (isNotGeneratedPlaceholder(payload.bytes)) {
        payload.kind = ReportPayload::Kind::Placeholder;
        payload.extension = u".txt"_s;
        return payload;
    }
    payload.extension = reportExtension(payload.contentType, payload.bytes);
    return payload;
}

} // namespace fbm
