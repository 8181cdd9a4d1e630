#pragma once

#include "jobmanager.h"

#include <QHash>
#include <QSet>
#include <QTabWidget>

class QAction;
class QGridLayout;
class QLabel;
class QPushButton;
class QSettings;
class QTableView;
class QToolButton;
class QTreeView;

namespace fbm {

class DataTab;
class JobActivityModel;
class JobFilesModel;
class JobIssuesModel;
class JobResourcesModel;
class JobTableModel;

/// The selected export's details in five tabs: Details (state, problem, addresses, folder, and
/// the issues the server reported), Files, Resources per type, Data (what the saved files
/// hold, DataTab) and Activity (every request, copyable as curl). Each table is a view over a core
/// model; setJob() points them all at one job. The countdowns follow the job table's one-second
/// tick.
class JobDetailsPane final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobDetailsPane)
public:
    /// table: the jobs' table model, whose countdown texts the Details tab repeats.
    JobDetailsPane(JobManager *manager, JobTableModel *table, QWidget *parent = nullptr);
    ~JobDetailsPane() override;

    /// Shows a job (empty: none). A finished job's activity log is read from the store now.
    void setJob(const QString &id);
    [[nodiscard]] QString jobId() const { return m_jobId; }
    /// Brings the Details tab forward with the keyboard focus in it.
    void showDetailsTab();

    /// Column widths and the current tab, in the window's settings group.
    void loadSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

    void applyIcons();
    [[nodiscard]] DataTab *dataTab() const { return m_dataTab; }

Q_SIGNALS:
    /// The user asked to open the export's folder.
    void openFolderRequested(const QString &path);
    /// A short message for the status bar.
    void statusMessage(const QString &text, int timeoutMs);

private:
    QWidget *createDetailsTab();
    QWidget *createFilesTab();
    QWidget *createResourcesTab();
    QWidget *createActivityTab();

    void onJobChanged(const QString &id, JobFields fields);
    void setField(const QString &key, const QString &text);
    /// Shows or hides the rows only a technician needs (the request's and the status address).
    void showTechnicalDetails(bool show);
    void updateFieldVisibility(const QString &key);
    void updateCountdownFields(const ExportJob *job);
    void updateDetails(const ExportJob *job);
    [[nodiscard]] static QString serverCopyText(const ExportJob &job);
    /// The attachments saved and those that were not, for a saved job that asked for them.
    [[nodiscard]] static QString attachmentsText(const ExportJob &job);
    void updateFileButtons();
    void updateIssuesVisibility();
    void updateDataTab(const ExportJob *job);
    void retryCurrentFile();
    void copyActivityAsCurl();
    void openFolderOfJob();

    JobManager *m_manager;
    JobTableModel *m_table;
    JobFilesModel *m_filesModel;
    JobResourcesModel *m_resourcesModel;
    JobActivityModel *m_activityModel;
    JobIssuesModel *m_issuesModel;
    QString m_jobId;

    QLabel *m_emptyDetails = nullptr;
    QWidget *m_detailsForm = nullptr;
    QHash<QString, QWidget *> m_fields;      ///< the Details tab's value widgets by key
    QHash<QString, QWidget *> m_fieldLabels; ///< their captions
    /// Rows in a technician's words (raw addresses), shown on request (walkthrough #12).
    QSet<QString> m_technicalKeys;
    QToolButton *m_technicalToggle = nullptr;
    QTreeView *m_issues = nullptr;
    QLabel *m_issuesTitle = nullptr;
    QTableView *m_files = nullptr;
    QLabel *m_noFiles = nullptr;
    QPushButton *m_retryFile = nullptr;
    QPushButton *m_filesOpenFolder = nullptr;
    QTableView *m_resources = nullptr;
    DataTab *m_dataTab = nullptr;
    QTreeView *m_activity = nullptr;
    QAction *m_copyCurl = nullptr;
    QPushButton *m_copyCurlButton = nullptr;
};

} // namespace fbm
