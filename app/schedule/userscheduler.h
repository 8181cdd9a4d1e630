#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fbm {

/**
 * The machine's own scheduler for one user: systemd's user manager, reached with
 * `systemctl --user`. Tests point it at a fake systemctl (FBM_SYSTEMCTL, or the constructor),
 * so that nothing touches the real user's timers.
 */
class UserScheduler
{
    Q_DECLARE_TR_FUNCTIONS(fbm::UserScheduler)

public:
    /// \a systemctl: the program to run; empty: $FBM_SYSTEMCTL, else "systemctl".
    explicit UserScheduler(QString systemctl = {});

    [[nodiscard]] QString program() const { return m_program; }

    /// Whether a systemd user session answers (`systemctl --user show-environment` works): cron
    /// jobs, ssh without lingering and containers often have none.
    [[nodiscard]] bool hasUserSession();
    /// Reloads the units and enables and starts \a timer.
    [[nodiscard]] Error enable(const QString &timer);
    /// Stops and disables \a timer (one that is not loaded is not an error).
    [[nodiscard]] Error disable(const QString &timer);
    /// Reloads the unit files after some were removed.
    [[nodiscard]] Error reload();
    /// Starts \a service now without waiting for it to end.
    [[nodiscard]] Error start(const QString &service);

    struct TimerState
    {
        QDateTime nextRun;     ///< invalid when systemd does not know it
        QDateTime lastTrigger; ///< invalid when it never ran
    };
    /// What systemd knows about \a timer; both invalid when nothing.
    [[nodiscard]] TimerState state(const QString &timer);

private:
    /// Runs systemctl --user with \a args; the error holds its standard error.
    Error run(const QStringList &args, QByteArray *out = nullptr);

    QString m_program;
};

} // namespace fbm
