// The activity log of one export job as a model: filled from the job (read from the store for a
// finished one), then appended to as requests go out, bounded like the engine's log.
#include "exportfixture.h"
#include "jobactivitymodel.h"
#include "servedfiles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
namespace served = fbm::test::served;

namespace {

QList<ServedFile> oneFile()
{
    return {served::ndjson(u"Patient"_s, served::resource("Patient", "p1"))};
}

} // namespace

class TestJobActivityModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headers();
    void followsTheJob();
    void finishedJobIsReadFromTheStore();
    void wordsForEachKindOfRequest_data();
    void wordsForEachKindOfRequest();
};

void TestJobActivityModel::headers()
{
    ExportFixture fx;
    JobActivityModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(JobActivityModel::Count));
    const QStringList titles = {u"Time"_s,   u"What happened"_s, u"Request"_s, u"URL"_s,
                                u"Status"_s, u"Took"_s,          u"Note"_s};
    for (int c = 0; c < JobActivityModel::Count; ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), titles.at(c));
}

void TestJobActivityModel::followsTheJob()
{
    ExportFixture fx;
    fx.server.setFiles(oneFile());
    Script script;
    script.pollsBeforeDone = 1;
    script.retryAfterSeconds = 1;
    fx.server.setScript(script);
    JobActivityModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QString id = fx.start();
    model.setJobId(id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const ExportJob &j = fx.job(id);
    QCOMPARE(model.rowCount(), int(j.activity.size()));
    QVERIFY(model.rowCount() >= 3); // kick-off, polls, the file
    QVERIFY(!inserted.isEmpty());

    const QModelIndex method = model.index(0, JobActivityModel::Method);
    QCOMPARE(method.data().toString(), u"GET"_s);
    QCOMPARE(model.index(0, JobActivityModel::Status).data().toString(), u"202"_s);
    QVERIFY(model.index(0, JobActivityModel::Url).data().toString().contains(u"$export"_s));
    QVERIFY(model.index(0, JobActivityModel::Took).data().toString().endsWith(u" ms"_s));
    QVERIFY(!model.index(0, JobActivityModel::Time).data(Qt::ToolTipRole).toString().isEmpty());
    // Each request in plain words beside the raw one (walkthrough #12).
    QStringList words;
    for (int row = 0; row < model.rowCount(); ++row)
        words << model.index(row, JobActivityModel::Event).data().toString();
    QCOMPARE(words.at(0), u"Asked for the export: the server accepted"_s);
    QVERIFY2(words.contains(u"Asked how far the server is: still working"_s),
             qPrintable(words.join(u" | "_s)));
    QVERIFY2(words.contains(u"Asked how far the server is: the files are ready"_s),
             qPrintable(words.join(u" | "_s)));
    QVERIFY2(words.contains(u"Downloaded "_s + j.files.at(0).relativePath),
             qPrintable(words.join(u" | "_s)));
    // A note (no request) stands in the words column, not again under Note.
    for (int row = 0; row < model.rowCount(); ++row) {
        const ActivityEntry &e = model.entry(row);
        if (!e.method.isEmpty())
            continue;
        QCOMPARE(model.index(row, JobActivityModel::Event).data().toString(), e.note);
        QVERIFY(model.index(row, JobActivityModel::Note).data().toString().isEmpty());
        QCOMPARE(model.index(row, JobActivityModel::Note).data(Qt::ToolTipRole).toString(), e.note);
    }
    const QString curl = model.index(0, 0).data(JobActivityModel::CurlRole).toString();
    QVERIFY2(curl.startsWith(u"curl"_s), qPrintable(curl));
    QVERIFY(!model.index(0, 0).data(JobActivityModel::WarningRole).toBool());
    QCOMPARE(
        model.index(0, JobActivityModel::Status).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
        Qt::AlignRight | Qt::AlignVCenter);

    // Another job's requests do not show here.
    const int rows = model.rowCount();
    fx.server.setScript(Script{});
    const QString other = fx.start();
    QVERIFY(fx.waitForTerminal(other));
    QCOMPARE(model.rowCount(), rows);
    model.setJobId({});
    QCOMPARE(model.rowCount(), 0);
}

void TestJobActivityModel::finishedJobIsReadFromTheStore()
{
    ExportFixture fx;
    const QString id = fx.savedExport(oneFile());
    QVERIFY(!id.isEmpty());
    const qsizetype entries = fx.job(id).activity.size();
    fx.manager->waitForSaves();
    fx.restartManager();
    fx.manager->restore();
    QVERIFY(!fx.job(id).detailsLoaded);
    JobActivityModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobId(id);
    QVERIFY(fx.job(id).detailsLoaded);
    QCOMPARE(model.rowCount(), int(entries));
}

void TestJobActivityModel::wordsForEachKindOfRequest_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("words");
    const QString base = u"https://fhir.example/r4"_s;
    QTest::newRow("kick-off refused")
        << "GET"_ba << base + u"/Group/7/$export?_type=Patient"_s << 400 << QByteArray()
        << u"Asked for the export: refused (HTTP 400)"_s;
    QTest::newRow("kick-off unanswered") << "GET"_ba << base + u"/Group/7/$export"_s << 0
                                         << QByteArray() << u"Asked for the export: no answer"_s;
    QTest::newRow("status busy") << "GET"_ba << base + u"/status/42"_s << 429 << QByteArray()
                                 << u"Asked how far the server is: asked to wait"_s;
    QTest::newRow("status 503") << "GET"_ba << base + u"/status/42"_s << 503 << QByteArray()
                                << u"Asked how far the server is: a problem (HTTP 503)"_s;
    QTest::newRow("manifest page") << "GET"_ba << base + u"/status/42?page=2"_s << 200
                                   << QByteArray() << u"Read the next page of the file list"_s;
    QTest::newRow("release") << "DELETE"_ba << base + u"/status/42"_s << 202 << QByteArray()
                             << u"Told the server it may remove the export"_s;
    QTest::newRow("release, gone")
        << "DELETE"_ba << base + u"/status/42"_s << 404 << QByteArray()
        << u"Told the server it may remove the export: it was gone already"_s;
    // A signed link's query differs from the manifest's (the signature is redacted).
    QTest::newRow("file") << "GET"_ba << u"https://storage.example/f/1.ndjson?sig=REDACTED"_s << 200
                          << QByteArray() << u"Downloaded Observation.1.ndjson"_s;
    QTest::newRow("file expired") << "GET"_ba
                                  << u"https://storage.example/f/1.ndjson?sig=REDACTED"_s << 403
                                  << QByteArray()
                                  << u"Downloading Observation.1.ndjson: a problem (HTTP 403)"_s;
    QTest::newRow("metadata") << "GET"_ba << base + u"/metadata"_s << 200 << QByteArray()
                              << u"Asked the server which software it runs"_s;
    QTest::newRow("token") << "POST"_ba << u"https://auth.example/token"_s << 200
                           << "grant_type=client_credentials&client_assertion=REDACTED"_ba
                           << u"Signed in to the server"_s;
    QTest::newRow("token refused")
        << "POST"_ba << u"https://auth.example/token"_s << 401 << "grant_type=client_credentials"_ba
        << u"Signing in: refused (HTTP 401)"_s;
    QTest::newRow("a note") << QByteArray() << QString() << 0 << QByteArray() << QString();
    QTest::newRow("elsewhere") << "GET"_ba << u"https://other.example/x"_s << 200 << QByteArray()
                               << QString();
}

void TestJobActivityModel::wordsForEachKindOfRequest()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, url);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, words);
    ExportJob job;
    job.kickoffUrl = QUrl(u"https://fhir.example/r4/Group/7/$export?_type=Patient"_s);
    job.statusUrl = QUrl(u"https://fhir.example/r4/status/42"_s);
    ExportFile file;
    file.url = QUrl(u"https://storage.example/f/1.ndjson?sig=abc"_s);
    file.relativePath = u"Observation.1.ndjson"_s;
    job.files = {file};
    ActivityEntry e;
    e.method = method;
    e.url = QUrl(url);
    e.status = status;
    e.requestBody = body;
    e.note = u"a remark"_s;
    QCOMPARE(ActivityWords(job).describe(e), words);
}

QTEST_GUILESS_MAIN(TestJobActivityModel)
#include "tst_jobactivitymodel.moc"
