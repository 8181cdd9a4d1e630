#include "frontend.h"

#include "httpclient.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslConfiguration>
#include <QTcpSocket>

#include <utility>

namespace fbm::demo::http {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    // The methods Qt HttpServer names; the servers answer the others as unknown.
    static const std::pair<M, const char *> names[] = {
        {M::Get, "GET"}, {M::Post, "POST"},   {M::Delete, "DELETE"},   {M::Head, "HEAD"},
        {M::Put, "PUT"}, {M::Patch, "PATCH"}, {M::Options, "OPTIONS"},
    };
    for (const auto &[value, name] : names) {
        if (value == method)
            return QByteArray(name);
    }
    return QByteArrayLiteral("OTHER");
}

Request copy(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Request in;
    const QUrl raw = request.url();
    in.method = methodName(request.method());
    in.localPort = socket->localPort();
    in.url.setScheme(QStringLiteral("http"));
    in.url.setHost(socket->localAddress().toString());
    in.url.setPort(in.localPort);
    in.url.setPath(raw.path(QUrl::FullyEncoded), QUrl::StrictMode);
    if (raw.hasQuery())
        in.url.setQuery(raw.query(QUrl::FullyEncoded), QUrl::StrictMode);
    in.path = raw.path(QUrl::FullyDecoded);
    in.query = QUrlQuery(raw.query(QUrl::FullyEncoded));
    in.headers = request.headers();
    in.body = request.body();
    return in;
}

} // namespace

QUrl loopbackOrigin(quint16 port)
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(port);
    return u;
}

QByteArray Request::header(QByteArrayView name) const
{
    return headerValue(headers, name);
}

bool Request::closeAfter() const
{
    return header("connection").toLower().contains("close");
}

class Frontend::Server final : public QAbstractHttpServer
{
public:
    explicit Server(Handler handler)
        : m_handler(std::move(handler))
    {}
    Q_DISABLE_COPY_MOVE(Server)

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_handler(copy(request, socket), socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Unreachable: handleRequest() takes everything. Answer anyway rather than hang.
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    Handler m_handler;
};

Frontend::Frontend(Handler handler)
    : m_server(std::make_unique<Server>(std::move(handler)))
{}

Frontend::~Frontend() = default;

quint16 Frontend::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

void Frontend::setTls(const QSslConfiguration &configuration)
{
    m_server->sslSetup(configuration);
}

} // namespace fbm::demo::http
