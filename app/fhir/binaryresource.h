#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace fbm {

/// A FHIR Binary resource: what HAPI and the Danish eHealth servers answer for a file or a
/// report when asked for FHIR JSON instead of the raw bytes.
class BinaryResource
{
    Q_DECLARE_TR_FUNCTIONS(fbm::BinaryResource)

public:
    /// Whether \a resource is a Binary.
    [[nodiscard]] static bool is(const QJsonObject &resource);
    /// The declared contentType (may be empty).
    [[nodiscard]] static QString contentType(const QJsonObject &resource);
    /// The payload: base64 in `data` (the FHIR element), or in `content` as STU3 and the
    /// eHealth IG text name it, line breaks and spaces allowed. Base64 that is not valid is an
    /// error, never a partly decoded payload.
    [[nodiscard]] static Result<QByteArray> decode(const QJsonObject &resource);
};

} // namespace fbm
