#include "attachmentlinks.h"

#include "gzipfile.h"
#include "httpclient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMimeDatabase>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// Longest part of a name taken from a resource (type, id): FHIR ids have at most 64.
constexpr qsizetype kMaxNamePart = 64;
/// A line longer than this is not read for attachments (the validator has refused such a file
/// already; this only bounds what one line may cost here).
constexpr qint64 kMaxLineBytes = qint64(64) << 20;

QString safePart(const QString &text)
{
    QString out;
    out.reserve(qMin(text.size(), kMaxNamePart));
    for (const QChar c : text) {
        if (out.size() >= kMaxNamePart)
            break;
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                           (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.';
        out.append(plain ? c : u'_');
    }
    while (out.startsWith(u'.'))
        out[0] = u'_';
    return out.isEmpty() ? u"_"_s : out;
}

QString suffixFor(const QString &contentType)
{
    const QString name = contentType.section(u';', 0, 0).trimmed().toLower();
    if (!name.isEmpty()) {
        static const QMimeDatabase db;
        const QString suffix = db.mimeTypeForName(name).preferredSuffix();
        bool safe = !suffix.isEmpty() && suffix.size() <= 10;
        for (const QChar c : suffix)
            safe = safe && ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'));
        if (safe)
            return suffix;
    }
    return u"bin"_s;
}

void addAttachment(QList<AttachmentLink> &out, const QJsonObject &attachment, const QString &type,
                   const QString &id, const QUrl &base)
{
    const QString url = attachment.value("url"_L1).toString().trimmed();
    if (url.isEmpty() || attachment.contains("data"_L1))
        return;
    QUrl target(url, QUrl::StrictMode);
    if (!target.isValid())
        return;
    if (target.isRelative()) {
        QUrl root = base;
        if (!root.path().endsWith(u'/'))
            root.setPath(root.path() + u'/');
        target = root.resolved(target);
    }
    const QString scheme = target.scheme().toLower();
    if (scheme != "https"_L1 && scheme != "http"_L1)
        return;
    AttachmentLink link;
    link.url = target;
    link.resourceType = type;
    link.resourceId = id;
    link.contentType = attachment.value("contentType"_L1).toString();
    const QJsonValue size = attachment.value("size"_L1);
    if (size.isDouble() && size.toDouble() >= 0)
        link.size = qint64(size.toDouble());
    else if (size.isString() && size.toString().toLongLong() >= 0 && !size.toString().isEmpty())
        link.size = size.toString().toLongLong(); // FHIR R5's integer64 is a JSON string
    const QByteArray hash =
        QByteArray::fromBase64(attachment.value("hash"_L1).toString().toLatin1());
    if (hash.size() == 20)
        link.sha1 = hash;
    const int n = int(out.size()) + 1;
    link.fileName = AttachmentLinks::fileNameFor(type, id, n, link.contentType);
    out.append(link);
}

} // namespace

bool AttachmentLinks::hasAttachments(const QString &resourceType)
{
    return resourceType == "DocumentReference"_L1 || resourceType == "DiagnosticReport"_L1;
}

QList<AttachmentLink> AttachmentLinks::of(const QJsonObject &resource, const QUrl &base)
{
    QList<AttachmentLink> out;
    const QString type = resource.value("resourceType"_L1).toString();
    const QString id = resource.value("id"_L1).toString();
    if (type == "DocumentReference"_L1) {
        for (const QJsonValue &content : resource.value("content"_L1).toArray())
            addAttachment(out, content.toObject().value("attachment"_L1).toObject(), type, id,
                          base);
    } else if (type == "DiagnosticReport"_L1) {
        for (const QJsonValue &form : resource.value("presentedForm"_L1).toArray())
            addAttachment(out, form.toObject(), type, id, base);
    }
    return out;
}

QString AttachmentLinks::fileNameFor(const QString &type, const QString &id, int n,
                                     const QString &contentType)
{
    return u"%1.%2.%3.%4"_s.arg(safePart(type), safePart(id)).arg(n).arg(suffixFor(contentType));
}

AttachmentLinks::Scan AttachmentLinks::scan(const QString &folder, const QStringList &relativePaths,
                                            const QUrl &base, const QList<QUrl> &origins,
                                            const std::atomic_bool &stop)
{
    Scan scan;
    QSet<QUrl> seenUrls;
    QSet<QString> seenNames;
    const QDir dir(folder);
    for (const QString &path : relativePaths) {
        std::unique_ptr<QIODevice> in = openDecoded(dir.filePath(path));
        if (!in) {
            //: %1 is a file name
            scan.problem = tr("%1 could not be read for its attachments.").arg(path);
            return scan;
        }
        while (!stop.load(std::memory_order_relaxed)) {
            const QByteArray line = in->readLine(kMaxLineBytes);
            if (line.isEmpty())
                break;
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (!doc.isObject())
                continue; // the validator has counted every line of a saved file already
            for (AttachmentLink &link : of(doc.object(), base)) {
                const bool ours = std::any_of(origins.begin(), origins.end(), [&](const QUrl &o) {
                    return HttpClient::sameOrigin(o, link.url);
                });
                if (!ours) {
                    ++scan.elsewhere;
                    scan.elsewhereHost = link.url.host();
                    continue;
                }
                if (seenUrls.contains(link.url))
                    continue;
                seenUrls.insert(link.url);
                // Two resources whose ids differ only in characters made safe would share a
                // name: the later one gets a number more.
                const QString stem = link.fileName.section(u'.', 0, -2);
                const QString suffix = link.fileName.section(u'.', -1);
                for (int k = 2; seenNames.contains(link.fileName.toLower()); ++k)
                    link.fileName = u"%1-%2.%3"_s.arg(stem).arg(k).arg(suffix);
                seenNames.insert(link.fileName.toLower());
                scan.links.append(std::move(link));
            }
        }
        if (stop.load(std::memory_order_relaxed))
            break;
    }
    return scan;
}

} // namespace fbm
