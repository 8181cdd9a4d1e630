// The HTTP client's rules about redirects and the bearer token, against a scripted server.
#include "authprovider.h"
#include "httpclient.h"
#include "redact.h"
#include "scriptedserver.h"
#include "waitfor.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using fbm::test::ScriptedServer;
using fbm::test::sendAndWait;

namespace {

/// Hands out t1, t2, … and records how it was asked.
class CountingAuth final : public AuthProvider
{
public:
    void requestToken(bool forceRefresh, QObject *, TokenCallback callback,
                      const fbm::ActivitySink &) override
    {
        if (forceRefresh)
            ++refreshes;
        if (forceRefresh || current.isEmpty())
            current = u"token-number-%1"_s.arg(++issued);
        callback(current, {});
    }
    QStringList secrets() const override { return {current}; }
    int issued = 0;
    int refreshes = 0;
    QString current;
};

ScriptedServer::Answer redirectTo(const QUrl &url, int status = 302)
{
    ScriptedServer::Answer a;
    a.status = status;
    a.headers = {{"Location", url.toEncoded()}};
    return a;
}

} // namespace

class TestHttpClient final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenOriginRules();
    void crossOriginRedirectDropsToken();
    void sameOriginRedirectKeepsToken();
    void redirectLoopEnds();
    void nonHttpRedirectRefused();
    void unauthorizedRenewsOnce_data();
    void unauthorizedRenewsOnce();
    void postRedirect303BecomesGet();
    void oversizedAnswerRefused();
    void stallTimesOut();
    void activityLogIsRedacted();
    void headerLineBreaksAreRefused();
    void endlessHeadersAreRefused();
};

void TestHttpClient::tokenOriginRules()
{
    HttpClient https(QUrl(u"https://fhir.example.org/r4"_s));
    QVERIFY(https.mayReceiveToken(QUrl(u"https://fhir.example.org/r4/Binary/1"_s)));
    QVERIFY(https.mayReceiveToken(QUrl(u"https://fhir.example.org:443/other"_s)));
    QVERIFY(!https.mayReceiveToken(QUrl(u"https://fhir.example.org:8443/r4"_s)));
    QVERIFY(!https.mayReceiveToken(QUrl(u"https://storage.example.org/x"_s)));
    QVERIFY(!https.mayReceiveToken(QUrl(u"http://fhir.example.org/r4"_s)));
    HttpClient plain(QUrl(u"http://fhir.example.org/r4"_s));
    QVERIFY(!plain.mayReceiveToken(QUrl(u"http://fhir.example.org/r4/x"_s)));
    plain.setAllowInsecureToken(true);
    QVERIFY(plain.mayReceiveToken(QUrl(u"http://fhir.example.org/r4/x"_s)));
    HttpClient loopback(QUrl(u"http://127.0.0.1:8080/fhir"_s));
    QVERIFY(loopback.mayReceiveToken(QUrl(u"http://127.0.0.1:8080/fhir/x"_s)));
    QVERIFY(!loopback.mayReceiveToken(QUrl(u"http://127.0.0.1:8081/fhir/x"_s)));
}

void TestHttpClient::crossOriginRedirectDropsToken()
{
    ScriptedServer fhir, storage;
    QVERIFY(fhir.listen() && storage.listen());
    fhir.on("/file", [&](const auto &) {
        return redirectTo(storage.url(u"/signed?X-Amz-Signature=abc"_s), 307);
    });
    storage.on("/signed", [](const auto &) {
        ScriptedServer::Answer a;
        a.body = "{\"resourceType\":\"Patient\"}\n";
        return a;
    });
    HttpClient client(fhir.url(u"/"_s));
    CountingAuth auth;
    client.setAuth(&auth);
    QList<ActivityEntry> log;
    HttpCall call;
    call.url = fhir.url(u"/file"_s);
    call.log = [&](const ActivityEntry &e) {
        log.append(e);
    };
    const HttpResponse r = sendAndWait(client, call);
    QVERIFY2(r.isSuccess(), qPrintable(r.error.message));
    QCOMPARE(r.body, "{\"resourceType\":\"Patient\"}\n"_ba);
    QCOMPARE(fhir.requests().size(), 1);
    QCOMPARE(fhir.requests().first().header("Authorization"), "Bearer token-number-1"_ba);
    QCOMPARE(storage.requests().size(), 1);
    QVERIFY(storage.requests().first().header("Authorization").isEmpty());
    QCOMPARE(log.size(), 2);
    QVERIFY(log.first().note.contains(u"another origin"_s));
    // The signature of the pre-signed URL does not reach the log.
    QVERIFY(!log.last().url.toString().contains(u"abc"_s));
}

void TestHttpClient::sameOriginRedirectKeepsToken()
{
    ScriptedServer fhir;
    QVERIFY(fhir.listen());
    fhir.on("/old", [&](const auto &) { return redirectTo(fhir.url(u"/new"_s), 301); });
    fhir.on("/new", [](const auto &) { return ScriptedServer::Answer{200, {}, "ok", false}; });
    HttpClient client(fhir.url(u"/"_s));
    CountingAuth auth;
    client.setAuth(&auth);
    HttpCall call;
    call.url = fhir.url(u"/old"_s);
    const HttpResponse r = sendAndWait(client, call);
    QCOMPARE(r.status, 200);
    QCOMPARE(fhir.requests().size(), 2);
    QCOMPARE(fhir.requests().at(1).header("Authorization"), "Bearer token-number-1"_ba);
}

void TestHttpClient::redirectLoopEnds()
{
    ScriptedServer s;
    QVERIFY(s.listen());
    s.on("/a", [&](const auto &) { return redirectTo(s.url(u"/b"_s)); });
    s.on("/b", [&](const auto &) { return redirectTo(s.url(u"/a"_s)); });
    HttpClient client(s.url(u"/"_s));
    HttpCall call;
    call.url = s.url(u"/a"_s);
    const HttpResponse r = sendAndWait(client, call);
    QVERIFY(r.error.isError());
    QVERIFY2(r.error.message.contains(u"too many times"_s), qPrintable(r.error.message));
    QCOMPARE(s.requests().size(), call.maxRedirects + 1);
}

void TestHttpClient::nonHttpRedirectRefused()
{
    ScriptedServer s;
    QVERIFY(s.listen());
    s.on("/a", [](const auto &) { return redirectTo(QUrl(u"file:///etc/passwd"_s)); });
    HttpClient client(s.url(u"/"_s));
    HttpCall call;
    call.url = s.url(u"/a"_s);
    const HttpResponse r = sendAndWait(client, call);
    QVERIFY(r.error.isError());
    QVERIFY(r.error.message.contains(u"not HTTP(S)"_s));
}

void TestHttpClient::unauthorizedRenewsOnce_data()
{
    QTest::addColumn<bool>("renewedTokenWorks");
    QTest::addColumn<int>("status");
    // The token had expired: the renewed one works and the request is repeated with it.
    QTest::newRow("renewed token accepted: repeated") << true << 202;
    // Refused again with a new token: that answer is final, no loop of renewals.
    QTest::newRow("refused again: final") << false << 401;
}

void TestHttpClient::unauthorizedRenewsOnce()
{
    QFETCH(bool, renewedTokenWorks);
    QFETCH(int, status);
    ScriptedServer s;
    QVERIFY(s.listen());
    s.on("/status", [renewedTokenWorks](const ScriptedServer::Request &req) {
        ScriptedServer::Answer a;
        a.status =
            renewedTokenWorks && req.header("Authorization") == "Bearer token-number-2" ? 202 : 401;
        if (a.status == 401)
            a.body =
                R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login"}]})";
        return a;
    });
    HttpClient client(s.url(u"/"_s));
    CountingAuth auth;
    client.setAuth(&auth);
    HttpCall call;
    call.url = s.url(u"/status"_s);
    const HttpResponse r = sendAndWait(client, call);
    QCOMPARE(r.status, status);
    QVERIFY(!r.error.isError());
    QCOMPARE(auth.refreshes, 1);
    QCOMPARE(s.requests().size(), 2);
}

void TestHttpClient::postRedirect303BecomesGet()
{
    ScriptedServer s;
    QVERIFY(s.listen());
    s.on("/kick", [&](const auto &) { return redirectTo(s.url(u"/there"_s), 303); });
    s.on("/there", [](const auto &) { return ScriptedServer::Answer{200, {}, "fine", false}; });
    HttpClient client(s.url(u"/"_s));
    HttpCall call;
    call.method = "POST";
    call.body = "{}";
    call.url = s.url(u"/kick"_s);
    const HttpResponse r = sendAndWait(client, call);
    QCOMPARE(r.status, 200);
    QCOMPARE(s.requests().at(1).method, "GET"_ba);
    QVERIFY(s.requests().at(1).body.isEmpty());
}

void TestHttpClient::oversizedAnswerRefused()
{
    ScriptedServer s;
    QVERIFY(s.listen());
    s.on("/big", [](const auto &) {
        return ScriptedServer::Answer{200, {}, QByteArray(3 << 20, 'x'), false};
    });
    HttpClient client(s.url(u"/"_s));
    HttpCall call;
    call.url = s.url(u"/big"_s);
    call.maxBodyBytes = 1 << 20;
    const HttpResponse r = sendAndWait(client, call);
    QVERIFY(r.error.isError());
    QVERIFY2(r.error.message.contains(u"larger than 1 MiB"_s), qPrintable(r.error.message));
}

void TestHttpClient::endlessHeadersAreRefused()
{
    // A hostile or broken server: 4 MiB of headers. The answer must end with a clear error, not
    // with memory growing as long as the server keeps sending.
    ScriptedServer s;
    QVERIFY(s.listen());
    // An answer "ok" after `count` headers of 200 bytes.
    const auto withHeaders = [](int count) {
        return [count](const auto &) {
            ScriptedServer::Answer a;
            for (int i = 0; i < count; ++i)
                a.headers.append({"X-Filler-" + QByteArray::number(i), QByteArray(200, 'f')});
            a.body = "ok";
            return a;
        };
    };
    s.on("/headers", withHeaders(20000));
    s.on("/fine", withHeaders(100));
    HttpClient client(s.url(u"/"_s));
    HttpCall call;
    call.url = s.url(u"/headers"_s);
    const HttpResponse r = sendAndWait(client, call);
    QVERIFY(r.error.isError());
    QCOMPARE(r.error.kind, Error::Kind::Protocol);
    QVERIFY2(r.error.message.contains(u"more than 256 KiB of headers"_s),
             qPrintable(r.error.message));
    QVERIFY(!r.error.transient);
    QVERIFY(r.headers.size() < 2000);
    // 20 KiB of headers is an ordinary answer.
    call.url = s.url(u"/fine"_s);
    const HttpResponse fine = sendAndWait(client, call);
    QVERIFY2(fine.isSuccess(), qPrintable(fine.error.message));
    QCOMPARE(fine.body, "ok"_ba);
    QVERIFY(fine.headers.size() > 100); // with Content-Length and the like
}

void TestHttpClient::stallTimesOut()
{
    ScriptedServer s;
    QVERIFY(s.listen());
    s.on("/stall", [](const auto &) {
        return ScriptedServer::Answer{200, {}, QByteArray(1000, 'x'), true};
    });
    HttpClient client(s.url(u"/"_s));
    HttpCall call;
    call.url = s.url(u"/stall"_s);
    call.timeoutMs = 300;
    const HttpResponse r = sendAndWait(client, call);
    QCOMPARE(r.error.kind, Error::Kind::Network);
    QVERIFY2(r.error.message.contains(u"Nothing arrived"_s), qPrintable(r.error.message));
    QVERIFY(r.error.transient);
}

void TestHttpClient::activityLogIsRedacted()
{
    ScriptedServer s;
    QVERIFY(s.listen());
    s.on("/token", [](const auto &) {
        return ScriptedServer::Answer{400, {}, R"({"error":"invalid_client"})", false};
    });
    HttpClient client(s.url(u"/"_s));
    CountingAuth auth;
    client.setAuth(&auth);
    QList<ActivityEntry> log;
    HttpCall call;
    call.method = "POST";
    call.url = s.url(u"/token?access_token=leaky"_s);
    call.body = "grant_type=client_credentials&client_assertion=eyJhbGciOiJSUzM4NCJ9."
                "eyJpc3MiOiJ4In0.c2ln&client_secret=hunter22";
    call.log = [&](const ActivityEntry &e) {
        log.append(e);
    };
    sendAndWait(client, call);
    QCOMPARE(log.size(), 1);
    const ActivityEntry &e = log.first();
    const QString everything = QString::fromUtf8(e.requestBody) + e.url.toString() + e.toCurl() +
                               QString::fromLatin1(e.requestHeaders.value(0).second);
    QVERIFY(!everything.contains(u"hunter22"_s));
    QVERIFY(!everything.contains(u"eyJhbGci"_s));
    QVERIFY(!everything.contains(u"leaky"_s));
    QVERIFY(!everything.contains(u"token-number-1"_s));
    QVERIFY(e.toCurl().contains(u"Bearer $TOKEN"_s));
    QCOMPARE(redactText(u"Authorization: Bearer abc.def-ghi"_s),
             u"Authorization: Bearer [redacted]"_s);
}

void TestHttpClient::headerLineBreaksAreRefused()
{
    // A header that would smuggle another one in (from a profile, a caller or a token
    // endpoint) is refused before anything is sent, and the message names only the header.
    ScriptedServer s;
    QVERIFY(s.listen());
    s.on("/status", [](const ScriptedServer::Request &) { return ScriptedServer::Answer(); });
    HttpCall call;
    call.url = s.url(u"/status"_s);

    HttpClient extra(s.url(u"/"_s));
    extra.setExtraHeaders({{"X-Site", "a\r\nX-Injected: yes"}});
    HttpResponse r = sendAndWait(extra, call);
    QCOMPARE(r.error.kind, Error::Kind::Usage);
    QVERIFY2(r.error.message.contains("X-Site"_L1), qPrintable(r.error.message));
    QVERIFY(!r.error.message.contains("Injected"_L1));

    HttpClient plain(s.url(u"/"_s));
    HttpCall withNul = call;
    withNul.headers = {{"Accept", QByteArray("application/json\0x", 18)}};
    r = sendAndWait(plain, withNul);
    QCOMPARE(r.error.kind, Error::Kind::Usage);

    HttpClient tokened(s.url(u"/"_s));
    CountingAuth auth;
    auth.current = u"evil\nX-Injected: yes"_s;
    tokened.setAuth(&auth);
    r = sendAndWait(tokened, call);
    QCOMPARE(r.error.kind, Error::Kind::Usage);
    QVERIFY2(r.error.message.contains("Authorization"_L1), qPrintable(r.error.message));
    QVERIFY(!r.error.message.contains("evil"_L1));

    QCOMPARE(s.requests().size(), 0);
    // The same client sends a clean request.
    r = sendAndWait(plain, call);
    QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
    QCOMPARE(s.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
