#include "contentdecoder.h"
#include "fuzzmain.h"
#include "linecounter.h"
#include "ndjsonvalidator.h"

// Arbitrary bytes through the validator whole and in pieces (the first byte chooses the cut):
// the same verdict and line count either way, the count LineCounter's, and a problem always on
// a line that exists. The same bytes as a gzip body: the decoder never hands out more than one
// chunk at a time and never more than its limit.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzzBytes(data, size);
    fbm::NdjsonValidator whole("Patient");
    whole.feed(bytes.constData(), bytes.size());
    fbm::NdjsonValidator pieces("Patient");
    const qsizetype step = size > 0 ? 1 + data[0] % 17 : 1;
    for (qsizetype at = 0; at < bytes.size(); at += step)
        pieces.feed(bytes.constData() + at, qMin(step, bytes.size() - at));
    fbm::LineCounter counter;
    counter.feed(bytes.constData(), bytes.size());
    FBM_FUZZ_CHECK(whole.lines() == pieces.lines());
    FBM_FUZZ_CHECK(whole.lines() == counter.lines());
    const auto a = whole.problem();
    const auto b = pieces.problem();
    FBM_FUZZ_CHECK(a.has_value() == b.has_value());
    if (a) {
        FBM_FUZZ_CHECK(a->kind == b->kind && a->line == b->line && a->column == b->column);
        FBM_FUZZ_CHECK(a->line >= 1 && a->column >= 1);
        FBM_FUZZ_CHECK(a->line <= bytes.count('\n') + 1);
    }

    fbm::ContentDecoder::Limits limits;
    limits.ratioFloor = 1 << 20;
    limits.maxRatio = 50;
    limits.maxBytes = 8 << 20;
    fbm::ContentDecoder decoder(fbm::ContentDecoder::Encoding::Gzip, limits);
    qint64 out = 0;
    decoder.decode(bytes.constData(), bytes.size(), [&out](const char *, qint64 n) {
        FBM_FUZZ_CHECK(n > 0 && n <= fbm::ContentDecoder::kChunk);
        out += n;
        return true;
    });
    decoder.finish();
    FBM_FUZZ_CHECK(out <= limits.maxBytes);
    return 0;
}
