#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace fbm {
class Clock;
} // namespace fbm

namespace fbm::demo {

namespace http {
class Frontend;
struct Reply;
struct Request;
} // namespace http

/// An OAuth2 token endpoint for the tests and the demo mode, strict the way a real SMART
/// Backend Services server is: it verifies the client assertion's signature (RS384, ES384)
/// with the registered public key, its claims, its expiry and that its jti is fresh; it takes
/// client secrets by HTTP Basic or in the form body; and it issues random opaque tokens that
/// expire after a configurable (short) lifetime. A minimal authorization-code endpoint with
/// PKCE (S256) and refresh tokens stands in for an interactive login.
///
/// Paths: POST /auth/token, GET /auth/authorize, GET /fhir/.well-known/smart-configuration.
///
/// The signature check is written here against OpenSSL directly rather than through the
/// client's JWT code, so that a mistake in the client's encoding (DER instead of R||S, say)
/// makes the tests fail instead of agreeing with itself.
class TokenServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenServer)
public:
    explicit TokenServer(QObject *parent = nullptr);
    ~TokenServer() override;

    /// Listens on address (loopback by default) and port (0: any free port).
    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }
    /// http://127.0.0.1:<port>
    [[nodiscard]] QUrl url() const;
    /// The exact token endpoint URL, which is also the required assertion audience.
    [[nodiscard]] QUrl tokenUrl() const;
    [[nodiscard]] QUrl authorizeUrl() const;
    /// A FHIR base whose .well-known/smart-configuration this server answers.
    [[nodiscard]] QUrl fhirBase() const;

    /// A SMART Backend Services client. alg: "RS384" or "ES384".
    bool registerJwtClient(const QString &clientId, const QByteArray &publicKeyPem,
                           const QString &alg);
    /// A confidential client with a secret (client_secret_basic or client_secret_post).
    void registerSecretClient(const QString &clientId, const QByteArray &secret);
    /// A public client for the authorization-code flow (PKCE S256 required).
    void registerPublicClient(const QString &clientId);

    /// Lifetime of issued access tokens, in seconds (default 300).
    void setTokenLifetime(int seconds) { m_lifetimeSeconds = seconds; }
    /// Whether the token response carries expires_in (default true).
    void setSendExpiresIn(bool send) { m_sendExpiresIn = send; }
    /// The token_type sent (default "bearer", lower case as many servers do).
    void setTokenType(const QString &type) { m_tokenType = type; }
    /// What .well-known/smart-configuration gives as token_endpoint; default tokenUrl(). A
    /// relative value tests the client's resolution against the base.
    void setDiscoveredTokenEndpoint(const QString &endpoint) { m_discoveredEndpoint = endpoint; }
    /// Makes every issued access token invalid at once (a server restart, a revocation).
    void revokeAllTokens();
    /// The clock tokens and client assertions are judged by (tests move it); null: the system
    /// clock.
    void setClock(const Clock *clock);

    /// Whether token is one this server issued and that has not expired or been revoked.
    /// Fits the bulk server's token validator.
    [[nodiscard]] bool isValid(const QByteArray &token) const;

    [[nodiscard]] int tokensIssued() const { return m_tokensIssued; }
    [[nodiscard]] int tokenRequests() const { return m_tokenRequests; }
    [[nodiscard]] int refusedRequests() const { return m_refused; }
    [[nodiscard]] int discoveryRequests() const { return m_discoveryRequests; }
    /// The RFC 6749 error code of the last refused request ("invalid_client", ...).
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QString lastErrorDescription() const { return m_lastErrorDescription; }
    /// The form body of the last token request, for tests that check what the client sent.
    [[nodiscard]] QByteArray lastRequestBody() const { return m_lastBody; }
    [[nodiscard]] QByteArray lastAuthorizationHeader() const { return m_lastAuthorization; }

Q_SIGNALS:
    void tokenIssued(const QString &clientId);

private:
    struct Client
    {
        enum class Kind
        {
            Jwt,
            Secret,
            Public
        } kind = Kind::Secret;
        QByteArray secret;
        QByteArray publicKeyPem;
        QString alg;
    };
    struct PendingCode
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
    };

    void handle(const http::Request &request, QTcpSocket *socket);
    http::Reply handleToken(const http::Request &request);
    http::Reply handleAuthorize(const http::Request &request);
    http::Reply handleDiscovery();
    http::Reply refuse(int status, const QString &error, const QString &description,
                       bool basicChallenge = false);
    http::Reply issue(const QString &clientId, const QString &scope, bool withRefreshToken);
    /// Empty when assertion is acceptable for clientId, else the error_description.
    QString checkAssertion(const QByteArray &assertion, QString *clientId);

    std::unique_ptr<http::Frontend> m_frontend;
    const Clock *m_clock;
    quint16 m_port = 0;
    QHash<QString, Client> m_clients;
    QHash<QByteArray, QDateTime> m_tokens;   ///< access token -> expiry (UTC)
    QHash<QString, QString> m_refreshTokens; ///< refresh token -> client id
    QHash<QString, PendingCode> m_codes;
    QHash<QString, QDateTime> m_seenJti; ///< iss + jti -> the assertion's exp
    int m_lifetimeSeconds = 300;
    bool m_sendExpiresIn = true;
    QString m_tokenType = QStringLiteral("bearer");
    QString m_discoveredEndpoint;
    int m_tokensIssued = 0;
    int m_tokenRequests = 0;
    int m_refused = 0;
    int m_discoveryRequests = 0;
    QString m_lastError;
    QString m_lastErrorDescription;
    QByteArray m_lastBody;
    QByteArray m_lastAuthorization;
};

} // namespace fbm::demo
