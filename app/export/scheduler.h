#pragma once

#include "clock.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <limits>
#include <map>

namespace fbm {

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

    void schedule(const QString &id, const QDateTime &when);
    void cancel(const QString &id);
    void setClock(const Clock *clock)
    {
        m_clock = clock;
        arm();
    }
    [[nodiscard]] bool isScheduled(const QString &id) const { return m_index.contains(id); }
    [[nodiscard]] int size() const { return int(m_index.size()); }
    /// When the timer wakes up next (ms since the epoch by the clock), or -1 when it is idle.
    [[nodiscard]] qint64 nextWakeUpMs() const { return m_timer.isActive() ? m_armedFor : -1; }

Q_SIGNALS:
    void due(const QString &id);

private:
    void arm();
    void fire();

    const Clock *m_clock;
    std::multimap<qint64, QString> m_queue;
    QHash<QString, std::multimap<qint64, QString>::iterator> m_index;
    QTimer m_timer;
    qint64 m_armedFor = 0; ///< the deadline the timer is armed for, while it is active
    qint64 m_lastFiredAt = std::numeric_limits<qint64>::min() / 2; ///< the last wake-up
};

} // namespace fbm
