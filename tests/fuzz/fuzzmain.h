#pragma once

// Each fuzz target is one translation unit defining LLVMFuzzerTestOneInput; this header gives
// them a QCoreApplication-free way to build Qt values from raw bytes.
#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

inline QByteArray fuzzBytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

#define FBM_FUZZ_CHECK(cond)                                                                       \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (false)
