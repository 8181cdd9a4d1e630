#pragma once

#include "bulk/exportjobs.h"
#include "bulk/script.h"

#include <QList>
#include <QString>

#include <optional>

namespace fbm::demo::http {
struct Request;
}

namespace fbm::demo::bulk {

/// The files that the export's resources name as attachments (BulkServer::setAttachments()):
/// the FHIR server's Binary read of one, and the storage origin's copy.
class ServedAttachments
{
public:
    void set(const QList<ServedAttachment> &attachments) { m_attachments = attachments; }

    /// A GET of <base>/Binary/<id>: the raw bytes, or the Binary resource to Accept:
    /// application/fhir+json (always, for one served so); none when no attachment has that id.
    [[nodiscard]] std::optional<Answer> binaryRead(const http::Request &in,
                                                   const QString &id) const;
    /// A GET of <storage>/attachments/<id>, as an object store answers it: refused with a
    /// token it did not issue, NoSuchKey for an unknown id.
    [[nodiscard]] Answer storageRead(const http::Request &in, const QString &id) const;

private:
    [[nodiscard]] const ServedAttachment *find(const QString &id) const;

    QList<ServedAttachment> m_attachments;
};

} // namespace fbm::demo::bulk
