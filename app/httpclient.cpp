#include "httpclient.h"

#include "authprovider.h"
#include "redact.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "fbm.http")

namespace fbm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fbm::HttpClient", text);
}

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0 ? 443 : 80);
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == "localhost"_L1)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/// The one place that turns Qt's network errors into sentences.
Error networkError(QNetworkReply *reply, int timeoutMs, const QString &abortReason)
{
    const auto code = reply->error();
    const QString host = reply->url().host();
    QString message;
    bool transient = true;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        //: %1 is a host name
        message =
            tr("The server %1 refused the connection. Is the address right and the server running?")
                .arg(host);
        break;
    case QNetworkReply::RemoteHostClosedError:
        message =
            tr("The server %1 closed the connection before the answer was complete.").arg(host);
        break;
    case QNetworkReply::HostNotFoundError:
        message = tr("The server name %1 could not be found. Check the address and the network.")
                      .arg(host);
        break;
    case QNetworkReply::TimeoutError:
        message = tr("The server %1 did not answer in time.").arg(host);
        break;
    case QNetworkReply::OperationCanceledError:
        if (!abortReason.isEmpty()) {
            message = abortReason;
            transient = false;
        } else {
            //: %1 is a number of seconds
            message = tr("Nothing arrived from %1 for %2 seconds; the transfer was stopped.")
                          .arg(host)
                          .arg(timeoutMs / 1000);
        }
        break;
    case QNetworkReply::SslHandshakeFailedError:
        message =
            tr("The secure connection to %1 failed: %2. The server's certificate is not trusted; "
               "if your organisation uses its own certificate authority, add its certificate to "
               "the server profile.")
                .arg(host, reply->errorString());
        transient = false;
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        message = tr("The network is not available.");
        break;
    default:
        //: %1 is a host name, %2 Qt's description of the failure
        message = tr("The connection to %1 failed: %2").arg(host, reply->errorString());
        break;
    }
    return Error::make(Error::Kind::Network, message, reply->errorString(), 0, transient);
}

bool isNetworkLevel(QNetworkReply::NetworkError code, int httpStatus)
{
    if (code == QNetworkReply::NoError)
        return false;
    if (httpStatus == 0)
        return true;
    // With a status line in, Qt's codes from 200 up mostly restate the HTTP status (400 becomes
    // ProtocolInvalidOperationError, 404 ContentNotFoundError…): those are answers. What remains
    // a failure is a broken connection or stream after the headers.
    return code < 200 || code == QNetworkReply::ProtocolFailure;
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpClient::HttpClient(QNetworkAccessManager *nam, const QUrl &base, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_base(base)
{}

HttpClient::~HttpClient() = default;

void HttpClient::setAuth(AuthProvider *auth)
{
    m_auth = auth;
}

bool HttpClient::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && defaultPort(a) == defaultPort(b);
}

bool HttpClient::mayReceiveToken(const QUrl &url) const
{
    if (!sameOrigin(url, m_base))
        return false;
    if (url.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0)
        return true;
    return isLoopback(url) || m_allowInsecureToken;
}

QString HttpClient::redact(const QString &text) const
{
    return redactText(text, m_auth ? m_auth->secrets() : QStringList());
}

void HttpClient::send(const HttpCall &call, QObject *context,
                      std::function<void(const HttpResponse &)> callback)
{
    auto *transfer = new Transfer(this, call, true);
    QPointer<QObject> guard(context);
    connect(transfer, &Transfer::finished, this,
            [guard, callback = std::move(callback)](const HttpResponse &response) {
                if (guard)
                    callback(response);
            });
    transfer->start();
}

Transfer *HttpClient::stream(const HttpCall &call)
{
    return new Transfer(this, call, false);
}

// ---------------------------------------------------------------------------------------------

Transfer::Transfer(HttpClient *client, HttpCall call, bool buffered)
    : QObject(client)
    , m_client(client)
    , m_call(std::move(call))
    , m_buffered(buffered)
{}

Transfer::~Transfer()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray Transfer::header(QByteArrayView name) const
{
    return m_reply ? m_reply->rawHeader(name.toByteArray()) : QByteArray();
}

void Transfer::start()
{
    beginHop(m_call.url);
}

void Transfer::abort(const QString &why)
{
    m_abortReason = why.isEmpty() ? tr("Stopped.") : why;
    if (m_reply) {
        m_reply->abort();
    } else if (!m_done) {
        HttpResponse r;
        r.error = Error::make(Error::Kind::Cancelled, m_abortReason);
        finish(r);
    }
}

void Transfer::beginHop(const QUrl &url)
{
    m_currentUrl = url;
    const bool wantToken =
        m_call.withAuth && m_client && m_client->auth() && m_client->mayReceiveToken(url);
    if (!wantToken) {
        issue(url, false, {});
        return;
    }
    if (!m_token.isEmpty() && !m_triedRefresh) {
        issue(url, true, m_token);
        return;
    }
    QPointer<Transfer> self(this);
    m_client->auth()->requestToken(m_triedRefresh, this,
                                   [self, url](const QString &token, const Error &error) {
                                       if (!self || self->m_done)
                                           return;
                                       if (error.isError()) {
                                           HttpResponse r;
                                           r.error = error;
                                           if (r.error.kind != Error::Kind::Network)
                                               r.error.kind = Error::Kind::Auth;
                                           self->finish(r);
                                           return;
                                       }
                                       self->m_token = token;
                                       self->issue(url, !token.isEmpty(), token);
                                   });
}

void Transfer::issue(const QUrl &url, bool withToken, const QString &token)
{
    if (!m_client) {
        HttpResponse r;
        r.error = Error::make(Error::Kind::Cancelled, tr("Stopped."));
        finish(r);
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(m_call.timeoutMs);
    // Highly compressible NDJSON trips Qt's decompression-bomb check on large files.
    request.setDecompressedSafetyCheckThreshold(-1);
    if (m_client->m_hasSsl)
        request.setSslConfiguration(m_client->m_ssl);
    HeaderList sent;
    auto set = [&](const QByteArray &k, const QByteArray &v) {
        request.setRawHeader(k, v);
        sent.append({k, v});
    };
    for (const auto &h : m_client->m_extraHeaders) {
        if (h.first.compare("authorization", Qt::CaseInsensitive) != 0)
            set(h.first, h.second);
    }
    for (const auto &h : m_call.headers)
        set(h.first, h.second);
    m_sentToken = withToken;
    if (withToken)
        set("Authorization", "Bearer " + token.toUtf8());

    m_headersDone = false;
    m_passThrough = false;
    m_status = 0;
    m_note.clear();
    m_hopStarted = QDateTime::currentDateTimeUtc();
    m_hopTimer.start();
    QNetworkAccessManager *nam = m_client->networkAccessManager();
    QNetworkReply *reply = nullptr;
    if (m_call.method == "GET")
        reply = nam->get(request);
    else
        reply = nam->sendCustomRequest(request, m_call.method, m_call.body);
    m_reply = reply;
    if (!m_buffered && m_call.readBufferSize > 0)
        reply->setReadBufferSize(m_call.readBufferSize);
    reply->setProperty("fbmSentHeaders", QVariant::fromValue(redactHeaders(sent)));
    connect(reply, &QNetworkReply::metaDataChanged, this, &Transfer::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &Transfer::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &Transfer::onFinished);
}

void Transfer::onMetaData()
{
    if (!m_reply || m_headersDone)
        return;
    const QVariant statusAttr = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttr.isValid())
        return;
    m_headersDone = true;
    m_status = statusAttr.toInt();
    const bool redirect = m_status >= 300 && m_status < 400 && m_status != 304 &&
                          m_reply->hasRawHeader("Location") && m_hops < m_call.maxRedirects + 1;
    const bool renew = m_status == 401 && m_sentToken && !m_triedRefresh;
    m_passThrough = !redirect && !renew;
    if (m_passThrough)
        Q_EMIT responseStarted(m_status);
}

void Transfer::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_headersDone)
        onMetaData();
    if (!m_passThrough) {
        m_reply->readAll(); // a redirect's or a 401's body: not the answer
        return;
    }
    if (!m_buffered) {
        Q_EMIT readyRead();
        return;
    }
    if (m_body.size() + m_reply->bytesAvailable() > m_call.maxBodyBytes) {
        //: %1 is a size in MiB
        abort(tr("The server's answer is larger than %1 MiB; it was not read.")
                  .arg(m_call.maxBodyBytes >> 20));
        return;
    }
    m_body.append(m_reply->readAll());
}

void Transfer::logHop(int status, const QString &note)
{
    if (!m_call.log || !m_reply)
        return;
    ActivityEntry e;
    e.at = m_hopStarted;
    e.method = m_call.method;
    e.url = redactUrl(m_currentUrl);
    e.status = status;
    e.elapsedMs = m_hopTimer.elapsed();
    e.requestHeaders = m_reply->property("fbmSentHeaders").value<HeaderList>();
    e.requestBody = redactBody(m_call.body.left(4096));
    e.note = m_client ? m_client->redact(note) : redactText(note);
    m_call.log(e);
}

void Transfer::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_headersDone)
        onMetaData();
    reply->deleteLater();

    if (m_headersDone && !m_passThrough && m_status == 401) {
        logHop(401, tr("Access token refused; getting a new one and trying once more."));
        m_reply = nullptr;
        m_triedRefresh = true;
        beginHop(m_currentUrl);
        return;
    }
    if (m_headersDone && !m_passThrough) { // a redirect
        const QUrl target = m_currentUrl.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        const QString scheme = target.scheme().toLower();
        QString refusal;
        if (scheme != "http"_L1 && scheme != "https"_L1)
            refusal =
                tr("The server redirected to an address that is not HTTP(S); it was not followed.");
        else if (m_currentUrl.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0 &&
                 scheme == "http"_L1)
            refusal =
                tr("The server redirected from a secure (https) address to an insecure (http) one; "
                   "it was not followed.");
        else if (m_hops >= m_call.maxRedirects)
            refusal = tr("The server redirected too many times.");
        if (!refusal.isEmpty()) {
            logHop(m_status, refusal);
            m_reply = nullptr;
            HttpResponse r;
            r.status = m_status;
            r.finalUrl = m_currentUrl;
            r.error =
                Error::make(Error::Kind::Protocol, refusal, redactUrl(target).toString(), m_status);
            finish(r);
            return;
        }
        const bool crossOrigin = !HttpClient::sameOrigin(target, m_currentUrl);
        logHop(m_status,
               crossOrigin && m_sentToken
                   ? tr("Redirected to another origin: the access token is not sent there.")
                   : tr("Redirected."));
        ++m_hops;
        // 303, and 301/302 after a POST, turn into a GET (RFC 9110 15.4).
        if (m_status == 303 || ((m_status == 301 || m_status == 302) && m_call.method == "POST")) {
            m_call.method = "GET";
            m_call.body.clear();
        }
        m_reply = nullptr;
        beginHop(target);
        return;
    }

    HttpResponse r;
    r.status = m_status;
    r.finalUrl = m_currentUrl;
    r.headers = reply->rawHeaderPairs();
    if (isNetworkLevel(reply->error(), m_status)) {
        r.error = networkError(reply, m_call.timeoutMs, m_abortReason);
        if (!m_abortReason.isEmpty())
            r.error.kind = Error::Kind::Cancelled;
        logHop(m_status, r.error.message);
    } else {
        if (m_buffered && m_body.size() + reply->bytesAvailable() <= m_call.maxBodyBytes)
            m_body.append(reply->readAll());
        r.body = m_body;
        logHop(m_status, {});
    }
    if (!m_buffered && !r.error.isError() && m_passThrough && reply->bytesAvailable() > 0)
        Q_EMIT readyRead(); // the consumer drains what is left before finished()
    finish(r);
    m_reply = nullptr;
}

void Transfer::finish(HttpResponse response)
{
    if (m_done)
        return;
    m_done = true;
    if (m_client)
        response.error.detail = m_client->redact(response.error.detail);
    Q_EMIT finished(response);
    deleteLater();
}

} // namespace fbm
