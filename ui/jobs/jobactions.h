#pragma once

#include "jobmanager.h"
#include "jobprogress.h"

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace fbm {

class JobsPanel;

/// The commands on the selected exports: Cancel, Retry, Download, Check now, Open folder,
/// Remove from list, Run again and Run again for changes since, as actions for the window's menus,
/// toolbar and the table's context menu. They are enabled by what the selected jobs allow; Cancel,
/// and Remove of a running export, ask first.
class JobActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobActions)
public:
    /// window: the parent of the questions; openFolder opens a job's folder.
    JobActions(JobManager *manager, JobsPanel *jobs, QWidget *window,
               std::function<void(const QString &)> openFolder);
    ~JobActions() override;

    [[nodiscard]] QAction *cancel() const { return m_cancel; }
    [[nodiscard]] QAction *retry() const { return m_retry; }
    [[nodiscard]] QAction *download() const { return m_download; }
    [[nodiscard]] QAction *checkNow() const { return m_checkNow; }
    [[nodiscard]] QAction *openFolder() const { return m_openFolder; }
    [[nodiscard]] QAction *remove() const { return m_remove; }
    [[nodiscard]] QAction *runAgain() const { return m_runAgain; }
    [[nodiscard]] QAction *runChangesSince() const { return m_runChangesSince; }
    [[nodiscard]] QList<QAction *> all() const;

    /// How Retry treats a demo export of an earlier run of the program, whose demo server ended
    /// with it (Session::isFromEndedDemo): \a ended tells such a job, and \a runAgain starts it
    /// again on this run's demo server. Without runAgain (no demo server runs now) Retry is
    /// disabled for such a job and its tooltip says why: retrying it as it was would only ask a
    /// port where nothing listens any more.
    void setEndedDemoRetry(std::function<bool(const ExportJob &)> ended,
                           std::function<void(const QString &)> runAgain);

    /// How Run again starts an ended export again: \a start(id, changesSince) (the window
    /// knows the folders and the demo server). Without it Run again is disabled.
    void setRunAgain(std::function<void(const QString &, bool)> start);

    /// Enables each action by what the selected jobs allow.
    void update();
    /// The next step a finished row offers, taken from the row itself (its link): the same
    /// as the toolbar's command on that one job.
    void runRowAction(const QString &id, JobProgress::Action action);
    void applyIcons();

private:
    void cancelSelected();
    void retrySelected();
    void downloadSelected();
    void checkNowSelected();
    void openFolderOfCurrent();
    void removeSelected();
    void runAgainSelected();
    void runChangesSinceSelected();

    JobManager *m_manager;
    JobsPanel *m_jobs;
    QWidget *m_window;
    std::function<void(const QString &)> m_openFolderOf;
    std::function<bool(const ExportJob &)> m_endedDemo;
    std::function<void(const QString &)> m_runDemoAgain;
    std::function<void(const QString &, bool)> m_startAgain;
    QString m_retryTip;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_download = nullptr;
    QAction *m_checkNow = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_runAgain = nullptr;
    QAction *m_runChangesSince = nullptr;
};

} // namespace fbm
