#include "exportfolder.h"

#include "clock.h"
#include "jobmanager.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString cleanAbsolute(const QString &path)
{
    return QDir::cleanPath(QDir(path).absolutePath());
}

} // namespace

QString ExportFolder::name(const ExportRequest &request, const QDateTime &when)
{
    QStringList parts;
    switch (request.level) {
    case ExportLevel::System:
        break;
    case ExportLevel::Patient:
        parts << tr("All patients");
        break;
    case ExportLevel::Group:
        //: A folder name; %1 is the group's name (or its id when the name is not known)
        parts << tr("Group %1")
                     .arg(request.groupName.isEmpty() ? request.groupId : request.groupName);
        break;
    }
    if (request.types.size() > 3)
        //: A folder name; %n is a number of resource types (always more than 3)
        parts << tr("%n types", nullptr, int(request.types.size()));
    else if (!request.types.isEmpty())
        parts << request.types.join(u", "_s);
    if (parts.isEmpty())
        //: A folder name: an export of everything on the server
        parts << tr("System, all types");
    // Dots, not colons, in the time: a colon is not allowed in a Windows file name.
    const QString stamp = when.toLocalTime().toString(u"yyyy-MM-dd HH.mm"_s);
    return safeName(stamp + u' ' + parts.join(u", "_s));
}

QString ExportFolder::safeName(const QString &text)
{
    static const QRegularExpression unsafe(u"[\\x00-\\x1f\\x7f/\\\\:*?\"<>|]+"_s);
    static const QRegularExpression space(u"\\s+"_s);
    QString name = text;
    name.replace(space, u" "_s); // a tab or a line break in a group's name reads as a space
    name.replace(unsafe, u"_"_s);
    name = name.trimmed();
    // A leading dot hides the folder; a trailing dot or space is dropped by Windows.
    while (name.startsWith(u'.') || name.startsWith(u' '))
        name.remove(0, 1);
    if (name.size() > kMaxNameLength) {
        qsizetype cut = kMaxNameLength;
        if (name.at(cut - 1).isHighSurrogate())
            --cut;
        name.truncate(cut);
    }
    while (name.endsWith(u'.') || name.endsWith(u' '))
        name.chop(1);
    return name.isEmpty() ? u"export"_s : name;
}

QString ExportFolder::pick(const QString &saveIn, const QString &name, const QStringList &inUse)
{
    QStringList others;
    others.reserve(inUse.size());
    for (const QString &dir : inUse)
        others << cleanAbsolute(dir);
    // Two exports in one folder would write the same Patient.1.ndjson (and a finished file is
    // never replaced, so the second would fail): a folder that holds anything, or that another
    // export will save into, is taken.
    const auto taken = [&others](const QString &dir) {
        const QFileInfo info(dir);
        if (info.exists() &&
            (!info.isDir() || !QDir(dir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System |
                                                 QDir::NoDotAndDotDot)))
            return true;
        return others.contains(dir);
    };
    const QDir parent(cleanAbsolute(saveIn));
    QString candidate = QDir::cleanPath(parent.filePath(name));
    for (int n = 2; taken(candidate); ++n)
        candidate = QDir::cleanPath(parent.filePath(u"%1 (%2)"_s.arg(name).arg(n)));
    return candidate;
}

QString ExportFolder::forExport(const QString &saveIn, const ExportRequest &request,
                                const JobManager *manager)
{
    if (saveIn.trimmed().isEmpty())
        return {};
    const Clock *clock = manager ? manager->clock() : Clock::system();
    QStringList inUse;
    if (manager) {
        const QStringList ids = manager->jobIds();
        for (const QString &id : ids) {
            if (const ExportJob *j = manager->job(id); j && !j->outDir.isEmpty())
                inUse << j->outDir;
        }
    }
    return pick(saveIn, name(request, clock->now()), inUse);
}

} // namespace fbm
