#pragma once

#include "clock.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <limits>
#include <map>

namespace fbm {

/// What comes due: a job's next status check, one of its files waiting to be tried again, or
/// the status request for fresh file links tried again.
struct DueKey
{
    QString job;
    int file = -1; ///< -1: the job's next status check; -2: its request for fresh links

    [[nodiscard]] static DueKey poll(const QString &job) { return {job, -1}; }
    [[nodiscard]] static DueKey fileRetry(const QString &job, int file) { return {job, file}; }
    [[nodiscard]] static DueKey linkRefresh(const QString &job) { return {job, -2}; }
    [[nodiscard]] bool isFileRetry() const { return file >= 0; }
    [[nodiscard]] bool isLinkRefresh() const { return file == -2; }
    friend bool operator==(const DueKey &a, const DueKey &b)
    {
        return a.file == b.file && a.job == b.job;
    }
    friend size_t qHash(const DueKey &key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, key.job, key.file);
    }
};

/// One timer for every job: it is armed for the earliest deadline only, so a thousand waiting
/// jobs cost one timer, and each deadline is a fact ("poll at 10:42:07") the UI can count down to.
/// A job is never due before its deadline, and at most 50 ms after it: the timer wakes up at
/// most once in 50 ms, so deadlines close together are served by one wake-up, while a deadline
/// after a quiet spell is served on time.
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)
public:
    explicit Scheduler(const Clock *clock, QObject *parent = nullptr);

    void schedule(const DueKey &key, const QDateTime &when);
    void cancel(const DueKey &key);
    /// Takes \a clock and arms the timer again by what it says now: a clock that jumped (a test
    /// moving its clock) is looked at at once, not when the timer armed before wakes up.
    void setClock(const Clock *clock)
    {
        m_clock = clock;
        m_timer.stop();
        arm();
    }
    [[nodiscard]] bool isScheduled(const DueKey &key) const { return m_index.contains(key); }
    [[nodiscard]] int size() const { return int(m_index.size()); }
    /// When the timer wakes up next (ms since the epoch by the clock), or -1 when it is idle.
    [[nodiscard]] qint64 nextWakeUpMs() const { return m_timer.isActive() ? m_armedFor : -1; }

Q_SIGNALS:
    void due(const fbm::DueKey &key);

private:
    void arm();
    void fire();

    const Clock *m_clock;
    std::multimap<qint64, DueKey> m_queue;
    QHash<DueKey, std::multimap<qint64, DueKey>::iterator> m_index;
    QTimer m_timer;
    qint64 m_armedFor = 0; ///< the deadline the timer is armed for, while it is active
    qint64 m_lastFiredAt = std::numeric_limits<qint64>::min() / 2; ///< the last wake-up
};

} // namespace fbm

Q_DECLARE_METATYPE(fbm::DueKey)
