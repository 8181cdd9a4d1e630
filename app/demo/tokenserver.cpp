#include "tokenserver.h"
#include "logging.h"

#include "clock.h"
#include "http/frontend.h"
#include "http/wire.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace fbm::demo {

namespace {

constexpr auto kAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr qint64 kMaxAssertionAheadSeconds = 300;

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> unb64url(const QByteArray &text)
{
    auto r = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return std::nullopt;
    return *r;
}

QByteArray randomToken(int bytes)
{
    QByteArray buf(bytes, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(buf.data()), bytes);
    return b64url(buf);
}

/// application/x-www-form-urlencoded, where '+' is a space (QUrlQuery does not do that).
QHash<QString, QString> parseForm(const QByteArray &body)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray k = eq < 0 ? pair : pair.left(eq);
        QByteArray v = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        k.replace('+', ' ');
        v.replace('+', ' ');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(k)),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(v)));
    }
    return out;
}

/// Qt HttpServer's answers, which the clients met first: a JSON body, or none.
http::Reply jsonReply(const QJsonObject &body, int status = 200, HeaderList headers = {})
{
    headers.append({"Content-Type"_ba, "application/json"_ba});
    return {status, std::move(headers), QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

http::Reply emptyReply(int status, HeaderList headers = {})
{
    headers.append({"Content-Type"_ba, "application/x-empty"_ba});
    return {status, std::move(headers), {}};
}

/// Verifies a compact JWS signature with OpenSSL; alg "RS384" or "ES384".
bool verifySignature(const QByteArray &signingInput, const QByteArray &signature,
                     const QByteArray &publicKeyPem, const QString &alg)
{
    BIO *bio = BIO_new_mem_buf(publicKeyPem.constData(), int(publicKeyPem.size()));
    EVP_PKEY *pkey = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!pkey) {
        ERR_clear_error();
        return false;
    }
    QByteArray sig = signature;
    bool ok = true;
    if (alg == "ES384"_L1) {
        if (!EVP_PKEY_is_a(pkey, "EC") || sig.size() != 96) {
            ok = false;
        } else {
            const auto *in = reinterpret_cast<const unsigned char *>(sig.constData());
            ECDSA_SIG *es = ECDSA_SIG_new();
            BIGNUM *r = BN_bin2bn(in, 48, nullptr);
            BIGNUM *s = BN_bin2bn(in + 48, 48, nullptr);
            ECDSA_SIG_set0(es, r, s);
            unsigned char *der = nullptr;
            const int len = i2d_ECDSA_SIG(es, &der);
            sig = len > 0 ? QByteArray(reinterpret_cast<const char *>(der), len) : QByteArray();
            OPENSSL_free(der);
            ECDSA_SIG_free(es);
        }
    } else if (alg == "RS384"_L1) {
        ok = EVP_PKEY_is_a(pkey, "RSA");
    } else {
        ok = false;
    }
    if (ok) {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha384(), nullptr, pkey) == 1 &&
             EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(sig.constData()),
                              size_t(sig.size()),
                              reinterpret_cast<const unsigned char *>(signingInput.constData()),
                              size_t(signingInput.size())) == 1;
        EVP_MD_CTX_free(ctx);
    }
    ERR_clear_error();
    EVP_PKEY_free(pkey);
    return ok;
}

} // namespace

TokenServer::TokenServer(QObject *parent)
    : QObject(parent)
    , m_frontend(std::make_unique<http::Frontend>(
          [this](const http::Request &request, QTcpSocket *socket) { handle(request, socket); }))
    , m_clock(Clock::system())
{}

TokenServer::~TokenServer() = default;

bool TokenServer::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_frontend->listen(address, port);
    return m_port != 0;
}

void TokenServer::handle(const http::Request &request, QTcpSocket *socket)
{
    http::Reply reply;
    if (request.path == "/auth/token"_L1 && request.method == "POST")
        reply = handleToken(request);
    else if (request.path == "/auth/authorize"_L1 && request.method == "GET")
        reply = handleAuthorize(request);
    else if (request.path == "/fhir/.well-known/smart-configuration"_L1 && request.method == "GET")
        reply = handleDiscovery();
    else
        reply = emptyReply(404);
    http::write(socket, reply);
}

QUrl TokenServer::url() const
{
    return http::loopbackOrigin(m_port);
}

QUrl TokenServer::tokenUrl() const
{
    QUrl u = url();
    u.setPath(u"/auth/token"_s);
    return u;
}

QUrl TokenServer::authorizeUrl() const
{
    QUrl u = url();
    u.setPath(u"/auth/authorize"_s);
    return u;
}

QUrl TokenServer::fhirBase() const
{
    QUrl u = url();
    u.setPath(u"/fhir"_s);
    return u;
}

bool TokenServer::registerJwtClient(const QString &clientId, const QByteArray &publicKeyPem,
                                    const QString &alg)
{
    if (alg != "RS384"_L1 && alg != "ES384"_L1)
        return false;
    Client c;
    c.kind = Client::Kind::Jwt;
    c.publicKeyPem = publicKeyPem;
    c.alg = alg;
    m_clients.insert(clientId, c);
    return true;
}

void TokenServer::registerSecretClient(const QString &clientId, const QByteArray &secret)
{
    Client c;
    c.kind = Client::Kind::Secret;
    c.secret = secret;
    m_clients.insert(clientId, c);
}

void TokenServer::registerPublicClient(const QString &clientId)
{
    Client c;
    c.kind = Client::Kind::Public;
    m_clients.insert(clientId, c);
}

void TokenServer::revokeAllTokens()
{
    m_tokens.clear();
}

void TokenServer::setClock(const Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

bool TokenServer::isValid(const QByteArray &token) const
{
    const auto it = m_tokens.constFind(token);
    return it != m_tokens.constEnd() && m_clock->now() < it.value();
}

http::Reply TokenServer::refuse(int status, const QString &error, const QString &description,
                                bool basicChallenge)
{
    ++m_refused;
    m_lastError = error;
    m_lastErrorDescription = description;
    qCDebug(fbm::lcDemoToken) << "refused:" << error << description;
    HeaderList headers;
    if (basicChallenge)
        headers.append({"WWW-Authenticate"_ba, "Basic realm=\"token\""_ba});
    headers.append({"Cache-Control"_ba, "no-store"_ba});
    return jsonReply(QJsonObject{{u"error"_s, error}, {u"error_description"_s, description}},
                     status, headers);
}

http::Reply TokenServer::issue(const QString &clientId, const QString &scope, bool withRefreshToken)
{
    const QByteArray token = randomToken(32);
    m_tokens.insert(token, m_clock->now().addSecs(m_lifetimeSeconds));
    ++m_tokensIssued;
    QJsonObject body{{u"access_token"_s, QString::fromLatin1(token)},
                     {u"token_type"_s, m_tokenType}};
    if (m_sendExpiresIn)
        body.insert(u"expires_in"_s, m_lifetimeSeconds);
    if (!scope.isEmpty())
        body.insert(u"scope"_s, scope);
    if (withRefreshToken) {
        const QString refresh = QString::fromLatin1(randomToken(32));
        m_refreshTokens.insert(refresh, clientId);
        body.insert(u"refresh_token"_s, refresh);
    }
    Q_EMIT tokenIssued(clientId);
    return jsonReply(body, 200, {{"Cache-Control", "no-store"}});
}

QString TokenServer::checkAssertion(const QByteArray &assertion, QString *clientId)
{
    const QList<QByteArray> parts = assertion.split('.');
    if (parts.size() != 3)
        return u"client_assertion is not a compact JWS"_s;
    const auto headerJson = unb64url(parts[0]);
    const auto claimsJson = unb64url(parts[1]);
    const auto signature = unb64url(parts[2]);
    if (!headerJson || !claimsJson || !signature)
        return u"client_assertion is not base64url"_s;
    const QJsonObject header = QJsonDocument::fromJson(*headerJson).object();
    const QJsonObject claims = QJsonDocument::fromJson(*claimsJson).object();
    const QString iss = claims.value(u"iss"_s).toString();
    *clientId = iss;
    const auto client = m_clients.constFind(iss);
    if (iss.isEmpty() || client == m_clients.constEnd() || client->kind != Client::Kind::Jwt)
        return u"unknown client"_s;
    if (header.value(u"alg"_s).toString() != client->alg)
        return u"alg does not match the registered key"_s;
    if (header.value(u"typ"_s).toString() != "JWT"_L1)
        return u"typ must be JWT"_s;
    if (header.value(u"kid"_s).toString().isEmpty())
        return u"kid is missing"_s;
    if (!verifySignature(parts[0] + '.' + parts[1], *signature, client->publicKeyPem, client->alg))
        return u"signature verification failed"_s;
    if (claims.value(u"sub"_s).toString() != iss)
        return u"sub must equal iss"_s;
    const QJsonValue aud = claims.value(u"aud"_s);
    if (aud.toString() != tokenUrl().toString())
        return u"aud must be the token endpoint"_s;
    const QJsonValue expValue = claims.value(u"exp"_s);
    if (!expValue.isDouble())
        return u"exp is missing"_s;
    const qint64 exp = qint64(expValue.toDouble());
    const qint64 now = m_clock->nowMs() / 1000;
    if (exp <= now)
        return u"the assertion has expired"_s;
    if (exp > now + kMaxAssertionAheadSeconds)
        return u"exp is more than five minutes ahead"_s;
    const QString jti = claims.value(u"jti"_s).toString();
    if (jti.isEmpty())
        return u"jti is missing"_s;
    // Forget the jti values whose assertions have expired: they cannot be replayed anyway.
    const QDateTime nowDt = m_clock->now();
    m_seenJti.removeIf([&](const auto &it) { return it.value() < nowDt; });
    const QString key = iss + u'\n' + jti;
    if (m_seenJti.contains(key))
        return u"jti has been used before"_s;
    m_seenJti.insert(key, QDateTime::fromSecsSinceEpoch(exp, Qt::UTC));
    return {};
}

http::Reply TokenServer::handleToken(const http::Request &request)
{
    ++m_tokenRequests;
    m_lastBody = request.body;
    m_lastAuthorization = request.header("Authorization");
    if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
        return refuse(400, u"invalid_request"_s,
                      u"the body must be application/x-www-form-urlencoded"_s);
    const QHash<QString, QString> form = parseForm(request.body);
    const QString grant = form.value(u"grant_type"_s);
    const QString scope = form.value(u"scope"_s);

    // Client authentication: HTTP Basic (RFC 6749 2.3.1: both parts form-encoded first),
    // or client_id + client_secret in the body.
    QString basicId;
    QByteArray basicSecret;
    const QByteArray authorization = m_lastAuthorization;
    if (authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0)
            return refuse(401, u"invalid_client"_s, u"malformed Basic credentials"_s, true);
        basicId = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.left(colon)));
        basicSecret = QByteArray::fromPercentEncoding(decoded.mid(colon + 1));
    }

    if (grant == "client_credentials"_L1) {
        if (form.contains(u"client_assertion"_s)) {
            if (form.value(u"client_assertion_type"_s) != QLatin1String(kAssertionType))
                return refuse(400, u"invalid_request"_s, u"unsupported client_assertion_type"_s);
            QString clientId;
            const QString why =
                checkAssertion(form.value(u"client_assertion"_s).toLatin1(), &clientId);
            if (!why.isEmpty())
                return refuse(401, u"invalid_client"_s, why);
            return issue(clientId, scope, false);
        }
        const QString clientId = basicId.isEmpty() ? form.value(u"client_id"_s) : basicId;
        const QByteArray secret =
            basicId.isEmpty() ? form.value(u"client_secret"_s).toUtf8() : basicSecret;
        const auto client = m_clients.constFind(clientId);
        if (client == m_clients.constEnd() || client->kind != Client::Kind::Secret ||
            secret.isEmpty() || secret != client->secret)
            return refuse(401, u"invalid_client"_s, u"client authentication failed"_s,
                          !basicId.isEmpty());
        return issue(clientId, scope, false);
    }

    if (grant == "authorization_code"_L1) {
        const QString code = form.value(u"code"_s);
        const auto pending = m_codes.constFind(code);
        if (pending == m_codes.constEnd())
            return refuse(400, u"invalid_grant"_s, u"unknown or used authorization code"_s);
        const PendingCode p = pending.value();
        m_codes.remove(code); // a code is good for one exchange only
        if (form.value(u"client_id"_s) != p.clientId)
            return refuse(400, u"invalid_grant"_s, u"the code was issued to another client"_s);
        if (form.value(u"redirect_uri"_s) != p.redirectUri)
            return refuse(400, u"invalid_grant"_s, u"redirect_uri does not match"_s);
        const QByteArray verifier = form.value(u"code_verifier"_s).toLatin1();
        const QString expected = QString::fromLatin1(
            b64url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)));
        if (verifier.isEmpty() || expected != p.challenge)
            return refuse(400, u"invalid_grant"_s, u"PKCE verification failed"_s);
        return issue(p.clientId, p.scope, true);
    }

    if (grant == "refresh_token"_L1) {
        const QString refresh = form.value(u"refresh_token"_s);
        const auto owner = m_refreshTokens.constFind(refresh);
        if (owner == m_refreshTokens.constEnd())
            return refuse(400, u"invalid_grant"_s, u"unknown refresh token"_s);
        const QString clientId = owner.value();
        m_refreshTokens.remove(refresh); // rotate, as careful servers do
        return issue(clientId, scope, true);
    }

    return refuse(400, u"unsupported_grant_type"_s, u"grant_type is not supported"_s);
}

http::Reply TokenServer::handleAuthorize(const http::Request &request)
{
    // Stands in for the page where a person signs in and approves: it approves at once.
    const QUrlQuery &q = request.query;
    const QString clientId = q.queryItemValue(u"client_id"_s, QUrl::FullyDecoded);
    const QString redirectUri = q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded);
    const QString state = q.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    const auto client = m_clients.constFind(clientId);
    if (client == m_clients.constEnd() || client->kind != Client::Kind::Public)
        return refuse(400, u"unauthorized_client"_s, u"unknown client"_s);
    if (q.queryItemValue(u"response_type"_s) != "code"_L1)
        return refuse(400, u"unsupported_response_type"_s, u"response_type must be code"_s);
    if (q.queryItemValue(u"code_challenge_method"_s) != "S256"_L1)
        return refuse(400, u"invalid_request"_s, u"PKCE with S256 is required"_s);
    const QUrl redirect(redirectUri);
    if (!redirect.isValid() || redirect.host() != "127.0.0.1"_L1)
        return refuse(400, u"invalid_request"_s, u"redirect_uri must be a loopback address"_s);

    PendingCode p;
    p.clientId = clientId;
    p.redirectUri = redirectUri;
    p.challenge = q.queryItemValue(u"code_challenge"_s, QUrl::FullyDecoded);
    p.scope = q.queryItemValue(u"scope"_s, QUrl::FullyDecoded);
    const QString code = QString::fromLatin1(randomToken(16));
    m_codes.insert(code, p);

    QUrl target = redirect;
    QUrlQuery back(target);
    back.addQueryItem(u"code"_s, code);
    back.addQueryItem(u"state"_s, state);
    target.setQuery(back);
    return emptyReply(302, {{"Location", target.toEncoded()}});
}

http::Reply TokenServer::handleDiscovery()
{
    ++m_discoveryRequests;
    const QString endpoint =
        m_discoveredEndpoint.isEmpty() ? tokenUrl().toString() : m_discoveredEndpoint;
    const QJsonObject config{
        {u"token_endpoint"_s, endpoint},
        {u"authorization_endpoint"_s, authorizeUrl().toString()},
        {u"grant_types_supported"_s,
         QJsonArray{u"client_credentials"_s, u"authorization_code"_s, u"refresh_token"_s}},
        {u"token_endpoint_auth_methods_supported"_s,
         QJsonArray{u"private_key_jwt"_s, u"client_secret_basic"_s, u"client_secret_post"_s}},
        {u"token_endpoint_auth_signing_alg_values_supported"_s, QJsonArray{u"RS384"_s, u"ES384"_s}},
        {u"scopes_supported"_s, QJsonArray{u"system/*.read"_s, u"system/*.rs"_s}},
        {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}},
        {u"capabilities"_s, QJsonArray{u"client-confidential-asymmetric"_s}},
    };
    return jsonReply(config);
}

} // namespace fbm::demo
