#include "reportrequests.h"

#include "httpclient.h"
#include "operationoutcome.h"
#include "reportjob.h"

using namespace Qt::StringLiterals;

namespace fbm {

ReportRequests::ReportRequests(HttpClient *http, Log log)
    : m_http(http)
    , m_log(std::move(log))
{}

HttpClient *ReportRequests::http() const
{
    return m_http;
}

const Clock *ReportRequests::clock() const
{
    return m_http ? m_http->clock() : Clock::system();
}

QUrl ReportRequests::endpoint(const QString &relative) const
{
    return reportBaseUrl(m_http ? m_http->base() : QUrl()).resolved(QUrl(relative));
}

HttpCall ReportRequests::call(const QUrl &url) const
{
    HttpCall call;
    call.url = url;
    call.headers.append({"Accept", kFhirJson});
    call.log = m_log;
    return call;
}

Error ReportRequests::httpError(const HttpResponse &response, const QString &what) const
{
    // An answer with a status is the server's word even when the transport flagged it (Qt
    // reports a 400 as ProtocolInvalidOperationError): explain it from the status and body.
    if (response.error.isError() && response.status == 0) {
        Error e = response.error;
        //: %1 what was being done ("Listing the report jobs"), %2 the reason
        e.message = tr("%1 failed: %2").arg(what, response.error.message);
        return e;
    }
    const int status = response.status;
    const Error::Kind kind =
        (status == 401 || status == 403) ? Error::Kind::Auth : Error::Kind::Http;
    const bool transient = status == 429 || status == 502 || status == 503 || status == 504;
    const QString explanation = describeErrorBody(status, response.body);
    QString hint;
    if (status == 401)
        hint = tr("Check the server's sign-in settings or the access token.");
    else if (status == 403)
        hint = tr("Your user may lack the permission for this on the reporting server.");
    QString message = what + u": "_s + explanation;
    if (!hint.isEmpty())
        message += u' ' + hint;
    return Error::make(kind, m_http ? m_http->redact(message) : message,
                       u"HTTP %1 from %2"_s.arg(status).arg(response.finalUrl.toString()), status,
                       transient);
}

} // namespace fbm
