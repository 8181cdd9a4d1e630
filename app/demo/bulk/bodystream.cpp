#include "bodystream.h"
#include "logging.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

namespace fbm::demo::bulk {

namespace {

// The body is written in pieces of this size whenever the socket's buffer is below the mark.
constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kHighWater = 256 * 1024;

} // namespace

BodyStream::BodyStream(QTcpSocket *socket, Source source, qint64 begin, qint64 end)
    : QObject(socket)
    , m_socket(socket)
    , m_source(std::move(source))
    , m_begin(begin)
    , m_pos(begin)
    , m_end(end)
{
    connect(m_socket, &QTcpSocket::bytesWritten, this, &BodyStream::pump);
}

void BodyStream::stopAfter(Stop stop, double fraction, int stallMs)
{
    const qint64 length = m_end - m_begin;
    m_stop = stop;
    m_stopAt = m_begin + qBound<qint64>(0, qint64(double(length) * fraction), length);
    m_stallMs = stallMs;
}

void BodyStream::throttle(qint64 bytesPerSecond)
{
    m_rate = qMax<qint64>(1, bytesPerSecond);
    m_budget = qMax<qint64>(1, m_rate / 20);
    m_rateTimer = new QTimer(this);
    m_rateTimer->setInterval(50);
    connect(m_rateTimer, &QTimer::timeout, this, [this] {
        m_budget = qMin(m_budget + qMax<qint64>(1, m_rate / 20), qMax<qint64>(1, m_rate));
        pump();
    });
    m_rateTimer->start();
}

void BodyStream::pump()
{
    if (m_done || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_dropping) {
        // abort() throws away what Qt still buffers: wait until the kernel has it all, so the
        // client really receives the bytes before the cut.
        if (m_socket->bytesToWrite() == 0) {
            m_done = true;
            qCDebug(lcDemoBulk) << "dropping the connection at byte" << m_pos;
            m_socket->abort();
        }
        return;
    }
    if (m_stalled)
        return;
    while (m_socket->bytesToWrite() < kHighWater) {
        if (m_stop != Stop::None && m_pos >= m_stopAt) {
            reachStop();
            return;
        }
        if (m_pos >= m_end) {
            m_done = true;
            if (m_rateTimer)
                m_rateTimer->stop();
            if (m_closeAfter)
                m_socket->disconnectFromHost();
            deleteLater();
            return;
        }
        qint64 n = qMin(kChunk, m_end - m_pos);
        if (m_stop != Stop::None)
            n = qMin(n, m_stopAt - m_pos);
        if (m_rateTimer) {
            n = qMin(n, m_budget);
            if (n <= 0)
                return; // the rate timer refills the budget
            m_budget -= n;
        }
        const QByteArray bytes = m_source(m_pos, n);
        if (bytes.size() != n) {
            qCWarning(lcDemoBulk) << "body source ended early at" << m_pos;
            m_done = true;
            m_socket->abort();
            return;
        }
        m_socket->write(bytes);
        m_pos += n;
    }
}

void BodyStream::reachStop()
{
    const Stop stop = m_stop;
    m_stop = Stop::None;
    if (stop == Stop::Drop) {
        m_dropping = true;
        m_socket->flush();
        pump();
        return;
    }
    m_stalled = true;
    qCDebug(lcDemoBulk) << "stalling at byte" << m_pos << "for" << m_stallMs << "ms";
    if (m_stallMs >= 0) {
        QTimer::singleShot(m_stallMs, this, [this] {
            m_stalled = false;
            pump();
        });
    }
}

} // namespace fbm::demo::bulk
