#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QPair>

#include <optional>

namespace fbm::demo::wire {

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// The reason phrase for an HTTP status; a generic one for codes outside the usual table,
/// because scripted answers may use any status a misbehaving server could send.
QByteArray reasonPhrase(int status);

/// Status line, headers and the blank line that ends them (HTTP/1.1).
QByteArray responseHead(int status, const Headers &headers);

/// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), always in English whatever the locale.
QByteArray httpDate(const QDateTime &when);

/// One byte range of a representation of `total` bytes, already checked against it.
struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; ///< inclusive
};

/// The outcome of reading a Range header.
struct RangeRequest
{
    enum class Kind
    {
        None,
        Satisfiable,
        Unsatisfiable
    };
    Kind kind = Kind::None; ///< None: no usable single byte range, answer the whole body
    ByteRange range;
};

/// Reads "bytes=N-", "bytes=N-M" and "bytes=-S". Several ranges, other units or garbage are
/// ignored (a server may always answer 200 with the whole body instead).
RangeRequest parseRange(QByteArrayView header, qint64 total);

/// Whether an Accept/Accept-Encoding style list names token (case-insensitive, parameters such
/// as ";q=" ignored, a q=0 entry counts as refused).
bool listAccepts(QByteArrayView headerValue, QByteArrayView token);

/// The media types of an Accept header, in the order given, without parameters, lower case.
QList<QByteArray> mediaTypes(QByteArrayView acceptHeader);

/// RFC 1952 gzip member of data (Qt has deflate but no gzip framing). Deterministic: no
/// name, no time stamp.
QByteArray gzip(const QByteArray &data);

/// CRC-32 (IEEE 802.3), as gzip needs it.
quint32 crc32(const QByteArray &data);

} // namespace fbm::demo::wire
