#include "serversoftware.h"

#include "httpclient.h"
#include "serverprobe.h"

using namespace Qt::StringLiterals;

namespace fbm {

ServerSoftware::ServerSoftware(QObject *parent)
    : QObject(parent)
{}

ServerSoftware::~ServerSoftware() = default;

QJsonObject ServerSoftware::fieldsOf(const QByteArray &capabilityStatement)
{
    ProbeResult probe;
    if (!ProbeResult::parseCapabilityStatement(capabilityStatement, &probe))
        return {};
    QJsonObject o;
    const auto add = [&o](QLatin1StringView key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value.left(kMaxValue));
    };
    add("softwareName"_L1, probe.softwareName);
    add("softwareVersion"_L1, probe.softwareVersion);
    add("softwareReleaseDate"_L1, probe.softwareReleaseDate);
    add("fhirVersion"_L1, probe.fhirVersion);
    return o;
}

void ServerSoftware::describe(HttpClient *client, const QUrl &base, Done done)
{
    const QString key = base.toString(QUrl::StripTrailingSlash);
    if (const auto known = m_known.constFind(key); known != m_known.cend()) {
        done(known.value());
        return;
    }
    QList<Done> &waiting = m_waiting[key];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return; // asked already
    HttpCall call;
    call.url = ServerProbe::metadataUrl(base);
    call.headers.append({"Accept"_ba, "application/fhir+json"_ba});
    call.timeoutMs = kTimeoutMs;
    call.maxBodyBytes = qint64(4) << 20; // a CapabilityStatement is tens of kB
    client->send(call, this, [this, key](const HttpResponse &r) {
        const QJsonObject fields = r.isSuccess() ? fieldsOf(r.body) : QJsonObject();
        m_known.insert(key, fields);
        const QList<Done> callers = m_waiting.take(key);
        for (const Done &d : callers)
            d(fields);
    });
}

} // namespace fbm
