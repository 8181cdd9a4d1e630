#pragma once

#include "fhirpath.h"
#include "fhirpathevaluator.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace fbm {

/// One column of a view: where its value comes from and where it lands in a row.
struct ViewColumn
{
    QString name;
    QString type; ///< the FHIR type the view declares ("string", "integer"…), may be empty
    bool collection = false;
    fhirpath::Expression path;
    QString location; ///< "select[0].column[1]", for messages
    int index = 0;    ///< its place in a row
};

/// One entry of `select` (or of `unionAll`), with what it nests.
struct ViewSelect
{
    enum class Iteration
    {
        None,
        ForEach,
        ForEachOrNull,
        Repeat,
    };
    Iteration iteration = Iteration::None;
    fhirpath::Expression forEach;             ///< forEach or forEachOrNull
    std::vector<fhirpath::Expression> repeat; ///< repeat's paths
    std::vector<ViewColumn> columns;
    std::vector<ViewSelect> select;
    std::vector<ViewSelect> unionAll;
    QString location;
};

/// A SQL on FHIR v2 ViewDefinition, parsed and checked: every path parsed, every %constant
/// defined, column names unique, unionAll branches alike. An invalid view is refused with a
/// message that names the field ("select[1].column[0]: 'path' is missing").
class ViewDefinition
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ViewDefinition)
public:
    [[nodiscard]] static Result<ViewDefinition> fromJson(const QByteArray &json);
    [[nodiscard]] static Result<ViewDefinition> fromObject(const QJsonObject &view);

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const QString &title() const { return m_title; }
    [[nodiscard]] const QString &description() const { return m_description; }
    /// The resource type it reads ("Patient").
    [[nodiscard]] const QString &resource() const { return m_resource; }
    /// The columns in the order of a row.
    [[nodiscard]] const std::vector<const ViewColumn *> &columns() const { return m_columns; }
    [[nodiscard]] QStringList columnNames() const;
    [[nodiscard]] const std::vector<ViewSelect> &select() const { return m_select; }
    [[nodiscard]] const std::vector<fhirpath::Expression> &where() const { return m_where; }
    [[nodiscard]] const QHash<QString, fhirpath::Collection> &constants() const
    {
        return m_constants;
    }

    ViewDefinition(const ViewDefinition &other);
    ViewDefinition &operator=(const ViewDefinition &other);
    ViewDefinition(ViewDefinition &&) = default;
    ViewDefinition &operator=(ViewDefinition &&) = default;
    ~ViewDefinition() = default;

private:
    ViewDefinition() = default;
    void collectColumns();

    QString m_name;
    QString m_title;
    QString m_description;
    QString m_resource;
    std::vector<ViewSelect> m_select;
    std::vector<fhirpath::Expression> m_where;
    QHash<QString, fhirpath::Collection> m_constants;
    std::vector<const ViewColumn *> m_columns; ///< into m_select
};

} // namespace fbm
