#include "storageorigin.h"

#include "http/frontend.h"

#include <QMessageAuthenticationCode>
#include <QStringList>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

StorageOrigin::StorageOrigin()
    : m_key(QUuid::createUuid().toRfc4122())
{}

QUrl StorageOrigin::origin() const
{
    return http::loopbackOrigin(m_port);
}

QUrl StorageOrigin::fileUrl(const QString &jobId, int index, int link) const
{
    QUrl u = origin();
    u.setPath(u"/storage/"_s + jobId + u'/' + QString::number(index) + u".ndjson"_s);
    // Looks like a pre-signed object store URL; the signature is checked, so a client that
    // rewrites the URL notices.
    const QString number = link > 0 ? u"X-Fbm-Link="_s + QString::number(link) + u'&' : QString();
    u.setQuery(u"X-Amz-Expires=3600&"_s + number + u"X-Amz-Signature="_s +
               signature(jobId, index, link));
    return u;
}

QString StorageOrigin::signature(const QString &jobId, int index, int link) const
{
    QByteArray signedText = jobId.toUtf8() + '/' + QByteArray::number(index);
    if (link > 0)
        signedText += '/' + QByteArray::number(link);
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(signedText, m_key, QCryptographicHash::Sha256).toHex());
}

StorageOrigin::Verdict StorageOrigin::expired()
{
    return {-1, 403, "AccessDenied", "Request has expired"};
}

StorageOrigin::Link StorageOrigin::linkOf(const http::Request &in)
{
    Link link;
    link.jobId = in.path.section(u'/', 1, 1, QString::SectionSkipEmpty);
    link.number = in.query.queryItemValue(u"X-Fbm-Link"_s).toInt();
    return link;
}

StorageOrigin::Verdict
StorageOrigin::check(const http::Request &in,
                     const std::function<bool(const QString &, int)> &servable) const
{
    // Like S3: a pre-signed URL plus an Authorization header is refused, which is what makes a
    // client that leaks the FHIR token to storage fail loudly.
    if (!in.header("authorization").isEmpty()) {
        return {-1, 400, "InvalidArgument",
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
                "Signature query string parameter or the Authorization header should be "
                "specified"};
    }
    const Verdict noSuchKey{-1, 404, "NoSuchKey", "The specified key does not exist."};
    const QStringList seg = in.path.split(u'/', Qt::SkipEmptyParts);
    if (seg.size() != 3 || seg[0] != u"storage"_s || !seg[2].endsWith(u".ndjson"_s))
        return noSuchKey;
    bool ok = false;
    const int index = seg[2].chopped(7).toInt(&ok);
    if (!ok || !servable(seg[1], index))
        return noSuchKey;
    if (in.query.queryItemValue(u"X-Amz-Signature"_s) !=
        signature(seg[1], index, linkOf(in).number)) {
        return {-1, 403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you "
                "provided."};
    }
    if (in.method != "GET" && in.method != "HEAD")
        return {-1, 405, "MethodNotAllowed", "The specified method is not allowed."};
    return {index, 200, {}, {}};
}

QByteArray StorageOrigin::errorBody(const QByteArray &code, const QByteArray &message)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" +
           message + "</Message></Error>";
}

} // namespace fbm::demo::bulk
