#pragma once

#include "result.h"
#include "viewdefinition.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace fbm {

/// A view the program offers by name: built in (:/views/NAME.json) or the user's own
/// (NAME.json in the views folder of the application's data location).
struct ViewSource
{
    QString name;  ///< the file's name without .json
    QString title; ///< the view's title, when it has one
    QString path;  ///< the resource path or file
    bool builtin = true;
};

/// The built-in ViewDefinitions and the user's own.
class BuiltinViews
{
    Q_DECLARE_TR_FUNCTIONS(fbm::BuiltinViews)
public:
    /// <AppDataLocation>/views: where a user's own views are listed from.
    [[nodiscard]] static QString userFolder();
    /// The built-in views, then the user's, each by name.
    [[nodiscard]] static QList<ViewSource> list();
    /// The view called \a name (a user's view of the same name as a built-in one wins).
    [[nodiscard]] static std::optional<ViewSource> find(const QString &name);
    /// Reads and checks a view from a file or resource path.
    [[nodiscard]] static Result<ViewDefinition> load(const QString &path);
};

} // namespace fbm
