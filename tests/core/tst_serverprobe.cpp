// "Test connection" and the group list, against the simulated bulk server over real HTTP, a
// closed port and a web server that is not FHIR.

#include "authprovider.h"
#include "demo/bulkserver.h"
#include "demo/demodata.h"
#include "faultybulkserver.h"
#include "httpclient.h"
#include "serverprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;
using fbm::GroupSummary;
using fbm::HttpClient;
using fbm::ProbeResult;
using fbm::ServerProbe;
using fbm::demo::BulkServer;
using fbm::test::FaultyBulkServer;

namespace {

/// Answers every request with the same raw HTTP response: a web server that is not FHIR.
class RawServer final : public QObject
{
public:
    explicit RawServer(QByteArray response)
        : m_response(std::move(response))
    {
        connect(&m_server, &QTcpServer::newConnection, this, &RawServer::onConnection);
        m_server.listen(QHostAddress::LocalHost);
    }
    [[nodiscard]] QUrl base() const
    {
        return QUrl(u"http://127.0.0.1:%1/fhir"_s.arg(m_server.serverPort()));
    }

private:
    void onConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                m_buffer[socket] += socket->readAll();
                if (!m_buffer[socket].contains("\r\n\r\n"))
                    return;
                m_buffer.remove(socket);
                socket->write(m_response);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }
    QTcpServer m_server;
    QByteArray m_response;
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

QByteArray rawResponse(int status, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

/// An auth provider whose token endpoint always refuses.
class RefusingAuth final : public fbm::AuthProvider
{
public:
    void requestToken(bool, QObject *, TokenCallback callback, const fbm::ActivitySink &) override
    {
        callback({}, fbm::Error::make(fbm::Error::Kind::Auth,
                                      u"invalid_client: the client is not registered"_s));
    }
};

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

QJsonObject smartDocument()
{
    return QJsonObject{
        {u"token_endpoint"_s, u"https://auth.example.org/token"_s},
        {u"authorization_endpoint"_s, u"/auth/authorize"_s},
        {u"token_endpoint_auth_methods_supported"_s,
         QJsonArray{u"private_key_jwt"_s, u"client_secret_basic"_s}},
        {u"token_endpoint_auth_signing_alg_values_supported"_s, QJsonArray{u"RS384"_s, u"ES384"_s}},
        {u"grant_types_supported"_s, QJsonArray{u"client_credentials"_s}},
        {u"scopes_supported"_s, QJsonArray{u"system/*.read"_s}},
    };
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject op(const QString &name, const QString &definition = {})
{
    QJsonObject o{{u"name"_s, name}};
    if (!definition.isEmpty())
        o.insert(u"definition"_s, definition);
    return o;
}

QJsonObject capability(const QJsonArray &systemOps, const QJsonArray &resources,
                       const QJsonArray &instantiates = {})
{
    QJsonObject cs{{u"resourceType"_s, u"CapabilityStatement"_s},
                   {u"fhirVersion"_s, u"4.0.1"_s},
                   {u"rest"_s, QJsonArray{QJsonObject{{u"mode"_s, u"server"_s},
                                                      {u"operation"_s, systemOps},
                                                      {u"resource"_s, resources}}}}};
    if (!instantiates.isEmpty())
        cs.insert(u"instantiates"_s, instantiates);
    return cs;
}

} // namespace

class TestServerProbe final : public QObject
{
    Q_OBJECT

private:
    std::optional<ProbeResult> runProbe(HttpClient *client, bool checkToken = false)
    {
        ServerProbe probe(client);
        probe.setCheckToken(checkToken);
        probe.setTimeoutMs(5000);
        std::optional<ProbeResult> out;
        probe.probe(this, [&out](const ProbeResult &r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
            return std::nullopt;
        return out;
    }

private Q_SLOTS:
    void releaseName_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("expected");
        QTest::newRow("R4") << u"4.0.1"_s << u"R4 (4.0.1)"_s;
        QTest::newRow("R4B") << u"4.3.0"_s << u"R4B (4.3.0)"_s;
        QTest::newRow("R5") << u"5.0.0"_s << u"R5 (5.0.0)"_s;
        QTest::newRow("STU3") << u"3.0.2"_s << u"STU3 (3.0.2)"_s;
        QTest::newRow("unknown") << u"9.9.9"_s << u"9.9.9"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void releaseName()
    {
        QFETCH(QString, version);
        QFETCH(QString, expected);
        QCOMPARE(ProbeResult::fhirReleaseName(version), expected);
    }

    void capabilityStatement_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("isFhir");
        QTest::addColumn<bool>("system");
        QTest::addColumn<bool>("patient");
        QTest::addColumn<bool>("group");
        QTest::addColumn<bool>("declaresBulk");

        const QString bulk = u"http://hl7.org/fhir/uv/bulkdata/OperationDefinition/"_s;
        QTest::newRow("demo server")
            << json(fbm::demo::data::capabilityStatement(QUrl(u"http://h/fhir"_s))) << true << true
            << true << true << true;
        // HAPI: every level is named "export"; only where it is listed tells them apart.
        QTest::newRow("hapi names")
            << json(capability(
                   QJsonArray{op(u"export"_s, u"http://h/OperationDefinition/-s-export"_s)},
                   QJsonArray{QJsonObject{{u"type"_s, u"Patient"_s},
                                          {u"operation"_s, QJsonArray{op(u"export"_s)}}},
                              QJsonObject{{u"type"_s, u"Group"_s},
                                          {u"operation"_s, QJsonArray{op(u"export"_s)}}}}))
            << true << true << true << true << false;
        QTest::newRow("definitions only, versioned")
            << json(capability(QJsonArray{op(u"bulk-group"_s, bulk + u"group-export|2.0.0"_s)},
                               QJsonArray{}))
            << true << false << false << true << false;
        QTest::newRow("system only") << json(capability(QJsonArray{op(u"export"_s)}, QJsonArray{}))
                                     << true << true << false << false << false;
        QTest::newRow("no export")
            << json(capability(QJsonArray{op(u"validate"_s)},
                               QJsonArray{QJsonObject{{u"type"_s, u"Patient"_s}}}))
            << true << false << false << false << false;
        QTest::newRow("declares bulk data without operations")
            << json(capability(
                   QJsonArray{}, QJsonArray{},
                   QJsonArray{u"http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data"_s}))
            << true << false << false << false << true;
        QTest::newRow("a Patient, not a CapabilityStatement")
            << "{\"resourceType\":\"Patient\",\"id\":\"x\"}"_ba << false << false << false << false
            << false;
        QTest::newRow("html") << "<html><body>Welcome</body></html>"_ba << false << false << false
                              << false << false;
        QTest::newRow("empty") << QByteArray() << false << false << false << false << false;
    }
    void capabilityStatement()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, isFhir);
        ProbeResult r;
        r.base = QUrl(u"https://h/fhir"_s);
        QCOMPARE(ProbeResult::parseCapabilityStatement(body, &r), isFhir);
        QCOMPARE(r.isFhir, isFhir);
        QCOMPARE(r.metadataError.isError(), !isFhir);
        QTEST(r.systemExport, "system");
        QTEST(r.patientExport, "patient");
        QTEST(r.groupExport, "group");
        QTEST(r.declaresBulkData, "declaresBulk");
        if (isFhir)
            QCOMPARE(r.fhirVersion, u"4.0.1"_s);
        else
            QVERIFY(r.metadataError.message.contains(u"https://h/fhir/metadata"_s));
    }

    void smartConfiguration_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QUrl>("token");
        QTest::addColumn<QUrl>("authorize");

        QTest::newRow("absolute and origin-relative")
            << json(smartDocument()) << true << QUrl(u"https://auth.example.org/token"_s)
            << QUrl(u"https://h/auth/authorize"_s);
        QTest::newRow("relative to the base") << "{\"token_endpoint\":\"auth/token\"}"_ba << true
                                              << QUrl(u"https://h/fhir/auth/token"_s) << QUrl();
        QTest::newRow("no token endpoint") << "{\"issuer\":\"x\"}"_ba << false << QUrl() << QUrl();
        QTest::newRow("not JSON") << "<html/>"_ba << false << QUrl() << QUrl();
        QTest::newRow("ftp endpoint")
            << "{\"token_endpoint\":\"ftp://h/token\"}"_ba << false << QUrl() << QUrl();
    }
    void smartConfiguration()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, found);
        ProbeResult r;
        r.base = QUrl(u"https://h/fhir"_s);
        QCOMPARE(ProbeResult::parseSmartConfiguration(body, &r), found);
        QCOMPARE(r.smartFound, found);
        QCOMPARE(r.smartError.isError(), !found);
        QTEST(r.tokenEndpoint, "token");
        QTEST(r.authorizationEndpoint, "authorize");
    }

    void groupBundle_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("ids");

        QTest::newRow("demo groups")
            << json(fbm::demo::data::groupBundle(QUrl(u"http://h/fhir"_s),
                                                 fbm::demo::data::defaultGroups()))
            << true << QStringList{u"demo-group-1"_s, u"demo-group-2"_s};
        QTest::newRow("empty searchset")
            << "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"_ba << true << QStringList();
        QTest::newRow("skips other resources and missing ids")
            << "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":"
               "\"OperationOutcome\"}},{\"resource\":{\"resourceType\":\"Group\"}},"
               "{\"resource\":{\"resourceType\":\"Group\",\"id\":\"g7\",\"quantity\":12}}]}"_ba
            << true << QStringList{u"g7"_s};
        QTest::newRow("operation outcome")
            << "{\"resourceType\":\"OperationOutcome\",\"issue\":[]}"_ba << false << QStringList();
        QTest::newRow("not JSON") << "Forbidden"_ba << false << QStringList();
    }
    void groupBundle()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(QStringList, ids);
        const auto r = ServerProbe::parseGroupBundle(body);
        QCOMPARE(r.ok(), ok);
        if (!ok) {
            QVERIFY(!r.error().message.isEmpty());
            return;
        }
        QStringList got;
        for (const GroupSummary &g : r.value())
            got << g.id;
        QCOMPARE(got, ids);
    }

    void urls()
    {
        const QUrl base(u"https://h/fhir/"_s);
        QCOMPARE(ServerProbe::metadataUrl(base), QUrl(u"https://h/fhir/metadata"_s));
        QCOMPARE(ServerProbe::smartConfigurationUrl(QUrl(u"https://h/fhir"_s)),
                 QUrl(u"https://h/fhir/.well-known/smart-configuration"_s));
        QCOMPARE(ServerProbe::groupSearchUrl(base).toString(),
                 u"https://h/fhir/Group?_summary=true&_count=200"_s);
    }

    void probeBulkServer()
    {
        FaultyBulkServer server;
        QVERIFY(server.listen());
        server.setSmartConfiguration(smartDocument());
        HttpClient client(server.baseUrl());
        const auto r = runProbe(&client);
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->findings().join(u'\n')));
        QCOMPARE(r->metadataStatus, 200);
        QCOMPARE(r->fhirVersion, u"4.0.1"_s);
        QCOMPARE(r->softwareName, u"FHIR Bulk Monitor demo server"_s);
        QVERIFY(r->systemExport && r->patientExport && r->groupExport);
        QVERIFY(r->smartFound);
        QCOMPARE(r->tokenEndpoint, QUrl(u"https://auth.example.org/token"_s));
        QCOMPARE(r->authMethods, (QStringList{u"private_key_jwt"_s, u"client_secret_basic"_s}));
        QCOMPARE(r->signingAlgorithms, (QStringList{u"RS384"_s, u"ES384"_s}));
        QCOMPARE(r->token, ProbeResult::TokenCheck::NotTried);
        const QString text = r->findings().join(u'\n');
        QVERIFY2(text.contains(u"FHIR R4 (4.0.1)"_s), qPrintable(text));
        QVERIFY2(text.contains(u"$export"_s), qPrintable(text));
        QVERIFY2(text.contains(u"https://auth.example.org/token"_s), qPrintable(text));

        // Both documents were asked for, and neither with a token.
        const auto requests = server.requests();
        QStringList paths;
        for (const auto &req : requests) {
            paths << req.url.path();
            QVERIFY(req.header("Authorization").isEmpty());
        }
        QVERIFY(paths.contains(u"/fhir/metadata"_s));
        QVERIFY(paths.contains(u"/fhir/.well-known/smart-configuration"_s));
        for (const auto &req : requests) {
            if (req.url.path() == u"/fhir/metadata"_s)
                QCOMPARE(req.header("Accept"), "application/fhir+json"_ba);
        }
    }

    void probeWithoutSmartConfiguration()
    {
        BulkServer server;
        QVERIFY(server.listen());
        HttpClient client(server.baseUrl());
        const auto r = runProbe(&client);
        QVERIFY(r.has_value());
        QVERIFY(r->ok());
        QVERIFY(!r->smartFound);
        QCOMPARE(r->smartStatus, 404);
        QVERIFY(r->findings().join(u'\n').contains(u"no SMART configuration"_s));
    }

    void probeChecksToken()
    {
        BulkServer server;
        QVERIFY(server.listen());
        HttpClient client(server.baseUrl());

        fbm::StaticTokenAuth good(u"secret-token-123"_s);
        client.setAuth(&good);
        auto r = runProbe(&client, true);
        QVERIFY(r.has_value());
        QCOMPARE(r->token, ProbeResult::TokenCheck::Obtained);
        QVERIFY(r->ok());
        QVERIFY(!r->findings().join(u'\n').contains(u"secret-token-123"_s));

        RefusingAuth bad;
        client.setAuth(&bad);
        r = runProbe(&client, true);
        QVERIFY(r.has_value());
        QCOMPARE(r->token, ProbeResult::TokenCheck::Failed);
        QVERIFY(!r->ok());
        QVERIFY(r->isFhir);
        QVERIFY(r->findings().value(0).contains(u"invalid_client"_s));
    }

    void probeClosedPort()
    {
        HttpClient client(QUrl(u"http://127.0.0.1:%1/fhir"_s.arg(closedPort())));
        const auto r = runProbe(&client);
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->metadataStatus, 0);
        QCOMPARE(r->metadataError.kind, fbm::Error::Kind::Network);
        QVERIFY(!r->isFhir);
        const QStringList findings = r->findings();
        // One clear sentence, not a cascade of follow-on failures.
        QCOMPARE(findings.size(), 1);
        QVERIFY2(findings.first().contains(u"refused"_s), qPrintable(findings.first()));
    }

    void probeNotFhir()
    {
        RawServer web(rawResponse(200, "text/html", "<html><body>Welcome to nginx</body></html>"));
        HttpClient client(web.base());
        const auto r = runProbe(&client);
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->metadataStatus, 200);
        QVERIFY(!r->isFhir);
        QCOMPARE(r->metadataError.kind, fbm::Error::Kind::Protocol);
        QVERIFY(r->findings().first().contains(u"not as a FHIR server"_s));
        QVERIFY(!r->smartFound);
    }

    void probeNotFound()
    {
        RawServer web(rawResponse(404, "text/plain", "no such page"));
        HttpClient client(web.base());
        const auto r = runProbe(&client);
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->metadataStatus, 404);
        QVERIFY(r->findings().first().contains(u"404"_s));
    }

    void probeUnauthorized()
    {
        RawServer web(rawResponse(
            401, "application/fhir+json",
            "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":"
            "\"login\",\"diagnostics\":\"Missing token\"}]}"));
        HttpClient client(web.base());
        const auto r = runProbe(&client);
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->metadataError.kind, fbm::Error::Kind::Auth);
        QCOMPARE(r->metadataError.httpStatus, 401);
        QVERIFY(r->findings().first().contains(u"authorization"_s));
    }

    void listGroups()
    {
        FaultyBulkServer server;
        QVERIFY(server.listen());
        server.setGroups({{u"demo-group-1"_s, u"Cardiology cohort"_s},
                          {u"demo-group-2"_s, u"Diabetes registry"_s}});
        HttpClient client(server.baseUrl());
        ServerProbe probe(&client);
        std::optional<fbm::Result<QList<GroupSummary>>> got;
        probe.listGroups(this, [&got](const fbm::Result<QList<GroupSummary>> &r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QVERIFY2(got->ok(), qPrintable(got->error().message));
        QCOMPARE(got->value().size(), 2);
        QCOMPARE(got->value().at(0).id, u"demo-group-1"_s);
        QCOMPARE(got->value().at(0).name, u"Cardiology cohort"_s);
        QVERIFY(got->value().at(0).size > 0);
        const auto last = server.requests().last();
        QCOMPARE(last.url.path(), u"/fhir/Group"_s);
        QCOMPARE(QUrlQuery(last.url).queryItemValue(u"_summary"_s), u"true"_s);
        QCOMPARE(QUrlQuery(last.url).queryItemValue(u"_count"_s), u"200"_s);
    }

    void listGroupsRefused()
    {
        // Group search needs a token on this server; the client has none.
        BulkServer server;
        QVERIFY(server.listen());
        server.setTokenValidator([](const QByteArray &t) { return t == "right"; });
        HttpClient client(server.baseUrl());
        ServerProbe probe(&client);
        std::optional<fbm::Result<QList<GroupSummary>>> got;
        probe.listGroups(this, [&got](const fbm::Result<QList<GroupSummary>> &r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QVERIFY(!got->ok());
        QCOMPARE(got->error().httpStatus, 401);
        QVERIFY(got->error().message.contains(u"type the group id"_s));

        // With the right token the same search answers.
        fbm::StaticTokenAuth auth(u"right"_s);
        client.setAuth(&auth);
        got.reset();
        probe.listGroups(this, [&got](const fbm::Result<QList<GroupSummary>> &r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QVERIFY2(got->ok(), qPrintable(got->error().message));
        QCOMPARE(got->value().size(), 2);
    }

    void listGroupsClosedPort()
    {
        HttpClient client(QUrl(u"http://127.0.0.1:%1/fhir"_s.arg(closedPort())));
        ServerProbe probe(&client);
        std::optional<fbm::Result<QList<GroupSummary>>> got;
        probe.listGroups(this, [&got](const fbm::Result<QList<GroupSummary>> &r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QVERIFY(!got->ok());
        QCOMPARE(got->error().kind, fbm::Error::Kind::Network);
    }

    void callbackDroppedWithContext()
    {
        BulkServer server;
        QVERIFY(server.listen());
        HttpClient client(server.baseUrl());
        ServerProbe probe(&client);
        bool called = false;
        auto *context = new QObject;
        probe.probe(context, [&called](const ProbeResult &) { called = true; });
        delete context;
        // A second probe with a live context finishing proves the first had time to finish too.
        std::optional<ProbeResult> second;
        probe.probe(this, [&second](const ProbeResult &r) { second = r; });
        QTRY_VERIFY(second.has_value());
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestServerProbe)
#include "tst_serverprobe.moc"
