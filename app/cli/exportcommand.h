#pragma once

#include <QCommandLineOption>
#include <QStringList>

class QTextStream;

namespace fbm::cli {

/// `export`, `resume` and `cancel`. args start with the command word.
int runExportCommand(const QStringList &args, QTextStream &out, QTextStream &err);
int runResumeCommand(const QStringList &args, QTextStream &out, QTextStream &err);
int runCancelCommand(const QStringList &args, QTextStream &out, QTextStream &err);
/// Options `export` shares with the commands that pass them on to it (`schedule add`).
QCommandLineOption keepOnServerOption();
QCommandLineOption attachmentsOption();
QCommandLineOption gzipOption();
QCommandLineOption lenientOption();

int runDemoServerCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace fbm::cli
