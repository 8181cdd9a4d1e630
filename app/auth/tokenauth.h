#pragma once

#include "authprovider.h"
#include "clock.h"
#include "jwt.h"

#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;

namespace fbm {

class HttpClient;
class SecretStore;

/// An access token as the token endpoint granted it.
struct TokenGrant
{
    QString accessToken;
    QDateTime issuedAt;  ///< UTC, by our clock
    QDateTime expiresAt; ///< UTC; expires_in, or 300 s when the server leaves it out
    QString scope;
    QString refreshToken;

    /// Parses a token endpoint answer (RFC 6749 5.1 / 5.2). An error answer (400/401 with
    /// "error") becomes an Error::Kind::Auth whose message carries the server's error and
    /// error_description. token_type must be Bearer (compared case-insensitively).
    static Result<TokenGrant> fromResponse(int httpStatus, const QByteArray &body,
                                           const QDateTime &now, const QUrl &endpoint);
};

/// How long before expiry a token is renewed: 60 s, or 20 % of its lifetime for tokens that
/// live less than five minutes, so a 3-second token is used for 2.4 s rather than never.
[[nodiscard]] qint64 renewalMarginMs(qint64 lifetimeMs);

/// The machinery shared by the OAuth2 token providers: the in-memory cache, renewal shortly
/// before expiry, one token request shared by every caller that asks while it runs, token
/// endpoint discovery, and error reporting with every secret scrubbed. Token requests and
/// discovery go through an HttpClient like every other request (the profile's TLS trust,
/// proxies, address rules, error sentences), into the activity log of each job that waits for
/// the token.
class OAuthTokenAuth : public AuthProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthTokenAuth)
public:
    ~OAuthTokenAuth() override;

    void requestToken(bool forceRefresh, QObject *context, TokenCallback callback,
                      const ActivitySink &log = {}) override;
    [[nodiscard]] QStringList secrets() const override;

    void setClock(const Clock *clock) { m_clock = clock; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// The token endpoint; empty until discovered when none was configured.
    [[nodiscard]] QUrl tokenUrl() const { return m_tokenUrl; }
    [[nodiscard]] QString scope() const { return m_scope; }
    /// When the cached token expires (invalid when none is cached).
    [[nodiscard]] QDateTime tokenExpiry() const { return m_grant.expiresAt; }
    /// How many tokens this provider has obtained.
    [[nodiscard]] int tokensFetched() const { return m_tokensFetched; }
    /// The token endpoint \a url could not be reached (\a why: the network's sentence).
    [[nodiscard]] static Error unreachable(const QUrl &url, const QString &why);

Q_SIGNALS:
    void tokenRenewed(const QDateTime &expiresAt);
    void tokenFailed(const fbm::Error &error);

protected:
    /// tokenUrl empty: discovered from base's .well-known/smart-configuration on first use.
    /// \a http sends the token requests and the discovery (it must outlive this provider).
    OAuthTokenAuth(HttpClient *http, const QUrl &base, const QUrl &tokenUrl, QString scope,
                   QObject *parent);

    /// Send the token request to tokenUrl() (known by now) with postForm(), or fail(). Every
    /// secret it uses goes through addSecret() first.
    virtual void fetchToken() = 0;

    void postForm(const QList<QPair<QString, QString>> &form,
                  const QByteArray &authorizationHeader = {});
    void fail(const Error &error);
    void addSecret(const QString &secret);
    [[nodiscard]] const Clock *clock() const { return m_clock; }
    [[nodiscard]] QString redacted(QString text) const;

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        TokenCallback callback;
        ActivitySink log;
    };
    [[nodiscard]] bool cachedTokenUsable() const;
    void start();
    void deliver(const QString &token, const Error &error);
    /// Logs an exchange to every job waiting for this token.
    [[nodiscard]] ActivitySink waitersLog() const;

    QPointer<HttpClient> m_http;
    QUrl m_base;
    QUrl m_tokenUrl;
    QString m_scope;
    const Clock *m_clock = Clock::system();
    int m_timeoutMs = 30000;
    TokenGrant m_grant;
    QList<Waiter> m_waiters;
    bool m_busy = false;
    QObject *m_request = nullptr; ///< context of the request on its way; deleted to drop it
    QStringList m_secrets;
    int m_tokensFetched = 0;
};

/// OAuth2 client credentials with a client secret.
class ClientCredentialsAuth final : public OAuthTokenAuth
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientCredentialsAuth)
public:
    enum class Method
    {
        Basic, ///< client_secret_basic: HTTP Basic with the form-encoded id and secret
        Post,  ///< client_secret_post: client_id and client_secret in the body
    };

    ClientCredentialsAuth(HttpClient *http, const QUrl &base, const QUrl &tokenUrl,
                          QString clientId, QString clientSecret, QString scope, Method method,
                          QObject *parent = nullptr);

protected:
    void fetchToken() override;

private:
    QString m_clientId;
    QString m_clientSecret;
    Method m_method;
};

/// SMART Backend Services: a signed JWT assertion (RS384 or ES384) per token request.
class SmartBackendAuth final : public OAuthTokenAuth
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmartBackendAuth)
public:
    SmartBackendAuth(HttpClient *http, const QUrl &base, const QUrl &tokenUrl, QString clientId,
                     jwt::Key key, QString kid, jwt::Algorithm alg, QString scope,
                     QObject *parent = nullptr);

    /// The assertion: iss = sub = clientId, aud = the exact token endpoint, exp 4 minutes
    /// ahead (the limit is 5), a fresh jti; kid and typ JWT in the header.
    static Result<QByteArray> buildAssertion(const QString &clientId, const QUrl &tokenUrl,
                                             const jwt::Key &key, const QString &kid,
                                             jwt::Algorithm alg, const QDateTime &now);

protected:
    void fetchToken() override;

private:
    QString m_clientId;
    jwt::Key m_key;
    QString m_kid;
    jwt::Algorithm m_alg;
};

} // namespace fbm
