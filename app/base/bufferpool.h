#pragma once

#include <QByteArray>

namespace fbm {

/// Receive buffers kept for the next download to reuse. A new buffer's pages are faulted in as
/// its first bytes are written; with thousands of small files that was one in eight CPU samples
/// of the downloading thread (perf, benchmark 2), where a reused buffer's pages are already
/// there. Thread-safe: blocks come back from the line-counting threads too.
class BufferPool
{
public:
    /// The most buffers kept; more are freed.
    static constexpr int kMaxKept = 8;

    /// An empty buffer with room for at least \a capacity bytes: a kept one when it is large
    /// enough, else a new one.
    [[nodiscard]] static QByteArray take(qsizetype capacity);
    /// Keeps \a buffer for reuse when nobody else holds it, it is large enough to be worth
    /// keeping and fewer than kMaxKept are kept; else lets it go. Leaves \a buffer empty.
    static void give(QByteArray &&buffer);
    /// How many are kept now (tests).
    [[nodiscard]] static int keptCount();
};

} // namespace fbm
