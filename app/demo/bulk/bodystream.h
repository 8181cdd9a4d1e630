#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>

class QTcpSocket;
class QTimer;

namespace fbm::demo::bulk {

/// Where the bytes of one response body come from: length bytes from offset.
using Source = std::function<QByteArray(qint64 offset, qint64 length)>;

/// Streams one response body to a socket, driven by bytesWritten, so that a 1 GiB generated
/// file never holds more than a few hundred KiB in memory. It may misbehave on the way: cut
/// the connection or stall after a part of the body, or send slowly. A child of the socket: it
/// dies with the connection.
class BodyStream final : public QObject
{
public:
    enum class Stop
    {
        None,
        Drop,  ///< abort the connection
        Stall, ///< send nothing more (for a while, or for ever)
    };

    /// Bytes [begin, end) of source.
    BodyStream(QTcpSocket *socket, Source source, qint64 begin, qint64 end);
    Q_DISABLE_COPY_MOVE(BodyStream)

    /// Stops after this fraction of the body; a stall resumes after stallMs (-1: never).
    void stopAfter(Stop stop, double fraction, int stallMs = -1);
    /// Sends at most this many bytes a second.
    void throttle(qint64 bytesPerSecond);
    /// Ends the connection once the body is sent (the client sent Connection: close).
    void setCloseAfter(bool close) { m_closeAfter = close; }
    /// Writes what the socket's buffer takes; again at each bytesWritten.
    void start() { pump(); }

private:
    void pump();
    void reachStop();

    QTcpSocket *m_socket;
    Source m_source;
    qint64 m_begin;
    qint64 m_pos;
    qint64 m_end;
    Stop m_stop = Stop::None;
    qint64 m_stopAt = -1;
    int m_stallMs = -1;
    bool m_stalled = false;
    bool m_dropping = false;
    bool m_done = false;
    bool m_closeAfter = false;
    qint64 m_rate = 0;
    qint64 m_budget = 0;
    QTimer *m_rateTimer = nullptr;
};

} // namespace fbm::demo::bulk
