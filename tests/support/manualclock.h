#pragma once

#include "clock.h"

#include <QDateTime>

namespace fbm::test {

/// A clock that stands still until the test moves it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &now = QDateTime::currentDateTimeUtc())
        : m_now(now)
    {}

    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advance(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace fbm::test
