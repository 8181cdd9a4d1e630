// `fhir-bulk-monitor report-jobs`, run in-process against the demo reporting server: the table,
// --json, --save, --download, --token, --profile, the usage errors and the exit codes.
#include "auth/profile.h"
#include "cli/reportcommand.h"
#include "demo/reportserver.h"
#include "reports/reportbinary.h"
#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <memory>

using namespace Qt::StringLiterals;
using fbm::demo::ReportServer;

namespace {

const QByteArray kToken = "cli-report-token";

struct Run
{
    int exit = -1;
    QString out;
    QString err;
};

Run run(const QStringList &options)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.exit = fbm::cli::runReportJobsCommand(
        QStringList{u"fhir-bulk-monitor report-jobs"_s} + options, out, err);
    out.flush();
    err.flush();
    return r;
}

} // namespace

class TestCliReportJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void table();
    void json();
    void emptyList();
    void save();
    void download();
    void serverErrors_data();
    void serverErrors();
    void wrongToken();
    void profile();
    void usage_data();
    void usage();
    void help();

private:
    [[nodiscard]] QStringList base() const;
    std::unique_ptr<ReportServer> m_server;
};

void TestCliReportJobs::initTestCase()
{
    // Keeps any default profiles file out of the user's configuration.
    QStandardPaths::setTestModeEnabled(true);
}

void TestCliReportJobs::init()
{
    m_server = std::make_unique<ReportServer>();
    QVERIFY(m_server->listen());
    m_server->setTokenValidator([](const QByteArray &token) { return token == kToken; });
}

void TestCliReportJobs::cleanup()
{
    m_server.reset();
}

QStringList TestCliReportJobs::base() const
{
    return {u"--base"_s, m_server->baseUrl().toString(), u"--token"_s, QString::fromLatin1(kToken)};
}

void TestCliReportJobs::table()
{
    const Run r = run(base());
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 8); // header + 7 jobs
    QVERIFY(lines.at(0).startsWith(u"Report"_s));
    QVERIFY(lines.at(0).contains(u"Run time"_s));
    QVERIFY(lines.at(0).contains(u"Parameters"_s));
    QVERIFY(lines.at(1).startsWith(u"PatientsUsageReport"_s));
    QVERIFY(lines.at(1).contains(u"Done"_s));
    QVERIFY(lines.at(1).contains(u"0:01"_s));
    QVERIFY(lines.at(1).endsWith(u"anonymization: None"_s));
    // The table is for people and says what the window says; --json keeps the server's words.
    QVERIFY(r.out.contains(u"Running"_s));
    QVERIFY(r.out.contains(u"Queued"_s));
    QVERIFY(!r.out.contains(u"RUNNING"_s));
    QVERIFY(r.out.contains(u"Failed"_s));
    QVERIFY(r.out.contains(u"anonymization: ANONYMIZED, organization: Organization/42"_s));
    // Columns line up: the status column starts at the same place on every line.
    const qsizetype statusAt = lines.at(0).indexOf(u"Status"_s);
    QCOMPARE(lines.at(1).indexOf(u"Done"_s), statusAt);
    QVERIFY(!r.err.contains(QString::fromLatin1(kToken)));
}

void TestCliReportJobs::json()
{
    const Run r = run(base() + QStringList{u"--json"_s});
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray jobs = doc.array();
    QCOMPARE(jobs.size(), 7);
    const QJsonObject seed = jobs.at(0).toObject();
    QCOMPARE(seed[u"id"_s].toString(), u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s);
    QCOMPARE(seed[u"report"_s].toString(), u"PatientsUsageReport"_s);
    QCOMPARE(seed[u"status"_s].toString(), u"DONE"_s);
    QCOMPARE(seed[u"finished"_s].toBool(), true);
    QCOMPARE(seed[u"binary"_s].toString(), m_server->baseUrl().toString() + u"Binary/7"_s);
    QCOMPARE(seed[u"created"_s].toString(), u"2023-10-12T09:51:50Z"_s);
    QCOMPARE(seed[u"runTimeSeconds"_s].toInt(), 1);
    QCOMPARE(seed[u"parameters"_s].toArray().at(0).toObject()[u"value"_s].toString(), u"None"_s);
    QCOMPARE(jobs.at(3).toObject()[u"status"_s].toString(), u"RUNNING"_s);
    QCOMPARE(jobs.at(3).toObject()[u"finished"_s].toBool(), false);
    QVERIFY(jobs.at(5).toObject().contains(u"otherParts"_s));
}

void TestCliReportJobs::emptyList()
{
    m_server->setFixture(ReportServer::Fixture::Empty);
    Run r = run(base());
    QCOMPARE(r.exit, 0);
    QCOMPARE(r.out.trimmed(), u"The server lists no report jobs."_s);
    r = run(base() + QStringList{u"--json"_s});
    QCOMPARE(r.exit, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
}

void TestCliReportJobs::save()
{
    m_server->setFixture(ReportServer::Fixture::SeedExample);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"jobs.json"_s);
    const Run r = run(base() + QStringList{u"--save"_s, file});
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    QVERIFY(r.err.contains(file));
    const QByteArray saved = fbm::test::readFile(file);
    QVERIFY(saved.contains("\n    \"type\": \"collection\""));
    QVERIFY(saved.indexOf("\"resourceType\"") < saved.indexOf("\"entry\""));
    QCOMPARE(QJsonDocument::fromJson(saved).object()[u"entry"_s].toArray().size(), 1);

    // A place that cannot be written: exit 1, the job list is still printed.
    const Run bad = run(base() + QStringList{u"--save"_s, dir.filePath(u"no/such/dir/x.json"_s)});
    QCOMPARE(bad.exit, 1);
    QVERIFY(bad.out.contains(u"PatientsUsageReport"_s));
    QVERIFY(bad.err.contains(u"Could not write"_s));
}

void TestCliReportJobs::download()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"reports"_s);
    Run r = run(base() + QStringList{u"--download"_s, folder});
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    const QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 4);
    QCOMPARE(fbm::test::readFile(QDir(folder).filePath(
                 u"PatientsUsageReport-ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc.zip"_s)),
             m_server->reportBytes(u"7"_s));
    QCOMPARE(fbm::test::readFile(QDir(folder).filePath(
                 u"PractitionerStatsReport-2b7c4f0e-5a61-4f8e-9d0c-1f2a3b4c5d6e.csv"_s)),
             ReportServer::sampleCsv());
    QCOMPARE(fbm::test::readFile(QDir(folder).filePath(
                 u"CareteamStatsReport-77aa88bb-99cc-4dde-8eff-001122334455.pdf"_s)),
             ReportServer::samplePdf());
    QVERIFY(r.err.contains(u"4 report(s) saved"_s) || r.err.contains(u"4 reports saved"_s));

    // Again: nothing is fetched, each is reported as already saved.
    m_server->clearRequests();
    r = run(base() + QStringList{u"--download"_s, folder});
    QCOMPARE(r.exit, 0);
    QCOMPARE(r.err.count(u"already saved"_s), 4);
    QCOMPARE(m_server->requests().size(), 1); // the job list only
}

void TestCliReportJobs::serverErrors_data()
{
    QTest::addColumn<ReportServer::Fixture>("fixture");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("OperationOutcome")
        << ReportServer::Fixture::OperationOutcome << u"REPORTING_INTERNAL_ERROR"_s;
    QTest::newRow("non-Bundle") << ReportServer::Fixture::NotBundle << u"Patient"_s;
    QTest::newRow("not JSON") << ReportServer::Fixture::NotJson << u"not JSON"_s;
}

void TestCliReportJobs::serverErrors()
{
    QFETCH(ReportServer::Fixture, fixture);
    QFETCH(QString, mentions);
    m_server->setFixture(fixture);
    const Run r = run(base());
    QCOMPARE(r.exit, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
}

void TestCliReportJobs::wrongToken()
{
    const Run r =
        run({u"--base"_s, m_server->baseUrl().toString(), u"--token"_s, u"wrong-token"_s});
    QCOMPARE(r.exit, 1);
    QVERIFY2(r.err.contains(u"401"_s), qPrintable(r.err));
    QVERIFY(!r.err.contains(u"wrong-token"_s));
    QVERIFY(r.out.isEmpty());
}

void TestCliReportJobs::profile()
{
    QTemporaryDir dir;
    const QString profiles = dir.filePath(u"profiles.ini"_s);
    {
        fbm::ProfileStore store(profiles);
        fbm::Profile p;
        p.name = u"Reporting DK"_s;
        p.baseUrl = m_server->baseUrl();
        p.auth = fbm::Profile::AuthKind::None;
        p.reporting = true;
        const auto saved = store.save(p);
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
    }
    m_server->setTokenValidator({});
    Run r = run({u"--profile"_s, u"reporting dk"_s, u"--profiles-file"_s, profiles, u"--json"_s});
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 7);
    QVERIFY(m_server->requests().constLast().header("Authorization").isEmpty());

    // --base overrides the profile's base URL.
    {
        fbm::ProfileStore store(profiles);
        auto p = store.byName(u"Reporting DK"_s);
        QVERIFY(p.has_value());
        p->baseUrl = QUrl(u"http://127.0.0.1:1/fhir/"_s); // nothing listens there
        QVERIFY(store.save(*p).ok());
    }
    r = run({u"--profile"_s, u"Reporting DK"_s, u"--profiles-file"_s, profiles, u"--base"_s,
             m_server->baseUrl().toString()});
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(u"PatientsUsageReport"_s));

    // The profile says how to sign in: a token on top is a usage error.
    r = run({u"--profile"_s, u"Reporting DK"_s, u"--profiles-file"_s, profiles, u"--token"_s,
             QString::fromLatin1(kToken)});
    QCOMPARE(r.exit, 2);

    r = run({u"--profile"_s, u"Nope"_s, u"--profiles-file"_s, profiles});
    QCOMPARE(r.exit, 2);
    QVERIFY(r.err.contains(u"no profile named \"Nope\""_s));
}

void TestCliReportJobs::usage_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("neither --base nor --profile") << QStringList{u"--json"_s} << u"or --profile"_s;
    QTest::newRow("not a URL") << QStringList{u"--base"_s, u"ftp://example.org/fhir"_s}
                               << u"https:// or http://"_s;
    QTest::newRow("--token with --client-id")
        << QStringList{u"--base"_s, u"http://127.0.0.1:1/"_s, u"--token"_s,
                       u"t"_s,      u"--client-id"_s,         u"c"_s}
        << u"--token cannot be combined"_s;
    QTest::newRow("unknown option")
        << QStringList{u"--base"_s, u"http://127.0.0.1:1/"_s, u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("missing value") << QStringList{u"--base"_s} << u"base"_s;
    QTest::newRow("stray argument")
        << QStringList{u"--base"_s, u"http://127.0.0.1:1/"_s, u"extra"_s} << u"extra"_s;
}

void TestCliReportJobs::usage()
{
    QFETCH(QStringList, options);
    QFETCH(QString, mentions);
    const Run r = run(options);
    QCOMPARE(r.exit, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY(r.err.contains(u"--download"_s)); // the help text follows
    QVERIFY(m_server->requests().isEmpty());
}

void TestCliReportJobs::help()
{
    const Run r = run({u"--help"_s});
    QCOMPARE(r.exit, 0);
    // The usage line names the command, not the program's path.
    QVERIFY2(r.out.startsWith(u"Usage: fhir-bulk-monitor report-jobs [options]\n"_s),
             qPrintable(r.out));
    QVERIFY(r.out.contains(u"--profile"_s));
    QVERIFY(r.out.contains(u"JSON array"_s));
}

QTEST_GUILESS_MAIN(TestCliReportJobs)
#include "tst_cli_reportjobs.moc"
