#include "serverprobe.h"
#include "logging.h"

#include "smartconfiguration.h"

#include "authprovider.h"
#include "httpclient.h"
#include "operationoutcome.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QUrl childUrl(const QUrl &base, const QString &relative)
{
    QUrl u = base;
    QString path = u.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    u.setPath(path + relative);
    u.setQuery(QString());
    u.setFragment(QString());
    return u;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString() && !v.toString().isEmpty())
            out << v.toString();
    }
    return out;
}

/// "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export|2.0.0" -> "group-export"
QString definitionTail(const QString &canonical)
{
    const QString noVersion = canonical.section(u'|', 0, 0);
    return noVersion.section(u'/', -1).toLower();
}

/// Which export an operation entry stands for, by its name or its canonical definition. HAPI
/// names all three "export" and tells them apart only by where they are listed.
enum class ExportOp
{
    None,
    Plain,
    Patient,
    Group
};

ExportOp exportOperation(const QJsonObject &op)
{
    const QString name = op.value("name"_L1).toString().toLower();
    const QString tail = definitionTail(op.value("definition"_L1).toString());
    if (name == "patient-export"_L1 || tail == "patient-export"_L1)
        return ExportOp::Patient;
    if (name == "group-export"_L1 || tail == "group-export"_L1)
        return ExportOp::Group;
    if (name == "export"_L1 || name == "$export"_L1 || tail == "export"_L1)
        return ExportOp::Plain;
    return ExportOp::None;
}

QString httpProblem(const HttpResponse &response)
{
    return describeErrorBody(response.status, response.body);
}

} // namespace

// ---------------------------------------------------------------------------------------------

bool ProbeResult::ok() const
{
    return isFhir && !metadataError.isError() && token != TokenCheck::Failed;
}

QString ProbeResult::fhirReleaseName(const QString &version)
{
    static const QList<QPair<QString, QString>> releases = {
        {u"1.0."_s, u"DSTU2"_s}, {u"3.0."_s, u"STU3"_s}, {u"4.0."_s, u"R4"_s},
        {u"4.3."_s, u"R4B"_s},   {u"5.0."_s, u"R5"_s},   {u"6.0."_s, u"R6"_s},
    };
    for (const auto &r : releases) {
        if (version.startsWith(r.first))
            return r.second + u" ("_s + version + u')';
    }
    return version;
}

QStringList ProbeResult::findings() const
{
    QStringList out;
    if (metadataError.isError())
        out << metadataError.message;
    if (token == TokenCheck::Failed)
        //: %1 is the token endpoint's or the keychain's explanation
        out << ServerProbe::tr("No token could be obtained with this profile's credentials: %1")
                   .arg(tokenError.message);

    if (isFhir) {
        const QString release = fhirVersion.isEmpty() ? ServerProbe::tr("of an undeclared version")
                                                      : fhirReleaseName(fhirVersion);
        if (!softwareName.isEmpty()) {
            const QString software =
                softwareVersion.isEmpty() ? softwareName : softwareName + u' ' + softwareVersion;
            //: %1 is the server software and its version, %2 the FHIR release, e.g. "R4 (4.0.1)"
            out << ServerProbe::tr("Connected to %1, FHIR %2.").arg(software, release);
        } else {
            //: %1 is the FHIR release, e.g. "R4 (4.0.1)"
            out << ServerProbe::tr("Connected to a FHIR server, FHIR %1.").arg(release);
        }
        if (metadataNeededToken)
            out << ServerProbe::tr(
                "The server asks for a token even to describe itself; this profile's "
                "credentials were accepted.");
        QStringList levels;
        if (systemExport)
            levels << ServerProbe::tr("the whole system");
        if (patientExport)
            levels << ServerProbe::tr("all patients");
        if (groupExport)
            levels << ServerProbe::tr("groups of patients");
        if (!levels.isEmpty())
            //: %1 is a list such as "the whole system, all patients, groups of patients"
            out << ServerProbe::tr("Bulk export ($export) is offered for %1.")
                       .arg(levels.join(u", "_s));
        else if (declaresBulkData)
            out << ServerProbe::tr(
                "The server declares Bulk Data support but lists no $export operation; "
                "an export may still work.");
        else
            out << ServerProbe::tr(
                "The server does not list $export among its operations. An export may "
                "fail: ask its administrator whether Bulk Data export is enabled.");
    }

    if (smartFound) {
        //: %1 is a URL
        out << ServerProbe::tr("SMART configuration found: token endpoint %1.")
                   .arg(tokenEndpoint.toDisplayString());
        if (!authMethods.isEmpty())
            //: %1 is a list such as "private_key_jwt, client_secret_basic"
            out << ServerProbe::tr("Client authentication offered: %1.")
                       .arg(authMethods.join(u", "_s));
        if (!signingAlgorithms.isEmpty())
            //: %1 is a list such as "RS384, ES384"
            out << ServerProbe::tr("Signing algorithms offered: %1.")
                       .arg(signingAlgorithms.join(u", "_s));
        if (authorizationEndpoint.isValid() && !authorizationEndpoint.isEmpty())
            //: %1 is a URL
            out << ServerProbe::tr("Interactive sign-in is available at %1.")
                       .arg(authorizationEndpoint.toDisplayString());
    } else if (!metadataError.isError() || metadataStatus != 0) {
        if (smartStatus == 404)
            out << ServerProbe::tr(
                "The server publishes no SMART configuration; for authorized access, "
                "enter its token URL by hand.");
        else if (smartError.isError())
            out << smartError.message;
    }

    if (token == TokenCheck::Obtained)
        out << ServerProbe::tr("A token was obtained with this profile's credentials.");
    return out;
}

bool ProbeResult::parseCapabilityStatement(const QByteArray &json, ProbeResult *result)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject cs = doc.object();
    const QString resourceType = cs.value("resourceType"_L1).toString();
    if (parseError.error != QJsonParseError::NoError || resourceType != "CapabilityStatement"_L1) {
        const QString what = parseError.error != QJsonParseError::NoError
                                 ? u"not JSON"_s
                                 : u"resourceType "_s + resourceType;
        result->metadataError = Error::make(
            Error::Kind::Protocol,
            //: %1 is a URL
            ServerProbe::tr(
                "The server answered, but not as a FHIR server: %1 did not return a "
                "CapabilityStatement. Check that the address is the FHIR base (for example "
                "https://server/fhir).")
                .arg(ServerProbe::metadataUrl(result->base).toDisplayString()),
            what, result->metadataStatus);
        result->isFhir = false;
        return false;
    }
    result->isFhir = true;
    result->fhirVersion = cs.value("fhirVersion"_L1).toString();
    const QJsonObject software = cs.value("software"_L1).toObject();
    result->softwareName = software.value("name"_L1).toString();
    result->softwareVersion = software.value("version"_L1).toString();
    result->softwareReleaseDate = software.value("releaseDate"_L1).toString();
    result->implementationDescription =
        cs.value("implementation"_L1).toObject().value("description"_L1).toString();
    const QStringList instantiates =
        strings(cs.value("instantiates"_L1)) + strings(cs.value("imports"_L1));
    for (const QString &i : instantiates) {
        if (i.contains("bulkdata"_L1, Qt::CaseInsensitive) ||
            i.contains("bulk-data"_L1, Qt::CaseInsensitive))
            result->declaresBulkData = true;
    }

    const QJsonArray rests = cs.value("rest"_L1).toArray();
    for (const QJsonValue &restValue : rests) {
        const QJsonObject rest = restValue.toObject();
        if (rest.value("mode"_L1).toString(u"server"_s) != "server"_L1)
            continue;
        const QJsonArray ops = rest.value("operation"_L1).toArray();
        for (const QJsonValue &op : ops) {
            switch (exportOperation(op.toObject())) {
            case ExportOp::Plain:
                result->systemExport = true;
                break;
            case ExportOp::Patient:
                result->patientExport = true;
                break;
            case ExportOp::Group:
                result->groupExport = true;
                break;
            case ExportOp::None:
                break;
            }
        }
        const QJsonArray resources = rest.value("resource"_L1).toArray();
        for (const QJsonValue &resourceValue : resources) {
            const QJsonObject resource = resourceValue.toObject();
            const QString type = resource.value("type"_L1).toString();
            const QJsonArray resourceOps = resource.value("operation"_L1).toArray();
            for (const QJsonValue &op : resourceOps) {
                const ExportOp kind = exportOperation(op.toObject());
                if (kind == ExportOp::None)
                    continue;
                // An "export" listed under Patient is the patient-level export, and so on.
                if (kind == ExportOp::Patient || (kind == ExportOp::Plain && type == "Patient"_L1))
                    result->patientExport = true;
                else if (kind == ExportOp::Group || (kind == ExportOp::Plain && type == "Group"_L1))
                    result->groupExport = true;
            }
        }
    }
    return true;
}

bool ProbeResult::parseSmartConfiguration(const QByteArray &json, ProbeResult *result)
{
    const Result<SmartConfiguration> config = SmartConfiguration::parse(json, result->base);
    if (!config.ok()) {
        result->smartFound = false;
        result->smartError = Error::make(
            Error::Kind::Protocol,
            ServerProbe::tr(
                "The server's SMART configuration names no usable token endpoint; enter the "
                "token URL by hand."),
            config.error().detail.isEmpty() ? config.error().message : config.error().detail,
            result->smartStatus);
        return false;
    }
    result->smartFound = true;
    result->smartError = {};
    result->tokenEndpoint = config->tokenEndpoint;
    result->authorizationEndpoint = config->authorizationEndpoint;
    result->authMethods = config->tokenEndpointAuthMethodsSupported;
    result->signingAlgorithms = config->signingAlgorithmsSupported;
    result->grantTypes = config->grantTypesSupported;
    result->scopes = config->scopesSupported;
    return true;
}

// ---------------------------------------------------------------------------------------------

struct ServerProbe::Run
{
    QPointer<QObject> context;
    bool hadContext = false;
    ProbeCallback callback;
    ProbeResult result;
};

ServerProbe::ServerProbe(HttpClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

ServerProbe::~ServerProbe() = default;

QUrl ServerProbe::metadataUrl(const QUrl &base)
{
    return childUrl(base, u"metadata"_s);
}

QUrl ServerProbe::smartConfigurationUrl(const QUrl &base)
{
    return SmartConfiguration::wellKnownUrl(base);
}

QUrl ServerProbe::groupSearchUrl(const QUrl &base)
{
    QUrl u = childUrl(base, u"Group"_s);
    QUrlQuery q;
    q.addQueryItem(u"_summary"_s, u"true"_s);
    q.addQueryItem(u"_count"_s, u"200"_s);
    u.setQuery(q);
    return u;
}

void ServerProbe::probe(QObject *context, ProbeCallback callback)
{
    auto run = std::make_shared<Run>();
    run->context = context;
    run->hadContext = context != nullptr;
    run->callback = std::move(callback);
    if (!m_client) {
        run->result.metadataError =
            Error::make(Error::Kind::Usage, ServerProbe::tr("No server to test."));
        finish(run);
        return;
    }
    run->result.base = m_client->base();
    // Capabilities are public on most servers: ask without a token first, so that a wrong
    // credential cannot hide whether the address is right.
    fetchMetadata(run, false);
}

void ServerProbe::fetchMetadata(const std::shared_ptr<Run> &run, bool withAuth)
{
    HttpCall call;
    call.url = metadataUrl(run->result.base);
    call.headers = {{"Accept"_ba, "application/fhir+json"_ba}};
    call.withAuth = withAuth;
    call.timeoutMs = m_timeoutMs;
    call.maxBodyBytes = qint64(16) << 20;
    m_client->send(call, this, [this, run, withAuth](const HttpResponse &response) {
        ProbeResult &r = run->result;
        r.metadataStatus = response.status;
        if (response.error.isError()) {
            qCDebug(lcProbe) << "metadata failed:" << response.error.detail;
            r.metadataError = response.error;
            // Nothing else can answer when the connection itself failed.
            if (response.status == 0) {
                finish(run);
                return;
            }
        } else if ((response.status == 401 || response.status == 403) && !withAuth && m_client &&
                   m_client->auth() && !qobject_cast<NoAuth *>(m_client->auth())) {
            r.metadataNeededToken = true;
            fetchMetadata(run, true);
            return;
        } else if (response.status == 401 || response.status == 403) {
            r.metadataError = Error::make(
                Error::Kind::Auth,
                withAuth
                    //: %1 is the HTTP status code
                    ? ServerProbe::tr(
                          "The server refused this profile's credentials (HTTP %1). Check the "
                          "authorization settings.")
                          .arg(response.status)
                    //: %1 is the HTTP status code
                    : ServerProbe::tr(
                          "The server asks for authorization even to describe itself (HTTP %1). "
                          "Choose the authorization kind and enter the credentials, then test "
                          "again.")
                          .arg(response.status),
                httpProblem(response), response.status);
        } else if (response.status == 404) {
            r.metadataError = Error::make(
                Error::Kind::Http,
                //: %1 is a URL
                ServerProbe::tr(
                    "No FHIR server answered at this address: %1 was not found (HTTP 404). Check "
                    "that the address is the FHIR base (for example https://server/fhir).")
                    .arg(metadataUrl(r.base).toDisplayString()),
                httpProblem(response), response.status);
        } else if (!response.isSuccess()) {
            r.metadataError = Error::make(
                Error::Kind::Http,
                //: %1 is the server's explanation or the HTTP status
                ServerProbe::tr("The server reported an error: %1").arg(httpProblem(response)),
                httpProblem(response), response.status);
        } else {
            ProbeResult::parseCapabilityStatement(response.body, &r);
        }
        fetchSmart(run);
    });
}

void ServerProbe::fetchSmart(const std::shared_ptr<Run> &run)
{
    if (!m_client) {
        finish(run);
        return;
    }
    HttpCall call;
    call.url = smartConfigurationUrl(run->result.base);
    call.headers = {{"Accept"_ba, "application/json"_ba}};
    call.withAuth = false; // discovery comes before any token
    call.timeoutMs = m_timeoutMs;
    call.maxBodyBytes = qint64(1) << 20;
    m_client->send(call, this, [this, run](const HttpResponse &response) {
        ProbeResult &r = run->result;
        r.smartStatus = response.status;
        if (response.error.isError()) {
            r.smartError = response.error;
        } else if (response.status == 404) {
            r.smartError =
                Error::make(Error::Kind::Http, ServerProbe::tr("No SMART configuration."),
                            httpProblem(response), 404);
        } else if (!response.isSuccess()) {
            r.smartError = Error::make(
                Error::Kind::Http,
                //: %1 is the server's explanation or the HTTP status
                ServerProbe::tr("The server's SMART configuration could not be read: %1")
                    .arg(httpProblem(response)),
                httpProblem(response), response.status);
        } else {
            ProbeResult::parseSmartConfiguration(response.body, &r);
        }
        checkToken(run);
    });
}

void ServerProbe::checkToken(const std::shared_ptr<Run> &run)
{
    AuthProvider *auth = m_client ? m_client->auth() : nullptr;
    if (!m_checkToken || !auth || qobject_cast<NoAuth *>(auth)) {
        finish(run);
        return;
    }
    auth->requestToken(false, this,
                       [this, run](const QString &token, const Error &error) {
                           // The token itself goes nowhere: only whether there was one.
                           if (error.isError()) {
                               run->result.token = ProbeResult::TokenCheck::Failed;
                               run->result.tokenError = error;
                           } else if (!token.isEmpty()) {
                               run->result.token = ProbeResult::TokenCheck::Obtained;
                           }
                           finish(run);
                       },
                       {});
}

void ServerProbe::finish(const std::shared_ptr<Run> &run)
{
    if (!run->callback)
        return;
    auto callback = std::move(run->callback);
    run->callback = nullptr;
    // Callbacks run later, never inside probe() itself, as with every other async core call.
    QMetaObject::invokeMethod(
        this,
        [run, callback] {
            if (run->hadContext && !run->context)
                return;
            callback(run->result);
        },
        Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------------------------

Result<QList<GroupSummary>> ServerProbe::parseGroupBundle(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonObject bundle = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError ||
        bundle.value("resourceType"_L1).toString() != "Bundle"_L1)
        return Error::make(
            Error::Kind::Protocol,
            ServerProbe::tr("The server's answer to the group search is not a FHIR Bundle; type "
                            "the group id instead."),
            parseError.error != QJsonParseError::NoError
                ? parseError.errorString()
                : bundle.value("resourceType"_L1).toString());
    QList<GroupSummary> out;
    const QJsonArray entries = bundle.value("entry"_L1).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject resource = e.toObject().value("resource"_L1).toObject();
        if (resource.value("resourceType"_L1).toString() != "Group"_L1)
            continue;
        GroupSummary g;
        g.id = resource.value("id"_L1).toString();
        if (g.id.isEmpty())
            continue;
        g.name = resource.value("name"_L1).toString();
        if (resource.contains("quantity"_L1))
            g.size = resource.value("quantity"_L1).toInteger(-1);
        else if (resource.contains("member"_L1))
            g.size = resource.value("member"_L1).toArray().size();
        out << g;
    }
    return out;
}

void ServerProbe::listGroups(QObject *context, GroupsCallback callback)
{
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    auto deliver = [this, guard, hadContext, callback](const Result<QList<GroupSummary>> &r) {
        QMetaObject::invokeMethod(
            this,
            [guard, hadContext, callback, r] {
                if (hadContext && !guard)
                    return;
                callback(r);
            },
            Qt::QueuedConnection);
    };
    if (!m_client) {
        deliver(Error::make(Error::Kind::Usage, ServerProbe::tr("No server to ask.")));
        return;
    }
    HttpCall call;
    call.url = groupSearchUrl(m_client->base());
    call.headers = {{"Accept"_ba, "application/fhir+json"_ba}};
    call.timeoutMs = m_timeoutMs;
    call.maxBodyBytes = qint64(16) << 20;
    m_client->send(call, this, [deliver](const HttpResponse &response) {
        if (response.error.isError()) {
            deliver(response.error);
        } else if (!response.isSuccess()) {
            //: %1 is the HTTP status code
            deliver(Error::make(
                Error::Kind::Http,
                ServerProbe::tr("The server did not list its groups (HTTP %1); type the group "
                                "id instead.")
                    .arg(response.status),
                httpProblem(response), response.status));
        } else {
            deliver(parseGroupBundle(response.body));
        }
    });
}

} // namespace fbm
