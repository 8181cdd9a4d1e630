// The SMART "Bulk Data Export Log" (log.ndjson in the export folder): every event with its
// fields, in order, written by the engine against the test server; a refused kick-off; errors;
// a log that cannot be written never fails the export; and the command line killed while
// polling and resumed, which goes on in the same log with one kick-off and the same exportId.
// No token, secret or patient reference ever reaches it.
#include "authprovider.h"
#include "cliprocess.h"
#include "exportfixture.h"
#include "exportlog.h"
#include "servedfiles.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::CliProcess;
using fbm::test::CliRun;
using fbm::test::ExportFixture;
using fbm::test::FaultyBulkServer;
using fbm::test::FileFault;
namespace served = fbm::test::served;

namespace {

constexpr char kToken[] = "log-test-secret-token-4711";

QByteArray logText(const QString &folder)
{
    QFile f(QDir(folder).filePath(u"log.ndjson"_s));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The rows of the folder's log; a line that is not a JSON object gives an empty object.
QList<QJsonObject> readLog(const QString &folder)
{
    QList<QJsonObject> rows;
    for (const QByteArray &line : logText(folder).split('\n')) {
        if (!line.isEmpty())
            rows.append(QJsonDocument::fromJson(line).object());
    }
    return rows;
}

QStringList eventIds(const QList<QJsonObject> &rows)
{
    QStringList ids;
    for (const QJsonObject &row : rows)
        ids.append(row.value("eventId"_L1).toString());
    return ids;
}

QJsonObject detailOf(const QList<QJsonObject> &rows, const QString &eventId, int nth = 0)
{
    for (const QJsonObject &row : rows) {
        if (row.value("eventId"_L1).toString() == eventId && nth-- == 0)
            return row.value("eventDetail"_L1).toObject();
    }
    return {};
}

/// Every row has the four fields, the one exportId and a timestamp no earlier than the last.
QString checkRows(const QList<QJsonObject> &rows, const QString &exportId)
{
    QDateTime last;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject &row = rows.at(i);
        if (row.value("exportId"_L1).toString() != exportId)
            return u"row %1: exportId %2, not %3"_s.arg(i).arg(row.value("exportId"_L1).toString(),
                                                               exportId);
        const QDateTime at =
            QDateTime::fromString(row.value("timestamp"_L1).toString(), Qt::ISODateWithMs);
        if (!at.isValid() || (last.isValid() && at < last))
            return u"row %1: timestamp %2"_s.arg(i).arg(row.value("timestamp"_L1).toString());
        last = at;
        if (row.value("eventId"_L1).toString().isEmpty() || !row.value("eventDetail"_L1).isObject())
            return u"row %1: no eventId or eventDetail"_s.arg(i);
    }
    return {};
}

} // namespace

class TestExportLog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyEventInOrder();
    void refusedKickoff();
    void errorsOfStatusAndDownloads();
    void unwritableLogNeverFailsTheExport();
    void credentialHeadersAndPatientsLeftOut();
    void killedAndResumedFromTheCommandLine();
    void serverSoftwareIsAskedOncePerServer();
};

void TestExportLog::everyEventInOrder()
{
    ExportFixture fx;
    Script s;
    s.pollsBeforeDone = 2;
    s.retryAfterRaw = "0";
    s.progressTexts = {u"Searching"_s};
    s.manifestPages = 2;
    fx.server.setScript(s);
    const QList<ServedFile> files = served::mixedExport();
    fx.server.setFiles(files);
    fx.authorizeEveryJob(std::make_unique<StaticTokenAuth>(QString::fromLatin1(kToken)));
    ExportRequest request = fx.request(ExportLevel::Patient);
    request.usePost = true;
    request.patients = {u"Patient/secret-patient-17"_s};
    request.types = {u"Patient"_s, u"Observation"_s};
    const QString id = fx.start(request);
    QVERIFY(!id.isEmpty());
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(fx.job(id).state, JobState::Saved);

    const QList<QJsonObject> rows = readLog(fx.outDir());
    const QString problem = checkRows(rows, fx.job(id).statusUrl.toString());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList ids = eventIds(rows);
    const QStringList head{u"kickoff"_s,
                           u"status_progress"_s,
                           u"status_progress"_s,
                           u"status_page_complete"_s,
                           u"status_page_complete"_s,
                           u"manifest_complete"_s,
                           u"status_complete"_s};
    QCOMPARE(ids.mid(0, head.size()), head);
    QCOMPARE(ids.last(), u"export_complete"_s);
    QCOMPARE(ids.count(u"download_request"_s), files.size());
    QCOMPARE(ids.count(u"download_complete"_s), files.size());
    QCOMPARE(ids.size(), head.size() + 2 * files.size() + 1);

    const QJsonObject kickoff = detailOf(rows, u"kickoff"_s);
    QCOMPARE(kickoff.value("exportUrl"_L1).toString(), fx.job(id).kickoffUrl.toString());
    const QJsonObject params = kickoff.value("requestParameters"_L1).toObject();
    QCOMPARE(params.value("_type"_L1).toString(), u"Patient,Observation"_s);
    QVERIFY(!params.contains("patient"_L1));
    QVERIFY(!kickoff.contains("errorCode"_L1));
    // What the server's CapabilityStatement says of it, as the SMART reference client logs it.
    QCOMPARE(kickoff.value("softwareName"_L1).toString(), u"FHIR Bulk Monitor demo server"_s);
    QCOMPARE(kickoff.value("softwareVersion"_L1).toString(), QStringLiteral(FBM_VERSION));
    QCOMPARE(kickoff.value("softwareReleaseDate"_L1).toString(), u"2026-12-01"_s);
    QCOMPARE(kickoff.value("fhirVersion"_L1).toString(), u"4.0.1"_s);

    const QJsonObject progress = detailOf(rows, u"status_progress"_s);
    QCOMPARE(progress.value("xProgress"_L1).toString(), u"Searching"_s);
    QCOMPARE(progress.value("retryAfter"_L1).toString(), u"0"_s);

    const QJsonObject manifest = detailOf(rows, u"manifest_complete"_s);
    QCOMPARE(manifest.value("totalManifests"_L1).toInt(), 2);
    int outputs = 0;
    for (int page = 0; page < 2; ++page)
        outputs +=
            detailOf(rows, u"status_page_complete"_s, page).value("outputFileCount"_L1).toInt();
    QCOMPARE(manifest.value("totalOutputFileCount"_L1).toInt(), outputs);
    QCOMPARE(outputs, 3);
    QCOMPARE(manifest.value("totalErrorFileCount"_L1).toInt(), 1);
    QCOMPARE(manifest.value("totalDeletedFileCount"_L1).toInt(), 1);
    const QString transactionTime = manifest.value("transactionTime"_L1).toString();
    QVERIFY(QDateTime::fromString(transactionTime, Qt::ISODateWithMs).isValid());
    QCOMPARE(detailOf(rows, u"status_page_complete"_s).value("transactionTime"_L1).toString(),
             transactionTime);
    QCOMPARE(detailOf(rows, u"status_complete"_s).value("transactionTime"_L1).toString(),
             transactionTime);

    // Each file: its request, then its completion with the job's own figures.
    const ExportJob &job = fx.job(id);
    for (const ExportFile &f : job.files) {
        const QString url = f.url.toString();
        qsizetype requested = -1;
        qsizetype completed = -1;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject d = rows.at(i).value("eventDetail"_L1).toObject();
            if (d.value("fileUrl"_L1).toString() != url)
                continue;
            const QString event = rows.at(i).value("eventId"_L1).toString();
            if (event == "download_request"_L1) {
                requested = i;
                QCOMPARE(d.value("resourceType"_L1).toString(), f.type);
                QVERIFY(!d.value("itemType"_L1).toString().isEmpty());
            } else if (event == "download_complete"_L1) {
                completed = i;
                QCOMPARE(d.value("resourceCount"_L1).toInteger(), f.lines);
                QCOMPARE(d.value("fileSize"_L1).toInteger(), f.bytes);
            }
        }
        QVERIFY2(requested >= 0 && completed > requested, qPrintable(url));
    }
    const QJsonObject done = rows.last().value("eventDetail"_L1).toObject();
    QCOMPARE(done.value("files"_L1).toInt(), files.size());
    QCOMPARE(done.value("resources"_L1).toInteger(), job.resourcesSaved());
    QCOMPARE(done.value("bytes"_L1).toInteger(), job.bytesSaved());
    QCOMPARE(done.value("attachments"_L1).toInt(), 0);
    QVERIFY(done.value("duration"_L1).toInteger() >= 0);

    const QByteArray text = logText(fx.outDir());
    QVERIFY(!text.contains(kToken));
    QVERIFY(!text.contains("Bearer"));
    QVERIFY(!text.contains("secret-patient-17"));
}

void TestExportLog::refusedKickoff()
{
    ExportFixture fx;
    Script s;
    s.kickoffStatus = 400;
    fx.server.setScript(s);
    fx.authorizeEveryJob(std::make_unique<StaticTokenAuth>(QString::fromLatin1(kToken)));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));

    const QList<QJsonObject> rows = readLog(fx.outDir());
    QCOMPARE(eventIds(rows), QStringList{u"kickoff"_s});
    // No status URL came: the kick-off URL names the attempt.
    const QString problem = checkRows(rows, fx.job(id).kickoffUrl.toString());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QJsonObject kickoff = detailOf(rows, u"kickoff"_s);
    QCOMPARE(kickoff.value("errorCode"_L1).toInt(), 400);
    QCOMPARE(kickoff.value("errorBody"_L1).toObject().value("resourceType"_L1).toString(),
             u"OperationOutcome"_s);
    const QJsonObject headers = kickoff.value("responseHeaders"_L1).toObject();
    QVERIFY(!headers.isEmpty());
    for (auto it = headers.begin(); it != headers.end(); ++it)
        QVERIFY2(!ExportLog::isSensitiveHeader(it.key().toLatin1()), qPrintable(it.key()));
    QVERIFY(!logText(fx.outDir()).contains(kToken));
}

void TestExportLog::errorsOfStatusAndDownloads()
{
    ExportFixture fx;
    Script s;
    s.pollsBeforeDone = 1;
    s.retryAfterRaw = "0";
    s.pollQueue = {{503, {}, {}, {}}}; // a 503 without a body: tried again
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport());
    FileFault fault;
    fault.kind = FileFault::Kind::ServerError;
    fault.status = 503;
    fault.times = 1;
    fx.server.setFileFault(0, fault);
    const QString id = fx.start();
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(fx.job(id).state, JobState::Saved);

    const QList<QJsonObject> rows = readLog(fx.outDir());
    const QString problem = checkRows(rows, fx.job(id).statusUrl.toString());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList ids = eventIds(rows);
    QCOMPARE(ids.count(u"kickoff"_s), 1);
    QCOMPARE(ids.at(1), u"status_error"_s);
    const QJsonObject statusError = detailOf(rows, u"status_error"_s);
    QCOMPARE(statusError.value("code"_L1).toInt(), 503);
    QVERIFY(!statusError.value("message"_L1).toString().isEmpty());
    QVERIFY(statusError.value("body"_L1).isNull());
    QVERIFY(statusError.value("responseHeaders"_L1).isObject());

    QCOMPARE(ids.count(u"download_error"_s), 1);
    const QJsonObject downloadError = detailOf(rows, u"download_error"_s);
    QCOMPARE(downloadError.value("code"_L1).toInt(), 503);
    QCOMPARE(downloadError.value("fileUrl"_L1).toString(), fx.job(id).files.at(0).url.toString());
    // Tried again: a second request, then its completion.
    QCOMPARE(ids.count(u"download_request"_s), fx.job(id).files.size() + 1);
    QCOMPARE(ids.last(), u"export_complete"_s);
}

void TestExportLog::unwritableLogNeverFailsTheExport()
{
    ExportFixture fx;
    // A folder where the log should be: it cannot be opened for appending.
    QVERIFY(QDir().mkpath(QDir(fx.outDir()).filePath(u"log.ndjson"_s)));
    QSignalSpy warnings(fx.manager, &JobManager::warning);
    fx.serveAtOnce(served::mixedExport());
    const QString id = fx.start();
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(fx.job(id).state, JobState::Saved);
    // Warned once, however many rows were lost.
    QCOMPARE(warnings.count(), 1);
    QVERIFY(warnings.first().first().toString().contains(u"log.ndjson"_s));
}

void TestExportLog::credentialHeadersAndPatientsLeftOut()
{
    const HeaderList headers{{"Content-Type", "application/fhir+json"},
                             {"Authorization", "Bearer abc"},
                             {"Set-Cookie", "session=abc"},
                             {"X-Api-Key", "abc"},
                             {"X-Amz-Security-Token", "abc"},
                             {"X-Progress", "Bearer abc in progress"},
                             {"Retry-After", "5"},
                             {"retry-after", "6"}};
    const QJsonObject out = ExportLog::responseHeaders(headers);
    QCOMPARE(out.keys(), (QStringList{u"content-type"_s, u"retry-after"_s, u"x-progress"_s}));
    QCOMPARE(out.value("retry-after"_L1).toString(), u"5, 6"_s);
    QVERIFY(!out.value("x-progress"_L1).toString().contains(u"abc"_s));

    ExportRequest r;
    r.level = ExportLevel::Group;
    r.groupId = u"g"_s;
    r.usePost = true;
    r.patients = {u"Patient/1"_s};
    r.types = {u"Patient"_s};
    r.typeFilters = {u"Patient?active=true"_s};
    const QJsonObject params = ExportLog::requestParameters(r);
    QCOMPARE(params.keys(), (QStringList{u"_type"_s, u"_typeFilter"_s}));

    const QJsonValue body = ExportLog::body("grant_type=client_credentials&client_secret=hush");
    QVERIFY(!body.toString().contains(u"hush"_s));
}

void TestExportLog::killedAndResumedFromTheCommandLine()
{
    QTemporaryDir dir;
    FaultyBulkServer server;
    QVERIFY(server.listen());
    Script s;
    s.pollsBeforeDone = 4;
    s.retryAfterRaw = "0";
    server.setScript(s);
    server.setFiles(served::cliExport(50, 500));
    CliProcess cli(dir.path());
    const QString out = dir.filePath(u"out"_s);
    const QStringList token{u"--token"_s, QString::fromLatin1(kToken)};

    // Killed while polling, once the log has the kick-off and a status check.
    QProcessEnvironment slowPolls;
    slowPolls.insert(u"FBM_MIN_POLL_MS"_s, u"300"_s);
    QProcess *p = cli.start(QStringList{u"export"_s, u"--base"_s, server.baseUrl().toString(),
                                        u"--out"_s, out, u"--json"_s} +
                                token,
                            slowPolls);
    QVERIFY(p->waitForStarted());
    QVERIFY(
        fbm::test::waitFor([&] { return eventIds(readLog(out)).contains(u"status_progress"_s); }));
    ::kill(pid_t(p->processId()), SIGKILL);
    (void)CliProcess::finish(p);
    const QStringList before = eventIds(readLog(out));
    QVERIFY(!before.contains(u"status_complete"_s));

    const QString statusUrl = server.statusUrl(server.lastJobId()).toString();
    const CliRun resumed =
        cli.run(QStringList{u"resume"_s, statusUrl, u"--out"_s, out, u"--json"_s} + token);
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());

    const QList<QJsonObject> rows = readLog(out);
    const QString problem = checkRows(rows, statusUrl);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList ids = eventIds(rows);
    // Appended: what the killed run wrote is still there, first.
    QCOMPARE(ids.mid(0, before.size()), before);
    QCOMPARE(ids.count(u"kickoff"_s), 1);
    QCOMPARE(ids.first(), u"kickoff"_s);
    QVERIFY(ids.indexOf(u"status_progress"_s, before.size()) > 0);
    QCOMPARE(ids.count(u"manifest_complete"_s), 1);
    QCOMPARE(ids.count(u"status_complete"_s), 1);
    QCOMPARE(ids.count(u"download_complete"_s), 3);
    QCOMPARE(ids.last(), u"export_complete"_s);
    QCOMPARE(ids.count(u"export_complete"_s), 1);
    // The duration counts from the kick-off of the killed run.
    const QDateTime kickedOff =
        QDateTime::fromString(rows.first().value("timestamp"_L1).toString(), Qt::ISODateWithMs);
    const QDateTime ended =
        QDateTime::fromString(rows.last().value("timestamp"_L1).toString(), Qt::ISODateWithMs);
    const qint64 duration =
        rows.last().value("eventDetail"_L1).toObject().value("duration"_L1).toInteger();
    QVERIFY2(qAbs(duration - kickedOff.msecsTo(ended)) < 1000,
             qPrintable(QString::number(duration)));
    QVERIFY(duration >= 300); // at least the killed run's first wait
    QVERIFY(!logText(out).contains(kToken));
}

void TestExportLog::serverSoftwareIsAskedOncePerServer()
{
    ExportFixture fx;
    Script s;
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString first = fx.startKeepingFiles();
    QVERIFY(fx.runToEnd(first));
    JobOptions o = fx.options();
    o.outDir = fx.dir.filePath(u"second"_s);
    o.keepOnServer = true;
    const QString second = fx.manager->startExport(fx.request(), o).value();
    QVERIFY(fx.runToEnd(second));
    int metadata = 0;
    for (const auto &r : fx.server.requests())
        metadata += r.path.endsWith("/metadata"_L1) ? 1 : 0;
    QCOMPARE(metadata, 1); // once per server while the program runs
    for (const QString &folder : {fx.outDir(), o.outDir}) {
        const QList<QJsonObject> rows = readLog(folder);
        QCOMPARE(eventIds(rows).value(0), u"kickoff"_s);
        QCOMPARE(detailOf(rows, u"kickoff"_s).value("fhirVersion"_L1).toString(), u"4.0.1"_s);
    }
}

QTEST_GUILESS_MAIN(TestExportLog)

#include "tst_exportlog.moc"
