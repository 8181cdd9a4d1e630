#include "kickoff.h"

#include "demodata.h"
#include "http/frontend.h"
#include "http/wire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

namespace {

bool preferAsync(const QByteArray &prefer)
{
    const QList<QByteArray> parts = prefer.toLower().split(',');
    for (const QByteArray &p : parts) {
        if (p.split(';').value(0).trimmed() == "respond-async")
            return true;
    }
    return false;
}

} // namespace

bool preferLenient(const QByteArray &prefer)
{
    const QList<QByteArray> parts = prefer.toLower().split(',');
    return std::any_of(parts.cbegin(), parts.cend(), [](const QByteArray &p) {
        return p.split(';').value(0).trimmed() == "handling=lenient";
    });
}

namespace {

Refusal invalid(const QString &diagnostics)
{
    return {400, u"invalid"_s, diagnostics, {}};
}

/// A Parameters.parameter's value[x] as text; nullopt without one.
std::optional<QString> parameterValue(const QJsonObject &p)
{
    std::optional<QString> value;
    for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
        if (!it.key().startsWith(u"value"_s))
            continue;
        if (it.key() == u"valueReference"_s)
            value = it.value().toObject().value(u"reference"_s).toString();
        else if (it.key() == u"valueCoding"_s)
            value = it.value().toObject().value(u"system"_s).toString() + u'|' +
                    it.value().toObject().value(u"code"_s).toString();
        else if (it.value().isBool())
            value = it.value().toBool() ? u"true"_s : u"false"_s;
        else
            value = it.value().toVariant().toString();
    }
    return value;
}

std::optional<Refusal> readBody(const QByteArray &body, Parameters *params)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject() ||
        o.value(u"resourceType"_s).toString() != u"Parameters"_s)
        return invalid(u"The body of a POST $export must be a FHIR Parameters resource"_s);
    const QJsonArray list = o.value(u"parameter"_s).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject p = v.toObject();
        const QString name = p.value(u"name"_s).toString();
        const std::optional<QString> value = parameterValue(p);
        if (name.isEmpty() || !value)
            return invalid(u"Every Parameters.parameter needs a name and a value[x]"_s);
        params->append({name, *value});
    }
    return std::nullopt;
}

} // namespace

std::optional<Refusal> checkKickoffRequest(const http::Request &in)
{
    if (in.method != "GET" && in.method != "POST")
        return Refusal{405,
                       u"not-supported"_s,
                       u"$export accepts GET and POST only"_s,
                       {{"Allow", "GET, POST"}}};
    // HAPI's wording, which real clients meet first when they forget the header.
    if (!preferAsync(in.header("prefer")))
        return Refusal{
            400, u"processing"_s, u"HAPI-0513: Must request async processing for $export"_s, {}};
    if (!http::mediaTypes(in.header("accept")).contains("application/fhir+json"))
        return Refusal{406,
                       u"not-supported"_s,
                       u"Accept must be application/fhir+json for $export (was \"%1\")"_s.arg(
                           QString::fromLatin1(in.header("accept"))),
                       {}};
    return std::nullopt;
}

std::optional<Refusal> readKickoffParameters(const http::Request &in, const QString &level,
                                             Parameters *params)
{
    if (in.method == "POST") {
        if (auto refusal = readBody(in.body, params))
            return refusal;
    } else {
        const auto items = in.query.queryItems(QUrl::FullyDecoded);
        for (const auto &item : items)
            params->append(item);
    }

    for (const auto &p : std::as_const(*params)) {
        const QString &name = p.first;
        const QString &value = p.second;
        if (name == u"_outputFormat"_s &&
            !QStringList{u"application/fhir+ndjson"_s, u"application/ndjson"_s, u"ndjson"_s}
                 .contains(value))
            return invalid(u"Unsupported _outputFormat: %1"_s.arg(value));
        if ((name == u"_since"_s || name == u"_until"_s) &&
            !QDateTime::fromString(value, Qt::ISODateWithMs).isValid())
            return invalid(u"%1 is not a valid instant: %2"_s.arg(name, value));
        if (name == u"patient"_s && (level == u"system"_s || in.method != "POST"))
            return invalid(u"The patient parameter is allowed only in a POST to Patient/$export "
                           "or Group/[id]/$export"_s);
    }
    return std::nullopt;
}

QByteArray refusedKickoffBody(int status)
{
    const QString code = status == 429   ? u"throttled"_s
                         : status >= 500 ? u"exception"_s
                                         : u"processing"_s;
    const QString text = status == 429 ? u"There is already an export job in-progress for the "
                                         "client and tenant combination"_s
                                       : u"The export could not be started"_s;
    return data::operationOutcome(u"error"_s, code, text);
}

std::optional<Refusal> dropUnsupported(Parameters *params, const QStringList &unsupported,
                                       bool lenient)
{
    for (auto it = params->begin(); it != params->end();) {
        if (!unsupported.contains(it->first))
            ++it;
        else if (lenient)
            it = params->erase(it);
        else
            return Refusal{400,
                           u"not-supported"_s,
                           u"The %1 parameter is not supported by this server"_s.arg(it->first),
                           {}};
    }
    return std::nullopt;
}

QByteArray contentLocation(const QUrl &statusUrl, bool relative)
{
    if (!relative)
        return statusUrl.toEncoded();
    QUrl path;
    path.setPath(statusUrl.path(QUrl::FullyEncoded), QUrl::StrictMode);
    path.setQuery(statusUrl.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return path.toEncoded();
}

} // namespace fbm::demo::bulk
