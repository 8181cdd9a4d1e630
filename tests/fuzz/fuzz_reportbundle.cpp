#include "fuzzmain.h"
#include "reports/reportjob.h"

#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto result = fbm::parseReportJobBundle(
        fuzzBytes(data, size), QUrl(QStringLiteral("https://reporting.example/fhir")));
    if (!result.ok())
        FBM_FUZZ_CHECK(!result.error().message.isEmpty());
    return 0;
}
