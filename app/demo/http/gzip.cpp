#include "gzip.h"

#include <QtEndian>

#include <array>

namespace fbm::demo::http {

static const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

quint32 crc32(const QByteArray &data)
{
    const auto &table = crcTable();
    quint32 c = 0xFFFFFFFFu;
    for (char ch : data)
        c = table[(c ^ quint8(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray gzip(const QByteArray &data)
{
    // qCompress = 4-byte big-endian length + zlib stream (2-byte header, raw deflate, 4-byte
    // Adler-32). gzip wants the same raw deflate between its own header and trailer.
    const QByteArray z = qCompress(data, 9);
    const QByteArray deflate = z.mid(4 + 2, z.size() - 4 - 2 - 4);
    QByteArray out;
    out.reserve(deflate.size() + 18);
    static const char header[10] = {'\x1f', '\x8b', '\x08', 0, 0, 0, 0, 0, '\x02', '\x03'};
    out.append(header, sizeof header);
    out.append(deflate);
    char trailer[8];
    qToLittleEndian<quint32>(crc32(data), trailer);
    qToLittleEndian<quint32>(quint32(data.size()), trailer + 4);
    out.append(trailer, sizeof trailer);
    return out;
}

} // namespace fbm::demo::http
