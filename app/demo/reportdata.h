#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

/// The reporting server's data: the reports it can run, the jobs and Binaries of its fixtures,
/// and the FHIR resources it describes them with. Deterministic, and free of the server's
/// state.
namespace fbm::demo::reportdata {

/// How Binary/<id> answers a FHIR JSON Accept.
enum class BinaryForm
{
    Data,    ///< Binary JSON with base64 `data` (raw to a non-FHIR Accept)
    Content, ///< Binary JSON with base64 `content`, as the IG text writes it
    Raw,     ///< raw bytes whatever the Accept
};

struct Binary
{
    QByteArray bytes;
    QByteArray contentType;
    BinaryForm form = BinaryForm::Data;
};

/// One report job as `$get-report-job-status` lists it.
struct ReportJob
{
    QString id;
    QString fullUrl;
    QString reportClass;
    QString userId;
    QString status;
    QString binaryRef; ///< "{base}" is replaced by the server's base URL
    QJsonArray inputs; ///< parameters of the nested Parameters resource
    QString created, started, ended;
    QJsonArray extraParts;
    bool reverseParts = false;
    bool omitResourceId = false;
    int statusRequests = -1; ///< jobs that move: status requests seen; -1 for fixtures
    QString binaryId;        ///< jobs that move: the Binary that becomes the report
};

/// One report the server can run: its operation name, class and inputs.
struct ReportKind
{
    QString name;
    QString className;
    bool foreignCanonical; ///< its OperationDefinition is found by a search on its canonical URL
    bool hasDefinition;
    QList<QJsonObject> inputs;
};

[[nodiscard]] const QList<ReportKind> &reportKinds();
[[nodiscard]] const ReportKind *findReport(const QString &name);

/// The Java package of the report classes, and the user the demo's jobs belong to.
[[nodiscard]] QString reportClass(const QString &className);
[[nodiscard]] QString demoUser();

/// A Parameters part {name, <valueKey>: value}.
[[nodiscard]] QJsonObject part(const QString &name, const QString &valueKey,
                               const QJsonValue &value);

/// The Mixed fixture: every status, missing and unknown parts, relative and absolute Binary
/// references, raw and JSON Binaries.
[[nodiscard]] QList<ReportJob> fixtureJobs();
/// The Binaries the fixture's jobs point at, by id.
[[nodiscard]] QHash<QString, Binary> fixtureBinaries();
/// The IG's example answer of `$get-report-job-status`, verbatim but for the quotes.
[[nodiscard]] QByteArray seedExampleAnswer();

/// A job's Bundle entry; base: the server's base URL (with its trailing slash).
[[nodiscard]] QJsonObject jobEntry(const ReportJob &job, const QString &base);
/// The CapabilityStatement: `$execute-…`, `$schedule-…` and `$fetch-…` operations.
[[nodiscard]] QJsonObject capabilityStatement(const QString &base);
/// The OperationDefinition of `$execute-<report>`; empty for an unknown report.
[[nodiscard]] QJsonObject operationDefinition(const QString &report, const QString &base);

/// A stored (uncompressed) ZIP archive of the given (name, content) files.
[[nodiscard]] QByteArray makeZip(const QList<QPair<QString, QByteArray>> &files);
[[nodiscard]] QByteArray sampleZip();
[[nodiscard]] QByteArray sampleCsv();
[[nodiscard]] QByteArray samplePdf();
[[nodiscard]] QByteArray placeholderText();

} // namespace fbm::demo::reportdata
