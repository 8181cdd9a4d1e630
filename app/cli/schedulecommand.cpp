#include "schedulecommand.h"

#include "auth/profile.h"
#include "cli.h"
#include "exportcommand.h"
#include "schedule/scheduleservice.h"
#include "schedule/systemdunits.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

/// The export options a schedule passes on to every run, as they are written.
const QStringList &valueOptions()
{
    static const QStringList o = {
        u"level"_s,       u"group"_s,    u"type"_s,          u"until"_s,
        u"type-filter"_s, u"elements"_s, u"output-format"_s, u"include-associated-data"_s,
        u"patient"_s};
    return o;
}

const QStringList &flagOptions()
{
    static const QStringList o = {u"post"_s,
                                  u"no-cache"_s,
                                  u"lenient"_s,
                                  u"keep-on-server"_s,
                                  u"gzip"_s,
                                  u"attachments"_s,
                                  u"allow-private-networks"_s};
    return o;
}

QString program()
{
    return QCoreApplication::applicationFilePath();
}

ScheduleService makeService()
{
    return ScheduleService(ScheduleStore(), UserScheduler(), program());
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

int runAdd(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err)
{
    p.setApplicationDescription(
        Text::tr("Add a recurring export: a systemd user timer (or, without a user session, a "
                 "crontab line to add) that runs 'fhir-bulk-monitor export --since auto "
                 "--save-in DIR' with the same request. Each run saves into a dated folder of "
                 "its own inside DIR."));
    p.addPositionalArgument(u"name"_s, Text::tr("The schedule's name: letters, digits, - and _."));
    p.addOptions({
        {u"profile"_s, Text::tr("The server profile to export from."), Text::tr("PROFILE")},
        {u"daily"_s, Text::tr("Run every day at this time."), Text::tr("HH:MM")},
        {u"weekly"_s,
         Text::tr("Run every week on this day (Mon … Sun) at the time that follows: --weekly "
                  "Sun 03:00."),
         Text::tr("DAY")},
        {u"out"_s, Text::tr("The folder the runs' dated folders are made in (each run its own)."),
         Text::tr("DIR")},
        {u"full"_s, Text::tr("Every run a whole export, not only the changes since the last "
                             "run (--since auto).")},
        {u"level"_s, Text::tr("system, patient or group (default: system)."), Text::tr("LEVEL")},
        {u"group"_s, Text::tr("The group id for a group export."), Text::tr("ID")},
        {u"type"_s, Text::tr("Resource types, comma-separated (_type)."), Text::tr("TYPES")},
        {u"until"_s, Text::tr("Only resources changed until this instant (_until)."),
         Text::tr("TIME")},
        {u"type-filter"_s, Text::tr("A _typeFilter query; repeatable."), Text::tr("QUERY")},
        {u"elements"_s, Text::tr("Elements to include, comma-separated (_elements)."),
         Text::tr("ELEMENTS")},
        {u"output-format"_s, Text::tr("The output format (_outputFormat)."), Text::tr("FORMAT")},
        {u"include-associated-data"_s, Text::tr("includeAssociatedData value; repeatable."),
         Text::tr("VALUE")},
        {u"patient"_s, Text::tr("A patient id or reference (POST only); repeatable."),
         Text::tr("ID")},
        {u"post"_s, Text::tr("Kick off with POST and a Parameters body instead of GET.")},
        {u"no-cache"_s, Text::tr("Send Cache-Control: no-cache so the server starts a new job.")},
        lenientOption(),
        keepOnServerOption(),
        gzipOption(),
        attachmentsOption(),
        {u"allow-private-networks"_s,
         Text::tr("Let files and redirects reach private networks on other hosts.")},
    });
    if (int exit = Success; !parse(p, args, out, err, &exit))
        return exit;
    QStringList pos = p.positionalArguments().mid(1);
    Schedule s;
    s.name = pos.value(0);
    if (const QString why = Schedule::nameProblem(s.name); !why.isEmpty())
        return usage(err, why, p);
    s.profile = p.value(u"profile"_s);
    if (s.profile.isEmpty())
        return usage(err, Text::tr("--profile is required."), p);
    s.profilesFile = p.value(u"profiles-file"_s);
    if (!s.profilesFile.isEmpty())
        s.profilesFile = QDir(s.profilesFile).absolutePath();
    if (p.isSet(u"daily"_s) == p.isSet(u"weekly"_s))
        return usage(err, Text::tr("Give --daily HH:MM or --weekly DAY HH:MM."), p);
    QString time;
    if (p.isSet(u"daily"_s)) {
        time = p.value(u"daily"_s);
        pos.removeFirst();
    } else {
        s.repeat = Schedule::Repeat::Weekly;
        QStringList dayAndTime = p.value(u"weekly"_s).split(u' ', Qt::SkipEmptyParts);
        if (dayAndTime.size() == 1)
            dayAndTime << pos.value(1);
        const std::optional<int> day = Schedule::weekdayFromName(dayAndTime.value(0));
        if (!day)
            //: %1 is what the user typed
            return usage(
                err,
                Text::tr("--weekly needs a day, Mon … Sun, not \"%1\".").arg(dayAndTime.value(0)),
                p);
        s.weekday = *day;
        time = dayAndTime.value(1);
        if (!p.value(u"weekly"_s).contains(u' ') && pos.size() > 1)
            pos.removeAt(1);
        pos.removeFirst();
    }
    s.time = QTime::fromString(time, u"H:mm"_s);
    if (!s.time.isValid())
        //: %1 is what the user typed
        return usage(err, Text::tr("The time must be HH:MM, not \"%1\".").arg(time), p);
    if (!pos.isEmpty())
        return usage(err, Text::tr("Unexpected argument: %1").arg(pos.first()), p);
    if (!p.isSet(u"out"_s))
        return usage(err, Text::tr("--out is required."), p);
    s.saveIn = QDir::cleanPath(QDir(p.value(u"out"_s)).absolutePath());
    s.full = p.isSet(u"full"_s);
    for (const QString &o : valueOptions()) {
        for (const QString &v : p.values(o))
            s.exportArguments << u"--"_s + o << v;
    }
    for (const QString &o : flagOptions()) {
        if (p.isSet(o))
            s.exportArguments << u"--"_s + o;
    }

    ProfileStore profiles(s.profilesFile);
    if (!profiles.byName(s.profile))
        //: %1 is a profile name
        return usage(err,
                     Text::tr("There is no profile named \"%1\". See 'fhir-bulk-monitor "
                              "profile list'.")
                         .arg(s.profile),
                     p);
    ScheduleService service = makeService();
    const ScheduleService::Added added = service.add(s);
    if (added.error.kind == Error::Kind::Usage)
        return usage(err, added.error.message, p);
    if (added.error) {
        err << added.error.message << '\n';
        return Failure;
    }
    //: %1 and %2 are file paths
    err << Text::tr("Wrote %1 and %2.")
               .arg(QDir::toNativeSeparators(service.store().servicePath(s.name)),
                    QDir::toNativeSeparators(service.store().timerPath(s.name)))
        << '\n';
    if (!added.enabled) {
        err << Text::tr("There is no systemd user session here, so the timer is not enabled. To "
                        "enable it later, in a session of yours:")
            << '\n'
            << u"  "_s << added.enableLater << '\n'
            << Text::tr("Or run it from cron instead: add this line with 'crontab -e':") << '\n';
        err.flush();
        out << added.crontabLine << '\n';
        out.flush();
        return Success;
    }
    if (added.nextRun.isValid())
        //: %1 is a schedule's name, %2 a date and time
        err << Text::tr("Schedule \"%1\" is on; the next run is at %2.")
                   .arg(s.name, added.nextRun.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
            << '\n';
    else
        //: %1 is a schedule's name
        err << Text::tr("Schedule \"%1\" is on.").arg(s.name) << '\n';
    err.flush();
    return Success;
}

int runList(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err)
{
    p.setApplicationDescription(Text::tr("List the schedules, their next and last runs."));
    p.addOption({u"json"_s, Text::tr("Print JSON.")});
    if (int exit = Success; !parse(p, args, out, err, &exit))
        return exit;
    ScheduleService service = makeService();
    bool session = false;
    const QList<ScheduleService::Row> all = service.rows(&session);
    QJsonArray array;
    for (const ScheduleService::Row &row : all) {
        const Schedule &s = row.schedule;
        const UserScheduler::TimerState &state = row.timer;
        const std::optional<ScheduleRun> &last = row.last;
        if (p.isSet(u"json"_s)) {
            QJsonObject last_;
            if (last)
                last_ = QJsonObject{{u"at"_s, timeJson(last->at)},
                                    {u"exitCode"_s, last->exitCode},
                                    {u"ok"_s, last->ok()},
                                    {u"message"_s, last->message},
                                    {u"folder"_s, last->folder}};
            array.append(QJsonObject{
                {u"name"_s, s.name},
                {u"profile"_s, s.profile},
                {u"calendar"_s, s.calendarWords()},
                {u"onCalendar"_s, s.onCalendar()},
                {u"folder"_s, s.saveIn},
                {u"full"_s, s.full},
                {u"command"_s, QJsonArray::fromStringList(s.command(program()))},
                {u"commandLine"_s, SystemdUnits::execLine(s.command(program()))},
                {u"service"_s, service.store().servicePath(s.name)},
                {u"timer"_s, service.store().timerPath(s.name)},
                {u"nextRun"_s, timeJson(state.nextRun)},
                {u"lastRun"_s, last ? QJsonValue(last_) : QJsonValue(QJsonValue::Null)}});
            continue;
        }
        QString lastText = u"-"_s;
        if (last)
            lastText = (last->ok() ? u"ok "_s : u"FAILED "_s) +
                       last->at.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) + u": "_s +
                       last->message;
        out << s.name << '\t' << s.calendarWords() << '\t' << s.profile << '\t'
            << (state.nextRun.isValid()
                    ? state.nextRun.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)
                    : u"-"_s)
            << '\t' << lastText << '\n';
    }
    if (p.isSet(u"json"_s))
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else if (all.isEmpty())
        err << Text::tr("No schedules yet. Add one with 'fhir-bulk-monitor schedule add'.") << '\n';
    if (!all.isEmpty() && !session && !p.isSet(u"json"_s))
        err << Text::tr("There is no systemd user session here: the next runs are not known.")
            << '\n';
    out.flush();
    err.flush();
    return Success;
}

std::optional<Schedule> named(CommandParser &p, QTextStream &err, const QString &what,
                              const ScheduleStore &store, int *exit)
{
    const QStringList pos = p.positionalArguments().mid(1);
    if (pos.size() != 1) {
        //: %1 is a command such as "schedule remove"
        *exit = usage(err, Text::tr("%1 needs the schedule's name.").arg(what), p);
        return std::nullopt;
    }
    if (const QString why = Schedule::nameProblem(pos.first()); !why.isEmpty()) {
        *exit = usage(err, why, p);
        return std::nullopt;
    }
    auto s = store.load(pos.first());
    if (!s) {
        //: %1 is a schedule's name
        err << Text::tr("There is no schedule named \"%1\".").arg(pos.first()) << '\n';
        *exit = Failure;
    }
    return s;
}

int runRemove(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err)
{
    p.setApplicationDescription(Text::tr("Remove a schedule: its timer, its unit files."));
    p.addPositionalArgument(u"name"_s, Text::tr("The schedule's name."));
    if (int exit = Success; !parse(p, args, out, err, &exit))
        return exit;
    ScheduleService service = makeService();
    int exit = Success;
    const auto s = named(p, err, u"schedule remove"_s, service.store(), &exit);
    if (!s)
        return exit;
    bool session = false;
    if (const Error e = service.remove(s->name, &session)) {
        err << e.message << '\n';
        return Failure;
    }
    //: %1 is a schedule's name
    err << Text::tr("Schedule \"%1\" removed.").arg(s->name) << '\n';
    if (!session)
        err << Text::tr("If you added its line to your crontab, remove it there too "
                        "('crontab -e').")
            << '\n';
    err.flush();
    return Success;
}

int runRunNow(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err)
{
    p.setApplicationDescription(
        Text::tr("Run a schedule's export now (through systemd when there is a user session, so "
                 "that it is in the journal; else here)."));
    p.addPositionalArgument(u"name"_s, Text::tr("The schedule's name."));
    if (int exit = Success; !parse(p, args, out, err, &exit))
        return exit;
    ScheduleService service = makeService();
    int exit = Success;
    const auto s = named(p, err, u"schedule run-now"_s, service.store(), &exit);
    if (!s)
        return exit;
    if (service.scheduler().hasUserSession()) {
        if (const Error e = service.scheduler().start(SystemdUnits::serviceName(s->name))) {
            err << e.message << '\n';
            return Failure;
        }
        //: %1 is a command
        err << Text::tr("Started. Follow it with: %1")
                   .arg(u"journalctl --user -f -u "_s + SystemdUnits::serviceName(s->name))
            << '\n';
        err.flush();
        return Success;
    }
    // No systemd here: the run is this command's child, its lines on this terminal.
    const QStringList argv = s->command(program());
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(argv.first(), argv.mid(1));
    if (!child.waitForStarted() || !child.waitForFinished(-1))
        return Failure;
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : Failure;
}

} // namespace

int runScheduleCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        Text::tr("Recurring exports on the system's scheduler: add, list, remove or run-now."));
    p.addHelpOption();
    p.addPositionalArgument(u"subcommand"_s, Text::tr("add, list, remove or run-now"));
    p.addOption({u"profiles-file"_s, Text::tr("The profiles file (default: the application's)."),
                 Text::tr("FILE")});
    const QString sub = args.value(1);
    const QStringList subs{u"add"_s, u"list"_s, u"remove"_s, u"run-now"_s};
    if (!subs.contains(sub)) {
        if (sub == "--help"_L1 || sub == "-h"_L1 || sub == "help"_L1) {
            out << p.commandHelpText();
            out.flush();
            return Success;
        }
        return usage(err, Text::tr("Use schedule add, list, remove or run-now."), p);
    }
    p.setProgram(args.value(0) + u' ' + sub);
    p.clearPositionalArguments();
    if (sub == "add"_L1)
        return runAdd(p, args, out, err);
    if (sub == "list"_L1)
        return runList(p, args, out, err);
    if (sub == "remove"_L1)
        return runRemove(p, args, out, err);
    return runRunNow(p, args, out, err);
}

} // namespace fbm::cli
