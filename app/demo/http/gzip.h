#pragma once

#include <QByteArray>

namespace fbm::demo::http {

/// RFC 1952 gzip member of data (Qt has deflate but no gzip framing). Deterministic: no
/// name, no time stamp.
[[nodiscard]] QByteArray gzip(const QByteArray &data);

/// CRC-32 (IEEE 802.3), as gzip and ZIP need it.
[[nodiscard]] quint32 crc32(const QByteArray &data);

} // namespace fbm::demo::http
