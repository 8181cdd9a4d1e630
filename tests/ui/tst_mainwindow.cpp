// The desktop window driven as a user would, against the simulated bulk server over real HTTP,
// with real files, on the offscreen platform.
#include "auth/profile.h"
#include "faultybulkserver.h"
#include "focusring.h"
#include "reportjobsview.h"
#include "reports/reportjobmodel.h"
#include "servedfiles.h"
#include "session.h"

#include "helpdialog.h"
#include "jobactivitymodel.h"
#include "jobmanager.h"
#include "jobspanel.h"
#include "jobtablemodel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "placeholdertableview.h"
#include <QStackedWidget>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using namespace fbm;
namespace served = fbm::test::served;

namespace {

QList<demo::ServedFile> smallFiles()
{
    return {
        served::ndjson(u"Patient"_s, served::twoPatients()),
        served::generated(u"Observation"_s, 30),
        served::errors(served::outcome("warning", "processing", "Observation o7 has no subject"))};
}

/// The text of a cell of a view's model.
QString cellOf(const QAbstractItemView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

/// Seconds in "in 0:07" (or -1).
int countdownSeconds(const QString &text)
{
    static const QRegularExpression re(u"(\\d+):(\\d\\d)$"_s);
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() ? m.captured(1).toInt() * 60 + m.captured(2).toInt() : -1;
}

/// The server, the folders and the application objects, rebuilt at will like a restart.
struct Gui
{
    Gui()
    {
        server.setFiles(smallFiles());
        server.listen();
        options.jobStoreDirectory = dir.filePath(u"store"_s);
        options.profilesPath = dir.filePath(u"profiles.ini"_s);
        options.settingsPath = dir.filePath(u"ui.ini"_s);
        options.sessionSecrets = true;
        open();
    }
    ~Gui() { close(); }

    void open()
    {
        app = std::make_unique<Session>(options);
        problems = app->start();
        window = std::make_unique<MainWindow>(app.get());
        window->setUrlOpener([this](const QUrl &url) {
            opened << url;
            return true;
        });
        window->show();
    }
    void close()
    {
        window.reset();
        app.reset();
    }
    void restart()
    {
        close();
        open();
    }

    void setScript(int polls, int retryAfter, bool autoExpire = false)
    {
        demo::Script s;
        s.pollsBeforeDone = polls;
        s.retryAfterSeconds = retryAfter;
        s.progressTexts = {u"Search in progress - found 954 of 1,000 resources"_s};
        if (autoExpire)
            s.expiresInSeconds = 600;
        server.setScript(s);
    }

    Profile saveProfile(const QString &name)
    {
        Profile p;
        p.name = name;
        p.baseUrl = server.baseUrl();
        const Result<Profile> saved = app->profileStore()->save(p);
        return saved.ok() ? saved.value() : Profile{};
    }

    QString startDirect(const Profile &p, const QString &folder, bool autoDownload = true)
    {
        ExportRequest r;
        r.base = p.baseUrl;
        JobOptions o;
        o.profileId = p.id;
        o.serverName = p.name;
        o.outDir = dir.filePath(folder);
        o.autoDownload = autoDownload;
        const Result<QString> id = window->startExport(r, o);
        return id.ok() ? id.value() : QString();
    }

    [[nodiscard]] JobManager *manager() const { return app->manager(); }
    [[nodiscard]] const ExportJob *job(const QString &id) const { return manager()->job(id); }
    [[nodiscard]] QString cellText(const QString &id, int column) const
    {
        const JobTableModel *m = window->jobModel();
        return m->index(m->rowOf(id), column).data().toString();
    }
    template<typename T> T *child(const QString &name) const
    {
        return window->findChild<T *>(name);
    }
    /// The confirmation box the window has open, or null.
    [[nodiscard]] QMessageBox *confirmBox() const
    {
        auto *box = window->findChild<QMessageBox *>(u"confirmBox"_s);
        return box && box->isVisible() ? box : nullptr;
    }
    /// Answers the open confirmation box with its accept button.
    void confirm() const
    {
        if (QMessageBox *box = confirmBox())
            box->findChild<QPushButton *>(u"confirmButton"_s)->click();
    }

    QTemporaryDir dir;
    test::FaultyBulkServer server;
    SessionOptions options;
    std::unique_ptr<Session> app;
    std::unique_ptr<MainWindow> window;
    QStringList problems;
    QList<QUrl> opened;
};

/// The application in demo mode, everything it keeps inside dir.
SessionOptions demoOptions(const QTemporaryDir &dir)
{
    SessionOptions options;
    options.jobStoreDirectory = dir.filePath(u"store"_s);
    options.profilesPath = dir.filePath(u"profiles.ini"_s);
    options.settingsPath = dir.filePath(u"ui.ini"_s);
    options.sessionSecrets = true;
    options.demo = true;
    return options;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void profileAndExportThroughTheDialogs();
    void cancelAnotherJobAndRestart();
    void aRefusedCancelIsSaid();
    void runAgainSendsTheSameRequest();
    void detailsPaneFilesResourcesActivity();
    void doubleClickOpensTheFolderOfASavedJob();
    void doneIsSaidWithItsNextStep();
    void aRefusedRequestIsOfferedLeniently();
    void filterAndProfileSelection();
    void expiryWarningAndDownloadOnRequest();
    void layoutPersists();
    void demoModeOffersTheDemoServer();
    void demoExportsEndWithTheProgram();
    void tabLeavesTheJobTable();
    void aSmallScreenNeedsNoSidewaysScrolling();
    void focusIsVisibleOnLists();
    void toolbarTooltipsNameTheirKeys();
    void demoProfilesSayWhyTheyCannotBeEdited();
    void emptyTableSaysWhatToDo();
    void guideOpensWithF1();
    void quittingWhileExportsRunAsks();
    void quittingSaysDemoExportsEnd();
    void retryStartsAnEndedDemoExportAgain();
    void retryOfAnEndedDemoExportWithoutDemoSaysWhy();
    void restartShowsExportsRunningElsewhere();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::profileAndExportThroughTheDialogs()
{
    Gui gui;
    QVERIFY(gui.problems.isEmpty());
    gui.setScript(3, 2);
    QSignalSpy notified(gui.window.get(), &MainWindow::notified);

    // Add a server through the profile dialog.
    auto *add = gui.child<QPushButton>(u"addProfileButton"_s);
    QVERIFY(add);
    add->click();
    QDialog *profileDialog = nullptr;
    QTRY_VERIFY((profileDialog = gui.window->findChild<QDialog *>(u"profileDialog"_s)));
    QTRY_VERIFY(profileDialog->isVisible());
    auto *name = profileDialog->findChild<QLineEdit *>(u"nameEdit"_s);
    auto *url = profileDialog->findChild<QLineEdit *>(u"baseUrlEdit"_s);
    QVERIFY(name && url);
    name->setText(u"Local test server"_s);
    url->setText(gui.server.baseUrl().toString());
    profileDialog->accept();
    QTRY_COMPARE(gui.app->profileStore()->profiles().size(), 1);
    const Profile profile = gui.app->profileStore()->profiles().constFirst();
    QCOMPARE(profile.name, u"Local test server"_s);
    auto *list = gui.child<QListWidget>(u"profileList"_s);
    QTRY_COMPARE(list->count(), 2); // "All servers" and the new one
    QCOMPARE(gui.window->selectedProfileId(), profile.id);

    // Start an export through the New export dialog.
    const QString out = gui.dir.filePath(u"first export"_s);
    gui.child<QAction>(u"newExportAction"_s)->trigger();
    QDialog *exportDialog = nullptr;
    QTRY_VERIFY((exportDialog = gui.window->findChild<QDialog *>(u"newExportDialog"_s)));
    QTRY_VERIFY(exportDialog->isVisible());
    auto *folder = exportDialog->findChild<QLineEdit *>(u"outputDirEdit"_s);
    QVERIFY(folder);
    folder->setText(out);
    auto *buttons = exportDialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
    QVERIFY(buttons);
    QTRY_VERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    // The dialog says which folder, of its own, inside the one chosen.
    const QString shown = exportDialog->findChild<QLabel *>(u"filesGoToLabel"_s)->text();
    buttons->button(QDialogButtonBox::Ok)->click();

    const JobTableModel *model = gui.window->jobModel();
    QTRY_COMPARE(model->rowCount(), 1);
    const QString id = model->jobId(0);
    QCOMPARE(gui.window->currentJobId(), id); // the new row is selected
    QCOMPARE(gui.job(id)->profileId, profile.id);
    QCOMPARE(gui.cellText(id, JobTableModel::Server), u"Local test server"_s);
    const QString firstDir = gui.job(id)->outDir;
    QVERIFY2(firstDir.startsWith(out + u'/'), qPrintable(firstDir));
    QVERIFY2(firstDir.endsWith(u" System, all types"_s), qPrintable(firstDir));
    QCOMPARE(shown, u"Files go to: "_s + QDir::toNativeSeparators(firstDir));

    // Running, with the server's words verbatim and a countdown that goes down.
    QTRY_COMPARE(gui.cellText(id, JobTableModel::State), u"Running"_s);
    QTRY_COMPARE(gui.cellText(id, JobTableModel::ServerSays),
                 u"Search in progress - found 954 of 1,000 resources"_s);
    // Under the "Next check" header the cell says only when; the details say what.
    QTRY_VERIFY(gui.cellText(id, JobTableModel::NextCheck).startsWith(u"in "_s));
    gui.window->selectJob(id);
    QTRY_VERIFY(gui.child<QLabel>(u"detail-state"_s)
                    ->text()
                    .startsWith(u"Running \u00b7 next check in "_s));
    const int first = countdownSeconds(gui.cellText(id, JobTableModel::NextCheck));
    QVERIFY(first >= 1);
    QTRY_VERIFY(countdownSeconds(gui.cellText(id, JobTableModel::NextCheck)) >= 0 &&
                countdownSeconds(gui.cellText(id, JobTableModel::NextCheck)) < first);
    QVERIFY(gui.window->statusText().contains(u"1 running"_s));
    QVERIFY(gui.window->statusText().contains(u"next check in"_s));

    // Saved, with the files in the folder.
    QTRY_COMPARE_WITH_TIMEOUT(gui.cellText(id, JobTableModel::State), u"Saved"_s, 20000);
    QCOMPARE(gui.cellText(id, JobTableModel::Files), u"3 / 3"_s);
    QVERIFY(QFile::exists(QDir(firstDir).filePath(u"Patient.1.ndjson"_s)));
    QVERIFY(QFile::exists(QDir(firstDir).filePath(u"Observation.1.ndjson"_s)));
    QVERIFY(QFile::exists(QDir(firstDir).filePath(u"errors/OperationOutcome.1.ndjson"_s)));
    QTRY_VERIFY(!notified.isEmpty());
    QVERIFY(notified.constLast().at(0).toString().startsWith(u"Export saved: "_s));
    QTRY_COMPARE(gui.window->statusText(), u"Nothing running."_s);

    // The same folder again: this export goes into a folder of its own too, never over the
    // first one's files (the same minute: " (2)").
    gui.setScript(0, 1);
    gui.child<QAction>(u"newExportAction"_s)->trigger();
    QTRY_VERIFY((exportDialog = gui.window->findChild<QDialog *>(u"newExportDialog"_s)) &&
                exportDialog->isVisible());
    exportDialog->findChild<QLineEdit *>(u"outputDirEdit"_s)->setText(out);
    buttons = exportDialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
    QTRY_VERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    buttons->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(model->rowCount(), 2);
    const QString second = gui.window->currentJobId();
    QVERIFY(second != id);
    const QString secondDir = gui.job(second)->outDir;
    QVERIFY2(secondDir.startsWith(out + u'/') && secondDir != firstDir, qPrintable(secondDir));
    QTRY_COMPARE_WITH_TIMEOUT(gui.cellText(second, JobTableModel::State), u"Saved"_s, 20000);
    QVERIFY(QFile::exists(QDir(secondDir).filePath(u"Patient.1.ndjson"_s)));
}

void TestMainWindow::cancelAnotherJobAndRestart()
{
    Gui gui;
    const Profile p = gui.saveProfile(u"Server A"_s);
    QVERIFY(!p.id.isEmpty());
    gui.setScript(1, 1);
    const QString done = gui.startDirect(p, u"done"_s);
    QVERIFY(!done.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(gui.cellText(done, JobTableModel::State), u"Saved"_s, 15000);

    gui.setScript(20, 30);
    const QString running = gui.startDirect(p, u"running"_s);
    QTRY_VERIFY(gui.job(running)->isWaitingForPoll());
    const QString serverJob = gui.server.lastJobId();
    QCOMPARE(gui.window->currentJobId(), running);
    auto *cancel = gui.child<QAction>(u"cancelAction"_s);
    QVERIFY(cancel->isEnabled());
    cancel->trigger();
    QTRY_VERIFY(gui.confirmBox());
    gui.confirm();
    QTRY_COMPARE(gui.cellText(running, JobTableModel::State), u"Cancelled"_s);
    QVERIFY(gui.server.jobCancelled(serverJob));
    QVERIFY(!cancel->isEnabled());

    // A third one keeps running across the restart.
    const QString live = gui.startDirect(p, u"live"_s);
    QTRY_VERIFY(gui.job(live)->isWaitingForPoll());
    const QByteArray layout = gui.window->jobView()->horizontalHeader()->saveState();

    gui.restart();
    const JobTableModel *model = gui.window->jobModel();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(gui.cellText(done, JobTableModel::State), u"Saved"_s);
    QCOMPARE(gui.cellText(done, JobTableModel::Files), u"3 / 3"_s);
    QCOMPARE(gui.cellText(running, JobTableModel::State), u"Cancelled"_s);
    QCOMPARE(gui.cellText(live, JobTableModel::State), u"Running"_s);
    QVERIFY(gui.cellText(live, JobTableModel::NextCheck).startsWith(u"in "_s));
    QCOMPARE(gui.window->jobView()->horizontalHeader()->saveState(), layout);
    // It still follows the live one: cancel it from the new window.
    gui.window->selectJob(live);
    QCOMPARE(gui.window->currentJobId(), live);
    gui.child<QAction>(u"cancelAction"_s)->trigger();
    QTRY_VERIFY(gui.confirmBox());
    gui.confirm();
    QTRY_COMPARE(gui.cellText(live, JobTableModel::State), u"Cancelled"_s);
}

void TestMainWindow::detailsPaneFilesResourcesActivity()
{
    Gui gui;
    const Profile p = gui.saveProfile(u"Server B"_s);
    gui.setScript(1, 1);
    const QString id = gui.startDirect(p, u"details"_s);
    QTRY_COMPARE_WITH_TIMEOUT(gui.cellText(id, JobTableModel::State), u"Saved"_s, 15000);
    gui.window->selectJob(id);
    const ExportJob *j = gui.job(id);

    auto *status = gui.child<QLineEdit>(u"detail-status"_s);
    QVERIFY(status);
    QCOMPARE(status->text(), j->statusUrl.toString());
    // The raw addresses are a technician's: hidden until asked for (walkthrough #12).
    auto *technical = gui.child<QToolButton>(u"technicalDetailsToggle"_s);
    QVERIFY(status->isHidden());
    QVERIFY(gui.child<QLineEdit>(u"detail-request"_s)->isHidden());
    technical->click();
    QVERIFY(!status->isHidden());
    QVERIFY(!gui.child<QLineEdit>(u"detail-request"_s)->isHidden());
    QCOMPARE(gui.child<QLineEdit>(u"detail-request"_s)->text(), j->kickoffUrl.toString());
    QVERIFY(!gui.child<QLabel>(u"detail-transaction"_s)->text().isEmpty());
    QVERIFY(gui.child<QLabel>(u"detail-folder"_s)->text().contains(u"details"_s));

    // The error file's OperationOutcome, rendered (read off the GUI thread).
    auto *issues = gui.child<QTreeView>(u"issuesList"_s);
    QTRY_COMPARE(issues->model()->rowCount(), 1);
    QCOMPARE(cellOf(issues, 0, 0), u"warning"_s);
    QCOMPARE(cellOf(issues, 0, 1), u"processing"_s);
    QCOMPARE(cellOf(issues, 0, 2), u"Observation o7 has no subject"_s);
    QVERIFY(!issues->model()->index(0, 0).data(Qt::DecorationRole).isNull());

    auto *files = gui.child<QTableView>(u"filesTable"_s);
    QCOMPARE(files->model()->rowCount(), 3);
    QCOMPARE(cellOf(files, 0, 0), u"Patient.1.ndjson"_s);
    QCOMPARE(cellOf(files, 0, 2), u"Saved"_s);
    QCOMPARE(cellOf(files, 0, 3), u"100 %"_s);
    QCOMPARE(cellOf(files, 0, 4), u"2 of 2"_s);
    QCOMPARE(cellOf(files, 1, 4), u"30 of 30"_s);
    // The progress bar delegate paints without trouble.
    gui.child<QTabWidget>(u"detailsTabs"_s)->setCurrentIndex(1);
    QVERIFY(!files->grab().isNull());

    auto *resources = gui.child<QTableView>(u"resourcesTable"_s);
    QCOMPARE(resources->model()->rowCount(), 3);
    QCOMPARE(cellOf(resources, 0, 0), u"Patient"_s);
    QCOMPARE(cellOf(resources, 0, 2), u"2"_s);
    QCOMPARE(cellOf(resources, 1, 0), u"Observation"_s);
    QCOMPARE(cellOf(resources, 1, 2), u"30"_s);

    auto *activity = gui.child<QTreeView>(u"activityList"_s);
    QCOMPARE(activity->model()->rowCount(), int(j->activity.size()));
    QVERIFY(activity->model()->rowCount() >= 4); // kick-off, polls, files
    const QModelIndex kickoff = activity->model()->index(0, 0);
    QCOMPARE(cellOf(activity, 0, JobActivityModel::Event),
             u"Asked for the export: the server accepted"_s);
    QCOMPARE(cellOf(activity, 0, JobActivityModel::Method), u"GET"_s);
    QCOMPARE(cellOf(activity, 0, JobActivityModel::Status), u"202"_s);
    activity->setCurrentIndex(kickoff);
    auto *copy = gui.child<QAction>(u"copyCurlAction"_s);
    QVERIFY(copy->isEnabled());
    copy->trigger();
    const QString curl = QGuiApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(u"curl"_s), qPrintable(curl));
    QVERIFY(curl.contains(u"$export"_s));
    QVERIFY(!curl.contains(u"Bearer "_s) || curl.contains(u"$TOKEN"_s));

    // After a restart the finished job comes from the store's index without its activity log;
    // selecting it reads the log from disk, and the pane shows the same entries.
    const int entries = activity->model()->rowCount();
    gui.restart();
    QVERIFY(gui.window->currentJobId().isEmpty());
    QVERIFY(!gui.job(id)->detailsLoaded);
    QVERIFY(gui.job(id)->activity.isEmpty());
    QCOMPARE(gui.cellText(id, JobTableModel::Files), u"3 / 3"_s);
    gui.window->selectJob(id);
    QVERIFY(gui.job(id)->detailsLoaded);
    QCOMPARE(gui.child<QTreeView>(u"activityList"_s)->model()->rowCount(), entries);
    // The technical rows stay as they were left.
    QVERIFY(gui.child<QToolButton>(u"technicalDetailsToggle"_s)->isChecked());
    QVERIFY(!gui.child<QLineEdit>(u"detail-status"_s)->isHidden());
    QCOMPARE(gui.child<QTableView>(u"filesTable"_s)->model()->rowCount(), 3);
    QCOMPARE(gui.child<QLineEdit>(u"detail-request"_s)->text(), gui.job(id)->kickoffUrl.toString());
}

void TestMainWindow::doubleClickOpensTheFolderOfASavedJob()
{
    Gui gui;
    const Profile p = gui.saveProfile(u"Server C"_s);
    gui.setScript(1, 1);
    const QString id = gui.startDirect(p, u"open me"_s);
    QTRY_COMPARE_WITH_TIMEOUT(gui.cellText(id, JobTableModel::State), u"Saved"_s, 15000);
    QTableView *view = gui.window->jobView();
    const QModelIndex index = gui.window->proxyModel()->mapFromSource(
        gui.window->jobModel()->index(gui.window->jobModel()->rowOf(id), JobTableModel::What));
    QVERIFY(index.isValid());
    const QPoint at = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(gui.opened.size(), 1);
    QCOMPARE(gui.opened.constFirst(), QUrl::fromLocalFile(gui.dir.filePath(u"open me"_s)));
    QVERIFY(gui.child<QAction>(u"openFolderAction"_s)->isEnabled());
    gui.child<QAction>(u"openFolderAction"_s)->trigger();
    QCOMPARE(gui.opened.size(), 2);

    // A desktop that cannot open folders: the path is given, selectable, not nothing at all.
    gui.window->setUrlOpener([](const QUrl &) { return false; });
    gui.child<QAction>(u"openFolderAction"_s)->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = gui.window->findChild<QMessageBox *>(u"openFolderFailedBox"_s)));
    QVERIFY(box->text().contains(QDir::toNativeSeparators(gui.dir.filePath(u"open me"_s))));
    QVERIFY(box->textInteractionFlags() & Qt::TextSelectableByMouse);
    box->close();
}

void TestMainWindow::aRefusedCancelIsSaid()
{
    Gui gui;
    const Profile p = gui.saveProfile(u"Server E"_s);
    demo::Script refuse;
    refuse.pollsBeforeDone = 20;
    refuse.retryAfterSeconds = 30;
    refuse.deleteStatus = 405;
    gui.server.setScript(refuse);
    const QString id = gui.startDirect(p, u"keeps running"_s);
    QTRY_VERIFY(gui.job(id)->isWaitingForPoll());
    QSignalSpy refused(gui.manager(), &JobManager::cancelFailed);
    gui.child<QAction>(u"cancelAction"_s)->trigger();
    QTRY_VERIFY(gui.confirmBox());
    gui.confirm();
    QTRY_COMPARE(refused.size(), 1);

    // The row says so, and a message says what happens next, with a way to try again.
    QTRY_VERIFY2(gui.cellText(id, JobTableModel::Progress).startsWith(u"Not cancelled · "_s),
                 qPrintable(gui.cellText(id, JobTableModel::Progress)));
    QCOMPARE(gui.job(id)->state, JobState::Running);
    auto *news = gui.child<MessageBar>(u"newsBanner"_s);
    QTRY_VERIFY(news->isVisible());
    QCOMPARE(news->kind(), MessageBar::Kind::Warning);
    QVERIFY2(news->text().contains(u"was not cancelled"_s) &&
                 news->text().contains(u"The export goes on"_s),
             qPrintable(news->text()));
    QCOMPARE(news->actionButton()->text(), u"Cancel again"_s);

    // Cancel again asks the server once more (which refuses again here): a second answer, the
    // warning stays, the export still runs.
    QSignalSpy failed(gui.manager(), &JobManager::cancelFailed);
    news->actionButton()->click();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().at(0).toString(), id);
    QCOMPARE(gui.job(id)->state, JobState::Running);
    QTRY_VERIFY(news->isVisible());
    // Leaving the list takes the warning along.
    gui.manager()->remove(id);
    QTRY_VERIFY(!news->isVisible());
}

void TestMainWindow::runAgainSendsTheSameRequest()
{
    Gui gui;
    const Profile p = gui.saveProfile(u"Server F"_s);
    gui.setScript(1, 1);
    ExportRequest r;
    r.base = p.baseUrl;
    r.types = {u"Patient"_s, u"Observation"_s};
    JobOptions o;
    o.profileId = p.id;
    o.serverName = p.name;
    o.outDir = gui.dir.filePath(u"exports/first"_s);
    const Result<QString> first = gui.window->startExport(r, o);
    QVERIFY(first.ok());
    QTRY_COMPARE_WITH_TIMEOUT(gui.job(first.value())->state, JobState::Saved, 15000);
    const auto kickoffs = [&gui] {
        QList<QUrl> urls;
        for (const auto &req : gui.server.requests())
            if (req.path.endsWith(u"$export"_s))
                urls << req.url;
        return urls;
    };
    QCOMPARE(kickoffs().size(), 1);

    auto *again = gui.child<QAction>(u"runAgainAction"_s);
    auto *changes = gui.child<QAction>(u"runChangesSinceAction"_s);
    QVERIFY(again && changes);
    gui.window->selectJob(first.value());
    QTRY_VERIFY(again->isEnabled());
    QVERIFY(changes->isEnabled()); // the manifest gave a transaction time
    again->trigger();
    QTRY_COMPARE(gui.manager()->jobIds().size(), 2);
    QTRY_COMPARE(kickoffs().size(), 2);
    // The same request, byte for byte, to the same server; a new folder beside the first.
    QCOMPARE(kickoffs().at(1), kickoffs().at(0));
    const QString second = gui.window->currentJobId();
    QVERIFY(second != first.value());
    QCOMPARE(gui.job(second)->request.types, r.types);
    QCOMPARE(gui.job(second)->profileId, p.id);
    QCOMPARE(QFileInfo(gui.job(second)->outDir).absolutePath(),
             QFileInfo(gui.dir.filePath(u"exports/first"_s)).absolutePath());
    QVERIFY(gui.job(second)->outDir != gui.job(first.value())->outDir);
    QTRY_COMPARE_WITH_TIMEOUT(gui.job(second)->state, JobState::Saved, 15000);

    // As changes since the first: _since is the first export's transaction time.
    const QDateTime since = gui.job(first.value())->transactionTime;
    QVERIFY(since.isValid());
    gui.window->selectJob(first.value());
    QTRY_VERIFY(changes->isEnabled());
    changes->trigger();
    QTRY_COMPARE(kickoffs().size(), 3);
    const QUrlQuery query(kickoffs().at(2));
    QCOMPARE(QDateTime::fromString(query.queryItemValue(u"_since"_s, QUrl::FullyDecoded),
                                   Qt::ISODateWithMs),
             since);
    QCOMPARE(query.queryItemValue(u"_type"_s),
             QUrlQuery(kickoffs().at(0)).queryItemValue(u"_type"_s));
    const QString third = gui.window->currentJobId();
    QCOMPARE(gui.job(third)->request.since, since);
    QTRY_COMPARE_WITH_TIMEOUT(gui.job(third)->state, JobState::Saved, 15000);

    // A running export cannot run again (it runs).
    gui.setScript(20, 30);
    const QString running = gui.startDirect(p, u"running"_s);
    gui.window->selectJob(running);
    QTRY_VERIFY(!again->isEnabled());
    QVERIFY(!changes->isEnabled());
    gui.manager()->cancel(running);
}

void TestMainWindow::doneIsSaidWithItsNextStep()
{
    Gui gui;
    const Profile p = gui.saveProfile(u"Server D"_s);
    gui.setScript(1, 1);
    const QString id = gui.startDirect(p, u"done here"_s);
    QTRY_COMPARE_WITH_TIMEOUT(gui.cellText(id, JobTableModel::State), u"Saved"_s, 15000);
    const QString folder = gui.dir.filePath(u"done here"_s);

    // In the window: the news names the export and the folder, with Open folder beside it.
    auto *news = gui.child<MessageBar>(u"newsBanner"_s);
    QVERIFY(news);
    QTRY_VERIFY(news->isVisible());
    QVERIFY2(news->text().contains(u"Server D"_s) && news->text().contains(folder),
             qPrintable(news->text()));
    QCOMPARE(news->kind(), MessageBar::Kind::Information);
    QVERIFY(news->actionButton()->isVisible());
    QCOMPARE(news->actionButton()->text(), u"Open folder"_s);
    news->actionButton()->click();
    QTRY_COMPARE(gui.opened.size(), 1);
    QCOMPARE(gui.opened.constLast(), QUrl::fromLocalFile(folder));

    // Clicking the notification's balloon opens the folder too (the signal the desktop sends).
    auto *tray = gui.window->findChild<QSystemTrayIcon *>(u"trayIcon"_s);
    QVERIFY(tray);
    QVERIFY(QMetaObject::invokeMethod(tray, "messageClicked"));
    QTRY_COMPARE(gui.opened.size(), 2);
    QCOMPARE(gui.opened.constLast(), QUrl::fromLocalFile(folder));

    // A failed export says what failed and offers Retry, which starts it again.
    demo::Script refuse;
    refuse.kickoffStatus = 400;
    gui.server.setScript(refuse);
    const QString failed = gui.startDirect(p, u"fails"_s);
    QTRY_COMPARE_WITH_TIMEOUT(gui.job(failed)->state, JobState::Failed, 15000);
    QTRY_COMPARE(news->kind(), MessageBar::Kind::Error);
    QVERIFY2(news->text().contains(gui.job(failed)->lastError), qPrintable(news->text()));
    QCOMPARE(news->actionButton()->text(), u"Retry"_s);
    // The failed export's balloon leads to its row, not to a folder.
    QVERIFY(QMetaObject::invokeMethod(tray, "messageClicked"));
    QTRY_COMPARE(gui.window->currentJobId(), failed);
    QCOMPARE(gui.opened.size(), 2);
    gui.setScript(1, 1);
    news->actionButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(gui.job(failed)->state, JobState::Saved, 15000);
    QTRY_COMPARE(news->kind(), MessageBar::Kind::Information);
    QVERIFY(news->text().contains(gui.dir.filePath(u"fails"_s)));
    // Leaving the list takes the news along.
    gui.manager()->remove(failed);
    QTRY_VERIFY(!news->isVisible());
}

void TestMainWindow::aRefusedRequestIsOfferedLeniently()
{
    // Oracle Health refuses _elements; the banner offers the same request leniently, which
    // goes out again in the same row.
    Gui gui;
    const Profile p = gui.saveProfile(u"Server L"_s);
    demo::Script oracle;
    oracle.flavor = demo::Flavor::Oracle;
    oracle.pollsBeforeDone = 0;
    oracle.retryAfterRaw = "0";
    gui.server.setScript(oracle);
    ExportRequest r;
    r.base = p.baseUrl;
    r.elements = {u"id"_s};
    JobOptions o;
    o.profileId = p.id;
    o.outDir = gui.dir.filePath(u"lenient"_s);
    const QString id = gui.window->startExport(r, o).value();
    QTRY_COMPARE_WITH_TIMEOUT(gui.job(id)->state, JobState::Failed, 15000);
    auto *news = gui.window->findChild<MessageBar *>(u"newsBanner"_s);
    QVERIFY(news);
    QTRY_COMPARE(news->kind(), MessageBar::Kind::Error);
    QCOMPARE(news->actionButton()->text(), u"Try again leniently"_s);
    news->actionButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(gui.job(id)->state, JobState::Saved, 15000);
    QVERIFY(gui.job(id)->request.lenient);
    QCOMPARE(gui.manager()->jobIds().size(), 1); // the same row
}

void TestMainWindow::filterAndProfileSelection()
{
    Gui gui;
    const Profile a = gui.saveProfile(u"Alpha"_s);
    const Profile b = gui.saveProfile(u"Beta"_s);
    gui.setScript(0, 1);
    const QString ja = gui.startDirect(a, u"a"_s);
    const QString jb = gui.startDirect(b, u"b"_s);
    QTRY_VERIFY(gui.job(ja)->state == JobState::Saved && gui.job(jb)->state == JobState::Saved);
    QSortFilterProxyModel *proxy = gui.window->proxyModel();
    gui.window->selectProfile({});
    QCOMPARE(proxy->rowCount(), 2);
    gui.window->selectProfile(b.id);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(JobTableModel::JobIdRole).toString(), jb);
    gui.window->selectProfile({});
    // The filter box waits for a pause in typing, then filters on any column.
    auto *filter = gui.child<QLineEdit>(u"filterEdit"_s);
    QTest::keyClicks(filter, u"alph"_s);
    QCOMPARE(proxy->rowCount(), 2); // not yet: debounced
    QTRY_COMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(JobTableModel::JobIdRole).toString(), ja);
    filter->clear();
    QTRY_COMPARE(proxy->rowCount(), 2);
    // Removing a finished job needs no confirmation and keeps its files.
    gui.window->selectJob(ja);
    gui.child<QAction>(u"removeAction"_s)->trigger();
    QCOMPARE(proxy->rowCount(), 1);
    QVERIFY(QFile::exists(QDir(gui.dir.filePath(u"a"_s)).filePath(u"Patient.1.ndjson"_s)));
}

void TestMainWindow::expiryWarningAndDownloadOnRequest()
{
    Gui gui;
    const Profile p = gui.saveProfile(u"Expiring"_s);
    gui.setScript(0, 1, /*autoExpire=*/true);
    QVERIFY(!gui.window->isExpiryWarningShown());
    const QString id = gui.startDirect(p, u"expiring"_s, /*autoDownload=*/false);
    QTRY_COMPARE(gui.cellText(id, JobTableModel::State), u"Ready to download"_s);
    // Ten minutes left, nothing saved: the banner says so and the cell carries the warning.
    QTRY_VERIFY(gui.window->isExpiryWarningShown());
    // Under the "Files expire" header: "in 9 min"; standing alone in the details: "expires in".
    QVERIFY(gui.cellText(id, JobTableModel::Expires).startsWith(u"in "_s));
    gui.window->selectJob(id);
    QTRY_VERIFY(gui.child<QLabel>(u"detail-expires"_s)->text().contains(u"(expires in "_s));
    const QModelIndex cell = gui.window->proxyModel()->mapFromSource(
        gui.window->jobModel()->index(gui.window->jobModel()->rowOf(id), JobTableModel::Expires));
    QVERIFY(cell.data(JobTableModel::ExpiringSoonRole).toBool());
    QVERIFY(!cell.data(Qt::DecorationRole).isNull());
    QVERIFY(gui.child<QAction>(u"downloadAction"_s)->isEnabled());
    gui.child<QPushButton>(u"expiryBannerButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(gui.cellText(id, JobTableModel::State), u"Saved"_s, 15000);
    QTRY_VERIFY(!gui.window->isExpiryWarningShown());
    QCOMPARE(gui.cellText(id, JobTableModel::Expires), QString());
}

void TestMainWindow::layoutPersists()
{
    Gui gui;
    QHeaderView *header = gui.window->jobView()->horizontalHeader();
    header->resizeSection(JobTableModel::ServerSays, 333);
    gui.window->jobView()->sortByColumn(JobTableModel::Server, Qt::AscendingOrder);
    gui.child<QTabWidget>(u"detailsTabs"_s)->setCurrentIndex(3);
    gui.window->resize(1111, 777);
    gui.restart();
    header = gui.window->jobView()->horizontalHeader();
    QCOMPARE(header->sectionSize(JobTableModel::ServerSays), 333);
    QCOMPARE(header->sortIndicatorSection(), int(JobTableModel::Server));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(gui.window->proxyModel()->sortColumn(), int(JobTableModel::Server));
    QCOMPARE(gui.child<QTabWidget>(u"detailsTabs"_s)->currentIndex(), 3);
    QCOMPARE(gui.window->size(), QSize(1111, 777));
}

void TestMainWindow::demoModeOffersTheDemoServer()
{
    QTemporaryDir dir;
    const SessionOptions options = demoOptions(dir);
    Session app(options);
    QVERIFY(app.start().isEmpty());
    QVERIFY(app.demoServer());
    MainWindow window(&app);
    QCOMPARE(window.selectedProfileId(), Session::demoProfileId());
    const std::optional<Profile> demo = app.profile(Session::demoProfileId());
    QVERIFY(demo);
    QCOMPARE(demo->name, u"Demo server"_s);
    QCOMPARE(demo->baseUrl, app.demoServer()->baseUrl());
    // Kept in memory only.
    QVERIFY(app.profileStore()->profiles().isEmpty());
    // The Edit and Delete buttons do not apply to it.
    QVERIFY(!window.findChild<QPushButton *>(u"editProfileButton"_s)->isEnabled());
    QVERIFY(!window.findChild<QPushButton *>(u"deleteProfileButton"_s)->isEnabled());

    // The demo reporting server: choosing it shows its report jobs page instead of the exports,
    // filled from the server, and the export actions step aside (no ambiguous shortcuts).
    const std::optional<Profile> reports = app.profile(Session::demoReportsProfileId());
    QVERIFY(reports && reports->reporting);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.selectProfile(Session::demoReportsProfileId());
    auto *centre = window.findChild<QStackedWidget *>(u"centre"_s);
    QVERIFY(centre);
    auto *page = qobject_cast<ReportJobsView *>(centre->currentWidget());
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, 10000);
    const auto actions = window.findChildren<QAction *>();
    int newExportActions = 0;
    for (QAction *a : actions) {
        if (a->shortcut() == QKeySequence(QKeySequence::New)) {
            ++newExportActions;
            QVERIFY(!a->isVisible());
        }
    }
    QCOMPARE(newExportActions, 1);
    // The exports' filter filters nothing here: hidden, and the page's own filter is on
    // screen (not in the toolbar's overflow) at the default width.
    window.resize(1280, 800);
    auto *exportFilter = window.findChild<QLineEdit *>(u"filterEdit"_s);
    QTRY_VERIFY(!exportFilter->isVisible());
    auto *reportFilter = page->findChild<QLineEdit *>(u"reportFilter"_s);
    QTRY_VERIFY(reportFilter->isVisible());
    QVERIFY(page->rect().contains(
        QRect(reportFilter->mapTo(page, QPoint(0, 0)), reportFilter->size())));
    window.selectProfile(Session::demoProfileId());
    QCOMPARE(centre->currentIndex(), 0);
    QTRY_VERIFY(exportFilter->isVisible());
    QVERIFY(window.findChild<QAction *>(u"newExportAction"_s)->isEnabled());
}

void TestMainWindow::demoExportsEndWithTheProgram()
{
    QTemporaryDir dir;
    const SessionOptions options = demoOptions(dir);
    QString id;
    {
        Session app(options);
        QVERIFY(app.start().isEmpty());
        MainWindow window(&app);
        ExportRequest r;
        r.base = app.demoServer()->baseUrl();
        JobOptions o;
        o.profileId = Session::demoProfileId();
        o.outDir = dir.filePath(u"out"_s);
        const Result<QString> started = window.startExport(r, o);
        QVERIFY(started.ok());
        id = started.value();
        // The demo server is slow on purpose: the export is still running when the program ends.
        QTRY_VERIFY(app.manager()->job(id)->isWaitingForPoll());
    }
    Session app(options);
    QVERIFY(app.start().isEmpty());
    const ExportJob *j = app.manager()->job(id);
    QVERIFY(j);
    QCOMPARE(j->state, JobState::Failed);
    QVERIFY2(j->lastError.contains(u"demo server"_s), qPrintable(j->lastError));
    QVERIFY(!j->isWaitingForPoll());
}

void TestMainWindow::tabLeavesTheJobTable()
{
    Gui gui;
    const Profile p = gui.saveProfile(u"Keyboard"_s);
    gui.setScript(0, 1);
    const QString id = gui.startDirect(p, u"keyboard"_s);
    QTRY_COMPARE_WITH_TIMEOUT(gui.cellText(id, JobTableModel::State), u"Saved"_s, 15000);
    gui.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(gui.window.get()));
    QTableView *table = gui.window->jobView();
    auto *filter = gui.child<QLineEdit>(u"filterEdit"_s);
    auto *details = gui.child<QTabWidget>(u"detailsTabs"_s);
    QVERIFY(filter && details);
    QCOMPARE(filter->focusPolicy(), Qt::StrongFocus);
    QCOMPARE(table->focusPolicy(), Qt::StrongFocus);
    // Every table of the window lets Tab go on to the next widget.
    const QList<QTableView *> tables = gui.window->findChildren<QTableView *>();
    for (const QTableView *t : tables)
        QVERIFY2(!t->tabKeyNavigation(), qPrintable(t->objectName()));

    // As on screen: the filter, the table, the details' tabs.
    filter->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), filter);
    QTest::keyClick(filter, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), table);
    QTest::keyClick(table, Qt::Key_Tab);
    QTRY_VERIFY(QApplication::focusWidget() != table);
    QWidget *next = QApplication::focusWidget();
    QVERIFY(next);
    QVERIFY2(next == details->focusProxy() || details->isAncestorOf(next),
             next->metaObject()->className());
    QTest::keyClick(next, Qt::Key_Backtab);
    QTRY_COMPARE(QApplication::focusWidget(), table);
}

void TestMainWindow::aSmallScreenNeedsNoSidewaysScrolling()
{
    Gui gui;
    QTableView *table = gui.window->jobView();
    QHeaderView *header = table->horizontalHeader();
    const auto visibleWidth = [header] {
        int sum = 0;
        for (int c = 0; c < header->count(); ++c)
            sum += header->isSectionHidden(c) ? 0 : header->sectionSize(c);
        return sum;
    };
    // A laptop's 1024x700: what the row is, its state and progress stay; the columns that
    // repeat the progress (bytes, files) go first, and nothing is left to scroll to.
    gui.window->resize(1024, 700);
    QTRY_VERIFY(header->isSectionHidden(JobTableModel::Bytes));
    QTRY_VERIFY2(visibleWidth() <= table->viewport()->width(),
                 qPrintable(u"%1 > %2"_s.arg(visibleWidth()).arg(table->viewport()->width())));
    for (const int c : {int(JobTableModel::What), int(JobTableModel::State),
                        int(JobTableModel::Progress), int(JobTableModel::ServerSays)})
        QVERIFY2(!header->isSectionHidden(c), qPrintable(QString::number(c)));
    QVERIFY(table->horizontalScrollBar()->maximum() == 0);
    // A wide window has room for them again.
    gui.window->resize(2400, 1000);
    QTRY_VERIFY(!header->isSectionHidden(JobTableModel::Bytes));
    for (int c = 0; c < header->count(); ++c)
        QVERIFY2(!header->isSectionHidden(c), qPrintable(QString::number(c)));
    // The header's menu is the user's choice, kept whatever the width.
    auto *panel = gui.window->findChild<JobsPanel *>();
    QVERIFY(panel);
    panel->showColumn(JobTableModel::Files, false);
    gui.window->resize(1024, 700);
    QTRY_VERIFY(table->viewport()->width() < 1000);
    QVERIFY(header->isSectionHidden(JobTableModel::Files));
    QVERIFY(!header->isSectionHidden(JobTableModel::Bytes));
    panel->showColumn(JobTableModel::Files, true);
    QVERIFY(!header->isSectionHidden(JobTableModel::Files));
    QVERIFY(header->sectionSize(JobTableModel::Files) > 0);
}

void TestMainWindow::focusIsVisibleOnLists()
{
    Gui gui;
    gui.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(gui.window.get()));
    auto *ring = gui.window->findChild<FocusRing *>();
    QVERIFY(ring);
    QTableView *table = gui.window->jobView();
    auto *filter = gui.child<QLineEdit>(u"filterEdit"_s);

    // The empty table with the focus: a frame in the highlight colour along its edge.
    table->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(ring->view(), table);
    QWidget *frame = ring->frame();
    QVERIFY(frame && frame->isVisible());
    QCOMPARE(frame->parentWidget(), table);
    QCOMPARE(frame->geometry(), table->rect());
    const QImage shot = table->grab().toImage();
    const QColor highlight = table->palette().color(QPalette::Active, QPalette::Highlight);
    QCOMPARE(shot.pixelColor(shot.width() / 2, 0).rgb(), highlight.rgb());
    QCOMPARE(shot.pixelColor(0, shot.height() / 2).rgb(), highlight.rgb());

    // It follows the focus to another list, and leaves when the focus is in a line edit (which
    // the style marks itself).
    auto *servers = gui.child<QAbstractItemView>(u"profileList"_s);
    servers->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(ring->view(), servers);
    QCOMPARE(ring->frame()->parentWidget(), servers);
    filter->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(!ring->view());
    QVERIFY(!ring->frame()->isVisible());
}

void TestMainWindow::toolbarTooltipsNameTheirKeys()
{
    QTemporaryDir dir;
    Session app(demoOptions(dir));
    QVERIFY(app.start().isEmpty());
    MainWindow window(&app);
    window.show();

    // Every action of a toolbar with a key names it once in its tooltip.
    const auto checkBar = [](const QToolBar *bar) {
        int withKeys = 0;
        const QList<QAction *> actions = bar->actions();
        for (const QAction *a : actions) {
            const QString key = a->shortcut().toString(QKeySequence::NativeText);
            if (key.isEmpty())
                continue;
            ++withKeys;
            if (a->toolTip().count(key) != 1)
                return u"%1: %2"_s.arg(a->objectName(), a->toolTip());
        }
        return withKeys >= 5 ? QString() : u"only %1 actions with keys"_s.arg(withKeys);
    };
    auto *mainBar = window.findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(mainBar);
    QString problem = checkBar(mainBar);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto *openFolder = window.findChild<QAction *>(u"openFolderAction"_s);
    QCOMPARE(openFolder->toolTip(), u"Open the folder the export's files are saved in (Ctrl+O)"_s);
    // The status bar keeps the plain sentence.
    QCOMPARE(openFolder->statusTip(), u"Open the folder the export's files are saved in"_s);
    // A tooltip its owner changes later gets the key too, and a new key replaces the old one.
    openFolder->setToolTip(u"Nothing saved yet"_s);
    QCOMPARE(openFolder->toolTip(), u"Nothing saved yet (Ctrl+O)"_s);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    QCOMPARE(openFolder->toolTip(), u"Nothing saved yet (Ctrl+J)"_s);

    // The report page's toolbar, made later, the same.
    window.selectProfile(Session::demoReportsProfileId());
    auto *reportBar = window.findChild<QToolBar *>(u"reportToolBar"_s);
    QVERIFY(reportBar);
    problem = checkBar(reportBar);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestMainWindow::demoProfilesSayWhyTheyCannotBeEdited()
{
    QTemporaryDir dir;
    Session app(demoOptions(dir));
    QVERIFY(app.start().isEmpty());
    Profile own;
    own.name = u"Own server"_s;
    own.baseUrl = QUrl(u"http://127.0.0.1:9/fhir"_s);
    const Result<Profile> saved = app.profileStore()->save(own);
    QVERIFY(saved.ok());
    MainWindow window(&app);
    const auto button = [&window](const QString &name) {
        return window.findChild<QPushButton *>(name);
    };
    const auto action = [&window](const QString &name) {
        return window.findChild<QAction *>(name);
    };
    const QString why = u"The demo profiles are built in: they cannot be changed, copied or "
                        "deleted."_s;
    for (const QString &id : {Session::demoProfileId(), Session::demoReportsProfileId()}) {
        window.selectProfile(id);
        for (const QString &name :
             {u"editProfileButton"_s, u"duplicateProfileButton"_s, u"deleteProfileButton"_s}) {
            QVERIFY(!button(name)->isEnabled());
            QCOMPARE(button(name)->toolTip(), why);
        }
        for (const QString &name :
             {u"editProfileAction"_s, u"duplicateProfileAction"_s, u"deleteProfileAction"_s}) {
            QVERIFY(!action(name)->isEnabled());
            QCOMPARE(action(name)->toolTip(), why);
        }
    }
    // A saved profile: enabled, with what each does.
    window.selectProfile(saved->id);
    QVERIFY(button(u"editProfileButton"_s)->isEnabled());
    QCOMPARE(button(u"editProfileButton"_s)->toolTip(), u"Change the selected server profile"_s);
    QCOMPARE(action(u"deleteProfileAction"_s)->toolTip(),
             u"Delete the selected server profile and its secrets"_s);
    // No profile chosen ("All servers").
    window.selectProfile({});
    QCOMPARE(button(u"editProfileButton"_s)->toolTip(), u"Choose a server in the list first."_s);
}

void TestMainWindow::emptyTableSaysWhatToDo()
{
    Gui gui;
    auto *table = qobject_cast<PlaceholderTableView *>(gui.window->jobView());
    QVERIFY(table);
    QVERIFY(QTest::qWaitForWindowExposed(gui.window.get()));
    // No exports at all: in the table itself, with New export's key as the action has it.
    const QString newExportKey =
        gui.child<QAction>(u"newExportAction"_s)->shortcut().toString(QKeySequence::NativeText);
    QVERIFY(!newExportKey.isEmpty());
    QVERIFY(table->isPlaceholderShown());
    QVERIFY2(table->placeholderText().startsWith(
                 u"No exports yet — New export (%1)"_s.arg(newExportKey)),
             qPrintable(table->placeholderText()));
    QVERIFY(table->placeholderText().contains(u"(F1)"_s));
    QCOMPARE(table->accessibleDescription(), table->placeholderText());
    // Painted in the viewport: the picture differs from the same table without the words.
    const QImage withText = table->viewport()->grab().toImage();
    const QString text = table->placeholderText();
    table->setPlaceholderText({});
    const QImage without = table->viewport()->grab().toImage();
    QVERIFY(withText != without);
    table->setPlaceholderText(text);

    // With an export: nothing over the rows.
    const Profile a = gui.saveProfile(u"Alpha"_s);
    const Profile b = gui.saveProfile(u"Beta"_s);
    gui.setScript(0, 1);
    const QString id = gui.startDirect(a, u"a"_s);
    QTRY_VERIFY(gui.job(id)->state == JobState::Saved);
    QVERIFY(!table->isPlaceholderShown());
    QVERIFY(table->placeholderText().isEmpty());
    // A filter that hides every row says so.
    auto *filter = gui.child<QLineEdit>(u"filterEdit"_s);
    QTest::keyClicks(filter, u"no such export"_s);
    QTRY_COMPARE(gui.window->proxyModel()->rowCount(), 0);
    QTRY_COMPARE(table->placeholderText(), u"No export matches the filter"_s);
    QVERIFY(table->isPlaceholderShown());
    filter->clear();
    QTRY_COMPARE(gui.window->proxyModel()->rowCount(), 1);
    QVERIFY(table->placeholderText().isEmpty());
    // A server with no exports of its own.
    gui.window->selectProfile(b.id);
    QCOMPARE(gui.window->proxyModel()->rowCount(), 0);
    QCOMPARE(table->placeholderText(),
             u"No exports from this server yet — New export (%1)"_s.arg(newExportKey));
    // The status bar still has its line too.
    gui.window->selectProfile({});
    QCOMPARE(gui.window->statusText(), u"Nothing running."_s);
}

void TestMainWindow::guideOpensWithF1()
{
    Gui gui;
    auto *guide = gui.child<QAction>(u"guideAction"_s);
    QVERIFY(guide);
    QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
    // In the Help menu, before About.
    QMenu *help = nullptr;
    const QList<QAction *> menus = gui.window->menuBar()->actions();
    for (QAction *m : menus)
        if (m->text() == u"&Help"_s)
            help = m->menu();
    QVERIFY(help);
    QCOMPARE(help->actions().constFirst(), guide);

    gui.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(gui.window.get()));
    QTest::keyClick(gui.window.get(), Qt::Key_F1);
    HelpDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = gui.window->findChild<HelpDialog *>(u"helpDialog"_s)) &&
                dialog->isVisible());
    const QString text = dialog->browser()->toPlainText();
    const QStringList headings = HelpDialog::headings();
    QCOMPARE(headings.size(), 7);
    for (const QString &heading : headings)
        QVERIFY2(text.contains(heading), qPrintable(heading));
    QVERIFY(text.contains(u"What the states mean"_s));
    // Every state by the name the table gives it, and the keys of the window's actions.
    for (int state = 0; state <= int(JobState::Expired); ++state)
        QVERIFY2(text.contains(jobStateText(JobState(state))),
                 qPrintable(jobStateText(JobState(state))));
    QVERIFY(text.contains(u"New export (Ctrl+N)"_s));
    QVERIFY(text.contains(u"Open folder (Ctrl+O)"_s));
    QVERIFY(text.contains(u"Retry (Ctrl+R)"_s));
    // The contents link to the sections.
    QVERIFY(dialog->browser()->toHtml().contains(u"href=\"#states\""_s));
    // Asked again: the one guide comes to the front.
    guide->trigger();
    QCOMPARE(gui.window->findChildren<HelpDialog *>().size(), 1);
    dialog->close();
    QTRY_VERIFY(!gui.window->findChild<HelpDialog *>());
}

void TestMainWindow::quittingWhileExportsRunAsks()
{
    Gui gui;
    const auto quitBox = [&gui]() -> QMessageBox * {
        auto *box = gui.window->findChild<QMessageBox *>(u"quitBox"_s);
        return box && box->isVisible() ? box : nullptr;
    };
    // Nothing running: the window closes without a question.
    QVERIFY(gui.window->close());
    QVERIFY(!gui.window->isVisible());
    QVERIFY(!gui.window->findChild<QMessageBox *>(u"quitBox"_s));
    gui.window->show();

    const Profile p = gui.saveProfile(u"Long"_s);
    gui.setScript(20, 30);
    const QString id = gui.startDirect(p, u"long"_s);
    QTRY_VERIFY(gui.job(id)->isWaitingForPoll());
    QVERIFY(!gui.window->close());
    QTRY_VERIFY(quitBox());
    QVERIFY(gui.window->isVisible());
    QMessageBox *box = quitBox();
    QVERIFY2(box->informativeText().contains(u"resumes the downloads"_s),
             qPrintable(box->informativeText()));
    QVERIFY(!box->informativeText().contains(u"demo"_s));
    // Keep running is the default, and Escape's answer.
    QCOMPARE(box->defaultButton()->objectName(), u"keepRunningButton"_s);
    QCOMPARE(box->escapeButton()->objectName(), u"keepRunningButton"_s);
    // Asked again while the question is open: still one question.
    QVERIFY(!gui.window->close());
    QCOMPARE(gui.window->findChildren<QMessageBox *>(u"quitBox"_s).size(), 1);
    box->defaultButton()->click();
    QTRY_VERIFY(!quitBox());
    QVERIFY(gui.window->isVisible());

    // Quit (Ctrl+Q), answered Quit: the window closes, the export is left to go on.
    auto *quit = gui.child<QAction>(u"quitAction"_s);
    QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    quit->trigger();
    QTRY_VERIFY(quitBox());
    quitBox()->findChild<QPushButton *>(u"quitButton"_s)->click();
    QTRY_VERIFY(!gui.window->isVisible());
    QCOMPARE(gui.job(id)->state, JobState::Running);
}

void TestMainWindow::quittingSaysDemoExportsEnd()
{
    QTemporaryDir dir;
    Session app(demoOptions(dir));
    QVERIFY(app.start().isEmpty());
    MainWindow window(&app);
    window.show();
    ExportRequest r;
    r.base = app.demoServer()->baseUrl();
    JobOptions o;
    o.profileId = Session::demoProfileId();
    o.outDir = dir.filePath(u"out"_s);
    const Result<QString> started = window.startExport(r, o);
    QVERIFY(started.ok());
    QTRY_VERIFY(app.manager()->job(started.value())->isWaitingForPoll());
    QVERIFY(!window.close());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"quitBox"_s)) && box->isVisible());
    QVERIFY2(box->informativeText().contains(u"demo server stops with the program"_s),
             qPrintable(box->informativeText()));
    // Only a demo export runs: nothing about resuming.
    QVERIFY(!box->informativeText().contains(u"resumes"_s));
    box->findChild<QPushButton *>(u"quitButton"_s)->click();
    QTRY_VERIFY(!window.isVisible());
}

void TestMainWindow::retryStartsAnEndedDemoExportAgain()
{
    QTemporaryDir dir;
    const SessionOptions options = demoOptions(dir);
    QString id;
    {
        Session app(options);
        QVERIFY(app.start().isEmpty());
        MainWindow window(&app);
        ExportRequest r;
        r.base = app.demoServer()->baseUrl();
        r.types = {u"Patient"_s};
        JobOptions o;
        o.profileId = Session::demoProfileId();
        o.outDir = dir.filePath(u"out"_s);
        const Result<QString> started = window.startExport(r, o);
        QVERIFY(started.ok());
        id = started.value();
        QTRY_VERIFY(app.manager()->job(id)->isWaitingForPoll());
    }
    Session app(options);
    QVERIFY(app.start().isEmpty());
    MainWindow window(&app);
    window.show();
    const ExportJob *ended = app.manager()->job(id);
    QVERIFY(ended);
    QCOMPARE(ended->state, JobState::Failed);
    QVERIFY(app.isFromEndedDemo(*ended));
    QCOMPARE(window.selectedProfileId(), Session::demoProfileId());
    window.selectJob(id);
    QCOMPARE(window.currentJobId(), id);
    auto *retry = window.findChild<QAction *>(u"retryAction"_s);
    QVERIFY(retry->isEnabled());
    QVERIFY2(retry->toolTip().contains(u"starts over on the demo server that runs now"_s),
             qPrintable(retry->toolTip()));

    // The same export, started over on this run's demo server, in the old one's place.
    retry->trigger();
    QVERIFY(!app.manager()->job(id));
    const QString again = window.currentJobId();
    QVERIFY(!again.isEmpty());
    QVERIFY(again != id);
    QCOMPARE(window.jobModel()->rowCount(), 1);
    const ExportJob *j = app.manager()->job(again);
    QCOMPARE(j->profileId, Session::demoProfileId());
    QCOMPARE(j->request.base, app.demoServer()->baseUrl());
    QCOMPARE(j->request.types, QStringList{u"Patient"_s});
    QVERIFY(!app.isFromEndedDemo(*j));
    // The live demo server took it: no "connection refused", a status address on its port.
    QTRY_VERIFY(app.manager()->job(again)->isWaitingForPoll());
    j = app.manager()->job(again);
    QCOMPARE(j->statusUrl.port(), app.demoServer()->baseUrl().port());
    QVERIFY2(j->lastError.isEmpty(), qPrintable(j->lastError));
    QCOMPARE(retry->toolTip(), u"Try the selected failed exports again (Ctrl+R)"_s);
}

void TestMainWindow::retryOfAnEndedDemoExportWithoutDemoSaysWhy()
{
    QTemporaryDir dir;
    SessionOptions options = demoOptions(dir);
    QString id;
    {
        Session app(options);
        QVERIFY(app.start().isEmpty());
        MainWindow window(&app);
        ExportRequest r;
        r.base = app.demoServer()->baseUrl();
        JobOptions o;
        o.profileId = Session::demoProfileId();
        o.outDir = dir.filePath(u"out"_s);
        const Result<QString> started = window.startExport(r, o);
        QVERIFY(started.ok());
        id = started.value();
        QTRY_VERIFY(app.manager()->job(id)->isWaitingForPoll());
    }
    // Started again without --demo: no demo server to start it on.
    options.demo = false;
    Session app(options);
    QVERIFY(app.start().isEmpty());
    QVERIFY(!app.demoServer());
    MainWindow window(&app);
    window.show();
    QCOMPARE(app.manager()->job(id)->state, JobState::Failed);
    window.selectJob(id);
    QCOMPARE(window.currentJobId(), id);
    auto *retry = window.findChild<QAction *>(u"retryAction"_s);
    QVERIFY(!retry->isEnabled());
    QVERIFY2(retry->toolTip().contains(u"no demo server runs now"_s), qPrintable(retry->toolTip()));
    QVERIFY(retry->toolTip().contains(u"--demo"_s));
    // Even when asked (a stale key press), it stays failed and asks no dead port.
    retry->setEnabled(true);
    retry->trigger();
    QCOMPARE(app.manager()->job(id)->state, JobState::Failed);
    QVERIFY(!app.manager()->job(id)->isWaitingForPoll());
}

void TestMainWindow::restartShowsExportsRunningElsewhere()
{
    Gui gui;
    const Profile a = gui.saveProfile(u"Alpha"_s);
    const Profile b = gui.saveProfile(u"Beta"_s);
    gui.setScript(20, 30);
    const QString running = gui.startDirect(a, u"running"_s);
    QTRY_VERIFY(gui.job(running)->isWaitingForPoll());
    gui.window->selectProfile(b.id);
    QCOMPARE(gui.window->proxyModel()->rowCount(), 0);

    // Beta was chosen, but an export of Alpha goes on after the restart: every server shows.
    gui.restart();
    QCOMPARE(gui.window->selectedProfileId(), QString());
    QCOMPARE(gui.window->proxyModel()->rowCount(), 1);
    QVERIFY(gui.window->statusText().contains(u"1 running"_s));

    // Nothing runs any more: the next start shows Beta again, as the user had left it.
    gui.manager()->cancel(running);
    QTRY_VERIFY(gui.job(running)->isTerminal());
    gui.restart();
    QCOMPARE(gui.window->selectedProfileId(), b.id);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
