#pragma once

#include "folderopener.h"

#include "exportjob.h"
#include "jobmanager.h"
#include "result.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMessageBox;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace fbm {

class HelpDialog;
class JobActions;
class JobDetailsPane;
class JobsPanel;
class JobTableModel;
class ProfilesPanel;
class ReportJobsView;
class ScheduleController;
class Session;
class TrayNotifier;

/// The desktop application's window: server profiles on the left, the export jobs in the
/// centre, the selected job's details below, a toolbar, menus and a status bar. Its panels are
/// views over the Session's models; the window holds the actions, the layout and the settings,
/// and owns no job state itself.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts an export as the New export dialog's OK does, and selects its row.
    Result<QString> startExport(const ExportRequest &request, const JobOptions &options);

    /// The id of the job the details pane shows (empty: none).
    [[nodiscard]] QString currentJobId() const;
    [[nodiscard]] QStringList selectedJobIds() const;
    void selectJob(const QString &id);
    /// Empty: "All servers".
    [[nodiscard]] QString selectedProfileId() const;
    void selectProfile(const QString &id);

    [[nodiscard]] JobTableModel *jobModel() const;
    [[nodiscard]] QSortFilterProxyModel *proxyModel() const;
    [[nodiscard]] QTableView *jobView() const;
    /// The status bar's summary ("3 running · 1 downloading · next check in 0:42").
    [[nodiscard]] QString statusText() const;
    /// Whether the "files expire soon" banner is up.
    [[nodiscard]] bool isExpiryWarningShown() const;

    /// How folders are opened; QDesktopServices::openUrl by default. Tests replace it.
    void setUrlOpener(FolderOpener::UrlOpener opener) { m_folders.setUrlOpener(std::move(opener)); }

    /// Shows problems met at start-up (unreadable job files...) without blocking.
    void showProblems(const QStringList &problems);

Q_SIGNALS:
    /// A notification for the user (also shown by the system tray when there is one).
    void notified(const QString &title, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void applyIcons();
    void loadSettings();
    void saveSettings() const;
    /// What quitting now would do to the exports, for the question before quitting (empty:
    /// nothing runs, no need to ask).
    [[nodiscard]] QString quitConsequences() const;
    void askBeforeQuitting(const QString &consequences);

    /// Shows the report jobs page of a reporting profile (made on first use), or the exports.
    void showCentreFor(const QString &profileId);
    void setExportActionsAvailable(bool available);
    void onProfileSelected(const QString &id);

    void newExport();
    void updateTitle(const QString &running);
    /// Help > Guide (F1), one window at a time.
    void showGuide();
    void onJobActivated(const QString &id);
    void bringToFront();
    /// Run again: the ended export's request once more (as changes since it, when asked),
    /// into a new folder beside its own; a demo export of an earlier run on this run's demo.
    /// With \a replace the old row goes (Retry of an ended demo export).
    void runExportAgain(const QString &id, bool changesSince, bool replace = false);
    /// startExport(), and when it cannot start, a message saying why; the new job's id or empty.
    QString startOrSay(const ExportRequest &request, const JobOptions &options);
    /// A click on an export's notification: its folder when saved, else its row.
    void onNotificationClicked(const QString &id);
    void updateActions();
    bool openFolder(const QString &path);

    Session *m_session;
    JobManager *m_manager;
    FolderOpener m_folders;

    QAction *m_newExport = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    QAction *m_guide = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_filterAction = nullptr; ///< the toolbar's holder of the filter box, to hide it

    JobActions *m_jobActions = nullptr;
    ScheduleController *m_scheduleCtl = nullptr;
    ProfilesPanel *m_profiles = nullptr;
    JobsPanel *m_jobs = nullptr;
    JobDetailsPane *m_details = nullptr;
    TrayNotifier *m_tray = nullptr;
    QPointer<HelpDialog> m_help;
    QPointer<QMessageBox> m_quitBox;
    /// The server chosen when the program last ended, kept for the settings while the list
    /// shows all servers because an export runs on another one (loadSettings()).
    std::optional<QString> m_keptProfile;
    bool m_quitConfirmed = false; ///< "Quit" was the answer: close without asking again
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    /// The exports (page 0) or one report jobs page per reporting-server profile.
    QStackedWidget *m_centre = nullptr;
    QHash<QString, ReportJobsView *> m_reportPages;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_keychainLabel = nullptr;
};

} // namespace fbm
