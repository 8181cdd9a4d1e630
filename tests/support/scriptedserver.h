#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace fbm::demo::http {
class Frontend;
struct Request;
} // namespace fbm::demo::http

namespace fbm::test {

/// A tiny HTTP/1.1 server on 127.0.0.1 for the cases the bulk server does not script: canned
/// answers per path, redirect chains, stalls, and the requests as they arrived (raw headers).
/// It stands on the demo servers' front end.
class ScriptedServer final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; ///< path and query as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        [[nodiscard]] QByteArray header(const QByteArray &name) const;
    };
    struct Answer
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        bool stallForever = false; ///< send the headers and half the body, then nothing
    };
    using Handler = std::function<Answer(const Request &)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;
    bool listen();
    /// HTTPS with this certificate and key (PEM files).
    bool listenTls(const QString &certificatePem, const QString &keyPem);
    [[nodiscard]] QUrl url(const QString &path = {}) const;
    void on(const QByteArray &path, Handler handler); ///< path without query
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }

private:
    void handle(const demo::http::Request &request, QTcpSocket *socket);
    std::unique_ptr<demo::http::Frontend> m_frontend;
    quint16 m_port = 0;
    bool m_tls = false;
    QHash<QByteArray, Handler> m_handlers;
    QList<Request> m_requests;
};

} // namespace fbm::test
