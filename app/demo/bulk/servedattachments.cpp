#include "servedattachments.h"

#include "bulk/storageorigin.h"
#include "http/frontend.h"
#include "http/wire.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

const ServedAttachment *ServedAttachments::find(const QString &id) const
{
    const auto it = std::find_if(m_attachments.cbegin(), m_attachments.cend(),
                                 [&id](const ServedAttachment &a) { return a.id == id; });
    return it == m_attachments.cend() ? nullptr : &*it;
}

std::optional<Answer> ServedAttachments::binaryRead(const http::Request &in,
                                                    const QString &id) const
{
    const ServedAttachment *it = find(id);
    if (!it)
        return std::nullopt;
    Answer a;
    if (it->asBinaryResource || http::listAccepts(in.header("accept"), "application/fhir+json")) {
        a.body =
            QJsonDocument(QJsonObject{{u"resourceType"_s, u"Binary"_s},
                                      {u"id"_s, id},
                                      {u"contentType"_s, QString::fromLatin1(it->contentType)},
                                      {u"data"_s, QString::fromLatin1(it->content.toBase64())}})
                .toJson(QJsonDocument::Compact);
        a.contentType = fhirJson();
    } else {
        a.body = it->content;
        a.contentType = it->contentType;
    }
    return a;
}

Answer ServedAttachments::storageRead(const http::Request &in, const QString &id) const
{
    Answer a;
    a.contentType = "application/xml";
    if (!in.header("authorization").isEmpty()) {
        a.status = 400;
        a.body = StorageOrigin::errorBody("InvalidArgument",
                                          "Only one auth mechanism allowed; only the "
                                          "X-Amz-Algorithm query parameter is supported");
        return a;
    }
    if (const ServedAttachment *found = find(id)) {
        a.body = found->content;
        a.contentType = found->contentType;
        return a;
    }
    a.status = 404;
    a.body = StorageOrigin::errorBody("NoSuchKey", "The key does not exist.");
    return a;
}

} // namespace fbm::demo::bulk
