#pragma once

#include <QByteArray>
#include <QSemaphore>
#include <QtGlobal>

#include <cstring>

namespace fbm {

/// Counts non-empty NDJSON lines in a byte stream fed in arbitrary chunks. CRLF endings, empty
/// lines and a last line without a newline are all handled; memchr keeps it at memory speed.
class LineCounter
{
public:
    void feed(const char *data, qint64 size)
    {
        const char *p = data;
        const char *end = data + size;
        while (p < end) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!nl) {
                noteBytes(p, end);
                return;
            }
            noteBytes(p, nl);
            if (m_currentLength > 1 || (m_currentLength == 1 && m_lastChar != '\r'))
                ++m_lines;
            m_currentLength = 0;
            p = nl + 1;
        }
    }
    /// Lines so far, counting an unterminated last line.
    [[nodiscard]] qint64 lines() const
    {
        return m_lines +
               ((m_currentLength > 1 || (m_currentLength == 1 && m_lastChar != '\r')) ? 1 : 0);
    }
    void reset() { *this = LineCounter(); }

private:
    void noteBytes(const char *from, const char *to)
    {
        if (to > from) {
            m_currentLength += to - from;
            m_lastChar = *(to - 1);
        }
    }
    qint64 m_lines = 0;
    qint64 m_currentLength = 0;
    char m_lastChar = 0;
};

/// A LineCounter that counts on a pool thread, one block at a time and in order, so that the
/// thread receiving the data only hands blocks over: counting a GiB costs 0.15-0.2 s of CPU on
/// the development machine (memory-bound: a 64-byte AVX2 mask counter was no faster), which
/// would otherwise come on top of receiving and writing it. The block is shared, not
/// copied; at most one is being counted, and start() first waits for the one before.
class AsyncLineCounter
{
public:
    AsyncLineCounter() = default;
    Q_DISABLE_COPY_MOVE(AsyncLineCounter)
    ~AsyncLineCounter() { wait(); }

    /// Waits for the block before, then counts \a block (small ones at once, here). Returns the
    /// block before, no longer used by the counter: its allocation can take the next data.
    QByteArray start(const QByteArray &block);
    /// Waits until every block handed over is counted; returns the last one (see start()).
    QByteArray wait();
    /// The count so far, once every block is counted.
    [[nodiscard]] const LineCounter &counter()
    {
        wait();
        return m_counter;
    }
    /// Counts \a data here and now (after the blocks handed over).
    void feed(const char *data, qint64 size)
    {
        wait();
        m_counter.feed(data, size);
        m_settled = m_counter.lines();
    }
    void reset(const LineCounter &from = {})
    {
        wait();
        m_counter = from;
        m_settled = m_counter.lines();
    }
    /// The lines of every block but the one being counted, without waiting (for progress).
    [[nodiscard]] qint64 linesSoFar() const { return m_settled; }

private:
    LineCounter m_counter;
    qint64 m_settled = 0;
    QByteArray m_block; ///< being counted on the pool thread
    QSemaphore m_done;
    bool m_busy = false;
};

} // namespace fbm
