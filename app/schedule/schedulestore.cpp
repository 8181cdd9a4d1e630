#include "schedulestore.h"

#include "systemdunits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// How many runs' job ids a result keeps: the window lists these exports.
constexpr int kKeptRuns = 200;

Error writeFile(const QString &path, const QByteArray &data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        //: %1 is a folder
        return Error::make(
            Error::Kind::Io,
            ScheduleStore::tr("Cannot create the folder %1.").arg(QFileInfo(path).absolutePath()));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        //: %1 is a file path, %2 the system's reason
        return Error::make(Error::Kind::Io,
                           ScheduleStore::tr("Cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

QJsonObject readObject(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

ScheduleStore::ScheduleStore(QString directory, QString unitDirectory)
    : m_dir(directory.isEmpty() ? defaultDirectory() : std::move(directory))
    , m_unitDir(unitDirectory.isEmpty() ? defaultUnitDirectory() : std::move(unitDirectory))
{}

QString ScheduleStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/schedules"_s;
}

QString ScheduleStore::commandLineJobDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/cli-jobs"_s;
}

QString ScheduleStore::defaultUnitDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           u"/systemd/user"_s;
}

QString ScheduleStore::jsonPath(const QString &name) const
{
    return QDir(m_dir).filePath(name + u".json"_s);
}

QString ScheduleStore::resultPath(const QString &name) const
{
    return QDir(m_dir).filePath(name + u".result.json"_s);
}

QString ScheduleStore::lockPath(const QString &name) const
{
    return QDir(m_dir).filePath(name + u".lock"_s);
}

QString ScheduleStore::servicePath(const QString &name) const
{
    return QDir(m_unitDir).filePath(SystemdUnits::serviceName(name));
}

QString ScheduleStore::timerPath(const QString &name) const
{
    return QDir(m_unitDir).filePath(SystemdUnits::timerName(name));
}

QList<Schedule> ScheduleStore::list() const
{
    QList<Schedule> schedules;
    const QStringList files =
        QDir(m_dir).entryList({u"*.json"_s}, QDir::Files, QDir::Name | QDir::IgnoreCase);
    for (const QString &file : files) {
        if (file.endsWith(u".result.json"_s))
            continue;
        if (auto s = load(file.chopped(5)))
            schedules << *s;
    }
    return schedules;
}

std::optional<Schedule> ScheduleStore::load(const QString &name) const
{
    if (!Schedule::nameProblem(name).isEmpty())
        return std::nullopt;
    auto s = Schedule::fromJson(readObject(jsonPath(name)));
    if (s && s->name != name)
        return std::nullopt;
    return s;
}

Error ScheduleStore::save(const Schedule &schedule, const QString &program) const
{
    if (const QString why = schedule.problem(); !why.isEmpty())
        return Error::make(Error::Kind::Usage, why);
    if (Error e = writeFile(jsonPath(schedule.name),
                            QJsonDocument(schedule.toJson()).toJson(QJsonDocument::Indented)))
        return e;
    if (Error e = writeFile(servicePath(schedule.name),
                            SystemdUnits::service(schedule, program).toUtf8()))
        return e;
    return writeFile(timerPath(schedule.name), SystemdUnits::timer(schedule).toUtf8());
}

Error ScheduleStore::remove(const QString &name) const
{
    for (const QString &path :
         {timerPath(name), servicePath(name), jsonPath(name), resultPath(name)}) {
        if (QFile::exists(path) && !QFile::remove(path))
            //: %1 is a file path
            return Error::make(Error::Kind::Io, tr("Cannot remove %1.").arg(path));
    }
    return {};
}

std::optional<ScheduleRun> ScheduleStore::lastRun(const QString &name) const
{
    const QJsonObject o = readObject(resultPath(name));
    if (o.isEmpty())
        return std::nullopt;
    return ScheduleRun::fromJson(o);
}

Error ScheduleStore::recordRun(const QString &name, ScheduleRun run) const
{
    QStringList ids = lastRun(name).value_or(ScheduleRun()).jobIds;
    if (!run.jobId.isEmpty() && !ids.contains(run.jobId))
        ids << run.jobId;
    while (ids.size() > kKeptRuns)
        ids.removeFirst();
    run.jobIds = ids;
    return writeFile(resultPath(name), QJsonDocument(run.toJson()).toJson(QJsonDocument::Indented));
}

void ScheduleStore::markSeen(const QString &name) const
{
    std::optional<ScheduleRun> run = lastRun(name);
    if (!run || run->seen)
        return;
    run->seen = true;
    (void)writeFile(resultPath(name), QJsonDocument(run->toJson()).toJson(QJsonDocument::Indented));
}

QString ScheduleStore::takenPath() const
{
    // Not "*.json": list() reads those as schedules.
    return QDir(m_dir).filePath(u"window-jobs.list"_s);
}

QStringList ScheduleStore::takenJobs() const
{
    QFile f(takenPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

void ScheduleStore::addTakenJobs(const QStringList &ids) const
{
    if (ids.isEmpty())
        return;
    QStringList all = takenJobs() + ids;
    // As many as the results keep for every schedule, roughly.
    while (all.size() > 50 * kKeptRuns)
        all.removeFirst();
    (void)writeFile(takenPath(), (all.join(u'\n') + u'\n').toUtf8());
}

} // namespace fbm
