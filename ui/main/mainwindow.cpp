#include "mainwindow.h"

#include "folderopener.h"
#include "logging.h"

#include "aboutdialog.h"
#include "exportfolder.h"
#include "filteredit.h"
#include "focusring.h"
#include "helpdialog.h"
#include "jobactions.h"
#include "jobdetailspane.h"
#include "jobfilterproxy.h"
#include "jobspanel.h"
#include "jobtablemodel.h"
#include "languagemenu.h"
#include "newexportdialog.h"
#include "profilespanel.h"
#include "reportjobsview.h"
#include "runagain.h"
#include "session.h"
#include "shortcuttooltips.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

#include "schedules/schedulecontroller.h"
#include "toolbarfit.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_manager(session->manager())
    , m_folders(this, [this](const QString &text) { statusBar()->showMessage(text, 8000); })
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("FHIR Bulk Monitor"));
    if (QIcon icon(u":/icons/fhir-bulk-monitor.png"_s); !icon.isNull())
        setWindowIcon(icon);

    m_profiles = new ProfilesPanel(m_session);
    m_jobs = new JobsPanel(m_manager);
    m_details = new JobDetailsPane(m_manager, m_jobs->model());
    m_tray = new TrayNotifier(m_manager, this);
    createActions();
    createMenus();
    createToolBar();
    // What scheduled runs left since the last start: their exports, a failed run.
    QTimer::singleShot(0, m_scheduleCtl, &ScheduleController::collectRuns);

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(m_profiles);
    m_centreSplitter = new QSplitter(Qt::Vertical);
    m_centreSplitter->setObjectName(u"centreSplitter"_s);
    m_centreSplitter->setChildrenCollapsible(false);
    m_centreSplitter->addWidget(m_jobs);
    m_centreSplitter->addWidget(m_details);
    m_centreSplitter->setStretchFactor(0, 1);
    m_centreSplitter->setStretchFactor(1, 1);
    m_centre = new QStackedWidget;
    m_centre->setObjectName(u"centre"_s);
    m_centre->addWidget(m_centreSplitter);
    m_mainSplitter->addWidget(m_centre);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({180, 1100});
    setCentralWidget(m_mainSplitter);

    createStatusBar();
    applyIcons();
    // The filter sits in the toolbar, far from the table in the widget tree: without an order
    // of its own Tab would wander from the filter through the toolbar's chain instead of going
    // filter, table, details as they appear on screen.
    QWidget::setTabOrder(m_jobs->filterEdit(), m_jobs->view());
    QWidget::setTabOrder(m_jobs->view(), m_details);
    new FocusRing(this);

    connect(m_profiles, &ProfilesPanel::profileSelected, this, &MainWindow::onProfileSelected);
    connect(m_jobs, &JobsPanel::currentJobChanged, m_details, &JobDetailsPane::setJob);
    connect(m_jobs, &JobsPanel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_jobs, &JobsPanel::jobActivated, this, &MainWindow::onJobActivated);
    connect(m_jobs, &JobsPanel::statusTextChanged, m_statusLabel, &QLabel::setText);
    connect(m_jobs, &JobsPanel::titleTextChanged, this, &MainWindow::updateTitle);
    updateTitle(m_jobs->titleText());
    connect(m_details, &JobDetailsPane::openFolderRequested, this, &MainWindow::openFolder);
    connect(m_details, &JobDetailsPane::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_tray, &TrayNotifier::notified, this, &MainWindow::notified);
    connect(m_tray, &TrayNotifier::exportNews, this,
            [this](const QString &id, const QString &, const QString &text) {
                m_jobs->showNews(id, text);
            });
    connect(m_tray, &TrayNotifier::activated, this, &MainWindow::bringToFront);
    connect(m_tray, &TrayNotifier::messageClicked, this, &MainWindow::onNotificationClicked);
    connect(m_manager, &JobManager::jobRemoved, this, &MainWindow::updateActions);
    connect(m_manager, &JobManager::jobChanged, this, [this](const QString &id, JobFields fields) {
        if (id == currentJobId() &&
            (fields & (JobField::State | JobField::Files | JobField::Error | JobField::NextPoll)))
            updateActions();
    });
    connect(m_manager, &JobManager::warning, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(m_session, &Session::keychainStateChanged, this,
            [this] { m_keychainLabel->setText(m_session->keychainText()); });

    onProfileSelected(m_profiles->selectedProfileId());
    loadSettings();
    updateActions();
}

MainWindow::~MainWindow()
{
    saveSettings();
}

// --- construction ---------------------------------------------------------------------------

void MainWindow::createActions()
{
    const auto make = [this](const QString &text, const QString &name, const QString &tip,
                             const QKeySequence &key, void (MainWindow::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        a->setShortcut(key);
        if (slot)
            connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newExport =
        make(tr("&New export…"), u"newExportAction"_s, tr("Start a new export on a server"),
             QKeySequence::New, &MainWindow::newExport);
    m_newExport->setIconText(tr("New export"));
    m_quit =
        make(tr("&Quit"), u"quitAction"_s, tr("Quit the application"), QKeySequence::Quit, nullptr);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_about = make(tr("&About FHIR Bulk Monitor"), u"aboutAction"_s,
                   tr("Version and licence of this application"), {}, nullptr);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    m_guide = make(tr("&Guide"), u"guideAction"_s,
                   tr("What an export is, what its states mean and where the files go"),
                   QKeySequence::HelpContents, &MainWindow::showGuide);
    m_aboutQt = make(tr("About &Qt"), u"aboutQtAction"_s, tr("About the Qt toolkit"), {}, nullptr);
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_findAction = make(tr("&Filter jobs"), u"filterAction"_s, tr("Filter the list of exports"),
                        QKeySequence::Find, nullptr);
    connect(m_findAction, &QAction::triggered, m_jobs->filterEdit(), &FilterEdit::focusForTyping);
    addAction(m_findAction);

    // The jobs' context menu.
    m_jobActions =
        new JobActions(m_manager, m_jobs, this, [this](const QString &path) { openFolder(path); });
    QTableView *view = m_jobs->view();
    view->addActions(m_jobActions->all().mid(0, 5));
    auto *sep = new QAction(this);
    sep->setSeparator(true);
    view->addAction(sep);
    view->addAction(m_jobActions->remove());
    // The empty table points to New export and to the guide.
    m_jobs->setHintActions(m_newExport, m_guide);
    std::function<void(const QString &)> runAgain;
    if (m_session->demoServer())
        runAgain = [this](const QString &id) {
            runExportAgain(id, false, true);
        };
    m_jobActions->setEndedDemoRetry(
        [session = m_session](const ExportJob &job) { return session->isFromEndedDemo(job); },
        std::move(runAgain));
    m_jobActions->setRunAgain(
        [this](const QString &id, bool changesSince) { runExportAgain(id, changesSince); });
    view->addAction(m_jobActions->runAgain());
    view->addAction(m_jobActions->runChangesSince());
    m_scheduleCtl = new ScheduleController(
        m_session, this, [this] { return currentJobId(); },
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    view->addAction(m_scheduleCtl->repeatAction());
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newExport);
    file->addAction(m_jobActions->openFolder());
    file->addAction(m_scheduleCtl->schedulesAction());
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *job = menuBar()->addMenu(tr("&Export"));
    job->addActions(m_jobActions->all().mid(0, 4));
    job->addAction(m_jobActions->runAgain());
    job->addAction(m_jobActions->runChangesSince());
    job->addAction(m_scheduleCtl->repeatAction());
    job->addSeparator();
    job->addAction(m_findAction);
    job->addSeparator();
    job->addAction(m_jobActions->remove());

    QMenu *servers = menuBar()->addMenu(tr("&Servers"));
    const QList<QAction *> profileActions = m_profiles->profileActions();
    servers->addActions(profileActions.mid(0, profileActions.size() - 1));
    servers->addSeparator();
    servers->addAction(profileActions.constLast());

    menuBar()->addMenu(new LanguageMenu(m_session->options().settingsPath, this));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_guide);
    help->addSeparator();
    help->addAction(m_about);
    help->addAction(m_aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_newExport);
    bar->addSeparator();
    bar->addActions({m_jobActions->cancel(), m_jobActions->retry(), m_jobActions->download(),
                     m_jobActions->openFolder(), m_jobActions->remove()});
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_filterAction = bar->addWidget(m_jobs->filterEdit());
    new ToolBarFit(bar, {m_jobActions->remove(), m_jobActions->openFolder(),
                         m_jobActions->download(), m_jobActions->retry(), m_jobActions->cancel()});
    ShortcutToolTips::attach(bar);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(m_jobs->statusText());
    m_statusLabel->setObjectName(u"statusSummary"_s);
    m_statusLabel->setAccessibleName(tr("Summary"));
    statusBar()->addWidget(m_statusLabel, 1);
    m_keychainLabel = new QLabel(m_session->keychainText());
    m_keychainLabel->setObjectName(u"keychainState"_s);
    m_keychainLabel->setAccessibleName(tr("Keychain state"));
    statusBar()->addPermanentWidget(m_keychainLabel);
}

void MainWindow::applyIcons()
{
    QStyle *s = style();
    const auto themed = [s](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(name), s->standardIcon(fallback));
    };
    m_newExport->setIcon(themed("document-new", QStyle::SP_FileDialogNewFolder));
    m_jobActions->applyIcons();
    m_quit->setIcon(themed("application-exit", QStyle::SP_DialogCloseButton));
    m_profiles->applyIcons();
    m_jobs->applyIcons();
    m_details->applyIcons();
    m_tray->setIcon(windowIcon().isNull() ? s->standardIcon(QStyle::SP_DriveNetIcon)
                                          : windowIcon());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange)
        if (m_tray)
            applyIcons();
}

// --- settings -------------------------------------------------------------------------------

void MainWindow::loadSettings()
{
    const std::unique_ptr<QSettings> s = m_session->uiSettings();
    s->beginGroup(u"MainWindow"_s);
    if (!restoreGeometry(s->value(u"geometry"_s).toByteArray())) {
        // The first start: roomy, but never larger than the screen (a laptop's 1024x700).
        const QSize room = screen() ? screen()->availableGeometry().size() : QSize(1280, 800);
        resize(QSize(1280, 800).boundedTo(room - QSize(16, 48)));
    }
    restoreState(s->value(u"state"_s).toByteArray());
    m_mainSplitter->restoreState(s->value(u"mainSplitter"_s).toByteArray());
    m_centreSplitter->restoreState(s->value(u"centreSplitter"_s).toByteArray());
    m_jobs->restoreColumns(s->value(u"jobColumns"_s).toByteArray());
    m_details->loadSettings(*s);
    const QString profile = s->value(u"profile"_s).toString();
    s->endGroup();
    // In demo mode the demo server is what the user came to see. But the list must not hide an
    // export that runs on another server (after a restart it goes on by itself, and the status
    // bar counts it): then every server's exports are shown, and the server chosen last time
    // stays in the settings until the user picks another.
    QString chosen = m_session->demoServer() ? Session::demoProfileId() : profile;
    const QStringList ids = m_manager->jobIds();
    const bool runsElsewhere = std::any_of(ids.cbegin(), ids.cend(), [&](const QString &id) {
        const ExportJob *j = m_manager->job(id);
        return j && !j->isTerminal() && j->profileId != chosen;
    });
    const bool showAll = !chosen.isEmpty() && runsElsewhere;
    selectProfile(showAll ? QString() : chosen);
    if (showAll)
        m_keptProfile = profile;
}

void MainWindow::saveSettings() const
{
    const std::unique_ptr<QSettings> s = m_session->uiSettings();
    s->beginGroup(u"MainWindow"_s);
    s->setValue(u"geometry"_s, saveGeometry());
    s->setValue(u"state"_s, saveState());
    s->setValue(u"mainSplitter"_s, m_mainSplitter->saveState());
    s->setValue(u"centreSplitter"_s, m_centreSplitter->saveState());
    s->setValue(u"jobColumns"_s, m_jobs->saveColumns());
    m_details->saveSettings(*s);
    const QString profile = m_keptProfile.value_or(selectedProfileId());
    if (!m_session->isDemoProfile(profile))
        s->setValue(u"profile"_s, profile);
    s->endGroup();
    s->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Logging out or shutting down asks nothing: the jobs are saved on the way out either way.
    bool endingSession = false;
#ifndef QT_NO_SESSIONMANAGER
    endingSession = qApp->isSavingSession();
#endif
    if (!m_quitConfirmed && !endingSession) {
        if (const QString consequences = quitConsequences(); !consequences.isEmpty()) {
            event->ignore();
            askBeforeQuitting(consequences);
            return;
        }
    }
    saveSettings();
    event->accept();
}

QString MainWindow::quitConsequences() const
{
    bool running = false;
    bool demo = false;
    for (const QString &id : m_manager->jobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (!j || j->isTerminal())
            continue;
        // The demo server keeps its exports in memory: even one that is done and waits to be
        // downloaded ends with the program.
        if (j->profileId == Session::demoProfileId())
            demo = true;
        else if (j->state != JobState::Completed)
            running = true;
    }
    QStringList parts;
    if (running)
        parts << tr("The servers keep working on the running exports while this program is "
                    "closed. When you start it again, it checks on them and resumes the "
                    "downloads.");
    if (demo)
        parts << tr("Demo exports end when you quit: the demo server stops with the program.");
    return parts.join(u"\n\n"_s);
}

void MainWindow::askBeforeQuitting(const QString &consequences)
{
    if (m_quitBox && m_quitBox->isVisible()) {
        m_quitBox->raise();
        m_quitBox->activateWindow();
        return;
    }
    // Asked without blocking (no nested event loop while the exports go on underneath).
    auto *box = new QMessageBox(QMessageBox::Question, windowTitle(),
                                tr("Quit while exports are running?"), QMessageBox::NoButton, this);
    box->setObjectName(u"quitBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(consequences);
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(u"quitButton"_s);
    QPushButton *keep = box->addButton(tr("&Keep running"), QMessageBox::RejectRole);
    keep->setObjectName(u"keepRunningButton"_s);
    // Return or Escape keep the exports going: quitting by accident costs the demo's exports.
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, quit] {
        if (box->clickedButton() != quit)
            return;
        m_quitConfirmed = true;
        close();
    });
    m_quitBox = box;
    box->open();
}

// --- profiles and pages ---------------------------------------------------------------------

QString MainWindow::selectedProfileId() const
{
    return m_profiles->selectedProfileId();
}

void MainWindow::selectProfile(const QString &id)
{
    m_profiles->selectProfile(id);
}

void MainWindow::onProfileSelected(const QString &id)
{
    // The user's own choice from now on.
    m_keptProfile.reset();
    showCentreFor(id);
    m_jobs->setProfileFilter(id);
    updateActions();
}

void MainWindow::showCentreFor(const QString &profileId)
{
    const std::optional<Profile> profile =
        profileId.isEmpty() ? std::nullopt : m_session->profile(profileId);
    if (!profile || !profile->reporting) {
        m_centre->setCurrentIndex(0);
        setExportActionsAvailable(true);
        return;
    }
    ReportJobsView *&page = m_reportPages[profile->id];
    if (!page) {
        HttpClient *client = m_session->clientFor(*profile);
        page = new ReportJobsView(*profile, client, m_centre);
        page->setSettingsPath(m_session->options().settingsPath);
        connect(page, &ReportJobsView::notify, this,
                [this](const QString &title, const QString &message) {
                    m_tray->showMessage(title, message);
                    statusBar()->showMessage(title + u": "_s + message, 15000);
                });
        m_centre->addWidget(page);
        // Its toolbar names the keys in its tooltips as the window's own does.
        const QList<QToolBar *> bars = page->findChildren<QToolBar *>();
        for (QToolBar *bar : bars)
            ShortcutToolTips::attach(bar);
    }
    m_centre->setCurrentWidget(page);
    // The report page has its own actions (F5, Ctrl+D, Ctrl+O…): the export actions step aside
    // so that no shortcut is ambiguous.
    setExportActionsAvailable(false);
}

void MainWindow::setExportActionsAvailable(bool available)
{
    // The exports' filter too: it filters nothing on a report page, which has its own.
    QList<QAction *> exportActions = m_jobActions->all();
    exportActions << m_newExport;
    for (QAction *a : std::as_const(exportActions))
        a->setVisible(available);
    m_findAction->setVisible(available);
    m_filterAction->setVisible(available);
    // A report page has its own toolbar: an empty strip of ours would stay above it.
    if (QToolBar *bar = findChild<QToolBar *>(u"mainToolBar"_s))
        bar->setVisible(available);
    m_findAction->setEnabled(available);
    // updateActions() leaves New export alone: it was left disabled after a report page.
    m_newExport->setEnabled(available);
    if (available)
        updateActions();
    else
        for (QAction *a : std::as_const(exportActions))
            a->setEnabled(false);
}

// --- jobs -----------------------------------------------------------------------------------

JobTableModel *MainWindow::jobModel() const
{
    return m_jobs->model();
}

QSortFilterProxyModel *MainWindow::proxyModel() const
{
    return m_jobs->proxy();
}

QTableView *MainWindow::jobView() const
{
    return m_jobs->view();
}

QString MainWindow::currentJobId() const
{
    return m_jobs->currentJobId();
}

QStringList MainWindow::selectedJobIds() const
{
    return m_jobs->selectedJobIds();
}

void MainWindow::selectJob(const QString &id)
{
    m_jobs->selectJob(id);
}

QString MainWindow::statusText() const
{
    return m_jobs->statusText();
}

bool MainWindow::isExpiryWarningShown() const
{
    return m_jobs->isExpiryWarningShown();
}

Result<QString> MainWindow::startExport(const ExportRequest &request, const JobOptions &options)
{
    Result<QString> id = m_manager->startExport(request, options);
    if (id.ok()) {
        // Show it even when the list is filtered to another server.
        if (!m_jobs->profileFilter().isEmpty() && m_jobs->profileFilter() != options.profileId)
            selectProfile({});
        m_jobs->clearFilter();
        selectJob(id.value());
    }
    return id;
}

void MainWindow::updateTitle(const QString &running)
{
    //: the window's title while exports run; %1 what runs, like "2 running · 1 downloading 43 %"
    setWindowTitle(running.isEmpty() ? tr("FHIR Bulk Monitor")
                                     : tr("%1 — FHIR Bulk Monitor").arg(running));
}

void MainWindow::newExport()
{
    const QList<Profile> profiles = m_session->profiles();
    if (profiles.isEmpty()) {
        statusBar()->showMessage(tr("Add a server first: an export is always started on a "
                                    "server."),
                                 10000);
        m_profiles->addProfile();
        return;
    }
    QString profileId = selectedProfileId();
    if (profileId.isEmpty() || !m_session->profile(profileId))
        profileId = profiles.constFirst().id;
    auto *dialog = new NewExportDialog(
        profiles, profileId, m_manager,
        [session = m_session](const Profile &p) { return session->clientFor(p); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ExportRequest request = dialog->request();
        JobOptions options = dialog->options();
        // The folder the dialog showed: its own, inside the one chosen.
        options.outDir = ExportFolder::forExport(options.outDir, request, m_manager);
        startOrSay(request, options);
    });
    m_scheduleCtl->offerRepeat(dialog);
    dialog->open();
}

void MainWindow::showGuide()
{
    if (!m_help) {
        const HelpKeys keys{m_newExport->shortcut(),
                            m_jobActions->cancel()->shortcut(),
                            m_jobActions->retry()->shortcut(),
                            m_jobActions->download()->shortcut(),
                            m_jobActions->openFolder()->shortcut(),
                            m_jobActions->remove()->shortcut()};
        m_help = new HelpDialog(keys, this);
        m_help->setAttribute(Qt::WA_DeleteOnClose);
    }
    // Not modal: the guide stays open while the user tries things out in the window.
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
}

void MainWindow::updateActions()
{
    m_jobActions->update();
}

bool MainWindow::openFolder(const QString &path)
{
    return m_folders.open(path);
}

void MainWindow::bringToFront()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::onNotificationClicked(const QString &id)
{
    // "Saved" news leads to the files, as a browser's download notification does; any other
    // news to the export's row and details.
    const ExportJob *j = m_manager->job(id);
    if (j && j->state == JobState::Saved && QDir(j->outDir).exists()) {
        openFolder(j->outDir);
        return;
    }
    bringToFront();
    if (j) {
        m_jobs->clearFilter();
        m_jobs->selectJob(id);
    }
}

void MainWindow::onJobActivated(const QString &id)
{
    const ExportJob *j = m_manager->job(id);
    if (!j)
        return;
    if (j->state == JobState::Saved && QDir(j->outDir).exists()) {
        openFolder(j->outDir);
        return;
    }
    m_details->showDetailsTab();
}

QString MainWindow::startOrSay(const ExportRequest &request, const JobOptions &options)
{
    const Result<QString> started = startExport(request, options);
    if (started.ok())
        return started.value();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export not started"),
                                started.error().message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return {};
}

void MainWindow::runExportAgain(const QString &id, bool changesSince, bool replace)
{
    const ExportJob *j = m_manager->job(id);
    if (!j)
        return;
    auto [request, options] = RunAgain::plan(*j, changesSince, m_manager);
    // A demo export of an earlier run: its server ended with that run; this run's demo server
    // serves the same data.
    if (m_session->isFromEndedDemo(*j)) {
        const std::optional<Profile> demo = m_session->profile(Session::demoProfileId());
        if (!m_session->demoServer() || !demo) {
            statusBar()->showMessage(tr("This demo export cannot run again: no demo server runs "
                                        "now. Start the program with --demo."),
                                     10000);
            return;
        }
        request.base = demo->baseUrl;
        options.profileId = demo->id;
        options.serverName = demo->name;
    }
    // Retry of an ended demo export: two rows of one export, one of them dead for good, would
    // only puzzle. The old one's files, if it saved any, stay in their folder.
    if (replace)
        m_manager->remove(id);
    const QString started = startOrSay(request, options);
    if (!started.isEmpty())
        m_jobs->selectJob(started);
}

void MainWindow::showProblems(const QStringList &problems)
{
    if (problems.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Some saved exports could not be read"),
                                problems.join(u"\n\n"_s), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace fbm
