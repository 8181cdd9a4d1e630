#include "contentdecoder.h"

#include <QList>

#include <zlib.h>

namespace fbm {

struct ContentDecoder::Stream
{
    z_stream z{};
    bool open = false;
    ~Stream()
    {
        if (open)
            inflateEnd(&z);
    }
};

std::optional<ContentDecoder::Encoding> ContentDecoder::encodingOf(QByteArrayView contentEncoding)
{
    std::optional<Encoding> found = Encoding::Identity;
    for (const QByteArray &part : contentEncoding.toByteArray().split(',')) {
        const QByteArray name = part.trimmed().toLower();
        if (name.isEmpty() || name == "identity")
            continue;
        if (*found != Encoding::Identity)
            return std::nullopt; // two compressions on top of each other
        if (name == "gzip" || name == "x-gzip")
            found = Encoding::Gzip;
        else if (name == "deflate")
            found = Encoding::Deflate;
        else
            return std::nullopt;
    }
    return found;
}

ContentDecoder::ContentDecoder(Encoding encoding, Limits limits)
    : m_encoding(encoding)
    , m_limits(limits)
    , m_stream(std::make_unique<Stream>())
{}

ContentDecoder::~ContentDecoder() = default;

bool ContentDecoder::start(bool raw)
{
    // 15 + 32: a zlib or gzip header, told apart by zlib itself; -15: raw deflate.
    const int windowBits = raw ? -15 : 15 + 32;
    if (inflateInit2(&m_stream->z, windowBits) != Z_OK) {
        m_failure = Failure::Corrupt;
        return false;
    }
    m_stream->open = true;
    m_started = true;
    return true;
}

bool ContentDecoder::decode(const char *data, qint64 size, const Sink &sink)
{
    if (m_failure != Failure::None)
        return false;
    if (m_encoding == Encoding::Identity) {
        m_in += size;
        m_out += size;
        if (!sink(data, size)) {
            m_failure = Failure::Stopped;
            return false;
        }
        return true;
    }
    if (!m_started && m_encoding == Encoding::Deflate) {
        // RFC 9110's deflate is zlib-wrapped; some servers send raw deflate. Two bytes tell.
        m_head.append(data, qsizetype(size));
        if (m_head.size() < 2)
            return true;
        const auto cmf = quint8(m_head.at(0));
        const auto flg = quint8(m_head.at(1));
        const bool zlib = (cmf & 0x0f) == 8 && (cmf * 256 + flg) % 31 == 0;
        if (!start(!zlib))
            return false;
        const QByteArray head = std::exchange(m_head, {});
        return decode(head.constData(), head.size(), sink);
    }
    if (!m_started && !start(false))
        return false;
    z_stream &z = m_stream->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    z.avail_in = uInt(size);
    m_in += size;
    return inflateSome(sink);
}

bool ContentDecoder::inflateSome(const Sink &sink)
{
    z_stream &z = m_stream->z;
    if (m_outBuffer.size() != kChunk)
        m_outBuffer.resize(kChunk);
    for (;;) {
        if (m_memberEnded) {
            if (z.avail_in == 0)
                return true;
            // Another gzip member after the end of one: gzip allows several in a row.
            if (m_encoding != Encoding::Gzip || inflateReset(&z) != Z_OK) {
                m_failure = Failure::Corrupt; // bytes after the end of a zlib stream
                return false;
            }
            m_memberEnded = false;
        }
        z.next_out = reinterpret_cast<Bytef *>(m_outBuffer.data());
        z.avail_out = uInt(kChunk);
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            m_failure = Failure::Corrupt;
            return false;
        }
        const qint64 produced = kChunk - qint64(z.avail_out);
        m_out += produced;
        // Decoded against consumed, at every chunk and before the chunk reaches the disk: a
        // bomb costs at most one chunk beyond the limit.
        const qint64 consumed = qMax<qint64>(1, m_in - qint64(z.avail_in));
        if (m_out > m_limits.maxBytes) {
            m_failure = Failure::TooLarge;
            return false;
        }
        if (m_out > m_limits.ratioFloor && m_out / consumed > m_limits.maxRatio) {
            m_failure = Failure::Expansive;
            return false;
        }
        if (produced > 0 && !sink(m_outBuffer.constData(), produced)) {
            m_failure = Failure::Stopped;
            return false;
        }
        if (rc == Z_STREAM_END) {
            m_memberEnded = true;
            continue;
        }
        // A full output buffer may leave output inside zlib even when all input is in.
        if (z.avail_in == 0 && z.avail_out > 0)
            return true;
        if (produced == 0 && rc == Z_BUF_ERROR)
            return true; // needs more input
    }
}

bool ContentDecoder::finish()
{
    if (m_failure != Failure::None)
        return false;
    if (m_encoding == Encoding::Identity || (m_in == 0 && m_head.isEmpty()))
        return true; // an empty body is an empty file, whatever its label
    if (!m_started || !m_memberEnded) {
        m_failure = Failure::Truncated; // the body ended inside the compressed stream
        return false;
    }
    return true;
}

} // namespace fbm
