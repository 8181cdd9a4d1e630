#pragma once

#include "clock.h"

#include <QDateTime>

#include <functional>
#include <utility>

namespace fbm::test {

/// The tests' one clock, moved by the test. It either stands still (every deadline computed
/// from it is exact, and nothing comes due until the test moves it), or follows the real time
/// plus an offset the test moves (an engine on real timers goes on as usual, and a test looks
/// at a "later" moment, or brings a deadline closer, without waiting for it).
class ManualClock final : public Clock
{
public:
    enum class Mode
    {
        Still,     ///< stands at one moment until set() or advance()
        Following, ///< the real time plus the offset set() and advance() move
    };

    /// Stands still at \a now.
    explicit ManualClock(const QDateTime &now = QDateTime::currentDateTimeUtc())
        : m_at(now)
    {}
    /// Starts at the real time, standing still there or following it.
    explicit ManualClock(Mode mode)
        : m_mode(mode)
        , m_at(QDateTime::currentDateTimeUtc())
    {}

    [[nodiscard]] QDateTime now() const override
    {
        return m_mode == Mode::Still ? m_at : QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs);
    }
    [[nodiscard]] Mode mode() const { return m_mode; }

    /// Makes it \a now (from then on standing there, or following the real time from there).
    void set(const QDateTime &now)
    {
        if (m_mode == Mode::Still)
            m_at = now;
        else
            m_offsetMs = QDateTime::currentDateTimeUtc().msecsTo(now);
        moved();
    }
    void advance(qint64 ms) { set(now().addMSecs(ms)); }

    /// Stands still at the moment it shows now (a following clock stops).
    void stop()
    {
        m_at = now();
        m_mode = Mode::Still;
    }
    /// Follows the real time from the moment it shows now (a still clock starts running).
    void follow()
    {
        m_offsetMs = QDateTime::currentDateTimeUtc().msecsTo(now());
        m_mode = Mode::Following;
    }

    /// Called after every set() and advance(): whoever armed real timers for deadlines of this
    /// clock arms them again (ExportFixture wakes the engine's scheduler this way).
    void onMoved(std::function<void()> moved) { m_moved = std::move(moved); }

private:
    void moved() const
    {
        if (m_moved)
            m_moved();
    }

    Mode m_mode = Mode::Still;
    QDateTime m_at;        ///< Still
    qint64 m_offsetMs = 0; ///< Following
    std::function<void()> m_moved;
};

} // namespace fbm::test
