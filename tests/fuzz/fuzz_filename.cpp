#include "filenames.h"
#include "fuzzmain.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString type = QString::fromUtf8(fuzzBytes(data, size));
    const QString safe = fbm::safeTypeName(type);
    FBM_FUZZ_CHECK(!safe.isEmpty() && safe.size() <= 64);
    for (const QChar c : safe)
        FBM_FUZZ_CHECK(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'));
    for (auto kind : {fbm::FileKind::Output, fbm::FileKind::Error, fbm::FileKind::Deleted}) {
        const QString path = fbm::exportFileName(kind, type, int(size));
        FBM_FUZZ_CHECK(fbm::isContainedRelativePath(path));
        FBM_FUZZ_CHECK(!path.contains(QLatin1String("..")));
    }
    return 0;
}
