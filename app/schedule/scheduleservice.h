#pragma once

#include "result.h"
#include "schedulestore.h"
#include "userscheduler.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace fbm {

/**
 * What `schedule add|list|remove|run-now` and the Schedules window do, in one place: the
 * store's files, and the timers through systemctl --user where a user session exists (where
 * none does, the units are written all the same, with how to enable them later and the
 * crontab line that does the same).
 */
class ScheduleService final
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ScheduleService)

public:
    /// \a program: the executable every run starts (the absolute path of this one).
    ScheduleService(ScheduleStore store, UserScheduler scheduler, QString program);

    [[nodiscard]] const ScheduleStore &store() const { return m_store; }
    [[nodiscard]] UserScheduler &scheduler() { return m_scheduler; }
    [[nodiscard]] QString program() const { return m_program; }

    struct Added
    {
        Error error;          ///< Usage for a bad or taken name; the units are not written then
        bool enabled = false; ///< the timer is on (a user session exists)
        QString enableLater;  ///< without a session: the commands that enable it later
        QString crontabLine;  ///< without a session: the cron equivalent
        QDateTime nextRun;    ///< when systemd said
    };
    /// Writes the schedule and its units, and enables the timer where it can.
    [[nodiscard]] Added add(const Schedule &schedule);
    /// Stops the timer (where there is a session), removes the units and the schedule.
    /// *hadSession: whether systemd was asked (else a crontab line may be left to remove).
    [[nodiscard]] Error remove(const QString &name, bool *hadSession = nullptr);
    /// Starts a run now: through systemd (*viaSystemd true), else as a detached process.
    [[nodiscard]] Error runNow(const QString &name, bool *viaSystemd = nullptr);

    struct Row
    {
        Schedule schedule;
        UserScheduler::TimerState timer;
        std::optional<ScheduleRun> last;
    };
    /// Every schedule with what systemd and its last run say. *hadSession: whether systemd
    /// answered (else no next run is known).
    [[nodiscard]] QList<Row> rows(bool *hadSession = nullptr);

private:
    ScheduleStore m_store;
    UserScheduler m_scheduler;
    QString m_program;
};

} // namespace fbm
