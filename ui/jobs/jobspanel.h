#pragma once

#include "jobmanager.h"
#include "jobprogress.h"
#include "placeholdertableview.h"

#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QAction;

namespace fbm {

class FilterEdit;
class FlexibleColumn;
class JobFilterProxy;
class JobTableModel;
class MessageBar;

/// The list of exports: the table over the core's JobTableModel through a JobFilterProxy (the
/// chosen server, the filter text, icons), the filter box (for the window's toolbar), the
/// banner that warns about files the server will soon delete, and the one-line summary for the
/// status bar ("3 running · next check in 0:42").
class JobsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPanel)
public:
    explicit JobsPanel(JobManager *manager, QWidget *parent = nullptr);
    ~JobsPanel() override;

    [[nodiscard]] JobTableModel *model() const { return m_model; }
    [[nodiscard]] JobFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    /// The filter box; the window puts it in its toolbar.
    [[nodiscard]] FilterEdit *filterEdit() const { return m_filter; }

    /// Only this server's exports; empty: all.
    void setProfileFilter(const QString &profileId);
    [[nodiscard]] QString profileFilter() const;
    /// Empties the filter box at once.
    void clearFilter();

    /// The actions the empty table points to ("No exports yet — New export (Ctrl+N)"), named
    /// with their keys as the window gives them (so they stay right in every language).
    void setHintActions(QAction *newExport, QAction *guide);
    /// What the empty table says now (empty: it has rows).
    [[nodiscard]] QString placeholderText() const;

    /// The job the details show: the current row when selected, else the first selected.
    [[nodiscard]] QString currentJobId() const { return m_currentId; }
    /// The selected jobs, or the current one when none is selected.
    [[nodiscard]] QStringList selectedJobIds() const;
    void selectJob(const QString &id);

    [[nodiscard]] QString statusText() const { return m_statusText; }
    /// What runs, for the window's title ("2 running · 1 downloading 43 %"); empty: nothing.
    [[nodiscard]] QString titleText() const { return m_titleText; }
    [[nodiscard]] bool isExpiryWarningShown() const;

    /// Shows an export's news above the table ("Demo server: Patient saved in …") with its
    /// next step as a button (Open folder, Retry, Download), until it is dismissed, replaced
    /// by the next news, or the export changes state or leaves the list.
    void showNews(const QString &id, const QString &text);
    /// Says that a cancel did not happen and why, with Cancel again (JobManager::cancelFailed).
    void showCancelProblem(const QString &id, const QString &reason);
    /// The banner of the last news (hidden when there is none).
    [[nodiscard]] MessageBar *newsBar() const { return m_news; }

    /// The column layout, for the window's settings. Restoring a layout keeps the user's widths
    /// as they were (no more fitting of "Server says").
    [[nodiscard]] QByteArray saveColumns() const;
    void restoreColumns(const QByteArray &state);
    /// Shows or hides a column of the job table, as the header's menu does.
    void showColumn(int column, bool shown);

    /// Icons by the current style (the window calls it again when the style changes).
    void applyIcons();

Q_SIGNALS:
    /// The job the details should show changed (empty: none).
    void currentJobChanged(const QString &id);
    /// The selection changed (the window's actions follow it).
    void selectionChanged();
    /// Return or a double click on a job.
    void jobActivated(const QString &id);
    /// The summary for the status bar changed.
    void statusTextChanged(const QString &text);
    void titleTextChanged(const QString &text);
    /// The link in a job's row was clicked ("Open folder", "Download", "Retry").
    void rowActionTriggered(const QString &id, fbm::JobProgress::Action action);

private:
    void chooseColumns(const QPoint &pos);
    void onSelectionChanged();
    void scheduleSummary();
    void updateSummary();
    void updatePlaceholder();

    JobManager *m_manager;
    JobTableModel *m_model;
    JobFilterProxy *m_proxy;
    MessageBar *m_banner = nullptr;
    MessageBar *m_news = nullptr;
    QString m_newsJob;
    JobState m_newsState = JobState::Starting;
    PlaceholderTableView *m_view = nullptr;
    FilterEdit *m_filter = nullptr;
    QPointer<QAction> m_newExportAction;
    QPointer<QAction> m_guideAction;
    FlexibleColumn *m_columnFit = nullptr; ///< sizes "Server says" until widths are restored
    QString m_currentId;
    QString m_statusText;
    QString m_titleText;
    QStringList m_expiringSoon; ///< jobs whose files expire soon, unsaved
    QTimer m_summaryTimer;
};

} // namespace fbm
