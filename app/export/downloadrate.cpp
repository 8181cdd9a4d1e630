#include "downloadrate.h"

#include <cmath>

namespace fbm {

void DownloadRate::sample(qint64 nowMs, qint64 bytes, double fraction)
{
    if (m_lastMs < 0 || bytes < m_lastBytes || nowMs < m_lastMs) {
        reset();
        m_firstMs = m_lastMs = nowMs;
        m_lastBytes = bytes;
        m_lastFraction = fraction;
        return;
    }
    const qint64 dt = nowMs - m_lastMs;
    if (dt < kMinStepMs)
        return;
    const double bytesRate = double(bytes - m_lastBytes) * 1000.0 / double(dt);
    const double fractionRate = std::max(0.0, fraction - m_lastFraction) * 1000.0 / double(dt);
    if (!m_rated) {
        m_bytesRate = bytesRate;
        m_fractionRate = fractionRate;
        m_rated = true;
    } else {
        const double alpha = 1.0 - std::exp(-double(dt) / kTimeConstantMs);
        m_bytesRate += alpha * (bytesRate - m_bytesRate);
        m_fractionRate += alpha * (fractionRate - m_fractionRate);
    }
    m_lastMs = nowMs;
    m_lastBytes = bytes;
    m_lastFraction = fraction;
}

std::optional<qint64> DownloadRate::secondsLeft() const
{
    if (!m_rated || m_lastMs - m_firstMs < kSettleMs || m_fractionRate <= 1e-9)
        return std::nullopt;
    const double left = std::max(0.0, 1.0 - m_lastFraction) / m_fractionRate;
    if (left > 1e7)
        return std::nullopt;
    return qint64(std::ceil(left));
}

} // namespace fbm
