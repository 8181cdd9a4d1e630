#pragma once

#include <QtGlobal>

#include <optional>

namespace fbm {

/// The speed of a job's download and the time it has left, smoothed so that neither jumps with
/// each burst or stall: exponentially weighted rates (time constant 5 s) of bytes and of the
/// fraction done, as a browser's download window shows them. Fed with readings taken on the
/// injected clock; no timer of its own.
class DownloadRate
{
public:
    /// A reading: bytes saved so far and the fraction done (0..1) at \a nowMs. Readings closer
    /// than a quarter second to the last counted one are left for the next; fewer bytes than
    /// before (a file started over) start the estimate over.
    void sample(qint64 nowMs, qint64 bytes, double fraction);
    void reset() { *this = DownloadRate(); }

    /// Bytes per second; 0 until two readings were counted.
    [[nodiscard]] double bytesPerSecond() const { return m_bytesRate; }
    /// Seconds left, once there is enough to go by: three seconds of readings and progress
    /// that moves. Nothing otherwise (no guess is better than a wild one).
    [[nodiscard]] std::optional<qint64> secondsLeft() const;

    static constexpr qint64 kMinStepMs = 250;
    static constexpr qint64 kSettleMs = 3000;
    static constexpr double kTimeConstantMs = 5000.0;

private:
    qint64 m_firstMs = -1;
    qint64 m_lastMs = -1;
    qint64 m_lastBytes = 0;
    double m_lastFraction = 0;
    double m_bytesRate = 0;
    double m_fractionRate = 0;
    bool m_rated = false;
};

} // namespace fbm
