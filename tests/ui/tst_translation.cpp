// The Danish translation as a Danish user meets it: the language choice, the main window, the
// dialogs, the job states, the command line's messages, and Danish dates and numbers. Loads the
// translations embedded in the widgets library, as the executable does.

#include "aboutdialog.h"
#include "exportjob.h"
#include "helpdialog.h"
#include "i18n.h"
#include "jobtablemodel.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "newexportdialog.h"
#include "profiledialog.h"
#include "reports/reportjobmodel.h"
#include "session.h"

#include <QAction>
#include <QApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

QString menuTitles(const QMainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *a : actions)
        titles << a->text();
    return titles.join(u'|');
}

} // namespace

class TestTranslation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void languageSetting();
    void resolveLocale_data();
    void resolveLocale();
    void englishByDefault();
    void everyDateHasAFourDigitYear();
    void danishFormats();
    void jobStates_data();
    void jobStates();
    void coreMessagesInTheirContexts_data();
    void coreMessagesInTheirContexts();
    void englishPlurals();
    void danishPlurals();
    void mainWindow();
    void dialogs();
    void aboutDialog();
    void guide();
    void languageMenu();
    void qtOwnStrings();
    void commandLineInDanish();
    void exportsFolderKeepsItsLanguage();
    void screenshot();

private:
    QLocale installWith(const QString &language);

    QTemporaryDir m_dir;
};

void TestTranslation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
}

void TestTranslation::cleanup()
{
    removeTranslations(*QCoreApplication::instance());
}

QLocale TestTranslation::installWith(const QString &language)
{
    QSettings settings(m_dir.filePath(u"lang.ini"_s), QSettings::IniFormat);
    setLanguageSetting(settings, language);
    return installTranslations(*QCoreApplication::instance(), &settings);
}

void TestTranslation::exportsFolderKeepsItsLanguage()
{
    // The default folder is named in the language in use, until one exists: then a language
    // switch keeps using it instead of starting a second tree (walkthrough #29).
    QTemporaryDir docs;
    QVERIFY(docs.isValid());
    installWith(u"da"_s);
    QCOMPARE(Session::exportsRoot(docs.path()), QDir(docs.path()).filePath(u"FHIR-eksporter"_s));
    removeTranslations(*QCoreApplication::instance());
    installWith(u"en"_s);
    QCOMPARE(Session::exportsRoot(docs.path()), QDir(docs.path()).filePath(u"FHIR exports"_s));
    QVERIFY(QDir(docs.path()).mkdir(u"FHIR exports"_s));
    removeTranslations(*QCoreApplication::instance());
    installWith(u"da"_s);
    QCOMPARE(Session::exportsRoot(docs.path()), QDir(docs.path()).filePath(u"FHIR exports"_s));
    // Its own language's folder wins when both exist.
    QVERIFY(QDir(docs.path()).mkdir(u"FHIR-eksporter"_s));
    QCOMPARE(Session::exportsRoot(docs.path()), QDir(docs.path()).filePath(u"FHIR-eksporter"_s));
}

void TestTranslation::languageSetting()
{
    QSettings settings(m_dir.filePath(u"setting.ini"_s), QSettings::IniFormat);
    QCOMPARE(fbm::languageSetting(settings), u"system"_s);
    setLanguageSetting(settings, u"da"_s);
    QCOMPARE(settings.value(u"language"_s).toString(), u"da"_s);
    QCOMPARE(fbm::languageSetting(settings), u"da"_s);
    // A value from a newer version, or a typo in the file, reads as the system's language.
    settings.setValue(u"language"_s, u"fr"_s);
    QCOMPARE(fbm::languageSetting(settings), u"system"_s);
    setLanguageSetting(settings, u"system"_s);
    QVERIFY(!settings.contains(u"language"_s));
}

void TestTranslation::resolveLocale_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");

    QTest::newRow("system Danish") << u"system"_s << u"da_DK"_s << u"da_DK"_s;
    QTest::newRow("system Greenland Danish") << u"system"_s << u"da_GL"_s << u"da_GL"_s;
    QTest::newRow("system American") << u"system"_s << u"en_US"_s << u"en_US"_s;
    QTest::newRow("system British") << u"system"_s << u"en_GB"_s << u"en_GB"_s;
    QTest::newRow("system German: English") << u"system"_s << u"de_DE"_s << u"en_DE"_s;
    QTest::newRow("system C: English") << u"system"_s << u"C"_s << u"en_US"_s;
    QTest::newRow("chosen Danish on English") << u"da"_s << u"en_US"_s << u"da_DK"_s;
    QTest::newRow("chosen English on Danish") << u"en"_s << u"da_DK"_s << u"en_DK"_s;
    QTest::newRow("chosen English on English") << u"en"_s << u"en_GB"_s << u"en_GB"_s;
}

void TestTranslation::resolveLocale()
{
    QFETCH(QString, setting);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(fbm::resolveLocale(setting, QLocale(system)).name(), expected);
}

void TestTranslation::englishByDefault()
{
    const QLocale locale = installWith(u"en"_s);
    QCOMPARE(locale.language(), QLocale::English);
    QCOMPARE(jobStateText(JobState::Downloading), u"Downloading"_s);
    QCOMPARE(QLocale().language(), QLocale::English);
}

void TestTranslation::everyDateHasAFourDigitYear()
{
    // American English's short date has a two-digit year ("12/7/26"), which the date editors
    // did not use: every date on screen now has one form.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QDateTime when(QDate(2026, 12, 7), QTime(0, 1, 6));
    const QString text = formatDateTimeSeconds(when);
    QLocale::setDefault(before);
    QVERIFY2(text.startsWith("12/7/2026 12:01:06"_L1), qPrintable(text));
}

void TestTranslation::danishFormats()
{
    const QLocale locale = installWith(u"da"_s);
    QCOMPARE(locale.name(), u"da_DK"_s);
    QCOMPARE(QLocale().name(), u"da_DK"_s);
    QCOMPARE(QLocale().toString(12030), u"12.030"_s);
    const QDateTime when(QDate(2026, 11, 22), QTime(10, 15, 9));
    QCOMPARE(formatDateTime(when), u"22.11.2026 10:15"_s);
    QCOMPARE(formatDateTimeSeconds(when), u"22.11.2026 10:15:09"_s);
    QCOMPARE(formatTime(when.time()), u"10:15"_s);
    QCOMPARE(formatTime(when.time(), true), u"10:15:09"_s);
    // The job list's Started column uses the same style.
    JobManager manager(nullptr);
    JobTableModel model(&manager);
    ExportJob job;
    job.id = u"formats"_s;
    job.state = JobState::Saved;
    job.createdAt = when.toUTC();
    job.finishedAt = when.toUTC();
    manager.adopt(job);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, JobTableModel::Started).data().toString(), u"22.11.2026 10:15"_s);
    QVERIFY2(model.index(0, JobTableModel::Elapsed)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(u"22.11.2026 10:15:09"_s),
             qPrintable(model.index(0, JobTableModel::Elapsed).data(Qt::ToolTipRole).toString()));

    installWith(u"en"_s);
    QCOMPARE(QLocale().toString(12030), u"12,030"_s);
}

void TestTranslation::jobStates_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("danish");

    QTest::newRow("starting") << int(JobState::Starting) << u"Starter"_s;
    QTest::newRow("running") << int(JobState::Running) << u"Kører"_s;
    QTest::newRow("completed") << int(JobState::Completed) << u"Klar til hentning"_s;
    QTest::newRow("downloading") << int(JobState::Downloading) << u"Henter filer"_s;
    QTest::newRow("saved") << int(JobState::Saved) << u"Gemt"_s;
    QTest::newRow("failed") << int(JobState::Failed) << u"Mislykkedes"_s;
    QTest::newRow("cancelled") << int(JobState::Cancelled) << u"Annulleret"_s;
    QTest::newRow("expired") << int(JobState::Expired) << u"Udløbet"_s;
}

void TestTranslation::jobStates()
{
    QFETCH(int, state);
    QFETCH(QString, danish);
    installWith(u"da"_s);
    QCOMPARE(jobStateText(JobState(state)), danish);
}

void TestTranslation::coreMessagesInTheirContexts_data()
{
    // The contexts the core asks for at run time: several files translate through a file-local
    // tr() helper whose context lupdate cannot see (tools/fbm-ts.py puts them right).
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("danish");

    QTest::newRow("auth factory helper")
        << "fbm::AuthFactory"_ba
        << "The profile has no token."_ba << u"Profilen har intet token."_s;
    QTest::newRow("http client helper")
        << "fbm::HttpClient"_ba
        << "The server %1 did not answer in time."_ba << u"Serveren %1 svarede ikke i tide."_s;
    QTest::newRow("cli helper") << "fbm::cli"_ba
                                << "Give exactly one status URL."_ba
                                << u"Angiv præcis én status-URL."_s;
    QTest::newRow("cli helper in a class")
        << "fbm::cli"_ba
        << "The server had nothing to export."_ba << u"Serveren havde intet at eksportere."_s;
    QTest::newRow("job store helper")
        << "fbm::JobStore"_ba
        << "not a job this version understands"_ba << u"ikke et job, som denne version forstår"_s;
    QTest::newRow("explicit context") << "fbm::JobState"_ba
                                      << "Expired"_ba << u"Udløbet"_s;
}

void TestTranslation::coreMessagesInTheirContexts()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, danish);
    installWith(u"da"_s);
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), danish);
}

void TestTranslation::englishPlurals()
{
    installWith(u"en"_s);
    QCOMPARE(QCoreApplication::translate("fbm::cli", "Done: %n file(s) saved in %1", nullptr, 1)
                 .arg(u"out"_s),
             u"Done: 1 file saved in out"_s);
    QCOMPARE(QCoreApplication::translate("fbm::cli", "Done: %n file(s) saved in %1", nullptr, 3)
                 .arg(u"out"_s),
             u"Done: 3 files saved in out"_s);
}

void TestTranslation::danishPlurals()
{
    installWith(u"da"_s);
    QCOMPARE(QCoreApplication::translate("fbm::cli", "Done: %n file(s) saved in %1", nullptr, 1)
                 .arg(u"ud"_s),
             u"Færdig: 1 fil gemt i ud"_s);
    QCOMPARE(QCoreApplication::translate("fbm::cli", "Done: %n file(s) saved in %1", nullptr, 12030)
                 .arg(u"ud"_s),
             u"Færdig: 12.030 filer gemt i ud"_s);
}

void TestTranslation::mainWindow()
{
    installWith(u"da"_s);
    SessionOptions options;
    options.jobStoreDirectory = m_dir.filePath(u"store"_s);
    options.profilesPath = m_dir.filePath(u"profiles.ini"_s);
    options.settingsPath = m_dir.filePath(u"ui.ini"_s);
    options.sessionSecrets = true;
    Session app(options);
    app.start();
    MainWindow window(&app);
    window.show();

    QCOMPARE(menuTitles(window), u"&Filer|&Eksport|&Servere|S&prog|&Hjælp"_s);
    const auto action = [&window](const QString &name) {
        const auto *a = window.findChild<QAction *>(name);
        return a ? a->text() : u"(missing %1)"_s.arg(name);
    };
    QCOMPARE(action(u"newExportAction"_s), u"&Ny eksport…"_s);
    QCOMPARE(action(u"cancelAction"_s), u"&Annuller eksport"_s);
    QCOMPARE(action(u"retryAction"_s), u"&Prøv igen"_s);
    QCOMPARE(action(u"openFolderAction"_s), u"&Åbn mappe"_s);
    QCOMPARE(action(u"removeAction"_s), u"Fjern fra &listen"_s);
    QCOMPARE(action(u"copyCurlAction"_s), u"Kopiér som &curl-kommando"_s);

    const QAbstractItemModel *model = window.jobModel();
    QStringList headers;
    for (int c = 0; c < model->columnCount(); ++c)
        headers << model->headerData(c, Qt::Horizontal).toString();
    QVERIFY2(headers.contains(u"Tilstand"_s), qPrintable(headers.join(u", "_s)));
    QVERIFY2(headers.contains(u"Serveren svarer"_s), qPrintable(headers.join(u", "_s)));
    QVERIFY2(headers.contains(u"Næste kontrol"_s), qPrintable(headers.join(u", "_s)));

    const auto *keychain = window.findChild<QLabel *>(u"keychainState"_s);
    QVERIFY(keychain);
    QCOMPARE(keychain->text(), u"Hemmeligheder gemmes, til du afslutter"_s);

    ReportJobModel reports;
    QCOMPARE(reports.headerData(ReportJobModel::RunTimeColumn, Qt::Horizontal).toString(),
             u"Kørselstid"_s);
}

void TestTranslation::dialogs()
{
    installWith(u"da"_s);
    QNetworkAccessManager nam;
    ProfileDialog profile(Profile(), nullptr, &nam);
    QCOMPARE(profile.windowTitle(), u"Ny serverprofil"_s);

    Profile p;
    p.id = u"p"_s;
    p.name = u"Demo"_s;
    p.baseUrl = QUrl(u"http://127.0.0.1:1/fhir"_s);
    NewExportDialog newExport({p}, u"p"_s, nullptr, {});
    QCOMPARE(newExport.windowTitle(), u"Ny eksport"_s);
    const QList<QPushButton *> buttons = newExport.findChildren<QPushButton *>();
    QStringList texts;
    for (const QPushButton *b : buttons)
        texts << b->text();
    QVERIFY2(texts.contains(u"Start e&ksport"_s), qPrintable(texts.join(u", "_s)));
    // The since/until editors show dates like every other date: 22.11.2026 10:15.
    QCOMPARE(newExport.findChild<QDateTimeEdit *>(u"sinceEdit"_s)->displayFormat(),
             u"dd.MM.yyyy HH:mm"_s);
}

void TestTranslation::aboutDialog()
{
    installWith(u"da"_s);
    AboutDialog about;
    QCOMPARE(about.windowTitle(), u"Om FHIR Bulk Monitor"_s);
    const auto text = [&about](const QString &name) {
        const auto *label = about.findChild<QLabel *>(name);
        return label ? label->text() : QString();
    };
    QVERIFY2(text(u"aboutTitle"_s).contains(u"FHIR Bulk Monitor 0.1.0"_s),
             qPrintable(text(u"aboutTitle"_s)));
    QVERIFY2(text(u"aboutLicense"_s).contains(u"GNU General Public License"_s),
             qPrintable(text(u"aboutLicense"_s)));
    QVERIFY(text(u"aboutLicense"_s).contains(u"fri software"_s));
    const QString versions = text(u"aboutVersions"_s);
    QVERIFY2(versions.contains(u"Qt "_s + QString::fromLatin1(qVersion())), qPrintable(versions));
    QVERIFY2(versions.contains(u"QtKeychain 0.13"_s), qPrintable(versions));
    QVERIFY2(versions.contains(u"bygget med"_s), qPrintable(versions));
    QCOMPARE(AboutDialog::version(), u"0.1.0"_s);
}

void TestTranslation::guide()
{
    installWith(u"da"_s);
    SessionOptions options;
    options.jobStoreDirectory = m_dir.filePath(u"guide-store"_s);
    options.profilesPath = m_dir.filePath(u"guide-profiles.ini"_s);
    options.settingsPath = m_dir.filePath(u"guide-ui.ini"_s);
    options.sessionSecrets = true;
    Session app(options);
    app.start();
    MainWindow window(&app);
    auto *action = window.findChild<QAction *>(u"guideAction"_s);
    QVERIFY(action);
    QCOMPARE(action->text(), u"&Vejledning"_s);
    action->trigger();
    auto *dialog = window.findChild<HelpDialog *>(u"helpDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), u"Vejledning til FHIR Bulk Monitor"_s);
    const QString text = dialog->browser()->toPlainText();
    for (const QString &heading :
         {u"Hvad er en eksport?"_s, u"Hvad skal eksporteres: system, Patient eller Group"_s,
          u"Hvad tilstandene betyder"_s, u"Hvor filerne havner"_s, u"Når filerne udløber"_s,
          u"Annuller, prøv igen og kør igen"_s, u"Når du afslutter og starter igen"_s})
        QVERIFY2(text.contains(heading), qPrintable(heading));
    // The states by the names the table uses, and the Danish folder name.
    for (const QString &state :
         {u"Starter"_s, u"Kører"_s, u"Klar til hentning"_s, u"Henter filer"_s, u"Gemt"_s,
          u"Mislykkedes"_s, u"Annulleret"_s, u"Udløbet"_s})
        QVERIFY2(text.contains(state), qPrintable(state));
    QVERIFY(text.contains(u"FHIR-eksporter"_s));
    // The empty list's words too.
    QVERIFY2(window.jobView()->accessibleDescription().startsWith(u"Ingen eksporter endnu"_s),
             qPrintable(window.jobView()->accessibleDescription()));
}

void TestTranslation::languageMenu()
{
    installWith(u"da"_s);
    const QString path = m_dir.filePath(u"menu.ini"_s);
    LanguageMenu menu(path);
    QCOMPARE(menu.title(), u"S&prog"_s); // &S is the Servers menu (Servere)
    QCOMPARE(menu.currentLanguage(), u"system"_s);
    auto *note = menu.findChild<QAction *>(u"languageNote"_s);
    QVERIFY(note);
    QCOMPARE(note->text(), u"Træder i kraft efter en genstart"_s);
    QVERIFY(!note->isEnabled());

    QStringList chosen;
    connect(&menu, &LanguageMenu::languageChosen, this,
            [&chosen](const QString &language) { chosen << language; });
    auto *danish = menu.findChild<QAction *>(u"language_da"_s);
    QVERIFY(danish);
    QCOMPARE(danish->text(), u"Dansk"_s);
    danish->trigger();
    QCOMPARE(chosen, QStringList{u"da"_s});
    QCOMPARE(menu.currentLanguage(), u"da"_s);
    {
        const QSettings stored(path, QSettings::IniFormat);
        QCOMPARE(stored.value(u"language"_s).toString(), u"da"_s);
    }
    // Choosing it again changes nothing and says nothing.
    danish->trigger();
    QCOMPARE(chosen.size(), 1);

    menu.findChild<QAction *>(u"language_system"_s)->trigger();
    const QSettings stored(path, QSettings::IniFormat);
    QVERIFY(!stored.contains(u"language"_s));
    // A new menu shows what is stored.
    LanguageMenu again(path);
    QCOMPARE(again.currentLanguage(), u"system"_s);
}

void TestTranslation::qtOwnStrings()
{
    const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_da.qm"_s;
    if (!QFile::exists(qtbase))
        QSKIP("Qt's Danish translations are not installed (qt6-translations-l10n)");
    installWith(u"da"_s);
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    const QString cancel = box.button(QDialogButtonBox::Cancel)->text();
    QVERIFY2(cancel.contains(u"Annuller"_s), qPrintable(cancel));
}

void TestTranslation::commandLineInDanish()
{
    // The program's own start-up: nothing installed by this test process helps it.

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"LC_ALL"_s);
    env.remove(u"LC_MESSAGES"_s);
    env.insert(u"LANGUAGE"_s, u"da"_s);
    env.insert(u"LANG"_s, u"da_DK.UTF-8"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FBM_APP_BINARY), {u"cancel"_s});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(u"Angiv præcis én status-URL."_s), qPrintable(err));
    QVERIFY2(err.contains(u"Annuller en eksport på serveren"_s), qPrintable(err));
}

void TestTranslation::screenshot()
{
    // The README's picture of the Danish main window on the demo server, as `--demo` shows it
    // after a few exports. Run under xvfb-run with FBM_SCREENSHOT_DIR set.
    const QString out = qEnvironmentVariable("FBM_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("Set FBM_SCREENSHOT_DIR to write the README's Danish main window screenshot.");
    QDir().mkpath(out);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    installWith(u"da"_s);
    SessionOptions options;
    options.jobStoreDirectory = m_dir.filePath(u"shot-store"_s);
    options.profilesPath = m_dir.filePath(u"shot-profiles.ini"_s);
    options.settingsPath = m_dir.filePath(u"shot-ui.ini"_s);
    options.sessionSecrets = true;
    options.demo = true;
    Session app(options);
    app.start();
    MainWindow window(&app);
    window.resize(1400, 900);
    window.show();
    const std::optional<Profile> demo = app.profile(Session::demoProfileId());
    QVERIFY(demo);

    const auto start = [&](ExportLevel level, const QStringList &types, const QString &folder) {
        ExportRequest r;
        r.base = demo->baseUrl;
        r.level = level;
        r.types = types;
        JobOptions o = app.defaultJobOptions(*demo);
        o.outDir = m_dir.filePath(folder);
        const Result<QString> id = window.startExport(r, o);
        return id.ok() ? id.value() : QString();
    };
    const QString saved = start(ExportLevel::System, {}, u"shot-1"_s);
    QVERIFY(!saved.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(int(app.manager()->job(saved)->state), int(JobState::Saved), 120000);
    const QString patients =
        start(ExportLevel::Patient, {u"Patient"_s, u"Observation"_s}, u"shot-2"_s);
    const QString conditions = start(ExportLevel::System, {u"Condition"_s}, u"shot-3"_s);
    // A few polls, so that the running rows show the server's progress.
    const auto showsProgress = [&app](const QString &id) {
        const ExportJob *j = app.manager()->job(id);
        return j && j->pollCount >= 2 && !j->progressText.isEmpty();
    };
    QTRY_VERIFY_WITH_TIMEOUT(showsProgress(patients) && showsProgress(conditions), 120000);
    window.selectJob(saved);
    QTRY_COMPARE(window.currentJobId(), saved);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.grab().save(out + u"/main-window-da.png"_s));
    AboutDialog about(&window);
    about.show();
    QVERIFY(QTest::qWaitForWindowExposed(&about));
    QVERIFY(about.grab().save(out + u"/about-da.png"_s));
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
