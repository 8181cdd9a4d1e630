// Scheduler: when its one timer wakes up. Deadlines close together share a wake-up (at most one
// in 50 ms); a deadline after a quiet spell is met on time, and none is ever served early.
#include "manualclock.h"
#include "scheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace fbm;
using namespace Qt::StringLiterals;
using fbm::test::ManualClock;

namespace {

/// The clock stands still: the wake-up times below are exact.
const QDateTime kStart = QDateTime::fromMSecsSinceEpoch(1'000'000, Qt::UTC);

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loneDeadlineIsMetOnTime();
    void closeDeadlinesShareAWakeUp();
};

void TestScheduler::loneDeadlineIsMetOnTime()
{
    ManualClock clock(kStart);
    Scheduler scheduler(&clock);
    QCOMPARE(scheduler.nextWakeUpMs(), -1);
    scheduler.schedule(DueKey::poll(u"a"_s), kStart.addMSecs(100));
    QCOMPARE(scheduler.nextWakeUpMs(), 1'000'100);
    // An earlier deadline moves the wake-up forward; cancelling it moves it back.
    scheduler.schedule(DueKey::poll(u"b"_s), kStart.addMSecs(20));
    QCOMPARE(scheduler.nextWakeUpMs(), 1'000'020);
    scheduler.cancel(DueKey::poll(u"b"_s));
    scheduler.cancel(DueKey::poll(u"a"_s));
    QCOMPARE(scheduler.nextWakeUpMs(), -1);
}

void TestScheduler::closeDeadlinesShareAWakeUp()
{
    ManualClock clock(kStart);
    Scheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &Scheduler::due);
    // Due now, after a quiet spell (a command-line export's first poll): at once.
    scheduler.schedule(DueKey::poll(u"first"_s), kStart);
    QCOMPARE(scheduler.nextWakeUpMs(), 1'000'000);
    QTRY_COMPARE(due.size(), 1);
    QCOMPARE(due.first().first().value<DueKey>().job, u"first"_s);
    // The timer has just woken up: deadlines within the next 50 ms wait for one wake-up then.
    scheduler.schedule(DueKey::poll(u"b"_s), kStart.addMSecs(10));
    QCOMPARE(scheduler.nextWakeUpMs(), 1'000'050);
    scheduler.schedule(DueKey::poll(u"c"_s), kStart.addMSecs(30));
    QCOMPARE(scheduler.nextWakeUpMs(), 1'000'050);
    // A later deadline is its own wake-up, never an earlier one.
    scheduler.cancel(DueKey::poll(u"b"_s));
    scheduler.cancel(DueKey::poll(u"c"_s));
    scheduler.schedule(DueKey::poll(u"d"_s), kStart.addMSecs(400));
    QCOMPARE(scheduler.nextWakeUpMs(), 1'000'400);
    // Not due before its time. The clock moved to 3 ms before it and given again: the timer
    // wakes up at once by the moved clock, finds nothing due and sleeps one more tick.
    clock.set(kStart.addMSecs(397));
    scheduler.setClock(&clock);
    QTRY_COMPARE(scheduler.nextWakeUpMs(), 1'000'447);
    QCOMPARE(due.size(), 1);
    // At that wake-up the deadline has passed: due.
    clock.set(kStart.addMSecs(447));
    scheduler.setClock(&clock);
    QTRY_COMPARE(due.size(), 2);
    QCOMPARE(due.last().first().value<DueKey>().job, u"d"_s);
    QCOMPARE(scheduler.nextWakeUpMs(), -1);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
