#pragma once

#include "exportjob.h"
#include "jobmanager.h"
#include "result.h"

#include <QHash>
#include <QMainWindow>
#include <QStackedWidget>
#include <QTimer>

#include <functional>

class QAction;
class QGridLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSplitter;
class QSystemTrayIcon;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTreeWidget;
class QSortFilterProxyModel;

namespace fbm {

class Session;
class JobFilterProxy;
class JobTableModel;
struct Profile;

/// The desktop application's window: server profiles on the left, the export jobs in the
/// centre, the selected job's details below, a toolbar, menus and a status bar. It drives the
/// Session's JobManager and shows what the manager reports; it owns no job state itself.
class ReportJobsView;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(Session *app, QWidget *parent = nullptr);
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

    [[nodiscard]] JobTableModel *jobModel() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxyModel() const;
    [[nodiscard]] QTableView *jobView() const { return m_view; }
    /// The status bar's summary ("3 running · 1 downloading · next check in 0:42").
    [[nodiscard]] QString statusText() const;
    /// Whether the "files expire soon" banner is up.
    [[nodiscard]] bool isExpiryWarningShown() const;

    /// How folders are opened; QDesktopServices::openUrl by default. Tests replace it.
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_openUrl = std::move(opener); }

    /// Shows problems met at start-up (unreadable job files...) without blocking.
    void showProblems(const QStringList &problems);

Q_SIGNALS:
    /// A notification for the user (also shown by the system tray when there is one).
    void notified(const QString &title, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Shows the report jobs page of a reporting profile (made on first use), or the exports.
    void showCentreFor(const QString &profileId);
    void setExportActionsAvailable(bool available);
    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createProfilesPanel();
    QWidget *createJobsPanel();
    QWidget *createDetailsPane();
    QWidget *createDetailsTab();
    QWidget *createFilesTab();
    QWidget *createResourcesTab();
    QWidget *createActivityTab();
    void createStatusBar();
    void createTray();
    void applyIcons();

    void loadSettings();
    void saveSettings() const;

    // profiles
    void reloadProfiles();
    void onProfileSelected();
    void addProfile();
    void editProfile();
    void duplicateProfile();
    void deleteProfile();
    void openProfileDialog(const Profile &profile, bool isNew);
    void saveProfile(const Profile &profile);

    // jobs
    void newExport();
    /// folder, or a new dated folder inside it when it already holds another export.
    [[nodiscard]] QString freshExportFolder(const QString &folder) const;
    void cancelSelected();
    void retrySelected();
    void downloadSelected();
    void checkNowSelected();
    void openFolderOfCurrent();
    void removeSelected();
    void onJobActivated(const QModelIndex &index);
    void onSelectionChanged();
    void onJobChanged(const QString &id, JobFields fields);
    void onJobAdded(const QString &id);
    void onJobRemoved(const QString &id);
    void onActivityAdded(const QString &id, const ActivityEntry &entry);
    void updateActions();
    void scheduleSummary();
    void updateSummary();
    void notifyTransition(const ExportJob &job, JobState from);
    void confirm(const QString &title, const QString &text, const QString &acceptText,
                 std::function<void()> onAccept);
    bool openFolder(const QString &path);

    // details
    void showJob(const QString &id);
    void setField(const QString &key, const QString &text);
    void updateCountdownFields(const ExportJob *job);
    void updateDetails(const ExportJob *job);
    void updateFiles(const ExportJob *job);
    void updateResources(const ExportJob *job);
    void updateIssues(const ExportJob *job);
    void rebuildActivity(const ExportJob *job);
    void appendActivity(const ActivityEntry &entry);
    void copyActivityAsCurl();
    void retryCurrentFile();
    void updateFileButtons();

    Session *m_app;
    JobManager *m_manager;
    JobTableModel *m_model = nullptr;
    JobFilterProxy *m_proxy = nullptr;
    std::function<bool(const QUrl &)> m_openUrl;

    // actions
    QAction *m_newExport = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_download = nullptr;
    QAction *m_checkNow = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    QAction *m_addProfile = nullptr;
    QAction *m_editProfile = nullptr;
    QAction *m_duplicateProfile = nullptr;
    QAction *m_deleteProfile = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_copyCurl = nullptr;

    // widgets
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    /// The exports (page 0) or one report jobs page per reporting-server profile.
    QStackedWidget *m_centre = nullptr;
    QHash<QString, ReportJobsView *> m_reportPages;
    QListWidget *m_profileList = nullptr;
    QPushButton *m_addProfileButton = nullptr;
    QPushButton *m_editProfileButton = nullptr;
    QPushButton *m_duplicateProfileButton = nullptr;
    QPushButton *m_deleteProfileButton = nullptr;
    QLineEdit *m_filter = nullptr;
    QAction *m_filterAction = nullptr; ///< the toolbar's holder of m_filter, to hide it
    QObject *m_jobColumnFit = nullptr; ///< sizes "Server says" until widths are restored
    QTimer m_filterDebounce;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerButton = nullptr;
    QTableView *m_view = nullptr;
    QTabWidget *m_details = nullptr;
    QLabel *m_emptyDetails = nullptr;
    QWidget *m_detailsForm = nullptr;
    QGridLayout *m_form = nullptr;
    QHash<QString, QWidget *> m_fields;      ///< the Details tab's value widgets by key
    QHash<QString, QWidget *> m_fieldLabels; ///< their captions
    QTreeWidget *m_issues = nullptr;
    QLabel *m_issuesTitle = nullptr;
    QTableWidget *m_files = nullptr;
    QLabel *m_noFiles = nullptr;
    QPushButton *m_retryFile = nullptr;
    QPushButton *m_filesOpenFolder = nullptr;
    QTableWidget *m_resources = nullptr;
    QTreeWidget *m_activity = nullptr;
    QPushButton *m_copyCurlButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_keychainLabel = nullptr;
    QSystemTrayIcon *m_tray = nullptr;

    QString m_currentId;
    QHash<QString, JobState> m_lastState; ///< to notify on transitions seen in this session
    QHash<QString, QList<QStringList>> m_issueCache; ///< issues in a job's saved error files
    QStringList m_expiringSoon;                      ///< jobs whose files expire soon, unsaved
    QTimer m_summaryTimer;
};

} // namespace fbm
