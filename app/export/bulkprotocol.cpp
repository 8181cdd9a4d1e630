#include "bulkprotocol.h"

#include "operationoutcome.h"
#include "retrypolicy.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

HttpCall BulkProtocol::kickoff(const ExportRequest &request, const QUrl &kickoffUrl)
{
    HttpCall call;
    call.url = kickoffUrl;
    // Exactly these: real servers compare them strictly.
    call.headers = {
        {"Accept"_ba, "application/fhir+json"_ba},
        {"Prefer"_ba, request.lenient ? "respond-async, handling=lenient"_ba : "respond-async"_ba}};
    if (request.noCache)
        call.headers.append({"Cache-Control"_ba, "no-cache"_ba});
    if (request.usePost) {
        call.method = "POST";
        call.body = request.parametersBody();
        call.headers.append({"Content-Type"_ba, "application/fhir+json"_ba});
    }
    return call;
}

HttpCall BulkProtocol::status(const QUrl &statusUrl)
{
    HttpCall call;
    call.url = statusUrl;
    call.headers = {{"Accept"_ba, "application/json"_ba}};
    return call;
}

HttpCall BulkProtocol::manifestPage(const QUrl &url)
{
    return status(url);
}

HttpCall BulkProtocol::cancel(const QUrl &statusUrl)
{
    HttpCall call;
    call.method = "DELETE";
    call.url = statusUrl;
    call.headers = {{"Accept"_ba, "application/fhir+json"_ba}};
    return call;
}

QUrl BulkProtocol::statusUrlOf(const HttpResponse &r, const QUrl &kickoffUrl)
{
    const QByteArray location = r.header("Content-Location");
    if (location.isEmpty())
        return {};
    const QUrl status = (r.finalUrl.isValid() ? r.finalUrl : kickoffUrl)
                            .resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
    const QString scheme = status.scheme().toLower();
    if (!status.isValid() || status.host().isEmpty() ||
        (scheme != "http"_L1 && scheme != "https"_L1))
        return {};
    return status;
}

namespace {

/// An error answer that may pass: an OperationOutcome whose every problem is of the transient
/// family (transient, lock-error, timeout, throttled, ...) whatever the status, or a 5xx that
/// carries no OperationOutcome (a proxy's page, a restart) or one without issues.
bool mayPass(const HttpResponse &r)
{
    const auto outcome = OperationOutcome::fromJson(r.body);
    if (outcome && !outcome->issues.isEmpty())
        return outcome->isTransient();
    return r.status >= 500;
}

} // namespace

BulkProtocol::Kickoff BulkProtocol::classifyKickoff(const HttpResponse &r, const QUrl &kickoffUrl,
                                                    const QDateTime &now)
{
    Kickoff k;
    k.retryAfterMs = parseRetryAfterMs(r.header("Retry-After"), r.header("Date"), now);
    if (r.error.isError()) {
        k.transient = r.error.kind == Error::Kind::Network && r.error.transient;
        //: %1 is the reason
        k.error = tr("The export could not be started: %1").arg(r.error.message);
        return k;
    }
    if (r.status == 202) {
        const QByteArray location = r.header("Content-Location");
        if (location.isEmpty()) {
            k.error = tr("The server accepted the export but did not say where to follow it "
                         "(no Content-Location header). Nothing can be downloaded.");
            return k;
        }
        k.statusUrl = statusUrlOf(r, kickoffUrl);
        if (k.statusUrl.isEmpty()) {
            k.error = tr("The server's status address is not an HTTP(S) URL.");
            return k;
        }
        k.relativeLocation = QUrl::fromEncoded(location, QUrl::StrictMode).isRelative();
        k.accepted = true;
        return k;
    }
    if (r.status == 429) {
        QString wait;
        if (k.retryAfterMs)
            //: %1 is a number of seconds
            wait = u' ' + tr("The server asks to wait %1 seconds before trying again.")
                              .arg(*k.retryAfterMs / 1000);
        k.error =
            tr("The server is busy (another export may be running) and did not start this one.") +
            wait + u' ' + describeErrorBody(r.status, r.body);
        return k;
    }
    // Not a FHIR server at all (a web server, a wrong path): the explanation Test connection
    // gives, and where to check, rather than "404 without an explanation".
    const auto outcome = OperationOutcome::fromJson(r.body);
    if (!outcome && r.status == 404) {
        //: %1 is the export's address
        k.error = tr("No FHIR server answered at this address: %1 was not found (HTTP 404). Check "
                     "that the server profile's address is the FHIR base (for example "
                     "https://server/fhir); Test connection in the profile checks it.")
                      .arg(kickoffUrl.adjusted(QUrl::RemoveQuery).toDisplayString());
        return k;
    }
    if (!outcome && r.status >= 200 && r.status < 300) {
        //: %1 is the HTTP status code
        k.error = tr("The address answered (HTTP %1) but did not start an export: it may not be a "
                     "FHIR server that offers Bulk Data export. Check the server profile's "
                     "address; Test connection in the profile checks it.")
                      .arg(r.status);
        return k;
    }
    // A 429 stays the user's decision (Oracle: another export is running). A server that says
    // its trouble may pass, or a gateway's 502/503/504, gets the backoff of a status check; a
    // bare 500 does not, as a kick-off sent again may start a second export.
    k.transient = outcome && !outcome->issues.isEmpty()
                      ? outcome->isTransient()
                      : r.status == 502 || r.status == 503 || r.status == 504;
    k.error = tr("The export could not be started.") + u' ' + describeErrorBody(r.status, r.body);
    return k;
}

bool BulkProtocol::refusedAsAsked(const HttpResponse &r)
{
    return !r.error.isError() && (r.status == 400 || r.status == 422);
}

QStringList BulkProtocol::refusedParameters(const ExportRequest &request, const HttpResponse &r)
{
    if (!refusedAsAsked(r))
        return {};
    const auto outcome = OperationOutcome::fromJson(r.body);
    const QString said = outcome ? outcome->toText() : QString::fromUtf8(r.body.left(4096));
    QStringList named;
    const QStringList names = request.parameterNames();
    for (const QString &name : names) {
        // "_type" is inside "_typeFilter": a name counts where no letter follows it.
        bool found = false;
        for (qsizetype at = said.indexOf(name, 0, Qt::CaseInsensitive); at >= 0 && !found;
             at = said.indexOf(name, at + 1, Qt::CaseInsensitive)) {
            const qsizetype end = at + name.size();
            found = end >= said.size() || !said.at(end).isLetterOrNumber();
        }
        if (!found && name == "_type"_L1)
            found = std::any_of(
                request.types.cbegin(), request.types.cend(),
                [&said](const QString &t) { return said.contains(t, Qt::CaseSensitive); });
        if (found)
            named.append(name);
    }
    return named;
}

BulkProtocol::Status BulkProtocol::classifyStatus(const HttpResponse &r, const QDateTime &now)
{
    using Kind = Status::Kind;
    Status s;
    const QByteArray retryAfter = r.header("Retry-After");
    s.retryAfterMs = parseRetryAfterMs(retryAfter, r.header("Date"), now);
    if (!retryAfter.isEmpty() && !s.retryAfterMs)
        s.unreadableRetryAfter = retryAfter.left(80);
    if (r.error.isError()) {
        s.kind = r.error.kind == Error::Kind::Network ? Kind::Transient : Kind::Failed;
        //: %1 is the reason
        s.message = tr("Checking the export failed: %1").arg(r.error.message);
        return s;
    }
    switch (r.status) {
    case 202:
        s.xProgress = QString::fromUtf8(r.header("X-Progress"));
        // HAPI keeps answering 202 for a cancelled job; only X-Progress says so.
        s.kind = s.xProgress.contains("Status set to CANCELLED"_L1) ? Kind::CancelledByServer
                                                                    : Kind::InProgress;
        return s;
    case 200:
        s.kind = Kind::Complete;
        return s;
    case 429:
        s.kind = Kind::Throttled;
        return s;
    case 404:
    case 410:
        s.kind = Kind::Gone;
        return s;
    default:
        break;
    }
    const QString described = describeErrorBody(r.status, r.body);
    if (r.status == 401 || r.status == 403) {
        s.kind = Kind::Failed;
        // Even after a new token: the credentials, not the export, need attention.
        s.message = tr("The server refused access to the export's status. Check the profile's "
                       "authorization and choose Retry: the export on the server may still be "
                       "running.") +
                    u' ' + described;
        return s;
    }
    s.kind = mayPass(r) ? Kind::Transient : Kind::Failed;
    s.message = described;
    return s;
}

BulkProtocol::Page BulkProtocol::classifyManifestPage(const HttpResponse &r, const QDateTime &now)
{
    Page p;
    if (!r.error.isError() && r.status == 200)
        return p;
    const QString why = r.error.isError() ? r.error.message : describeErrorBody(r.status, r.body);
    //: %1 is the reason
    p.message = tr("A page of the manifest could not be read: %1").arg(why);
    const bool transient = r.error.isError() ? r.error.kind == Error::Kind::Network
                                             : r.status >= 500 || r.status == 429;
    p.kind = transient ? Page::Kind::Transient : Page::Kind::Failed;
    p.retryAfterMs = parseRetryAfterMs(r.header("Retry-After"), r.header("Date"), now);
    return p;
}

BulkProtocol::Cancel BulkProtocol::classifyCancel(const HttpResponse &r)
{
    Cancel c;
    if (r.error.isError()) {
        c.kind = Cancel::Kind::Unreachable;
        //: %1 is the reason
        c.message = tr("The server could not be told to cancel: %1").arg(r.error.message);
        return c;
    }
    if (r.status == 202 || r.status == 200 || r.status == 204) {
        c.kind = Cancel::Kind::Cancelled;
        return c;
    }
    if (r.status == 404 || r.status == 409 || r.status == 410) {
        c.kind = Cancel::Kind::Gone;
        return c;
    }
    c.kind = Cancel::Kind::Refused;
    c.message =
        tr("The server did not cancel the export.") + u' ' + describeErrorBody(r.status, r.body);
    return c;
}

} // namespace fbm
