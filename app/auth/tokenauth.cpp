#include "tokenauth.h"
#include "logging.h"

#include "httpclient.h"
#include "redact.h"
#include "secretstore.h"
#include "smartconfiguration.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr qint64 kDefaultLifetimeSeconds = 300;
constexpr qint64 kAssertionLifetimeSeconds = 240;
constexpr auto kAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

QByteArray formEncode(const QList<QPair<QString, QString>> &form)
{
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

Error OAuthTokenAuth::unreachable(const QUrl &url, const QString &why)
{
    return Error::make(Error::Kind::Network,
                       //: %1 is a web address
                       OAuthTokenAuth::tr("The token endpoint %1 could not be reached.")
                           .arg(url.toDisplayString(QUrl::RemoveQuery)),
                       why, 0, true);
}

qint64 renewalMarginMs(qint64 lifetimeMs)
{
    return std::min<qint64>(60000, lifetimeMs / 5);
}

Result<TokenGrant> TokenGrant::fromResponse(int httpStatus, const QByteArray &body,
                                            const QDateTime &now, const QUrl &endpoint)
{
    const QString where = u"HTTP "_s + QString::number(httpStatus) + u" from "_s +
                          endpoint.toDisplayString(QUrl::RemoveQuery);
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (httpStatus < 200 || httpStatus >= 300) {
        const QString error = o.value(u"error"_s).toString();
        const QString description = o.value(u"error_description"_s).toString();
        if (!error.isEmpty()) {
            const QString message =
                description.isEmpty()
                    //: %1 is an OAuth error code such as invalid_client
                    ? OAuthTokenAuth::tr("The token endpoint refused the request: %1.").arg(error)
                    //: %1 is an OAuth error code such as invalid_client, %2 the server's text
                    : OAuthTokenAuth::tr("The token endpoint refused the request: %1 (%2).")
                          .arg(error, description);
            return Error::make(httpStatus >= 500 ? Error::Kind::Http : Error::Kind::Auth, message,
                               where, httpStatus, httpStatus >= 500);
        }
        if (httpStatus >= 500 || httpStatus == 429)
            return Error::make(
                Error::Kind::Http,
                //: %1 is an HTTP status code
                OAuthTokenAuth::tr("The token endpoint answered %1. Try again later.")
                    .arg(httpStatus),
                where, httpStatus, true);
        return Error::make(Error::Kind::Auth,
                           //: %1 is an HTTP status code
                           OAuthTokenAuth::tr("The token endpoint answered %1 and issued no token.")
                               .arg(httpStatus),
                           where, httpStatus);
    }
    TokenGrant g;
    g.accessToken = o.value(u"access_token"_s).toString();
    if (g.accessToken.isEmpty())
        return Error::make(Error::Kind::Protocol,
                           OAuthTokenAuth::tr("The token endpoint's answer holds no access token."),
                           where, httpStatus);
    const QString type = o.value(u"token_type"_s).toString();
    if (type.compare("bearer"_L1, Qt::CaseInsensitive) != 0)
        return Error::make(
            Error::Kind::Protocol,
            //: %1 is a token type such as "mac"
            OAuthTokenAuth::tr("The token endpoint issued a token of type \"%1\"; only Bearer "
                               "tokens are supported.")
                .arg(type),
            where, httpStatus);
    const QJsonValue expires = o.value(u"expires_in"_s);
    qint64 seconds = 0;
    if (expires.isDouble())
        seconds = qint64(expires.toDouble());
    else if (expires.isString())
        seconds = expires.toString().toLongLong();
    if (seconds <= 0)
        seconds = kDefaultLifetimeSeconds;
    g.issuedAt = now;
    g.expiresAt = now.addSecs(seconds);
    g.scope = o.value(u"scope"_s).toString();
    g.refreshToken = o.value(u"refresh_token"_s).toString();
    return g;
}

// ---------------------------------------------------------------------------------------------

OAuthTokenAuth::OAuthTokenAuth(HttpClient *http, const QUrl &base, const QUrl &tokenUrl,
                               QString scope, QObject *parent)
    : AuthProvider(parent)
    , m_http(http)
    , m_base(base)
    , m_tokenUrl(tokenUrl)
    , m_scope(std::move(scope))
{}

OAuthTokenAuth::~OAuthTokenAuth() = default;

QStringList OAuthTokenAuth::secrets() const
{
    return m_secrets;
}

void OAuthTokenAuth::addSecret(const QString &secret)
{
    if (secret.isEmpty() || m_secrets.contains(secret))
        return;
    m_secrets.append(secret);
    // Old tokens and assertions stay scrubbable for a while (they may sit in a log line being
    // written); the list is bounded so a week-long session does not grow it forever.
    constexpr int kKeep = 64;
    if (m_secrets.size() > kKeep)
        m_secrets.remove(0, m_secrets.size() - kKeep);
}

QString OAuthTokenAuth::redacted(QString text) const
{
    return redactText(std::move(text), m_secrets);
}

bool OAuthTokenAuth::cachedTokenUsable() const
{
    if (m_grant.accessToken.isEmpty())
        return false;
    const qint64 lifetime = m_grant.issuedAt.msecsTo(m_grant.expiresAt);
    return m_clock->nowMs() < m_grant.expiresAt.toMSecsSinceEpoch() - renewalMarginMs(lifetime);
}

void OAuthTokenAuth::requestToken(bool forceRefresh, QObject *context, TokenCallback callback,
                                  const ActivitySink &log)
{
    if (forceRefresh)
        m_grant = {};
    if (!forceRefresh && !m_busy && cachedTokenUsable()) {
        callback(m_grant.accessToken, {});
        return;
    }
    m_waiters.append({context, context != nullptr, std::move(callback), log});
    if (!m_busy)
        start();
}

ActivitySink OAuthTokenAuth::waitersLog() const
{
    QList<ActivitySink> sinks;
    for (const Waiter &w : m_waiters) {
        if (w.log && (!w.hadContext || w.context))
            sinks.append(w.log);
    }
    if (sinks.isEmpty())
        return {};
    return [sinks](const ActivityEntry &e) {
        for (const ActivitySink &sink : sinks)
            sink(e);
    };
}

void OAuthTokenAuth::start()
{
    m_busy = true;
    if (!m_http) {
        fail(Error::make(Error::Kind::Cancelled, OAuthTokenAuth::tr("Stopped.")));
        return;
    }
    if (m_tokenUrl.isEmpty()) {
        SmartConfiguration::discover(
            m_http, m_base, this,
            [this](const Result<SmartConfiguration> &config) {
                if (!config.ok()) {
                    fail(config.error());
                    return;
                }
                m_tokenUrl = config->tokenEndpoint;
                qCDebug(lcTokens) << "token endpoint discovered:" << m_tokenUrl;
                fetchToken();
            },
            m_timeoutMs, waitersLog());
        return;
    }
    fetchToken();
}

void OAuthTokenAuth::postForm(const QList<QPair<QString, QString>> &form,
                              const QByteArray &authorizationHeader)
{
    const QUrl url = m_tokenUrl;
    // Client secrets and assertions travel only encrypted, except to this machine.
    if (url.scheme() != "https"_L1 && !(url.scheme() == "http"_L1 && HttpClient::isLoopback(url))) {
        fail(Error::make(
            Error::Kind::Usage,
            //: %1 is a web address
            OAuthTokenAuth::tr("The token endpoint %1 does not use HTTPS; credentials are not sent "
                               "over an unencrypted connection.")
                .arg(url.toDisplayString())));
        return;
    }
    HttpCall call;
    call.method = "POST";
    call.url = url;
    call.headers = {{"Content-Type"_ba, "application/x-www-form-urlencoded"_ba},
                    {"Accept"_ba, "application/json"_ba}};
    if (!authorizationHeader.isEmpty())
        call.headers.append({"Authorization"_ba, authorizationHeader});
    call.body = formEncode(form);
    call.withAuth = false;
    call.timeoutMs = m_timeoutMs;
    call.maxBodyBytes = 1 << 20;
    // A redirect would resend the credentials to wherever it points: it is the answer.
    call.maxRedirects = 0;
    call.log = waitersLog();
    delete m_request;
    m_request = new QObject(this);
    m_http->send(call, m_request, [this, url](const HttpResponse &r) {
        m_request->deleteLater();
        m_request = nullptr;
        if (r.error.isError()) {
            fail(unreachable(url, r.error.message));
            return;
        }
        auto grant = TokenGrant::fromResponse(r.status, r.body, m_clock->now(), url);
        if (!grant.ok()) {
            fail(grant.error());
            return;
        }
        m_grant = grant.value();
        addSecret(m_grant.accessToken);
        ++m_tokensFetched;
        qCDebug(lcTokens).noquote() << "token obtained from" << url.toDisplayString()
                                    << "valid until" << m_grant.expiresAt.toString(Qt::ISODate);
        Q_EMIT tokenRenewed(m_grant.expiresAt);
        deliver(m_grant.accessToken, {});
    });
}

void OAuthTokenAuth::fail(const Error &error)
{
    Error e = error;
    e.message = redacted(e.message);
    e.detail = redacted(e.detail);
    qCWarning(lcTokens).noquote() << "token request failed:" << e.message << e.detail;
    Q_EMIT tokenFailed(e);
    deliver({}, e);
}

void OAuthTokenAuth::deliver(const QString &token, const Error &error)
{
    m_busy = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (!w.hadContext || w.context)
            w.callback(token, error);
    }
}

// ---------------------------------------------------------------------------------------------

ClientCredentialsAuth::ClientCredentialsAuth(HttpClient *http, const QUrl &base,
                                             const QUrl &tokenUrl, QString clientId,
                                             QString clientSecret, QString scope, Method method,
                                             QObject *parent)
    : OAuthTokenAuth(http, base, tokenUrl, std::move(scope), parent)
    , m_clientId(std::move(clientId))
    , m_clientSecret(std::move(clientSecret))
    , m_method(method)
{
    addSecret(m_clientSecret);
}

void ClientCredentialsAuth::fetchToken()
{
    QList<QPair<QString, QString>> form{{u"grant_type"_s, u"client_credentials"_s}};
    if (!scope().isEmpty())
        form.append({u"scope"_s, scope()});
    QByteArray authorization;
    if (m_method == Method::Basic) {
        // RFC 6749 2.3.1: both parts are form-encoded before they are joined and base64'd.
        const QByteArray pair =
            QUrl::toPercentEncoding(m_clientId) + ':' + QUrl::toPercentEncoding(m_clientSecret);
        authorization = "Basic " + pair.toBase64();
        addSecret(QString::fromLatin1(pair.toBase64()));
    } else {
        form.append({u"client_id"_s, m_clientId});
        form.append({u"client_secret"_s, m_clientSecret});
    }
    postForm(form, authorization);
}

// ---------------------------------------------------------------------------------------------

SmartBackendAuth::SmartBackendAuth(HttpClient *http, const QUrl &base, const QUrl &tokenUrl,
                                   QString clientId, jwt::Key key, QString kid, jwt::Algorithm alg,
                                   QString scope, QObject *parent)
    : OAuthTokenAuth(http, base, tokenUrl, std::move(scope), parent)
    , m_clientId(std::move(clientId))
    , m_key(std::move(key))
    , m_kid(std::move(kid))
    , m_alg(alg)
{}

Result<QByteArray> SmartBackendAuth::buildAssertion(const QString &clientId, const QUrl &tokenUrl,
                                                    const jwt::Key &key, const QString &kid,
                                                    jwt::Algorithm alg, const QDateTime &now)
{
    QJsonObject header{{u"typ"_s, u"JWT"_s}};
    if (!kid.isEmpty())
        header.insert(u"kid"_s, kid);
    const qint64 nowSecs = now.toSecsSinceEpoch();
    const QJsonObject claims{
        {u"iss"_s, clientId},
        {u"sub"_s, clientId},
        {u"aud"_s, tokenUrl.toString()},
        {u"exp"_s, nowSecs + kAssertionLifetimeSeconds},
        {u"iat"_s, nowSecs},
        {u"jti"_s, jwt::randomId()},
    };
    return jwt::sign(header, claims, key, alg);
}

void SmartBackendAuth::fetchToken()
{
    const QString kid = m_kid.isEmpty() ? m_key.thumbprint() : m_kid;
    auto assertion = buildAssertion(m_clientId, tokenUrl(), m_key, kid, m_alg, clock()->now());
    if (!assertion.ok()) {
        fail(assertion.error());
        return;
    }
    const QString text = QString::fromLatin1(assertion.value());
    addSecret(text);
    QList<QPair<QString, QString>> form{{u"grant_type"_s, u"client_credentials"_s}};
    if (!scope().isEmpty())
        form.append({u"scope"_s, scope()});
    form.append({u"client_assertion_type"_s, QLatin1String(kAssertionType)});
    form.append({u"client_assertion"_s, text});
    postForm(form);
}

} // namespace fbm
