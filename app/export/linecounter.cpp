#include "linecounter.h"

#include "bufferpool.h"

#include <QThreadPool>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace fbm {

namespace {
// Below this a block is written and counted at once when nothing waits: another thread would
// cost more (at 64 KiB, 2000 files of 200 KiB took longer to save).
constexpr qsizetype kAsyncMin = 256 << 10;
} // namespace

void AsyncLineCounter::setOutput(int fd, qint64 offset, bool count,
                                 std::unique_ptr<ContentDecoder> decoder)
{
    wait();
    m_fd = fd;
    m_offset = offset;
    m_count = count;
    m_decoder = std::move(decoder);
    const std::lock_guard lock(m_mutex);
    m_decodeFailure = ContentDecoder::Failure::None;
    m_writeError = 0;
}

void AsyncLineCounter::process(const QByteArray &block)
{
    if (!m_decoder) {
        writeAndCount(block.constData(), block.size());
        return;
    }
    // The decoder stops at its first failure, and at a write that failed.
    if (!m_decoder->decode(block.constData(), block.size(), [this](const char *data, qint64 size) {
            return writeAndCount(data, size);
        })) {
        const std::lock_guard lock(m_mutex);
        m_decodeFailure = m_decoder->failure();
    }
}

ContentDecoder::Failure AsyncLineCounter::decodeFailure() const
{
    const std::lock_guard lock(m_mutex);
    return m_decodeFailure;
}

bool AsyncLineCounter::finishDecoding()
{
    wait();
    if (!m_decoder || m_decoder->finish())
        return true;
    const std::lock_guard lock(m_mutex);
    m_decodeFailure = m_decoder->failure();
    return false;
}

bool AsyncLineCounter::writeAndCount(const char *data, qint64 size)
{
    if (m_fd >= 0) {
        int error = 0;
        {
            const std::lock_guard lock(m_mutex);
            error = m_writeError;
        }
        const char *p = data;
        qint64 left = size;
        while (error == 0 && left > 0) {
            const ssize_t n = ::pwrite(m_fd, p, size_t(left), m_offset);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                error = n < 0 ? errno : ENOSPC;
                const std::lock_guard lock(m_mutex);
                m_writeError = error;
                break;
            }
            p += n;
            left -= n;
            m_offset += n;
        }
        if (error != 0)
            return false;
    }
    if (m_count)
        m_counter.feed(data, size);
    return true;
}

int AsyncLineCounter::writeError() const
{
    const std::lock_guard lock(m_mutex);
    return m_writeError;
}

void AsyncLineCounter::start(const QByteArray &block)
{
    std::unique_lock lock(m_mutex);
    if (!m_running && block.size() < kAsyncMin) {
        lock.unlock(); // no task: the counter is this thread's
        process(block);
        lock.lock();
        m_settled = m_counter.lines();
        return;
    }
    m_changed.wait(lock, [this] { return m_queue.size() < size_t(kMaxQueued); });
    m_queue.push_back(block);
    if (!m_running) {
        m_running = true;
        QThreadPool::globalInstance()->start([this] { drain(); });
    }
}

void AsyncLineCounter::drain()
{
    std::unique_lock lock(m_mutex);
    while (!m_queue.empty()) {
        QByteArray block = m_queue.front(); // stays queued (and counted as waiting) until done
        lock.unlock();
        process(block);
        lock.lock();
        m_queue.pop_front();
        m_settled = m_counter.lines();
        if (m_spare.size() < 2)
            m_spare.push_back(std::move(block)); // the only reference once the caller let go
        else
            BufferPool::give(std::move(block));
        m_changed.notify_all();
    }
    m_running = false;
    m_changed.notify_all();
}

QByteArray AsyncLineCounter::spare()
{
    const std::lock_guard lock(m_mutex);
    for (auto it = m_spare.begin(); it != m_spare.end(); ++it) {
        if (!it->isDetached())
            continue; // still held by the caller
        QByteArray block = std::move(*it);
        m_spare.erase(it);
        return block;
    }
    return {};
}

void AsyncLineCounter::wait()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_running; });
}

void AsyncLineCounter::feed(const char *data, qint64 size)
{
    wait();
    m_counter.feed(data, size);
    const std::lock_guard lock(m_mutex);
    m_settled = m_counter.lines();
}

void AsyncLineCounter::reset(const LineCounter &from)
{
    wait();
    m_counter = from;
    const std::lock_guard lock(m_mutex);
    m_settled = m_counter.lines();
    releaseSpares();
}

AsyncLineCounter::~AsyncLineCounter()
{
    wait();
    const std::lock_guard lock(m_mutex);
    releaseSpares();
}

void AsyncLineCounter::releaseSpares()
{
    for (QByteArray &block : m_spare)
        BufferPool::give(std::move(block));
    m_spare.clear();
}

qint64 AsyncLineCounter::linesSoFar() const
{
    const std::lock_guard lock(m_mutex);
    return m_settled;
}

} // namespace fbm
