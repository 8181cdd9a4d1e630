// Recurring exports from the command line: `schedule add` writes the systemd user units, their
// ExecStart runs (twice, the second with _since = the first's transaction time) against the
// simulated server, and a scheduled run says in one sentence why it did not run. A fake
// systemctl (FBM_SYSTEMCTL) stands in for the user's systemd; XDG_CONFIG_HOME is private.
#include "auth/profile.h"
#include "cliprocess.h"
#include "faultybulkserver.h"
#include "servedfiles.h"

#include "schedule/systemdunits.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using fbm::test::CliProcess;
using fbm::test::CliRun;
using fbm::test::FaultyBulkServer;
namespace served = fbm::test::served;

class TestCliSchedule final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void addWritesUnitsWhoseCommandRunsTwice();
    void withoutUserSessionPrintsTheCrontabLine();
    void badNamesAndCalendarsExitTwo_data();
    void badNamesAndCalendarsExitTwo();
    void overlappingRunIsSkipped();
    void lockedKeychainSaysSoInOneSentence();

private:
    [[nodiscard]] QString home(const QString &path) const { return m_dir->filePath(path); }
    [[nodiscard]] QString schedulesDir() const
    {
        return home(u"data/FHIR Bulk Monitor/fhir-bulk-monitor/schedules"_s);
    }
    [[nodiscard]] QString unitDir() const { return home(u"config/systemd/user"_s); }
    /// The environment with the fake systemctl (or \a systemctl).
    [[nodiscard]] QProcessEnvironment env(const QString &systemctl = {}) const
    {
        QProcessEnvironment e;
        e.insert(u"FBM_SYSTEMCTL"_s, systemctl.isEmpty() ? m_fakeSystemctl : systemctl);
        return e;
    }
    CliRun runApp(const QStringList &args, const QString &systemctl = {})
    {
        return m_cli->run(args, env(systemctl));
    }
    [[nodiscard]] QString systemctlLog() const
    {
        QFile f(home(u"systemctl.log"_s));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    [[nodiscard]] QList<QUrlQuery> kickoffs() const
    {
        QList<QUrlQuery> list;
        for (const auto &req : m_server->requests())
            if (req.path.endsWith(u"$export"_s))
                list << req.query;
        return list;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliProcess> m_cli;
    std::unique_ptr<FaultyBulkServer> m_server;
    QString m_fakeSystemctl;
};

void TestCliSchedule::init()
{
    m_cli.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_cli = std::make_unique<CliProcess>(m_dir->path());
    m_server = std::make_unique<FaultyBulkServer>();
    QVERIFY(m_server->listen());
    m_server->setFiles(served::cliExport());
    // The fake user manager: it logs what it is asked and knows one next run.
    m_fakeSystemctl = home(u"systemctl"_s);
    QFile script(m_fakeSystemctl);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho \"$*\" >> '" + home(u"systemctl.log"_s).toUtf8() +
                 "'\n"
                 "case \"$*\" in *show*) printf 'NextElapseUSecRealtime=@1800000000\\n"
                 "LastTriggerUSec=n/a\\n' ;; esac\nexit 0\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const CliRun added = runApp({u"profile"_s, u"add"_s, u"--name"_s, u"Demo"_s, u"--base"_s,
                                 m_server->baseUrl().toString(), u"--allow-private-networks"_s});
    QVERIFY2(added.exitCode == 0, added.err.constData());
}

void TestCliSchedule::addWritesUnitsWhoseCommandRunsTwice()
{
    const QString runs = home(u"runs"_s);
    const CliRun add =
        runApp({u"schedule"_s, u"add"_s, u"nightly"_s, u"--profile"_s, u"Demo"_s, u"--daily"_s,
                u"02:30"_s, u"--out"_s, runs, u"--type"_s, u"Patient,Observation"_s});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    QVERIFY2(systemctlLog().contains(u"--user daemon-reload\n"_s), qPrintable(systemctlLog()));
    QVERIFY2(systemctlLog().contains(u"--user enable --now fhir-bulk-monitor-nightly.timer\n"_s),
             qPrintable(systemctlLog()));

    // The units: systemd itself reads them, and finds the program they run.
    const QString service = QDir(unitDir()).filePath(u"fhir-bulk-monitor-nightly.service"_s);
    const QString timer = QDir(unitDir()).filePath(u"fhir-bulk-monitor-nightly.timer"_s);
    QVERIFY(QFile::exists(service));
    QVERIFY(QFile::exists(timer));
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    QVERIFY2(!analyze.isEmpty(), "systemd-analyze (Debian package systemd) is needed");
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(analyze, {u"verify"_s, service, timer});
    QVERIFY(verify.waitForFinished(60000));
    QVERIFY2(verify.exitCode() == 0, verify.readAll().constData());
    QFile timerFile(timer);
    QVERIFY(timerFile.open(QIODevice::ReadOnly));
    const QByteArray timerText = timerFile.readAll();
    QVERIFY(timerText.contains("\nOnCalendar=*-*-* 02:30:00\n"));
    QVERIFY(timerText.contains("\nPersistent=true\n"));

    // The exact command the timer runs.
    QFile serviceFile(service);
    QVERIFY(serviceFile.open(QIODevice::ReadOnly));
    QString execStart;
    for (const QString &line : QString::fromUtf8(serviceFile.readAll()).split(u'\n')) {
        if (line.startsWith(u"ExecStart="_s))
            execStart = line.mid(10);
    }
    const std::optional<QStringList> argv = fbm::SystemdUnits::parseExecLine(execStart);
    QVERIFY2(argv, qPrintable(execStart));
    const QStringList expected{QString::fromLocal8Bit(FBM_APP_BINARY),
                               u"export"_s,
                               u"--profile"_s,
                               u"Demo"_s,
                               u"--since"_s,
                               u"auto"_s,
                               u"--type"_s,
                               u"Patient,Observation"_s,
                               u"--save-in"_s,
                               runs,
                               u"--schedule"_s,
                               u"nightly"_s};
    QCOMPARE(*argv, expected);

    // Two runs of it, as the timer would start them: each in a dated folder of its own, the
    // second only the changes since the first.
    const CliRun first = m_cli->run(argv->mid(1));
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QStringList afterFirst = QDir(runs).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(afterFirst.size(), 1);
    QVERIFY2(afterFirst.first().endsWith(u" Patient, Observation"_s),
             qPrintable(afterFirst.first()));
    QFile manifest(QDir(runs).filePath(afterFirst.first() + u"/manifest.json"_s));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QDateTime transactionTime = QDateTime::fromString(
        QJsonDocument::fromJson(manifest.readAll()).object().value("transactionTime"_L1).toString(),
        Qt::ISODateWithMs);
    QVERIFY(transactionTime.isValid());
    QCOMPARE(kickoffs().size(), 1);
    QVERIFY(!kickoffs().last().hasQueryItem(u"_since"_s));

    const CliRun second = m_cli->run(argv->mid(1));
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QCOMPARE(QDir(runs).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);
    QCOMPARE(kickoffs().size(), 2);
    QCOMPARE(
        QDateTime::fromString(kickoffs().last().queryItemValue(u"_since"_s, QUrl::FullyDecoded),
                              Qt::ISODateWithMs),
        transactionTime);

    // list --json: what it runs, when next (from systemd), how the last run ended.
    const CliRun list = runApp({u"schedule"_s, u"list"_s, u"--json"_s});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QJsonArray all = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(all.size(), 1);
    const QJsonObject s = all.first().toObject();
    QCOMPARE(s.value("name"_L1).toString(), u"nightly"_s);
    QCOMPARE(s.value("profile"_L1).toString(), u"Demo"_s);
    QCOMPARE(s.value("calendar"_L1).toString(), u"daily 02:30"_s);
    QCOMPARE(s.value("onCalendar"_L1).toString(), u"*-*-* 02:30:00"_s);
    QCOMPARE(s.value("folder"_L1).toString(), runs);
    QCOMPARE(s.value("commandLine"_L1).toString(), execStart);
    QStringList command;
    for (const QJsonValue &v : s.value("command"_L1).toArray())
        command << v.toString();
    QCOMPARE(command, expected);
    QCOMPARE(s.value("nextRun"_L1).toString(), u"2027-01-15T08:00:00Z"_s);
    const QJsonObject last = s.value("lastRun"_L1).toObject();
    QCOMPARE(last.value("exitCode"_L1).toInt(), 0);
    QCOMPARE(last.value("ok"_L1).toBool(), true);
    QVERIFY(last.value("folder"_L1).toString().startsWith(runs + u'/'));

    // remove: the timer off, the units gone.
    const CliRun removed = runApp({u"schedule"_s, u"remove"_s, u"nightly"_s});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QVERIFY2(systemctlLog().contains(u"--user disable --now fhir-bulk-monitor-nightly.timer\n"_s),
             qPrintable(systemctlLog()));
    QVERIFY(!QFile::exists(service));
    QVERIFY(!QFile::exists(timer));
    const CliRun none = runApp({u"schedule"_s, u"list"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(none.out).array().size(), 0);
    QCOMPARE(runApp({u"schedule"_s, u"remove"_s, u"nightly"_s}).exitCode, 1);
}

void TestCliSchedule::withoutUserSessionPrintsTheCrontabLine()
{
    const QString runs = home(u"weekly runs"_s);
    const CliRun add = runApp({u"schedule"_s, u"add"_s, u"weekly"_s, u"--profile"_s, u"Demo"_s,
                               u"--weekly"_s, u"Sun"_s, u"03:00"_s, u"--out"_s, runs, u"--full"_s},
                              home(u"no/such/systemctl"_s));
    QVERIFY2(add.exitCode == 0, add.err.constData());
    QVERIFY2(add.err.contains("There is no systemd user session here"), add.err.constData());
    QVERIFY2(add.err.contains("  systemctl --user daemon-reload && systemctl --user enable --now "
                              "fhir-bulk-monitor-weekly.timer\n"),
             add.err.constData());
    const QByteArray expected = "0 3 * * 0 '"_ba + FBM_APP_BINARY +
                                "' 'export' '--profile' 'Demo' '--save-in' '" + runs.toUtf8() +
                                "' '--schedule' 'weekly'\n";
    QCOMPARE(add.out, expected);
    // The units are written all the same, for a session to enable later.
    QVERIFY(QFile::exists(QDir(unitDir()).filePath(u"fhir-bulk-monitor-weekly.timer"_s)));
    // The name is taken now.
    const CliRun again = runApp({u"schedule"_s, u"add"_s, u"weekly"_s, u"--profile"_s, u"Demo"_s,
                                 u"--daily"_s, u"04:00"_s, u"--out"_s, runs},
                                home(u"no/such/systemctl"_s));
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains("There is already a schedule named \"weekly\""),
             again.err.constData());

    // run-now without systemd: the export runs here, into a dated folder of its own.
    const CliRun now =
        runApp({u"schedule"_s, u"run-now"_s, u"weekly"_s}, home(u"no/such/systemctl"_s));
    QVERIFY2(now.exitCode == 0, now.err.constData());
    QCOMPARE(QDir(runs).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    QCOMPARE(kickoffs().size(), 1);
}

void TestCliSchedule::badNamesAndCalendarsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("space") << QStringList{u"a b"_s, u"--daily"_s, u"02:00"_s};
    QTest::newRow("slash") << QStringList{u"../x"_s, u"--daily"_s, u"02:00"_s};
    QTest::newRow("percent") << QStringList{u"a%i"_s, u"--daily"_s, u"02:00"_s};
    QTest::newRow("no calendar") << QStringList{u"ok"_s};
    QTest::newRow("both") << QStringList{u"ok"_s,       u"--daily"_s, u"02:00"_s,
                                         u"--weekly"_s, u"Mon"_s,     u"02:00"_s};
    QTest::newRow("bad time") << QStringList{u"ok"_s, u"--daily"_s, u"25:00"_s};
    QTest::newRow("bad day") << QStringList{u"ok"_s, u"--weekly"_s, u"Someday"_s, u"02:00"_s};
    QTest::newRow("no profile") << QStringList{u"ok"_s, u"--daily"_s, u"02:00"_s, u"--profile"_s,
                                               u"Nobody"_s};
}

void TestCliSchedule::badNamesAndCalendarsExitTwo()
{
    QFETCH(QStringList, args);
    QStringList all{u"schedule"_s, u"add"_s};
    all << args;
    if (!args.contains(u"--profile"_s))
        all << u"--profile"_s << u"Demo"_s;
    all << u"--out"_s << home(u"runs"_s);
    const CliRun r = runApp(all);
    QVERIFY2(r.exitCode == 2, r.err.constData());
    QVERIFY(!QDir(unitDir()).exists() || QDir(unitDir()).isEmpty());
}

void TestCliSchedule::overlappingRunIsSkipped()
{
    // The previous run still holds the schedule's lock (this process stands in for it).
    QVERIFY(QDir().mkpath(schedulesDir()));
    QLockFile running(QDir(schedulesDir()).filePath(u"nightly.lock"_s));
    QVERIFY(running.tryLock(0));
    const CliRun r = runApp({u"export"_s, u"--profile"_s, u"Demo"_s, u"--since"_s, u"auto"_s,
                             u"--save-in"_s, home(u"runs"_s), u"--schedule"_s, u"nightly"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, "The previous run of schedule nightly is still running; this run was "
                    "skipped.\n"_ba);
    QVERIFY(kickoffs().isEmpty());
    running.unlock();
    const CliRun after = runApp({u"export"_s, u"--profile"_s, u"Demo"_s, u"--save-in"_s,
                                 home(u"runs"_s), u"--schedule"_s, u"nightly"_s});
    QVERIFY2(after.exitCode == 0, after.err.constData());
}

void TestCliSchedule::lockedKeychainSaysSoInOneSentence()
{
    // A profile whose token is in the keychain, and no keychain to ask: the user is logged out.
    const QString profiles = home(u"profiles.ini"_s);
    {
        fbm::ProfileStore store(profiles);
        fbm::Profile p;
        p.name = u"Locked"_s;
        p.baseUrl = m_server->baseUrl();
        p.auth = fbm::Profile::AuthKind::StaticToken;
        p.allowPrivateNetworks = true;
        QVERIFY(store.save(p).ok());
    }
    QProcessEnvironment e = env();
    e.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + home(u"no-bus"_s));
    const CliRun r =
        m_cli->run({u"export"_s, u"--profile"_s, u"Locked"_s, u"--profiles-file"_s, profiles,
                    u"--save-in"_s, home(u"runs"_s), u"--schedule"_s, u"locked"_s},
                   e);
    QCOMPARE(r.exitCode, 1);
    const QString sentence =
        u"The keychain is locked or holds no secret for profile \"Locked\", so the scheduled "
        "export did not run. Log in or unlock the keyring, run \"loginctl enable-linger\", or "
        "export with a key file readable only by you (see \"Recurring exports\" in the "
        "README)."_s;
    QVERIFY2(QString::fromUtf8(r.err).split(u'\n').contains(sentence), r.err.constData());
    QVERIFY(kickoffs().isEmpty());
    // The window finds it at its next start.
    QFile result(QDir(schedulesDir()).filePath(u"locked.result.json"_s));
    QVERIFY(result.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(result.readAll()).object();
    QCOMPARE(o.value("exitCode"_L1).toInt(), 1);
    QCOMPARE(o.value("message"_L1).toString(), sentence);
    QCOMPARE(o.value("seen"_L1).toBool(), false);
}

QTEST_GUILESS_MAIN(TestCliSchedule)
#include "tst_cli_schedule.moc"
