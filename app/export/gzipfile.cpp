#include "gzipfile.h"

#include <cerrno>
#include <fcntl.h>
#include <limits>
#include <unistd.h>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr qsizetype kChunk = 256 << 10;

/// A file descriptor closed on every way out.
struct Fd
{
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

} // namespace

GzipOutcome gzipFile(const QString &from, const QString &to, const std::atomic_bool &stop)
{
    GzipOutcome out;
    Fd in{::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) {
        out.error = errno;
        out.reading = true;
        return out;
    }
    Fd gz{
        ::open(QFile::encodeName(to).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)};
    if (gz.fd < 0) {
        out.error = errno;
        return out;
    }
    z_stream z{};
    // 15 + 16: a gzip header and trailer (what gzip -d and zcat read), not zlib's.
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        out.error = ENOMEM;
        return out;
    }
    QByteArray input(kChunk, Qt::Uninitialized);
    QByteArray output(kChunk, Qt::Uninitialized);
    int flush = Z_NO_FLUSH;
    while (flush != Z_FINISH) {
        if (stop.load(std::memory_order_relaxed)) {
            out.stopped = true;
            break;
        }
        const ssize_t n = ::read(in.fd, input.data(), size_t(input.size()));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            out.error = errno;
            out.reading = true;
            break;
        }
        flush = n == 0 ? Z_FINISH : Z_NO_FLUSH;
        z.next_in = reinterpret_cast<Bytef *>(input.data());
        z.avail_in = uInt(n);
        do {
            z.next_out = reinterpret_cast<Bytef *>(output.data());
            z.avail_out = uInt(output.size());
            deflate(&z, flush); // cannot fail with a valid stream and room to write
            const qsizetype have = output.size() - qsizetype(z.avail_out);
            if (!writeAll(gz.fd, output.constData(), have)) {
                out.error = errno;
                break;
            }
            out.bytes += have;
        } while (z.avail_out == 0);
        if (out.error)
            break;
    }
    deflateEnd(&z);
    if (out.ok()) {
        const int fd = gz.fd;
        gz.fd = -1;
        // A network file system may report a full disk only when the file is closed.
        if (::close(fd) != 0)
            out.error = errno;
    }
    return out;
}

GzipReader::GzipReader(const QString &path, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
{}

GzipReader::~GzipReader() = default;

bool GzipReader::open(OpenMode mode)
{
    if ((mode & WriteOnly) || !m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return false;
    // Our own file, read back: no bomb to fear, any ratio and size are fine.
    ContentDecoder::Limits limits;
    limits.maxRatio = std::numeric_limits<qint64>::max();
    limits.maxBytes = std::numeric_limits<qint64>::max();
    m_decoder = std::make_unique<ContentDecoder>(ContentDecoder::Encoding::Gzip, limits);
    m_pending.clear();
    m_offset = 0;
    m_ended = false;
    m_failed = false;
    return QIODevice::open(mode);
}

void GzipReader::close()
{
    QIODevice::close();
    m_file.close();
    m_decoder.reset();
    m_pending.clear();
    m_offset = 0;
}

bool GzipReader::atEnd() const
{
    return m_ended && m_offset >= m_pending.size() && QIODevice::bytesAvailable() == 0;
}

qint64 GzipReader::bytesAvailable() const
{
    return (m_pending.size() - m_offset) + QIODevice::bytesAvailable();
}

bool GzipReader::fill()
{
    m_pending.clear();
    m_offset = 0;
    QByteArray raw(kChunk, Qt::Uninitialized);
    while (m_pending.isEmpty() && !m_ended) {
        const qint64 n = m_file.read(raw.data(), raw.size());
        if (n < 0) {
            setErrorString(m_file.errorString());
            m_failed = m_ended = true;
            return false;
        }
        const bool decoded =
            n == 0 ? m_decoder->finish()
                   : m_decoder->decode(raw.constData(), n, [this](const char *d, qint64 size) {
                         m_pending.append(d, qsizetype(size));
                         return true;
                     });
        if (!decoded) {
            //: %1 is a file name
            setErrorString(tr("%1 is not a complete gzip file.").arg(m_file.fileName()));
            m_failed = m_ended = true;
            return false;
        }
        if (n == 0)
            m_ended = true;
    }
    return true;
}

qint64 GzipReader::readData(char *data, qint64 maxSize)
{
    if (m_offset >= m_pending.size() && !fill())
        return -1;
    const qint64 n = qMin<qint64>(maxSize, m_pending.size() - m_offset);
    if (n > 0)
        memcpy(data, m_pending.constData() + m_offset, size_t(n));
    m_offset += qsizetype(n);
    return n;
}

bool isGzipPath(const QString &path)
{
    return path.endsWith(".gz"_L1);
}

std::unique_ptr<QIODevice> openDecoded(const QString &path)
{
    std::unique_ptr<QIODevice> device;
    if (isGzipPath(path))
        device = std::make_unique<GzipReader>(path);
    else
        device = std::make_unique<QFile>(path);
    if (!device->open(QIODevice::ReadOnly))
        return nullptr;
    return device;
}

} // namespace fbm
