#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace fbm::test {

/// What a finished run of the command line left.
struct CliRun
{
    int exitCode = -1; ///< -1: it did not start, crashed or was killed
    QByteArray out;
    QByteArray err;
    /// The --json events on standard output, one object per line.
    [[nodiscard]] QList<QJsonObject> events() const;
    /// The first event named \a name (an empty object when there is none).
    [[nodiscard]] QJsonObject event(const QString &name) const;
};

/// The real executable in a child process with a private home (XDG folders under \a home) and
/// short poll and retry waits, while the test's servers keep running in this process. What it
/// started and nobody finished (a test that failed half-way) is killed when it goes.
class CliProcess
{
    Q_DISABLE_COPY_MOVE(CliProcess)
public:
    explicit CliProcess(QString home);

    /// Started, not waited for; \a extra adds or replaces variables (an empty value removes
    /// one).
    QProcess *start(const QStringList &args, const QProcessEnvironment &extra = {});
    /// Runs the event loop until \a p ends (killed after \a timeoutMs), and deletes it.
    static CliRun finish(QProcess *p, int timeoutMs = 60000);
    CliRun run(const QStringList &args, const QProcessEnvironment &extra = {},
               int timeoutMs = 60000)
    {
        return finish(start(args, extra), timeoutMs);
    }
    /// Runs `sh -c script` with the executable as $0 (for arguments QProcess cannot pass,
    /// such as bytes that are not UTF-8, made with printf).
    CliRun runShell(const QString &script, int timeoutMs = 60000);

    [[nodiscard]] QProcessEnvironment environment() const;

private:
    QString m_home;
    /// The parent of what start() made: a process still running when this goes is killed.
    QObject m_started;
};

} // namespace fbm::test
