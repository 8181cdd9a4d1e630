#include "viewdefinition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// Reads a view's JSON into the structures, stopping at the first fault it finds.
class Reader
{
public:
    explicit Reader(QHash<QString, fhirpath::Collection> *constants)
        : m_constants(constants)
    {}

    QString error;

    static QString at(const QString &location, const QString &message)
    {
        return location.isEmpty() ? message : location + u": "_s + message;
    }
    bool fail(const QString &location, const QString &message)
    {
        if (error.isEmpty())
            error = at(location, message);
        return false;
    }
    bool missing(const QString &location, const QString &field)
    {
        //: %1 is a field of a view such as 'path'
        return fail(location, ViewDefinition::tr("'%1' is missing").arg(field));
    }
    bool wrongType(const QString &location, const QString &field, const QString &what)
    {
        //: %1 is a field of a view such as 'path', %2 what it must be ("text", "a list"…)
        return fail(location, ViewDefinition::tr("'%1' must be %2").arg(field, what));
    }
    static QString text() { return ViewDefinition::tr("text"); }
    static QString list() { return ViewDefinition::tr("a list"); }
    static QString object() { return ViewDefinition::tr("an object"); }

    bool expression(const QString &location, const QString &field, const QJsonValue &v,
                    fhirpath::Expression *out)
    {
        if (!v.isString())
            return wrongType(location, field, text());
        *out = fhirpath::Parser::parse(v.toString());
        QString why = out->error;
        if (why.isEmpty())
            why = fhirpath::Evaluator::check(*out->root);
        if (why.isEmpty()) {
            for (const QString &name : std::as_const(out->variables)) {
                static const QSet<QString> builtIn = {
                    u"resource"_s, u"rootResource"_s, u"rowIndex"_s, u"context"_s,
                    u"ucum"_s,     u"sct"_s,          u"loinc"_s};
                if (!builtIn.contains(name) && !m_constants->contains(name)) {
                    //: %1 is the name of a constant, such as %name_use
                    why = ViewDefinition::tr("%%1 is not a constant of the view").arg(name);
                    break;
                }
            }
        }
        if (why.isEmpty())
            return true;
        //: %1 is a field such as 'path', %2 the expression, %3 why it is wrong
        return fail(location, ViewDefinition::tr("'%1' is not a valid FHIRPath expression: %2 (%3)")
                                  .arg(field, v.toString(), why));
    }

    bool constants(const QJsonValue &v)
    {
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return wrongType({}, u"constant"_s, list());
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString location = u"constant[%1]"_s.arg(i);
            if (!a.at(i).isObject())
                return fail(location, ViewDefinition::tr("must be an object"));
            const QJsonObject c = a.at(i).toObject();
            if (!c.contains("name"_L1))
                return missing(location, u"name"_s);
            if (!c.value("name"_L1).isString())
                return wrongType(location, u"name"_s, text());
            bool found = false;
            for (auto it = c.constBegin(); it != c.constEnd(); ++it) {
                const QString key = it.key();
                if (key.size() <= 5 || !key.startsWith("value"_L1) || !key.at(5).isUpper())
                    continue;
                QString type = key.mid(5);
                if (!it.value().isObject())
                    type[0] = type.at(0).toLower();
                m_constants->insert(c.value("name"_L1).toString(), {{it.value(), type}});
                found = true;
            }
            if (!found)
                return missing(location, u"value[x]"_s);
        }
        return true;
    }

    bool select(const QString &location, const QJsonValue &v, ViewSelect *out)
    {
        out->location = location;
        if (!v.isObject())
            return fail(location, ViewDefinition::tr("must be an object"));
        const QJsonObject s = v.toObject();
        int iterations = 0;
        if (s.contains("forEach"_L1)) {
            out->iteration = ViewSelect::Iteration::ForEach;
            ++iterations;
            if (!expression(location, u"forEach"_s, s.value("forEach"_L1), &out->forEach))
                return false;
        }
        if (s.contains("forEachOrNull"_L1)) {
            out->iteration = ViewSelect::Iteration::ForEachOrNull;
            ++iterations;
            if (!expression(location, u"forEachOrNull"_s, s.value("forEachOrNull"_L1),
                            &out->forEach))
                return false;
        }
        if (s.contains("repeat"_L1)) {
            out->iteration = ViewSelect::Iteration::Repeat;
            ++iterations;
            const QJsonValue r = s.value("repeat"_L1);
            if (!r.isArray() || r.toArray().isEmpty())
                return wrongType(location, u"repeat"_s, ViewDefinition::tr("a list of paths"));
            const QJsonArray paths = r.toArray();
            for (qsizetype i = 0; i < paths.size(); ++i) {
                fhirpath::Expression e;
                if (!expression(location, u"repeat[%1]"_s.arg(i), paths.at(i), &e))
                    return false;
                out->repeat.push_back(std::move(e));
            }
        }
        if (iterations > 1)
            return fail(location,
                        ViewDefinition::tr("only one of forEach, forEachOrNull and repeat may "
                                           "be given"));
        if (!columns(location, s.value("column"_L1), &out->columns))
            return false;
        if (!selects(location, u"select"_s, s.value("select"_L1), &out->select))
            return false;
        if (!selects(location, u"unionAll"_s, s.value("unionAll"_L1), &out->unionAll))
            return false;
        if (out->columns.empty() && out->select.empty() && out->unionAll.empty())
            return fail(location, ViewDefinition::tr("has no column, select or unionAll"));
        return true;
    }

    bool selects(const QString &location, const QString &field, const QJsonValue &v,
                 std::vector<ViewSelect> *out)
    {
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return wrongType(location, field, list());
        const QJsonArray a = v.toArray();
        const QString prefix = location.isEmpty() ? field : location + u'.' + field;
        for (qsizetype i = 0; i < a.size(); ++i) {
            out->emplace_back();
            if (!select(u"%1[%2]"_s.arg(prefix).arg(i), a.at(i), &out->back()))
                return false;
        }
        return true;
    }

    bool columns(const QString &location, const QJsonValue &v, std::vector<ViewColumn> *out)
    {
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return wrongType(location, u"column"_s, list());
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            ViewColumn c;
            c.location = u"%1.column[%2]"_s.arg(location).arg(i);
            if (!a.at(i).isObject())
                return fail(c.location, ViewDefinition::tr("must be an object"));
            const QJsonObject o = a.at(i).toObject();
            if (!o.contains("name"_L1))
                return missing(c.location, u"name"_s);
            if (!o.value("name"_L1).isString())
                return wrongType(c.location, u"name"_s, text());
            c.name = o.value("name"_L1).toString();
            static const QRegularExpression valid(u"^[A-Za-z][A-Za-z0-9_]*$"_s);
            if (!valid.match(c.name).hasMatch())
                //: %1 is a column name
                return fail(c.location, ViewDefinition::tr("the name '%1' must start with a "
                                                           "letter and hold only letters, "
                                                           "digits and _")
                                            .arg(c.name));
            if (!o.contains("path"_L1))
                return missing(c.location, u"path"_s);
            if (!expression(c.location, u"path"_s, o.value("path"_L1), &c.path))
                return false;
            const QJsonValue collection = o.value("collection"_L1);
            if (!collection.isUndefined() && !collection.isBool())
                return wrongType(c.location, u"collection"_s, ViewDefinition::tr("true or false"));
            c.collection = collection.toBool();
            const QJsonValue type = o.value("type"_L1);
            if (!type.isUndefined() && !type.isString())
                return wrongType(c.location, u"type"_s, text());
            c.type = type.toString();
            out->push_back(std::move(c));
        }
        return true;
    }

    /// Gives each column its place in a row; the branches of a unionAll share theirs, and
    /// must have the same names in the same order.
    bool layout(ViewSelect &s, int *next, QStringList *names)
    {
        for (ViewColumn &c : s.columns) {
            c.index = (*next)++;
            names->append(c.name);
        }
        for (ViewSelect &n : s.select) {
            if (!layout(n, next, names))
                return false;
        }
        if (s.unionAll.empty())
            return true;
        const int start = *next;
        QStringList first;
        for (size_t i = 0; i < s.unionAll.size(); ++i) {
            int at = start;
            QStringList branch;
            if (!layout(s.unionAll.at(i), &at, &branch))
                return false;
            if (i == 0) {
                first = branch;
                *next = at;
            } else if (branch != first) {
                //: %1 and %2 are lists of column names
                return fail(s.unionAll.at(i).location,
                            ViewDefinition::tr("the branches of unionAll must have the same "
                                               "columns in the same order (%1, not %2)")
                                .arg(first.join(u", "_s), branch.join(u", "_s)));
            }
        }
        names->append(first);
        return true;
    }

private:
    QHash<QString, fhirpath::Collection> *m_constants;
};

void collect(const ViewSelect &s, std::vector<const ViewColumn *> *out)
{
    for (const ViewColumn &c : s.columns)
        out->push_back(&c);
    for (const ViewSelect &n : s.select)
        collect(n, out);
    if (!s.unionAll.empty())
        collect(s.unionAll.front(), out);
}

} // namespace

ViewDefinition::ViewDefinition(const ViewDefinition &other)
    : m_name(other.m_name)
    , m_title(other.m_title)
    , m_description(other.m_description)
    , m_resource(other.m_resource)
    , m_select(other.m_select)
    , m_where(other.m_where)
    , m_constants(other.m_constants)
{
    collectColumns();
}

ViewDefinition &ViewDefinition::operator=(const ViewDefinition &other)
{
    if (this != &other) {
        ViewDefinition copy(other);
        *this = std::move(copy);
    }
    return *this;
}

void ViewDefinition::collectColumns()
{
    m_columns.clear();
    for (const ViewSelect &s : m_select)
        collect(s, &m_columns);
}

QStringList ViewDefinition::columnNames() const
{
    QStringList names;
    for (const ViewColumn *c : m_columns)
        names << c->name;
    return names;
}

Result<ViewDefinition> ViewDefinition::fromJson(const QByteArray &json)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &e);
    if (e.error != QJsonParseError::NoError)
        //: %1 is a position (a number), %2 the parser's reason
        return Error::make(Error::Kind::Usage,
                           tr("The view is not valid JSON (at character %1: %2).")
                               .arg(e.offset)
                               .arg(e.errorString()));
    if (!doc.isObject())
        return Error::make(Error::Kind::Usage, tr("The view must be a JSON object."));
    return fromObject(doc.object());
}

Result<ViewDefinition> ViewDefinition::fromObject(const QJsonObject &view)
{
    ViewDefinition d;
    Reader r(&d.m_constants);
    const auto refused = [&r] {
        return Error::make(Error::Kind::Usage, r.error);
    };
    const QJsonValue type = view.value("resourceType"_L1);
    if (!type.isUndefined() && type.toString() != "ViewDefinition"_L1)
        r.fail(u"resourceType"_s, tr("must be ViewDefinition"));
    const QJsonValue resource = view.value("resource"_L1);
    if (resource.isUndefined())
        r.missing({}, u"resource"_s);
    else if (!resource.isString() || resource.toString().isEmpty())
        r.wrongType({}, u"resource"_s, tr("the name of a resource type"));
    if (!r.error.isEmpty())
        return refused();
    d.m_resource = resource.toString();
    d.m_name = view.value("name"_L1).toString();
    d.m_title = view.value("title"_L1).toString();
    d.m_description = view.value("description"_L1).toString();
    if (!r.constants(view.value("constant"_L1)))
        return refused();
    if (!view.contains("select"_L1))
        r.missing({}, u"select"_s);
    else if (!view.value("select"_L1).isArray() || view.value("select"_L1).toArray().isEmpty())
        r.wrongType({}, u"select"_s, tr("a list that is not empty"));
    if (!r.error.isEmpty() || !r.selects({}, u"select"_s, view.value("select"_L1), &d.m_select))
        return refused();
    const QJsonValue where = view.value("where"_L1);
    if (!where.isUndefined() && !where.isArray())
        r.wrongType({}, u"where"_s, Reader::list());
    const QJsonArray wheres = where.toArray();
    for (qsizetype i = 0; r.error.isEmpty() && i < wheres.size(); ++i) {
        const QString location = u"where[%1]"_s.arg(i);
        const QJsonObject w = wheres.at(i).toObject();
        fhirpath::Expression e;
        if (!w.contains("path"_L1))
            r.missing(location, u"path"_s);
        else if (r.expression(location, u"path"_s, w.value("path"_L1), &e))
            d.m_where.push_back(std::move(e));
    }
    int next = 0;
    QStringList names;
    for (ViewSelect &s : d.m_select) {
        if (!r.error.isEmpty() || !r.layout(s, &next, &names))
            break;
    }
    if (!r.error.isEmpty())
        return refused();
    QSet<QString> seen;
    for (const QString &n : std::as_const(names)) {
        if (seen.contains(n))
            //: %1 is a column name
            return Error::make(Error::Kind::Usage,
                               tr("The column name '%1' is used twice; column names must be "
                                  "unique.")
                                   .arg(n));
        seen.insert(n);
    }
    d.collectColumns();
    return d;
}

} // namespace fbm
