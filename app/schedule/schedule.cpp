#include "schedule.h"

#include "exportrequest.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

const QStringList &weekdayNames()
{
    static const QStringList names = {u"Mon"_s, u"Tue"_s, u"Wed"_s, u"Thu"_s,
                                      u"Fri"_s, u"Sat"_s, u"Sun"_s};
    return names;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList fromArray(const QJsonValue &v)
{
    QStringList list;
    for (const QJsonValue &item : v.toArray())
        list << item.toString();
    return list;
}

} // namespace

QString Schedule::nameProblem(const QString &name)
{
    // The name is part of two unit file names and of the lock and result files: nothing that
    // systemd would escape, nothing a shell or a path would read differently.
    static const QRegularExpression safe(u"^[A-Za-z0-9_-]{1,64}$"_s);
    if (name.isEmpty())
        return tr("A schedule needs a name.");
    if (!safe.match(name).hasMatch())
        //: %1 is the name the user gave
        return tr("The schedule name \"%1\" may hold only letters A-Z, digits, - and _ (at most "
                  "64).")
            .arg(name);
    return {};
}

QString Schedule::problem() const
{
    if (const QString why = nameProblem(name); !why.isEmpty())
        return why;
    if (profile.trimmed().isEmpty())
        return tr("A schedule needs a profile.");
    if (saveIn.trimmed().isEmpty())
        return tr("A schedule needs a folder to save in.");
    if (!time.isValid())
        return tr("A schedule needs a time of day.");
    if (repeat == Repeat::Weekly && (weekday < 1 || weekday > 7))
        return tr("A weekly schedule needs a day of the week.");
    return {};
}

QString Schedule::onCalendar() const
{
    const QString at = u"*-*-* "_s + time.toString(u"HH:mm:00"_s);
    return repeat == Repeat::Weekly ? QString(weekdayName(weekday) + u' ' + at) : at;
}

QString Schedule::calendarWords() const
{
    const QString at = time.toString(u"HH:mm"_s);
    return repeat == Repeat::Weekly ? QString(u"weekly "_s + weekdayName(weekday) + u' ' + at)
                                    : QString(u"daily "_s + at);
}

QString Schedule::calendarText() const
{
    const QString at = time.toString(u"HH:mm"_s);
    if (repeat == Repeat::Daily)
        //: %1 is a time of day such as 02:30
        return tr("Every day at %1").arg(at);
    static const char *const days[] = {
        QT_TR_NOOP("Every Monday at %1"),    QT_TR_NOOP("Every Tuesday at %1"),
        QT_TR_NOOP("Every Wednesday at %1"), QT_TR_NOOP("Every Thursday at %1"),
        QT_TR_NOOP("Every Friday at %1"),    QT_TR_NOOP("Every Saturday at %1"),
        QT_TR_NOOP("Every Sunday at %1")};
    return tr(days[qBound(1, weekday, 7) - 1]).arg(at);
}

QString Schedule::cronTime() const
{
    // cron counts Sunday as 0.
    const QString day = repeat == Repeat::Weekly ? QString::number(weekday % 7) : u"*"_s;
    return u"%1 %2 * * %3"_s.arg(time.minute()).arg(time.hour()).arg(day);
}

QStringList Schedule::command(const QString &program) const
{
    QStringList argv{program, u"export"_s, u"--profile"_s, profile};
    if (!profilesFile.isEmpty())
        argv << u"--profiles-file"_s << profilesFile;
    if (!full)
        argv << u"--since"_s << u"auto"_s;
    argv << exportArguments;
    argv << u"--save-in"_s << saveIn << u"--schedule"_s << name;
    return argv;
}

QStringList Schedule::argumentsFor(const ExportRequest &request, bool keepOnServer, bool gzip,
                                   bool attachments)
{
    QStringList a;
    if (request.level != ExportLevel::System)
        a << u"--level"_s << levelName(request.level);
    if (!request.groupId.isEmpty())
        a << u"--group"_s << request.groupId;
    if (!request.types.isEmpty())
        a << u"--type"_s << request.types.join(u',');
    for (const QString &f : request.typeFilters)
        a << u"--type-filter"_s << f;
    if (!request.elements.isEmpty())
        a << u"--elements"_s << request.elements.join(u',');
    if (!request.outputFormat.isEmpty())
        a << u"--output-format"_s << request.outputFormat;
    for (const QString &v : request.includeAssociatedData)
        a << u"--include-associated-data"_s << v;
    for (const QString &v : request.patients)
        a << u"--patient"_s << v;
    if (request.usePost)
        a << u"--post"_s;
    if (request.noCache)
        a << u"--no-cache"_s;
    if (request.lenient)
        a << u"--lenient"_s;
    if (keepOnServer)
        a << u"--keep-on-server"_s;
    if (gzip)
        a << u"--gzip"_s;
    if (attachments)
        a << u"--attachments"_s;
    return a;
}

std::optional<int> Schedule::weekdayFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower.size() < 3)
        return std::nullopt;
    static const QStringList full = {u"monday"_s, u"tuesday"_s,  u"wednesday"_s, u"thursday"_s,
                                     u"friday"_s, u"saturday"_s, u"sunday"_s};
    for (int i = 0; i < 7; ++i) {
        if (full.at(i).startsWith(lower))
            return i + 1;
    }
    return std::nullopt;
}

QString Schedule::weekdayName(int weekday)
{
    return weekdayNames().value(qBound(1, weekday, 7) - 1);
}

QJsonObject Schedule::toJson() const
{
    QJsonObject o{{u"name"_s, name},
                  {u"profile"_s, profile},
                  {u"repeat"_s, repeat == Repeat::Weekly ? u"weekly"_s : u"daily"_s},
                  {u"time"_s, time.toString(u"HH:mm"_s)},
                  {u"saveIn"_s, saveIn},
                  {u"exportArguments"_s, toArray(exportArguments)},
                  {u"full"_s, full}};
    if (repeat == Repeat::Weekly)
        o.insert(u"weekday"_s, weekdayName(weekday));
    if (!profilesFile.isEmpty())
        o.insert(u"profilesFile"_s, profilesFile);
    return o;
}

std::optional<Schedule> Schedule::fromJson(const QJsonObject &o)
{
    Schedule s;
    s.name = o.value("name"_L1).toString();
    s.profile = o.value("profile"_L1).toString();
    s.repeat = o.value("repeat"_L1).toString() == "weekly"_L1 ? Repeat::Weekly : Repeat::Daily;
    s.weekday = weekdayFromName(o.value("weekday"_L1).toString()).value_or(1);
    s.time = QTime::fromString(o.value("time"_L1).toString(), u"HH:mm"_s);
    s.saveIn = o.value("saveIn"_L1).toString();
    s.exportArguments = fromArray(o.value("exportArguments"_L1));
    s.full = o.value("full"_L1).toBool();
    s.profilesFile = o.value("profilesFile"_L1).toString();
    if (!s.problem().isEmpty())
        return std::nullopt;
    return s;
}

bool operator==(const Schedule &a, const Schedule &b)
{
    return a.toJson() == b.toJson();
}

QJsonObject ScheduleRun::toJson() const
{
    QJsonObject o{{u"at"_s, at.toUTC().toString(Qt::ISODate)},
                  {u"exitCode"_s, exitCode},
                  {u"message"_s, message},
                  {u"seen"_s, seen},
                  {u"jobIds"_s, toArray(jobIds)}};
    if (!jobId.isEmpty())
        o.insert(u"jobId"_s, jobId);
    if (!folder.isEmpty())
        o.insert(u"folder"_s, folder);
    return o;
}

ScheduleRun ScheduleRun::fromJson(const QJsonObject &o)
{
    ScheduleRun r;
    r.at = QDateTime::fromString(o.value("at"_L1).toString(), Qt::ISODate);
    r.exitCode = o.value("exitCode"_L1).toInt();
    r.message = o.value("message"_L1).toString();
    r.jobId = o.value("jobId"_L1).toString();
    r.folder = o.value("folder"_L1).toString();
    r.seen = o.value("seen"_L1).toBool();
    r.jobIds = fromArray(o.value("jobIds"_L1));
    return r;
}

} // namespace fbm
