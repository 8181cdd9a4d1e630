#include "scheduleservice.h"

#include "systemdunits.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace fbm {

ScheduleService::ScheduleService(ScheduleStore store, UserScheduler scheduler, QString program)
    : m_store(std::move(store))
    , m_scheduler(std::move(scheduler))
    , m_program(std::move(program))
{}

ScheduleService::Added ScheduleService::add(const Schedule &schedule)
{
    Added added;
    if (const QString why = schedule.problem(); !why.isEmpty()) {
        added.error = Error::make(Error::Kind::Usage, why);
        return added;
    }
    if (m_store.load(schedule.name)) {
        //: %1 is a schedule's name
        added.error = Error::make(
            Error::Kind::Usage,
            tr("There is already a schedule named \"%1\"; remove it first.").arg(schedule.name));
        return added;
    }
    if ((added.error = m_store.save(schedule, m_program)))
        return added;
    const QString timer = SystemdUnits::timerName(schedule.name);
    if (!m_scheduler.hasUserSession()) {
        added.enableLater =
            u"systemctl --user daemon-reload && systemctl --user enable --now "_s + timer;
        added.crontabLine = SystemdUnits::crontabLine(schedule, m_program);
        return added;
    }
    if ((added.error = m_scheduler.enable(timer)))
        return added;
    added.enabled = true;
    added.nextRun = m_scheduler.state(timer).nextRun;
    return added;
}

Error ScheduleService::remove(const QString &name, bool *hadSession)
{
    const bool session = m_scheduler.hasUserSession();
    if (hadSession)
        *hadSession = session;
    if (session) {
        if (Error e = m_scheduler.disable(SystemdUnits::timerName(name)))
            return e;
    }
    if (Error e = m_store.remove(name))
        return e;
    return session ? m_scheduler.reload() : Error();
}

Error ScheduleService::runNow(const QString &name, bool *viaSystemd)
{
    const std::optional<Schedule> s = m_store.load(name);
    if (!s)
        //: %1 is a schedule's name
        return Error::make(Error::Kind::Usage, tr("There is no schedule named \"%1\".").arg(name));
    const bool session = m_scheduler.hasUserSession();
    if (viaSystemd)
        *viaSystemd = session;
    if (session)
        return m_scheduler.start(SystemdUnits::serviceName(name));
    const QStringList argv = s->command(m_program);
    if (!QProcess::startDetached(argv.first(), argv.mid(1)))
        //: %1 is a program
        return Error::make(Error::Kind::Io, tr("%1 could not be started.").arg(argv.first()));
    return {};
}

QList<ScheduleService::Row> ScheduleService::rows(bool *hadSession)
{
    const QList<Schedule> all = m_store.list();
    const bool session = !all.isEmpty() && m_scheduler.hasUserSession();
    if (hadSession)
        *hadSession = session;
    QList<Row> rows;
    for (const Schedule &s : all) {
        Row r{s, {}, m_store.lastRun(s.name)};
        if (session)
            r.timer = m_scheduler.state(SystemdUnits::timerName(s.name));
        rows << r;
    }
    return rows;
}

} // namespace fbm
