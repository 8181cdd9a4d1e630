// TLS: a server whose certificate no trusted authority signed is refused with a clear message;
// trusting the organisation's CA certificate (as a profile can) makes it work, for the FHIR
// requests and for the token requests and SMART discovery of the profile's authorization.
// Certificate errors are never ignored.
#include "auth/authfactory.h"
#include "authprovider.h"
#include "httpclient.h"
#include "scriptedserver.h"
#include "waitfor.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using fbm::test::ScriptedServer;

namespace {

bool openssl(const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(u"openssl"_s, args);
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

HttpResponse get(HttpClient &client, const QUrl &url)
{
    HttpCall call;
    call.url = url;
    return test::sendAndWait(client, call);
}

} // namespace

class TestTls final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void untrustedCertificateRefused();
    void trustedCaWorks();
    void tokenRequestsTrustTheProfilesCa_data();
    void tokenRequestsTrustTheProfilesCa();

private:
    QTemporaryDir m_dir;
    ScriptedServer m_server;
    QList<QSslCertificate> m_ca;
};

void TestTls::initTestCase()
{
    const QString d = m_dir.path();
    QVERIFY(
        openssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                 u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                 u"/CN=Test Hospital CA"_s, u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                 u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s},
                d));
    QVERIFY(openssl({u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                     u"server.key"_s, u"-out"_s, u"server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s},
                    d));
    QFile ext(m_dir.filePath(u"ext.cnf"_s));
    QVERIFY(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    ext.close();
    QVERIFY(openssl({u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s,
                     u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, u"server.pem"_s,
                     u"-days"_s, u"2"_s, u"-extfile"_s, u"ext.cnf"_s},
                    d));
    m_ca = QSslCertificate::fromPath(m_dir.filePath(u"ca.pem"_s));
    QCOMPARE(m_ca.size(), 1);
    QVERIFY(m_server.listenTls(m_dir.filePath(u"server.pem"_s), m_dir.filePath(u"server.key"_s)));
    m_server.on("/token", [](const auto &) {
        return ScriptedServer::Answer{
            200,
            {{"Content-Type", "application/json"}},
            R"({"access_token":"tls-issued-token","token_type":"bearer","expires_in":300})",
            false};
    });
    const QByteArray tokenUrl = m_server.url(u"/token"_s).toEncoded();
    m_server.on("/fhir/.well-known/smart-configuration", [tokenUrl](const auto &) {
        return ScriptedServer::Answer{200,
                                      {{"Content-Type", "application/json"}},
                                      R"({"token_endpoint":")" + tokenUrl + R"("})",
                                      false};
    });
    m_server.on("/fhir/metadata", [](const auto &) {
        return ScriptedServer::Answer{200,
                                      {{"Content-Type", "application/fhir+json"}},
                                      R"({"resourceType":"CapabilityStatement"})",
                                      false};
    });
}

void TestTls::untrustedCertificateRefused()
{
    HttpClient client(m_server.url(u"/fhir"_s));
    const HttpResponse r = get(client, m_server.url(u"/fhir/metadata"_s));
    QCOMPARE(r.error.kind, Error::Kind::Network);
    QVERIFY(!r.error.transient);
    QVERIFY2(r.error.message.contains(u"not trusted"_s), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(u"certificate authority"_s), qPrintable(r.error.message));
    QCOMPARE(r.status, 0);
}

void TestTls::trustedCaWorks()
{
    HttpClient client(m_server.url(u"/fhir"_s));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(m_ca);
    client.setSslConfiguration(ssl);
    StaticTokenAuth auth(u"tls-token-abcdef"_s);
    client.setAuth(&auth);
    const HttpResponse r = get(client, m_server.url(u"/fhir/metadata"_s));
    QVERIFY2(r.isSuccess(), qPrintable(r.error.message));
    QCOMPARE(r.body, R"({"resourceType":"CapabilityStatement"})"_ba);
    // Over HTTPS the token is sent to the server's own origin.
    QCOMPARE(m_server.requests().last().header("Authorization"), "Bearer tls-token-abcdef"_ba);
}

void TestTls::tokenRequestsTrustTheProfilesCa_data()
{
    QTest::addColumn<bool>("discover");
    QTest::addColumn<bool>("trustCa");
    QTest::newRow("token URL given") << false << true;
    QTest::newRow("token URL from the SMART configuration") << true << true;
    QTest::newRow("without the CA: refused") << false << false;
}

void TestTls::tokenRequestsTrustTheProfilesCa()
{
    // A hospital's token endpoint is signed by the same internal CA as its FHIR server: the
    // profile's CA certificate must be trusted there too, not only for the FHIR requests.
    QFETCH(bool, discover);
    QFETCH(bool, trustCa);
    Profile p;
    p.name = u"Hospital"_s;
    p.baseUrl = m_server.url(u"/fhir"_s);
    p.auth = Profile::AuthKind::ClientSecret;
    p.clientId = u"bulk-client"_s;
    if (!discover)
        p.tokenUrl = m_server.url(u"/token"_s);
    if (trustCa)
        p.caCertificateFile = m_dir.filePath(u"ca.pem"_s);
    QNetworkAccessManager nam;
    auto provider = createAuthProvider(p, "client-secret-value", &nam, nullptr);
    QVERIFY(provider.ok());
    const qsizetype before = m_server.requests().size();
    QString token;
    Error error;
    bool done = false;
    provider.value()->requestToken(false, this, [&](const QString &t, const Error &e) {
        token = t;
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
    if (!trustCa) {
        QVERIFY(error.isError());
        QCOMPARE(m_server.requests().size(), before); // nothing was sent: the handshake failed
        return;
    }
    QVERIFY2(!error.isError(), qPrintable(error.message + u' ' + error.detail));
    QCOMPARE(token, u"tls-issued-token"_s);
    QCOMPARE(m_server.requests().last().target, "/token"_ba);
    QCOMPARE(m_server.requests().size(), before + (discover ? 2 : 1));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
