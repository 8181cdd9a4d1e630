#pragma once

#include "activity.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QSslConfiguration;
class QTcpSocket;

namespace fbm::demo::http {

/// One request, copied out of Qt HttpServer's object (which is reused for the next request on
/// the same connection) so that no Qt HttpServer type reaches the servers.
struct Request
{
    QByteArray method; ///< "GET", "POST", …; "OTHER" for a method Qt does not name
    QUrl url;          ///< absolute, on the origin (port) that received it
    QString path;      ///< decoded
    QUrlQuery query;
    HeaderList headers; ///< as sent, in order
    QByteArray body;
    quint16 localPort = 0; ///< which of the front end's ports received it

    [[nodiscard]] QByteArray header(QByteArrayView name) const; ///< first match, any case
    [[nodiscard]] bool isHead() const { return method == "HEAD"; }
    /// The client sent "Connection: close": the answer ends the connection.
    [[nodiscard]] bool closeAfter() const;
};

/// http://127.0.0.1:<port>, where the demo servers listen.
[[nodiscard]] QUrl loopbackOrigin(quint16 port);

/// The one class that touches Qt HttpServer, whose API changed in 6.8: it parses the requests
/// that arrive on its ports and hands each, with the socket to answer on, to one handler. The
/// handler writes the answer itself (http/wire.h), so it may stream, stall or cut the
/// connection the way a misbehaving server does.
class Frontend final
{
    Q_DISABLE_COPY_MOVE(Frontend)
public:
    using Handler = std::function<void(const Request &request, QTcpSocket *socket)>;

    explicit Frontend(Handler handler);
    /// Closes every connection (and what streams on it) before the handler's owner goes.
    ~Frontend();

    /// Listens on one more port (0: any free one). Returns the port, or 0 when it cannot bind.
    quint16 listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                   quint16 port = 0);
    /// HTTPS on the ports listened on afterwards.
    void setTls(const QSslConfiguration &configuration);

private:
    class Server;
    std::unique_ptr<Server> m_server;
};

} // namespace fbm::demo::http
