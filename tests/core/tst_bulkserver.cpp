// The simulated bulk data server, exercised over real HTTP on 127.0.0.1 with a plain
// QNetworkAccessManager: the engine's tests trust it, so it gets its own.

#include "demo/bulkserver.h"
#include "demo/demodata.h"
#include "demo/http/gzip.h"
#include "faultybulkserver.h"
#include "manualclock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>
#include <QtEndian>

#include <memory>

using namespace Qt::StringLiterals;
using fbm::demo::BulkServer;
using fbm::demo::Flavor;
using fbm::demo::Script;
using fbm::demo::ServedFile;
using fbm::test::FaultyBulkServer;
using fbm::test::FileFault;
using fbm::test::ManualClock;

Q_DECLARE_METATYPE(fbm::demo::Flavor)

namespace {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    RawHeaders headers;
    bool finished = false;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString diagnostics() const
    {
        return json()
            .value(u"issue"_s)
            .toArray()
            .at(0)
            .toObject()
            .value(u"diagnostics"_s)
            .toString();
    }
};

const RawHeaders kKickoffHeaders{{"Accept", "application/fhir+json"}, {"Prefer", "respond-async"}};

qint64 rssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class tst_BulkServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FaultyBulkServer> m_server;
    ManualClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    Answer send(const QByteArray &method, const QUrl &url, const RawHeaders &headers = {},
                const QByteArray &body = {}, int transferTimeoutMs = 0)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        if (transferTimeoutMs > 0)
            request.setTransferTimeout(transferTimeoutMs);
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
        Answer a;
        QObject::connect(reply, &QNetworkReply::readyRead, reply,
                         [&a, reply] { a.body += reply->readAll(); });
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(20000);
        a.finished = reply->isFinished();
        if (reply->isOpen())
            a.body += reply->readAll();
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.error = reply->error();
        a.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return a;
    }
    Answer get(const QUrl &url, const RawHeaders &headers = {})
    {
        return send("GET", url, headers);
    }
    QUrl url(const QString &path, const QString &query = {}) const
    {
        QUrl u = m_server->baseUrl();
        u.setPath(u.path() + path);
        if (!query.isEmpty())
            u.setQuery(query);
        return u;
    }
    /// Kicks off a system export and returns its status URL.
    QUrl kickoff()
    {
        const Answer a = get(url(u"/$export"_s), kKickoffHeaders);
        if (a.status != 202)
            return {};
        return QUrl::fromEncoded(a.header("Content-Location"));
    }
    /// Polls until the 200 and returns the manifest.
    Answer pollToDone(const QUrl &status)
    {
        Answer a;
        for (int i = 0; i < 20; ++i) {
            a = get(status, {{"Accept", "application/json"}});
            if (a.status != 202)
                break;
        }
        return a;
    }
    static QList<ServedFile> sampleFiles()
    {
        ServedFile patients;
        patients.type = u"Patient"_s;
        patients.content = "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n"
                           "{\"resourceType\":\"Patient\",\"id\":\"b\"}\n";
        ServedFile observations;
        observations.type = u"Observation"_s;
        observations.generatedLines = 10;
        ServedFile errors;
        errors.kind = u"error"_s;
        errors.type = u"OperationOutcome"_s;
        errors.content = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
                         "\"warning\",\"code\":\"processing\"}]}\n";
        return {patients, observations, errors};
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FaultyBulkServer>();
        QVERIFY(m_server->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
    }

    void listensOnLoopbackWithTwoOrigins()
    {
        QCOMPARE(m_server->baseUrl().host(), u"127.0.0.1"_s);
        QCOMPARE(m_server->baseUrl().path(), u"/fhir"_s);
        QVERIFY(!m_server->baseUrl().toString().endsWith(u'/'));
        QCOMPARE(m_server->baseUrl().port(), int(m_server->port()));
        QCOMPARE(m_server->fileOrigin().host(), u"127.0.0.1"_s);
        QVERIFY(m_server->fileOrigin().port() > 0);
        QVERIFY(m_server->fileOrigin().port() != m_server->baseUrl().port());
        QVERIFY(!m_server->listen()); // already listening
    }

    void kickoffHeaderChecks_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<QByteArray>("prefer");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("diagnostics");
        QTest::newRow("both") << "application/fhir+json"_ba
                              << "respond-async"_ba << 202 << u""_s;
        QTest::newRow("accept with parameter") << "application/fhir+json; fhirVersion=4.0"_ba
                                               << "respond-async"_ba << 202 << u""_s;
        QTest::newRow("prefer list") << "application/fhir+json"_ba
                                     << "respond-async, handling=lenient"_ba << 202 << u""_s;
        QTest::newRow("no prefer") << "application/fhir+json"_ba
                                   << ""_ba << 400 << u"HAPI-0513"_s;
        QTest::newRow("other prefer") << "application/fhir+json"_ba
                                      << "return=minimal"_ba << 400 << u"HAPI-0513"_s;
        QTest::newRow("no accept") << ""_ba
                                   << "respond-async"_ba << 406 << u"Accept"_s;
        QTest::newRow("plain json") << "application/json"_ba
                                    << "respond-async"_ba << 406 << u"Accept"_s;
    }
    void kickoffHeaderChecks()
    {
        QFETCH(QByteArray, accept);
        QFETCH(QByteArray, prefer);
        QFETCH(int, status);
        QFETCH(QString, diagnostics);
        RawHeaders h;
        if (!accept.isEmpty())
            h.append({"Accept", accept});
        if (!prefer.isEmpty())
            h.append({"Prefer", prefer});
        const Answer a = get(url(u"/$export"_s), h);
        QCOMPARE(a.status, status);
        QCOMPARE(a.json().value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
        QVERIFY(a.header("Content-Type").startsWith("application/fhir+json"));
        if (status == 202) {
            QVERIFY(a.hasHeader("Content-Location"));
            QCOMPARE(m_server->jobCount(), 1);
            QCOMPARE(a.json()[u"issue"_s][0][u"severity"_s].toString(), u"information"_s);
        } else {
            QVERIFY2(a.diagnostics().contains(diagnostics), qPrintable(a.diagnostics()));
            QVERIFY(!a.hasHeader("Content-Location"));
            QCOMPARE(m_server->jobCount(), 0);
        }
    }

    void kickoffLevelsAndParameters_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QStringList>("parameters"); // name=value

        QTest::newRow("system GET")
            << "GET"_ba << u"/$export"_s << u"_type=Patient,Observation"_s << QByteArray() << 202
            << u"system"_s << QStringList{u"_type=Patient,Observation"_s};
        QTest::newRow("patient GET") << "GET"_ba << u"/Patient/$export"_s << QString()
                                     << QByteArray() << 202 << u"patient"_s << QStringList();
        QTest::newRow("group GET")
            << "GET"_ba << u"/Group/demo-group-2/$export"_s << u"_since=2024-01-01T00:00:00Z"_s
            << QByteArray() << 202 << u"group"_s << QStringList{u"_since=2024-01-01T00:00:00Z"_s};
        QTest::newRow("typeFilter decoded")
            << "GET"_ba << u"/$export"_s
            << u"_typeFilter=MedicationRequest%3Fstatus%3Dactive&_typeFilter=Observation%3Fcode%3Dx%26y%3Az"_s
            << QByteArray() << 202 << u"system"_s
            << QStringList{u"_typeFilter=MedicationRequest?status=active"_s,
                           u"_typeFilter=Observation?code=x&y:z"_s};
        QTest::newRow("unknown group") << "GET"_ba << u"/Group/nope/$export"_s << QString()
                                       << QByteArray() << 404 << QString() << QStringList();
        QTest::newRow("POST Parameters")
            << "POST"_ba << u"/Group/demo-group-1/$export"_s << QString()
            << R"({"resourceType":"Parameters","parameter":[
                   {"name":"_type","valueString":"Patient,Observation"},
                   {"name":"_since","valueInstant":"2020-01-01T00:00:00Z"},
                   {"name":"patient","valueReference":{"reference":"Patient/123"}},
                   {"name":"includeAssociatedData","valueCoding":{"system":"s","code":"LatestProvenanceResources"}},
                   {"name":"allowPartialManifests","valueBoolean":false}]})"_ba
            << 202 << u"group"_s
            << QStringList{u"_type=Patient,Observation"_s, u"_since=2020-01-01T00:00:00Z"_s,
                           u"patient=Patient/123"_s,
                           u"includeAssociatedData=s|LatestProvenanceResources"_s,
                           u"allowPartialManifests=false"_s};
        QTest::newRow("POST not JSON") << "POST"_ba << u"/$export"_s << QString()
                                       << "_type=Patient"_ba << 400 << QString() << QStringList();
        QTest::newRow("POST not Parameters")
            << "POST"_ba << u"/$export"_s << QString() << R"({"resourceType":"Patient"})"_ba << 400
            << QString() << QStringList();
        QTest::newRow("POST parameter without value")
            << "POST"_ba << u"/$export"_s << QString()
            << R"({"resourceType":"Parameters","parameter":[{"name":"_type"}]})"_ba << 400
            << QString() << QStringList();
        QTest::newRow("patient on system level")
            << "POST"_ba << u"/$export"_s << QString()
            << R"({"resourceType":"Parameters","parameter":[{"name":"patient","valueReference":{"reference":"Patient/1"}}]})"_ba
            << 400 << QString() << QStringList();
        QTest::newRow("patient in GET")
            << "GET"_ba << u"/Patient/$export"_s << u"patient=Patient/1"_s << QByteArray() << 400
            << QString() << QStringList();
        QTest::newRow("bad _outputFormat") << "GET"_ba << u"/$export"_s << u"_outputFormat=csv"_s
                                           << QByteArray() << 400 << QString() << QStringList();
        QTest::newRow("ndjson _outputFormat")
            << "GET"_ba << u"/$export"_s << u"_outputFormat=ndjson"_s << QByteArray() << 202
            << u"system"_s << QStringList{u"_outputFormat=ndjson"_s};
        QTest::newRow("bad _since") << "GET"_ba << u"/$export"_s << u"_since=yesterday"_s
                                    << QByteArray() << 400 << QString() << QStringList();
        QTest::newRow("PUT") << "PUT"_ba << u"/$export"_s << QString() << QByteArray() << 405
                             << QString() << QStringList();
    }
    void kickoffLevelsAndParameters()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, level);
        QFETCH(QStringList, parameters);

        RawHeaders h = kKickoffHeaders;
        if (!body.isEmpty())
            h.append(qMakePair("Content-Type"_ba, "application/fhir+json"_ba));
        QUrl u = url(path);
        if (!query.isEmpty())
            u.setQuery(query, QUrl::StrictMode);
        const Answer a = send(method, u, h, body);
        QCOMPARE(a.status, status);
        QCOMPARE(a.json().value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
        if (status != 202) {
            QCOMPARE(m_server->jobCount(), 0);
            QCOMPARE(a.json()[u"issue"_s][0][u"severity"_s].toString(), u"error"_s);
            return;
        }
        const BulkServer::JobInfo info = m_server->jobInfo(m_server->lastJobId());
        QCOMPARE(info.id, m_server->lastJobId());
        QCOMPARE(info.level, level);
        QCOMPARE(info.method, method);
        QCOMPARE(info.requestUrl, u);
        QStringList got;
        for (const auto &p : info.parameters)
            got.append(p.first + u'=' + p.second);
        QCOMPARE(got, parameters);
        if (level == u"group"_s)
            QVERIFY(path.contains(info.groupId) && !info.groupId.isEmpty());
    }

    void statusUrlAndPollSequence_data()
    {
        QTest::addColumn<Flavor>("flavor");
        QTest::addColumn<QString>("statusPattern");
        QTest::addColumn<QString>("progressPattern");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<bool>("expires");
        QTest::addColumn<QString>("filePattern");

        const QString id = u"[0-9a-f-]{36}"_s;
        QTest::newRow("Standard") << Flavor::Standard << u"/fhir/jobs/%1/status$"_s.arg(id)
                                  << u"^\\d+% complete$"_s << "0"_ba << false
                                  << u"/fhir/files/%1/\\d+\\.ndjson$"_s.arg(id);
        QTest::newRow("Hapi") << Flavor::Hapi
                              << u"/fhir/\\$export-poll-status\\?_jobId=%1$"_s.arg(id)
                              << u"^Build in progress - Status set to IN_PROGRESS at "
                                 "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00$"_s
                              << "120"_ba << false << u"/fhir/Binary/%1-\\d+$"_s.arg(id);
        QTest::newRow("Oracle") << Flavor::Oracle << u"/fhir/bulk-export/jobs/%1$"_s.arg(id)
                                << u"^in-progress$"_s << "600"_ba << true
                                << u"/fhir/bulk-export/files/%1-\\d+$"_s.arg(id);
        QTest::newRow("EHealth") << Flavor::EHealth
                                 << u"/fhir/\\$export-poll-status\\?_jobId=%1$"_s.arg(id)
                                 << u"^Build in progress - Status set to IN_PROGRESS at .*$"_s
                                 << "120"_ba << true << u"/fhir/Binary/%1-\\d+$"_s.arg(id);
    }
    void statusUrlAndPollSequence()
    {
        QFETCH(Flavor, flavor);
        QFETCH(QString, statusPattern);
        QFETCH(QString, progressPattern);
        QFETCH(QByteArray, retryAfter);
        QFETCH(bool, expires);
        QFETCH(QString, filePattern);

        Script s;
        s.flavor = flavor;
        s.pollsBeforeDone = 3;
        m_server->setScript(s);
        m_server->setFiles(sampleFiles());
        const QUrl status = kickoff();
        QVERIFY(status.isValid());
        QVERIFY(status.toString().startsWith(m_server->baseUrl().toString()));
        QVERIFY2(QRegularExpression(statusPattern).match(status.toString()).hasMatch(),
                 qPrintable(status.toString()));
        QCOMPARE(m_server->statusUrl(m_server->lastJobId()), status);

        for (int i = 0; i < 3; ++i) {
            const Answer a = get(status, {{"Accept", "application/json"}});
            QCOMPARE(a.status, 202);
            QVERIFY2(QRegularExpression(progressPattern)
                         .match(QString::fromLatin1(a.header("X-Progress")))
                         .hasMatch(),
                     a.header("X-Progress").constData());
            QCOMPARE(a.header("Retry-After"), retryAfter);
        }
        const Answer done = get(status, {{"Accept", "application/json"}});
        QCOMPARE(done.status, 200);
        QCOMPARE(done.header("Content-Type"), "application/json"_ba);
        QCOMPARE(done.hasHeader("Expires"), expires);
        const QJsonArray output = done.json().value(u"output"_s).toArray();
        QCOMPARE(output.size(), 2);
        for (const QJsonValue &o : output) {
            const QString u = o[u"url"_s].toString();
            QVERIFY2(QRegularExpression(filePattern).match(u).hasMatch(), qPrintable(u));
        }
        QCOMPARE(done.json().value(u"error"_s).toArray().size(), 1);
        QVERIFY(m_server->jobInfo(m_server->lastJobId()).completed);
        QCOMPARE(m_server->jobInfo(m_server->lastJobId()).polls, 4);
        // The manifest stays available.
        QCOMPARE(get(status).status, 200);
    }

    void expiresIsAnHttpDateFromTheClock()
    {
        const QDateTime fixed(QDate(2025, 3, 4), QTime(5, 6, 7), Qt::UTC);
        m_clock.set(fixed);
        m_server->setClock(&m_clock);
        Script s;
        s.flavor = Flavor::EHealth;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const Answer done = pollToDone(kickoff());
        QCOMPARE(done.status, 200);
        QCOMPARE(done.header("Expires"), "Tue, 04 Mar 2025 07:06:07 GMT"_ba);
        QCOMPARE(done.header("Date"), "Tue, 04 Mar 2025 05:06:07 GMT"_ba);
        QCOMPARE(done.json().value(u"transactionTime"_s).toString(), u"2025-03-04T05:06:07.000Z"_s);

        s.flavor = Flavor::Standard;
        s.expiresInSeconds = 60;
        m_server->setScript(s);
        QCOMPARE(pollToDone(kickoff()).header("Expires"), "Tue, 04 Mar 2025 05:07:07 GMT"_ba);
    }

    void retryAfterAndProgressVariants_data()
    {
        QTest::addColumn<Flavor>("flavor");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<QList<QByteArray>>("expectedRetryAfter"); // "-" = no header
        QTest::addColumn<QList<QByteArray>>("expectedProgress");   // "-" = no header

        QTest::newRow("seconds") << Flavor::Standard << 5 << QByteArray() << QStringList()
                                 << QList<QByteArray>{"5", "5", "5"}
                                 << QList<QByteArray>{"25% complete", "50% complete",
                                                      "75% complete"};
        QTest::newRow("none") << Flavor::Hapi << -1 << QByteArray() << QStringList{u"x"_s}
                              << QList<QByteArray>{"-", "-", "-"}
                              << QList<QByteArray>{"x", "x", "x"};
        QTest::newRow("override Oracle")
            << Flavor::Oracle << 3 << QByteArray() << QStringList()
            << QList<QByteArray>{"3", "3", "3"}
            << QList<QByteArray>{"in-progress", "in-progress", "in-progress"};
        QTest::newRow("http-date")
            << Flavor::Standard << 0 << "Fri, 31 Dec 1999 23:59:59 GMT"_ba
            << QStringList{u"\u201c50% complete\u201d"_s}
            << QList<QByteArray>{"Fri, 31 Dec 1999 23:59:59 GMT", "Fri, 31 Dec 1999 23:59:59 GMT",
                                 "Fri, 31 Dec 1999 23:59:59 GMT"}
            << QList<QByteArray>{"\xe2\x80\x9c"
                                 "50% complete\xe2\x80\x9d",
                                 "\xe2\x80\x9c"
                                 "50% complete\xe2\x80\x9d",
                                 "\xe2\x80\x9c"
                                 "50% complete\xe2\x80\x9d"};
        QTest::newRow("garbage cycled texts")
            << Flavor::Standard << 7 << "soon"_ba
            << QStringList{u"Search in progress - found 954 of 1,000 resources"_s, QString()}
            << QList<QByteArray>{"soon", "soon", "soon"}
            << QList<QByteArray>{"Search in progress - found 954 of 1,000 resources", "-",
                                 "Search in progress - found 954 of 1,000 resources"};
        QTest::newRow("negative") << Flavor::Standard << 0 << "-5"_ba << QStringList()
                                  << QList<QByteArray>{"-5", "-5", "-5"}
                                  << QList<QByteArray>{"25% complete", "50% complete",
                                                       "75% complete"};
    }
    void retryAfterAndProgressVariants()
    {
        QFETCH(Flavor, flavor);
        QFETCH(int, seconds);
        QFETCH(QByteArray, raw);
        QFETCH(QStringList, texts);
        QFETCH(QList<QByteArray>, expectedRetryAfter);
        QFETCH(QList<QByteArray>, expectedProgress);
        Script s;
        s.flavor = flavor;
        s.pollsBeforeDone = 3;
        s.retryAfterSeconds = seconds;
        s.retryAfterRaw = raw;
        s.progressTexts = texts;
        m_server->setScript(s);
        const QUrl status = kickoff();
        for (int i = 0; i < 3; ++i) {
            const Answer a = get(status);
            QCOMPARE(a.status, 202);
            if (expectedRetryAfter[i] == "-")
                QVERIFY(!a.hasHeader("Retry-After"));
            else
                QCOMPARE(a.header("Retry-After"), expectedRetryAfter[i]);
            if (expectedProgress[i] == "-")
                QVERIFY(!a.hasHeader("X-Progress"));
            else
                QCOMPARE(a.header("X-Progress"), expectedProgress[i]);
        }
        QCOMPARE(get(status).status, 200);
    }

    void pollQueueComesFirst()
    {
        Script s;
        s.pollsBeforeDone = 1;
        const QByteArray transient =
            R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient"}]})"_ba;
        s.pollQueue = {{429, {}, {}, "1"},
                       {503, transient, "application/fhir+json", {}},
                       {502, "<html>Bad gateway</html>", "text/html", "2"}};
        m_server->setScript(s);
        const QUrl status = kickoff();

        Answer a = get(status);
        QCOMPARE(a.status, 429);
        QCOMPARE(a.header("Retry-After"), "1"_ba);
        QVERIFY(a.body.isEmpty());
        a = get(status);
        QCOMPARE(a.status, 503);
        QVERIFY(!a.hasHeader("Retry-After"));
        QCOMPARE(a.body, transient);
        QCOMPARE(a.header("Content-Type"), "application/fhir+json"_ba);
        a = get(status);
        QCOMPARE(a.status, 502);
        QCOMPARE(a.header("Content-Type"), "text/html"_ba);
        QCOMPARE(a.header("Retry-After"), "2"_ba);
        QCOMPARE(get(status).status, 202);
        QCOMPARE(get(status).status, 200);
        // The queue belongs to that job: a new job starts with the full queue again.
        QCOMPARE(get(kickoff()).status, 429);
    }

    void manifestContents()
    {
        const QDateTime start(QDate(2024, 6, 1), QTime(12, 0, 0, 250), Qt::UTC);
        m_clock.set(start);
        m_server->setClock(&m_clock);
        QList<ServedFile> files = sampleFiles();
        ServedFile deleted;
        deleted.kind = u"deleted"_s;
        deleted.type = u"Bundle"_s;
        deleted.generatedLines = 3;
        deleted.includeCount = false;
        files.append(deleted);
        m_server->setFiles(files);

        const Answer k = get(url(u"/Patient/$export"_s, u"_type=Patient"_s), kKickoffHeaders);
        // The manifest carries the job's start, not the poll's time.
        m_clock.set(start.addSecs(3600));
        const Answer done = pollToDone(QUrl::fromEncoded(k.header("Content-Location")));
        QCOMPARE(done.status, 200);
        const QJsonObject m = done.json();
        QCOMPARE(m.value(u"transactionTime"_s).toString(), u"2024-06-01T12:00:00.250Z"_s);
        QCOMPARE(m.value(u"request"_s).toString(),
                 url(u"/Patient/$export"_s, u"_type=Patient"_s).toString());
        QCOMPARE(m.value(u"requiresAccessToken"_s), QJsonValue(true));
        const QJsonArray output = m.value(u"output"_s).toArray();
        QCOMPARE(output.size(), 2);
        QCOMPARE(output[0][u"type"_s].toString(), u"Patient"_s);
        QCOMPARE(output[0][u"count"_s].toInt(), 2);
        QCOMPARE(output[1][u"type"_s].toString(), u"Observation"_s);
        QCOMPARE(output[1][u"count"_s].toInt(), 10);
        const QJsonArray errors = m.value(u"error"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0][u"type"_s].toString(), u"OperationOutcome"_s);
        const QJsonArray del = m.value(u"deleted"_s).toArray();
        QCOMPARE(del.size(), 1);
        QVERIFY(!del[0].toObject().contains(u"count"_s));
        QVERIFY(!m.contains(u"link"_s));
        QVERIFY(!m.contains(u"message"_s));

        // Every URL of the manifest serves the file it names.
        const QList<QPair<QString, int>> urls{{output[0][u"url"_s].toString(), 0},
                                              {output[1][u"url"_s].toString(), 1},
                                              {errors[0][u"url"_s].toString(), 2},
                                              {del[0][u"url"_s].toString(), 3}};
        for (const auto &u : urls) {
            const Answer f = get(QUrl(u.first), {{"Accept", "application/fhir+ndjson"}});
            QCOMPARE(f.status, 200);
            QCOMPARE(f.header("Content-Type"), "application/fhir+ndjson"_ba);
            QCOMPARE(f.body, m_server->expectedContent(u.second));
            QCOMPARE(qint64(f.body.size()), m_server->expectedSize(u.second));
        }
        QCOMPARE(m_server->lineCount(3), 3);
    }

    void manifestVariants()
    {
        m_server->setFiles(sampleFiles());
        Script s;
        s.pollsBeforeDone = 0;
        s.requiresAccessTokenAsString = true;
        m_server->setScript(s);
        QCOMPARE(pollToDone(kickoff()).json().value(u"requiresAccessToken"_s),
                 QJsonValue(u"true"_s));

        s.requiresAccessTokenAsString = false;
        s.requiresAccessToken = false;
        m_server->setScript(s);
        QCOMPARE(pollToDone(kickoff()).json().value(u"requiresAccessToken"_s), QJsonValue(false));

        s = {};
        s.pollsBeforeDone = 0;
        s.emptyWithMessage = true;
        s.flavor = Flavor::Hapi;
        m_server->setScript(s);
        QJsonObject m = pollToDone(kickoff()).json();
        QCOMPARE(m.value(u"output"_s).toArray().size(), 0);
        QVERIFY(m.value(u"error"_s).isArray());
        QCOMPARE(m.value(u"error"_s).toArray().size(), 0);
        QCOMPARE(m.value(u"message"_s).toString(),
                 u"Export complete, but no data to generate report for job instance: "_s +
                     m_server->lastJobId());

        s = {};
        s.pollsBeforeDone = 0;
        s.manifestOverride = "{\"output\": [ not json";
        m_server->setScript(s);
        const Answer bad = pollToDone(kickoff());
        QCOMPARE(bad.status, 200);
        QCOMPARE(bad.body, s.manifestOverride);
    }

    void typeParameterFiltersTheManifestWhenAsked_data()
    {
        QTest::addColumn<bool>("honour");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("types");
        QTest::newRow("ignored") << false << u"_type=Observation"_s
                                 << QStringList{u"Patient"_s, u"Observation"_s};
        QTest::newRow("one type") << true << u"_type=Observation"_s
                                  << QStringList{u"Observation"_s};
        QTest::newRow("repeated") << true << u"_type=Observation&_type=Patient"_s
                                  << QStringList{u"Patient"_s, u"Observation"_s};
        QTest::newRow("comma list")
            << true << u"_type=Patient,Condition"_s << QStringList{u"Patient"_s};
        QTest::newRow("no _type") << true << QString()
                                  << QStringList{u"Patient"_s, u"Observation"_s};
    }
    void typeParameterFiltersTheManifestWhenAsked()
    {
        QFETCH(bool, honour);
        QFETCH(QString, query);
        QFETCH(QStringList, types);
        m_server->setFiles(sampleFiles());
        Script s;
        s.pollsBeforeDone = 0;
        s.honourTypeParameter = honour;
        m_server->setScript(s);
        const Answer k = get(url(u"/$export"_s, query), kKickoffHeaders);
        QCOMPARE(k.status, 202);
        const QJsonObject m = pollToDone(QUrl::fromEncoded(k.header("Content-Location"))).json();
        QStringList got;
        const QJsonArray output = m.value(u"output"_s).toArray();
        for (const QJsonValue &o : output)
            got.append(o[u"type"_s].toString());
        QCOMPARE(got, types);
        QCOMPARE(m.value(u"error"_s).toArray().size(), 1); // error files always
    }

    void pagedManifest()
    {
        QList<ServedFile> files;
        for (int i = 0; i < 5; ++i) {
            ServedFile f;
            f.type = u"Observation"_s;
            f.generatedLines = i + 1;
            files.append(f);
        }
        ServedFile err;
        err.kind = u"error"_s;
        err.type = u"OperationOutcome"_s;
        err.generatedLines = 1;
        files.append(err);
        m_server->setFiles(files);
        Script s;
        s.pollsBeforeDone = 0;
        s.manifestPages = 3;
        m_server->setScript(s);

        QJsonObject m = pollToDone(kickoff()).json();
        QStringList seen;
        QList<int> perPage;
        int pages = 0;
        while (true) {
            ++pages;
            const QJsonArray output = m.value(u"output"_s).toArray();
            perPage.append(int(output.size()));
            for (const QJsonValue &o : output)
                seen.append(o[u"url"_s].toString());
            QCOMPARE(m.value(u"error"_s).toArray().size(), pages == 1 ? 1 : 0);
            QVERIFY(m.contains(u"transactionTime"_s));
            QVERIFY(m.contains(u"requiresAccessToken"_s));
            const QJsonArray link = m.value(u"link"_s).toArray();
            if (link.isEmpty())
                break;
            QCOMPARE(link[0][u"relation"_s].toString(), u"next"_s);
            const Answer next = get(QUrl(link[0][u"url"_s].toString()));
            QCOMPARE(next.status, 200);
            m = next.json();
            QVERIFY(pages < 10);
        }
        QCOMPARE(pages, 3);
        QCOMPARE(perPage, (QList<int>{2, 2, 1}));
        QCOMPARE(seen.size(), 5);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 5);
        QCOMPARE(get(url(u"/jobs/%1/manifest/4"_s.arg(m_server->lastJobId()))).status, 404);
    }

    void deleteSemantics_data()
    {
        QTest::addColumn<Flavor>("flavor");
        QTest::addColumn<bool>("keepsAnswering202");
        QTest::newRow("Standard") << Flavor::Standard << false;
        QTest::newRow("Oracle") << Flavor::Oracle << false;
        QTest::newRow("Hapi") << Flavor::Hapi << true;
        QTest::newRow("EHealth") << Flavor::EHealth << true;
    }
    void deleteSemantics()
    {
        QFETCH(Flavor, flavor);
        QFETCH(bool, keepsAnswering202);
        Script s;
        s.flavor = flavor;
        s.pollsBeforeDone = 5;
        m_server->setScript(s);
        m_server->setFiles(sampleFiles());

        const QUrl running = kickoff();
        const QString id = m_server->lastJobId();
        QCOMPARE(get(running).status, 202);
        Answer a = send("DELETE", running);
        QCOMPARE(a.status, 202);
        QCOMPARE(a.json()[u"issue"_s][0][u"severity"_s].toString(), u"information"_s);
        QVERIFY(m_server->jobCancelled(id));
        for (int i = 0; i < 2; ++i) {
            a = get(running);
            if (keepsAnswering202) {
                QCOMPARE(a.status, 202);
                QVERIFY2(a.header("X-Progress").contains("Status set to CANCELLED at "),
                         a.header("X-Progress").constData());
            } else {
                QCOMPARE(a.status, 404);
                QCOMPARE(a.json().value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
            }
        }
        QCOMPARE(send("DELETE", running).status, 404);

        // A finished job: HAPI cannot cancel it and keeps it ("Nothing to do"); the others
        // take the DELETE as the client's "the files may go" and remove the export.
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QUrl finished = kickoff();
        QVERIFY(finished != running);
        const Answer manifest = pollToDone(finished);
        QCOMPARE(manifest.status, 200);
        const QString fileUrl = manifest.json()[u"output"_s][0][u"url"_s].toString();
        const QString cancelledFile = QString(fileUrl).replace(m_server->lastJobId(), id);
        QCOMPARE(get(QUrl(cancelledFile)).status, 404); // files of a cancelled job are gone
        QCOMPARE(get(QUrl(fileUrl)).status, flavor == Flavor::Oracle ? 307 : 200);
        a = send("DELETE", finished);
        QVERIFY(!m_server->jobCancelled(m_server->lastJobId()));
        if (keepsAnswering202) {
            QCOMPARE(a.status, 404);
            QVERIFY2(a.diagnostics().contains(u"already cancelled or has completed"_s),
                     qPrintable(a.diagnostics()));
            QCOMPARE(get(finished).status, 200);
            QCOMPARE(get(QUrl(fileUrl)).status, 200); // those of a finished one stay
        } else {
            QCOMPARE(a.status, 202);
            QVERIFY(m_server->jobInfo(m_server->lastJobId()).removed);
            QCOMPARE(get(finished).status, 404);
            QCOMPARE(get(QUrl(fileUrl)).status, 404);
            QCOMPARE(send("DELETE", finished).status, 404); // once
        }

        // Unknown job.
        QUrl unknown = running;
        const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
        unknown = QUrl(running.toString().replace(id, other));
        QCOMPARE(send("DELETE", unknown).status, 404);
        QCOMPARE(get(unknown).status, 404);
    }

    void contentLocationVariants()
    {
        Script s;
        s.relativeContentLocation = true;
        m_server->setScript(s);
        Answer a = get(url(u"/Group/demo-group-1/$export"_s), kKickoffHeaders);
        QCOMPARE(a.status, 202);
        const QUrl relative = QUrl::fromEncoded(a.header("Content-Location"));
        QVERIFY(relative.isRelative());
        QCOMPARE(relative.path(), u"/fhir/jobs/%1/status"_s.arg(m_server->lastJobId()));
        const QUrl resolved = url(u"/Group/demo-group-1/$export"_s).resolved(relative);
        QCOMPARE(get(resolved).status, 202);

        s.relativeContentLocation = false;
        s.omitContentLocation = true;
        m_server->setScript(s);
        a = get(url(u"/$export"_s), kKickoffHeaders);
        QCOMPARE(a.status, 202);
        QVERIFY(!a.hasHeader("Content-Location"));
    }

    void kickoffFailures()
    {
        Script s;
        s.kickoffStatus = 429;
        s.retryAfterSeconds = 120;
        m_server->setScript(s);
        Answer a = get(url(u"/$export"_s), kKickoffHeaders);
        QCOMPARE(a.status, 429);
        QCOMPARE(a.header("Retry-After"), "120"_ba);
        QCOMPARE(a.json()[u"issue"_s][0][u"code"_s].toString(), u"throttled"_s);
        QVERIFY(!a.hasHeader("Content-Location"));
        QCOMPARE(m_server->jobCount(), 0);

        s.kickoffStatus = 400;
        s.kickoffBody =
            R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-supported","diagnostics":"unsupported _type"}]})"_ba;
        m_server->setScript(s);
        a = get(url(u"/$export"_s), kKickoffHeaders);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.body, s.kickoffBody);
    }

    void hapiJobReuse()
    {
        Script s;
        s.flavor = Flavor::Hapi;
        s.reuseIdenticalJobs = true;
        m_server->setScript(s);
        const QUrl first = kickoff();
        QCOMPARE(kickoff(), first);
        QCOMPARE(m_server->jobCount(), 1);
        RawHeaders noCache = kKickoffHeaders;
        noCache.append(qMakePair("Cache-Control"_ba, "no-cache"_ba));
        const Answer a = get(url(u"/$export"_s), noCache);
        QCOMPARE(a.status, 202);
        QVERIFY(QUrl::fromEncoded(a.header("Content-Location")) != first);
        QCOMPARE(m_server->jobCount(), 2);
    }

    void rangeRequests_data()
    {
        QTest::addColumn<int>("file");
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last"); // inclusive; -1 = end

        QTest::newRow("none") << 0 << QByteArray() << 200 << qint64(0) << qint64(-1);
        QTest::newRow("open") << 0 << "bytes=10-"_ba << 206 << qint64(10) << qint64(-1);
        QTest::newRow("closed") << 0 << "bytes=5-9"_ba << 206 << qint64(5) << qint64(9);
        QTest::newRow("suffix") << 0 << "bytes=-7"_ba << 206 << qint64(-7) << qint64(-1);
        QTest::newRow("past the end") << 0 << "bytes=100000-"_ba << 416 << qint64(0) << qint64(0);
        QTest::newRow("several ranges ignored")
            << 0 << "bytes=0-1,5-6"_ba << 200 << qint64(0) << qint64(-1);
        QTest::newRow("garbage ignored") << 0 << "lines=1-"_ba << 200 << qint64(0) << qint64(-1);
        QTest::newRow("generated mid-line")
            << 1 << "bytes=700-"_ba << 206 << qint64(700) << qint64(-1);
        QTest::newRow("generated closed")
            << 1 << "bytes=1000-3000"_ba << 206 << qint64(1000) << qint64(3000);
    }
    void rangeRequests()
    {
        QFETCH(int, file);
        QFETCH(QByteArray, range);
        QFETCH(int, status);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        m_server->setFiles(sampleFiles());
        Script s;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QJsonObject m = pollToDone(kickoff()).json();
        const QUrl fileUrl(m[u"output"_s][file][u"url"_s].toString());
        RawHeaders h;
        if (!range.isEmpty())
            h.append({"Range", range});
        const Answer a = get(fileUrl, h);
        QCOMPARE(a.status, status);
        const QByteArray full = m_server->expectedContent(file);
        const qint64 total = full.size();
        if (status == 416) {
            QCOMPARE(a.header("Content-Range"), "bytes */" + QByteArray::number(total));
            return;
        }
        QCOMPARE(a.header("Accept-Ranges"), "bytes"_ba);
        if (first < 0)
            first += total;
        if (last < 0)
            last = total - 1;
        QCOMPARE(a.body, full.mid(first, last - first + 1));
        QCOMPARE(a.body, m_server->contentSlice(file, first, last - first + 1));
        if (status == 206) {
            QCOMPARE(a.header("Content-Range"), "bytes " + QByteArray::number(first) + '-' +
                                                    QByteArray::number(last) + '/' +
                                                    QByteArray::number(total));
        } else {
            QVERIFY(!a.hasHeader("Content-Range"));
        }
    }

    void ignoreRangeFault()
    {
        m_server->setFiles(sampleFiles());
        FileFault f;
        f.kind = FileFault::Kind::IgnoreRange;
        m_server->setFileFault(0, f);
        Script s;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QUrl fileUrl(pollToDone(kickoff()).json()[u"output"_s][0][u"url"_s].toString());
        for (int i = 0; i < 2; ++i) { // always, not just once
            const Answer a = get(fileUrl, {{"Range", "bytes=10-"}});
            QCOMPARE(a.status, 200);
            QCOMPARE(a.body, m_server->expectedContent(0));
            QVERIFY(!a.hasHeader("Content-Range"));
            QVERIFY(a.header("Accept-Ranges") != "bytes");
        }
    }

    void dropAtFault()
    {
        ServedFile big;
        big.type = u"Observation"_s;
        big.generatedLines = 4000; // 2 MB: several chunks before the cut
        m_server->setFiles({big});
        FileFault f;
        f.kind = FileFault::Kind::DropAt;
        f.fraction = 0.5;
        m_server->setFileFault(0, f);
        Script s;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QUrl fileUrl(pollToDone(kickoff()).json()[u"output"_s][0][u"url"_s].toString());
        const qint64 total = m_server->expectedSize(0);

        const Answer broken = get(fileUrl);
        QVERIFY(broken.finished);
        QCOMPARE(broken.status, 200);
        QVERIFY2(broken.error != QNetworkReply::NoError, "a cut connection must be an error");
        QCOMPARE(qint64(broken.body.size()), total / 2);
        QCOMPARE(broken.body, m_server->contentSlice(0, 0, total / 2));

        // The client resumes where it stopped; the fault was for one request only.
        const Answer rest =
            get(fileUrl, {{"Range", "bytes=" + QByteArray::number(broken.body.size()) + '-'}});
        QCOMPARE(rest.error, QNetworkReply::NoError);
        QCOMPARE(rest.status, 206);
        QCOMPARE(broken.body + rest.body, m_server->expectedContent(0));
    }

    void stallFault()
    {
        ServedFile file;
        file.type = u"Patient"_s;
        file.generatedLines = 400;
        m_server->setFiles({file});
        Script s;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QUrl fileUrl(pollToDone(kickoff()).json()[u"output"_s][0][u"url"_s].toString());

        FileFault f;
        f.kind = FileFault::Kind::Stall;
        f.fraction = 0.25;
        f.stallMs = 300;
        m_server->setFileFault(0, f);
        QElapsedTimer timer;
        timer.start();
        const Answer resumed = get(fileUrl);
        QCOMPARE(resumed.error, QNetworkReply::NoError);
        QCOMPARE(resumed.body, m_server->expectedContent(0));
        QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));

        f.stallMs = -1; // for ever: only the client's timeout ends it
        m_server->setFileFault(0, f);
        const Answer stuck = send("GET", fileUrl, {}, {}, 500);
        QVERIFY(stuck.error != QNetworkReply::NoError);
        QCOMPARE(qint64(stuck.body.size()), m_server->expectedSize(0) / 4);
    }

    void serverErrorFault()
    {
        m_server->setFiles(sampleFiles());
        FileFault f;
        f.kind = FileFault::Kind::ServerError;
        f.status = 503;
        f.times = 2;
        m_server->setFileFault(0, f);
        Script s;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QUrl fileUrl(pollToDone(kickoff()).json()[u"output"_s][0][u"url"_s].toString());
        for (int i = 0; i < 2; ++i) {
            const Answer a = get(fileUrl);
            QCOMPARE(a.status, 503);
            QCOMPARE(a.json()[u"issue"_s][0][u"code"_s].toString(), u"transient"_s);
        }
        const Answer ok = get(fileUrl);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, m_server->expectedContent(0));
    }

    void slowFault()
    {
        ServedFile file;
        file.type = u"Encounter"_s;
        file.generatedLines = 200; // 100 KiB
        m_server->setFiles({file});
        FileFault f;
        f.kind = FileFault::Kind::Slow;
        f.bytesPerSecond = 200 * 1024;
        m_server->setFileFault(0, f);
        Script s;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QUrl fileUrl(pollToDone(kickoff()).json()[u"output"_s][0][u"url"_s].toString());
        QElapsedTimer timer;
        timer.start();
        const Answer a = get(fileUrl);
        QCOMPARE(a.error, QNetworkReply::NoError);
        QCOMPARE(a.body, m_server->expectedContent(0));
        // 100 KiB at 200 KiB/s: about half a second, certainly not instant.
        QVERIFY2(timer.elapsed() >= 350, qPrintable(QString::number(timer.elapsed())));
    }

    void gzipFiles()
    {
        ServedFile file;
        file.type = u"Patient"_s;
        for (int i = 0; i < 200; ++i)
            file.content += fbm::demo::data::resourceLine(u"Patient"_s, i) + '\n';
        file.gzip = true;
        m_server->setFiles({file});
        Script s;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QUrl fileUrl(pollToDone(kickoff()).json()[u"output"_s][0][u"url"_s].toString());

        // QNetworkAccessManager asks for gzip itself and inflates it.
        Answer a = get(fileUrl);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, file.content);

        // Asked by hand, the client gets the encoded bytes.
        a = get(fileUrl, {{"Accept-Encoding", "gzip"}});
        QCOMPARE(a.header("Content-Encoding"), "gzip"_ba);
        QVERIFY(a.body.startsWith("\x1f\x8b"));
        QVERIFY(a.body.size() < file.content.size() / 2);
        QCOMPARE(a.body, fbm::demo::http::gzip(file.content));
        QCOMPARE(a.header("Content-Length").toLongLong(), qint64(a.body.size()));

        // Ranges apply to the encoded representation.
        const Answer tail = get(fileUrl, {{"Accept-Encoding", "gzip"}, {"Range", "bytes=100-"}});
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body, a.body.mid(100));

        a = get(fileUrl, {{"Accept-Encoding", "identity"}});
        QVERIFY(!a.hasHeader("Content-Encoding"));
        QCOMPARE(a.body, file.content);
        QCOMPARE(m_server->expectedContent(0), file.content);
    }

    void gzipFraming_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << "hello\n"_ba;
        QTest::newRow("repetitive") << QByteArray(100000, 'x');
    }
    void gzipFraming()
    {
        QFETCH(QByteArray, data);
        const QByteArray gz = fbm::demo::http::gzip(data);
        QVERIFY(gz.startsWith("\x1f\x8b\x08"));
        QCOMPARE(qFromLittleEndian<quint32>(gz.constData() + gz.size() - 4), quint32(data.size()));
        QCOMPARE(qFromLittleEndian<quint32>(gz.constData() + gz.size() - 8),
                 fbm::demo::http::crc32(data));
    }

    void crc32KnownValue() { QCOMPARE(fbm::demo::http::crc32("123456789"_ba), 0xCBF43926u); }

    void ehealthBinaryJson()
    {
        m_server->setFiles(sampleFiles());
        Script s;
        s.flavor = Flavor::EHealth;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QJsonObject m = pollToDone(kickoff()).json();
        for (int i = 0; i < 2; ++i) {
            const QUrl fileUrl(m[u"output"_s][i][u"url"_s].toString());
            QVERIFY(fileUrl.path().startsWith(u"/fhir/Binary/"_s));
            Answer a = get(fileUrl, {{"Accept", "application/fhir+json"}});
            QCOMPARE(a.status, 200);
            QVERIFY(a.header("Content-Type").startsWith("application/fhir+json"));
            const QJsonObject binary = a.json();
            QCOMPARE(binary[u"resourceType"_s].toString(), u"Binary"_s);
            QCOMPARE(binary[u"contentType"_s].toString(), u"application/fhir+ndjson"_s);
            QCOMPARE(QByteArray::fromBase64(binary[u"data"_s].toString().toLatin1()),
                     m_server->expectedContent(i));

            a = get(fileUrl, {{"Accept", "application/fhir+ndjson"}});
            QCOMPARE(a.status, 200);
            QCOMPARE(a.header("Content-Type"), "application/fhir+ndjson"_ba);
            QCOMPARE(a.body, m_server->expectedContent(i));
        }
    }

    void oracleRedirectToStorage()
    {
        m_server->setFiles(sampleFiles());
        m_server->setTokenValidator([](const QByteArray &t) { return t == "secret-token"; });
        Script s;
        s.flavor = Flavor::Oracle;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const RawHeaders auth{{"Authorization", "Bearer secret-token"}};
        RawHeaders kick = kKickoffHeaders + auth;
        const Answer k = get(url(u"/$export"_s), kick);
        QCOMPARE(k.status, 202);
        const QUrl status = QUrl::fromEncoded(k.header("Content-Location"));
        const Answer done = get(status, auth);
        QCOMPARE(done.status, 200);
        const QUrl fileUrl(done.json()[u"output"_s][0][u"url"_s].toString());

        QCOMPARE(get(fileUrl).status, 401); // the FHIR server's file URL wants the token
        const Answer redirect = get(fileUrl, auth);
        QCOMPARE(redirect.status, 307);
        const QUrl location = QUrl::fromEncoded(redirect.header("Location"));
        QCOMPARE(location.host(), m_server->fileOrigin().host());
        QCOMPARE(location.port(), m_server->fileOrigin().port());
        QVERIFY(QUrlQuery(location).hasQueryItem(u"X-Amz-Signature"_s));

        m_server->clearRequests();
        const Answer bytes = get(location);
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, m_server->expectedContent(0));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().at(0).url, location);
        QVERIFY(m_server->requests().at(0).header("Authorization").isEmpty());

        const Answer leaked = get(location, auth);
        QCOMPARE(leaked.status, 400);
        QVERIFY(leaked.body.contains("InvalidArgument"));

        QUrl tampered = location;
        QUrlQuery q(tampered);
        q.removeQueryItem(u"X-Amz-Signature"_s);
        q.addQueryItem(u"X-Amz-Signature"_s, u"00"_s);
        tampered.setQuery(q);
        QCOMPARE(get(tampered).status, 403);
    }

    void filesOnOtherOrigin()
    {
        m_server->setFiles(sampleFiles());
        Script s;
        s.pollsBeforeDone = 0;
        s.filesOnOtherOrigin = true;
        s.requiresAccessToken = false;
        m_server->setScript(s);
        const QJsonObject m = pollToDone(kickoff()).json();
        const QUrl fileUrl(m[u"output"_s][1][u"url"_s].toString());
        QCOMPARE(fileUrl.port(), m_server->fileOrigin().port());
        const Answer a = get(fileUrl);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, m_server->expectedContent(1));
    }

    void expiringLinks_data()
    {
        QTest::addColumn<Flavor>("flavor");
        QTest::addColumn<bool>("onStorage");
        QTest::addColumn<int>("expiredStatus");
        QTest::addColumn<QByteArray>("expiredBody");
        QTest::newRow("standard") << Flavor::Standard << false << 410 << "expired"_ba;
        QTest::newRow("storage") << Flavor::Standard << true << 403 << "Request has expired"_ba;
        QTest::newRow("hapi Binary") << Flavor::Hapi << false << 410 << "expired"_ba;
    }
    void expiringLinks()
    {
        QFETCH(Flavor, flavor);
        QFETCH(bool, onStorage);
        QFETCH(int, expiredStatus);
        QFETCH(QByteArray, expiredBody);
        m_server->setFiles(sampleFiles());
        Script s;
        s.flavor = flavor;
        s.pollsBeforeDone = 0;
        s.filesOnOtherOrigin = onStorage;
        s.requiresAccessToken = false;
        s.expiredLinkManifests = 1;
        s.statusGoneAfterManifests = 2;
        m_server->setScript(s);
        const RawHeaders ndjson{{"Accept", "application/fhir+ndjson"}};
        const RawHeaders json{{"Accept", "application/json"}};
        const QUrl status = kickoff();
        const Answer first = pollToDone(status);
        QCOMPARE(first.status, 200);
        const QUrl oldLink(first.json()[u"output"_s][0][u"url"_s].toString());
        const Answer expired = get(oldLink, ndjson);
        QCOMPARE(expired.status, expiredStatus);
        QVERIFY2(expired.body.contains(expiredBody), expired.body.constData());

        // The manifest again: links signed anew, at the same address, that work.
        const Answer second = get(status, json);
        QCOMPARE(second.status, 200);
        const QUrl newLink(second.json()[u"output"_s][0][u"url"_s].toString());
        QVERIFY(newLink != oldLink);
        QCOMPARE(newLink.path(), oldLink.path());
        const Answer bytes = get(newLink, ndjson);
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, m_server->expectedContent(0));
        QCOMPARE(get(oldLink, ndjson).status, expiredStatus);

        // Two manifests served: the server has removed the export; the links still answer.
        QCOMPARE(get(status, json).status, 404);
        QCOMPARE(get(newLink, ndjson).status, 200);
    }

    void tokenValidator()
    {
        m_server->setFiles(sampleFiles());
        m_server->setSmartConfiguration(
            QJsonObject{{u"token_endpoint"_s, u"https://auth.example/token"_s}});
        QList<QByteArray> seenTokens;
        m_server->setTokenValidator([&seenTokens](const QByteArray &t) {
            seenTokens.append(t);
            return t == "good";
        });

        Answer a = get(url(u"/$export"_s), kKickoffHeaders);
        QCOMPARE(a.status, 401);
        QVERIFY(a.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(a.json().value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
        QVERIFY(seenTokens.isEmpty());
        a = get(url(u"/$export"_s), kKickoffHeaders + RawHeaders{{"Authorization", "Bearer bad"}});
        QCOMPARE(a.status, 401);
        QCOMPARE(seenTokens, QList<QByteArray>{"bad"});
        a = get(url(u"/$export"_s),
                kKickoffHeaders + RawHeaders{{"Authorization", "Basic Z29vZA=="}});
        QCOMPARE(a.status, 401);
        QCOMPARE(m_server->jobCount(), 0);

        const RawHeaders auth{{"Authorization", "Bearer good"}};
        a = get(url(u"/$export"_s), kKickoffHeaders + auth);
        QCOMPARE(a.status, 202);
        const QUrl status = QUrl::fromEncoded(a.header("Content-Location"));
        QCOMPARE(get(status).status, 401);
        QCOMPARE(send("DELETE", status).status, 401);
        QVERIFY(!m_server->jobCancelled(m_server->lastJobId()));
        QCOMPARE(get(url(u"/Group"_s)).status, 401);

        // Discovery stays public.
        a = get(url(u"/metadata"_s));
        QCOMPARE(a.status, 200);
        a = get(url(u"/.well-known/smart-configuration"_s));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"token_endpoint"_s).toString(), u"https://auth.example/token"_s);

        // Files follow the manifest's requiresAccessToken.
        Answer done;
        for (int i = 0; i < 5 && done.status != 200; ++i)
            done = get(status, auth);
        QCOMPARE(done.status, 200);
        const QUrl fileUrl(done.json()[u"output"_s][0][u"url"_s].toString());
        QCOMPARE(get(fileUrl).status, 401);
        QCOMPARE(get(fileUrl, auth).status, 200);

        Script open;
        open.pollsBeforeDone = 0;
        open.requiresAccessToken = false;
        m_server->setScript(open);
        a = get(url(u"/$export"_s), kKickoffHeaders + auth);
        const Answer openDone = get(QUrl::fromEncoded(a.header("Content-Location")), auth);
        QCOMPARE(openDone.json().value(u"requiresAccessToken"_s), QJsonValue(false));
        const Answer capability = get(QUrl(openDone.json()[u"output"_s][0][u"url"_s].toString()));
        QCOMPARE(capability.status, 200);
        QCOMPARE(capability.body, m_server->expectedContent(0));
    }

    void noSmartConfiguration()
    {
        const Answer a = get(url(u"/.well-known/smart-configuration"_s));
        QCOMPARE(a.status, 404);
    }

    void metadataAndGroups()
    {
        Answer a = get(url(u"/metadata"_s), {{"Accept", "application/fhir+json"}});
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("Content-Type").startsWith("application/fhir+json"));
        const QJsonObject cs = a.json();
        QCOMPARE(cs[u"resourceType"_s].toString(), u"CapabilityStatement"_s);
        QCOMPARE(cs[u"fhirVersion"_s].toString(), u"4.0.1"_s);
        QCOMPARE(cs[u"software"_s][u"name"_s].toString(), u"FHIR Bulk Monitor demo server"_s);
        QStringList definitions;
        const QJsonArray ops = cs[u"rest"_s][0][u"operation"_s].toArray();
        for (const QJsonValue &op : ops)
            definitions.append(op[u"definition"_s].toString());
        const QString prefix = u"http://hl7.org/fhir/uv/bulkdata/OperationDefinition/"_s;
        QCOMPARE(definitions, (QStringList{prefix + u"export"_s, prefix + u"patient-export"_s,
                                           prefix + u"group-export"_s}));

        a = get(url(u"/Group"_s));
        QCOMPARE(a.status, 200);
        const QJsonObject bundle = a.json();
        QCOMPARE(bundle[u"resourceType"_s].toString(), u"Bundle"_s);
        QCOMPARE(bundle[u"type"_s].toString(), u"searchset"_s);
        const QJsonArray entries = bundle[u"entry"_s].toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0][u"resource"_s][u"id"_s].toString(), u"demo-group-1"_s);
        QCOMPARE(entries[1][u"resource"_s][u"id"_s].toString(), u"demo-group-2"_s);
        QVERIFY(!entries[0][u"resource"_s][u"name"_s].toString().isEmpty());
        QCOMPARE(get(url(u"/Group/demo-group-2"_s)).json()[u"id"_s].toString(), u"demo-group-2"_s);
        QCOMPARE(get(url(u"/Group/nope"_s)).status, 404);

        m_server->setGroups({{u"g7"_s, u"Seven"_s}});
        QCOMPARE(get(url(u"/Group/g7/$export"_s), kKickoffHeaders).status, 202);
        QCOMPARE(get(url(u"/Group/demo-group-1/$export"_s), kKickoffHeaders).status, 404);

        QCOMPARE(get(url(u"/Nothing/here"_s)).status, 404);
        QUrl outside = m_server->baseUrl();
        outside.setPath(u"/other"_s);
        QCOMPARE(get(outside).status, 404);
    }

    void demoDataIsValidAndDeterministic()
    {
        m_server->seedDemoData();
        const QList<ServedFile> files = m_server->files();
        QSet<QString> types;
        qint64 totalLines = 0;
        BulkServer other;
        other.seedDemoData();
        for (int i = 0; i < files.size(); ++i) {
            types.insert(files[i].type);
            const QByteArray content = m_server->expectedContent(i);
            QCOMPARE(content, other.expectedContent(i));
            QVERIFY(content.endsWith('\n'));
            const QList<QByteArray> lines = content.chopped(1).split('\n');
            QCOMPARE(qint64(lines.size()), m_server->lineCount(i));
            totalLines += lines.size();
            QSet<QString> ids;
            for (const QByteArray &line : lines) {
                QJsonParseError error;
                const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
                QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
                QCOMPARE(o[u"resourceType"_s].toString(), files[i].type);
                ids.insert(o[u"id"_s].toString());
                if (files[i].kind == u"error"_s)
                    QCOMPARE(o[u"issue"_s][0][u"severity"_s].toString(), u"warning"_s);
            }
            QCOMPARE(ids.size(), lines.size());
        }
        QCOMPARE(types,
                 (QSet<QString>{u"Patient"_s, u"Observation"_s, u"Condition"_s, u"Encounter"_s,
                                u"MedicationRequest"_s, u"OperationOutcome"_s}));
        QVERIFY(files.last().kind == u"error"_s);
        QVERIFY2(totalLines >= 200 && totalLines <= 1000, qPrintable(QString::number(totalLines)));

        // The whole demo export runs end to end.
        const Answer done = pollToDone(kickoff());
        QCOMPARE(done.json()[u"output"_s].toArray().size(), files.size() - 1);
        QCOMPARE(done.json()[u"error"_s].toArray().size(), 1);
    }

    void demoScriptRunsTheDemoExport()
    {
        m_server->seedDemoData();
        Script s = fbm::demo::data::demoScript();
        s.retryAfterSeconds = 1;
        m_server->setScript(s);
        const Answer k = get(url(u"/Group/demo-group-1/$export"_s, u"_type=Patient,Condition"_s),
                             kKickoffHeaders);
        QCOMPARE(k.status, 202);
        const QUrl status = QUrl::fromEncoded(k.header("Content-Location"));
        QStringList progress;
        Answer a;
        for (int i = 0; i < 10; ++i) {
            a = get(status);
            if (a.status != 202)
                break;
            progress.append(QString::fromUtf8(a.header("X-Progress")));
        }
        QCOMPARE(a.status, 200);
        QCOMPARE(progress, s.progressTexts);
        QStringList types;
        const QJsonArray output = a.json()[u"output"_s].toArray();
        for (const QJsonValue &o : output)
            types.append(o[u"type"_s].toString());
        QCOMPARE(types, (QStringList{u"Patient"_s, u"Condition"_s}));
    }

    void generatedLines_data()
    {
        QTest::addColumn<QString>("type");
        for (const char *t :
             {"Patient", "Observation", "Condition", "Encounter", "MedicationRequest",
              "OperationOutcome", "Bundle", "Immunization", "DocumentReference"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }
    void generatedLines()
    {
        QFETCH(QString, type);
        using namespace fbm::demo::data;
        for (qint64 i : {qint64(0), qint64(1), qint64(77), qint64(123456789), qint64(9999999999)}) {
            const QByteArray line = generatedLine(type, i);
            QCOMPARE(qint64(line.size()), kGeneratedLineWidth);
            QVERIFY(line.endsWith('\n'));
            QCOMPARE(line.count('\n'), 1);
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QCOMPARE(o[u"resourceType"_s].toString(), type);
            QVERIFY(o[u"id"_s].toString().endsWith(u'-' + QString::number(i)));
            QCOMPARE(generatedLine(type, i), line); // deterministic
        }
        QVERIFY(generatedLine(type, 1) != generatedLine(type, 2));
        QCOMPARE(generatedSlice(type, 3, 0, 3 * kGeneratedLineWidth),
                 generatedLine(type, 0) + generatedLine(type, 1) + generatedLine(type, 2));
        QCOMPARE(generatedSlice(type, 3, 500, 30),
                 QByteArray(generatedLine(type, 0) + generatedLine(type, 1)).mid(500, 30));
        QCOMPARE(generatedSlice(type, 3, 3 * kGeneratedLineWidth - 5, 100).size(), 5);
    }

    void recordsEveryRequest()
    {
        QSignalSpy spy(m_server.get(), &FaultyBulkServer::requestReceived);
        m_server->setFiles(sampleFiles());
        Script s;
        s.pollsBeforeDone = 0;
        s.filesOnOtherOrigin = true;
        m_server->setScript(s);
        const QByteArray body = R"({"resourceType":"Parameters"})"_ba;
        const Answer k =
            send("POST", url(u"/$export"_s),
                 kKickoffHeaders + RawHeaders{{"Content-Type", "application/fhir+json"}}, body);
        QCOMPARE(k.status, 202);
        const Answer done = get(QUrl::fromEncoded(k.header("Content-Location")));
        const QUrl fileUrl(done.json()[u"output"_s][0][u"url"_s].toString());
        QCOMPARE(get(fileUrl).status, 200);

        const QList<FaultyBulkServer::Recorded> r = m_server->requests();
        QCOMPARE(r.size(), 3);
        QCOMPARE(r[0].method, "POST"_ba);
        QCOMPARE(r[0].url, url(u"/$export"_s));
        QCOMPARE(r[0].body, body);
        QCOMPARE(r[0].header("prefer"), "respond-async"_ba);
        QCOMPARE(r[0].header("ACCEPT"), "application/fhir+json"_ba);
        QCOMPARE(r[1].method, "GET"_ba);
        QCOMPARE(r[1].url, QUrl::fromEncoded(k.header("Content-Location")));
        QCOMPARE(r[2].url, fileUrl);
        QCOMPARE(spy.size(), 3);
        QCOMPARE(spy.at(2).at(0).toByteArray(), "GET"_ba);
        QCOMPARE(spy.at(2).at(1).toUrl(), fileUrl);
        m_server->clearRequests();
        QVERIFY(m_server->requests().isEmpty());
    }

    void largeGeneratedFileStreamsWithFlatMemory()
    {
        ServedFile big;
        big.type = u"Observation"_s;
        big.generatedLines = (qint64(50) << 20) / fbm::demo::data::kGeneratedLineWidth;
        m_server->setFiles({big});
        Script s;
        s.pollsBeforeDone = 0;
        m_server->setScript(s);
        const QUrl fileUrl(pollToDone(kickoff()).json()[u"output"_s][0][u"url"_s].toString());
        const qint64 total = m_server->expectedSize(0);
        QCOMPARE(total, qint64(50) << 20);

        const qint64 before = rssKiB();
        QVERIFY(before > 0);
        qint64 peak = before;
        qint64 received = 0;
        qint64 lines = 0;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QNetworkRequest request(fileUrl);
        QNetworkReply *reply = m_nam->get(request);
        reply->setReadBufferSize(256 * 1024);
        connect(reply, &QNetworkReply::readyRead, this, [&] {
            const QByteArray chunk = reply->readAll();
            received += chunk.size();
            lines += chunk.count('\n');
            hash.addData(chunk);
            peak = qMax(peak, rssKiB());
        });
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(120000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();
        QCOMPARE(received, total);
        QCOMPARE(lines, m_server->lineCount(0));

        // The same bytes, recomputed piecewise from the generator.
        QCryptographicHash expected(QCryptographicHash::Sha256);
        for (qint64 offset = 0; offset < total; offset += 1 << 20)
            expected.addData(m_server->contentSlice(0, offset, 1 << 20));
        QCOMPARE(hash.result(), expected.result());

        // Had the server (or the socket's buffer) held the body, this would be 50 MiB or more.
        const qint64 growthMiB = (peak - before) / 1024;
        qInfo("RSS before %lld KiB, peak %lld KiB", before, peak);
#if defined(__SANITIZE_ADDRESS__)
        // AddressSanitizer keeps freed memory in quarantine: RSS says nothing about buffering.
        QSKIP("RSS is meaningless under AddressSanitizer (FBM_SANITIZE)");
#endif
        QVERIFY2(growthMiB < 24, qPrintable(u"RSS grew by %1 MiB"_s.arg(growthMiB)));
    }
};

QTEST_GUILESS_MAIN(tst_BulkServer)
#include "tst_bulkserver.moc"
