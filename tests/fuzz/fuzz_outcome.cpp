#include "fuzzmain.h"
#include "operationoutcome.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzzBytes(data, size);
    if (const auto outcome = fbm::OperationOutcome::fromJson(body)) {
        (void)outcome->isTransient();
        const QString text = outcome->toText();
        FBM_FUZZ_CHECK(text.size() < 20 * 600); // bounded, whatever the input
    }
    const QString message = fbm::describeErrorBody(500, body);
    FBM_FUZZ_CHECK(!message.isEmpty());
    FBM_FUZZ_CHECK(message.size() < 20 * 600 + 200);
    return 0;
}
