// The export engine end to end against the simulated server over real HTTP, with real files.
#include "authprovider.h"
#include "exportfixture.h"
#include "filenames.h"
#include "httpclient.h"
#include "servedfiles.h"
#include "testutil.h"

#include <QJsonArray>

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
using fbm::test::FaultyBulkServer;
using fbm::test::FileFault;
namespace served = fbm::test::served;

namespace {

/// Starts an export the server keeps answering "in progress" for, polled without waits.
QString startNeverEndingExport(ExportFixture &fx)
{
    Script s;
    s.pollsBeforeDone = 1000;
    s.retryAfterRaw = "0";
    fx.server.setScript(s);
    return fx.start();
}

/// An export that completes after pollsBeforeDone polls (no waits between them), serving
/// served::mixedExport() with the second one generated (lines of 512 bytes) at 1 MiB/s.
void serveWithSlowSecondFile(ExportFixture &fx, int pollsBeforeDone, int lines)
{
    Script s;
    s.pollsBeforeDone = pollsBeforeDone;
    s.retryAfterRaw = "0";
    fx.server.setScript(s);
    QList<ServedFile> files = served::mixedExport();
    files[1].generatedLines = lines;
    fx.server.setFiles(files);
    FileFault slow;
    slow.kind = FileFault::Kind::Slow;
    slow.bytesPerSecond = 1024 * 1024;
    fx.server.setFileFault(1, slow);
}

} // namespace

class TestExportFlow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void standardFlowSavesEveryFile();
    void kickoffSendsWhatTheSpecSays_data();
    void kickoffSendsWhatTheSpecSays();
    void kickoffErrors_data();
    void kickoffErrors();
    void kickoffTroubleThatMayPassIsRetried_data();
    void kickoffTroubleThatMayPassIsRetried();
    void kickoffTroubleThatLastsFails();
    void relativeContentLocationIsResolved();
    void xProgressAndNextPollAreFacts();
    void retryAfterIsHonoured();
    void pollFaults_data();
    void pollFaults();
    void hapiCancelledInProgressStopsPolling();
    void emptyManifestWithMessageIsSuccess();
    void malformedManifestFails();
    void pagedManifestIsMerged();
    void cancelRunningJob();
    void cancelFinishedJobAnswers404();
    void gzipFileIsDecompressed();
    void tokenOnlyToTheServersOwnOrigin();
    void tokenNotSentWhenNotRequired();
    void oracleRedirectDropsToken();
    void fileFaults_data();
    void fileFaults();
    void serverErrorOnFileIsRetried();
    void countMismatchIsReported();
    void hostileTypesStayInsideTheFolder();
    void parallelDownloadsAreBounded();
    void restartResumesPollingAndDownloads();
    void routinePollsAreSavedAtExitNotEachTime();
    void downloadProgressDoesNotRewriteTheJobFile();
    void fileRenamedBeforeItWasRecordedIsKept();
    void damagedStoreFileIsMovedAside();
    void filesLostInAPowerCutAreFetchedAgain();
    void changesSinceLastExport();
    void twoRunningExportsNeverShareAFolder();
    void anotherProgramsExportHoldsItsFolder();
    void lockFileOfAKilledProgramIsTakenOver();
    void unusableFolderIsRefusedBeforeTheKickoff();
    void manifestThatCannotBeWrittenFailsTheJob();
    void leftoverPartOfAnEarlierExportIsNotResumed();
    void ndjsonLabelledAsJsonIsCounted();
    void refusedCancelOfADownloadGoesOn();
    void cancelDuringTheKickoffDeletesTheServersJob();
    void cancelLeavesAReusedServerJobToTheOtherExport();
    void transientPollErrorsAreOutlasted();
    void sinceLastExportOnlyFromTheSameScope();
    void sinceLastExportByProfileWhateverItsAddress();
};

void TestExportFlow::standardFlowSavesEveryFile()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    QSignalSpy finished(fx.manager, &JobManager::jobFinished);
    const QString id = fx.start();
    QVERIFY(!id.isEmpty());
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(finished.count(), 1);
    const QString diff = fx.compareAllFiles(id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const ExportJob &j = fx.job(id);
    QCOMPARE(j.files.at(0).relativePath, u"Patient.1.ndjson"_s);
    QCOMPARE(j.files.at(1).relativePath, u"Observation.1.ndjson"_s);
    QCOMPARE(j.files.at(2).relativePath, u"Observation.2.ndjson"_s);
    QCOMPARE(j.files.at(3).relativePath, u"errors/OperationOutcome.1.ndjson"_s);
    QCOMPARE(j.files.at(4).relativePath, u"deleted/Bundle.1.ndjson"_s);
    QCOMPARE(j.files.at(1).lines, qint64(500));
    QCOMPARE(j.files.at(2).lines, qint64(1)); // CRLF
    QVERIFY(j.transactionTime.isValid());
    QCOMPARE(j.statusUrl, fx.server.statusUrl(fx.server.lastJobId()));
    // The manifest as received, beside the files.
    const QJsonObject manifest = QJsonDocument::fromJson(fx.saved(u"manifest.json"_s)).object();
    QCOMPARE(manifest.value("output"_L1).toArray().size(), 3);
    QCOMPARE(j.resourcesSaved(), qint64(503));
    QCOMPARE(j.bytesSaved(), fx.server.expectedSize(0) + fx.server.expectedSize(1) +
                                 fx.server.expectedSize(2) + fx.server.expectedSize(3) +
                                 fx.server.expectedSize(4));
    // The store has it, atomically written, without any .tmp left behind.
    fx.manager->waitForSaves();
    const QStringList stored = QDir(fx.store->directory()).entryList(QDir::Files);
    QCOMPARE(stored, QStringList{id + u".json"_s});
}

void TestExportFlow::kickoffSendsWhatTheSpecSays_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<bool>("post");
    QTest::addColumn<QString>("expectedPath");
    QTest::newRow("system GET") << int(ExportLevel::System) << false << u"/fhir/$export"_s;
    QTest::newRow("patient GET") << int(ExportLevel::Patient) << false
                                 << u"/fhir/Patient/$export"_s;
    QTest::newRow("group GET") << int(ExportLevel::Group) << false
                               << u"/fhir/Group/demo-group-1/$export"_s;
    QTest::newRow("system POST") << int(ExportLevel::System) << true << u"/fhir/$export"_s;
    QTest::newRow("patient POST") << int(ExportLevel::Patient) << true
                                  << u"/fhir/Patient/$export"_s;
    QTest::newRow("group POST") << int(ExportLevel::Group) << true
                                << u"/fhir/Group/demo-group-1/$export"_s;
}

void TestExportFlow::kickoffSendsWhatTheSpecSays()
{
    QFETCH(int, level);
    QFETCH(bool, post);
    QFETCH(QString, expectedPath);
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    ExportRequest r = fx.request(ExportLevel(level));
    r.usePost = post;
    r.types = {u"Patient"_s, u"Observation"_s};
    r.since = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    r.until = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    r.typeFilters = {u"Observation?code=http://loinc.org|1234-5&status=final"_s,
                     u"Patient?active=true"_s};
    r.elements = {u"id"_s, u"meta"_s};
    r.outputFormat = u"application/fhir+ndjson"_s;
    r.includeAssociatedData = {u"LatestProvenanceResources"_s};
    if (post && level != int(ExportLevel::System))
        r.patients = {u"p1"_s, u"Patient/p2"_s};
    const QString id = fx.start(r);
    QVERIFY(fx.waitForState(id, JobState::Saved));

    const auto requests = fx.server.requests();
    QVERIFY(!requests.isEmpty());
    const auto &kick = requests.first();
    QCOMPARE(kick.method, post ? "POST"_ba : "GET"_ba);
    QCOMPARE(kick.url.path(), expectedPath);
    // Exactly these values: servers compare them strictly.
    QCOMPARE(kick.header("Accept"), "application/fhir+json"_ba);
    QCOMPARE(kick.header("Prefer"), "respond-async"_ba);
    if (post)
        QCOMPARE(kick.header("Content-Type"), "application/fhir+json"_ba);

    const BulkServer::JobInfo info = fx.server.jobInfo(fx.server.lastJobId());
    QCOMPARE(info.method, post ? "POST"_ba : "GET"_ba);
    QList<QPair<QString, QString>> expected = {
        {u"_outputFormat"_s, u"application/fhir+ndjson"_s},
        {u"_since"_s, u"2020-01-01T00:00:00.000Z"_s},
        {u"_until"_s, u"2026-01-01T00:00:00.000Z"_s},
        {u"_type"_s, u"Patient,Observation"_s},
        {u"_elements"_s, u"id,meta"_s},
        {u"_typeFilter"_s, u"Observation?code=http://loinc.org|1234-5&status=final"_s},
        {u"_typeFilter"_s, u"Patient?active=true"_s},
    };
    if (post && level != int(ExportLevel::System)) {
        expected.append({u"patient"_s, u"Patient/p1"_s});
        expected.append({u"patient"_s, u"Patient/p2"_s});
    }
    expected.append({u"includeAssociatedData"_s, u"LatestProvenanceResources"_s});
    QCOMPARE(info.parameters, expected);
    if (!post) // each _typeFilter value percent-encoded on the wire
        QVERIFY(kick.url.toEncoded().contains(
            "_typeFilter=Observation%3Fcode%3Dhttp%3A%2F%2Floinc.org%7C1234-5%26status%3Dfinal"));
    QVERIFY(kick.header("Cache-Control").isEmpty()); // only when asked for (below)

    // Status checks ask for JSON, file downloads for NDJSON (HAPI needs it for the raw bytes).
    const QUrl status = fx.job(id).statusUrl;
    const QUrl file = fx.job(id).files.at(0).url;
    int polls = 0;
    int downloads = 0;
    for (const FaultyBulkServer::Recorded &rec : requests) {
        if (rec.url == status && rec.method == "DELETE") {
            // The clean-up once every file is saved: Accept as for the kick-off.
            QCOMPARE(rec.header("Accept"), "application/fhir+json"_ba);
        } else if (rec.url == status) {
            ++polls;
            QCOMPARE(rec.header("Accept"), "application/json"_ba);
        } else if (rec.url == file) {
            ++downloads;
            QCOMPARE(rec.header("Accept"), "application/fhir+ndjson"_ba);
        }
    }
    QVERIFY(polls > 0 && downloads > 0);

    // "Start a new job even if an identical one exists": Cache-Control: no-cache on the kick-off.
    fx.server.clearRequests();
    r.noCache = true;
    JobOptions o = fx.options();
    o.outDir = fx.dir.filePath(u"again"_s);
    const QString again = fx.manager->startExport(r, o).value();
    QVERIFY(fx.waitForState(again, JobState::Saved));
    QCOMPARE(fx.server.requests().first().header("Cache-Control"), "no-cache"_ba);
}

void TestExportFlow::kickoffErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("omitLocation");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("400 with OperationOutcome")
        << 400
        << R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-supported","diagnostics":"Resource type Foo is not supported"}]})"_ba
        << false << u"error (not-supported): Resource type Foo is not supported"_s;
    QTest::newRow("500 html") << 500 << "<html><body>Internal error</body></html>"_ba << false
                              << u"answered 500 without an explanation"_s;
    QTest::newRow("429 busy") << 429 << QByteArray() << false << u"busy"_s;
    // Not a FHIR server: what Test connection would say, and where to check.
    QTest::newRow("404 web page") << 404 << "<html>Not Found</html>"_ba << false
                                  << u"No FHIR server answered at this address"_s;
    QTest::newRow("200 web page") << 200 << "<html>Welcome</html>"_ba << false
                                  << u"did not start an export"_s;
    QTest::newRow("202 without Content-Location")
        << 202 << QByteArray() << true << u"Content-Location"_s;
}

void TestExportFlow::kickoffErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, omitLocation);
    QFETCH(QString, mentions);
    ExportFixture fx;
    Script s;
    s.kickoffStatus = status;
    s.kickoffBody = body;
    s.omitContentLocation = omitLocation;
    fx.server.setScript(s);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    QVERIFY2(fx.job(id).lastError.contains(mentions), qPrintable(fx.job(id).lastError));
    QVERIFY(!fx.job(id).statusUrl.isValid());
    // No polling, no guessing of a status URL: nothing is due, ever.
    QVERIFY(!fx.job(id).nextPollAt.isValid());
    QCOMPARE(fx.manager->nextWakeUpMs(), -1);
    QCOMPARE(fx.server.requests().size(), 1);
}

void TestExportFlow::kickoffTroubleThatMayPassIsRetried_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    const auto outcome = [](const char *code) -> QByteArray {
        return QByteArray(R"({"resourceType":"OperationOutcome","issue":[{"severity":"error",)"
                          R"("code":")") +
               code + R"(","diagnostics":"Please try again later"}]})";
    };
    QTest::newRow("503 transient") << 503 << outcome("transient");
    QTest::newRow("500 timeout") << 500 << outcome("timeout");
    QTest::newRow("503 throttled") << 503 << outcome("throttled");
    QTest::newRow("500 lock-error") << 500 << outcome("lock-error");
    QTest::newRow("400 incomplete") << 400 << outcome("incomplete");
    QTest::newRow("502 gateway page") << 502 << "<html>Bad gateway</html>"_ba;
}

void TestExportFlow::kickoffTroubleThatMayPassIsRetried()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    ExportFixture fx;
    Script s;
    s.kickoffStatus = status;
    s.kickoffBody = body;
    s.kickoffRefusals = 2;
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForTerminal(id));
    QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState::Saved));
    int kickoffs = 0;
    for (const auto &r : fx.server.requests())
        kickoffs += r.path.endsWith("$export"_L1) ? 1 : 0;
    QCOMPARE(kickoffs, 3);
    QVERIFY(fx.job(id).lastError.isEmpty());
    // The activity says what happened; the export log has one kickoff row, the accepted one.
    QStringList notes;
    for (const ActivityEntry &e : fx.job(id).activity)
        notes << e.note;
    QVERIFY2(std::any_of(notes.cbegin(), notes.cend(),
                         [](const QString &n) { return n.contains("trying again"_L1); }),
             qPrintable(notes.join(u'\n')));
    QFile log(QDir(fx.job(id).outDir).filePath(u"log.ndjson"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll().count("\"eventId\":\"kickoff\""), 1);
}

void TestExportFlow::kickoffTroubleThatLastsFails()
{
    // A transient answer every time: tried as often as a status check would be, then Failed
    // with the server's words; a final answer (processing) is not tried again at all.
    ExportFixture fx;
    Script s;
    s.kickoffStatus = 503;
    s.kickoffBody =
        R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient","diagnostics":"Database restarting"}]})"_ba;
    fx.server.setScript(s);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    QVERIFY2(fx.job(id).lastError.contains("Database restarting"_L1),
             qPrintable(fx.job(id).lastError));
    QCOMPARE(fx.server.requests().size(), fx.fastPolicy().maxTransientErrors);

    ExportFixture final;
    s.kickoffBody =
        R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing","diagnostics":"Bad _type"}]})"_ba;
    final.server.setScript(s);
    const QString other = final.start();
    QVERIFY(final.waitForState(other, JobState::Failed));
    QCOMPARE(final.server.requests().size(), 1);
}

void TestExportFlow::relativeContentLocationIsResolved()
{
    ExportFixture fx;
    Script s;
    s.relativeContentLocation = true;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.job(id).statusUrl, fx.server.statusUrl(fx.server.lastJobId()));
}

void TestExportFlow::xProgressAndNextPollAreFacts()
{
    ExportFixture fx;
    Script s;
    s.pollsBeforeDone = 1000;
    s.retryAfterRaw = "2";
    s.progressTexts = {u"Search in progress - found 954 of 1,000 resources"_s};
    fx.server.setScript(s);
    fx.clock.stop(); // the deadlines below are exact
    const QString id = fx.start();
    QVERIFY(fx.advanceToNextPoll(id)); // the first check after the kick-off
    QTRY_COMPARE_WITH_TIMEOUT(fx.job(id).progressText,
                              u"Search in progress - found 954 of 1,000 resources"_s, 5000);
    const ExportJob &j = fx.job(id);
    QVERIFY(j.isWaitingForPoll());
    // Retry-After: 2, counted from the answer; the engine's timer is set for that very moment.
    QCOMPARE(fx.clock.now().msecsTo(j.nextPollAt), 2000);
    QCOMPARE(fx.manager->nextWakeUpMs(), j.nextPollAt.toMSecsSinceEpoch());
    // Not before its time: 3 ms before it, the timer wakes up, finds nothing due and sleeps on.
    const int polls = fx.server.jobInfo(fx.server.lastJobId()).polls;
    fx.clock.advance(2000 - 3);
    QTRY_VERIFY(fx.manager->nextWakeUpMs() > j.nextPollAt.toMSecsSinceEpoch());
    QCOMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, polls);
    QVERIFY(j.isWaitingForPoll());
    // At its time it goes out.
    fx.clock.set(j.nextPollAt);
    QTRY_COMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, polls + 1);
    fx.manager->cancel(id);
}

void TestExportFlow::retryAfterIsHonoured()
{
    ExportFixture fx;
    Script s;
    s.pollsBeforeDone = 2;
    s.retryAfterRaw = "1";
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    fx.clock.stop(); // the deadlines below are exact
    const QString id = fx.start();
    QVERIFY(fx.advanceToNextPoll(id)); // the first check after the kick-off
    // Two 202s with Retry-After: 1 each: each next check a second after the answer, and not
    // before (the clock stands still until moved there).
    for (int polls = 1; polls <= 2; ++polls) {
        QTRY_COMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, polls);
        QTRY_VERIFY(fx.job(id).isWaitingForPoll());
        QCOMPARE(fx.clock.now().msecsTo(fx.job(id).nextPollAt), 1000);
        fx.clock.advance(1000);
    }
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, 3);
}

void TestExportFlow::pollFaults_data()
{
    QTest::addColumn<QList<Script::PollAnswer>>("answers");
    QTest::addColumn<int>("endState");
    QTest::addColumn<QString>("mentions");
    const QByteArray transientOO =
        R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient","diagnostics":"busy"}]})"_ba;
    const QByteArray fatalOO =
        R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing","diagnostics":"An internal timeout has occurred"}]})"_ba;
    using A = Script::PollAnswer;
    QTest::newRow("429 seconds then fine")
        << QList<A>{{429, {}, {}, "0"}, {429, {}, {}, "0"}} << int(JobState::Saved) << QString();
    QTest::newRow("429 http-date") << QList<A>{{429, {}, {}, "Fri, 31 Dec 1999 23:59:59 GMT"}}
                                   << int(JobState::Saved) << QString();
    QTest::newRow("429 negative") << QList<A>{{429, {}, {}, "-1"}} << int(JobState::Saved)
                                  << QString();
    QTest::newRow("429 garbage") << QList<A>{{429, {}, {}, "soon"}} << int(JobState::Saved)
                                 << QString();
    QTest::newRow("503 transient OO")
        << QList<A>{{503, transientOO, {}, {}}, {503, transientOO, {}, {}}} << int(JobState::Saved)
        << QString();
    QTest::newRow("502 html, retried")
        << QList<A>{{502, "<html>bad gateway</html>", "text/html", {}}} << int(JobState::Saved)
        << QString();
    QTest::newRow("500 fatal OO") << QList<A>{{500, fatalOO, {}, {}}} << int(JobState::Failed)
                                  << u"An internal timeout has occurred"_s;
    QTest::newRow("500 without body, too often")
        << QList<A>(7, A{500, {}, {}, {}}) << int(JobState::Failed) << u"answered 500"_s;
    QTest::newRow("404 expired") << QList<A>{{404, {}, {}, {}}} << int(JobState::Expired)
                                 << u"no longer knows"_s;
    QTest::newRow("400 OO") << QList<A>{{400, fatalOO, {}, {}}} << int(JobState::Failed)
                            << u"processing"_s;
    QTest::newRow("200 not json") << QList<A>{{200, "this is not json", "application/json", {}}}
                                  << int(JobState::Failed) << u"not JSON"_s;
}

void TestExportFlow::pollFaults()
{
    QFETCH(QList<Script::PollAnswer>, answers);
    QFETCH(int, endState);
    QFETCH(QString, mentions);
    ExportFixture fx;
    Script s;
    s.pollQueue = answers;
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForTerminal(id));
    QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState(endState)));
    if (!mentions.isEmpty())
        QVERIFY2(fx.job(id).lastError.contains(mentions), qPrintable(fx.job(id).lastError));
}

void TestExportFlow::hapiCancelledInProgressStopsPolling()
{
    ExportFixture fx;
    Script s;
    s.flavor = Flavor::Hapi;
    s.retryAfterRaw = "0";
    s.pollsBeforeDone = 1000;
    s.progressTexts = {u"Build in progress - Status set to IN_PROGRESS at 2026-11-24T10:00:00Z"_s,
                       u"Build in progress - Status set to CANCELLED at 2026-11-24T10:00:01Z"_s};
    fx.server.setScript(s);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Cancelled));
    QVERIFY(fx.job(id).statusUrl.toString().contains(u"$export-poll-status?_jobId="_s));
    // Nothing is due any more: no more polls, ever.
    QVERIFY(!fx.job(id).nextPollAt.isValid());
    QCOMPARE(fx.manager->nextWakeUpMs(), -1);
    QCOMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, fx.job(id).pollCount);
}

void TestExportFlow::emptyManifestWithMessageIsSuccess()
{
    ExportFixture fx;
    Script s;
    s.emptyWithMessage = true;
    fx.server.setScript(s);
    fx.server.setFiles({});
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QVERIFY(fx.job(id).files.isEmpty());
    QVERIFY(fx.job(id).message.startsWith(u"Export complete, but no data"_s));
    QVERIFY(QFile::exists(QDir(fx.outDir()).filePath(u"manifest.json"_s)));
}

void TestExportFlow::malformedManifestFails()
{
    ExportFixture fx;
    Script s;
    s.manifestOverride = R"({"output":[{"type":"Patient","url":"https://x/1","count":"3"}]})"_ba;
    fx.server.setScript(s);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    QVERIFY2(fx.job(id).lastError.contains(u"not a whole number"_s),
             qPrintable(fx.job(id).lastError));
    QVERIFY(fx.job(id).files.isEmpty());
    QVERIFY(!QFile::exists(QDir(fx.outDir()).filePath(u"Patient.1.ndjson"_s)));
}

void TestExportFlow::pagedManifestIsMerged()
{
    ExportFixture fx;
    Script s;
    s.manifestPages = 3;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport());
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QString diff = fx.compareAllFiles(id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const QJsonObject merged = QJsonDocument::fromJson(fx.saved(u"manifest.json"_s)).object();
    QCOMPARE(merged.value("output"_L1).toArray().size(), 3);
    QVERIFY(!merged.contains("link"_L1));

    // A page that cannot be read for a moment: the manifest is read again, not the job failed.
    ExportFixture fx2;
    s.failedPageAnswers = 2;
    fx2.server.setScript(s);
    fx2.server.setFiles(served::mixedExport());
    const QString id2 = fx2.start();
    QVERIFY(fx2.waitForTerminal(id2));
    QCOMPARE(jobStateName(fx2.job(id2).state), jobStateName(JobState::Saved));
    QVERIFY(fx2.compareAllFiles(id2).isEmpty());
}

void TestExportFlow::cancelRunningJob()
{
    ExportFixture fx;
    const QString id = startNeverEndingExport(fx);
    QVERIFY(fx.waitForState(id, JobState::Running));
    QTRY_VERIFY(fx.server.jobInfo(fx.server.lastJobId()).polls > 0);
    fx.manager->cancel(id);
    QVERIFY(fx.waitForState(id, JobState::Cancelled));
    QVERIFY(fx.server.jobCancelled(fx.server.lastJobId()));
    const auto requests = fx.server.requests();
    QVERIFY(std::any_of(requests.begin(), requests.end(), [&](const FaultyBulkServer::Recorded &r) {
        return r.method == "DELETE" && r.url == fx.job(id).statusUrl;
    }));
}

void TestExportFlow::cancelFinishedJobAnswers404()
{
    ExportFixture fx;
    Script s;
    s.flavor = Flavor::Hapi; // "already cancelled or has completed. Nothing to do."
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    ExportRequest r = fx.request();
    JobOptions o = fx.options(false);
    const QString id = fx.manager->startExport(r, o).value();
    QVERIFY(fx.waitForState(id, JobState::Completed));
    fx.manager->cancel(id);
    QVERIFY(fx.waitForState(id, JobState::Cancelled));
    QVERIFY(std::any_of(
        fx.job(id).activity.cbegin(), fx.job(id).activity.cend(),
        [](const ActivityEntry &e) { return e.method == "DELETE" && e.status == 404; }));
}

void TestExportFlow::gzipFileIsDecompressed()
{
    ExportFixture fx;
    QList<ServedFile> files = served::mixedExport().mid(0, 1);
    files[0].content = QByteArray("{\"resourceType\":\"Patient\",\"id\":\"px\"}\n").repeated(2000);
    files[0].gzip = true;
    fx.server.setFiles(files);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.saved(u"Patient.1.ndjson"_s), files[0].content);
    QCOMPARE(fx.job(id).files.at(0).lines, qint64(2000));
}

void TestExportFlow::tokenOnlyToTheServersOwnOrigin()
{
    ExportFixture fx;
    const QByteArray token = "s3cr3t-token-value-123";
    fx.server.setTokenValidator([token](const QByteArray &t) { return t == token; });
    Script s;
    s.filesOnOtherOrigin = true;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 2));
    fx.authorizeEveryJob(std::make_unique<StaticTokenAuth>(QString::fromLatin1(token)));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    for (const auto &r : fx.server.requests()) {
        const bool fhirOrigin = HttpClient::sameOrigin(r.url, fx.server.baseUrl());
        if (fhirOrigin)
            QCOMPARE(r.header("Authorization"), "Bearer " + token);
        else
            QVERIFY2(r.header("Authorization").isEmpty(), qPrintable(r.url.toString()));
    }
    // Never in the store or the activity log.
    fx.manager->waitForSaves();
    const QByteArray stored = test::readFile(fx.store->directory() + u'/' + id + u".json"_s);
    QVERIFY(!stored.isEmpty());
    QVERIFY(!stored.contains(token));
    QVERIFY(stored.contains("Bearer [redacted]"));
}

void TestExportFlow::tokenNotSentWhenNotRequired()
{
    ExportFixture fx;
    Script s;
    s.requiresAccessToken = false;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    fx.authorizeEveryJob(std::make_unique<StaticTokenAuth>(u"another-secret-token"_s));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    int fileRequests = 0;
    for (const auto &r : fx.server.requests()) {
        if (r.url.path().contains(u"/files/"_s)) {
            ++fileRequests;
            QVERIFY(r.header("Authorization").isEmpty());
        } else {
            QVERIFY(!r.header("Authorization").isEmpty());
        }
    }
    QCOMPARE(fileRequests, 1);
}

void TestExportFlow::oracleRedirectDropsToken()
{
    ExportFixture fx;
    const QByteArray token = "oracle-bearer-token-xyz";
    fx.server.setTokenValidator([token](const QByteArray &t) { return t == token; });
    Script s;
    s.flavor = Flavor::Oracle;
    s.retryAfterRaw = "0";
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 2));
    fx.authorizeEveryJob(std::make_unique<StaticTokenAuth>(QString::fromLatin1(token)));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QString diff = fx.compareAllFiles(id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(fx.job(id).expiresAt.isValid());
    int storageHits = 0;
    for (const auto &r : fx.server.requests()) {
        if (!HttpClient::sameOrigin(r.url, fx.server.baseUrl())) {
            ++storageHits;
            QVERIFY(r.header("Authorization").isEmpty());
        }
    }
    QCOMPARE(storageHits, 2);
}

namespace {

FileFault fault(FileFault::Kind kind, double fraction = 0.5, int times = 1)
{
    FileFault f;
    f.kind = kind;
    f.fraction = fraction;
    f.times = times;
    return f;
}

} // namespace

void TestExportFlow::fileFaults_data()
{
    using Kind = FileFault::Kind;
    QTest::addColumn<FileFault>("fault");  // on the file's first requests
    QTest::addColumn<FileFault>("then");   // from the file's second request on (None: none)
    QTest::addColumn<qint64>("lines");     // the file's (generated) lines
    QTest::addColumn<int>("maxAttempts");  // 0: the engine's default
    QTest::addColumn<int>("timeoutMs");    // the transfer timeout; 0: the fixture's
    QTest::addColumn<int>("endState");     // Saved, or Failed (and then Retry saves it)
    QTest::addColumn<int>("failures");     // the file's failed attempts at the end
    QTest::addColumn<bool>("ranged");      // whether a request went on with a Range
    QTest::addColumn<QString>("mentions"); // in the file's error, or the job's activity log
    const FileFault none;
    const int saved = int(JobState::Saved);
    const int failed = int(JobState::Failed);
    QTest::newRow("dropped before the first byte")
        << fault(Kind::DropAt, 0.0) << none << qint64(20000) << 0 << 0 << saved << 1 << false
        << QString();
    QTest::newRow("dropped halfway: resumed with Range")
        << fault(Kind::DropAt, 0.5) << none << qint64(20000) << 0 << 0 << saved << 1 << true
        << QString();
    QTest::newRow("dropped near the end: resumed with Range")
        << fault(Kind::DropAt, 0.99) << none << qint64(20000) << 0 << 0 << saved << 1 << true
        << QString();
    // The file must start over, not have the whole body appended to its first half.
    QTest::newRow("dropped, then Range ignored: started over")
        << fault(Kind::DropAt, 0.5) << fault(Kind::IgnoreRange) << qint64(20000) << 0 << 0 << saved
        << 1 << true << QString();
    // The server never continues: only the transfer timeout ends it.
    FileFault stall = fault(Kind::Stall, 0.4);
    stall.stallMs = -1;
    QTest::newRow("stalled: timed out and resumed")
        << stall << none << qint64(10000) << 0 << 500 << saved << 1 << true << u"Nothing arrived"_s;
    FileFault busy = fault(Kind::ServerError, 0.5, 2);
    busy.status = 503;
    QTest::newRow("503 twice: tried again")
        << busy << none << qint64(500) << 0 << 0 << saved << 2 << false << QString();
    // Past the limit the file fails and keeps its .part; Retry continues it.
    QTest::newRow("dropped three times: failed, Retry saves it")
        << fault(Kind::DropAt, 0.5, 3) << none << qint64(5000) << 3 << 0 << failed << 3 << true
        << u"closed the connection"_s;
    // A whole body with fewer resources than the manifest's count: the bytes are wrong, so
    // Retry fetches the file again from the start, never after the .part.
    QTest::newRow("fewer lines than the count: failed, Retry fetches it anew")
        << fault(Kind::Truncate, 0.5) << none << qint64(500) << 0 << 0 << failed << 1 << false
        << u"promised 500 resources but the file holds 250"_s;
}

void TestExportFlow::fileFaults()
{
    QFETCH(FileFault, fault);
    QFETCH(FileFault, then);
    QFETCH(qint64, lines);
    QFETCH(int, maxAttempts);
    QFETCH(int, timeoutMs);
    QFETCH(int, endState);
    QFETCH(int, failures);
    QFETCH(bool, ranged);
    QFETCH(QString, mentions);
    ExportFixture fx;
    RetryPolicy policy = fx.fastPolicy();
    policy.transientGiveUpMs = 0; // the attempts alone decide when a file fails
    fx.manager->setRetryPolicy(policy);
    if (maxAttempts > 0)
        fx.manager->setMaxFileAttempts(maxAttempts);
    if (timeoutMs > 0)
        fx.manager->setTransferTimeoutMs(timeoutMs);
    fx.server.setFiles({served::generated(u"Observation"_s, lines)});
    fx.server.setFileFault(0, fault);
    fx.clock.stop(); // nothing comes due before the test moves the clock there
    const QString id = fx.start();
    QVERIFY(fx.advanceThroughPolls(id));
    if (then.kind != FileFault::Kind::None) {
        // The file has failed once; its next attempt waits for the clock.
        QTRY_VERIFY(fx.job(id).files.value(0).attempts >= 1);
        fx.server.setFileFault(0, then);
    }
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState(endState)));
    const ExportFile &f = fx.job(id).files.at(0);
    QCOMPARE(f.attempts, failures);
    const QString part = QDir(fx.outDir()).filePath(f.relativePath + u".part"_s);
    if (JobState(endState) == JobState::Failed) {
        QCOMPARE(f.state, FileState::Failed);
        QVERIFY2(f.error.contains(mentions), qPrintable(f.error));
        QVERIFY(QFileInfo(part).size() > 0);
        QVERIFY(!QFile::exists(QDir(fx.outDir()).filePath(f.relativePath)));
        fx.manager->retry(id);
        QVERIFY(fx.runToEnd(id));
        QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState::Saved));
    } else if (!mentions.isEmpty()) {
        const QList<ActivityEntry> log = fx.job(id).activity;
        QVERIFY2(std::any_of(log.cbegin(), log.cend(),
                             [&](const ActivityEntry &e) { return e.note.contains(mentions); }),
                 qPrintable(mentions));
    }
    const auto requests = fx.server.requests();
    QCOMPARE(std::any_of(requests.begin(), requests.end(),
                         [](const FaultyBulkServer::Recorded &r) {
                             return r.header("Range").startsWith("bytes=");
                         }),
             ranged);
    const QString diff = fx.compareAllFiles(id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestExportFlow::serverErrorOnFileIsRetried()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    FileFault fault;
    fault.kind = FileFault::Kind::ServerError;
    fault.status = 503;
    fault.times = 2;
    fx.server.setFileFault(0, fault);
    fx.clock.stop(); // the deadlines below are exact
    const QString id = fx.start();
    QVERIFY(fx.advanceThroughPolls(id));
    // Each 503 came with Retry-After: 1, which wins over our own 10 ms: the file is tried again
    // a second after the answer, and not before (the clock stands still until moved there).
    for (int failures = 1; failures <= 2; ++failures) {
        QTRY_COMPARE(fx.job(id).files.at(0).attempts, failures);
        QTRY_COMPARE(fx.manager->nextWakeUpMs(), fx.clock.nowMs() + 1000);
        QCOMPARE(fx.job(id).files.at(0).state, FileState::Pending);
        fx.clock.advance(1000);
    }
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.job(id).files.at(0).attempts, 2); // two failures before it worked
    QVERIFY(fx.compareAllFiles(id).isEmpty());
}

void TestExportFlow::countMismatchIsReported()
{
    ExportFixture fx;
    Script s;
    s.manifestOverride = QByteArray(); // filled in below with the real URL
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    // First learn the file URL from a normal run, then serve a manifest whose count is wrong.
    const QString first = fx.startKeepingFiles();
    QVERIFY(fx.waitForState(first, JobState::Saved));
    const QUrl url = fx.job(first).files.at(0).url;
    s.manifestOverride =
        QJsonDocument(QJsonObject{{u"transactionTime"_s, u"2026-01-01T00:00:00Z"_s},
                                  {u"requiresAccessToken"_s, true},
                                  {u"output"_s, QJsonArray{QJsonObject{{u"type"_s, u"Patient"_s},
                                                                       {u"url"_s, url.toString()},
                                                                       {u"count"_s, 5}}}},
                                  {u"error"_s, QJsonArray()}})
            .toJson();
    fx.server.setScript(s);
    QTemporaryDir other;
    JobOptions o = fx.options();
    o.outDir = other.path();
    const QString id = fx.manager->startExport(fx.request(), o).value();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    QVERIFY2(fx.job(id).files.at(0).error.contains(u"promised 5 resources but the file holds 2"_s),
             qPrintable(fx.job(id).files.at(0).error));
    QVERIFY(QFile::exists(other.filePath(u"Patient.1.ndjson.part"_s)));
    QVERIFY(!QFile::exists(other.filePath(u"Patient.1.ndjson"_s)));
    QVERIFY(fx.job(id).files.at(0).discardPart);
    // Retry fetches the file again from the start: asking for the bytes after the .part would
    // get a 416 and leave the same bytes to fail the same way forever.
    fx.server.clearRequests();
    fx.manager->retry(id);
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const auto requests = fx.server.requests();
    QVERIFY(std::any_of(requests.begin(), requests.end(), [&](const FaultyBulkServer::Recorded &r) {
        return r.url == url && r.header("Range").isEmpty();
    }));
    QVERIFY(std::none_of(requests.begin(), requests.end(), [](const FaultyBulkServer::Recorded &r) {
        return !r.header("Range").isEmpty();
    }));
    QVERIFY2(fx.job(id).files.at(0).error.contains(u"the file holds 2"_s),
             qPrintable(fx.job(id).files.at(0).error));
}

void TestExportFlow::ndjsonLabelledAsJsonIsCounted()
{
    ExportFixture fx;
    QList<ServedFile> files = served::mixedExport().mid(0, 2); // 2 and 500 lines, with counts
    files[0].contentType = "application/json";
    files[1].contentType = "application/fhir+json;charset=utf-8";
    fx.server.setFiles(files);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QVERIFY(fx.compareAllFiles(id).isEmpty());
    QCOMPARE(fx.job(id).files.at(0).lines, qint64(2));
    QCOMPARE(fx.job(id).files.at(1).lines, qint64(500));
}

void TestExportFlow::refusedCancelOfADownloadGoesOn()
{
    ExportFixture fx;
    serveWithSlowSecondFile(fx, 0, 4000); // 2 MB at 1 MiB/s
    Script s = fx.server.script();
    s.deleteStatus = 405;
    fx.server.setScript(s);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Downloading));
    QTRY_VERIFY(fx.job(id).files.at(1).bytes > 0);
    fx.manager->cancel(id);
    // The server does not cancel: the job says so and saves its files all the same.
    QTRY_VERIFY(fx.job(id).lastError.contains(u"did not cancel"_s));
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QVERIFY(fx.compareAllFiles(id).isEmpty());
}

void TestExportFlow::cancelDuringTheKickoffDeletesTheServersJob()
{
    ExportFixture fx;
    Script s;
    s.kickoffDelayMs = 300;
    s.pollsBeforeDone = 1000;
    fx.server.setScript(s);
    const QString id = fx.start();
    QTRY_VERIFY(!fx.server.lastJobId().isEmpty()); // the server has the job; we have no answer
    fx.manager->cancel(id);
    QCOMPARE(fx.job(id).state, JobState::Cancelled);
    QTRY_VERIFY(fx.server.jobCancelled(fx.server.lastJobId()));
}

void TestExportFlow::cancelLeavesAReusedServerJobToTheOtherExport()
{
    // HAPI answers an identical kick-off with the job it already runs: two exports here follow
    // one server job, and cancelling one must not delete the other's.
    ExportFixture fx;
    Script s;
    s.reuseIdenticalJobs = true;
    s.pollsBeforeDone = 30;
    s.retryAfterRaw = "0";
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString first = fx.start();
    QVERIFY(fx.waitForState(first, JobState::Running));
    JobOptions o = fx.options();
    o.outDir = fx.dir.filePath(u"second"_s);
    const QString second = fx.manager->startExport(fx.request(), o).value();
    QVERIFY(fx.waitForState(second, JobState::Running));
    QCOMPARE(fx.job(second).statusUrl, fx.job(first).statusUrl);
    fx.manager->cancel(second);
    QCOMPARE(fx.job(second).state, JobState::Cancelled);
    QVERIFY(!fx.server.jobCancelled(fx.server.lastJobId()));
    QVERIFY(fx.waitForState(first, JobState::Saved));
    QVERIFY(fx.compareAllFiles(first).isEmpty());
}

void TestExportFlow::transientPollErrorsAreOutlasted()
{
    // Eight 503s in a row: more than maxTransientErrors, but over less time than the policy
    // gives a server to come back.
    ExportFixture fx;
    RetryPolicy p = fx.fastPolicy();
    p.transientGiveUpMs = 60000;
    fx.manager->setRetryPolicy(p);
    Script s;
    s.pollsBeforeDone = 0;
    s.pollQueue = QList<Script::PollAnswer>(8, {503, "<html>maintenance</html>", "text/html", {}});
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForTerminal(id));
    QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState::Saved));
    QVERIFY(fx.job(id).pollCount >= 9);
}

void TestExportFlow::hostileTypesStayInsideTheFolder()
{
    ExportFixture fx;
    QList<ServedFile> files;
    for (const QString &t :
         {u"../../escape"_s, u"/etc/passwd"_s, QString(300, u'A'), u"Pa\u0000t"_s, u".."_s}) {
        ServedFile f;
        f.type = t;
        // Its lines say the same type, as a server that names its files so would write them.
        f.content =
            QJsonDocument(QJsonObject{{u"resourceType"_s, t}}).toJson(QJsonDocument::Compact) +
            '\n';
        files.append(f);
    }
    fx.server.setFiles(files);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    for (const ExportFile &f : fx.job(id).files) {
        QVERIFY2(isContainedRelativePath(f.relativePath), qPrintable(f.relativePath));
        QVERIFY(!f.relativePath.contains(u'/'));
        QVERIFY(QFile::exists(QDir(fx.outDir()).filePath(f.relativePath)));
    }
    // Nothing was written beside the export folder.
    QCOMPARE(QDir(fx.dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             (QStringList{u"out"_s, u"store"_s}));
}

void TestExportFlow::parallelDownloadsAreBounded()
{
    ExportFixture fx;
    fx.manager->setMaxParallelDownloads(2);
    QList<ServedFile> files;
    for (int i = 0; i < 6; ++i) {
        ServedFile f;
        f.type = u"Observation"_s;
        f.generatedLines = 3000;
        files.append(f);
    }
    fx.server.setFiles(files);
    for (int i = 0; i < 6; ++i) {
        FileFault slow;
        slow.kind = FileFault::Kind::Slow;
        slow.bytesPerSecond = 2 * 1024 * 1024;
        fx.server.setFileFault(i, slow);
    }
    int maxActive = 0;
    QObject::connect(
        fx.manager, &JobManager::jobChanged, fx.manager, [&](const QString &id, JobFields) {
            const ExportJob *j = fx.manager->job(id);
            const int active =
                int(std::count_if(j->files.cbegin(), j->files.cend(), [](const ExportFile &f) {
                    return f.state == FileState::Downloading;
                }));
            maxActive = qMax(maxActive, active);
        });
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(maxActive, 2);
    QVERIFY(fx.compareAllFiles(id).isEmpty());
}

void TestExportFlow::routinePollsAreSavedAtExitNotEachTime()
{
    // A 202 that changes nothing but the poll log, X-Progress and a short countdown is not worth
    // rewriting the job's file; they are saved with the job's next save or when the manager
    // ends.
    ExportFixture fx;
    Script s;
    s.pollsBeforeDone = 100000;
    s.retryAfterRaw = "0";
    s.progressTexts = {u"Working 1"_s, u"Working 2"_s, u"Working 3"_s}; // a new one each poll
    fx.server.setScript(s);
    fx.manager->setLazySaveDelayMs(100);
    // Polls at least 60 ms apart: the ten polls below outlast the half second in which a save
    // the policy asks for promptly is written, and the 100 ms of a lazy one.
    RetryPolicy policy = fx.fastPolicy();
    policy.minDelayMs = 60;
    fx.manager->setRetryPolicy(policy);
    const QString id = fx.start();
    QTRY_VERIFY(fx.server.jobInfo(fx.server.lastJobId()).polls >= 3);
    // The kick-off's saves (the job, its state) were asked for at once, the polls' for nothing.
    fx.store->flush();
    QFile file(fx.store->directory() + u'/' + id + u".json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    // Counted where they are handled: the server counts a request before its answer reaches
    // the client, so waiting on the server's count raced the last answer (seen under ASan).
    const int polls = fx.job(id).pollCount;
    QTRY_VERIFY_WITH_TIMEOUT(fx.job(id).pollCount >= polls + 10, 20000);
    fx.store->flush();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    file.close();
    const qsizetype loggedBefore = fx.store->load(id)->activity.size();

    fx.restartManager(); // the application ends: what was held back is written
    fx.store->flush();
    const std::optional<ExportJob> saved = fx.store->load(id);
    QVERIFY(saved);
    QVERIFY2(saved->activity.size() >= loggedBefore + 10,
             qPrintable(u"%1 -> %2"_s.arg(loggedBefore).arg(saved->activity.size())));
    QVERIFY(saved->pollCount >= polls + 10);
    QVERIFY(saved->progressText.startsWith("Working "_L1)); // the latest, saved at the end
}

void TestExportFlow::downloadProgressDoesNotRewriteTheJobFile()
{
    // A restart finds downloads on disk (the .part is resumed, a renamed file was verified), so
    // their start, progress and end are saved within half a minute, not twice a second: a job
    // of thousands of small files was rewritten and synced, all of it, twice a second.
    ExportFixture fx;
    serveWithSlowSecondFile(fx, 0, 6000); // 3 MB at 1 MiB/s: three seconds of progress
    const QString id = fx.start();
    QTRY_VERIFY_WITH_TIMEOUT(fx.manager->job(id)->files.value(1).bytes > 200000, 15000);
    // The manifest, the state and the start of the downloads were saved at once.
    fx.store->flush();
    const QByteArray path = QFile::encodeName(fx.store->directory() + u'/' + id + u".json"_s);
    struct stat before
    {
    };
    QCOMPARE(::stat(path.constData(), &before), 0);
    const qint64 bytesBefore = fx.manager->job(id)->files.value(1).bytes;
    QTRY_VERIFY_WITH_TIMEOUT(fx.manager->job(id)->files.value(1).bytes > bytesBefore + 1500000,
                             15000);
    QCOMPARE(fx.manager->job(id)->state, JobState::Downloading);
    fx.store->flush();
    struct stat during
    {
    };
    QCOMPARE(::stat(path.constData(), &during), 0);
    QCOMPARE(during.st_ino, before.st_ino); // QSaveFile gives every version a new inode
    // The end is saved at once, the files with it.
    QVERIFY(fx.waitForState(id, JobState::Saved));
    fx.store->flush();
    const std::optional<ExportJob> saved = fx.store->load(id);
    QVERIFY(saved);
    QCOMPARE(jobStateName(saved->state), jobStateName(JobState::Saved));
    QCOMPARE(saved->files.value(1).bytes, 6000 * 512);
    QCOMPARE(saved->files.value(1).state, FileState::Saved);
}

void TestExportFlow::fileRenamedBeforeItWasRecordedIsKept()
{
    // Downloads are recorded within half a minute: after a crash the store may not know a file
    // that was verified and renamed. It is kept when it was written after the job's manifest
    // came; a file of the same name an earlier export left behind is fetched again.
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    const QString id = fx.startKeepingFiles(); // (a crash before the release's own save)
    QVERIFY(fx.waitForState(id, JobState::Saved));
    fx.restartManager(); // the application ends; the next one has not read the store yet
    fx.store->flush();
    std::optional<ExportJob> j = fx.store->load(id);
    QVERIFY(j);
    j->state = JobState::Downloading;
    for (int i : {1, 2}) { // as a crash before the lazy save leaves them
        j->files[i].state = FileState::Pending;
        j->files[i].bytes = 0;
        j->files[i].lines = 0;
    }
    fx.store->saveLater(*j);
    fx.store->flush();
    const QString recent = QDir(fx.outDir()).filePath(j->files[1].relativePath);
    const QString stale = QDir(fx.outDir()).filePath(j->files[2].relativePath);
    {
        QFile f(stale);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(j->completedAt.addSecs(-3600), QFileDevice::FileModificationTime));
    }
    const auto inode = [](const QString &path) {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : ino_t(0);
    };
    const ino_t recentBefore = inode(recent);
    const ino_t staleBefore = inode(stale);

    fx.restartManager();
    fx.manager->restore();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(inode(recent), recentBefore); // kept as it was, not fetched again
    QVERIFY(inode(stale) != staleBefore);  // fetched again (a new file renamed over it)
    QCOMPARE(fx.job(id).files.value(1).lines, 500);
    QCOMPARE(fx.compareAllFiles(id), QString());
}

void TestExportFlow::restartResumesPollingAndDownloads()
{
    ExportFixture fx;
    serveWithSlowSecondFile(fx, 3, 40000);

    // 1. Quit while polling: the next run polls the same status URL, no second kick-off.
    QString id = fx.start();
    QTRY_VERIFY(fx.server.jobInfo(fx.server.lastJobId()).polls >= 1);
    fx.restartManager();
    QVERIFY(fx.manager->job(id) == nullptr);
    fx.manager->restore();
    QVERIFY(fx.manager->job(id));
    QCOMPARE(fx.server.jobCount(), 1);
    // 2. Quit during the slow download: the next run resumes it from the .part.
    QTRY_VERIFY_WITH_TIMEOUT(fx.manager->job(id)->files.value(1).bytes > 100000, 15000);
    fx.restartManager();
    const QString part = QDir(fx.outDir()).filePath(u"Observation.1.ndjson.part"_s);
    QVERIFY(QFile::exists(part));
    const qint64 partial = QFileInfo(part).size();
    QVERIFY(partial > 0);
    FileFault none;
    fx.server.setFileFault(1, none);
    fx.manager->restore();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.server.jobCount(), 1);
    const QString diff = fx.compareAllFiles(id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const auto requests = fx.server.requests();
    QVERIFY(std::any_of(requests.begin(), requests.end(),
                        [partial](const FaultyBulkServer::Recorded &r) {
                            return r.header("Range").startsWith("bytes=") &&
                                   r.header("Range").mid(6).chopped(1).toLongLong() >= partial;
                        }));
}

void TestExportFlow::filesLostInAPowerCutAreFetchedAgain()
{
    // Files are renamed without waiting for the disk. A power cut can then leave a file short
    // under its final name: after the reboot (another boot id) the sizes are checked once.
    // (Only while the server keeps the files: before it is told they may go, they are
    // written to the disk for certain; tst_serverrelease.)
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 3));
    fx.manager->setBootId(u"boot-1"_s);
    const QString id = fx.startKeepingFiles();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.job(id).unsyncedBootId, u"boot-1"_s);
    const QString lost = QDir(fx.outDir()).filePath(fx.job(id).files.at(1).relativePath);
    const int requestsBefore = int(fx.server.requests().size());

    // The same boot: the page cache still has everything, nothing is checked or fetched.
    fx.restartManager();
    fx.manager->setBootId(u"boot-1"_s);
    fx.manager->restore();
    QCOMPARE(fx.job(id).state, JobState::Saved);
    QCOMPARE(fx.job(id).unsyncedBootId, u"boot-1"_s);

    // The power cut: the disk had only part of one file.
    QVERIFY(QFile::resize(lost, 10));
    fx.restartManager();
    fx.manager->setBootId(u"boot-2"_s);
    fx.manager->restore();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QString diff = fx.compareAllFiles(id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // Only the lost file was fetched again, and the log says why.
    QCOMPARE(int(fx.server.requests().size()), requestsBefore + 1);
    const ExportJob *j = fx.manager->jobWithDetails(id);
    QVERIFY(std::any_of(j->activity.cbegin(), j->activity.cend(), [](const ActivityEntry &e) {
        return e.note.contains(u"after the computer restarted"_s);
    }));
    QCOMPARE(j->unsyncedBootId, u"boot-2"_s); // the file fetched again, in this boot
    // The next reboot finds everything complete: nothing fetched, and never checked again.
    fx.restartManager();
    fx.manager->setBootId(u"boot-3"_s);
    fx.manager->restore();
    QCOMPARE(fx.job(id).state, JobState::Saved);
    QVERIFY(fx.job(id).unsyncedBootId.isEmpty());
    QCOMPARE(int(fx.server.requests().size()), requestsBefore + 1);
}

void TestExportFlow::damagedStoreFileIsMovedAside()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QFile damaged(fx.store->directory() + u"/0000-damaged.json"_s);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"format\":1,\"id\":\"x\", trunc");
    damaged.close();
    fx.restartManager();
    QSignalSpy warnings(fx.manager, &JobManager::warning);
    const QStringList problems = fx.manager->restore();
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(u"0000-damaged.json"_s));
    QCOMPARE(warnings.count(), 1);
    QVERIFY(fx.manager->job(id));
    QCOMPARE(fx.manager->job(id)->state, JobState::Saved);
    QVERIFY(!QFile::exists(damaged.fileName()));
    QCOMPARE(QDir(fx.store->directory() + u"/damaged"_s).entryList(QDir::Files).size(), 1);
}

void TestExportFlow::changesSinceLastExport()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QDateTime last = fx.manager->lastTransactionTime(QString(), fx.server.baseUrl());
    QVERIFY(last.isValid());
    QCOMPARE(last, fx.job(id).transactionTime);
}

void TestExportFlow::twoRunningExportsNeverShareAFolder()
{
    ExportFixture fx;
    const QString first = startNeverEndingExport(fx);
    QVERIFY(!first.isEmpty());
    const Result<QString> second = fx.manager->startExport(fx.request(), fx.options());
    QVERIFY(!second.ok());
    QVERIFY(second.error().message.contains(u"Another export is still saving"_s));
    fx.manager->cancel(first);
    QVERIFY(fx.waitForState(first, JobState::Cancelled));
    QVERIFY(fx.manager->startExport(fx.request(), fx.options()).ok());
}

void TestExportFlow::anotherProgramsExportHoldsItsFolder()
{
    // Another JobManager stands for another window or a command line: it has its own jobs, so
    // only the lock file can tell.
    ExportFixture fx;
    const QString first = startNeverEndingExport(fx);
    QVERIFY(!first.isEmpty());
    JobManager other(nullptr);
    const Result<QString> refused = other.startExport(fx.request(), fx.options());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"in another window or command"_s),
             qPrintable(refused.error().message));
    QCOMPARE(refused.error().kind, Error::Kind::Usage);
    // Another folder is fine, and the folder is free again once the first job has ended.
    JobOptions elsewhere = fx.options();
    elsewhere.outDir = fx.dir.filePath(u"elsewhere"_s);
    const Result<QString> ok = other.startExport(fx.request(), elsewhere);
    QVERIFY(ok.ok());
    other.cancel(ok.value());
    fx.manager->cancel(first);
    QVERIFY(fx.waitForState(first, JobState::Cancelled));
    QVERIFY(other.startExport(fx.request(), fx.options()).ok());
}

void TestExportFlow::lockFileOfAKilledProgramIsTakenOver()
{
    // A program killed between creating its lock file and writing its process id into it
    // leaves an empty file. While a live program holds it, the folder stays taken; once nobody
    // does, the next export takes the folder over (tst_cli_crash once hit this in CI).
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString outDir = QDir::cleanPath(QDir(fx.options().outDir).absolutePath());
    QVERIFY(QDir().mkpath(outDir));
    const QString lockPath = FolderLocks::lockPath(outDir);
    QVERIFY(fbm::test::writeFile(lockPath, QByteArray()));
    const auto cleanup = qScopeGuard([&lockPath] { QFile::remove(lockPath); });

    const int held = ::open(QFile::encodeName(lockPath).constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(held >= 0);
    QCOMPARE(::flock(held, LOCK_EX | LOCK_NB), 0);
    const Result<QString> refused = fx.manager->startExport(fx.request(), fx.options());
    ::close(held);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"in another window or command"_s),
             qPrintable(refused.error().message));
    QVERIFY(QFile::exists(lockPath));

    const Result<QString> started = fx.manager->startExport(fx.request(), fx.options());
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    QVERIFY(fx.waitForState(started.value(), JobState::Saved));
    // The lock was ours while the job saved, and went with it.
    QVERIFY(!QFile::exists(lockPath));
}

void TestExportFlow::unusableFolderIsRefusedBeforeTheKickoff()
{
    ExportFixture fx;
    const QString blocker = fx.dir.filePath(u"a-file"_s);
    QVERIFY(fbm::test::writeFile(blocker, "not a folder"));
    JobOptions o = fx.options();
    o.outDir = blocker + u"/export"_s;
    const Result<QString> r = fx.manager->startExport(fx.request(), o);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(u"Cannot create the folder"_s),
             qPrintable(r.error().message));
    o.outDir = blocker;
    const Result<QString> r2 = fx.manager->startExport(fx.request(), o);
    QVERIFY(!r2.ok());
    QVERIFY2(r2.error().message.contains(u"a file of that name is in the way"_s),
             qPrintable(r2.error().message));
    // Nothing was asked of the server.
    QVERIFY(fx.server.lastJobId().isEmpty());
}

void TestExportFlow::manifestThatCannotBeWrittenFailsTheJob()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    QVERIFY(QDir().mkpath(fx.outDir() + u"/manifest.json"_s)); // a folder in its place
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    QVERIFY2(fx.job(id).lastError.contains(u"manifest.json"_s), qPrintable(fx.job(id).lastError));
    // Once the way is clear, Retry writes it and saves the files.
    QVERIFY(QDir(fx.outDir() + u"/manifest.json"_s).removeRecursively());
    fx.manager->retry(id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QVERIFY(QFileInfo(fx.outDir() + u"/manifest.json"_s).isFile());
    QVERIFY(fx.compareAllFiles(id).isEmpty());
}

void TestExportFlow::leftoverPartOfAnEarlierExportIsNotResumed()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 2));
    // An earlier export into this folder failed and left the start of another file.
    QVERIFY(QDir().mkpath(fx.outDir()));
    const QString part = fx.outDir() + u"/Observation.1.ndjson.part"_s;
    QVERIFY(fbm::test::writeFile(part, QByteArray(3000, 'x') + '\n'));
    {
        QFile f(part);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600),
                              QFileDevice::FileModificationTime));
    }
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QVERIFY2(fx.compareAllFiles(id).isEmpty(), qPrintable(fx.compareAllFiles(id)));
    const auto requests = fx.server.requests();
    QVERIFY(std::none_of(requests.begin(), requests.end(), [](const FaultyBulkServer::Recorded &r) {
        return !r.header("Range").isEmpty();
    }));
}

void TestExportFlow::sinceLastExportOnlyFromTheSameScope()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    ExportRequest group = fx.request(ExportLevel::Group);
    group.types = QStringList{u"Patient"_s};
    const QString id = fx.start(group);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    // A group's export of one type says nothing of the rest of the server.
    QVERIFY(!fx.manager->lastTransactionTime(QString(), fx.request()).isValid());
    ExportRequest otherTypes = group;
    otherTypes.types = QStringList{u"Patient"_s, u"Observation"_s};
    QVERIFY(!fx.manager->lastTransactionTime(QString(), otherTypes).isValid());
    ExportRequest same = fx.request(ExportLevel::Group);
    same.types = QStringList{u"Patient"_s};
    QCOMPARE(fx.manager->lastTransactionTime(QString(), same), fx.job(id).transactionTime);
    // An export whose files were not all saved does not count either.
    JobOptions noDownload = fx.options(false);
    noDownload.outDir = fx.dir.filePath(u"unsaved"_s);
    const QString unsaved = fx.manager->startExport(fx.request(), noDownload).value();
    QVERIFY(fx.waitForState(unsaved, JobState::Completed));
    QVERIFY(!fx.manager->lastTransactionTime(QString(), fx.request()).isValid());
}

void TestExportFlow::sinceLastExportByProfileWhateverItsAddress()
{
    // The demo server gets a new port at each start: a profile's finished export still counts
    // when its server has moved. Without a profile, only the same address does.
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    JobOptions options = fx.options();
    options.profileId = u"p-demo"_s;
    const Result<QString> id = fx.manager->startExport(fx.request(), options);
    QVERIFY(id.ok());
    QVERIFY(fx.waitForState(id.value(), JobState::Saved));
    const QDateTime transaction = fx.job(id.value()).transactionTime;
    QVERIFY(transaction.isValid());
    ExportRequest moved = fx.request();
    moved.base.setPort(moved.base.port() + 1);
    QCOMPARE(fx.manager->lastTransactionTime(u"p-demo"_s, moved), transaction);
    QCOMPARE(fx.manager->lastTransactionTime(u"p-demo"_s, moved.base), transaction);
    QVERIFY(!fx.manager->lastTransactionTime(u"p-other"_s, moved).isValid());
    QVERIFY(!fx.manager->lastTransactionTime(QString(), moved).isValid());
    // Still only the same data.
    moved.types = QStringList{u"Patient"_s};
    QVERIFY(!fx.manager->lastTransactionTime(u"p-demo"_s, moved).isValid());
}

QTEST_GUILESS_MAIN(TestExportFlow)
#include "tst_exportflow.moc"
