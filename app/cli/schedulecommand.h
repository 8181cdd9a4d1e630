#pragma once

#include <QStringList>

class QTextStream;

namespace fbm::cli {

/// `schedule add|list|remove|run-now`: recurring exports on systemd user timers (or cron).
/// args start with the command word.
int runScheduleCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace fbm::cli
