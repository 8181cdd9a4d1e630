#pragma once

#include "exportrequest.h"
#include "jobmanager.h"
#include "schedule/scheduleservice.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QFileSystemWatcher;
class QTimer;
class QWidget;
class NewExportDialog;

namespace fbm {

class Session;
class SchedulesDialog;

/// The window's side of recurring exports: "Schedules…", "Repeat…" on an export or from New
/// export, and what the runs leave: their exports are taken into the window's list (from the
/// command line's job list) and a failed run is told once, at the next start or when it ends
/// while the window is open (the schedules' folder is watched).
class ScheduleController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleController)
public:
    /// \a currentJob gives the selected export's id (empty: none); \a status shows a line in
    /// the status bar. \a service: the schedules (null: the user's, with systemctl --user).
    ScheduleController(Session *session, QWidget *window, std::function<QString()> currentJob,
                       std::function<void(const QString &)> status,
                       std::unique_ptr<ScheduleService> service = {});
    ~ScheduleController() override;

    [[nodiscard]] QAction *schedulesAction() const { return m_schedules; }
    [[nodiscard]] QAction *repeatAction() const { return m_repeat; }
    [[nodiscard]] ScheduleService *service() const { return m_service.get(); }

    void showSchedules();
    /// The Repeat dialog for \a request from \a profileId, its runs saved in \a saveIn.
    void repeat(const ExportRequest &request, const JobOptions &options, const QString &profileId,
                const QString &saveIn);
    /// The New export dialog's "Repeat…" opens the Repeat dialog for its request.
    void offerRepeat(NewExportDialog *dialog);
    /// Takes the ended runs' exports into the list and tells about failed runs not told yet.
    void collectRuns();

private:
    void repeatSelected();
    [[nodiscard]] QStringList profileNames() const;

    Session *m_session;
    QWidget *m_window;
    std::function<QString()> m_currentJob;
    std::function<void(const QString &)> m_status;
    std::unique_ptr<ScheduleService> m_service;
    QAction *m_schedules;
    QAction *m_repeat;
    QPointer<SchedulesDialog> m_dialog;
    QFileSystemWatcher *m_watcher;
    QTimer *m_settle;
};

} // namespace fbm
