#pragma once

#include "contentdecoder.h"
#include "ndjsonvalidator.h"

#include <QByteArray>
#include <QtGlobal>

#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace fbm {

/// Counts non-empty NDJSON lines in a byte stream fed in arbitrary chunks. CRLF endings, empty
/// lines and a last line without a newline are all handled; memchr keeps it at memory speed.
/// With validate(), each line is also checked to be a JSON object of the expected resource
/// type (NdjsonValidator), counted by the same rule.
class LineCounter
{
public:
    /// From now on, check each line as well (before anything is fed).
    void validate(const QByteArray &expectedType) { m_validator.emplace(expectedType); }
    [[nodiscard]] bool validates() const { return m_validator.has_value(); }
    /// The first line that is not a resource of the expected type (validate() only).
    [[nodiscard]] std::optional<NdjsonProblem> problem() const
    {
        return m_validator ? m_validator->problem() : std::nullopt;
    }

    void feed(const char *data, qint64 size)
    {
        if (m_validator) {
            m_validator->feed(data, size);
            return;
        }
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
        if (m_validator)
            return m_validator->lines();
        return m_lines +
               ((m_currentLength > 1 || (m_currentLength == 1 && m_lastChar != '\r')) ? 1 : 0);
    }
    /// Empty again, still validating when it did.
    void reset()
    {
        std::optional<NdjsonValidator> validator;
        if (m_validator)
            validator.emplace(m_validator->expectedType());
        *this = LineCounter();
        m_validator = std::move(validator);
    }

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
    std::optional<NdjsonValidator> m_validator;
};

/// A LineCounter that counts on a pool thread, block after block in order, so that the thread
/// receiving the data only hands blocks over: counting a GiB costs 0.15-0.2 s of CPU on the
/// development machine (memory-bound: a 64-byte AVX2 mask counter was no faster), which would
/// otherwise come on top of receiving and writing it. Blocks are shared, not copied. Up to
/// kMaxQueued wait their turn, so the counter can fall behind while the other core is busy
/// (with the server, on loopback) and catch up later; start() waits only when that many do.
///
/// Given a file (setOutput()), the same task first writes each block into it: the receiving
/// thread then neither copies the bytes into the page cache nor waits for the disk, and the
/// counting reads bytes the write has just brought into that core's cache.
class AsyncLineCounter
{
public:
    AsyncLineCounter() = default;
    Q_DISABLE_COPY_MOVE(AsyncLineCounter)
    ~AsyncLineCounter();

    static constexpr int kMaxQueued = 4;

    /// From the next block on: each is decoded by \a decoder (when given: the body has a
    /// Content-Encoding), written to \a fd (which stays open until wait() has returned) from
    /// \a offset on, then counted when \a count. fd -1: counted only.
    void setOutput(int fd, qint64 offset, bool count,
                   std::unique_ptr<ContentDecoder> decoder = nullptr);
    /// Why decoding stopped (Failure::None: it did not so far), without waiting.
    [[nodiscard]] ContentDecoder::Failure decodeFailure() const;
    /// The body is complete: whether the decoder agrees (a compressed stream not cut off).
    bool finishDecoding();
    /// Writes and counts \a block after the blocks before it (a small one at once, here, when
    /// nothing waits).
    void start(const QByteArray &block);
    /// A counted block nobody else holds, for the next data to reuse its allocation; empty when
    /// there is none.
    [[nodiscard]] QByteArray spare();
    /// Waits until every block handed over is written and counted.
    void wait();
    /// The count so far, once every block is counted.
    [[nodiscard]] const LineCounter &counter()
    {
        wait();
        return m_counter;
    }
    /// Counts \a data here and now (after the blocks handed over).
    void feed(const char *data, qint64 size);
    void reset(const LineCounter &from = {});
    /// The lines of the blocks counted so far, without waiting (for progress).
    [[nodiscard]] qint64 linesSoFar() const;
    /// The errno of the first write that failed (0: none so far); no block after it is written.
    [[nodiscard]] int writeError() const;

private:
    void drain();                          ///< the pool task
    void process(const QByteArray &block); ///< decode, write and count; one thread at a time
    bool writeAndCount(const char *data, qint64 size);
    void releaseSpares(); ///< into the BufferPool; with m_mutex held

    LineCounter m_counter; ///< the pool task's while m_running, else this thread's
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_queue; ///< to count, in order
    std::vector<QByteArray> m_spare;
    bool m_running = false;
    qint64 m_settled = 0;
    // Like m_counter: the pool task's while m_running, else this thread's.
    int m_fd = -1;
    qint64 m_offset = 0;
    bool m_count = true;
    std::unique_ptr<ContentDecoder> m_decoder;
    ContentDecoder::Failure m_decodeFailure = ContentDecoder::Failure::None; ///< under m_mutex
    int m_writeError = 0;                                                    ///< read under m_mutex
};

} // namespace fbm
