#include "exportrequest.h"

#include "i18n.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString instant(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject param(const QString &name, const char *valueKey, const QJsonValue &value)
{
    return QJsonObject{{u"name"_s, name}, {QString::fromLatin1(valueKey), value}};
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList fromArray(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

} // namespace

QString levelName(ExportLevel level)
{
    switch (level) {
    case ExportLevel::System:
        return u"system"_s;
    case ExportLevel::Patient:
        return u"patient"_s;
    case ExportLevel::Group:
        return u"group"_s;
    }
    return {};
}

std::optional<ExportLevel> levelFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == "system"_L1)
        return ExportLevel::System;
    if (n == "patient"_L1)
        return ExportLevel::Patient;
    if (n == "group"_L1)
        return ExportLevel::Group;
    return std::nullopt;
}

QString ExportRequest::validate() const
{
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || base.host().isEmpty() || (scheme != "http"_L1 && scheme != "https"_L1))
        return ExportRequest::tr("The server address must be an http:// or https:// URL.");
    static const QRegularExpression fhirId(u"^[A-Za-z0-9\\-\\.]{1,64}$"_s);
    if (level == ExportLevel::Group && !fhirId.match(groupId).hasMatch())
        return ExportRequest::tr(
            "A group export needs a group id (letters, digits, '-' and '.', at most 64).");
    static const QRegularExpression typeName(u"^[A-Z][A-Za-z]{0,63}$"_s);
    for (const QString &t : types) {
        if (!typeName.match(t).hasMatch())
            //: %1 is what the user typed as a resource type
            return ExportRequest::tr("\"%1\" is not a FHIR resource type.").arg(t);
    }
    if (!patients.isEmpty()) {
        if (level == ExportLevel::System)
            return ExportRequest::tr("Patients can only be chosen for a Patient or Group export.");
        if (!usePost)
            return ExportRequest::tr("Choosing patients needs a POST kick-off.");
    }
    if (since.isValid() && until.isValid() && until < since)
        return ExportRequest::tr("\"Until\" is before \"Since\".");
    return {};
}

bool ExportRequest::coversTheSameDataAs(const ExportRequest &like) const
{
    const auto sorted = [](QStringList list) {
        list.sort();
        list.removeDuplicates();
        return list;
    };
    return base == like.base && level == like.level && groupId == like.groupId &&
           !until.isValid() && sorted(types) == sorted(like.types) &&
           sorted(typeFilters) == sorted(like.typeFilters) &&
           sorted(patients) == sorted(like.patients) && sorted(elements) == sorted(like.elements);
}

QUrl ExportRequest::kickoffUrl() const
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    switch (level) {
    case ExportLevel::System:
        path += u"/$export"_s;
        break;
    case ExportLevel::Patient:
        path += u"/Patient/$export"_s;
        break;
    case ExportLevel::Group:
        path += u"/Group/"_s + groupId + u"/$export"_s;
        break;
    }
    url.setPath(path);
    url.setQuery(QString());
    if (usePost)
        return url;

    // Built by hand so that every value is fully percent-encoded: _typeFilter values contain
    // '?', '=', '&' and ':' that must reach the server encoded.
    QStringList items;
    auto add = [&items](const char *key, const QString &value) {
        items.append(QString::fromLatin1(key) + u'=' +
                     QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    if (!outputFormat.isEmpty())
        add("_outputFormat", outputFormat);
    if (since.isValid())
        add("_since", instant(since));
    if (until.isValid())
        add("_until", instant(until));
    if (!types.isEmpty())
        add("_type", types.join(u','));
    if (!elements.isEmpty())
        add("_elements", elements.join(u','));
    for (const QString &f : typeFilters)
        add("_typeFilter", f);
    for (const QString &i : includeAssociatedData)
        add("includeAssociatedData", i);
    if (!items.isEmpty())
        url.setQuery(items.join(u'&'), QUrl::StrictMode);
    return url;
}

QByteArray ExportRequest::parametersBody() const
{
    QJsonArray params;
    if (!outputFormat.isEmpty())
        params.append(param(u"_outputFormat"_s, "valueString", outputFormat));
    if (since.isValid())
        params.append(param(u"_since"_s, "valueInstant", instant(since)));
    if (until.isValid())
        params.append(param(u"_until"_s, "valueInstant", instant(until)));
    if (!types.isEmpty())
        params.append(param(u"_type"_s, "valueString", types.join(u',')));
    if (!elements.isEmpty())
        params.append(param(u"_elements"_s, "valueString", elements.join(u',')));
    for (const QString &f : typeFilters)
        params.append(param(u"_typeFilter"_s, "valueString", f));
    for (const QString &p : patients) {
        const QString ref = p.contains(u'/') ? p : u"Patient/"_s + p;
        params.append(param(u"patient"_s, "valueReference", QJsonObject{{u"reference"_s, ref}}));
    }
    for (const QString &i : includeAssociatedData)
        params.append(param(u"includeAssociatedData"_s, "valueCode", i));
    const QJsonObject body{{u"resourceType"_s, u"Parameters"_s}, {u"parameter"_s, params}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString ExportRequest::summary() const
{
    QString what;
    switch (level) {
    case ExportLevel::System:
        what = ExportRequest::tr("System");
        break;
    case ExportLevel::Patient:
        what = ExportRequest::tr("Patient");
        break;
    case ExportLevel::Group:
        //: %1 is a group's name, or its id when the name is not known
        what = ExportRequest::tr("Group %1").arg(groupName.isEmpty() ? groupId : groupName);
        break;
    }
    QString text = what + u" · "_s;
    if (types.isEmpty())
        text += ExportRequest::tr("all types");
    else if (types.size() <= 3)
        text += types.join(u", "_s);
    else
        //: %1 is a number of resource types (always more than 3)
        text += ExportRequest::tr("%1 types").arg(types.size());
    // A "since" export holds only what changed: the table says so, not only the raw URL.
    if (since.isValid() && until.isValid())
        //: %1 and %2 are dates and times
        text += u" · "_s +
                ExportRequest::tr("changes between %1 and %2")
                    .arg(formatDateTime(since.toLocalTime()), formatDateTime(until.toLocalTime()));
    else if (since.isValid())
        //: %1 is a date and time
        text += u" · "_s +
                ExportRequest::tr("changes since %1").arg(formatDateTime(since.toLocalTime()));
    else if (until.isValid())
        //: %1 is a date and time
        text += u" · "_s +
                ExportRequest::tr("changes before %1").arg(formatDateTime(until.toLocalTime()));
    return text;
}

QJsonObject ExportRequest::toJson() const
{
    QJsonObject o;
    o.insert(u"base"_s, base.toString());
    o.insert(u"level"_s, levelName(level));
    if (!groupId.isEmpty())
        o.insert(u"group"_s, groupId);
    if (!groupName.isEmpty())
        o.insert(u"groupName"_s, groupName);
    o.insert(u"types"_s, toArray(types));
    if (since.isValid())
        o.insert(u"since"_s, instant(since));
    if (until.isValid())
        o.insert(u"until"_s, instant(until));
    o.insert(u"typeFilters"_s, toArray(typeFilters));
    o.insert(u"elements"_s, toArray(elements));
    if (!outputFormat.isEmpty())
        o.insert(u"outputFormat"_s, outputFormat);
    o.insert(u"post"_s, usePost);
    o.insert(u"patients"_s, toArray(patients));
    o.insert(u"includeAssociatedData"_s, toArray(includeAssociatedData));
    o.insert(u"noCache"_s, noCache);
    if (lenient)
        o.insert(u"lenient"_s, true);
    return o;
}

ExportRequest ExportRequest::fromJson(const QJsonObject &o)
{
    ExportRequest r;
    r.base = QUrl(o.value("base"_L1).toString());
    r.level = levelFromName(o.value("level"_L1).toString()).value_or(ExportLevel::System);
    r.groupId = o.value("group"_L1).toString();
    r.groupName = o.value("groupName"_L1).toString(); // absent in stores before it was kept
    r.types = fromArray(o.value("types"_L1));
    r.since = QDateTime::fromString(o.value("since"_L1).toString(), Qt::ISODateWithMs);
    r.until = QDateTime::fromString(o.value("until"_L1).toString(), Qt::ISODateWithMs);
    r.typeFilters = fromArray(o.value("typeFilters"_L1));
    r.elements = fromArray(o.value("elements"_L1));
    r.outputFormat = o.value("outputFormat"_L1).toString();
    r.usePost = o.value("post"_L1).toBool();
    r.patients = fromArray(o.value("patients"_L1));
    r.includeAssociatedData = fromArray(o.value("includeAssociatedData"_L1));
    r.noCache = o.value("noCache"_L1).toBool();
    r.lenient = o.value("lenient"_L1).toBool();
    return r;
}

QStringList ExportRequest::parameterNames() const
{
    QStringList names;
    const auto add = [&names](bool set, const char *name) {
        if (set)
            names.append(QString::fromLatin1(name));
    };
    add(!types.isEmpty(), "_type");
    add(since.isValid(), "_since");
    add(until.isValid(), "_until");
    add(!typeFilters.isEmpty(), "_typeFilter");
    add(!elements.isEmpty(), "_elements");
    add(!outputFormat.isEmpty(), "_outputFormat");
    add(!includeAssociatedData.isEmpty(), "includeAssociatedData");
    add(!patients.isEmpty(), "patient");
    return names;
}

ExportRequest ExportRequest::without(const QString &name) const
{
    ExportRequest r = *this;
    if (name == "_type"_L1)
        r.types.clear();
    else if (name == "_since"_L1)
        r.since = {};
    else if (name == "_until"_L1)
        r.until = {};
    else if (name == "_typeFilter"_L1)
        r.typeFilters.clear();
    else if (name == "_elements"_L1)
        r.elements.clear();
    else if (name == "_outputFormat"_L1)
        r.outputFormat.clear();
    else if (name == "includeAssociatedData"_L1)
        r.includeAssociatedData.clear();
    else if (name == "patient"_L1)
        r.patients.clear();
    return r;
}

} // namespace fbm
