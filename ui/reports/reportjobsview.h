#pragma once

#include "activity.h"
#include "auth/profile.h"
#include "messagebar.h"
#include "reports/reportarchive.h"
#include "reports/reportclient.h"
#include "result.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QSettings;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QToolBar;

namespace fbm {

class FileChooser;
class FilterEdit;
class HttpClient;
class ReportDetailsPane;
class ReportJobActions;
class ReportJobFilterProxy;
class ReportJobModel;
class ReportStatusLine;

/// The page of one reporting-server profile: its report jobs (`$get-report-job-status`) in a
/// sortable, filterable table, the selected job's parts, and the actions Refresh, Save status,
/// Download report, Download all finished, Start report, Open and Extract a saved report.
/// While any job is unfinished the list refreshes itself every N seconds (0: never); rows are
/// updated in place, so selection and scroll position survive. A job that turns done or failed
/// raises notify(). Problems show in a message area above the table, never in a modal box.
///
/// The page fetches the list the first time it is shown; refresh() does it at any time.
/// client must outlive the page.
class ReportJobsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportJobsView)
public:
    using MessageKind = MessageBar::Kind;

    ReportJobsView(const fbm::Profile &profile, fbm::HttpClient *client, QWidget *parent = nullptr);
    ~ReportJobsView() override;

    [[nodiscard]] const Profile &profile() const { return m_profile; }
    [[nodiscard]] ReportClient *reportClient() const { return m_client; }
    [[nodiscard]] ReportJobModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxyModel() const;
    [[nodiscard]] QTableView *tableView() const { return m_view; }
    /// Refresh, Save status, Download report, Download all finished, Start report, Open,
    /// Extract: for a main window's menus. Their shortcuts work while focus is in the page.
    [[nodiscard]] QList<QAction *> reportActions() const;

    /// The key (ReportJob::key()) of the job the details show, or empty.
    [[nodiscard]] QString currentJobKey() const;
    void selectJob(const QString &key);

    /// Seconds between automatic refreshes while a job is unfinished; 0 turns them off.
    [[nodiscard]] int autoRefreshSeconds() const;
    void setAutoRefreshSeconds(int seconds);

    /// The folder reports are saved in (remembered per profile).
    [[nodiscard]] QString downloadFolder() const;
    /// Where the selected job's report was saved, when it was (empty otherwise).
    [[nodiscard]] QString savedReportPath() const;

    /// The message area's text ("" when hidden) and kind.
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] MessageKind messageKind() const;

    /// Settings in this INI file instead of the application's default QSettings.
    void setSettingsPath(const QString &iniPath);
    /// How files and folders are opened; QDesktopServices::openUrl by default.
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_openUrl = std::move(opener); }

    /// Who asks the user for folders and files; QFileDialog by default. Tests answer instead.
    /// The chooser must outlive the page.
    void setFileChooser(FileChooser *chooser);

public Q_SLOTS:
    void refresh();
    void saveStatus();
    void downloadReport();
    void downloadAllFinished();
    void startReport();
    void openSavedReport();
    void extractSavedReport();

Q_SIGNALS:
    /// A report job turned done or failed (the main window shows it in the tray).
    void notify(const QString &title, const QString &message);
    /// One per HTTP exchange with the reporting server, already redacted.
    void activity(const fbm::ActivityEntry &entry);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QToolBar *createToolBar();
    void applyIcons();
    [[nodiscard]] std::unique_ptr<QSettings> settings() const;
    void loadSettings();
    void saveHeaderState() const;
    void rememberDownloadFolder(const QString &folder);
    [[nodiscard]] QString chooseDownloadFolder(const QString &title);

    void onJobsFetched(const QList<fbm::ReportJob> &jobs);
    void onFetchFailed(const fbm::Error &error);
    void onReportDownloaded(const fbm::ReportDownload &result);
    void onAllDownloadsFinished(const QList<fbm::ReportDownload> &results);
    void onJobFinished(const fbm::ReportJob &job);
    void onReportStarted(const QString &name);
    void onRowsInserted(const QModelIndex &parent, int first, int last);

    void showMessage(MessageKind kind, const QString &text, const QString &actionText = {},
                     std::function<void()> action = {});
    /// The archive's notice in the message bar, its next step as the bar's button.
    void showNotice(const ArchiveNotice &notice);
    void clearMessage();
    void updateActions();
    void updateStatusLine();
    void showDetails();
    [[nodiscard]] const ReportJob *currentJob() const;
    [[nodiscard]] QList<ReportJob> selectedJobs() const;
    [[nodiscard]] QString savedPathFor(const ReportJob &job) const;
    bool openPath(const QString &path);

    Profile m_profile;
    ReportClient *m_client = nullptr;
    ReportJobModel *m_model = nullptr;
    ReportJobFilterProxy *m_proxy = nullptr;
    ReportArchive m_archive;
    FileChooser *m_files;
    std::function<bool(const QUrl &)> m_openUrl;
    QString m_settingsPath;

    ReportJobActions *m_actions = nullptr;

    MessageBar *m_message = nullptr;
    FilterEdit *m_filter = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_view = nullptr;
    ReportDetailsPane *m_details = nullptr;
    ReportStatusLine *m_statusLine = nullptr;

    QString m_lastError; ///< the last refresh's error, for the status line
    bool m_fetchedOnce = false;
    bool m_shownOnce = false;
    bool m_headerRestored = false;
    bool m_batchRunning = false;
    QString m_batchFolder;           ///< where Download all finished saves
    bool m_selectNextNewJob = false; ///< select the job a Start report adds
    bool m_fetchErrorShown = false;  ///< the message bar shows the last refresh's error
};

} // namespace fbm
