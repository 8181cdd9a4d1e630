#pragma once

#include "schedule/schedule.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace fbm {

class FileChooser;
class ScheduleListModel;
class ScheduleService;

/// "Schedules…": the recurring exports with their next run (from systemd) and how their last
/// run ended; Add, Remove and Run now. systemctl answers at once, so it is asked on the GUI
/// thread, when the window opens and after each change.
class SchedulesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchedulesDialog)
public:
    /// \a service: the schedules (not owned); \a profiles: the servers offered by Add.
    SchedulesDialog(ScheduleService *service, QStringList profiles, FileChooser *chooser = nullptr,
                    QWidget *parent = nullptr);
    ~SchedulesDialog() override;

    /// Reads the schedules again.
    void refresh();
    /// Opens the Repeat dialog for \a initial and adds what it gives (Add… opens it empty).
    void add(const Schedule &initial);
    /// Adds \a schedule at once and says how it went (what Add does once its dialog is
    /// accepted).
    void addSchedule(const Schedule &schedule);
    void removeSelected();
    void runSelectedNow();

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] ScheduleListModel *model() const { return m_model; }
    /// The sentence about the last change (or the crontab line to add), for the user.
    [[nodiscard]] QString message() const;

Q_SIGNALS:
    /// A run was started now.
    void runStarted(const QString &name);

private:
    [[nodiscard]] QString selectedName() const;
    void say(const QString &text);
    void updateButtons();

    ScheduleService *m_service;
    QStringList m_profiles;
    FileChooser *m_chooser;
    ScheduleListModel *m_model;
    QTableView *m_view;
    QLabel *m_message;
    QPushButton *m_remove;
    QPushButton *m_runNow;
};

} // namespace fbm
