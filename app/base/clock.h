#pragma once

#include <QDateTime>

namespace fbm {

/// The source of "now", injected so tests can move time. Deadlines are absolute UTC times.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const { return QDateTime::currentDateTimeUtc(); }
    [[nodiscard]] qint64 nowMs() const { return now().toMSecsSinceEpoch(); }

    /// The process-wide real clock.
    static const Clock *system()
    {
        static const Clock c;
        return &c;
    }
};

} // namespace fbm
