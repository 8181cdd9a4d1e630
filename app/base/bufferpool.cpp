#include "bufferpool.h"

#include <mutex>
#include <utility>
#include <vector>

namespace fbm {

namespace {

// Smaller buffers are cheap to make and not worth holding on to.
constexpr qsizetype kMinKept = 64 << 10;

struct Pool
{
    std::mutex mutex;
    std::vector<QByteArray> kept;
};

Pool &pool()
{
    static Pool instance;
    return instance;
}

} // namespace

QByteArray BufferPool::take(qsizetype capacity)
{
    {
        Pool &p = pool();
        const std::lock_guard lock(p.mutex);
        for (auto it = p.kept.rbegin(); it != p.kept.rend(); ++it) {
            if (it->capacity() >= capacity) {
                QByteArray buffer = std::move(*it);
                p.kept.erase(std::next(it).base());
                return buffer;
            }
        }
    }
    QByteArray buffer;
    buffer.reserve(capacity);
    return buffer;
}

void BufferPool::give(QByteArray &&buffer)
{
    QByteArray gone = std::exchange(buffer, QByteArray());
    // Shared: another holder still reads it (a block being counted); it is freed with the last.
    if (!gone.isDetached() || gone.capacity() < kMinKept)
        return;
    gone.resize(0); // keeps the allocation
    Pool &p = pool();
    const std::lock_guard lock(p.mutex);
    if (p.kept.size() < size_t(kMaxKept))
        p.kept.push_back(std::move(gone));
}

int BufferPool::keptCount()
{
    Pool &p = pool();
    const std::lock_guard lock(p.mutex);
    return int(p.kept.size());
}

} // namespace fbm
