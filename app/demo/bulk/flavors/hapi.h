#pragma once

#include "flavor.h"

namespace fbm::demo::bulk {

/// HAPI FHIR: status URL <base>/$export-poll-status?_jobId=<id>, files <base>/Binary/<id>-<n>,
/// X-Progress "Build in progress - Status set to IN_PROGRESS at <iso>", Retry-After 120. A
/// cancelled job is never forgotten: it answers 202 "... Status set to CANCELLED at ..." for
/// ever.
class HapiFlavor : public ServerFlavor
{
public:
    HapiFlavor() = default;
    [[nodiscard]] QUrl statusUrl(const QUrl &base, const QString &id) const override;
    [[nodiscard]] QUrl fileUrl(const QUrl &base, const QString &id, int index) const override;
    [[nodiscard]] QByteArray retryAfter() const override;
    [[nodiscard]] QByteArray progressText(const Progress &progress) const override;
    [[nodiscard]] QString kickoffText(const QString &id) const override;
    [[nodiscard]] bool keepsCancelledJobs() const override { return true; }
    [[nodiscard]] bool removesFinishedJobs() const override { return false; }
};

} // namespace fbm::demo::bulk
