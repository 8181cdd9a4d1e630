#pragma once

#include "hapi.h"

namespace fbm::demo::bulk {

/// The Danish eHealth servers (HAPI based): as HAPI, with Expires two hours ahead on the
/// manifest. Their Binary files answer a FHIR Binary resource to Accept: application/fhir+json,
/// as every Binary URL of the simulation does.
class EHealthFlavor final : public HapiFlavor
{
public:
    EHealthFlavor() = default;
    [[nodiscard]] int expiresInSeconds() const override { return 2 * 3600; }
};

} // namespace fbm::demo::bulk
