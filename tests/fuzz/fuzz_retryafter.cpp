#include "fuzzmain.h"
#include "retrypolicy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzzBytes(data, size);
    const int split = bytes.indexOf('\n');
    const QByteArray value = split < 0 ? bytes : bytes.left(split);
    const QByteArray date = split < 0 ? QByteArray() : bytes.mid(split + 1);
    const QDateTime now(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    const auto ms = fbm::parseRetryAfterMs(value, date, now);
    FBM_FUZZ_CHECK(!ms || *ms >= 0);
    const fbm::RetryPolicy policy;
    const qint64 delay = policy.nextDelayMs(int(size % 64), ms, 0.0);
    // Never a tight loop, never beyond the cap.
    FBM_FUZZ_CHECK(delay >= policy.minDelayMs);
    FBM_FUZZ_CHECK(delay <= policy.maxRetryAfterMs + policy.backoffMaxMs);
    (void)fbm::parseHttpDate(value);
    return 0;
}
