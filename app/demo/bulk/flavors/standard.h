#pragma once

#include "flavor.h"

namespace fbm::demo::bulk {

/// The HL7 specification as written: status URL <base>/jobs/<id>/status, files
/// <base>/files/<id>/<n>.ndjson, X-Progress "<p>% complete", Retry-After 0.
class StandardFlavor final : public ServerFlavor
{
public:
    StandardFlavor() = default;
    [[nodiscard]] QUrl statusUrl(const QUrl &base, const QString &id) const override;
    [[nodiscard]] QUrl fileUrl(const QUrl &base, const QString &id, int index) const override;
    [[nodiscard]] QByteArray retryAfter() const override;
    [[nodiscard]] QByteArray progressText(const Progress &progress) const override;
};

} // namespace fbm::demo::bulk
