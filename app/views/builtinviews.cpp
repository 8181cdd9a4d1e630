#include "builtinviews.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

// The core is a static library: its resources are registered by hand.
static void initViewResources()
{
    Q_INIT_RESOURCE(views);
}

namespace fbm {

namespace {

void ensureRegistered()
{
    static const bool registered = [] {
        initViewResources();
        return true;
    }();
    Q_UNUSED(registered);
}

QList<ViewSource> viewsIn(const QString &folder, bool builtin)
{
    QList<ViewSource> out;
    const QDir dir(folder);
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        ViewSource s;
        s.name = f.chopped(5);
        s.path = dir.filePath(f);
        s.builtin = builtin;
        QFile file(s.path);
        if (file.open(QIODevice::ReadOnly))
            s.title = QJsonDocument::fromJson(file.readAll()).object().value("title"_L1).toString();
        out.append(s);
    }
    return out;
}

} // namespace

QString BuiltinViews::userFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/views"_s;
}

QList<ViewSource> BuiltinViews::list()
{
    ensureRegistered();
    return viewsIn(u":/views"_s, true) + viewsIn(userFolder(), false);
}

std::optional<ViewSource> BuiltinViews::find(const QString &name)
{
    std::optional<ViewSource> found;
    const QList<ViewSource> all = list();
    for (const ViewSource &s : all) {
        if (s.name == name)
            found = s;
    }
    return found;
}

Result<ViewDefinition> BuiltinViews::load(const QString &path)
{
    ensureRegistered();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        //: %1 is a file name, %2 the system's reason
        return Error::make(Error::Kind::Io,
                           tr("Cannot read the view %1: %2").arg(path, f.errorString()));
    return ViewDefinition::fromJson(f.readAll());
}

} // namespace fbm
