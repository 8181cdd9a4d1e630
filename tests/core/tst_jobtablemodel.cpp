// The job table model over a real JobManager talking to the simulated server: rows, states,
// countdowns computed from deadlines, and updates limited to the cells that changed.
#include "exportfixture.h"
#include "i18n.h"
#include "jobcellformat.h"
#include "jobtablemodel.h"
#include "servedfiles.h"

#include "faultybulkserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <set>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
namespace served = fbm::test::served;

namespace {

QList<ServedFile> twoFiles()
{
    return {served::ndjson(u"Patient"_s, served::twoPatients()),
            served::generated(u"Observation"_s, 40)};
}

/// Starts an export into its own folder (two exports never share one).
QString startIn(ExportFixture &fx, const QString &folder)
{
    JobOptions options = fx.options();
    options.outDir = fx.dir.path() + u'/' + folder;
    const Result<QString> id = fx.manager->startExport(fx.request(), options);
    return id.ok() ? id.value() : QString();
}

QString text(const JobTableModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

/// Every dataChanged of the spy, as (first row, last row, first column, last column).
struct Span
{
    int top, bottom, left, right;
};
QList<Span> spans(const QSignalSpy &spy)
{
    QList<Span> out;
    for (const QList<QVariant> &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        out.append({tl.row(), br.row(), tl.column(), br.column()});
    }
    return out;
}

} // namespace

class TestJobTableModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatCountdown_data();
    void formatCountdown();
    void formatDuration_data();
    void formatDuration();
    void expiresSoon_data();
    void expiresSoon();
    void headersAndColumns();
    void rowsAppearAndStatesChange();
    void countdownDecreasesFromTheDeadline();
    void retryingAfterAnError();
    void kickoffSentAgainCountsDown();
    void tickEmitsOneColumnForWaitingRowsOnly();
    void timerRunsOnlyWhileSomethingCounts();
    void changesTouchOnlyTheirColumns();
    void sortRoleHasRawValues();
    void progressFollowsTheServersFraction();
    void progressFollowsTheDownloadedBytes();
    void finishedRowsOfferTheirNextStep();
    void cancelAndRemove();
    void restoredJobsAreRows();
    void whatNamesTheGroupAndTheChanges();
    void oneServerHasOneName();
};

void TestJobTableModel::formatCountdown_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << u"0:00"_s;
    QTest::newRow("negative clamps") << qint64(-5) << u"0:00"_s;
    QTest::newRow("seconds") << qint64(42) << u"0:42"_s;
    QTest::newRow("minutes") << qint64(12 * 60 + 5) << u"12:05"_s;
    QTest::newRow("an hour") << qint64(3600) << u"1:00:00"_s;
    QTest::newRow("hours") << qint64(3600 + 12 * 60 + 9) << u"1:12:09"_s;
    QTest::newRow("Oracle's 600") << qint64(600) << u"10:00"_s;
}

void TestJobTableModel::formatCountdown()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(JobTableModel::formatCountdown(seconds), expected);
}

void TestJobTableModel::formatDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(59) << u"< 1 min"_s;
    QTest::newRow("a minute") << qint64(60) << u"1 min"_s;
    QTest::newRow("minutes") << qint64(59 * 60 + 59) << u"59 min"_s;
    QTest::newRow("hours") << qint64(3600 + 5 * 60) << u"1 h 05 min"_s;
    QTest::newRow("two hours") << qint64(2 * 3600) << u"2 h 00 min"_s;
    QTest::newRow("days") << qint64(2 * 86400 + 3 * 3600 + 59) << u"2 d 3 h"_s;
}

void TestJobTableModel::formatDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(JobTableModel::formatDuration(seconds), expected);
}

void TestJobTableModel::expiresSoon_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("windowSeconds"); // from completion to expiry
    QTest::addColumn<qint64>("leftSeconds");
    QTest::addColumn<bool>("expected");
    const int completed = int(JobState::Completed);
    QTest::newRow("plenty of time") << completed << qint64(7200) << qint64(3600) << false;
    QTest::newRow("under 15 min") << completed << qint64(7200) << qint64(14 * 60) << true;
    QTest::newRow("under 10 % of a long window")
        << completed << qint64(30 * 86400) << qint64(2 * 86400) << true;
    QTest::newRow("over 10 % of a long window")
        << completed << qint64(30 * 86400) << qint64(4 * 86400) << false;
    QTest::newRow("already gone") << completed << qint64(7200) << qint64(-10) << false;
    QTest::newRow("downloading") << int(JobState::Downloading) << qint64(7200) << qint64(60)
                                 << true;
    QTest::newRow("saved: nothing to warn about")
        << int(JobState::Saved) << qint64(7200) << qint64(60) << false;
    QTest::newRow("running: no files yet")
        << int(JobState::Running) << qint64(7200) << qint64(60) << false;
}

void TestJobTableModel::expiresSoon()
{
    QFETCH(int, state);
    QFETCH(qint64, windowSeconds);
    QFETCH(qint64, leftSeconds);
    QFETCH(bool, expected);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ExportJob job;
    job.state = JobState(state);
    job.expiresAt = now.addSecs(leftSeconds);
    job.completedAt = job.expiresAt.addSecs(-windowSeconds);
    job.createdAt = job.completedAt.addSecs(-60);
    QCOMPARE(JobTableModel::expiresSoon(job, now), expected);
}

void TestJobTableModel::headersAndColumns()
{
    ExportFixture fx;
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(JobTableModel::Count));
    QCOMPARE(model.rowCount(), 0);
    for (int c = 0; c < JobTableModel::Count; ++c) {
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    QCOMPARE(model.headerData(JobTableModel::NextCheck, Qt::Horizontal).toString(),
             u"Next check"_s);
    QVERIFY(!model.isTicking());
}

void TestJobTableModel::rowsAppearAndStatesChange()
{
    ExportFixture fx;
    fx.server.setFiles(twoFiles());
    Script script;
    script.pollsBeforeDone = 3;
    script.retryAfterSeconds = 1;
    script.progressTexts = {u"Search in progress - found 954 of 1,000 resources"_s};
    fx.server.setScript(script);
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Every State text the row shows, as a list of distinct consecutive values.
    QStringList seen;
    connect(&model, &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &tl, const QModelIndex &br) {
                if (tl.column() > JobTableModel::State || br.column() < JobTableModel::State)
                    return;
                const QString s = text(model, tl.row(), JobTableModel::State);
                if (seen.isEmpty() || seen.constLast() != s)
                    seen << s;
            });

    const QString id = fx.start();
    QVERIFY(!id.isEmpty());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.jobId(0), id);
    QCOMPARE(model.rowOf(id), 0);
    QCOMPARE(model.index(0, 0).data(JobTableModel::JobIdRole).toString(), id);
    QCOMPARE(text(model, 0, JobTableModel::Server), u"Test server"_s);
    QCOMPARE(text(model, 0, JobTableModel::What), fx.request().summary());

    QTRY_COMPARE(text(model, 0, JobTableModel::State), u"Running"_s);
    QTRY_COMPARE(text(model, 0, JobTableModel::ServerSays),
                 u"Search in progress - found 954 of 1,000 resources"_s);
    QTRY_VERIFY(text(model, 0, JobTableModel::NextCheck).startsWith(u"in 0:0"_s));
    QTRY_COMPARE_WITH_TIMEOUT(text(model, 0, JobTableModel::State), u"Saved"_s, 15000);
    QCOMPARE(model.index(0, 0).data(JobTableModel::StateRole).toInt(), int(JobState::Saved));
    QCOMPARE(text(model, 0, JobTableModel::Files), u"2 / 2"_s);
    QVERIFY(!text(model, 0, JobTableModel::Bytes).isEmpty());
    QCOMPARE(text(model, 0, JobTableModel::NextCheck), u"\u2014"_s);
    QVERIFY(text(model, 0, JobTableModel::ServerSays).isEmpty()); // stale progress is gone
    QVERIFY(!text(model, 0, JobTableModel::Started).isEmpty());
    QCOMPARE(text(model, 0, JobTableModel::Elapsed), u"< 1 min"_s);
    QCOMPARE(text(model, 0, JobTableModel::Expires), QString()); // saved: nothing to expire
    QVERIFY(seen.contains(u"Running"_s));
    QCOMPARE(seen.constLast(), u"Saved"_s);
    QVERIFY(seen.indexOf(u"Running"_s) < seen.indexOf(u"Saved"_s));
}

void TestJobTableModel::countdownDecreasesFromTheDeadline()
{
    ExportFixture fx;
    RetryPolicy policy = fx.fastPolicy();
    policy.maxRetryAfterMs = 3600 * 1000;
    fx.manager->setRetryPolicy(policy);
    Script script;
    script.pollsBeforeDone = 5;
    script.retryAfterSeconds = 42;
    fx.server.setScript(script);
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QString id = fx.start();
    // The kick-off gives no Retry-After (a 10 ms wait); the first status answer gives 42 s.
    QTRY_VERIFY(fx.job(id).isWaitingForPoll() && fx.job(id).pollCount >= 1);
    // Rounded up: 41.9 s left reads 0:42, never a second early.
    // The cell stands under "Next check": it says only when. Standing alone, it says what.
    QCOMPARE(text(model, 0, JobTableModel::NextCheck), u"in 0:42"_s);
    QCOMPARE(
        JobCellFormat::nextCheckText(fx.job(id), fx.clock.now(), JobCellFormat::Form::Sentence),
        u"next check in 0:42"_s);
    const qint64 before =
        model.index(0, JobTableModel::NextCheck).data(JobTableModel::SortRole).toLongLong();
    fx.clock.advance(10 * 1000);
    model.tick();
    QCOMPARE(text(model, 0, JobTableModel::NextCheck), u"in 0:32"_s);
    const qint64 after =
        model.index(0, JobTableModel::NextCheck).data(JobTableModel::SortRole).toLongLong();
    QVERIFY2(after < before - 9000, qPrintable(u"%1 -> %2"_s.arg(before).arg(after)));
    // A missed tick does not matter: the text is the deadline minus now, not a counter.
    fx.clock.advance(30 * 1000);
    QCOMPARE(text(model, 0, JobTableModel::NextCheck), u"in 0:02"_s);
    fx.clock.advance(60 * 1000);
    QCOMPARE(text(model, 0, JobTableModel::NextCheck), u"in 0:00"_s);
    QVERIFY(model.index(0, JobTableModel::NextCheck)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"The next status request goes out at"_s));
    fx.manager->cancel(id);
    QTRY_COMPARE(text(model, 0, JobTableModel::State), u"Cancelled"_s);
}

void TestJobTableModel::kickoffSentAgainCountsDown()
{
    // Re-walking the walkthrough: a kick-off the server could not take now (503, try again)
    // showed "Starting" and a dash under Next check for as long as it was sent again.
    ExportFixture fx;
    RetryPolicy policy = fx.fastPolicy();
    policy.maxRetryAfterMs = 3600 * 1000;
    fx.manager->setRetryPolicy(policy);
    Script script;
    script.kickoffStatus = 503;
    script.kickoffRefusals = 1;
    script.retryAfterSeconds = 30;
    fx.server.setScript(script);
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = fx.start();
    QTRY_VERIFY(fx.job(id).attempt == 1 && fx.job(id).nextPollAt.isValid());
    QCOMPARE(fx.job(id).state, JobState::Starting);
    QCOMPARE(text(model, 0, JobTableModel::NextCheck), u"in 0:30 (attempt 1)"_s);
    QCOMPARE(
        JobCellFormat::nextCheckText(fx.job(id), fx.clock.now(), JobCellFormat::Form::Sentence),
        u"retrying in 0:30 (attempt 1)"_s);
    QVERIFY(model.index(0, JobTableModel::NextCheck)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"The export is asked for again at"_s));
    // It counts down with the clock, and the export goes on once the server takes it.
    fx.clock.advance(10 * 1000);
    model.tick();
    QCOMPARE(text(model, 0, JobTableModel::NextCheck), u"in 0:20 (attempt 1)"_s);
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(fx.job(id).state, JobState::Saved);
}

void TestJobTableModel::retryingAfterAnError()
{
    ExportFixture fx;
    RetryPolicy policy = fx.fastPolicy();
    policy.maxRetryAfterMs = 3600 * 1000;
    fx.manager->setRetryPolicy(policy);
    Script script;
    script.pollsBeforeDone = 5;
    script.retryAfterSeconds = 60;
    script.pollQueue = {
        {503,
         R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient","diagnostics":"Database busy"}]})"_ba,
         "application/fhir+json"_ba, "30"_ba}};
    fx.server.setScript(script);
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = fx.start();
    QTRY_VERIFY(fx.job(id).isWaitingForPoll() && fx.job(id).attempt == 1);
    QCOMPARE(text(model, 0, JobTableModel::NextCheck), u"in 0:30 (attempt 1)"_s);
    QCOMPARE(
        JobCellFormat::nextCheckText(fx.job(id), fx.clock.now(), JobCellFormat::Form::Sentence),
        u"retrying in 0:30 (attempt 1)"_s);
    // The reason is one hover away, on the state.
    QVERIFY(model.index(0, JobTableModel::State)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"Database busy"_s));
    QVERIFY(model.index(0, 0).data(JobTableModel::ErrorRole).toString().contains(u"busy"_s));
    fx.manager->cancel(id);
    QTRY_COMPARE(text(model, 0, JobTableModel::State), u"Cancelled"_s);
}

void TestJobTableModel::tickEmitsOneColumnForWaitingRowsOnly()
{
    ExportFixture fx;
    RetryPolicy policy = fx.fastPolicy();
    policy.maxRetryAfterMs = 3600 * 1000;
    fx.manager->setRetryPolicy(policy);
    fx.server.setFiles(twoFiles());

    // Row 0 finishes; rows 1 and 2 wait a long time for their next poll; row 3 finishes.
    Script quick;
    quick.pollsBeforeDone = 0;
    Script slow;
    slow.pollsBeforeDone = 5;
    slow.retryAfterSeconds = 300;
    fx.server.setScript(quick);
    const QString done1 = startIn(fx, u"done1"_s);
    QVERIFY(fx.waitForState(done1, JobState::Saved));
    fx.server.setScript(slow);
    const QString wait1 = startIn(fx, u"wait1"_s);
    const QString wait2 = startIn(fx, u"wait2"_s);
    // The script applies at kick-off, which is asynchronous: let both reach the server first.
    QTRY_VERIFY(fx.job(wait1).isWaitingForPoll() && fx.job(wait2).isWaitingForPoll());
    fx.server.setScript(quick);
    const QString done2 = startIn(fx, u"done2"_s);
    QVERIFY(fx.waitForState(done2, JobState::Saved));

    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(fx.job(wait1).isWaitingForPoll() && fx.job(wait2).isWaitingForPoll());
    QCOMPARE(model.rowOf(wait1), 1);
    QCOMPARE(model.rowOf(wait2), 2);
    QVERIFY(model.isTicking());

    // The real timer: within about a second, one tick, one span, one column.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy ticked(&model, &JobTableModel::ticked);
    QVERIFY(ticked.wait(2500));
    const QList<Span> s = spans(changed);
    QCOMPARE(s.size(), 1);
    QCOMPARE(s.first().left, int(JobTableModel::NextCheck));
    QCOMPARE(s.first().right, int(JobTableModel::NextCheck));
    QCOMPARE(s.first().top, 1);
    QCOMPARE(s.first().bottom, 2);

    // Rows that are not contiguous give one span each, still one column.
    fx.manager->cancel(wait1);
    QTRY_COMPARE(fx.job(wait1).state, JobState::Cancelled);
    fx.server.setScript(slow);
    const QString wait3 = startIn(fx, u"wait3"_s);
    QTRY_VERIFY(fx.job(wait3).isWaitingForPoll() && fx.job(wait3).pollCount >= 1);
    changed.clear();
    model.tick();
    const QList<Span> s2 = spans(changed);
    QCOMPARE(s2.size(), 2);
    for (const Span &span : s2) {
        QCOMPARE(span.left, int(JobTableModel::NextCheck));
        QCOMPARE(span.right, int(JobTableModel::NextCheck));
        QCOMPARE(span.top, span.bottom);
    }
    QCOMPARE(s2.at(0).top, 2);
    QCOMPARE(s2.at(1).top, 4);
    fx.manager->cancel(wait2);
    fx.manager->cancel(wait3);
    QTRY_VERIFY(fx.job(wait2).isTerminal() && fx.job(wait3).isTerminal());
}

void TestJobTableModel::timerRunsOnlyWhileSomethingCounts()
{
    ExportFixture fx;
    fx.server.setFiles(twoFiles());
    Script slow;
    slow.pollsBeforeDone = 5;
    slow.retryAfterSeconds = 2;
    fx.server.setScript(slow);
    JobTableModel model(fx.manager);
    QVERIFY(!model.isTicking());
    const QString id = fx.start();
    QVERIFY(model.isTicking()); // starting: elapsed time counts
    fx.manager->cancel(id);
    QTRY_COMPARE(fx.job(id).state, JobState::Cancelled);
    QTRY_VERIFY(!model.isTicking());

    // Finished jobs alone never wake the timer, however many there are.
    fx.serveAtOnce(twoFiles());
    for (int i = 0; i < 3; ++i)
        QVERIFY(fx.waitForState(startIn(fx, QString::number(i)), JobState::Saved));
    QTRY_VERIFY(!model.isTicking());
    JobTableModel fresh(fx.manager);
    QCOMPARE(fresh.rowCount(), 4);
    QVERIFY(!fresh.isTicking());
}

void TestJobTableModel::changesTouchOnlyTheirColumns()
{
    ExportFixture fx;
    fx.server.setFiles(twoFiles());
    Script script;
    script.pollsBeforeDone = 5;
    script.retryAfterSeconds = 60;
    script.progressTexts = {u"first"_s, u"second"_s, u"third"_s};
    fx.server.setScript(script);
    RetryPolicy policy = fx.fastPolicy();
    policy.maxRetryAfterMs = 3600 * 1000;
    fx.manager->setRetryPolicy(policy);
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = fx.start();
    // Past the kick-off's short wait: the first status answer brought X-Progress.
    QTRY_VERIFY(fx.job(id).isWaitingForPoll() && fx.job(id).pollCount >= 1);
    QCOMPARE(text(model, 0, JobTableModel::ServerSays), u"first"_s);

    // A poll: the request (NextPoll), its activity entry (no cell), the new X-Progress and the
    // next deadline. Only Server says and Next check may change.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy activity(fx.manager, &JobManager::activityAdded);
    fx.manager->pollNow(id);
    QTRY_COMPARE(text(model, 0, JobTableModel::ServerSays), u"second"_s);
    QTRY_VERIFY(fx.job(id).isWaitingForPoll());
    QVERIFY(activity.count() >= 1);
    QVERIFY(!changed.isEmpty());
    std::set<int> columns;
    for (const Span &span : spans(changed)) {
        QCOMPARE(span.top, 0);
        QCOMPARE(span.bottom, 0);
        for (int c = span.left; c <= span.right; ++c)
            columns.insert(c);
    }
    // The progress bar reads the X-Progress text too.
    QCOMPARE(columns, (std::set<int>{JobTableModel::Progress, JobTableModel::ServerSays,
                                     JobTableModel::NextCheck}));
    fx.manager->cancel(id);
    QTRY_VERIFY(fx.job(id).isTerminal());
}

void TestJobTableModel::sortRoleHasRawValues()
{
    ExportFixture fx;
    JobTableModel model(fx.manager);
    const QString id = fx.savedExport(twoFiles());
    QVERIFY(!id.isEmpty());
    const ExportJob &j = fx.job(id);
    const auto sort = [&](int column) {
        return model.index(0, column).data(JobTableModel::SortRole);
    };
    QCOMPARE(sort(JobTableModel::State).toInt(), int(JobState::Saved));
    QCOMPARE(sort(JobTableModel::Files).toInt(), 2);
    QCOMPARE(sort(JobTableModel::Bytes).toLongLong(), j.bytesSaved());
    QVERIFY(j.bytesSaved() > 0);
    QCOMPARE(sort(JobTableModel::Started).toLongLong(), j.createdAt.toMSecsSinceEpoch());
    QCOMPARE(sort(JobTableModel::NextCheck).toLongLong(), std::numeric_limits<qint64>::max());
    QCOMPARE(sort(JobTableModel::Expires).toLongLong(), std::numeric_limits<qint64>::max());
    QCOMPARE(sort(JobTableModel::Server).toString(), u"Test server"_s);
    QVERIFY(sort(JobTableModel::Elapsed).toLongLong() >= 0);
    // Numbers, not their text: "10 / 12" must sort after "9 / 12".
    QCOMPARE(sort(JobTableModel::Bytes).typeId(), QMetaType::LongLong);
    QCOMPARE(model.index(0, 0).data(JobTableModel::ProfileIdRole).toString(), QString());
}

void TestJobTableModel::cancelAndRemove()
{
    ExportFixture fx;
    Script slow;
    slow.pollsBeforeDone = 5;
    slow.retryAfterSeconds = 2;
    fx.server.setScript(slow);
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Each in its own folder: the engine refuses two running exports into one.
    auto startIn = [&fx](const QString &sub) {
        JobOptions o = fx.options();
        o.outDir = fx.outDir() + u'/' + sub;
        return fx.manager->startExport(fx.request(), o).value();
    };
    const QString a = startIn(u"a"_s);
    const QString b = startIn(u"b"_s);
    const QString c = startIn(u"c"_s);
    QCOMPARE(model.rowCount(), 3);
    QTRY_VERIFY(fx.job(b).state == JobState::Running);
    fx.manager->cancel(b);
    QTRY_COMPARE(text(model, 1, JobTableModel::State), u"Cancelled"_s);
    QCOMPARE(text(model, 1, JobTableModel::NextCheck), u"\u2014"_s);
    fx.manager->remove(b);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(b), -1);
    QCOMPARE(model.rowOf(c), 1);
    QCOMPARE(model.jobId(1), c);
    fx.manager->remove(a);
    QCOMPARE(model.rowOf(c), 0);
    fx.manager->cancel(c);
    QTRY_VERIFY(fx.job(c).isTerminal());
}

void TestJobTableModel::restoredJobsAreRows()
{
    ExportFixture fx;
    const QString id = fx.savedExport(twoFiles());
    QVERIFY(!id.isEmpty());
    auto model = std::make_unique<JobTableModel>(fx.manager);
    QCOMPARE(model->rowCount(), 1);
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    fx.restartManager(); // the old manager is gone: the model empties instead of dangling
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model->rowCount(), 0);
    fx.manager->restore();
    JobTableModel restored(fx.manager);
    QAbstractItemModelTester tester(&restored,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(restored.rowCount(), 1);
    QCOMPARE(text(restored, 0, JobTableModel::State), u"Saved"_s);
    QCOMPARE(text(restored, 0, JobTableModel::Files), u"2 / 2"_s);
}

void TestJobTableModel::progressFollowsTheServersFraction()
{
    ExportFixture fx;
    fx.server.setFiles(twoFiles());
    Script script;
    script.pollsBeforeDone = 5;
    script.retryAfterSeconds = 60;
    script.progressTexts = {u"Search in progress - found 250 of 1,000 resources"_s, u"3/4"_s,
                            u"in-progress"_s};
    fx.server.setScript(script);
    RetryPolicy policy = fx.fastPolicy();
    policy.maxRetryAfterMs = 3600 * 1000;
    fx.manager->setRetryPolicy(policy);
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = fx.start();
    const QModelIndex cell = model.index(0, JobTableModel::Progress);
    QTRY_VERIFY(fx.job(id).isWaitingForPoll() && fx.job(id).pollCount >= 1);
    QCOMPARE(cell.data(JobTableModel::ProgressRole), QVariant(25));
    QCOMPARE(cell.data().toString(), u"Server: 25 %"_s);
    // The server's words stay verbatim in their own column.
    QCOMPARE(text(model, 0, JobTableModel::ServerSays),
             u"Search in progress - found 250 of 1,000 resources"_s);

    fx.manager->pollNow(id);
    QTRY_COMPARE(cell.data(JobTableModel::ProgressRole), QVariant(75));
    // No fraction in the text: a busy bar (-1) and how long the server has worked, never a
    // time left for the server's work.
    fx.manager->pollNow(id);
    QTRY_COMPARE(cell.data(JobTableModel::ProgressRole), QVariant(-1));
    QVERIFY2(cell.data().toString().startsWith(u"Server working · "_s),
             qPrintable(cell.data().toString()));
    QVERIFY(!cell.data().toString().contains(u"left"_s));
    fx.manager->cancel(id);
    QTRY_VERIFY(fx.job(id).isTerminal());
}

void TestJobTableModel::progressFollowsTheDownloadedBytes()
{
    // The first file is saved, the second stops half-way (and never goes on): the bar is at
    // three quarters, the text counts the files and the bytes.
    ExportFixture fx;
    fx.server.setFiles({served::ndjson(u"Patient"_s, served::twoPatients()),
                        served::generated(u"Observation"_s, 4000)});
    fx.server.setScript([] {
        Script s;
        s.pollsBeforeDone = 0;
        return s;
    }());
    test::FileFault stall;
    stall.kind = test::FileFault::Kind::Stall;
    stall.fraction = 0.5;
    stall.stallMs = -1;
    fx.server.setFileFault(1, stall);
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = fx.start();
    const QModelIndex cell = model.index(0, JobTableModel::Progress);
    QTRY_VERIFY2(cell.data(JobTableModel::ProgressRole).toInt() >= 70,
                 qPrintable(cell.data().toString()));
    QCOMPARE(fx.job(id).state, JobState::Downloading);
    QVERIFY(cell.data(JobTableModel::ProgressRole).toInt() <= 75);
    const QString shown = cell.data().toString();
    QVERIFY2(shown.startsWith(u"1 of 2 files · "_s), qPrintable(shown));
    QVERIFY2(shown.contains(QLocale().formattedDataSize(fx.job(id).bytesSaved(), 1,
                                                        QLocale::DataSizeTraditionalFormat)),
             qPrintable(shown));
    // The window's summary and the bar agree on how far the download is.
    QCOMPARE(JobProgressTracker::downloadFraction(fx.job(id)) * 100 >= 70, true);
    fx.manager->cancel(id);
    QTRY_VERIFY(fx.job(id).isTerminal());
}

void TestJobTableModel::finishedRowsOfferTheirNextStep()
{
    ExportFixture fx;
    JobTableModel model(fx.manager);
    const QString saved = fx.savedExport(twoFiles());
    QVERIFY(!saved.isEmpty());
    const QModelIndex cell = model.index(model.rowOf(saved), JobTableModel::Progress);
    // (The plural's English wording comes from the translation, not loaded here.)
    QVERIFY2(cell.data().toString().startsWith(u"Saved · 2 file"_s),
             qPrintable(cell.data().toString()));
    QCOMPARE(cell.data(JobTableModel::ProgressRole), QVariant(100));
    QCOMPARE(cell.data(JobTableModel::ActionRole).toString(), u"Open folder"_s);
    QCOMPARE(cell.data(JobTableModel::ActionKindRole).toInt(),
             int(JobProgress::Action::OpenFolder));

    // The manifest is in, nothing saved: never a "done" reading.
    Script script;
    script.pollsBeforeDone = 0;
    fx.server.setScript(script);
    fx.server.setFiles(twoFiles());
    JobOptions options = fx.options();
    options.outDir = fx.dir.filePath(u"ready"_s);
    options.autoDownload = false;
    const Result<QString> ready = fx.manager->startExport(fx.request(), options);
    QVERIFY(ready.ok());
    QVERIFY(fx.waitForState(ready.value(), JobState::Completed));
    const int row = model.rowOf(ready.value());
    QCOMPARE(text(model, row, JobTableModel::State), u"Ready to download"_s);
    QCOMPARE(model.index(row, JobTableModel::Progress).data().toString(),
             u"Ready to download · 2 file(s)"_s);
    QCOMPARE(model.index(row, JobTableModel::Progress).data(JobTableModel::ActionRole).toString(),
             u"Download"_s);

    // A failed export says what failed and offers Retry.
    fx.server.setScript([] {
        Script s;
        s.kickoffStatus = 400;
        return s;
    }());
    options.outDir = fx.dir.filePath(u"failed"_s);
    const Result<QString> failed = fx.manager->startExport(fx.request(), options);
    QVERIFY(failed.ok());
    QVERIFY(fx.waitForState(failed.value(), JobState::Failed));
    const QModelIndex f = model.index(model.rowOf(failed.value()), JobTableModel::Progress);
    QVERIFY2(f.data().toString().startsWith(u"Failed: "_s), qPrintable(f.data().toString()));
    QVERIFY(f.data().toString().contains(fx.job(failed.value()).lastError));
    QVERIFY(!f.data(JobTableModel::ProgressRole).isValid()); // words, no bar
    QCOMPARE(f.data(JobTableModel::ActionRole).toString(), u"Retry"_s);
}

void TestJobTableModel::whatNamesTheGroupAndTheChanges()
{
    // A group picked by name is shown by its name, and an export of changes says since when:
    // in the What column (which the filter searches), kept with the job across a restart.
    ExportFixture fx;
    ExportRequest request = fx.request(ExportLevel::Group);
    request.groupName = u"Heart failure telemonitoring"_s;
    request.since = QDateTime(QDate(2026, 12, 7), QTime(9, 1), Qt::UTC);
    const QString id = fx.start(request);
    QVERIFY(!id.isEmpty());
    const QString expected = u"Group Heart failure telemonitoring · all types · changes since "_s +
                             formatDateTime(request.since.toLocalTime());
    {
        JobTableModel model(fx.manager);
        QAbstractItemModelTester tester(&model);
        QCOMPARE(text(model, 0, JobTableModel::What), expected);
        QCOMPARE(model.index(0, JobTableModel::What).data(JobTableModel::SortRole).toString(),
                 expected);
    }
    QVERIFY(fx.waitForTerminal(id));
    fx.restartManager();
    fx.manager->restore();
    JobTableModel model(fx.manager);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, JobTableModel::What), expected);
    QCOMPARE(fx.job(id).request.groupId, u"demo-group-1"_s);
}

void TestJobTableModel::oneServerHasOneName()
{
    // The demo profile is "Demo server" in English and "Demoserver" in Danish; exports of an
    // earlier run in the other language take the profile's name of today (walkthrough #29).
    ExportFixture fx;
    JobOptions options = fx.options();
    options.profileId = u"demo"_s;
    options.serverName = u"Demoserver"_s;
    const Result<QString> id = fx.manager->startExport(fx.request(), options);
    QVERIFY(id.ok());
    QVERIFY(fx.waitForTerminal(id.value()));
    JobOptions other = fx.options();
    other.outDir = fx.dir.filePath(u"other"_s);
    other.profileId = u"elsewhere"_s;
    const Result<QString> kept = fx.manager->startExport(fx.request(), other);
    QVERIFY(kept.ok());
    QVERIFY(fx.waitForTerminal(kept.value()));
    JobTableModel model(fx.manager);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    fx.manager->renameServer(u"demo"_s, u"Demo server"_s);
    QCOMPARE(text(model, model.rowOf(id.value()), JobTableModel::Server), u"Demo server"_s);
    QCOMPARE(text(model, model.rowOf(kept.value()), JobTableModel::Server), u"Test server"_s);
    QVERIFY(!changed.isEmpty());
    // Kept across a restart.
    fx.restartManager();
    fx.manager->restore();
    QCOMPARE(fx.job(id.value()).serverName, u"Demo server"_s);
    QCOMPARE(fx.job(kept.value()).serverName, u"Test server"_s);
}

QTEST_GUILESS_MAIN(TestJobTableModel)
#include "tst_jobtablemodel.moc"
