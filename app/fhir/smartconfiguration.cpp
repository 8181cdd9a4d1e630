#include "smartconfiguration.h"
#include "logging.h"

#include "httpclient.h"
#include "operationoutcome.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &e : a) {
        if (e.isString())
            out.append(e.toString());
    }
    return out;
}

} // namespace

QUrl SmartConfiguration::wellKnownUrl(const QUrl &base)
{
    QUrl u = base;
    QString path = u.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    u.setPath(path + u".well-known/smart-configuration"_s);
    u.setQuery(QString());
    u.setFragment(QString());
    return u;
}

QUrl SmartConfiguration::resolveEndpoint(const QUrl &base, const QString &endpoint)
{
    const QUrl ref(endpoint);
    if (!ref.isRelative())
        return ref;
    QUrl folder = base;
    if (!folder.path().endsWith(u'/'))
        folder.setPath(folder.path() + u'/');
    folder.setQuery(QString());
    folder.setFragment(QString());
    return folder.resolved(ref);
}

Result<SmartConfiguration> SmartConfiguration::parse(const QByteArray &json, const QUrl &base)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject())
        return Error::make(
            Error::Kind::Protocol,
            SmartConfiguration::tr("The server's SMART configuration is not a JSON object."),
            pe.errorString());
    SmartConfiguration c;
    c.raw = doc.object();
    const QString token = c.raw.value(u"token_endpoint"_s).toString();
    if (token.isEmpty())
        return Error::make(Error::Kind::Protocol,
                           SmartConfiguration::tr(
                               "The server's SMART configuration names no token endpoint. Enter "
                               "the token URL in the profile."));
    c.tokenEndpoint = resolveEndpoint(base, token);
    if (!c.tokenEndpoint.isValid() ||
        (c.tokenEndpoint.scheme() != "https"_L1 && c.tokenEndpoint.scheme() != "http"_L1))
        return Error::make(Error::Kind::Protocol,
                           SmartConfiguration::tr(
                               "The token endpoint in the server's SMART configuration is not a "
                               "web address."),
                           token);
    const QString authz = c.raw.value(u"authorization_endpoint"_s).toString();
    if (!authz.isEmpty())
        c.authorizationEndpoint = resolveEndpoint(base, authz);
    c.grantTypesSupported = strings(c.raw.value(u"grant_types_supported"_s));
    c.tokenEndpointAuthMethodsSupported =
        strings(c.raw.value(u"token_endpoint_auth_methods_supported"_s));
    c.signingAlgorithmsSupported =
        strings(c.raw.value(u"token_endpoint_auth_signing_alg_values_supported"_s));
    c.scopesSupported = strings(c.raw.value(u"scopes_supported"_s));
    c.codeChallengeMethodsSupported = strings(c.raw.value(u"code_challenge_methods_supported"_s));
    return c;
}

void SmartConfiguration::discover(HttpClient *client, const QUrl &base, QObject *context,
                                  Callback callback, int timeoutMs, ActivitySink log)
{
    HttpCall call;
    call.url = wellKnownUrl(base);
    call.headers = {{"Accept"_ba, "application/json"_ba}};
    call.withAuth = false;
    call.timeoutMs = timeoutMs;
    call.maxBodyBytes = 1 << 20;
    // A same-origin redirect is harmless here (no credentials are sent); another origin could
    // hand us a token endpoint we would then send secrets to.
    call.sameOriginRedirectsOnly = true;
    call.log = std::move(log);
    qCDebug(lcDiscovery) << "discovering" << call.url;
    const QUrl url = call.url;
    client->send(call, context, [url, base, callback = std::move(callback)](const HttpResponse &r) {
        if (r.error.isError()) {
            callback(Error::make(
                r.error.kind == Error::Kind::Network ? Error::Kind::Network : Error::Kind::Protocol,
                //: %1 is a web address
                SmartConfiguration::tr("The server's SMART configuration could not be fetched "
                                       "from %1.")
                    .arg(url.toDisplayString()),
                r.error.message, 0, r.error.transient));
            return;
        }
        if (r.status != 200) {
            callback(Error::make(
                Error::Kind::Http,
                //: %1 is an HTTP status code, %2 a web address
                SmartConfiguration::tr(
                    "The server answered %1 for its SMART configuration (%2). Enter the token "
                    "URL in the profile.")
                    .arg(r.status)
                    .arg(url.toDisplayString()),
                describeErrorBody(r.status, r.body), r.status, r.status >= 500));
            return;
        }
        callback(parse(r.body, base));
    });
}

} // namespace fbm
