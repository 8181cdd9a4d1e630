#include "binaryresource.h"

using namespace Qt::StringLiterals;

namespace fbm {

bool BinaryResource::is(const QJsonObject &resource)
{
    return resource.value("resourceType"_L1).toString() == "Binary"_L1;
}

QString BinaryResource::contentType(const QJsonObject &resource)
{
    return resource.value("contentType"_L1).toString();
}

Result<QByteArray> BinaryResource::decode(const QJsonObject &resource)
{
    QString encoded = resource.value("data"_L1).toString();
    if (encoded.isEmpty())
        encoded = resource.value("content"_L1).toString();
    if (encoded.isEmpty() && !resource.contains("data"_L1) && !resource.contains("content"_L1))
        return Error::make(Error::Kind::Protocol, tr("The Binary resource holds no data."),
                           u"Binary without data or content"_s);
    QByteArray b64 = encoded.toLatin1();
    b64.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray());
    auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error::make(Error::Kind::Protocol,
                           tr("The Binary resource holds data that is not valid base64."),
                           u"base64 decoding failed"_s);
    return *decoded;
}

} // namespace fbm
