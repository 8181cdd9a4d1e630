#pragma once

#include "schedule.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fbm {

/// The systemd user units of a schedule, and the crontab line that does the same where there
/// is no systemd user session. Pure text: nothing here touches the disk or runs systemctl.
namespace SystemdUnits {

/// "fhir-bulk-monitor-NAME" (then ".service" and ".timer").
[[nodiscard]] QString unitBaseName(const QString &scheduleName);
[[nodiscard]] QString serviceName(const QString &scheduleName);
[[nodiscard]] QString timerName(const QString &scheduleName);

/// One word of ExecStart= quoted by the rules of systemd.syntax(7) and systemd.service(5):
/// in double quotes, with \ and " escaped, % doubled (specifiers) and $ doubled (variable
/// expansion), so that systemd hands the program exactly \a word.
[[nodiscard]] QString quoted(const QString &word);
/// The words of \a argv quoted and joined.
[[nodiscard]] QString execLine(const QStringList &argv);
/// The reverse of execLine() (tests read a unit's ExecStart back): the words, or nothing when
/// the line is not quoted the way execLine() quotes.
[[nodiscard]] std::optional<QStringList> parseExecLine(const QString &line);

/// The .service: a oneshot that runs \a schedule's command with \a program. No secret is ever
/// in it: the run reads the profile's secret from the keychain.
[[nodiscard]] QString service(const Schedule &schedule, const QString &program);
/// The .timer: OnCalendar= the schedule's time, Persistent=true (a run missed while the
/// computer was off happens at the next start).
[[nodiscard]] QString timer(const Schedule &schedule);

/// The crontab line that runs the same command at the same time, each word quoted for sh
/// and every % escaped (cron reads an unescaped % as a line break).
[[nodiscard]] QString crontabLine(const Schedule &schedule, const QString &program);

} // namespace SystemdUnits

} // namespace fbm
