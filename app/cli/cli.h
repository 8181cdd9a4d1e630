#pragma once

#include <QStringList>

#include <optional>

class QTextStream;

namespace fbm::cli {

/// Exit codes scripts rely on.
enum ExitCode
{
    Success = 0,
    Failure = 1,
    UsageError = 2
};

/// Whether argv[1] names a command-line command (export, resume, cancel, report-jobs, profile,
/// demo-server, help) rather than the desktop application.
[[nodiscard]] bool isCommand(const QStringList &arguments);

/// Runs a command in a QCoreApplication that already exists; returns the exit code.
/// arguments are the whole argv (program name first).
int run(const QStringList &arguments);

/// The same with explicit streams (tests): human output and errors go to err, --json events
/// and printed tables to out.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fbm::cli
