#include "resourcefields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace fbm::fields {

namespace {

QString text(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QString sub(const QJsonObject &o, QLatin1StringView key, QLatin1StringView inner)
{
    return o.value(key).toObject().value(inner).toString();
}

/// A CodeableConcept as people read it: its text, else the first coding's display, else its
/// code.
QString concept(const QJsonValue &value)
{
    const QJsonObject c = value.toObject();
    const QJsonArray codings = c.value("coding"_L1).toArray();
    const QJsonObject first = codings.isEmpty() ? QJsonObject() : codings.first().toObject();
    const QString display = first.value("display"_L1).toString();
    if (!display.isEmpty())
        return display;
    const QString t = c.value("text"_L1).toString();
    if (!t.isEmpty())
        return t;
    return first.value("code"_L1).toString();
}

QString quantity(const QJsonObject &q)
{
    const QJsonValue v = q.value("value"_L1);
    if (!v.isDouble())
        return {};
    const QString unit = q.value("unit"_L1).toString(q.value("code"_L1).toString());
    const QString number = QString::number(v.toDouble(), 'g', 12);
    return unit.isEmpty() ? number : number + u' ' + unit;
}

QString period(const QJsonObject &p)
{
    const QString start = p.value("start"_L1).toString();
    const QString end = p.value("end"_L1).toString();
    if (end.isEmpty())
        return start;
    return start + u" – "_s + end;
}

QString observationValue(const QJsonObject &r)
{
    const QString q = quantity(r.value("valueQuantity"_L1).toObject());
    if (!q.isEmpty())
        return q;
    if (r.contains("valueCodeableConcept"_L1))
        return concept(r.value("valueCodeableConcept"_L1));
    if (r.contains("valueString"_L1))
        return text(r, "valueString"_L1);
    const QJsonValue b = r.value("valueBoolean"_L1);
    if (b.isBool())
        return b.toBool() ? u"true"_s : u"false"_s;
    const QJsonValue i = r.value("valueInteger"_L1);
    if (i.isDouble())
        return QString::number(i.toInteger());
    return {};
}

QString humanName(const QJsonObject &r)
{
    const QJsonArray names = r.value("name"_L1).toArray();
    if (names.isEmpty())
        return {};
    const QJsonObject n = names.first().toObject();
    const QString t = n.value("text"_L1).toString();
    if (!t.isEmpty())
        return t;
    QStringList parts;
    for (const QJsonValue &g : n.value("given"_L1).toArray())
        parts << g.toString();
    parts << n.value("family"_L1).toString();
    parts.removeAll(QString());
    return parts.join(u' ');
}

/// The display of the first coding anywhere at the top level of \a r.
QString anyCoding(const QJsonObject &r)
{
    for (const QString &key : r.keys()) {
        const QJsonValue v = r.value(key);
        if (v.isObject() && v.toObject().contains("coding"_L1)) {
            const QString c = concept(v);
            if (!c.isEmpty())
                return c;
        }
    }
    return {};
}

QString joined(std::initializer_list<QString> parts)
{
    QStringList list;
    for (const QString &p : parts) {
        if (!p.isEmpty())
            list << p;
    }
    return list.join(u" · "_s);
}

} // namespace

const QList<const char *> &clinicalDatePaths(QStringView type)
{
    using Paths = QList<const char *>;
    static const Paths observation{"effectiveDateTime", "effectivePeriod.start", "effectiveInstant",
                                   "issued"};
    static const Paths condition{"onsetDateTime", "recordedDate", "onsetPeriod.start"};
    static const Paths encounter{"period.start"};
    static const Paths medicationRequest{"authoredOn"};
    static const Paths procedure{"performedDateTime", "performedPeriod.start"};
    static const Paths immunization{"occurrenceDateTime", "recorded"};
    static const Paths diagnosticReport{"effectiveDateTime", "effectivePeriod.start", "issued"};
    static const Paths documentReference{"date"};
    static const Paths allergy{"recordedDate", "onsetDateTime"};
    static const Paths patient{"birthDate"};
    static const Paths other{"effectiveDateTime", "date", "authoredOn"};
    if (type == u"Observation")
        return observation;
    if (type == u"Condition")
        return condition;
    if (type == u"Encounter")
        return encounter;
    if (type == u"MedicationRequest")
        return medicationRequest;
    if (type == u"Procedure")
        return procedure;
    if (type == u"Immunization")
        return immunization;
    if (type == u"DiagnosticReport")
        return diagnosticReport;
    if (type == u"DocumentReference")
        return documentReference;
    if (type == u"AllergyIntolerance")
        return allergy;
    if (type == u"Patient")
        return patient;
    return other;
}

QString clinicalDate(const QJsonObject &r, QStringView type)
{
    for (const char *path : clinicalDatePaths(type)) {
        const QLatin1StringView p(path);
        const qsizetype dot = p.indexOf(u'.');
        const QString value = dot < 0 ? text(r, p) : sub(r, p.left(dot), p.mid(dot + 1));
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QString patientIdOf(QStringView ref)
{
    const qsizetype at = ref.lastIndexOf(u"Patient/");
    if (at < 0 || (at > 0 && ref.at(at - 1) != u'/'))
        return {};
    QStringView id = ref.mid(at + 8);
    const qsizetype slash = id.indexOf(u'/');
    if (slash >= 0)
        id = id.left(slash); // Patient/123/_history/2
    return id.toString();
}

QString patientId(const QJsonObject &r, QStringView type)
{
    if (type == u"Patient")
        return text(r, "id"_L1);
    QString id = patientIdOf(sub(r, "subject"_L1, "reference"_L1));
    if (id.isEmpty())
        id = patientIdOf(sub(r, "patient"_L1, "reference"_L1));
    return id;
}

QString summary(const QJsonObject &r, QStringView type)
{
    if (type == u"Observation")
        return joined({concept(r.value("code"_L1)), observationValue(r)});
    if (type == u"Condition")
        return concept(r.value("code"_L1));
    if (type == u"Patient")
        return joined({humanName(r), text(r, "gender"_L1), text(r, "birthDate"_L1)});
    if (type == u"Encounter") {
        QString what = sub(r, "class"_L1, "display"_L1);
        if (what.isEmpty())
            what = sub(r, "class"_L1, "code"_L1);
        const QJsonArray types = r.value("type"_L1).toArray();
        if (what.isEmpty() && !types.isEmpty())
            what = concept(types.first());
        return joined({what, period(r.value("period"_L1).toObject())});
    }
    if (type == u"MedicationRequest") {
        if (r.contains("medicationCodeableConcept"_L1))
            return concept(r.value("medicationCodeableConcept"_L1));
        return sub(r, "medicationReference"_L1, "display"_L1).isEmpty()
                   ? sub(r, "medicationReference"_L1, "reference"_L1)
                   : sub(r, "medicationReference"_L1, "display"_L1);
    }
    const QString code = concept(r.value("code"_L1));
    return code.isEmpty() ? anyCoding(r) : code;
}

int compareDates(const QString &a, const QString &b)
{
    const int day = QStringView(a).left(10).compare(QStringView(b).left(10));
    if (day != 0 || a.size() <= 10 || b.size() <= 10)
        return day != 0 ? day : int(a.size() > 10) - int(b.size() > 10);
    const QDateTime ta = QDateTime::fromString(a, Qt::ISODateWithMs);
    const QDateTime tb = QDateTime::fromString(b, Qt::ISODateWithMs);
    if (!ta.isValid() || !tb.isValid())
        return a.compare(b);
    return ta < tb ? -1 : (tb < ta ? 1 : 0);
}

} // namespace fbm::fields
