#include "scriptedserver.h"

#include "demo/http/frontend.h"
#include "demo/http/wire.h"
#include "httpclient.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>

namespace fbm::test {

QByteArray ScriptedServer::Request::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
    , m_frontend(std::make_unique<demo::http::Frontend>(
          [this](const demo::http::Request &request, QTcpSocket *socket) {
              handle(request, socket);
          }))
{}

ScriptedServer::~ScriptedServer() = default;

bool ScriptedServer::listen()
{
    m_port = m_frontend->listen();
    return m_port != 0;
}

bool ScriptedServer::listenTls(const QString &certificatePem, const QString &keyPem)
{
    QFile certFile(certificatePem);
    QFile keyFile(keyPem);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    m_frontend->setTls(config);
    m_tls = true;
    return listen();
}

QUrl ScriptedServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_port)
                    .arg(path));
}

void ScriptedServer::on(const QByteArray &path, Handler handler)
{
    m_handlers.insert(path, std::move(handler));
}

void ScriptedServer::handle(const demo::http::Request &request, QTcpSocket *socket)
{
    Request req;
    req.method = request.method;
    const QByteArray path = request.url.path(QUrl::FullyEncoded).toLatin1();
    req.target = path;
    if (request.url.hasQuery())
        req.target += '?' + request.url.query(QUrl::FullyEncoded).toLatin1();
    req.headers = request.headers;
    req.body = request.body;
    m_requests.append(req);

    Answer a;
    if (auto it = m_handlers.constFind(path); it != m_handlers.cend())
        a = it.value()(req);
    else
        a.status = 404;
    auto headers = a.headers;
    headers.append({"Content-Length", QByteArray::number(a.body.size())});
    const QByteArray head = demo::http::responseHead(a.status, headers);
    socket->write(head + (a.stallForever ? a.body.left(a.body.size() / 2) : a.body));
}

} // namespace fbm::test
