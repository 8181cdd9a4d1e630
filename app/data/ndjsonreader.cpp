#include "ndjsonreader.h"

#include "contentdecoder.h"
#include "gzipfile.h"

#include <QCoreApplication>
#include <QThreadPool>

#include <cstring>
#include <limits>

namespace fbm {

namespace {

bool blank(const char *data, qint64 size)
{
    for (qint64 i = 0; i < size; ++i) {
        const char c = data[i];
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

} // namespace

QThreadPool *dataThreadPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(2);
        p->setExpiryTimeout(30000);
        // At exit the views are gone and have told their readers to stop, which they notice
        // within one block: wait for that rather than end the process under a running read.
        qAddPostRoutine([] { dataThreadPool()->waitForDone(); });
        return p;
    }();
    return pool;
}

NdjsonReader::NdjsonReader(const QString &path)
    : m_file(path)
    , m_gzip(isGzipPath(path))
{}

NdjsonReader::~NdjsonReader() = default;

void NdjsonReader::emitLine(const char *data, qint64 size, const LineFn &onLine)
{
    ++m_number;
    const qint64 offset = m_lineStart;
    m_lineStart += size + 1;
    if (blank(data, size))
        return;
    NdjsonLine line;
    line.offset = offset;
    line.length = size;
    line.number = m_number;
    qint64 text = size;
    if (text > 0 && data[text - 1] == '\r')
        --text;
    line.text = QByteArrayView(data, text);
    onLine(line);
}

void NdjsonReader::take(const char *data, qint64 size, const LineFn &onLine)
{
    m_decoded += size;
    if (m_copy && !m_copyFailed && !m_copy(data, size))
        m_copyFailed = true;
    const char *p = data;
    const char *end = data + size;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = nl ? nl : end;
        if (m_skipping) {
            // The rest of a line reported as too long: only its end matters.
            if (nl) {
                m_skipping = false;
                m_lineStart = m_decoded - (end - nl) + 1;
            }
        } else if (m_carry.isEmpty() && nl) {
            emitLine(p, nl - p, onLine); // the common case: a whole line inside the block
        } else if (m_carry.size() + (stop - p) > kMaxLine) {
            ++m_number;
            NdjsonLine line;
            line.offset = m_lineStart;
            line.number = m_number;
            line.tooLong = true;
            onLine(line);
            m_carry.clear();
            m_carry.squeeze();
            if (nl)
                m_lineStart = m_decoded - (end - nl) + 1;
            else
                m_skipping = true;
        } else {
            m_carry.append(p, stop - p);
            if (nl) {
                emitLine(m_carry.constData(), m_carry.size(), onLine);
                m_carry.clear();
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
}

bool NdjsonReader::read(const LineFn &onLine, const std::atomic_bool *stop,
                        const ProgressFn &progress)
{
    m_error.clear();
    m_stopped = false;
    m_carry.clear();
    m_skipping = false;
    m_copyFailed = false;
    m_lineStart = m_decoded = m_number = 0;
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        m_error = m_file.errorString();
        return false;
    }
    std::unique_ptr<ContentDecoder> decoder;
    if (m_gzip) {
        // Our own file, read back: no bomb to fear, any ratio and size are fine.
        ContentDecoder::Limits limits;
        limits.maxRatio = std::numeric_limits<qint64>::max();
        limits.maxBytes = std::numeric_limits<qint64>::max();
        decoder = std::make_unique<ContentDecoder>(ContentDecoder::Encoding::Gzip, limits);
    }
    QByteArray block(m_gzip ? (1 << 20) : kBlock, Qt::Uninitialized);
    qint64 raw = 0;
    bool ok = true;
    for (;;) {
        if (stop && stop->load(std::memory_order_relaxed)) {
            m_stopped = true;
            ok = false;
            break;
        }
        const qint64 n = m_file.read(block.data(), block.size());
        if (n < 0) {
            m_error = m_file.errorString();
            ok = false;
            break;
        }
        if (n == 0) {
            if (decoder && !decoder->finish()) {
                //: %1 is a file name
                m_error = tr("%1 is not a complete gzip file.").arg(m_file.fileName());
                ok = false;
            }
            break;
        }
        raw += n;
        if (decoder) {
            const bool decoded =
                decoder->decode(block.constData(), n, [&](const char *d, qint64 size) {
                    take(d, size, onLine);
                    return !m_copyFailed;
                });
            if (!decoded && !m_copyFailed) {
                m_error = tr("%1 is not a complete gzip file.").arg(m_file.fileName());
                ok = false;
                break;
            }
        } else {
            take(block.constData(), n, onLine);
        }
        if (m_copyFailed) {
            m_error = tr("The decompressed copy could not be written.");
            ok = false;
            break;
        }
        if (progress)
            progress(raw);
    }
    m_file.close();
    // A last line without a line feed is a line all the same (read to the end only).
    if (ok && !m_skipping && !m_carry.isEmpty())
        emitLine(m_carry.constData(), m_carry.size(), onLine);
    m_carry.clear();
    m_carry.squeeze();
    return ok;
}

} // namespace fbm
