#include "filenames.h"
#include "fuzzmain.h"
#include "manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto result = fbm::Manifest::parse(fuzzBytes(data, size));
    if (result.ok()) {
        for (const fbm::ManifestFile &f : result->files) {
            const QString scheme = f.url.scheme().toLower();
            // Only HTTP(S) URLs with a host ever leave the parser; any other entry comes with
            // the reason and no URL at all.
            if (f.problem.isEmpty()) {
                FBM_FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https"));
                FBM_FUZZ_CHECK(!f.url.host().isEmpty());
            } else {
                FBM_FUZZ_CHECK(f.url.isEmpty());
            }
            FBM_FUZZ_CHECK(!f.count || *f.count >= 0);
            FBM_FUZZ_CHECK(fbm::isContainedRelativePath(fbm::exportFileName(f.kind, f.type, 1)));
        }
    } else {
        FBM_FUZZ_CHECK(!result.error().message.isEmpty());
    }
    return 0;
}
