#include "linecounter.h"

#include <QThreadPool>

namespace fbm {

namespace {
// Below this a block is counted at once: handing it to another thread would cost more.
constexpr qsizetype kAsyncMin = 64 << 10;
} // namespace

QByteArray AsyncLineCounter::start(const QByteArray &block)
{
    QByteArray before = wait();
    if (block.size() < kAsyncMin) {
        m_counter.feed(block.constData(), block.size());
        m_settled = m_counter.lines();
        return before;
    }
    m_block = block;
    m_busy = true;
    // The task reads m_block and writes m_counter; neither is touched here until wait().
    QThreadPool::globalInstance()->start([this] {
        m_counter.feed(m_block.constData(), m_block.size());
        m_done.release();
    });
    return before;
}

QByteArray AsyncLineCounter::wait()
{
    if (m_busy) {
        m_done.acquire();
        m_busy = false;
        m_settled = m_counter.lines();
    }
    return std::exchange(m_block, {});
}

} // namespace fbm
