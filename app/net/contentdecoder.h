#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <functional>
#include <memory>
#include <optional>

namespace fbm {

/// Decodes a Content-Encoding (gzip, deflate) as the body arrives, in pieces of at most
/// kChunk bytes, so that memory stays flat however far the body expands, and refuses a body
/// that expands beyond its limits (a decompression bomb) instead of filling the disk. Real
/// NDJSON compresses 5 to 20 times; the limits leave room for ten times that.
class ContentDecoder
{
public:
    enum class Encoding
    {
        Identity,
        Gzip,    ///< gzip, x-gzip (several members one after the other too)
        Deflate, ///< zlib-wrapped as RFC 9110 says, or raw deflate as some servers send it
    };
    /// The encoding a Content-Encoding header names; nullopt for one this program cannot
    /// read (br, zstd, compress, or two compressions on top of each other).
    [[nodiscard]] static std::optional<Encoding> encodingOf(QByteArrayView contentEncoding);

    struct Limits
    {
        /// Below this many decoded bytes any ratio is accepted (small, repetitive files
        /// compress far beyond what large ones do).
        qint64 ratioFloor = qint64(64) << 20;
        qint64 maxRatio = 200;               ///< decoded bytes per encoded byte, beyond the floor
        qint64 maxBytes = qint64(256) << 30; ///< decoded bytes of one body, whatever the ratio
    };

    enum class Failure
    {
        None,
        Corrupt,   ///< not data of the encoding the server named
        Truncated, ///< the body ended inside the compressed stream
        Expansive, ///< decoded beyond Limits::maxRatio
        TooLarge,  ///< decoded beyond Limits::maxBytes
        Stopped,   ///< the sink refused more (a write failed)
    };

    static constexpr qsizetype kChunk = 256 << 10;

    ContentDecoder(Encoding encoding, Limits limits);
    ~ContentDecoder();
    Q_DISABLE_COPY_MOVE(ContentDecoder)

    using Sink = std::function<bool(const char *data, qint64 size)>;
    /// Decodes \a data and hands what comes out to \a sink (false from it stops). Returns
    /// false once failed (failure() says why); nothing more is decoded after that.
    bool decode(const char *data, qint64 size, const Sink &sink);
    /// The body is complete: false (Truncated) when it ended inside the compressed stream.
    bool finish();

    [[nodiscard]] Failure failure() const { return m_failure; }
    [[nodiscard]] Encoding encoding() const { return m_encoding; }
    [[nodiscard]] qint64 encodedBytes() const { return m_in; }
    [[nodiscard]] qint64 decodedBytes() const { return m_out; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }

private:
    bool start(bool raw);
    bool inflateSome(const Sink &sink);

    struct Stream;
    Encoding m_encoding;
    Limits m_limits;
    std::unique_ptr<Stream> m_stream;
    QByteArray m_outBuffer;
    QByteArray m_head; ///< deflate: the first bytes, until they say zlib or raw
    Failure m_failure = Failure::None;
    qint64 m_in = 0;
    qint64 m_out = 0;
    bool m_started = false;
    bool m_memberEnded = false; ///< at the end of a (gzip) member, nothing of a next one read
};

} // namespace fbm
