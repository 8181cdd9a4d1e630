#include "linecounter.h"

#include <QtAlgorithms>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fbm {

void LineCounter::copyAndFeed(char *dst, const char *src, qint64 size)
{
    qint64 done = 0;
#if defined(__SSE2__)
    // 64 bytes at a time, as bit masks: bit i of `nl` is set when byte i is '\n'. A '\n' ends an
    // empty line when its own byte starts the line, or when the byte before is a '\r' that
    // starts the line. What the block before ended with comes in through the carries.
    const qint64 blocks = size / 64;
    if (blocks > 0) {
        quint64 startCarry = m_currentLength == 0 ? 1 : 0;                      // byte -1 was '\n'
        quint64 crCarry = (m_currentLength > 0 && m_lastChar == '\r') ? 1 : 0; // byte -1 is '\r'
        quint64 start2Carry = m_currentLength == 1 ? 1 : 0; // byte -1 starts the line
        const __m128i newline = _mm_set1_epi8('\n');
        const __m128i cr = _mm_set1_epi8('\r');
        qint64 lines = 0;
        qint64 lastNewline = -1;
        for (qint64 b = 0; b < blocks; ++b) {
            const char *s = src + b * 64;
            char *d = dst + b * 64;
            quint64 nl = 0;
            quint64 crs = 0;
            for (int k = 0; k < 4; ++k) {
                const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + 16 * k));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(d + 16 * k), x);
                nl |= quint64(quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(x, newline)))) << (16 * k);
                crs |= quint64(quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(x, cr)))) << (16 * k);
            }
            const quint64 start = (nl << 1) | startCarry;       // byte i starts a line
            const quint64 crBefore = (crs << 1) | crCarry;      // byte i-1 is '\r'
            const quint64 startBefore = (start << 1) | start2Carry; // byte i-1 starts a line
            const quint64 empty = nl & (start | (crBefore & startBefore));
            lines += qPopulationCount(nl) - qPopulationCount(empty);
            startCarry = nl >> 63;
            crCarry = crs >> 63;
            start2Carry = start >> 63;
            if (nl)
                lastNewline = b * 64 + 63 - qCountLeadingZeroBits(nl);
        }
        done = blocks * 64;
        m_lines += lines;
        m_currentLength = lastNewline >= 0 ? done - lastNewline - 1 : m_currentLength + done;
        if (m_currentLength > 0)
            m_lastChar = src[done - 1];
    }
#endif
    if (size > done) {
        std::memcpy(dst + done, src + done, size_t(size - done));
        feed(src + done, size - done);
    }
}

} // namespace fbm
