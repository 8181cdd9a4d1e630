#pragma once

#include <QStringList>

class QTextStream;

namespace fbm::cli {

/// `export`, `resume` and `cancel`. args start with the command word.
int runExportCommand(const QStringList &args, QTextStream &out, QTextStream &err);
int runResumeCommand(const QStringList &args, QTextStream &out, QTextStream &err);
int runCancelCommand(const QStringList &args, QTextStream &out, QTextStream &err);
int runDemoServerCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace fbm::cli
