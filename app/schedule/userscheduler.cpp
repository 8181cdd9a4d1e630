#include "userscheduler.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// systemctl answers at once, or the user manager hangs: a window must not wait long.
constexpr int kTimeoutMs = 15000;

/// "@1733625000" (--timestamp=unix) to a time; anything else ("", "n/a") is invalid.
QDateTime parseUnixTimestamp(const QByteArray &value)
{
    if (!value.startsWith('@'))
        return {};
    bool ok = false;
    const qint64 secs = value.mid(1).trimmed().toLongLong(&ok);
    return ok && secs > 0 ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC) : QDateTime();
}

} // namespace

UserScheduler::UserScheduler(QString systemctl)
    : m_program(std::move(systemctl))
{
    if (m_program.isEmpty())
        m_program = qEnvironmentVariable("FBM_SYSTEMCTL", u"systemctl"_s);
}

Error UserScheduler::run(const QStringList &args, QByteArray *out)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(m_program, QStringList{u"--user"_s} + args);
    if (!p.waitForStarted(kTimeoutMs))
        //: %1 is a program name
        return Error::make(Error::Kind::Io, tr("%1 cannot be started.").arg(m_program),
                           p.errorString());
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        return Error::make(Error::Kind::Io, tr("systemctl did not answer."));
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString why = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        //: %1 is a command, %2 what it printed
        return Error::make(
            Error::Kind::Io,
            tr("\"%1\" failed: %2").arg(u"systemctl --user "_s + args.join(u' '), why));
    }
    return {};
}

bool UserScheduler::hasUserSession()
{
    // Cheap and without side effects: listing the schedules must not reload the user's units.
    return !run({u"show-environment"_s}).isError();
}

Error UserScheduler::enable(const QString &timer)
{
    if (Error e = run({u"daemon-reload"_s}))
        return e;
    return run({u"enable"_s, u"--now"_s, timer});
}

Error UserScheduler::disable(const QString &timer)
{
    Error e = run({u"disable"_s, u"--now"_s, timer});
    // A timer that was never loaded (made without a session) has nothing to disable.
    if (e && (e.message.contains(u"not loaded"_s) || e.message.contains(u"does not exist"_s)))
        return {};
    return e;
}

Error UserScheduler::reload()
{
    return run({u"daemon-reload"_s});
}

Error UserScheduler::start(const QString &service)
{
    return run({u"start"_s, u"--no-block"_s, service});
}

UserScheduler::TimerState UserScheduler::state(const QString &timer)
{
    QByteArray out;
    if (run({u"show"_s, u"--timestamp=unix"_s, u"-p"_s, u"NextElapseUSecRealtime"_s, u"-p"_s,
             u"LastTriggerUSec"_s, timer},
            &out))
        return {};
    TimerState s;
    for (const QByteArray &line : out.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = line.left(eq);
        const QByteArray value = line.mid(eq + 1).trimmed();
        if (key == "NextElapseUSecRealtime")
            s.nextRun = parseUnixTimestamp(value);
        else if (key == "LastTriggerUSec")
            s.lastTrigger = parseUnixTimestamp(value);
    }
    return s;
}

} // namespace fbm
