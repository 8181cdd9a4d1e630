#include "interactivelogin.h"

#include "httpclient.h"
#include "logging.h"
#include "redact.h"
#include "secretstore.h"
#include "smartconfiguration.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {
constexpr qint64 kDefaultLifetimeSeconds = 300;
} // namespace

// ---------------------------------------------------------------------------------------------

/// Qt 6.4's reply handler drops a failed token request without a word (the flow would wait
/// forever): this one reports it.
class LoopbackReplyHandler final : public QOAuthHttpServerReplyHandler
{
public:
    LoopbackReplyHandler(quint16 port, QObject *parent)
        : QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), port, parent)
    {}
    std::function<void(int status, const QByteArray &body, const QString &why)> onFailure;

    void networkReplyFinished(QNetworkReply *reply) override
    {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
            if (onFailure)
                onFailure(status, reply->readAll(), reply->errorString());
            return;
        }
        QOAuthHttpServerReplyHandler::networkReplyFinished(reply);
    }
};

InteractiveLoginAuth::InteractiveLoginAuth(QNetworkAccessManager *nam, HttpClient *http,
                                           const QUrl &base, const QUrl &authorizationUrl,
                                           const QUrl &tokenUrl, QString clientId, QString scope,
                                           SecretStore *store, QString refreshTokenKey,
                                           QObject *parent)
    : AuthProvider(parent)
    , m_nam(nam)
    , m_http(http)
    , m_base(base)
    , m_authorizationUrl(authorizationUrl)
    , m_tokenUrl(tokenUrl)
    , m_clientId(std::move(clientId))
    , m_scope(std::move(scope))
    , m_store(store)
    , m_refreshTokenKey(std::move(refreshTokenKey))
{}

InteractiveLoginAuth::~InteractiveLoginAuth() = default;

QStringList InteractiveLoginAuth::secrets() const
{
    QStringList s;
    for (const QString &v : {m_token, m_refreshToken, m_codeVerifier}) {
        if (!v.isEmpty())
            s.append(v);
    }
    return s;
}

QString InteractiveLoginAuth::redacted(QString text) const
{
    return redactText(std::move(text), secrets());
}

void InteractiveLoginAuth::requestToken(bool forceRefresh, QObject *context, TokenCallback callback,
                                        const ActivitySink &)
{
    if (forceRefresh)
        m_token.clear();
    if (!m_busy && !m_token.isEmpty() &&
        m_clock->nowMs() <
            m_expiresAt.toMSecsSinceEpoch() - renewalMarginMs(m_issuedAt.msecsTo(m_expiresAt))) {
        callback(m_token, {});
        return;
    }
    m_waiters.append({context, context != nullptr, std::move(callback)});
    if (!m_busy) {
        m_busy = true;
        begin();
    }
}

void InteractiveLoginAuth::begin()
{
    delete m_attempt;
    m_attempt = new QObject(this);
    if (!m_refreshLoaded && m_store && !m_refreshTokenKey.isEmpty()) {
        m_store->read(m_refreshTokenKey, m_attempt,
                      [this](const QByteArray &value, bool found, const Error &error) {
                          m_refreshLoaded = true;
                          if (error)
                              qCWarning(lcTokens).noquote()
                                  << "refresh token not read:" << error.detail;
                          if (found)
                              m_refreshToken = QString::fromUtf8(value);
                          withEndpoints();
                      });
        return;
    }
    withEndpoints();
}

void InteractiveLoginAuth::withEndpoints()
{
    if (!m_authorizationUrl.isEmpty() && !m_tokenUrl.isEmpty()) {
        startFlow();
        return;
    }
    if (!m_http) {
        deliver({}, Error::make(Error::Kind::Cancelled, OAuthTokenAuth::tr("Stopped.")));
        return;
    }
    SmartConfiguration::discover(
        m_http, m_base, m_attempt, [this](const Result<SmartConfiguration> &config) {
            if (!config.ok()) {
                deliver({}, config.error());
                return;
            }
            if (m_tokenUrl.isEmpty())
                m_tokenUrl = config->tokenEndpoint;
            if (m_authorizationUrl.isEmpty())
                m_authorizationUrl = config->authorizationEndpoint;
            if (m_authorizationUrl.isEmpty()) {
                deliver({},
                        Error::make(Error::Kind::Protocol,
                                    QCoreApplication::translate("fbm::InteractiveLoginAuth",
                                                                "The server offers no sign-in page "
                                                                "(no authorization endpoint).")));
                return;
            }
            startFlow();
        });
}

void InteractiveLoginAuth::startFlow()
{
    // A fresh flow per attempt: after a failure Qt 6.4's flow can stay in "refreshing" and
    // refuse to start again.
    delete m_flow;
    delete m_handler;
    m_flow = new QOAuth2AuthorizationCodeFlow(m_nam, m_attempt);
    m_handler = new LoopbackReplyHandler(m_redirectPort, m_attempt);
    if (!m_handler->isListening()) {
        deliver({}, Error::make(Error::Kind::Network,
                                QCoreApplication::translate(
                                    "fbm::InteractiveLoginAuth",
                                    "The sign-in could not start: no local port for the "
                                    "browser's answer.")));
        return;
    }
    m_flow->setReplyHandler(m_handler);
    m_flow->setAuthorizationUrl(m_authorizationUrl);
    m_flow->setAccessTokenUrl(m_tokenUrl);
    m_flow->setClientIdentifier(m_clientId);
    m_flow->setScope(m_scope);
    m_handler->setCallbackText(QCoreApplication::translate(
        "fbm::InteractiveLoginAuth",
        "Signed in. You can close this page and return to FHIR Bulk Monitor."));

    QPointer<QOAuth2AuthorizationCodeFlow> flow = m_flow;
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this,
            &InteractiveLoginAuth::authorizeWithBrowser);
    connect(m_flow, &QAbstractOAuth::granted, this, &InteractiveLoginAuth::onGranted);
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString &error, const QString &description, const QUrl &) {
                deliver({}, Error::make(Error::Kind::Auth,
                                        //: %1 is an OAuth error code, %2 the server's text
                                        QCoreApplication::translate("fbm::InteractiveLoginAuth",
                                                                    "The sign-in failed: %1 (%2).")
                                            .arg(error, description)));
            });
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            [this](const QVariantMap &values) {
                // Qt checks state too, but only logs a mismatch: the attempt must end here.
                if (values.value(u"state"_s).toString() != m_state)
                    deliver({}, Error::make(Error::Kind::Auth,
                                            QCoreApplication::translate(
                                                "fbm::InteractiveLoginAuth",
                                                "The sign-in answer did not match the request "
                                                "(state mismatch); it was ignored."),
                                            u"state mismatch"_s));
            });
    m_handler->onFailure = [this](int status, const QByteArray &body, const QString &why) {
        if (m_refreshing) {
            // The refresh token is no longer good: forget it and ask the person to sign in.
            qCInfo(lcTokens) << "refresh failed, signing in again";
            m_refreshing = false;
            m_refreshToken.clear();
            if (m_store && !m_refreshTokenKey.isEmpty())
                m_store->remove(m_refreshTokenKey, this, [](const Error &) {});
            QTimer::singleShot(0, m_attempt, [this] { startFlow(); });
            return;
        }
        Error e = status == 0
                      ? OAuthTokenAuth::unreachable(m_tokenUrl, why)
                      : TokenGrant::fromResponse(status, body, m_clock->now(), m_tokenUrl).error();
        if (!e)
            e = Error::make(Error::Kind::Auth,
                            OAuthTokenAuth::tr("The token endpoint issued no token."));
        deliver({}, e);
    };

    if (!m_refreshToken.isEmpty()) {
        m_refreshing = true;
        m_flow->setRefreshToken(m_refreshToken);
        m_flow->refreshAccessToken();
        return;
    }
    login();
}

void InteractiveLoginAuth::login()
{
    m_refreshing = false;
    m_codeVerifier = jwt::randomId(32); // 43 characters, within RFC 7636's 43..128
    m_state = jwt::randomId();
    m_flow->setState(m_state);
    const QString challenge = QString::fromLatin1(jwt::base64UrlEncode(
        QCryptographicHash::hash(m_codeVerifier.toLatin1(), QCryptographicHash::Sha256)));
    const QString verifier = m_codeVerifier;
    // Qt 6.4 has no PKCE of its own.
    m_flow->setModifyParametersFunction(
        [challenge, verifier](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *params) {
            switch (stage) {
            case QAbstractOAuth::Stage::RequestingAuthorization:
                params->replace(u"code_challenge"_s, challenge);
                params->replace(u"code_challenge_method"_s, u"S256"_s);
                break;
            case QAbstractOAuth::Stage::RequestingAccessToken:
                params->replace(u"code_verifier"_s, verifier);
                break;
            default:
                break;
            }
        });
    QTimer::singleShot(m_loginTimeoutMs, m_attempt, [this] {
        deliver({}, Error::make(Error::Kind::Auth,
                                QCoreApplication::translate(
                                    "fbm::InteractiveLoginAuth",
                                    "The sign-in was not completed in time. Try again.")));
    });
    m_flow->grant();
}

void InteractiveLoginAuth::onGranted()
{
    m_refreshing = false;
    m_token = m_flow->token();
    m_issuedAt = m_clock->now();
    m_expiresAt = m_flow->expirationAt().isValid() ? m_flow->expirationAt().toUTC()
                                                   : m_issuedAt.addSecs(kDefaultLifetimeSeconds);
    const QString refresh = m_flow->refreshToken();
    if (!refresh.isEmpty() && refresh != m_refreshToken) {
        m_refreshToken = refresh;
        if (m_store && !m_refreshTokenKey.isEmpty()) {
            m_store->write(m_refreshTokenKey, refresh.toUtf8(), this, [](const Error &error) {
                if (error)
                    qCWarning(lcTokens).noquote() << "refresh token not saved:" << error.detail;
            });
        }
    }
    deliver(m_token, {});
}

void InteractiveLoginAuth::deliver(const QString &token, const Error &error)
{
    if (!m_busy)
        return; // a late signal from an attempt that has already ended
    m_busy = false;
    Error e = error;
    e.message = redacted(e.message);
    e.detail = redacted(e.detail);
    // The attempt's objects (flow, loopback server, timers) go once the signal that brought us
    // here has returned.
    if (m_attempt) {
        m_attempt->deleteLater();
        m_attempt = nullptr;
        m_flow = nullptr;
        m_handler = nullptr;
    }
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (!w.hadContext || w.context)
            w.callback(token, e);
    }
}

} // namespace fbm
