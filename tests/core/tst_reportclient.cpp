// ReportClient and ReportJobModel against the demo reporting server over real HTTP on
// 127.0.0.1: listing (POST, 405 -> GET, every malformed answer), saving the status, downloading
// reports (exact decoded bytes, placeholder, skipping saved ones), listing and starting reports,
// refreshing in place.
#include "demo/reportserver.h"
#include "httpclient.h"
#include "reports/reportbinary.h"
#include "reports/reportclient.h"
#include "reports/reportcsv.h"
#include "reports/reportjobmodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fbm::ReportDownload;
using fbm::ReportJob;
using fbm::demo::ReportServer;

namespace {

const QByteArray kToken = "report-token-0123456789";

const QString kSeedId = u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s;
const QString kCsvId = u"2b7c4f0e-5a61-4f8e-9d0c-1f2a3b4c5d6e"_s;
const QString kRunningId = u"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"_s;
const QString kFailedId = u"5e0d1c2b-3a49-4f5e-8d7c-6b5a49382716"_s;
const QString kQueuedId = u"0f1e2d3c-4b5a-4697-8877-665544332211"_s;
const QString kRawPdfId = u"77aa88bb-99cc-4dde-8eff-001122334455"_s;
const QString kContentId = u"c0ffee00-1234-4abc-9def-0123456789ab"_s;

} // namespace

class TestReportClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void fetchMixed();
    void fetchFallsBackToGetOn405();
    void fetchAnswers_data();
    void fetchAnswers();
    void fetchUnauthorized();
    void saveStatusAsReceived();
    void saveStatusAsCsvTable();
    void downloadReport_data();
    void downloadReport();
    void downloadForeignBinaryFromBase();
    void downloadPlaceholder();
    void downloadMissingBinary();
    void downloadAllSkipsSaved();
    void listOperations();
    void executeThenRefresh();
    void executeMissingInput();
    void autoRefresh();
    void demoJobsFinishAndRefreshStops();
    void modelRowsAndRoles();
    void modelUpdatesInPlace();

private:
    bool fetch();
    [[nodiscard]] ReportJob job(const QString &id) const;
    ReportDownload downloadOne(const ReportJob &job, const QString &folder);

    std::unique_ptr<ReportServer> m_server;
    std::unique_ptr<fbm::StaticTokenAuth> m_auth;
    std::unique_ptr<fbm::HttpClient> m_http;
    std::unique_ptr<fbm::ReportClient> m_client;
};

void TestReportClient::init()
{
    m_server = std::make_unique<ReportServer>();
    QVERIFY(m_server->listen());
    m_server->setTokenValidator([](const QByteArray &token) { return token == kToken; });
    m_auth = std::make_unique<fbm::StaticTokenAuth>(QString::fromLatin1(kToken));
    m_http = std::make_unique<fbm::HttpClient>(m_server->baseUrl());
    m_http->setAuth(m_auth.get());
    m_client = std::make_unique<fbm::ReportClient>(m_http.get());
}

void TestReportClient::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_auth.reset();
    m_server.reset();
}

bool TestReportClient::fetch()
{
    QSignalSpy ok(m_client.get(), &fbm::ReportClient::jobsFetched);
    QSignalSpy failed(m_client.get(), &fbm::ReportClient::fetchFailed);
    m_client->fetchJobs();
    return QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, 5000) &&
           ok.count() == 1;
}

ReportJob TestReportClient::job(const QString &id) const
{
    const QList<ReportJob> jobs = m_client->jobs();
    for (const ReportJob &j : jobs) {
        if (j.id == id)
            return j;
    }
    return {};
}

ReportDownload TestReportClient::downloadOne(const ReportJob &j, const QString &folder)
{
    QSignalSpy done(m_client.get(), &fbm::ReportClient::reportDownloaded);
    m_client->downloadReport(j, folder);
    if (!done.wait(5000))
        return {};
    return done.first().first().value<ReportDownload>();
}

void TestReportClient::fetchMixed()
{
    QVERIFY(fetch());
    const QList<ReportJob> jobs = m_client->jobs();
    QCOMPARE(jobs.size(), 7);
    QVERIFY(m_client->lastWarnings().isEmpty());
    QVERIFY(m_client->lastFetched().isValid());

    QCOMPARE(job(kSeedId).status, u"DONE"_s);
    QCOMPARE(job(kSeedId).shortName, u"PatientsUsageReport"_s);
    QCOMPARE(job(kFailedId).state(), ReportJob::State::Failed);
    QCOMPARE(job(kRunningId).status, u"RUNNING"_s);
    QVERIFY(!job(kRunningId).isFinished());
    QCOMPARE(job(kQueuedId).status, u"QUEUED"_s);
    QVERIFY(job(kQueuedId).userId.isEmpty());
    QCOMPARE(job(kCsvId).binaryUrl, m_server->baseUrl().resolved(QUrl(u"Binary/8"_s)));
    QCOMPARE(job(kRawPdfId).otherParts.size(), 2);
    QCOMPARE(job(kRawPdfId).runTimeSeconds(), 3665);
    QCOMPARE(job(kContentId).fullUrl, u"urn:uuid:"_s + kContentId);

    // The request the IG shows: POST, an empty Parameters body, FHIR JSON both ways, the token.
    const auto requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    const ReportServer::Request &r = requests.first();
    QCOMPARE(r.method, "POST"_ba);
    QCOMPARE(r.path, u"/fhir/$get-report-job-status"_s);
    QCOMPARE(QJsonDocument::fromJson(r.body).object(),
             QJsonObject({{u"resourceType"_s, u"Parameters"_s}}));
    QCOMPARE(r.header("Content-Type"), "application/fhir+json"_ba);
    QCOMPARE(r.header("Accept"), "application/fhir+json"_ba);
    QCOMPARE(r.header("Authorization"), "Bearer "_ba + kToken);
    QCOMPARE(m_client->lastBundle().isEmpty(), false);
}

void TestReportClient::fetchFallsBackToGetOn405()
{
    m_server->setPostAllowed(false);
    QVERIFY(fetch());
    QCOMPARE(m_client->jobs().size(), 7);
    auto requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).method, "POST"_ba);
    QCOMPARE(requests.at(1).method, "GET"_ba);
    QVERIFY(requests.at(1).body.isEmpty());
    QCOMPARE(requests.at(1).header("Authorization"), "Bearer "_ba + kToken);
    QCOMPARE(m_client->statusMethod(), "GET"_ba);

    // Remembered: the next refresh asks with GET at once.
    m_server->clearRequests();
    QVERIFY(fetch());
    requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).method, "GET"_ba);
}

void TestReportClient::fetchAnswers_data()
{
    QTest::addColumn<ReportServer::Fixture>("fixture");
    QTest::addColumn<int>("jobs"); // -1: fetchFailed
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<int>("httpStatus");

    QTest::newRow("seed example") << ReportServer::Fixture::SeedExample << 1 << QString() << 0;
    QTest::newRow("empty Bundle, no entry") << ReportServer::Fixture::Empty << 0 << QString() << 0;
    QTest::newRow("OperationOutcome, HTTP 500")
        << ReportServer::Fixture::OperationOutcome << -1
        << u"REPORTING_INTERNAL_ERROR: the report job store is unavailable"_s << 500;
    QTest::newRow("non-Bundle answer")
        << ReportServer::Fixture::NotBundle << -1 << u"Patient"_s << 200;
    QTest::newRow("HTML answer") << ReportServer::Fixture::NotJson << -1 << u"not JSON"_s << 200;
}

void TestReportClient::fetchAnswers()
{
    QFETCH(ReportServer::Fixture, fixture);
    QFETCH(int, jobs);
    QFETCH(QString, mentions);
    QFETCH(int, httpStatus);

    m_server->setFixture(fixture);
    QSignalSpy ok(m_client.get(), &fbm::ReportClient::jobsFetched);
    QSignalSpy failed(m_client.get(), &fbm::ReportClient::fetchFailed);
    m_client->fetchJobs();
    QTRY_COMPARE_WITH_TIMEOUT(ok.count() + failed.count(), 1, 5000);
    QVERIFY(!m_client->isFetching());
    if (jobs < 0) {
        QCOMPARE(failed.count(), 1);
        const auto error = failed.first().first().value<fbm::Error>();
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
        QCOMPARE(error.httpStatus, httpStatus);
        QVERIFY(m_client->jobs().isEmpty());
        return;
    }
    QCOMPARE(ok.count(), 1);
    QCOMPARE(m_client->jobs().size(), jobs);
}

void TestReportClient::fetchUnauthorized()
{
    m_server->setTokenValidator([](const QByteArray &) { return false; });
    QSignalSpy failed(m_client.get(), &fbm::ReportClient::fetchFailed);
    m_client->fetchJobs();
    QVERIFY(failed.wait(5000));
    const auto error = failed.first().first().value<fbm::Error>();
    QCOMPARE(error.kind, fbm::Error::Kind::Auth);
    QCOMPARE(error.httpStatus, 401);
    QVERIFY(!error.message.contains(QString::fromLatin1(kToken)));
    QVERIFY(!error.detail.contains(QString::fromLatin1(kToken)));
}

void TestReportClient::saveStatusAsReceived()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"status.json"_s);
    QCOMPARE(m_client->saveStatus(path).kind, fbm::Error::Kind::Usage); // nothing fetched yet

    m_server->setFixture(ReportServer::Fixture::SeedExample);
    QVERIFY(fetch());
    QVERIFY(!m_client->saveStatus(path).isError());
    const QByteArray saved = fbm::test::readFile(path);
    const QByteArray received = m_client->lastBundle();

    // The same JSON, pretty-printed ...
    QCOMPARE(QJsonDocument::fromJson(saved), QJsonDocument::fromJson(received));
    QVERIFY(saved.count('\n') > 20);
    QVERIFY(saved.contains("\n    \"type\": \"collection\""));
    // ... in the server's key order (QJsonDocument would sort "entry" before "resourceType"),
    QVERIFY(saved.indexOf("\"resourceType\"") < saved.indexOf("\"entry\""));
    QVERIFY(saved.indexOf("\"reportClass\"") < saved.indexOf("\"userId\""));
    // ... with nothing but whitespace outside strings changed.
    auto squeeze = [](const QByteArray &json) {
        QByteArray out;
        bool inString = false;
        bool escaped = false;
        for (const char c : json) {
            if (inString) {
                out.append(c);
                escaped = !escaped && c == '\\';
                if (c == '"' && !escaped)
                    inString = false;
                continue;
            }
            if (c == '"')
                inString = true;
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                out.append(c);
        }
        return out;
    };
    QCOMPARE(squeeze(saved), squeeze(received));

    const QString name =
        m_client->defaultStatusFileName(QDateTime(QDate(2024, 3, 1), QTime(14, 5, 9)));
    QCOMPARE(name, u"report-jobs-127.0.0.1_%1-20240301-140509.json"_s.arg(m_server->port()));
}

void TestReportClient::saveStatusAsCsvTable()
{
    using F = fbm::ReportClient::StatusFormat;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"status.csv"_s);
    QCOMPARE(m_client->saveStatus(path, F::CsvTable).kind, fbm::Error::Kind::Usage);
    QVERIFY(!QFile::exists(path));

    QVERIFY(fetch()); // the mixed jobs
    QVERIFY(!m_client->saveStatus(path, F::CsvTable).isError());
    const QByteArray saved = fbm::test::readFile(path);
    // A byte order mark, so that spreadsheets read UTF-8, then CRLF-ended records.
    QVERIFY(saved.startsWith("\xEF\xBB\xBF"));
    QVERIFY(saved.endsWith("\r\n"));
    QCOMPARE(saved.mid(3), fbm::csvTable(fbm::reportJobsTable(m_client->jobs())));
    const QList<QByteArray> lines = saved.mid(3).split('\n');
    QCOMPARE(lines.size(), 1 + 7 + 1); // header, seven jobs, nothing after the last CRLF
    QVERIFY(lines.first().startsWith("Report,Report class,Status,User,User ID,"));
    QVERIFY(saved.contains("\r\nPatients usage report,"
                           "com.systematic.ehealth.reporting.reports.PatientsUsageReport,"
                           "Done,,0aaca7cd-67c3-48dd-a8c4-0cceecb5d276,"));
    QVERIFY(!saved.contains("\"resourceType\""));

    // The JSON beside it is still the server's answer.
    const QString json = dir.filePath(u"status.json"_s);
    QVERIFY(!m_client->saveStatus(json, F::FhirJson).isError());
    QCOMPARE(QJsonDocument::fromJson(fbm::test::readFile(json)),
             QJsonDocument::fromJson(m_client->lastBundle()));

    QCOMPARE(
        m_client->defaultStatusFileName(QDateTime(QDate(2024, 3, 1), QTime(14, 5, 9)), F::CsvTable),
        u"report-jobs-127.0.0.1_%1-20240301-140509.csv"_s.arg(m_server->port()));
    // An unwritable place is an error, not silence.
    QCOMPARE(m_client->saveStatus(dir.filePath(u"missing/x.csv"_s), F::CsvTable).kind,
             fbm::Error::Kind::Io);
}

void TestReportClient::downloadReport_data()
{
    QTest::addColumn<QString>("jobId");
    QTest::addColumn<QString>("binaryId");
    QTest::addColumn<QString>("fileName");

    QTest::newRow("Binary JSON data, ZIP, absolute URL")
        << kSeedId << u"7"_s << u"PatientsUsageReport-"_s + kSeedId + u".zip"_s;
    QTest::newRow("Binary JSON data, CSV, relative reference")
        << kCsvId << u"8"_s << u"PractitionerStatsReport-"_s + kCsvId + u".csv"_s;
    QTest::newRow("raw PDF bytes")
        << kRawPdfId << u"10"_s << u"CareteamStatsReport-"_s + kRawPdfId + u".pdf"_s;
    QTest::newRow("Binary JSON content, ZIP")
        << kContentId << u"11"_s << u"PatientDevicesReport-"_s + kContentId + u".zip"_s;
}

void TestReportClient::downloadReport()
{
    QFETCH(QString, jobId);
    QFETCH(QString, binaryId);
    QFETCH(QString, fileName);

    QVERIFY(fetch());
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"reports"_s); // created on demand
    m_server->clearRequests();
    const ReportDownload result = downloadOne(job(jobId), folder);
    QCOMPARE(result.outcome, ReportDownload::Outcome::Saved);
    QCOMPARE(result.jobKey, jobId);
    QCOMPARE(QFileInfo(result.filePath).fileName(), fileName);
    QCOMPARE(QFileInfo(result.filePath).absolutePath(), QDir(folder).absolutePath());
    const QByteArray expected = m_server->reportBytes(binaryId);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(fbm::test::readFile(result.filePath), expected);
    QCOMPARE(result.bytes, expected.size());
    // Only the report itself is left in the folder: QSaveFile leaves no temporary behind.
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{fileName});

    const auto requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().path, u"/fhir/Binary/"_s + binaryId);
    QCOMPARE(requests.first().header("Accept"), "application/fhir+json"_ba);
    QCOMPARE(requests.first().header("Authorization"), "Bearer "_ba + kToken);
}

void TestReportClient::downloadForeignBinaryFromBase()
{
    // The IG's example names its Binary on an internal host; the report is fetched from the
    // server the profile names, and the token goes nowhere else.
    m_server->setFixture(ReportServer::Fixture::SeedExample);
    QVERIFY(fetch());
    const ReportJob seed = job(kSeedId);
    QCOMPARE(seed.binaryUrl.host(), u"reporting.local.ehealth.sundhed.dk"_s);
    QCOMPARE(m_client->downloadUrl(seed), m_server->baseUrl().resolved(QUrl(u"Binary/7"_s)));

    QTemporaryDir dir;
    const ReportDownload result = downloadOne(seed, dir.path());
    QCOMPARE(result.outcome, ReportDownload::Outcome::Saved);
    QCOMPARE(fbm::test::readFile(result.filePath), ReportServer::sampleZip());
    QVERIFY(result.filePath.endsWith(u".zip"_s));
}

void TestReportClient::downloadPlaceholder()
{
    QVERIFY(fetch());
    QTemporaryDir dir;
    const ReportDownload result = downloadOne(job(kRunningId), dir.path());
    QCOMPARE(result.outcome, ReportDownload::Outcome::NotGenerated);
    QVERIFY(result.filePath.isEmpty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestReportClient::downloadMissingBinary()
{
    QVERIFY(fetch());
    QTemporaryDir dir;
    ReportJob gone = job(kCsvId);
    gone.binaryReference = u"Binary/999"_s;
    gone.binaryUrl = m_server->baseUrl().resolved(QUrl(gone.binaryReference));
    ReportDownload result = downloadOne(gone, dir.path());
    QCOMPARE(result.outcome, ReportDownload::Outcome::Failed);
    QCOMPARE(result.error.httpStatus, 404);
    QVERIFY2(result.error.message.contains(u"Binary/999 is not known"_s),
             qPrintable(result.error.message));

    // A failed job names no Binary at all.
    result = downloadOne(job(kFailedId), dir.path());
    QCOMPARE(result.outcome, ReportDownload::Outcome::Failed);
    QCOMPARE(result.error.kind, fbm::Error::Kind::Usage);
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestReportClient::downloadAllSkipsSaved()
{
    QVERIFY(fetch());
    QTemporaryDir dir;
    QSignalSpy all(m_client.get(), &fbm::ReportClient::allDownloadsFinished);
    QSignalSpy each(m_client.get(), &fbm::ReportClient::reportDownloaded);

    m_client->downloadAllFinished(dir.path());
    QVERIFY(all.wait(5000));
    auto results = all.first().first().value<QList<ReportDownload>>();
    QCOMPARE(results.size(), 4); // the done jobs: seed, CSV, raw PDF, content
    QCOMPARE(each.count(), 4);
    for (const ReportDownload &r : std::as_const(results))
        QCOMPARE(r.outcome, ReportDownload::Outcome::Saved);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 4);
    QCOMPARE(m_server->requestCount(u"Binary/7"_s) + m_server->requestCount(u"Binary/8"_s) +
                 m_server->requestCount(u"Binary/10"_s) + m_server->requestCount(u"Binary/11"_s),
             4);
    QCOMPARE(m_server->requestCount(u"Binary/9"_s), 0); // RUNNING: not asked for

    // Again: everything is there already, nothing is fetched.
    m_server->clearRequests();
    all.clear();
    m_client->downloadAllFinished(dir.path());
    QVERIFY(all.wait(5000));
    results = all.first().first().value<QList<ReportDownload>>();
    QCOMPARE(results.size(), 4);
    for (const ReportDownload &r : std::as_const(results)) {
        QCOMPARE(r.outcome, ReportDownload::Outcome::AlreadySaved);
        QVERIFY(QFileInfo::exists(r.filePath));
    }
    QCOMPARE(m_server->requests().size(), 0);

    // One removed: only that one is fetched again.
    const QString csv = fbm::ReportClient::savedReportPath(job(kCsvId), dir.path());
    QVERIFY(csv.endsWith(u".csv"_s));
    QVERIFY(QFile::remove(csv));
    all.clear();
    m_client->downloadAllFinished(dir.path());
    QVERIFY(all.wait(5000));
    results = all.first().first().value<QList<ReportDownload>>();
    int saved = 0;
    for (const ReportDownload &r : std::as_const(results))
        saved += r.outcome == ReportDownload::Outcome::Saved ? 1 : 0;
    QCOMPARE(saved, 1);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(fbm::test::readFile(csv), ReportServer::sampleCsv());
}

void TestReportClient::listOperations()
{
    QSignalSpy listed(m_client.get(), &fbm::ReportClient::operationsListed);
    m_client->listReportOperations();
    QVERIFY(listed.wait(5000));
    const auto ops = listed.first().first().value<QList<fbm::ReportOperation>>();
    QStringList names;
    for (const auto &op : ops)
        names << op.name;
    // Only $execute-…: $schedule-, $fetch- and $get-report-job-status are not started here.
    QCOMPARE(names, (QStringList{u"measurement-stats"_s, u"patient-gdpr"_s,
                                 u"patient-usage-stats"_s, u"ssl-orders"_s}));

    const auto usage = ops.at(2);
    QCOMPARE(usage.code, u"execute-patient-usage-stats"_s);
    QVERIFY(usage.definitionFound);
    QCOMPARE(usage.inputs.size(), 3);
    QCOMPARE(usage.inputs.at(0).name, u"anonymization"_s);
    QVERIFY(usage.inputs.at(0).isRequired());
    QCOMPARE(usage.inputs.at(1).name, u"organization"_s);
    QCOMPARE(usage.inputs.at(1).type, u"Reference"_s);
    QVERIFY(!usage.inputs.at(1).isRequired());
    QCOMPARE(usage.inputs.at(2).name, u"period"_s);
    QCOMPARE(usage.inputs.at(2).type, u"Period"_s);

    // Its canonical URL is elsewhere: found by searching the server for it.
    QVERIFY(ops.at(0).definitionFound);
    QCOMPARE(ops.at(0).inputs.size(), 3);
    bool searched = false;
    const auto requests = m_server->requests();
    for (const auto &r : requests)
        searched = searched || (r.path == u"/fhir/OperationDefinition"_s &&
                                r.query.contains(u"measurement-stats"_s));
    QVERIFY(searched);

    QVERIFY(ops.at(1).definitionFound);
    QCOMPARE(ops.at(1).inputs.at(1).name, u"patient"_s);
    QVERIFY(ops.at(1).inputs.at(1).isRequired());

    // No definition: anonymization, which every report takes.
    QVERIFY(!ops.at(3).definitionFound);
    QCOMPARE(ops.at(3).inputs.size(), 1);
    QCOMPARE(ops.at(3).inputs.at(0).name, u"anonymization"_s);
    QCOMPARE(m_client->operations().size(), 4);
}

void TestReportClient::executeThenRefresh()
{
    m_server->setStatusRequestsUntilDone(3);
    fbm::ReportJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_client.get(), &fbm::ReportClient::jobsFetched, &model, &fbm::ReportJobModel::setJobs);
    QSignalSpy finished(&model, &fbm::ReportJobModel::jobFinished);

    QVERIFY(fetch());
    QCOMPARE(model.rowCount(), 7);

    QSignalSpy executed(m_client.get(), &fbm::ReportClient::reportExecuted);
    m_client->executeReport(
        u"$execute-patient-usage-stats"_s,
        {fbm::ReportInput::string(u"anonymization"_s, u"ANONYMIZED"_s),
         fbm::ReportInput::reference(u"organization"_s, u"Organization/42"_s),
         fbm::ReportInput::period(u"period"_s, QDate(2024, 1, 1), QDate(2024, 12, 31))});
    QVERIFY(executed.wait(5000));
    QCOMPARE(executed.first().first().toString(), u"patient-usage-stats"_s);
    const auto post = m_server->requests().constLast();
    QCOMPARE(post.path, u"/fhir/$execute-patient-usage-stats"_s);
    QCOMPARE(post.header("Content-Type"), "application/fhir+json"_ba);
    const QJsonArray sent = QJsonDocument::fromJson(post.body).object()[u"parameter"_s].toArray();
    QCOMPARE(sent.size(), 3);
    QCOMPARE(sent[0].toObject()[u"valueString"_s].toString(), u"ANONYMIZED"_s);
    QCOMPARE(sent[2].toObject()[u"valuePeriod"_s].toObject()[u"end"_s].toString(), u"2024-12-31"_s);
    const QString newId = m_server->executedJobIds().constFirst();

    // The first refresh shows the new job, unfinished, appended below the others.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(fetch());
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(inserted.count(), 1);
    const int row = model.rowOfKey(newId);
    QCOMPARE(row, 7);
    const ReportJob *fresh = model.jobAt(row);
    QVERIFY(!fresh->isFinished());
    QCOMPARE(fresh->shortName, u"PatientsUsageReport"_s);
    QCOMPARE(
        fresh->parameterSummary(),
        u"anonymization: ANONYMIZED, organization: Organization/42, period: 2024-01-01 – 2024-12-31"_s);
    QCOMPARE(finished.count(), 0);

    // Refreshes until DONE: the row stays where it is, only its cells change.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 5 && !model.jobAt(row)->isDone(); ++i)
        QVERIFY(fetch());
    QVERIFY(model.jobAt(row)->isDone());
    QCOMPARE(model.rowOfKey(newId), row);
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() >= 1);
    for (const auto &args : std::as_const(changed)) {
        QCOMPARE(args.at(0).toModelIndex().row(), row);
        QCOMPARE(args.at(1).toModelIndex().row(), row);
    }
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<ReportJob>().key(), newId);
    QCOMPARE(model.data(model.index(row, fbm::ReportJobModel::StatusColumn)).toString(), u"Done"_s);

    // And its report is there now.
    QTemporaryDir dir;
    const ReportDownload result = downloadOne(*model.jobAt(row), dir.path());
    QCOMPARE(result.outcome, ReportDownload::Outcome::Saved);
    QCOMPARE(fbm::test::readFile(result.filePath), ReportServer::sampleZip());
}

void TestReportClient::executeMissingInput()
{
    QSignalSpy failed(m_client.get(), &fbm::ReportClient::executeFailed);
    m_client->executeReport(u"patient-gdpr"_s,
                            {fbm::ReportInput::string(u"anonymization"_s, u"None"_s)});
    QVERIFY(failed.wait(5000));
    const auto error = failed.first().at(1).value<fbm::Error>();
    QVERIFY2(error.httpStatus == 400, qPrintable(error.message + u" / "_s + error.detail));
    QVERIFY2(error.message.contains(u"REPORTING_MISSING_INPUT_PARAMETER: patient"_s),
             qPrintable(error.message));
    QVERIFY(m_server->executedJobIds().isEmpty());
}

void TestReportClient::autoRefresh()
{
    // Unfinished jobs: the list is fetched again by itself.
    m_client->setAutoRefreshInterval(20);
    QVERIFY(fetch());
    QVERIFY(m_client->isAutoRefreshPending());
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount(u"$get-report-job-status"_s) >= 3, 5000);
    m_client->setAutoRefreshInterval(0);
    QVERIFY(!m_client->isAutoRefreshPending());

    // Every job finished: nothing more to wait for.
    m_server->setFixture(ReportServer::Fixture::SeedExample);
    QTRY_VERIFY(!m_client->isFetching());
    m_client->setAutoRefreshInterval(20);
    QVERIFY(fetch());
    QVERIFY(!m_client->isAutoRefreshPending());
}

void TestReportClient::demoJobsFinishAndRefreshStops()
{
    // The demo: unfinished jobs finish after a few refreshes; the automatic refresh carries
    // them there, each raises one notification, and the refreshing stops by itself.
    m_server->seedDemo();
    fbm::ReportJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_client.get(), &fbm::ReportClient::jobsFetched, &model, &fbm::ReportJobModel::setJobs);
    QSignalSpy finished(&model, &fbm::ReportJobModel::jobFinished);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    m_client->setAutoRefreshInterval(10);
    QVERIFY(fetch());
    QCOMPARE(model.rowCount(), 8);
    int unfinished = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        unfinished += model.jobAt(row)->isFinished() ? 0 : 1;
    QCOMPARE(unfinished, 3);

    QTRY_VERIFY_WITH_TIMEOUT(!model.hasUnfinishedJobs(), 5000);
    QTRY_VERIFY(!m_client->isFetching());
    QVERIFY(!m_client->isAutoRefreshPending());
    QCOMPARE(finished.count(), 3);
    QCOMPARE(inserted.count(), 1); // the first fill only: later refreshes update in place
    QCOMPARE(model.rowCount(), 8);

    QTemporaryDir dir;
    QSignalSpy all(m_client.get(), &fbm::ReportClient::allDownloadsFinished);
    m_client->downloadAllFinished(dir.path());
    QVERIFY(all.wait(5000));
    const auto results = all.first().first().value<QList<ReportDownload>>();
    QCOMPARE(results.size(), 7); // every job but the failed one
    for (const ReportDownload &r : results)
        QCOMPARE(r.outcome, ReportDownload::Outcome::Saved);
}

void TestReportClient::modelRowsAndRoles()
{
    QVERIFY(fetch());
    fbm::ReportJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs(m_client->jobs());
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.columnCount(), int(fbm::ReportJobModel::ColumnCount));
    QCOMPARE(model.headerData(fbm::ReportJobModel::RunTimeColumn, Qt::Horizontal).toString(),
             u"Run time"_s);
    QVERIFY(model.hasUnfinishedJobs());

    const int seed = model.rowOfKey(kSeedId);
    QVERIFY(seed >= 0);
    auto at = [&model](int row, int column, int role = Qt::DisplayRole) {
        return model.data(model.index(row, column), role);
    };
    using M = fbm::ReportJobModel;
    QCOMPARE(at(seed, M::ReportColumn).toString(), u"Patients usage report"_s);
    QCOMPARE(at(seed, M::ReportColumn, Qt::ToolTipRole).toString(),
             u"com.systematic.ehealth.reporting.reports.PatientsUsageReport"_s);
    QCOMPARE(at(seed, M::StatusColumn).toString(), u"Done"_s);
    QCOMPARE(at(seed, M::StatusColumn, M::StatusRole).toInt(), int(ReportJob::State::Done));
    QCOMPARE(at(seed, M::StatusColumn, M::RawStatusRole).toString(), u"DONE"_s);
    QCOMPARE(at(seed, M::ReportColumn, M::HasReportRole).toBool(), true);
    // One user among the jobs: the first eight characters say who; the tooltip says it whole.
    QCOMPARE(at(seed, M::UserColumn).toString(), u"0aaca7cd…"_s);
    QCOMPARE(at(seed, M::UserColumn, Qt::ToolTipRole).toString(),
             u"0aaca7cd-67c3-48dd-a8c4-0cceecb5d276"_s);
    QCOMPARE(at(seed, M::CreatedColumn, M::SortRole).toDateTime(),
             QDateTime(QDate(2023, 10, 12), QTime(9, 51, 50), Qt::UTC));
    QCOMPARE(at(seed, M::CreatedColumn).toString(),
             QDateTime(QDate(2023, 10, 12), QTime(9, 51, 50), Qt::UTC)
                 .toLocalTime()
                 .toString(u"yyyy-MM-dd HH:mm:ss"_s));
    QCOMPARE(at(seed, M::RunTimeColumn).toString(), u"0:01"_s);
    QCOMPARE(at(seed, M::RunTimeColumn, M::SortRole).toLongLong(), 1);
    QCOMPARE(at(seed, M::ParametersColumn).toString(), u"anonymization: None"_s);

    const int running = model.rowOfKey(kRunningId);
    QCOMPARE(at(running, M::StatusColumn).toString(), u"RUNNING"_s);
    QCOMPARE(at(running, M::StatusColumn, M::StatusRole).toInt(),
             int(ReportJob::State::Unfinished));
    QVERIFY(at(running, M::StatusColumn, Qt::ToolTipRole).toString().contains(u"not finished"_s));
    QVERIFY(at(running, M::EndedColumn).toString().isEmpty());
    QCOMPARE(at(running, M::RunTimeColumn, M::SortRole).toLongLong(), -1);
    QCOMPARE(at(model.rowOfKey(kFailedId), M::StatusColumn).toString(), u"Failed"_s);
    QCOMPARE(at(model.rowOfKey(kQueuedId), M::UserColumn).toString(), QString());
    // Unknown parts are shown with the report.
    QVERIFY(at(model.rowOfKey(kRawPdfId), M::ReportColumn, Qt::ToolTipRole)
                .toString()
                .contains(u"priority: 3"_s));
}

void TestReportClient::modelUpdatesInPlace()
{
    QVERIFY(fetch());
    const QList<ReportJob> jobs = m_client->jobs();
    fbm::ReportJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs(jobs);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy finished(&model, &fbm::ReportJobModel::jobFinished);
    QSignalSpy statusChanged(&model, &fbm::ReportJobModel::jobStatusChanged);

    // The same answer again: nothing happens.
    model.setJobs(jobs);
    QCOMPARE(changed.count() + inserted.count() + removed.count(), 0);

    // One job finishes, one disappears, one is new, and the order changes.
    QList<ReportJob> next = jobs;
    std::reverse(next.begin(), next.end());
    const int runningRow = model.rowOfKey(kRunningId);
    for (ReportJob &j : next) {
        if (j.id == kRunningId) {
            j.status = u"DONE"_s;
            j.ended = j.started.addSecs(90);
        }
        if (j.id == kSeedId)
            j.userId = u"someone-else"_s;
    }
    next.erase(std::remove_if(next.begin(), next.end(),
                              [](const ReportJob &j) { return j.id == kFailedId; }),
               next.end());
    ReportJob extra;
    extra.id = u"new-job"_s;
    extra.status = u"QUEUED"_s;
    next.append(extra);
    const int failedRow = model.rowOfKey(kFailedId);
    QVERIFY(failedRow < runningRow);

    model.setJobs(next);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), failedRow);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowOfKey(u"new-job"_s), 6);
    // Rows keep their order (only shifted by the removal), whatever the server's new order.
    QCOMPARE(model.rowOfKey(kRunningId), runningRow - 1);
    QCOMPARE(model.rowOfKey(kSeedId), 0);
    QCOMPARE(changed.count(), 2);
    // Only the user changed: only that cell.
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, fbm::ReportJobModel::UserColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(0, fbm::ReportJobModel::UserColumn));
    // The state changed: every cell carries StatusRole, so the whole row, and only that row.
    QCOMPARE(changed.at(1).at(0).toModelIndex(), model.index(runningRow - 1, 0));
    QCOMPARE(changed.at(1).at(1).toModelIndex(),
             model.index(runningRow - 1, fbm::ReportJobModel::ColumnCount - 1));
    QCOMPARE(model.data(model.index(runningRow - 1, fbm::ReportJobModel::RunTimeColumn)).toString(),
             u"1:30"_s);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<ReportJob>().id, kRunningId);
    QCOMPARE(statusChanged.count(), 1);
    QCOMPARE(statusChanged.first().at(1).toString(), u"RUNNING"_s);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestReportClient)
#include "tst_reportclient.moc"
