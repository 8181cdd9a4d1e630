#pragma once

#include "flavor.h"

namespace fbm::demo::bulk {

/// Oracle Health Millennium: status URL <base>/bulk-export/jobs/<id>, X-Progress "in-progress",
/// Retry-After 600, Expires 30 days ahead on the manifest; the files
/// <base>/bulk-export/files/<id>-<n> answer 307 to the storage origin, which refuses an
/// Authorization header.
class OracleFlavor final : public ServerFlavor
{
public:
    OracleFlavor() = default;
    [[nodiscard]] QUrl statusUrl(const QUrl &base, const QString &id) const override;
    [[nodiscard]] QUrl fileUrl(const QUrl &base, const QString &id, int index) const override;
    [[nodiscard]] QByteArray retryAfter() const override;
    [[nodiscard]] QByteArray progressText(const Progress &progress) const override;
    [[nodiscard]] int expiresInSeconds() const override { return 30 * 24 * 3600; }
    [[nodiscard]] bool redirectsToStorage(const QString &path) const override;
    /// Oracle Health: "_elements is not supported"; lenient handling is honoured.
    [[nodiscard]] QStringList unsupportedParameters() const override
    {
        return {QStringLiteral("_elements")};
    }
};

} // namespace fbm::demo::bulk
