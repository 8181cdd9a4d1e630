// The Repeat dialog and the Schedules window: a schedule added, listed with its next run and
// removed, on a fake systemctl (and without one: the crontab line); nothing reaches the real
// user's systemd or ~/.config.
#include "jobstore.h"
#include "schedule/schedulelistmodel.h"
#include "schedule/scheduleservice.h"
#include "schedules/schedulecontroller.h"
#include "schedules/scheduledialog.h"
#include "schedules/schedulesdialog.h"
#include "session.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

using namespace Qt::StringLiterals;
using namespace fbm;

class TestSchedules final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void addListAndRemove();
    void withoutUserSessionShowsTheCrontabLine();
    void badNameKeepsScheduleDisabled();
    void runsComeBackToTheWindow();

private:
    [[nodiscard]] std::unique_ptr<ScheduleService> service(const QString &systemctl) const
    {
        return std::make_unique<ScheduleService>(
            ScheduleStore(m_dir->filePath(u"schedules"_s), m_dir->filePath(u"units"_s)),
            UserScheduler(systemctl), QString::fromLocal8Bit(FBM_APP_BINARY));
    }
    [[nodiscard]] QString log() const
    {
        QFile f(m_dir->filePath(u"log"_s));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    /// Fills in the Repeat dialog that \a list opened and accepts it.
    static void fillAndAccept(SchedulesDialog &list, const QString &name)
    {
        auto *dialog = list.findChild<ScheduleDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(u"scheduleName"_s)->setText(name);
        dialog->findChild<QComboBox *>(u"scheduleRepeat"_s)->setCurrentIndex(1);
        dialog->findChild<QComboBox *>(u"scheduleDay"_s)->setCurrentIndex(6);
        dialog->findChild<QTimeEdit *>(u"scheduleTime"_s)->setTime(QTime(3, 15));
        QVERIFY(dialog->findChild<QCheckBox *>(u"scheduleChangesOnly"_s)->isChecked());
        const QString command =
            dialog->findChild<QPlainTextEdit *>(u"scheduleCommand"_s)->toPlainText();
        QVERIFY2(command.contains(u"\"--since\" \"auto\""_s), qPrintable(command));
        QVERIFY2(command.endsWith(u"\"--schedule\" \""_s + name + u'"'), qPrintable(command));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        ok->click();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_fake;
};

void TestSchedules::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSchedules::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_fake = m_dir->filePath(u"systemctl"_s);
    QFile script(m_fake);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho \"$*\" >> '" + m_dir->filePath(u"log"_s).toUtf8() +
                 "'\ncase \"$*\" in *show*) printf 'NextElapseUSecRealtime=@1800000000\\n' ;; "
                 "esac\nexit 0\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void TestSchedules::addListAndRemove()
{
    const auto schedules = service(m_fake);
    SchedulesDialog list(schedules.get(), {u"Region North"_s});
    QAbstractItemModelTester tester(list.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(list.model()->rowCount(), 0);

    Schedule initial;
    initial.profile = u"Region North"_s;
    initial.saveIn = m_dir->filePath(u"runs"_s);
    initial.exportArguments = {u"--type"_s, u"Patient"_s};
    list.add(initial);
    fillAndAccept(list, u"weekly-north"_s);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(list.model()->rowCount(), 1);
    const QAbstractItemModel *m = list.model();
    QCOMPARE(m->index(0, ScheduleListModel::Name).data().toString(), u"weekly-north"_s);
    QCOMPARE(m->index(0, ScheduleListModel::Server).data().toString(), u"Region North"_s);
    QCOMPARE(m->index(0, ScheduleListModel::Repeats).data().toString(),
             u"Every Sunday at 03:15, changes only"_s);
    QCOMPARE(m->index(0, ScheduleListModel::NextRun).data().toString(),
             QLocale().toString(QDateTime::fromSecsSinceEpoch(1800000000).toLocalTime(),
                                QLocale::ShortFormat));
    QCOMPARE(m->index(0, ScheduleListModel::LastRun).data().toString(), u"not run yet"_s);
    QVERIFY2(list.message().startsWith(u"Schedule \"weekly-north\" is on; the next run is at"_s),
             qPrintable(list.message()));
    QVERIFY2(log().contains(u"--user enable --now fhir-bulk-monitor-weekly-north.timer\n"_s),
             qPrintable(log()));
    const std::optional<Schedule> saved = schedules->store().load(u"weekly-north"_s);
    QVERIFY(saved);
    QCOMPARE(saved->onCalendar(), u"Sun *-*-* 03:15:00"_s);
    QCOMPARE(saved->exportArguments, initial.exportArguments);
    QVERIFY(QFile::exists(schedules->store().timerPath(u"weekly-north"_s)));

    // A run ended badly: the list says so.
    ScheduleRun run;
    run.at = QDateTime::currentDateTimeUtc();
    run.exitCode = 1;
    run.message = u"The keychain is locked."_s;
    QVERIFY(!schedules->store().recordRun(u"weekly-north"_s, run));
    list.refresh();
    QVERIFY(m->index(0, ScheduleListModel::LastRun)
                .data()
                .toString()
                .endsWith(u": failed: The keychain is locked."_s));

    list.view()->selectRow(0);
    auto *runNow = list.findChild<QPushButton *>(u"scheduleRunNow"_s);
    QVERIFY(runNow->isEnabled());
    runNow->click();
    QVERIFY2(log().contains(u"--user start --no-block fhir-bulk-monitor-weekly-north.service\n"_s),
             qPrintable(log()));

    list.findChild<QPushButton *>(u"scheduleRemove"_s)->click();
    QCOMPARE(list.model()->rowCount(), 0);
    QVERIFY(log().contains(u"--user disable --now fhir-bulk-monitor-weekly-north.timer\n"_s));
    QVERIFY(!QFile::exists(schedules->store().timerPath(u"weekly-north"_s)));
    QVERIFY(!QFile::exists(schedules->store().servicePath(u"weekly-north"_s)));
    QCOMPARE(list.message(), u"Schedule \"weekly-north\" removed."_s);
}

void TestSchedules::withoutUserSessionShowsTheCrontabLine()
{
    const auto schedules = service(m_dir->filePath(u"no/such/systemctl"_s));
    SchedulesDialog list(schedules.get(), {u"Region North"_s});
    Schedule s;
    s.name = u"nightly"_s;
    s.profile = u"Region North"_s;
    s.saveIn = m_dir->filePath(u"runs"_s);
    s.time = QTime(2, 30);
    list.addSchedule(s);
    QCOMPARE(list.model()->rowCount(), 1);
    QVERIFY2(list.message().contains(u"no systemd user session"_s), qPrintable(list.message()));
    QVERIFY2(list.message().contains(u"\n30 2 * * * '"_s), qPrintable(list.message()));
    QCOMPARE(list.model()->index(0, ScheduleListModel::NextRun).data().toString(), u"not known"_s);
}

void TestSchedules::badNameKeepsScheduleDisabled()
{
    Schedule s;
    s.profile = u"Region North"_s;
    s.saveIn = m_dir->filePath(u"runs"_s);
    ScheduleDialog dialog(s, {u"Region North"_s}, u"/usr/bin/fhir-bulk-monitor"_s);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no name yet
    dialog.findChild<QLineEdit *>(u"scheduleName"_s)->setText(u"every night"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(u"scheduleProblem"_s)->text().contains(u"every night"_s));
    dialog.findChild<QLineEdit *>(u"scheduleName"_s)->setText(u"every-night"_s);
    QVERIFY(ok->isEnabled());
    dialog.findChild<QCheckBox *>(u"scheduleChangesOnly"_s)->setChecked(false);
    QVERIFY(dialog.schedule().full);
    QVERIFY(!dialog.findChild<QPlainTextEdit *>(u"scheduleCommand"_s)
                 ->toPlainText()
                 .contains(u"--since"_s));
}

void TestSchedules::runsComeBackToTheWindow()
{
    SessionOptions options;
    options.jobStoreDirectory = m_dir->filePath(u"store"_s);
    options.profilesPath = m_dir->filePath(u"profiles.ini"_s);
    options.settingsPath = m_dir->filePath(u"ui.ini"_s);
    options.sessionSecrets = true;
    Session session(options);
    (void)session.start();

    // A run of "nightly" saved an export (in the command line's job list); the next one failed.
    auto schedules = service(m_fake);
    Schedule s;
    s.name = u"nightly"_s;
    s.profile = u"Region North"_s;
    s.saveIn = m_dir->filePath(u"runs"_s);
    QVERIFY(!schedules->store().save(s, QString::fromLocal8Bit(FBM_APP_BINARY)));
    const QString cliJobs = ScheduleStore::commandLineJobDirectory(); // in the test's own home
    QDir(cliJobs).removeRecursively();
    ExportJob job;
    job.id = u"3f1c8a52-5d0e-4c55-9d4e-6a1e2b7c9d01"_s;
    job.state = JobState::Saved;
    job.outDir = m_dir->filePath(u"runs/2026-12-07 02.30 System, all types"_s);
    {
        JobStore cli(cliJobs);
        QVERIFY(!cli.save(job));
    }
    ScheduleRun saved;
    saved.at = QDateTime::currentDateTimeUtc().addDays(-1);
    saved.jobId = job.id;
    QVERIFY(!schedules->store().recordRun(s.name, saved));
    ScheduleRun failed;
    failed.at = QDateTime::currentDateTimeUtc();
    failed.exitCode = 1;
    failed.message = u"The keychain is locked."_s;
    QVERIFY(!schedules->store().recordRun(s.name, failed));

    QWidget window;
    ScheduleController controller(
        &session, &window, [] { return QString(); }, [](const QString &) {}, std::move(schedules));
    controller.collectRuns();
    const ExportJob *listed = session.manager()->job(job.id);
    QVERIFY(listed);
    QCOMPARE(listed->state, JobState::Saved);
    auto *box = window.findChild<QMessageBox *>(u"scheduledRunFailedBox"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"Schedule \"nightly\""_s), qPrintable(box->text()));
    QVERIFY(box->text().endsWith(u": The keychain is locked."_s));
    QVERIFY(controller.service()->store().lastRun(s.name)->seen);
    QCOMPARE(controller.service()->store().takenJobs(), QStringList{job.id});
    delete box;

    // Told once, taken once.
    controller.collectRuns();
    QVERIFY(!window.findChild<QMessageBox *>(u"scheduledRunFailedBox"_s));
    QDir(cliJobs).removeRecursively();
}

QTEST_MAIN(TestSchedules)
#include "tst_schedules.moc"
