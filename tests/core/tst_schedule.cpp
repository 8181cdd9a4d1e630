// Schedules as values and files: their calendars, names, the systemd units and crontab lines
// rendered from them (read back by systemd-analyze), the store, and systemctl --user through a
// fake program.
#include "schedule/schedulestore.h"
#include "schedule/systemdunits.h"
#include "schedule/userscheduler.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fbm::Schedule;
using fbm::ScheduleRun;
using fbm::ScheduleStore;
using fbm::UserScheduler;
namespace units = fbm::SystemdUnits;

namespace {

Schedule nightly()
{
    Schedule s;
    s.name = u"nightly"_s;
    s.profile = u"Region \"North\""_s;
    s.time = QTime(2, 30);
    s.saveIn = u"/srv/exports/100% $HOME"_s;
    s.exportArguments = {u"--level"_s,       u"group"_s,         u"--group"_s,
                         u"heart failure"_s, u"--type-filter"_s, u"Observation?code=a\\b"_s};
    return s;
}

} // namespace

class TestSchedule final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names_data();
    void names();
    void calendars_data();
    void calendars();
    void commandSinceAutoUnlessFull();
    void execLineRoundTrips_data();
    void execLineRoundTrips();
    void unitsPassSystemdAnalyze();
    void crontabLineQuotesForShellAndCron();
    void jsonRoundTrip();
    void storeSavesListsAndRemoves();
    void runsKeepTheirJobs();
    void fakeSystemctl();
    void missingSystemctlIsNoSession();
};

void TestSchedule::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("plain") << u"nightly"_s << true;
    QTest::newRow("dash underscore digits") << u"group-7_weekly"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("dot") << u"a.b"_s << false;
    QTest::newRow("percent") << u"a%n"_s << false;
    QTest::newRow("not ascii") << u"ugentlig-ø"_s << false;
    QTest::newRow("too long") << QString(65, u'a') << false;
}

void TestSchedule::names()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QCOMPARE(Schedule::nameProblem(name).isEmpty(), ok);
}

void TestSchedule::calendars_data()
{
    QTest::addColumn<bool>("weekly");
    QTest::addColumn<int>("weekday");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QString>("onCalendar");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("cron");
    QTest::newRow("daily") << false << 1 << QTime(2, 30) << u"*-*-* 02:30:00"_s << u"daily 02:30"_s
                           << u"30 2 * * *"_s;
    QTest::newRow("weekly Monday") << true << 1 << QTime(23, 5) << u"Mon *-*-* 23:05:00"_s
                                   << u"weekly Mon 23:05"_s << u"5 23 * * 1"_s;
    QTest::newRow("weekly Sunday") << true << 7 << QTime(0, 0) << u"Sun *-*-* 00:00:00"_s
                                   << u"weekly Sun 00:00"_s << u"0 0 * * 0"_s;
}

void TestSchedule::calendars()
{
    QFETCH(bool, weekly);
    QFETCH(int, weekday);
    QFETCH(QTime, time);
    Schedule s = nightly();
    s.repeat = weekly ? Schedule::Repeat::Weekly : Schedule::Repeat::Daily;
    s.weekday = weekday;
    s.time = time;
    QTEST(s.onCalendar(), "onCalendar");
    QTEST(s.calendarWords(), "words");
    QTEST(s.cronTime(), "cron");
    QCOMPARE(Schedule::weekdayFromName(Schedule::weekdayName(weekday)).value_or(0), weekday);
}

void TestSchedule::commandSinceAutoUnlessFull()
{
    Schedule s = nightly();
    const QStringList since{u"/usr/bin/fhir-bulk-monitor"_s,
                            u"export"_s,
                            u"--profile"_s,
                            u"Region \"North\""_s,
                            u"--since"_s,
                            u"auto"_s,
                            u"--level"_s,
                            u"group"_s,
                            u"--group"_s,
                            u"heart failure"_s,
                            u"--type-filter"_s,
                            u"Observation?code=a\\b"_s,
                            u"--save-in"_s,
                            u"/srv/exports/100% $HOME"_s,
                            u"--schedule"_s,
                            u"nightly"_s};
    QCOMPARE(s.command(u"/usr/bin/fhir-bulk-monitor"_s), since);
    s.full = true;
    QStringList full = since;
    full.remove(4, 2);
    QCOMPARE(s.command(u"/usr/bin/fhir-bulk-monitor"_s), full);
    s.profilesFile = u"/home/a/p.ini"_s;
    QVERIFY(s.command(u"x"_s).join(u' ').contains(u"--profiles-file /home/a/p.ini"_s));
}

void TestSchedule::execLineRoundTrips_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"export"_s << u"\"export\""_s;
    QTest::newRow("space") << u"a b"_s << u"\"a b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \\\"hi\\\"\""_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"\"a\\\\b\""_s;
    QTest::newRow("specifier") << u"100%n"_s << u"\"100%%n\""_s;
    QTest::newRow("variable") << u"$HOME"_s << u"\"$$HOME\""_s;
    QTest::newRow("empty") << QString() << u"\"\""_s;
}

void TestSchedule::execLineRoundTrips()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(units::quoted(word), quoted);
    const QStringList argv{u"/usr/bin/x"_s, word, u"tail"_s};
    QCOMPARE(units::parseExecLine(units::execLine(argv)).value_or(QStringList()), argv);
}

void TestSchedule::unitsPassSystemdAnalyze()
{
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    QVERIFY2(!analyze.isEmpty(), "systemd-analyze (Debian package systemd) is needed");
    QTemporaryDir dir;
    Schedule s = nightly();
    s.repeat = Schedule::Repeat::Weekly;
    s.weekday = 3;
    // systemd-analyze checks that the program exists: the real one.
    const QString program = QString::fromLocal8Bit(FBM_APP_BINARY);
    const ScheduleStore store(dir.filePath(u"schedules"_s), dir.filePath(u"units"_s));
    QVERIFY(!store.save(s, program));
    const QString service = store.servicePath(s.name);
    const QString timer = store.timerPath(s.name);
    QCOMPARE(QFileInfo(service).fileName(), u"fhir-bulk-monitor-nightly.service"_s);
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(analyze, {u"verify"_s, service, timer});
    QVERIFY(verify.waitForFinished(60000));
    QVERIFY2(verify.exitCode() == 0, verify.readAll().constData());

    QFile f(service);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(u"\nType=oneshot\n"_s));
    QVERIFY(!text.contains(u"Environment="_s)); // nothing secret, nothing at all
    const QString line = text.section(u"ExecStart="_s, 1).section(u'\n', 0, 0);
    QCOMPARE(units::parseExecLine(line).value_or(QStringList()), s.command(program));
    QFile t(timer);
    QVERIFY(t.open(QIODevice::ReadOnly));
    const QString timerText = QString::fromUtf8(t.readAll());
    QVERIFY(timerText.contains(u"\nOnCalendar=Wed *-*-* 02:30:00\n"_s));
    QVERIFY(timerText.contains(u"\nPersistent=true\n"_s));
    QVERIFY(timerText.contains(u"\nWantedBy=timers.target\n"_s));
}

void TestSchedule::crontabLineQuotesForShellAndCron()
{
    Schedule s = nightly();
    s.exportArguments = {u"--type"_s, u"it's"_s};
    QCOMPARE(units::crontabLine(s, u"/opt/fbm"_s),
             u"30 2 * * * '/opt/fbm' 'export' '--profile' 'Region \"North\"' '--since' 'auto' "
             "'--type' 'it'\\''s' '--save-in' '/srv/exports/100\\% $HOME' '--schedule' "
             "'nightly'"_s);
}

void TestSchedule::jsonRoundTrip()
{
    Schedule s = nightly();
    s.repeat = Schedule::Repeat::Weekly;
    s.weekday = 6;
    s.full = true;
    s.profilesFile = u"/tmp/p.ini"_s;
    QVERIFY(Schedule::fromJson(s.toJson()) == s);
    QJsonObject bad = s.toJson();
    bad.insert(u"name"_s, u"a b"_s);
    QVERIFY(!Schedule::fromJson(bad));
}

void TestSchedule::storeSavesListsAndRemoves()
{
    QTemporaryDir dir;
    const ScheduleStore store(dir.filePath(u"schedules"_s), dir.filePath(u"units"_s));
    Schedule a = nightly();
    Schedule b = nightly();
    b.name = u"b-weekly"_s;
    QVERIFY(!store.save(a, u"/bin/true"_s));
    QVERIFY(!store.save(b, u"/bin/true"_s));
    const QList<Schedule> all = store.list();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).name, u"b-weekly"_s);
    QCOMPARE(all.at(1), a);
    Schedule bad = a;
    bad.name = u"x/y"_s;
    QCOMPARE(store.save(bad, u"/bin/true"_s).kind, fbm::Error::Kind::Usage);
    QVERIFY(!store.remove(a.name));
    QVERIFY(!QFile::exists(store.servicePath(a.name)));
    QVERIFY(!QFile::exists(store.timerPath(a.name)));
    QCOMPARE(store.list().size(), 1);
    QVERIFY(!store.load(a.name));
}

void TestSchedule::runsKeepTheirJobs()
{
    QTemporaryDir dir;
    const ScheduleStore store(dir.filePath(u"schedules"_s), dir.filePath(u"units"_s));
    QVERIFY(!store.lastRun(u"n"_s));
    ScheduleRun run;
    run.at = QDateTime(QDate(2026, 12, 7), QTime(2, 30), Qt::UTC);
    run.jobId = u"job-1"_s;
    QVERIFY(!store.recordRun(u"n"_s, run));
    run.exitCode = 1;
    run.message = u"failed"_s;
    run.jobId = u"job-2"_s;
    QVERIFY(!store.recordRun(u"n"_s, run));
    std::optional<ScheduleRun> last = store.lastRun(u"n"_s);
    QVERIFY(last);
    QCOMPARE(last->jobIds, (QStringList{u"job-1"_s, u"job-2"_s}));
    QVERIFY(!last->ok());
    QVERIFY(!last->seen);
    store.markSeen(u"n"_s);
    QVERIFY(store.lastRun(u"n"_s)->seen);
    QCOMPARE(store.lastRun(u"n"_s)->at, run.at);
}

void TestSchedule::fakeSystemctl()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(u"log"_s);
    const QString fake = dir.filePath(u"systemctl"_s);
    QFile script(fake);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho \"$*\" >> '" + log.toUtf8() +
                 "'\ncase \"$*\" in *show*) printf "
                 "'NextElapseUSecRealtime=@1800000000\\nLastTriggerUSec=@1700000000\\n' ;; esac\n"
                 "case \"$*\" in *broken*) echo 'Unit broken.timer not found.' >&2; exit 5 ;; "
                 "esac\nexit 0\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    UserScheduler scheduler(fake);
    QVERIFY(scheduler.hasUserSession());
    QVERIFY(!scheduler.enable(u"fhir-bulk-monitor-n.timer"_s));
    QVERIFY(!scheduler.start(u"fhir-bulk-monitor-n.service"_s));
    QVERIFY(!scheduler.disable(u"fhir-bulk-monitor-n.timer"_s));
    const UserScheduler::TimerState state = scheduler.state(u"fhir-bulk-monitor-n.timer"_s);
    QCOMPARE(state.nextRun, QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC));
    QCOMPARE(state.lastTrigger, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
    const fbm::Error e = scheduler.enable(u"broken.timer"_s);
    QVERIFY(e.isError());
    QVERIFY2(e.message.contains(u"Unit broken.timer not found."_s), qPrintable(e.message));
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), "--user show-environment\n"
                          "--user daemon-reload\n"
                          "--user enable --now fhir-bulk-monitor-n.timer\n"
                          "--user start --no-block fhir-bulk-monitor-n.service\n"
                          "--user disable --now fhir-bulk-monitor-n.timer\n"
                          "--user show --timestamp=unix -p NextElapseUSecRealtime -p "
                          "LastTriggerUSec fhir-bulk-monitor-n.timer\n"
                          "--user daemon-reload\n"
                          "--user enable --now broken.timer\n"_ba);
}

void TestSchedule::missingSystemctlIsNoSession()
{
    UserScheduler scheduler(u"/nonexistent/systemctl"_s);
    QVERIFY(!scheduler.hasUserSession());
    QVERIFY(scheduler.enable(u"x.timer"_s).isError());
    QVERIFY(!scheduler.state(u"x.timer"_s).nextRun.isValid());
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
