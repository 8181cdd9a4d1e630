#include "scheduler.h"

#include <algorithm>

namespace fbm {

namespace {
// At most one wake-up in this time: polls due close together go out together, up to this late
// (a thousand jobs polling every second: twenty wake-ups a second, not a thousand), while a
// deadline after a quiet spell (a command-line export's first poll) is met on time.
constexpr qint64 kSlackMs = 50;
} // namespace

Scheduler::Scheduler(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::fire);
}

void Scheduler::schedule(const DueKey &key, const QDateTime &when)
{
    cancel(key);
    m_index.insert(key, m_queue.emplace(when.toMSecsSinceEpoch(), key));
    arm();
}

void Scheduler::cancel(const DueKey &key)
{
    const auto it = m_index.find(key);
    if (it == m_index.end())
        return;
    m_queue.erase(it.value());
    m_index.erase(it);
    arm();
}

void Scheduler::arm()
{
    if (m_queue.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 fireAt = std::max(m_queue.begin()->first, m_lastFiredAt + kSlackMs);
    if (m_timer.isActive() && m_armedFor <= fireAt)
        return; // it wakes up in time (or early, which is harmless) and re-arms then
    m_armedFor = fireAt;
    const qint64 wait = std::max<qint64>(0, fireAt - m_clock->nowMs());
    // QTimer takes an int; a very distant deadline is simply re-armed when the timer fires.
    m_timer.start(int(std::min<qint64>(wait, 24LL * 3600 * 1000)));
}

void Scheduler::fire()
{
    const qint64 now = m_clock->nowMs();
    m_lastFiredAt = now;
    QList<DueKey> dueKeys;
    while (!m_queue.empty() && m_queue.begin()->first <= now + 2) {
        dueKeys.append(m_queue.begin()->second);
        m_index.remove(m_queue.begin()->second);
        m_queue.erase(m_queue.begin());
    }
    arm();
    for (const DueKey &key : std::as_const(dueKeys))
        Q_EMIT due(key);
}

} // namespace fbm
