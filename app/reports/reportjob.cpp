#include "reportjob.h"
#include "logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// FHIR dateTime: a full instant, or a bare date. Partial dates (a year, a month) are not an
/// instant: the caller keeps them as text.
QDateTime parseFhirDateTime(const QString &text)
{
    const QString s = text.trimmed();
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid() && s.size() == 10) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (d.isValid())
            dt = d.startOfDay(Qt::UTC);
    }
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QString jsonScalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QString codingText(const QJsonObject &c)
{
    const QString code = c.value("code"_L1).toString();
    const QString display = c.value("display"_L1).toString();
    const QString system = c.value("system"_L1).toString();
    if (!display.isEmpty() && !code.isEmpty())
        return display + u" ("_s + code + u')';
    if (!display.isEmpty())
        return display;
    if (!system.isEmpty() && !code.isEmpty())
        return system + u'|' + code;
    return code;
}

QString typedValueText(const QString &type, const QJsonValue &value)
{
    if (!value.isObject())
        return jsonScalarText(value);
    const QJsonObject o = value.toObject();
    if (type == "Reference"_L1) {
        const QString ref = o.value("reference"_L1).toString();
        const QString display = o.value("display"_L1).toString();
        if (!ref.isEmpty() && !display.isEmpty())
            return display + u" ("_s + ref + u')';
        if (!ref.isEmpty())
            return ref;
        if (!display.isEmpty())
            return display;
        const QJsonObject ident = o.value("identifier"_L1).toObject();
        if (!ident.isEmpty())
            return typedValueText(u"Identifier"_s, ident);
    } else if (type == "Coding"_L1) {
        return codingText(o);
    } else if (type == "CodeableConcept"_L1) {
        if (o.contains("text"_L1))
            return o.value("text"_L1).toString();
        QStringList codes;
        const QJsonArray codings = o.value("coding"_L1).toArray();
        for (const QJsonValue &c : codings)
            codes << codingText(c.toObject());
        return codes.join(u", "_s);
    } else if (type == "Period"_L1) {
        const QString start = o.value("start"_L1).toString();
        const QString end = o.value("end"_L1).toString();
        //: A period of time; %1 the start, %2 the end ("…" when open)
        return ReportJob::tr("%1 – %2").arg(start.isEmpty() ? u"…"_s : start,
                                            end.isEmpty() ? u"…"_s : end);
    } else if (type == "Identifier"_L1) {
        const QString system = o.value("system"_L1).toString();
        const QString v = o.value("value"_L1).toString();
        return system.isEmpty() ? v : system + u'|' + v;
    } else if (type == "Quantity"_L1 || type == "Duration"_L1 || type == "Age"_L1) {
        const QString unit = o.value("unit"_L1).toString(o.value("code"_L1).toString());
        const QString v = jsonScalarText(o.value("value"_L1));
        return unit.isEmpty() ? v : v + u' ' + unit;
    }
    return jsonScalarText(o);
}

QString resourceText(const QJsonObject &resource)
{
    const QString type = resource.value("resourceType"_L1).toString();
    if (type == "Parameters"_L1) {
        QStringList items;
        const QJsonArray params = resource.value("parameter"_L1).toArray();
        for (const QJsonValue &p : params) {
            const QJsonObject po = p.toObject();
            items << po.value("name"_L1).toString() + u": "_s + parameterDisplayValue(po);
        }
        return items.join(u", "_s);
    }
    const QString id = resource.value("id"_L1).toString();
    if (type.isEmpty())
        return jsonScalarText(resource);
    return id.isEmpty() ? type : type + u'/' + id;
}

QString issueText(const QJsonObject &issue)
{
    const QString severity = issue.value("severity"_L1).toString();
    const QString code = issue.value("code"_L1).toString();
    QString text = issue.value("diagnostics"_L1).toString();
    if (text.isEmpty())
        text = issue.value("details"_L1).toObject().value("text"_L1).toString();
    if (text.isEmpty()) {
        const QJsonArray codings =
            issue.value("details"_L1).toObject().value("coding"_L1).toArray();
        QStringList codes;
        for (const QJsonValue &c : codings)
            codes << codingText(c.toObject());
        text = codes.join(u", "_s);
    }
    QString head = severity.isEmpty() ? ReportJob::tr("error") : severity;
    if (!code.isEmpty())
        head += u" ("_s + code + u')';
    return text.isEmpty() ? head : head + u": "_s + text;
}

Error protocolError(const QString &message, const QString &detail)
{
    return Error::make(Error::Kind::Protocol, message, detail);
}

/// Reads one reportJob parameter's parts (or, for servers that flatten it, the entry's own
/// parameters) into a job.
void readParts(const QJsonArray &parts, const QUrl &base, ReportJob &job)
{
    for (const QJsonValue &pv : parts) {
        const QJsonObject part = pv.toObject();
        const QString name = part.value("name"_L1).toString();
        const QString key = name.toLower();
        const QString text = parameterDisplayValue(part).trimmed();
        if (key == "reportclass"_L1) {
            job.reportClass = text;
        } else if (key == "userid"_L1) {
            // A Reference may carry the user's name: the id is its reference, the name its display.
            const QJsonObject ref = part.value("valueReference"_L1).toObject();
            const QString display = ref.value("display"_L1).toString().trimmed();
            const QString target =
                ref.value("reference"_L1)
                    .toString(ref.value("identifier"_L1).toObject().value("value"_L1).toString())
                    .trimmed();
            if (!display.isEmpty() && !target.isEmpty()) {
                job.userId = target;
                job.userName = display;
            } else {
                job.userId = text;
            }
        } else if (key == "username"_L1 || key == "userdisplayname"_L1 || key == "userdisplay"_L1) {
            job.userName = text;
        } else if (key == "status"_L1) {
            job.status = text;
        } else if (key == "binary"_L1) {
            QString ref =
                part.value("valueReference"_L1).toObject().value("reference"_L1).toString();
            if (ref.isEmpty())
                ref = part.value("valueUri"_L1)
                          .toString(part.value("valueUrl"_L1)
                                        .toString(part.value("valueString"_L1).toString()));
            job.binaryReference = ref.trimmed();
            if (!job.binaryReference.isEmpty()) {
                const QUrl refUrl(job.binaryReference);
                const QUrl abs = refUrl.isRelative() ? base.resolved(refUrl) : refUrl;
                // urn:uuid: or #contained references name nothing the client can fetch.
                if (abs.isValid() && (abs.scheme() == "http"_L1 || abs.scheme() == "https"_L1) &&
                    !job.binaryReference.startsWith(u'#'))
                    job.binaryUrl = abs;
            }
            if (job.binaryReference.isEmpty() && !text.isEmpty())
                job.otherParts.append({name, text});
        } else if (key == "parameters"_L1) {
            QJsonArray inputs =
                part.value("resource"_L1).toObject().value("parameter"_L1).toArray();
            if (inputs.isEmpty())
                inputs = part.value("part"_L1).toArray();
            if (!inputs.isEmpty()) {
                for (const QJsonValue &iv : inputs) {
                    const QJsonObject input = iv.toObject();
                    job.parameters.append(
                        {input.value("name"_L1).toString(), parameterDisplayValue(input)});
                }
            } else if (!text.isEmpty() && !part.contains("resource"_L1)) {
                job.parameters.append({name, text});
            }
        } else if (key == "created"_L1 || key == "started"_L1 || key == "ended"_L1) {
            const QDateTime at = parseFhirDateTime(text);
            if (!at.isValid()) {
                if (!text.isEmpty()) {
                    qCDebug(lcReportParse) << "unreadable date in part" << name << text;
                    job.otherParts.append({name, text});
                }
                continue;
            }
            if (key == "created"_L1)
                job.created = at;
            else if (key == "started"_L1)
                job.started = at;
            else
                job.ended = at;
        } else {
            job.otherParts.append({name, text});
        }
    }
    job.shortName = reportShortName(job.reportClass);
}

bool looksLikeJobParts(const QJsonArray &params)
{
    for (const QJsonValue &p : params) {
        const QString name = p.toObject().value("name"_L1).toString().toLower();
        if (name == "reportclass"_L1 || name == "status"_L1 || name == "binary"_L1)
            return true;
    }
    return false;
}

} // namespace

ReportJob::State ReportJob::state() const
{
    if (status.compare("DONE"_L1, Qt::CaseInsensitive) == 0)
        return State::Done;
    if (status.compare("FAILED"_L1, Qt::CaseInsensitive) == 0)
        return State::Failed;
    return State::Unfinished;
}

QString ReportJob::key() const
{
    if (!id.isEmpty())
        return id;
    if (!fullUrl.isEmpty())
        return fullUrl;
    if (!binaryReference.isEmpty())
        return binaryReference;
    return reportClass + u'@' + created.toString(Qt::ISODateWithMs);
}

QString ReportJob::title() const
{
    return reportTitle(reportClass);
}

QString ReportJob::parameterSummary() const
{
    QStringList items;
    items.reserve(parameters.size());
    for (const NamedValue &p : parameters)
        items << (p.first.isEmpty() ? p.second : p.first + u": "_s + p.second);
    return items.join(u", "_s);
}

qint64 ReportJob::runTimeSeconds() const
{
    if (!started.isValid() || !ended.isValid())
        return -1;
    const qint64 secs = started.secsTo(ended);
    return secs < 0 ? -1 : secs;
}

QString ReportJob::binaryId() const
{
    if (binaryUrl.isEmpty())
        return {};
    const QStringList segments = binaryUrl.path().split(u'/', Qt::SkipEmptyParts);
    // Binary/7/_history/2 still names Binary 7.
    const qsizetype at = segments.lastIndexOf(u"Binary"_s);
    if (at >= 0 && at + 1 < segments.size())
        return segments.at(at + 1);
    return segments.isEmpty() ? QString() : segments.constLast();
}

QJsonObject ReportJob::toJson() const
{
    auto pairs = [](const NamedValueList &list) {
        QJsonArray a;
        for (const NamedValue &p : list)
            a.append(QJsonObject{{u"name"_s, p.first}, {u"value"_s, p.second}});
        return a;
    };
    auto when = [](const QDateTime &dt) {
        return dt.isValid() ? QJsonValue(dt.toString(Qt::ISODate)) : QJsonValue();
    };
    QJsonObject o{
        {u"id"_s, id},
        {u"fullUrl"_s, fullUrl},
        {u"reportClass"_s, reportClass},
        {u"report"_s, shortName},
        {u"userId"_s, userId},
        {u"title"_s, title()},
        {u"status"_s, status},
        {u"finished"_s, isFinished()},
        {u"binary"_s, binaryUrl.isValid() ? QJsonValue(binaryUrl.toString()) : QJsonValue()},
        {u"parameters"_s, pairs(parameters)},
        {u"parameterSummary"_s, parameterSummary()},
        {u"created"_s, when(created)},
        {u"started"_s, when(started)},
        {u"ended"_s, when(ended)},
        {u"runTimeSeconds"_s, runTimeSeconds() < 0 ? QJsonValue() : QJsonValue(runTimeSeconds())},
    };
    if (!userName.isEmpty())
        o.insert(u"userName"_s, userName);
    if (!otherParts.isEmpty())
        o.insert(u"otherParts"_s, pairs(otherParts));
    return o;
}

bool ReportJob::operator==(const ReportJob &o) const
{
    return fullUrl == o.fullUrl && id == o.id && reportClass == o.reportClass &&
           userId == o.userId && userName == o.userName && status == o.status &&
           binaryReference == o.binaryReference && binaryUrl == o.binaryUrl &&
           parameters == o.parameters && created == o.created && started == o.started &&
           ended == o.ended && otherParts == o.otherParts;
}

QString reportShortName(const QString &reportClass)
{
    const QString trimmed = reportClass.trimmed();
    const qsizetype dot = trimmed.lastIndexOf(u'.');
    if (dot < 0 || dot + 1 >= trimmed.size())
        return trimmed;
    return trimmed.mid(dot + 1);
}

QString reportTitle(const QString &reportClass)
{
    const QString name = reportShortName(reportClass);
    QStringList words;
    QString word;
    const auto flush = [&words, &word] {
        if (!word.isEmpty())
            words << std::exchange(word, QString());
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (!word.isEmpty()) {
            const QChar prev = word.back();
            const bool nextLower = i + 1 < name.size() && name.at(i + 1).isLower();
            const bool starts =
                (c.isUpper() && (prev.isLower() || prev.isDigit())) ||
                (c.isUpper() && prev.isUpper() && nextLower) || // "CSVExport": "CSV" "Export"
                (c.isDigit() && prev.isLetter()) || (c.isLetter() && prev.isDigit());
            if (starts)
                flush();
        }
        word += c;
    }
    flush();
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString &w = words[i];
        const bool acronym = w.size() > 1 && w == w.toUpper() && w != w.toLower();
        if (acronym)
            continue;
        w = w.toLower();
        if (i == 0)
            w[0] = w.at(0).toUpper();
    }
    return words.join(u' ');
}

QHash<QString, QString> shortUniqueIds(const QStringList &ids, int minLength)
{
    QStringList distinct;
    for (const QString &id : ids) {
        if (!id.isEmpty() && !distinct.contains(id))
            distinct << id;
    }
    QHash<QString, QString> shown;
    for (const QString &id : std::as_const(distinct)) {
        qsizetype length = qMax(1, minLength);
        const auto shared = [&](qsizetype n) {
            const QStringView prefix = QStringView(id).left(n);
            return std::any_of(distinct.cbegin(), distinct.cend(), [&](const QString &other) {
                return other != id && other.startsWith(prefix);
            });
        };
        while (length < id.size() && shared(length))
            ++length;
        // "0aaca7cd-" reads as a cut word: take the next character too.
        while (length < id.size() && !id.at(length - 1).isLetterOrNumber())
            ++length;
        shown.insert(id, length >= id.size() ? id : id.left(length) + u'…');
    }
    return shown;
}

QString formatRunTime(qint64 seconds)
{
    if (seconds < 0)
        return {};
    constexpr qint64 kDay = 24 * 3600;
    if (seconds >= kDay) {
        const QString hhmm = QString::number((seconds % kDay) / 3600).rightJustified(2, u'0') +
                             u':' + QString::number((seconds / 60) % 60).rightJustified(2, u'0');
        //: a run time of a day or more: %1 the days, %2 hours and minutes, e.g. "1 d 03:12"
        return ReportJob::tr("%1 d %2").arg(QString::number(seconds / kDay), hhmm);
    }
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    const QString mm = QString::number(m).rightJustified(h > 0 ? 2 : 1, u'0');
    const QString ss = QString::number(s).rightJustified(2, u'0');
    if (h > 0)
        return QString::number(h) + u':' + mm + u':' + ss;
    return mm + u':' + ss;
}

QString parameterDisplayValue(const QJsonObject &parameter)
{
    for (auto it = parameter.constBegin(); it != parameter.constEnd(); ++it) {
        if (it.key().startsWith("value"_L1) && it.key().size() > 5)
            return typedValueText(it.key().mid(5), it.value());
    }
    if (parameter.contains("resource"_L1))
        return resourceText(parameter.value("resource"_L1).toObject());
    const QJsonArray parts = parameter.value("part"_L1).toArray();
    if (!parts.isEmpty()) {
        QStringList items;
        for (const QJsonValue &p : parts) {
            const QJsonObject po = p.toObject();
            items << po.value("name"_L1).toString() + u": "_s + parameterDisplayValue(po);
        }
        return u'(' + items.join(u", "_s) + u')';
    }
    return {};
}

QString operationOutcomeText(const QJsonObject &outcome)
{
    QStringList lines;
    const QJsonArray issues = outcome.value("issue"_L1).toArray();
    for (const QJsonValue &i : issues)
        lines << issueText(i.toObject());
    return lines.join(u'\n');
}

QUrl reportBaseUrl(const QUrl &base)
{
    QUrl b = base;
    b.setQuery(QString());
    b.setFragment(QString());
    if (!b.path().endsWith(u'/'))
        b.setPath(b.path() + u'/');
    return b;
}

Result<QList<ReportJob>> parseReportJobBundle(const QByteArray &json, const QUrl &base,
                                              QStringList *warnings)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        return protocolError(
            ReportJob::tr("The reporting server's answer is not JSON, so the report jobs "
                          "cannot be shown."),
            u"JSON error at offset %1: %2; body starts: %3"_s.arg(pe.offset).arg(
                pe.errorString(), QString::fromUtf8(json.left(200)).simplified()));
    }
    if (!doc.isObject()) {
        return protocolError(
            ReportJob::tr("The reporting server's answer is not a FHIR resource, so the "
                          "report jobs cannot be shown."),
            u"top-level JSON is not an object"_s);
    }
    const QJsonObject root = doc.object();
    const QString type = root.value("resourceType"_L1).toString();
    if (type == "OperationOutcome"_L1) {
        const QString issues = operationOutcomeText(root);
        Error e = protocolError(
            //: %1 the server's issues, one per line
            ReportJob::tr("The reporting server answered with an error:\n%1").arg(issues),
            u"OperationOutcome: "_s + issues);
        return e;
    }
    if (type != "Bundle"_L1) {
        return protocolError(
            //: %1 the resource type the server sent (or "nothing")
            ReportJob::tr(
                "The reporting server sent %1 where a Bundle of report jobs was expected.")
                .arg(type.isEmpty() ? ReportJob::tr("a JSON object without a resourceType") : type),
            u"resourceType: "_s + type);
    }

    QList<ReportJob> jobs;
    // No jobs: the IG's server leaves `entry` out entirely.
    if (!root.contains("entry"_L1))
        return jobs;
    if (!root.value("entry"_L1).isArray()) {
        return protocolError(
            ReportJob::tr("The reporting server's Bundle has an unreadable entry list."),
            u"Bundle.entry is not an array"_s);
    }

    const QUrl resolvedBase = reportBaseUrl(base);
    QSet<QString> seenKeys;
    const QJsonArray entries = root.value("entry"_L1).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonObject resource = entry.value("resource"_L1).toObject();
        const QString rtype = resource.value("resourceType"_L1).toString();
        auto warn = [&](const QString &text) {
            qCDebug(lcReportParse) << text;
            if (warnings)
                warnings->append(text);
        };
        if (rtype != "Parameters"_L1) {
            //: %1 the entry number, %2 the resource type found
            warn(ReportJob::tr("Entry %1 is not a report job (%2); it was skipped.")
                     .arg(i + 1)
                     .arg(rtype.isEmpty() ? ReportJob::tr("no resource") : rtype));
            continue;
        }
        const QJsonArray params = resource.value("parameter"_L1).toArray();
        QList<QJsonArray> jobParts;
        for (const QJsonValue &p : params) {
            const QJsonObject po = p.toObject();
            if (po.value("name"_L1).toString().compare("reportJob"_L1, Qt::CaseInsensitive) == 0)
                jobParts.append(po.value("part"_L1).toArray());
        }
        if (jobParts.isEmpty() && looksLikeJobParts(params))
            jobParts.append(params);
        if (jobParts.isEmpty()) {
            //: %1 the entry number
            warn(
                ReportJob::tr("Entry %1 holds no reportJob parameter; it was skipped.").arg(i + 1));
            continue;
        }
        for (const QJsonArray &parts : std::as_const(jobParts)) {
            ReportJob job;
            job.fullUrl = entry.value("fullUrl"_L1).toString();
            job.id = resource.value("id"_L1).toString();
            if (job.id.isEmpty()) {
                // fullUrl is often a bare UUID; a real URL names the job by its last segment.
                const QString full = job.fullUrl;
                job.id = full.startsWith("urn:uuid:"_L1) ? full.mid(9)
                         : full.contains(u'/')           ? full.section(u'/', -1)
                                                         : full;
            }
            readParts(parts, resolvedBase, job);
            // Two entries with one identity would make rows collide: keep both, distinctly.
            if (seenKeys.contains(job.key())) {
                const QString baseKey = job.key();
                int n = 2;
                while (seenKeys.contains(baseKey + u'#' + QString::number(n)))
                    ++n;
                job.id = baseKey + u'#' + QString::number(n);
            }
            seenKeys.insert(job.key());
            jobs.append(job);
        }
    }
    return jobs;
}

} // namespace fbm
