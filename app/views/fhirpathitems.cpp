#include "fhirpathitems.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fbm::fhirpath {

Item boolean(bool b)
{
    return Item{QJsonValue(b), u"boolean"_s};
}

bool isIntegerType(const QString &t)
{
    return t == "integer"_L1 || t == "positiveInt"_L1 || t == "unsignedInt"_L1 ||
           t == "integer64"_L1;
}

/// The type a type specifier such as FHIR.Quantity or System.String names, comparable with
/// typeOf(): the namespace dropped, System types in FHIR's spelling.
QString typeName(const Node &n)
{
    QString name = n.kind == Node::Kind::Invocation ? n.args.at(1)->name : n.name;
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot >= 0)
        name = name.mid(dot + 1);
    static const QStringList system = {u"String"_s, u"Boolean"_s,  u"Integer"_s, u"Decimal"_s,
                                       u"Date"_s,   u"DateTime"_s, u"Time"_s};
    if (system.contains(name))
        name[0] = name.at(0).toLower();
    return name;
}

bool hasType(const Item &item, const QString &type)
{
    const QString t = Evaluator::typeOf(item);
    if (t == type)
        return true;
    // Untagged JSON knows string, number and boolean only: a number read as integer is a
    // decimal too.
    return item.type.isEmpty() && type == "decimal"_L1 && t == "integer"_L1;
}

/// The child elements called \a name of one item. A choice element (value[x]) is found by its
/// name with the type appended (valueQuantity), and tagged with that type.
void children(const Item &item, const QString &name, Collection *out)
{
    if (!item.value.isObject())
        return;
    const QJsonObject o = item.value.toObject();
    const auto it = o.constFind(name);
    if (it != o.constEnd()) {
        const QJsonValue v = it.value();
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (const QJsonValue &e : a)
                out->push_back(Item{e, {}});
        } else {
            out->push_back(Item{v, {}});
        }
        return;
    }
    // A type name at the start of a path (Patient.name) names the resource itself.
    if (!name.isEmpty() && name.at(0).isUpper() && o.value("resourceType"_L1).toString() == name) {
        out->push_back(item);
        return;
    }
    for (auto c = o.constBegin(); c != o.constEnd(); ++c) {
        const QString key = c.key();
        if (key.size() <= name.size() || !key.startsWith(name) || !key.at(name.size()).isUpper())
            continue;
        QString type = key.mid(name.size());
        if (!c.value().isObject())
            type[0] = type.at(0).toLower(); // valueDateTime: a dateTime
        out->push_back(Item{c.value(), type});
    }
}

/// The children called \a name that are of \a type: the choice element name+Type (valueQuantity)
/// tagged with it, and a plain element \a name when it is of that type.
Collection typedChildren(const Collection &input, const QString &name, const QString &type)
{
    Collection out;
    if (type.isEmpty())
        return out;
    QString key = name + type;
    key[name.size()] = key.at(name.size()).toUpper();
    for (const Item &item : input) {
        if (!item.value.isObject())
            continue;
        const QJsonObject o = item.value.toObject();
        const auto choice = o.constFind(key);
        if (choice != o.constEnd()) {
            const QJsonValue v = choice.value();
            if (v.isArray()) {
                const QJsonArray a = v.toArray();
                for (const QJsonValue &e : a)
                    out.push_back(Item{e, type});
            } else {
                out.push_back(Item{v, type});
            }
            continue;
        }
        const auto plain = o.constFind(name);
        if (plain == o.constEnd())
            continue;
        Collection found;
        children(item, name, &found);
        for (Item &f : found) {
            if (hasType(f, type))
                out.push_back(std::move(f));
        }
    }
    return out;
}

bool isNumber(const Item &i)
{
    return i.value.isDouble();
}

/// FHIRPath equality of two items; nullopt when they cannot be compared (dates of different
/// precision are left to string comparison).
bool itemEquals(const Item &a, const Item &b)
{
    if (a.value.isDouble() && b.value.isDouble())
        return a.value.toDouble() == b.value.toDouble();
    if (a.value.isString() && b.value.isString())
        return a.value.toString() == b.value.toString();
    if (a.value.isBool() && b.value.isBool())
        return a.value.toBool() == b.value.toBool();
    return a.value == b.value;
}

bool itemEquivalent(const Item &a, const Item &b)
{
    if (a.value.isString() && b.value.isString())
        return a.value.toString().simplified().compare(b.value.toString().simplified(),
                                                       Qt::CaseInsensitive) == 0;
    if (a.value.isDouble() && b.value.isDouble())
        return std::abs(a.value.toDouble() - b.value.toDouble()) < 1e-8;
    return itemEquals(a, b);
}

} // namespace fbm::fhirpath
