#pragma once

#include "session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QTextStream;

namespace fbm::cli {

/// The translation context of the command line's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fbm::cli)
};

/// Exit codes scripts rely on.
enum ExitCode
{
    Success = 0,
    Failure = 1,
    UsageError = 2
};

/// Whether argv[1] names a command-line command (export, resume, cancel, report-jobs, profile,
/// inspect, demo-server, help) rather than the desktop application.
[[nodiscard]] bool isCommand(const QStringList &arguments);

/// Whether the command line, not the desktop application, answers these arguments: argv[1] is a
/// word rather than an option. The desktop application takes no such words, so a mistyped
/// command gets an error on the terminal instead of a window (or no display at all).
[[nodiscard]] bool isCommandLine(const QStringList &arguments);

/// A parser whose help names the command ("Usage: fhir-bulk-monitor export [options]").
/// QCommandLineParser::helpText() names QCoreApplication's argv[0] instead, whatever was parsed.
class CommandParser final : public QCommandLineParser
{
public:
    /// program: what the usage line shows, e.g. "fhir-bulk-monitor export".
    explicit CommandParser(QString program);
    void setProgram(const QString &program) { m_program = program; }
    [[nodiscard]] QString commandHelpText() const;

private:
    QString m_program;
};

/// Prints \a message and the command's help to \a err; returns UsageError (2).
int usage(QTextStream &err, const QString &message, const CommandParser &p);
/// Parses a command's arguments; false with *exit set when that is all: a usage error (2), or
/// --help printed on \a out (0).
bool parse(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err,
           int *exit);

/// The session a command runs in: the command line's own job list (apart from the desktop
/// application's, so that a running window never picks up, and downloads in parallel, a job
/// a script runs), the profiles in \a profilesFile (empty: the application's), the keychain,
/// and a sign-in address printed instead of a browser opened.
[[nodiscard]] SessionOptions commandLineSession(const QString &profilesFile);

/// POSIX shell quoting of one word between single quotes, without the enclosing quotes:
/// each ' becomes '\''.
[[nodiscard]] QString shellQuoted(const QString &word);

/// Why the raw command-line arguments (argv, program name first) cannot be taken: one that is
/// not valid UTF-8 would be read with replacement characters (a --base with other bytes, a
/// folder of another name). Names the option or argument; empty when all are text.
[[nodiscard]] QString invalidArgument(const QList<QByteArray> &raw);

/// Runs a command in a QCoreApplication that already exists; returns the exit code.
/// arguments are the whole argv (program name first).
int run(const QStringList &arguments);

/// The same with explicit streams (tests): human output and errors go to err, --json events
/// and printed tables to out.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fbm::cli
