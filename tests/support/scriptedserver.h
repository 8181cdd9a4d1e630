#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <memory>

namespace fbm::test {

/// A tiny HTTP/1.1 server on 127.0.0.1 for the cases the bulk server does not script: canned
/// answers per path, redirect chains, stalls, and the requests as they arrived (raw headers).
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
    bool listen();
    /// HTTPS with this certificate and key (PEM files).
    bool listenTls(const QString &certificatePem, const QString &keyPem);
    [[nodiscard]] QUrl url(const QString &path = {}) const;
    void on(const QByteArray &path, Handler handler); ///< path without query
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }

private:
    void onConnection();
    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QHash<QByteArray, Handler> m_handlers;
    QList<Request> m_requests;
};

} // namespace fbm::test
