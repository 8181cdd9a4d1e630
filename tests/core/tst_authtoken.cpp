#include "auth/interactivelogin.h"
#include "auth/jwt.h"
#include "auth/secretstore.h"
#include "auth/tokenauth.h"
#include "demo/bulkserver.h"
#include "demo/tokenserver.h"
#include "exportfixture.h"
#include "httpclient.h"
#include "manualclock.h"
#include "smartconfiguration.h"
#include "waitfor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace fbm;
using jwt::Algorithm;
using test::sendAndWait;

Q_DECLARE_METATYPE(fbm::jwt::Algorithm)
Q_DECLARE_METATYPE(fbm::ClientCredentialsAuth::Method)

namespace {

// Everything any log category prints during the test, to prove no secret reaches a log.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (type != QtDebugMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

struct TokenResult
{
    QString token;
    Error error;
    bool done = false;
};

/// Asks provider for a token and waits for the answer.
TokenResult fetch(AuthProvider *provider, bool force = false)
{
    return test::waitForCallback<TokenResult>([&](QObject *context, auto deliver) {
               provider->requestToken(force, context,
                                      [deliver](const QString &token, const Error &error) {
                                          deliver({token, error, true});
                                      });
           })
        .value_or(TokenResult{});
}

HttpCall call(const QUrl &url, QByteArray accept = "application/fhir+json"_ba)
{
    HttpCall c;
    c.url = url;
    c.headers = {{"Accept"_ba, accept}, {"Prefer"_ba, "respond-async"_ba}};
    return c;
}

QUrl child(const QUrl &base, const QString &path)
{
    QUrl u = base;
    u.setPath(base.path() + u'/' + path);
    return u;
}

} // namespace

class TestAuthToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void renewalMargin_data();
    void renewalMargin();
    void tokenResponse_data();
    void tokenResponse();
    void resolveEndpoint_data();
    void resolveEndpoint();

    void clientCredentials_data();
    void clientCredentials();
    void smartBackend_data();
    void smartBackend();
    void assertionClaims_data();
    void assertionClaims();
    void cachedAndShared();
    void forceRefresh();
    void invalidClient();
    void wrongKeyRefused();
    void discoveryFailure();
    void insecureTokenEndpointRefused();
    void exportOutlivesSeveralTokens();
    void jobManagerExportOutlivesSeveralTokens();
    void unauthorizedRenewsOnceAndRepeats();
    void staticTokenUnauthorizedIsFinal();
    void interactiveLogin();
    void tokenServerChecks_data();
    void tokenServerChecks();
    void expiredTokensRejected();
    void missingExpiresInMeansFiveMinutes();
    void noSecretInAnyLog();

private:
    QNetworkAccessManager m_nam;
    /// The token requests' and discovery's door (its base: this computer, where the test
    /// servers are).
    HttpClient m_http{QUrl(QStringLiteral("http://127.0.0.1/"))};
    jwt::Key m_rsa;
    jwt::Key m_ec;
    QStringList m_secretsSeen; ///< every secret the tests handled, checked against the log
};

void TestAuthToken::initTestCase()
{
    QLoggingCategory::setFilterRules(u"fbm.*=true"_s);
    g_previousHandler = qInstallMessageHandler(captureMessages);
    auto rsa = jwt::Key::generate(Algorithm::RS384);
    auto ec = jwt::Key::generate(Algorithm::ES384);
    QVERIFY(rsa.ok() && ec.ok());
    m_rsa = rsa.value();
    m_ec = ec.value();
    m_secretsSeen << QString::fromLatin1(m_rsa.privatePem())
                  << QString::fromLatin1(m_ec.privatePem());
}

void TestAuthToken::init()
{
    m_nam.clearAccessCache();
}

void TestAuthToken::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestAuthToken::renewalMargin_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("margin");
    QTest::newRow("one hour: a minute") << qint64(3600000) << qint64(60000);
    QTest::newRow("five minutes: a minute") << qint64(300000) << qint64(60000);
    QTest::newRow("two minutes: 20 %") << qint64(120000) << qint64(24000);
    QTest::newRow("three seconds: 20 %") << qint64(3000) << qint64(600);
    QTest::newRow("zero") << qint64(0) << qint64(0);
}

void TestAuthToken::renewalMargin()
{
    QFETCH(qint64, lifetime);
    QFETCH(qint64, margin);
    QCOMPARE(renewalMarginMs(lifetime), margin);
}

void TestAuthToken::tokenResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("expiresIn");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("messagePart");

    const int none = int(Error::Kind::None);
    QTest::newRow("bearer") << 200
                            << R"({"access_token":"t","token_type":"bearer","expires_in":60})"_ba
                            << true << 60 << none << QString();
    QTest::newRow("Bearer any case")
        << 200 << R"({"access_token":"t","token_type":"BeArEr","expires_in":"90"})"_ba << true << 90
        << none << QString();
    QTest::newRow("missing expires_in = 300 s")
        << 200 << R"({"access_token":"t","token_type":"Bearer"})"_ba << true << 300 << none
        << QString();
    QTest::newRow("mac refused") << 200 << R"({"access_token":"t","token_type":"mac"})"_ba << false
                                 << 0 << int(Error::Kind::Protocol) << u"mac"_s;
    QTest::newRow("no token") << 200 << R"({"token_type":"bearer"})"_ba << false << 0
                              << int(Error::Kind::Protocol) << QString();
    QTest::newRow("400 invalid_scope")
        << 400
        << R"({"error":"invalid_scope","error_description":"system/Foo.read is not allowed"})"_ba
        << false << 0 << int(Error::Kind::Auth)
        << u"invalid_scope (system/Foo.read is not allowed)"_s;
    QTest::newRow("401 invalid_client") << 401 << R"({"error":"invalid_client"})"_ba << false << 0
                                        << int(Error::Kind::Auth) << u"invalid_client"_s;
    QTest::newRow("503 no body") << 503 << QByteArray() << false << 0 << int(Error::Kind::Http)
                                 << u"503"_s;
    QTest::newRow("403 html") << 403 << "<html>no</html>"_ba << false << 0 << int(Error::Kind::Auth)
                              << u"403"_s;
}

void TestAuthToken::tokenResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(int, expiresIn);
    QFETCH(int, kind);
    QFETCH(QString, messagePart);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    const auto r = TokenGrant::fromResponse(status, body, now, QUrl(u"https://as.example/token"_s));
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QCOMPARE(r->accessToken, u"t"_s);
        QCOMPARE(r->issuedAt.secsTo(r->expiresAt), qint64(expiresIn));
    } else {
        QCOMPARE(int(r.error().kind), kind);
        QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
        QCOMPARE(r.error().httpStatus, status);
    }
}

void TestAuthToken::resolveEndpoint_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("expected");
    QTest::newRow("absolute") << u"https://h/fhir"_s << u"https://auth.h/token"_s
                              << u"https://auth.h/token"_s;
    QTest::newRow("root-relative")
        << u"https://h/fhir"_s << u"/auth/token"_s << u"https://h/auth/token"_s;
    QTest::newRow("relative to the base folder")
        << u"https://h/fhir"_s << u"auth/token"_s << u"https://h/fhir/auth/token"_s;
    QTest::newRow("trailing slash base")
        << u"https://h/fhir/"_s << u"token"_s << u"https://h/fhir/token"_s;
    QTest::newRow("dot-dot") << u"https://h/r4/fhir"_s << u"../token"_s << u"https://h/r4/token"_s;
}

void TestAuthToken::resolveEndpoint()
{
    QFETCH(QString, base);
    QFETCH(QString, endpoint);
    QFETCH(QString, expected);
    QCOMPARE(SmartConfiguration::resolveEndpoint(QUrl(base), endpoint), QUrl(expected));
    QCOMPARE(SmartConfiguration::wellKnownUrl(QUrl(u"https://h/fhir"_s)),
             QUrl(u"https://h/fhir/.well-known/smart-configuration"_s));
}

void TestAuthToken::clientCredentials_data()
{
    QTest::addColumn<ClientCredentialsAuth::Method>("method");
    QTest::addColumn<QString>("secret");
    QTest::newRow("client_secret_basic")
        << ClientCredentialsAuth::Method::Basic << u"s3cr:et+/=&%"_s;
    QTest::newRow("client_secret_post")
        << ClientCredentialsAuth::Method::Post << u"p0st s3cret&x=1"_s;
}

void TestAuthToken::clientCredentials()
{
    QFETCH(ClientCredentialsAuth::Method, method);
    QFETCH(QString, secret);
    m_secretsSeen << secret;
    demo::TokenServer server;
    QVERIFY(server.listen());
    server.registerSecretClient(u"app:one"_s, secret.toUtf8());

    ClientCredentialsAuth auth(&m_http, server.fhirBase(), server.tokenUrl(), u"app:one"_s, secret,
                               u"system/*.read"_s, method);
    const TokenResult r = fetch(&auth);
    QVERIFY2(!r.error, qPrintable(r.error.message));
    QVERIFY(server.isValid(r.token.toLatin1()));
    m_secretsSeen << r.token;
    QCOMPARE(server.tokensIssued(), 1);
    QCOMPARE(server.discoveryRequests(), 0);
    const QByteArray body = server.lastRequestBody();
    QVERIFY(body.contains("grant_type=client_credentials"));
    QVERIFY(body.contains("scope=system%2F%2A.read"));
    if (method == ClientCredentialsAuth::Method::Basic) {
        QVERIFY(server.lastAuthorizationHeader().startsWith("Basic "));
        QVERIFY(!body.contains("client_secret"));
    } else {
        QVERIFY(server.lastAuthorizationHeader().isEmpty());
        QVERIFY(body.contains("client_secret="));
    }
    QVERIFY(auth.secrets().contains(secret));
    QVERIFY(auth.secrets().contains(r.token));
}

void TestAuthToken::smartBackend_data()
{
    QTest::addColumn<Algorithm>("alg");
    QTest::addColumn<QString>("discovered");
    QTest::newRow("RS384, absolute endpoint") << Algorithm::RS384 << QString();
    QTest::newRow("ES384, absolute endpoint") << Algorithm::ES384 << QString();
    QTest::newRow("RS384, root-relative endpoint") << Algorithm::RS384 << u"/auth/token"_s;
    QTest::newRow("ES384, dot-relative endpoint") << Algorithm::ES384 << u"../auth/token"_s;
}

void TestAuthToken::smartBackend()
{
    QFETCH(Algorithm, alg);
    QFETCH(QString, discovered);
    const jwt::Key &key = alg == Algorithm::RS384 ? m_rsa : m_ec;
    demo::TokenServer server;
    QVERIFY(server.listen());
    QVERIFY(server.registerJwtClient(u"backend-1"_s, key.publicPem(), jwt::algorithmName(alg)));
    server.setDiscoveredTokenEndpoint(discovered);

    // No token URL: it is discovered from the base's .well-known/smart-configuration.
    SmartBackendAuth auth(&m_http, server.fhirBase(), {}, u"backend-1"_s, key, u"kid-1"_s, alg,
                          u"system/*.read"_s);
    const TokenResult r = fetch(&auth);
    QVERIFY2(!r.error, qPrintable(r.error.message + u" / "_s + server.lastErrorDescription()));
    QVERIFY(server.isValid(r.token.toLatin1()));
    m_secretsSeen << r.token;
    QCOMPARE(server.discoveryRequests(), 1);
    QCOMPARE(auth.tokenUrl(), server.tokenUrl());

    const auto form = QUrlQuery(QString::fromLatin1(server.lastRequestBody()));
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"client_credentials"_s);
    QCOMPARE(form.queryItemValue(u"client_assertion_type"_s, QUrl::FullyDecoded),
             u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
    QCOMPARE(form.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"system/*.read"_s);
    const QString assertion = form.queryItemValue(u"client_assertion"_s, QUrl::FullyDecoded);
    QVERIFY(jwt::verify(assertion.toLatin1(), key, alg).ok());
    QVERIFY(auth.secrets().contains(assertion));
    m_secretsSeen << assertion;

    // A second token (forced) needs a new assertion (fresh jti) and no second discovery.
    const TokenResult again = fetch(&auth, true);
    QVERIFY2(!again.error, qPrintable(again.error.message));
    QVERIFY(again.token != r.token);
    QCOMPARE(server.discoveryRequests(), 1);
    QCOMPARE(server.tokensIssued(), 2);
}

void TestAuthToken::assertionClaims_data()
{
    smartBackend_data();
}

void TestAuthToken::assertionClaims()
{
    QFETCH(Algorithm, alg);
    const jwt::Key &key = alg == Algorithm::RS384 ? m_rsa : m_ec;
    const QUrl tokenUrl(u"https://auth.example.org/oauth2/token?x=1"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto a = SmartBackendAuth::buildAssertion(u"cid"_s, tokenUrl, key, u"k9"_s, alg, now);
    const auto b = SmartBackendAuth::buildAssertion(u"cid"_s, tokenUrl, key, u"k9"_s, alg, now);
    QVERIFY(a.ok() && b.ok());
    const auto da = jwt::verify(a.value(), key, alg);
    const auto db = jwt::verify(b.value(), key, alg);
    QVERIFY(da.ok() && db.ok());
    QCOMPARE(da->header.value(u"kid"_s).toString(), u"k9"_s);
    QCOMPARE(da->header.value(u"typ"_s).toString(), u"JWT"_s);
    QCOMPARE(da->header.value(u"alg"_s).toString(), jwt::algorithmName(alg));
    QCOMPARE(da->claims.value(u"iss"_s).toString(), u"cid"_s);
    QCOMPARE(da->claims.value(u"sub"_s).toString(), u"cid"_s);
    QCOMPARE(da->claims.value(u"aud"_s).toString(), tokenUrl.toString());
    const qint64 exp = qint64(da->claims.value(u"exp"_s).toDouble());
    QVERIFY(exp > now.toSecsSinceEpoch());
    QVERIFY(exp <= now.toSecsSinceEpoch() + 300);
    QVERIFY(!da->claims.value(u"jti"_s).toString().isEmpty());
    QVERIFY(da->claims.value(u"jti"_s) != db->claims.value(u"jti"_s));
}

void TestAuthToken::cachedAndShared()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    server.registerSecretClient(u"c"_s, "secret-cached"_ba);
    m_secretsSeen << u"secret-cached"_s;
    ClientCredentialsAuth auth(&m_http, {}, server.tokenUrl(), u"c"_s, u"secret-cached"_s, {},
                               ClientCredentialsAuth::Method::Basic);

    // Five callers at once: one token request, one token for all.
    QStringList tokens;
    QObject context;
    for (int i = 0; i < 5; ++i)
        auth.requestToken(false, &context,
                          [&tokens](const QString &t, const Error &) { tokens.append(t); });
    QTRY_COMPARE(tokens.size(), 5);
    QCOMPARE(server.tokenRequests(), 1);
    for (const QString &t : std::as_const(tokens))
        QCOMPARE(t, tokens.first());

    // Cached: the next caller gets it without a request.
    const TokenResult again = fetch(&auth);
    QCOMPARE(again.token, tokens.first());
    QCOMPARE(server.tokenRequests(), 1);

    // A caller whose context dies before the answer is not called back.
    bool called = false;
    {
        QObject shortLived;
        auth.requestToken(true, &shortLived,
                          [&called](const QString &, const Error &) { called = true; });
    }
    QTRY_COMPARE(server.tokenRequests(), 2);
    const TokenResult third = fetch(&auth);
    QVERIFY(!third.token.isEmpty());
    QVERIFY(!called);
}

void TestAuthToken::forceRefresh()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    server.registerSecretClient(u"c"_s, "secret-force"_ba);
    m_secretsSeen << u"secret-force"_s;
    ClientCredentialsAuth auth(&m_http, {}, server.tokenUrl(), u"c"_s, u"secret-force"_s, {},
                               ClientCredentialsAuth::Method::Post);
    const TokenResult a = fetch(&auth);
    const TokenResult b = fetch(&auth, true);
    QVERIFY(!a.token.isEmpty() && !b.token.isEmpty());
    QVERIFY(a.token != b.token);
    QCOMPARE(auth.tokensFetched(), 2);
}

void TestAuthToken::invalidClient()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    server.registerSecretClient(u"c"_s, "the-right-secret"_ba);
    const QString wrong = u"the-WRONG-secret-123"_s;
    m_secretsSeen << wrong << u"the-right-secret"_s;
    for (auto method :
         {ClientCredentialsAuth::Method::Basic, ClientCredentialsAuth::Method::Post}) {
        ClientCredentialsAuth auth(&m_http, {}, server.tokenUrl(), u"c"_s, wrong, {}, method);
        QSignalSpy failed(&auth, &OAuthTokenAuth::tokenFailed);
        const TokenResult r = fetch(&auth);
        QVERIFY(r.done);
        QVERIFY(r.token.isEmpty());
        QCOMPARE(r.error.kind, Error::Kind::Auth);
        QCOMPARE(r.error.httpStatus, 401);
        QVERIFY2(r.error.message.contains(u"invalid_client"_s), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(u"client authentication failed"_s),
                 qPrintable(r.error.message));
        QVERIFY(!r.error.message.contains(wrong));
        QVERIFY(!r.error.detail.contains(wrong));
        QCOMPARE(failed.size(), 1);
    }
}

void TestAuthToken::wrongKeyRefused()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    // Registered with the EC key, signs with another EC key: the signature check must catch it.
    QVERIFY(server.registerJwtClient(u"b"_s, m_ec.publicPem(), u"ES384"_s));
    const auto other = jwt::Key::generate(Algorithm::ES384);
    QVERIFY(other.ok());
    SmartBackendAuth auth(&m_http, {}, server.tokenUrl(), u"b"_s, other.value(), u"k"_s,
                          Algorithm::ES384, u"system/*.read"_s);
    const TokenResult r = fetch(&auth);
    QCOMPARE(r.error.kind, Error::Kind::Auth);
    QVERIFY2(r.error.message.contains(u"invalid_client"_s), qPrintable(r.error.message));
    QCOMPARE(server.lastErrorDescription(), u"signature verification failed"_s);
    QCOMPARE(server.tokensIssued(), 0);

    // The right key, but the audience is not the token endpoint.
    SmartBackendAuth wrongAud(&m_http, {}, server.tokenUrl(), u"b"_s, m_ec, u"k"_s,
                              Algorithm::ES384, {});
    const auto assertion =
        SmartBackendAuth::buildAssertion(u"b"_s, QUrl(u"https://elsewhere/token"_s), m_ec, u"k"_s,
                                         Algorithm::ES384, QDateTime::currentDateTimeUtc());
    QVERIFY(assertion.ok());
    QNetworkRequest req(server.tokenUrl());
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    QNetworkReply *reply = m_nam.post(
        req,
        "grant_type=client_credentials&client_assertion_type=" +
            QUrl::toPercentEncoding(u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s) +
            "&client_assertion=" + assertion.value());
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(server.lastErrorDescription(), u"aud must be the token endpoint"_s);
    reply->deleteLater();
}

void TestAuthToken::discoveryFailure()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    QUrl base = server.url();
    base.setPath(u"/nothing-here"_s);
    SmartBackendAuth auth(&m_http, base, {}, u"b"_s, m_rsa, u"k"_s, Algorithm::RS384, {});
    const TokenResult r = fetch(&auth);
    QCOMPARE(r.error.kind, Error::Kind::Http);
    QCOMPARE(r.error.httpStatus, 404);
    QVERIFY(r.error.message.contains(u"token URL"_s));
}

void TestAuthToken::insecureTokenEndpointRefused()
{
    ClientCredentialsAuth auth(&m_http, {}, QUrl(u"http://auth.example.invalid/token"_s), u"c"_s,
                               u"never-sent-secret"_s, {}, ClientCredentialsAuth::Method::Post);
    m_secretsSeen << u"never-sent-secret"_s;
    const TokenResult r = fetch(&auth);
    QCOMPARE(r.error.kind, Error::Kind::Usage);
    QVERIFY(r.error.message.contains(u"HTTPS"_s));
}

void TestAuthToken::exportOutlivesSeveralTokens()
{
    // Tokens live 2 s; the export takes about 6 s of polling and then downloads its files, all
    // with a valid token and without a single 401: renewal happens before expiry. The seconds
    // are those of a clock the test moves, which the token server and the client both go by.
    test::ManualClock clock;
    demo::TokenServer tokens;
    QVERIFY(tokens.listen());
    tokens.setClock(&clock);
    tokens.setTokenLifetime(2);
    QVERIFY(tokens.registerJwtClient(u"long-job"_s, m_ec.publicPem(), u"ES384"_s));

    demo::BulkServer bulk;
    QVERIFY(bulk.listen());
    int refused = 0;
    bulk.setTokenValidator([&tokens, &refused](const QByteArray &t) {
        const bool ok = tokens.isValid(t);
        if (!ok)
            ++refused;
        return ok;
    });
    bulk.setSmartConfiguration(QJsonObject{{u"token_endpoint"_s, tokens.tokenUrl().toString()}});
    demo::Script script;
    script.pollsBeforeDone = 20;
    script.retryAfterSeconds = -1;
    bulk.setScript(script);
    bulk.seedDemoData();

    SmartBackendAuth auth(&m_http, bulk.baseUrl(), {}, u"long-job"_s, m_ec, u"kid-ec"_s,
                          Algorithm::ES384, u"system/*.read"_s);
    auth.setClock(&clock);
    HttpClient client(bulk.baseUrl());
    client.setAuth(&auth);

    const HttpResponse kickoff = sendAndWait(client, call(child(bulk.baseUrl(), u"$export"_s)));
    QCOMPARE(kickoff.status, 202);
    const QUrl status(QString::fromLatin1(kickoff.header("Content-Location")));
    QVERIFY(status.isValid());

    HttpResponse poll;
    const QDateTime started = clock.now();
    do {
        clock.advance(300);
        poll = sendAndWait(client, call(status, "application/json"_ba));
        QVERIFY2(poll.status == 202 || poll.status == 200,
                 qPrintable(QString::number(poll.status)));
    } while (poll.status == 202 && started.msecsTo(clock.now()) < 30000);
    QCOMPARE(poll.status, 200);
    QVERIFY(started.msecsTo(clock.now()) > 5000);

    const QJsonArray output =
        QJsonDocument::fromJson(poll.body).object().value(u"output"_s).toArray();
    QVERIFY(!output.isEmpty());
    for (int i = 0; i < output.size(); ++i) {
        const QUrl fileUrl(output.at(i).toObject().value(u"url"_s).toString());
        const HttpResponse file = sendAndWait(client, call(fileUrl, "application/fhir+ndjson"_ba));
        QVERIFY2(file.status == 200,
                 qPrintable(fileUrl.toString() + u" "_s + QString::fromUtf8(file.body)));
        QCOMPARE(file.body, bulk.expectedContent(i));
    }
    QVERIFY2(tokens.tokensIssued() >= 3, qPrintable(QString::number(tokens.tokensIssued())));
    QCOMPARE(refused, 0);
    QCOMPARE(tokens.discoveryRequests(), 0); // discovery went to the bulk server's base
    QCOMPARE(auth.tokensFetched(), tokens.tokensIssued());
}

void TestAuthToken::jobManagerExportOutlivesSeveralTokens()
{
    // The export engine itself: kick-off, polls a second apart for about six seconds, the
    // manifest and every file, with 2-second SMART tokens. The seconds are those of the
    // fixture's clock, which the engine, the client and the token server go by; it stands
    // still and is moved to each status check. The job ends Saved, every file
    // intact, and the bulk server never saw an invalid token.
    test::ExportFixture fx;
    demo::TokenServer tokens;
    QVERIFY(tokens.listen());
    tokens.setClock(&fx.clock);
    tokens.setTokenLifetime(2);
    QVERIFY(tokens.registerJwtClient(u"engine"_s, m_rsa.publicPem(), u"RS384"_s));
    int refused = 0;
    fx.server.setTokenValidator([&tokens, &refused](const QByteArray &t) {
        const bool ok = tokens.isValid(t);
        if (!ok)
            ++refused;
        return ok;
    });
    demo::Script script;
    script.pollsBeforeDone = 6;
    script.retryAfterRaw = "1";
    fx.server.setScript(script);
    fx.server.seedDemoData();

    auto owned = std::make_unique<SmartBackendAuth>(&m_http, fx.server.baseUrl(), tokens.tokenUrl(),
                                                    u"engine"_s, m_rsa, u"kid-rsa"_s,
                                                    Algorithm::RS384, u"system/*.read"_s);
    SmartBackendAuth &auth = *owned;
    auth.setClock(&fx.clock);
    fx.authorizeEveryJob(std::move(owned));

    fx.clock.stop();
    const QDateTime started = fx.clock.now();
    const QString id = fx.start();
    QVERIFY(!id.isEmpty());
    QVERIFY(fx.advanceThroughPolls(id));
    QVERIFY(started.msecsTo(fx.clock.now()) >= 6000); // six waits of a second
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.compareAllFiles(id), QString());
    QVERIFY2(tokens.tokensIssued() >= 3, qPrintable(QString::number(tokens.tokensIssued())));
    QCOMPARE(refused, 0);
    const QStringList secrets = auth.secrets();
    for (const QString &s : secrets)
        m_secretsSeen << s;
    // The token exchanges went through the one HTTP door: they are in the job's activity log,
    // the signed assertion redacted, no token or assertion anywhere in it.
    const ExportJob *job = fx.manager->jobWithDetails(id);
    int tokenPosts = 0;
    for (const ActivityEntry &e : job->activity) {
        const QString text = QString::fromUtf8(e.toCurl().toUtf8() + e.requestBody) + e.note;
        for (const QString &secret : secrets)
            QVERIFY2(!text.contains(secret), qPrintable(text.left(200)));
        if (e.method == "POST" && e.url == tokens.tokenUrl()) {
            ++tokenPosts;
            QCOMPARE(e.status, 200);
            QVERIFY2(e.requestBody.contains("client_assertion=[redacted]"),
                     e.requestBody.constData());
        }
    }
    QVERIFY2(tokenPosts >= 3, qPrintable(QString::number(tokenPosts)));
}

void TestAuthToken::unauthorizedRenewsOnceAndRepeats()
{
    demo::TokenServer tokens;
    QVERIFY(tokens.listen());
    tokens.registerSecretClient(u"c"_s, "secret-401"_ba);
    m_secretsSeen << u"secret-401"_s;
    demo::BulkServer bulk;
    QVERIFY(bulk.listen());
    bulk.setTokenValidator([&tokens](const QByteArray &t) { return tokens.isValid(t); });
    bulk.seedDemoData();
    ClientCredentialsAuth auth(&m_http, bulk.baseUrl(), tokens.tokenUrl(), u"c"_s, u"secret-401"_s,
                               u"system/*.read"_s, ClientCredentialsAuth::Method::Basic);
    HttpClient client(bulk.baseUrl());
    client.setAuth(&auth);

    const HttpResponse first = sendAndWait(client, call(child(bulk.baseUrl(), u"$export"_s)));
    QCOMPARE(first.status, 202);
    QCOMPARE(tokens.tokensIssued(), 1);

    // The server forgets every token (a restart): the cached one is refused with a 401, the
    // client renews it once and repeats the request, which succeeds.
    tokens.revokeAllTokens();
    const QUrl status(QString::fromLatin1(first.header("Content-Location")));
    const HttpResponse poll = sendAndWait(client, call(status, "application/json"_ba));
    QVERIFY2(poll.status == 202 || poll.status == 200, qPrintable(QString::number(poll.status)));
    QCOMPARE(tokens.tokensIssued(), 2);
}

void TestAuthToken::staticTokenUnauthorizedIsFinal()
{
    demo::BulkServer bulk;
    QVERIFY(bulk.listen());
    bulk.setTokenValidator([](const QByteArray &t) { return t == "good-static-token"; });
    StaticTokenAuth auth(u"stale-static-token"_s);
    m_secretsSeen << u"stale-static-token"_s;
    HttpClient client(bulk.baseUrl());
    client.setAuth(&auth);
    const HttpResponse r = sendAndWait(client, call(child(bulk.baseUrl(), u"$export"_s)));
    QCOMPARE(r.status, 401);
}

void TestAuthToken::interactiveLogin()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    server.registerPublicClient(u"desktop-app"_s);
    MemorySecretStore store;
    const QString key =
        SecretStore::keyFor(u"profile-uuid"_s, QLatin1String(SecretStore::RefreshToken));

    QString firstToken;
    {
        InteractiveLoginAuth auth(&m_nam, &m_http, server.fhirBase(), {}, {}, u"desktop-app"_s,
                                  u"openid system/*.read"_s, &store, key);
        // Stands in for the browser: follows the sign-in page's redirect to the loopback server.
        QUrl opened;
        connect(&auth, &InteractiveLoginAuth::authorizeWithBrowser, this, [&](const QUrl &url) {
            opened = url;
            const QUrlQuery q(url);
            QCOMPARE(q.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
            QCOMPARE(q.queryItemValue(u"code_challenge"_s).size(), 43);
            QVERIFY(!q.queryItemValue(u"state"_s).isEmpty());
            QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        });
        const TokenResult r = fetch(&auth);
        QVERIFY2(!r.error, qPrintable(r.error.message + u" / "_s + server.lastErrorDescription()));
        QVERIFY(opened.isValid());
        QVERIFY(server.isValid(r.token.toLatin1()));
        firstToken = r.token;
        m_secretsSeen << r.token;
        QTRY_VERIFY(store.values().contains(key));
        m_secretsSeen << QString::fromUtf8(store.values().value(key));
    }

    // A later session refreshes silently with the stored refresh token: no browser.
    InteractiveLoginAuth later(&m_nam, &m_http, server.fhirBase(), server.authorizeUrl(),
                               server.tokenUrl(), u"desktop-app"_s, {}, &store, key);
    QSignalSpy browser(&later, &InteractiveLoginAuth::authorizeWithBrowser);
    const QByteArray oldRefresh = store.values().value(key);
    const TokenResult r = fetch(&later);
    QVERIFY2(!r.error, qPrintable(r.error.message + u" / "_s + server.lastErrorDescription()));
    QVERIFY(server.isValid(r.token.toLatin1()));
    QVERIFY(r.token != firstToken);
    QCOMPARE(browser.size(), 0);
    m_secretsSeen << r.token;
    // The server rotated the refresh token; the new one is stored.
    QTRY_VERIFY(store.values().value(key) != oldRefresh);
    m_secretsSeen << QString::fromUtf8(store.values().value(key));
}

void TestAuthToken::tokenServerChecks_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("audience"); ///< empty: the token URL
    QTest::addColumn<int>("expOffset");    ///< seconds from now the assertion was made
    QTest::addColumn<QByteArray>("grantType");
    QTest::addColumn<QByteArray>("assertionType");
    QTest::addColumn<bool>("replay");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("description");
    const QByteArray cc = "client_credentials"_ba;
    const QByteArray jwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_ba;
    QTest::newRow("good") << u"srv"_s << QString() << 0 << cc << jwtBearer << false << 200
                          << QString();
    QTest::newRow("jti replayed") << u"srv"_s << QString() << 0 << cc << jwtBearer << true << 401
                                  << u"jti has been used before"_s;
    QTest::newRow("expired") << u"srv"_s << QString() << -600 << cc << jwtBearer << false << 401
                             << u"the assertion has expired"_s;
    QTest::newRow("exp too far ahead") << u"srv"_s << QString() << 120 << cc << jwtBearer << false
                                       << 401 << u"exp is more than five minutes ahead"_s;
    QTest::newRow("unknown issuer")
        << u"nobody"_s << QString() << 0 << cc << jwtBearer << false << 401 << u"unknown client"_s;
    QTest::newRow("wrong audience")
        << u"srv"_s << u"http://127.0.0.1:1/auth/token"_s << 0 << cc << jwtBearer << false << 401
        << u"aud must be the token endpoint"_s;
    QTest::newRow("wrong grant") << u"srv"_s << QString() << 0 << "password"_ba << jwtBearer
                                 << false << 400 << u"grant_type is not supported"_s;
    QTest::newRow("wrong assertion type") << u"srv"_s << QString() << 0 << cc << "urn:x"_ba << false
                                          << 400 << u"unsupported client_assertion_type"_s;
}

void TestAuthToken::tokenServerChecks()
{
    QFETCH(QString, issuer);
    QFETCH(QString, audience);
    QFETCH(int, expOffset);
    QFETCH(QByteArray, grantType);
    QFETCH(QByteArray, assertionType);
    QFETCH(bool, replay);
    QFETCH(int, status);
    QFETCH(QString, description);
    demo::TokenServer server;
    QVERIFY(server.listen());
    QVERIFY(server.registerJwtClient(u"srv"_s, m_rsa.publicPem(), u"RS384"_s));
    if (issuer != "srv"_L1)
        QVERIFY(server.registerJwtClient(u"other"_s, m_rsa.publicPem(), u"RS384"_s));
    const QDateTime made = QDateTime::currentDateTimeUtc().addSecs(expOffset);
    const auto assertion = SmartBackendAuth::buildAssertion(
        issuer, audience.isEmpty() ? server.tokenUrl() : QUrl(audience), m_rsa, u"k"_s,
        Algorithm::RS384, made);
    QVERIFY(assertion.ok());
    m_secretsSeen << QString::fromLatin1(assertion.value());
    const QByteArray body =
        "grant_type=" + grantType + "&scope=system%2F%2A.read" +
        "&client_assertion_type=" + QUrl::toPercentEncoding(QString::fromLatin1(assertionType)) +
        "&client_assertion=" + assertion.value();
    const auto post = [&] {
        QNetworkRequest req(server.tokenUrl());
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
        QNetworkReply *reply = m_nam.post(req, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait();
        reply->deleteLater();
        return qMakePair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                         QJsonDocument::fromJson(reply->readAll()).object());
    };
    auto answer = post();
    if (replay) {
        QCOMPARE(answer.first, 200);
        answer = post();
    }
    QCOMPARE(answer.first, status);
    if (status == 200) {
        QVERIFY(server.isValid(answer.second.value(u"access_token"_s).toString().toLatin1()));
        QCOMPARE(answer.second.value(u"token_type"_s).toString(), u"bearer"_s);
    } else {
        QVERIFY(!answer.second.value(u"error"_s).toString().isEmpty());
        QCOMPARE(answer.second.value(u"error_description"_s).toString(), description);
        QCOMPARE(server.lastErrorDescription(), description);
    }
}

void TestAuthToken::expiredTokensRejected()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    server.setTokenLifetime(1);
    server.registerSecretClient(u"c"_s, "secret-expiry"_ba);
    m_secretsSeen << u"secret-expiry"_s;
    ClientCredentialsAuth auth(&m_http, {}, server.tokenUrl(), u"c"_s, u"secret-expiry"_s, {},
                               ClientCredentialsAuth::Method::Basic);
    const TokenResult r = fetch(&auth);
    QVERIFY(server.isValid(r.token.toLatin1()));
    QVERIFY(!server.isValid("never-issued"_ba));
    QTRY_VERIFY_WITH_TIMEOUT(!server.isValid(r.token.toLatin1()), 3000);
    // The provider does not hand out a token that is (nearly) expired: it gets a new one.
    const TokenResult again = fetch(&auth);
    QVERIFY(again.token != r.token);
    QVERIFY(server.isValid(again.token.toLatin1()));
}

void TestAuthToken::missingExpiresInMeansFiveMinutes()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    server.setSendExpiresIn(false);
    server.setTokenType(u"BEARER"_s);
    server.registerSecretClient(u"c"_s, "secret-300"_ba);
    m_secretsSeen << u"secret-300"_s;
    ClientCredentialsAuth auth(&m_http, {}, server.tokenUrl(), u"c"_s, u"secret-300"_s, {},
                               ClientCredentialsAuth::Method::Post);
    const TokenResult r = fetch(&auth);
    QVERIFY2(!r.error, qPrintable(r.error.message));
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(auth.tokenExpiry());
    QVERIFY2(left > 290 && left <= 300, qPrintable(QString::number(left)));
}

void TestAuthToken::noSecretInAnyLog()
{
    // Runs last: every secret the tests above handled, looked for in everything logged.
    QMutexLocker lock(&g_logMutex);
    QVERIFY(!g_log.isEmpty()); // the debug categories were on: there is something to search
    QVERIFY(m_secretsSeen.size() > 10);
    for (const QString &secret : std::as_const(m_secretsSeen)) {
        QVERIFY(!secret.isEmpty());
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(secret), qPrintable(u"secret in log: "_s + line.left(80)));
    }
}

QTEST_GUILESS_MAIN(TestAuthToken)
#include "tst_authtoken.moc"
