#include "filenames.h"
#include "manifest.h"
#include "operationoutcome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

class TestManifest final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullManifest();
    void hapiEmptyWithMessage();
    void requiresAccessTokenAsString();
    void malformed_data();
    void malformed();
    void unusableUrlFailsOnlyItsEntry_data();
    void unusableUrlFailsOnlyItsEntry();
    void paging();
    void manyEntries();
    void deeplyNested();
    void safeNames_data();
    void safeNames();
    void outcome_data();
    void outcome();
};

void TestManifest::fullManifest()
{
    const QByteArray json = R"({
      "transactionTime": "2026-11-24T10:00:00.123Z",
      "request": "https://x/fhir/$export?_type=Patient",
      "requiresAccessToken": true,
      "output": [{"type": "Patient", "url": "https://x/files/1", "count": 3, "extension": {"a": 1}},
                 {"type": "Patient", "url": "https://x/files/2"}],
      "error": [{"type": "OperationOutcome", "url": "https://x/files/e"}],
      "deleted": [{"type": "Bundle", "url": "https://x/files/d", "count": 1}],
      "extension": {"https://example.org/x": true},
      "link": [{"relation": "next", "url": "https://x/manifest?page=2"}],
      "message": "hello",
      "issues": ["future field"]
    })"_ba;
    const Result<Manifest> r = Manifest::parse(json);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    const Manifest &m = r.value();
    QCOMPARE(m.transactionTime, QDateTime(QDate(2026, 11, 24), QTime(10, 0, 0, 123), Qt::UTC));
    QCOMPARE(m.request, u"https://x/fhir/$export?_type=Patient"_s);
    QVERIFY(m.requiresAccessToken);
    QCOMPARE(m.files.size(), 4);
    QCOMPARE(m.count(FileKind::Output), 2);
    QCOMPARE(m.count(FileKind::Error), 1);
    QCOMPARE(m.count(FileKind::Deleted), 1);
    QCOMPARE(m.files.at(0).count, std::optional<qint64>(3));
    QVERIFY(!m.files.at(1).count.has_value());
    QVERIFY(m.files.at(0).extra.contains(u"extension"_s));
    QCOMPARE(m.nextPage, QUrl(u"https://x/manifest?page=2"_s));
    QCOMPARE(m.message, u"hello"_s);
    QVERIFY(m.extension.isObject());
    QVERIFY(m.unknown.contains(u"issues"_s));
    QVERIFY(m.warnings.isEmpty());
}

void TestManifest::hapiEmptyWithMessage()
{
    const auto r = Manifest::parse(
        R"({"transactionTime":"2026-02-19T10:23:53.417+11:00","request":"http://localhost:8080/fhir/$export",
            "requiresAccessToken":true,"output":[],"error":[],
            "message":"Export complete, but no data to generate report for job instance: 7a75"})"_ba);
    QVERIFY(r.ok());
    QVERIFY(r->files.isEmpty());
    QVERIFY(r->message.startsWith(u"Export complete, but no data"_s));
    QCOMPARE(r->transactionTime.toUTC(),
             QDateTime(QDate(2026, 2, 18), QTime(23, 23, 53, 417), Qt::UTC));
}

void TestManifest::requiresAccessTokenAsString()
{
    const auto r =
        Manifest::parse(R"({"transactionTime":"2026-01-01T00:00:00Z","requiresAccessToken":"true",
        "output":[{"type":"Patient","url":"https://x/1"}],"error":[]})"_ba);
    QVERIFY(r.ok());
    QVERIFY(r->requiresAccessToken);
    QCOMPARE(r->warnings.size(), 1);
}

void TestManifest::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << "<html>oops</html>"_ba << u"not JSON"_s;
    QTest::newRow("truncated") << R"({"output":[)"_ba << u"not JSON"_s;
    QTest::newRow("array") << "[]"_ba << u"not a JSON object"_s;
    QTest::newRow("no output") << R"({"transactionTime":"2026-01-01T00:00:00Z"})"_ba << u"output"_s;
    QTest::newRow("output not list") << R"({"output":{}})"_ba << u"\"output\" is not a list"_s;
    QTest::newRow("entry not object") << R"({"output":[1]})"_ba << u"output entry 1"_s;
    QTest::newRow("no url") << R"({"output":[{"type":"Patient"}]})"_ba << u"no \"url\""_s;
    QTest::newRow("negative count")
        << R"({"output":[{"type":"P","url":"https://x/1","count":-3}]})"_ba << u"count"_s;
    QTest::newRow("fraction count")
        << R"({"output":[{"type":"P","url":"https://x/1","count":2.5}]})"_ba << u"count"_s;
    QTest::newRow("huge count")
        << R"({"output":[{"type":"P","url":"https://x/1","count":1e300}]})"_ba << u"count"_s;
    QTest::newRow("string count")
        << R"({"output":[{"type":"P","url":"https://x/1","count":"3"}]})"_ba << u"count"_s;
    QTest::newRow("bad time") << R"({"transactionTime":"yesterday","output":[]})"_ba
                              << u"transactionTime"_s;
    QTest::newRow("bad token flag")
        << R"({"requiresAccessToken":"yes","output":[]})"_ba << u"requiresAccessToken"_s;
    QTest::newRow("operation outcome")
        << R"({"resourceType":"OperationOutcome","issue":[]})"_ba << u"OperationOutcome"_s;
    QTest::newRow("bad next link")
        << R"({"output":[],"link":[{"relation":"next","url":"file:///x"}]})"_ba << u"next page"_s;
}

void TestManifest::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const auto r = Manifest::parse(json);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Protocol);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    QVERIFY(r.error().message.startsWith(u"The server's manifest is not valid"_s));
}

void TestManifest::unusableUrlFailsOnlyItsEntry_data()
{
    QTest::addColumn<QByteArray>("url");
    QTest::newRow("file") << "file:///etc/passwd"_ba;
    QTest::newRow("ftp") << "ftp://x/y"_ba;
    QTest::newRow("javascript") << "javascript:alert(1)"_ba;
    QTest::newRow("relative") << "/files/1"_ba;
    QTest::newRow("gs") << "gs://bucket/Patient.ndjson"_ba;
    QTest::newRow("unencoded space") << "https://x/a b"_ba;
}

void TestManifest::unusableUrlFailsOnlyItsEntry()
{
    QFETCH(QByteArray, url);
    const QByteArray json = R"({"output":[{"type":"Patient","url":")" + url +
                            R"("},{"type":"Observation","url":"https://x/2","count":3}]})";
    const auto r = Manifest::parse(json);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->files.size(), 2);
    QVERIFY2(r->files.at(0).problem.contains(u"output entry 1"_s) &&
                 r->files.at(0).problem.contains(u"HTTP(S)"_s),
             qPrintable(r->files.at(0).problem));
    QVERIFY(r->files.at(0).url.isEmpty()); // never fetched
    QVERIFY(r->files.at(1).problem.isEmpty());
    QCOMPARE(r->files.at(1).url, QUrl(u"https://x/2"_s));
}

void TestManifest::paging()
{
    auto first =
        Manifest::parse(R"({"transactionTime":"2026-01-01T00:00:00Z","requiresAccessToken":true,
        "output":[{"type":"Patient","url":"https://x/1"}],"error":[],
        "link":[{"relation":"next","url":"https://x/m2"}]})"_ba);
    auto second =
        Manifest::parse(R"({"transactionTime":"2026-01-01T00:00:00Z","requiresAccessToken":true,
        "output":[{"type":"Observation","url":"https://x/2"}],"error":[]})"_ba);
    QVERIFY(first.ok() && second.ok());
    Manifest m = first.value();
    QCOMPARE(m.nextPage, QUrl(u"https://x/m2"_s));
    m.appendPage(second.value());
    QCOMPARE(m.files.size(), 2);
    QVERIFY(!m.nextPage.isValid());
}

void TestManifest::manyEntries()
{
    QJsonArray output;
    for (int i = 0; i < 100000; ++i)
        output.append(QJsonObject{{u"type"_s, u"Observation"_s},
                                  {u"url"_s, u"https://x/f/%1"_s.arg(i)},
                                  {u"count"_s, i}});
    const QByteArray json =
        QJsonDocument(QJsonObject{{u"output"_s, output}, {u"requiresAccessToken"_s, true}})
            .toJson();
    const auto r = Manifest::parse(json);
    QVERIFY(r.ok());
    QCOMPARE(r->files.size(), 100000);
    QCOMPARE(r->files.last().count, std::optional<qint64>(99999));
}

void TestManifest::deeplyNested()
{
    QByteArray json = "{\"output\":[],\"extension\":";
    for (int i = 0; i < 100000; ++i)
        json += '[';
    const auto r = Manifest::parse(json);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(u"not JSON"_s));
}

void TestManifest::safeNames_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("safe");
    QTest::newRow("normal") << u"Patient"_s << u"Patient"_s;
    QTest::newRow("dot dot slash") << u"../../etc/passwd"_s << u"etcpasswd"_s;
    QTest::newRow("absolute") << u"/tmp/x"_s << u"tmpx"_s;
    QTest::newRow("backslash") << u"..\\..\\x"_s << u"x"_s;
    QTest::newRow("nul") << (u"Pat"_s + QChar(0) + u"ient"_s) << u"Patient"_s;
    QTest::newRow("only dots") << u"...."_s << u"Resource"_s;
    QTest::newRow("empty") << QString() << u"Resource"_s;
    QTest::newRow("very long") << QString(5000, u'A') << QString(64, u'A');
    QTest::newRow("unicode") << u"Påtient"_s << u"Ptient"_s;
}

void TestManifest::safeNames()
{
    QFETCH(QString, type);
    QFETCH(QString, safe);
    QCOMPARE(safeTypeName(type), safe);
    for (FileKind kind : {FileKind::Output, FileKind::Error, FileKind::Deleted}) {
        const QString path = exportFileName(kind, type, 3);
        QVERIFY2(isContainedRelativePath(path), qPrintable(path));
        QVERIFY(path.endsWith(u".3.ndjson"_s));
    }
    QCOMPARE(exportFileName(FileKind::Error, u"OperationOutcome"_s, 1),
             u"errors/OperationOutcome.1.ndjson"_s);
    QCOMPARE(exportFileName(FileKind::Deleted, u"Patient"_s, 2), u"deleted/Patient.2.ndjson"_s);
    QVERIFY(!isContainedRelativePath(u"../x"_s));
    QVERIFY(!isContainedRelativePath(u"/x"_s));
    QVERIFY(!isContainedRelativePath(u"a/../../x"_s));
}

void TestManifest::outcome_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("transient");
    QTest::addColumn<QString>("text");
    QTest::newRow("processing")
        << R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing",
        "diagnostics":"An internal timeout has occurred"}]})"_ba
        << false << u"error (processing): An internal timeout has occurred"_s;
    QTest::newRow("transient")
        << R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient",
        "details":{"text":"try later"}}]})"_ba
        << true << u"error (transient): try later"_s;
    QTest::newRow("throttled + info")
        << R"({"resourceType":"OperationOutcome","issue":[{"severity":"information",
        "code":"informational","diagnostics":"fyi"},{"severity":"fatal","code":"throttled"}]})"_ba
        << true << u"information (informational): fyi\nfatal (throttled)"_s;
}

void TestManifest::outcome()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, transient);
    QFETCH(QString, text);
    const auto o = OperationOutcome::fromJson(body);
    QVERIFY(o.has_value());
    QCOMPARE(o->isTransient(), transient);
    QCOMPARE(o->toText(), text);
    QVERIFY(describeErrorBody(500, body).contains(text.section(u'\n', 0, 0)));
    QVERIFY(!OperationOutcome::fromJson("<html>Bad gateway</html>"_ba).has_value());
    QCOMPARE(describeErrorBody(502, "<html>Bad gateway</html>"_ba),
             u"The server answered 502 without an explanation."_s);
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
