#pragma once

#include "activity.h"
#include "result.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace fbm {

class Clock;
class HttpClient;
struct HttpCall;
struct HttpResponse;

/// What every request to a reporting server has in common, for ReportClient and its parts
/// (the job list, the report downloads, the report operations): addresses under the FHIR base,
/// FHIR JSON asked for, each exchange in the activity log, and one way of telling a failed
/// answer.
class ReportRequests
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ReportRequests)

public:
    using Log = std::function<void(const ActivityEntry &)>;

    inline static const QByteArray kFhirJson = QByteArrayLiteral("application/fhir+json");

    /// http may be destroyed first: http() is then null and nothing is sent.
    ReportRequests(HttpClient *http, Log log);

    [[nodiscard]] HttpClient *http() const;
    /// The HttpClient's clock (the session's), or the system's once the client is gone.
    [[nodiscard]] const Clock *clock() const;
    /// [base]/relative, the base taken as a folder.
    [[nodiscard]] QUrl endpoint(const QString &relative) const;
    /// A GET of url that asks for FHIR JSON and is logged.
    [[nodiscard]] HttpCall call(const QUrl &url) const;
    /// An answer that is not a success as an Error: "<what> failed: <reason>" when no answer
    /// came, else "<what>: <the server's explanation>" with a hint for 401 and 403.
    [[nodiscard]] Error httpError(const HttpResponse &response, const QString &what) const;

private:
    QPointer<HttpClient> m_http;
    Log m_log;
};

} // namespace fbm
