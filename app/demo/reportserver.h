#pragma once

#include "reportdata.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace fbm::demo {

namespace http {
class Frontend;
struct Request;
} // namespace http

/// A simulated eHealth reporting server on 127.0.0.1, for the app's demo mode and the tests.
/// Under the base path /fhir/ it answers:
/// - `$get-report-job-status` (POST, and GET; POST answers 405 when setPostAllowed(false)) from
///   the selected Fixture;
/// - `Binary/<id>`: a FHIR Binary JSON (base64 `data`, or `content`) to
///   `Accept: application/fhir+json`, the raw bytes otherwise; some Binaries are raw only;
///   an unfinished job's Binary is the "*NOT GENERATED YET*" placeholder;
/// - `metadata`: a CapabilityStatement with `$execute-…`, `$schedule-…`, `$fetch-…` operations,
///   and their OperationDefinitions (`OperationDefinition/<id>` and `OperationDefinition?url=`);
/// - `$execute-<report>` (POST Parameters, `anonymization` required): adds a job that is QUEUED,
///   then RUNNING, and DONE on the Nth status request after it (setStatusRequestsUntilDone()).
/// With a token validator set, every request needs `Authorization: Bearer <token>` it accepts.
class ReportServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportServer)
public:
    /// What `$get-report-job-status` answers.
    enum class Fixture
    {
        Mixed,            ///< the seed's job and a mix: every status, missing and unknown parts,
                          ///< relative and absolute Binary references, raw and JSON Binaries
        SeedExample,      ///< exactly the IG's example answer (a foreign absolute Binary URL)
        Empty,            ///< a Bundle with no `entry` at all
        OperationOutcome, ///< HTTP 500 with an OperationOutcome
        NotBundle,        ///< HTTP 200 with a Patient resource
        NotJson,          ///< HTTP 200 with an HTML page
    };

    /// One request as received, for tests to check what the client sent.
    struct Request
    {
        QByteArray method;
        QString path;  ///< decoded, e.g. "/fhir/$get-report-job-status"
        QString query; ///< decoded
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        [[nodiscard]] QByteArray header(const QByteArray &name) const;
    };

    explicit ReportServer(QObject *parent = nullptr);
    ~ReportServer() override;

    /// Listens on 127.0.0.1 (port 0: any free port). Returns false when it cannot.
    bool listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }
    /// http://127.0.0.1:<port>/fhir/
    [[nodiscard]] QUrl baseUrl() const;

    void setFixture(Fixture fixture) { m_fixture = fixture; }
    [[nodiscard]] Fixture fixture() const { return m_fixture; }
    /// false: POST to `$get-report-job-status` answers 405 (as some servers do), GET still works.
    void setPostAllowed(bool allowed) { m_postAllowed = allowed; }
    /// Receives the bearer token (without "Bearer "); false answers 401.
    void setTokenValidator(std::function<bool(const QByteArray &token)> validator)
    {
        m_tokenValidator = std::move(validator);
    }
    /// How many status requests after `$execute-…` until the new job is DONE (at least 1).
    void setStatusRequestsUntilDone(int n) { m_requestsUntilDone = qMax(1, n); }

    [[nodiscard]] QList<Request> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    /// Requests whose path ends with pathSuffix (e.g. "$get-report-job-status").
    [[nodiscard]] int requestCount(const QString &pathSuffix) const;

    /// The decoded report bytes Binary/<id> holds (what a client must save), or a null array.
    [[nodiscard]] QByteArray reportBytes(const QString &binaryId) const;
    /// The ids of the jobs `$execute-…` created, oldest first.
    [[nodiscard]] QStringList executedJobIds() const;

    /// The demo's state: the Mixed fixture and one report already started.
    void seedDemo();

    /// A stored (uncompressed) ZIP archive of the given (name, content) files.
    [[nodiscard]] static QByteArray makeZip(const QList<QPair<QString, QByteArray>> &files);
    /// The small report (a ZIP holding JSON) most done jobs point at.
    [[nodiscard]] static QByteArray sampleZip();
    [[nodiscard]] static QByteArray sampleCsv();
    [[nodiscard]] static QByteArray samplePdf();
    /// The placeholder the reporting server serves for a report not generated yet.
    [[nodiscard]] static QByteArray placeholderText();

private:
    using Job = reportdata::ReportJob;
    struct Reply
    {
        int status = 200;
        QByteArray contentType = "application/fhir+json";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    void handle(const http::Request &request, QTcpSocket *socket);
    Reply route(const Request &req);
    Reply statusReply(const Request &req);
    Reply binaryReply(const QString &id, const Request &req);
    Reply operationDefinitionReply(const QString &id) const;
    Reply operationDefinitionSearch(const QString &canonical) const;
    Reply executeReply(const QString &report, const Request &req);
    void resetFixtureJobs();
    static Reply outcome(int status, const QString &code, const QString &diagnostics);
    static Reply json(const QJsonObject &o, int status = 200);

    std::unique_ptr<http::Frontend> m_frontend;
    quint16 m_port = 0;
    Fixture m_fixture = Fixture::Mixed;
    bool m_postAllowed = true;
    int m_requestsUntilDone = 3;
    int m_nextBinary = 100;
    std::function<bool(const QByteArray &)> m_tokenValidator;
    QList<Request> m_requests;
    QList<Job> m_jobs;     ///< the Mixed fixture's jobs
    QList<Job> m_executed; ///< jobs added by `$execute-…`
    QHash<QString, reportdata::Binary> m_binaries;
};

} // namespace fbm::demo
