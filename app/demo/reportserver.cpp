#include "reportserver.h"

#include "http/frontend.h"
#include "http/gzip.h"
#include "http/wire.h"
#include "httpclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReportServer, "fhirbulk.demo.reports")

namespace fbm::demo {

namespace {

const auto kReportPackage = "com.systematic.ehealth.reporting.reports."_L1;
const auto kDemoUser = "0aaca7cd-67c3-48dd-a8c4-0cceecb5d276"_L1;
const auto kForeignCanonicalBase = "http://ehealth.sundhed.dk/fhir/OperationDefinition/"_L1;

// The IG's example answer of $get-report-job-status, verbatim but for the quotes.
const char kSeedExample[] =
    R"({ "resourceType": "Bundle", "type": "collection", "entry": [ { "fullUrl": "ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc", "resource": { "resourceType": "Parameters", "id": "ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc", "parameter": [ { "name": "reportJob", "part": [ { "name": "reportClass", "valueString": "com.systematic.ehealth.reporting.reports.PatientsUsageReport" }, { "name": "userId", "valueString": "0aaca7cd-67c3-48dd-a8c4-0cceecb5d276" }, { "name": "status", "valueString": "DONE" }, { "name": "binary", "valueReference": { "reference": "https://reporting.local.ehealth.sundhed.dk/fhir/Binary/7" } }, { "name": "parameters", "resource": { "resourceType": "Parameters", "parameter": [ { "name": "anonymization", "valueString": "None" } ] } }, { "name": "created", "valueDateTime": "2023-10-12T09:51:50+00:00" }, { "name": "started", "valueDateTime": "2023-10-12T09:51:50+00:00" }, { "name": "ended", "valueDateTime": "2023-10-12T09:51:51+00:00" } ] } ] } } ] })";

/// One report the server can run: its operation name, class and inputs.
struct ReportKind
{
    QString name;
    QString className;
    bool foreignCanonical; ///< its OperationDefinition is found by a search on its canonical URL
    bool hasDefinition;
    QList<QJsonObject> inputs;
};

QJsonObject input(const QString &name, int min, const QString &max, const QString &type,
                  const QString &doc)
{
    return QJsonObject{{u"name"_s, name}, {u"use"_s, u"in"_s}, {u"min"_s, min},
                       {u"max"_s, max},   {u"type"_s, type},   {u"documentation"_s, doc}};
}

const QList<ReportKind> &reportKinds()
{
    static const QList<ReportKind> kinds = [] {
        const QJsonObject anonymization =
            input(u"anonymization"_s, 1, u"1"_s, u"string"_s,
                  u"None, NONE or ANONYMIZED. NONE needs the report-non-anonymized permission."_s);
        const QJsonObject organization = input(u"organization"_s, 0, u"1"_s, u"Reference"_s,
                                               u"Limit the report to this organization."_s);
        const QJsonObject period =
            input(u"period"_s, 0, u"1"_s, u"Period"_s, u"Limit the report to this period."_s);
        return QList<ReportKind>{
            {u"patient-usage-stats"_s,
             u"PatientsUsageReport"_s,
             false,
             true,
             {anonymization, organization, period}},
            {u"measurement-stats"_s,
             u"MeasurementStatsReport"_s,
             true,
             true,
             {anonymization, organization, period}},
            {u"patient-gdpr"_s,
             u"PatientGdprReport"_s,
             false,
             true,
             {anonymization, input(u"patient"_s, 1, u"1"_s, u"Reference"_s,
                                   u"The patient the report is about."_s)}},
            {u"ssl-orders"_s,
             u"SslOrdersReport"_s,
             false,
             false,
             {anonymization,
              input(u"seller"_s, 0, u"1"_s, u"Reference"_s, u"The seller's organization."_s)}},
        };
    }();
    return kinds;
}

const ReportKind *findReport(const QString &name)
{
    for (const ReportKind &k : reportKinds()) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

QJsonObject part(const QString &name, const QString &valueKey, const QJsonValue &value)
{
    return QJsonObject{{u"name"_s, name}, {valueKey, value}};
}

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v & 0xFF)).append(char(v >> 8));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xFFFF));
    put16(out, quint16(v >> 16));
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

QByteArray ReportServer::Request::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

ReportServer::ReportServer(QObject *parent)
    : QObject(parent)
    , m_frontend(std::make_unique<http::Frontend>(
          [this](const http::Request &request, QTcpSocket *socket) { handle(request, socket); }))
{
    resetFixtureJobs();
}

ReportServer::~ReportServer() = default;

bool ReportServer::listen(quint16 port)
{
    m_port = m_frontend->listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl ReportServer::baseUrl() const
{
    QUrl u = http::loopbackOrigin(m_port);
    u.setPath(u"/fhir/"_s);
    return u;
}

int ReportServer::requestCount(const QString &pathSuffix) const
{
    int n = 0;
    for (const Request &r : m_requests) {
        if (r.path.endsWith(pathSuffix))
            ++n;
    }
    return n;
}

QByteArray ReportServer::reportBytes(const QString &binaryId) const
{
    const auto it = m_binaries.constFind(binaryId);
    return it == m_binaries.constEnd() ? QByteArray() : it->bytes;
}

QStringList ReportServer::executedJobIds() const
{
    QStringList ids;
    for (const Job &j : m_executed)
        ids << j.id;
    return ids;
}

QByteArray ReportServer::makeZip(const QList<QPair<QString, QByteArray>> &files)
{
    // A stored ZIP (no compression) is all a client needs to recognise and save.
    QByteArray out;
    QByteArray central;
    const quint16 dosTime = (9 << 11) | (51 << 5) | (50 / 2);
    const quint16 dosDate = ((2023 - 1980) << 9) | (10 << 5) | 12;
    for (const auto &file : files) {
        const QByteArray name = file.first.toUtf8();
        const QByteArray &data = file.second;
        const quint32 crc = http::crc32(data);
        const auto offset = quint32(out.size());
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0x0800); // UTF-8 names
        put16(out, 0);
        put16(out, dosTime);
        put16(out, dosDate);
        put32(out, crc);
        put32(out, quint32(data.size()));
        put32(out, quint32(data.size()));
        put16(out, quint16(name.size()));
        put16(out, 0);
        out.append(name).append(data);

        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0x0800);
        put16(central, 0);
        put16(central, dosTime);
        put16(central, dosDate);
        put32(central, crc);
        put32(central, quint32(data.size()));
        put32(central, quint32(data.size()));
        put16(central, quint16(name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central.append(name);
    }
    const auto centralOffset = quint32(out.size());
    out.append(central);
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(files.size()));
    put16(out, quint16(files.size()));
    put32(out, quint32(central.size()));
    put32(out, centralOffset);
    put16(out, 0);
    return out;
}

QByteArray ReportServer::sampleZip()
{
    const QByteArray json =
        R"({"report":"PatientsUsageReport","generated":"2023-10-12T09:51:51+00:00",)"
        R"("rows":[{"organization":"Organization/42","patients":17,"activeUsers":12},)"
        R"({"organization":"Organization/43","patients":5,"activeUsers":5}]})"
        "\n";
    return makeZip({{u"PatientsUsageReport.json"_s, json}});
}

QByteArray ReportServer::sampleCsv()
{
    return "practitioner;organization;logins\r\nPractitioner/1;Organization/42;31\r\n"
           "Practitioner/2;Organization/42;7\r\n"_ba;
}

QByteArray ReportServer::samplePdf()
{
    return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 "
           "obj<</Type/Pages/Kids[]/Count 0>>"
           "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"_ba;
}

QByteArray ReportServer::placeholderText()
{
    return "*NOT GENERATED YET*"_ba;
}

void ReportServer::resetFixtureJobs()
{
    m_binaries.clear();
    m_binaries.insert(u"7"_s, {sampleZip(), "application/gzip-json", BinaryForm::Data});
    m_binaries.insert(u"8"_s, {sampleCsv(), "text/csv", BinaryForm::Data});
    m_binaries.insert(u"9"_s, {placeholderText(), "text/plain", BinaryForm::Data});
    m_binaries.insert(u"10"_s, {samplePdf(), "application/pdf", BinaryForm::Raw});
    m_binaries.insert(u"11"_s, {sampleZip(), "application/gzip-json", BinaryForm::Content});

    const QJsonObject anonNone = part(u"anonymization"_s, u"valueString"_s, u"None"_s);
    m_jobs.clear();

    Job seed;
    seed.id = seed.fullUrl = u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s;
    seed.reportClass = kReportPackage + u"PatientsUsageReport"_s;
    seed.userId = kDemoUser;
    seed.status = u"DONE"_s;
    seed.binaryRef = u"{base}Binary/7"_s;
    seed.inputs = {anonNone};
    seed.created = seed.started = u"2023-10-12T09:51:50+00:00"_s;
    seed.ended = u"2023-10-12T09:51:51+00:00"_s;
    m_jobs << seed;

    Job csv;
    csv.id = csv.fullUrl = u"2b7c4f0e-5a61-4f8e-9d0c-1f2a3b4c5d6e"_s;
    csv.reportClass = kReportPackage + u"PractitionerStatsReport"_s;
    csv.userId = kDemoUser;
    csv.status = u"DONE"_s;
    csv.binaryRef = u"Binary/8"_s;
    csv.inputs = {part(u"anonymization"_s, u"valueString"_s, u"ANONYMIZED"_s),
                  part(u"organization"_s, u"valueReference"_s,
                       QJsonObject{{u"reference"_s, u"Organization/42"_s}}),
                  part(u"period"_s, u"valuePeriod"_s,
                       QJsonObject{{u"start"_s, u"2023-01-01"_s}, {u"end"_s, u"2023-06-30"_s}})};
    csv.created = u"2023-10-13T08:00:00+00:00"_s;
    csv.started = u"2023-10-13T08:00:05+00:00"_s;
    csv.ended = u"2023-10-13T08:02:17+00:00"_s;
    m_jobs << csv;

    Job failed;
    failed.id = failed.fullUrl = u"5e0d1c2b-3a49-4f5e-8d7c-6b5a49382716"_s;
    failed.reportClass = kReportPackage + u"CareplanDurationStatsReport"_s;
    failed.userId = kDemoUser;
    failed.status = u"FAILED"_s;
    failed.inputs = {part(u"anonymization"_s, u"valueString"_s, u"NONE"_s)};
    failed.created = u"2023-10-14T10:00:00+00:00"_s;
    failed.started = u"2023-10-14T10:00:01+00:00"_s;
    failed.ended = u"2023-10-14T10:00:03+00:00"_s;
    m_jobs << failed;

    Job running;
    running.id = running.fullUrl = u"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"_s;
    running.reportClass = kReportPackage + u"MeasurementStatsReport"_s;
    running.userId = kDemoUser;
    running.status = u"RUNNING"_s;
    running.binaryRef = u"Binary/9"_s;
    running.inputs = {anonNone};
    running.created = u"2023-10-15T07:30:00+00:00"_s;
    running.started = u"2023-10-15T07:30:02+00:00"_s;
    m_jobs << running;

    // Only what a queued job may have: no user, no inputs, no Binary, no times but created.
    Job queued;
    queued.id = queued.fullUrl = u"0f1e2d3c-4b5a-4697-8877-665544332211"_s;
    queued.reportClass = kReportPackage + u"PatientTotalReport"_s;
    queued.status = u"QUEUED"_s;
    queued.created = u"2023-10-15T07:31:00+00:00"_s;
    m_jobs << queued;

    // Parts in reverse order, two parts no client knows, an absolute Binary URL, raw bytes.
    Job odd;
    odd.id = odd.fullUrl = u"77aa88bb-99cc-4dde-8eff-001122334455"_s;
    odd.reportClass = kReportPackage + u"CareteamStatsReport"_s;
    odd.userId = kDemoUser;
    odd.status = u"DONE"_s;
    odd.binaryRef = u"{base}Binary/10"_s;
    odd.inputs = {anonNone};
    odd.created = u"2023-10-16T12:00:00+00:00"_s;
    odd.started = u"2023-10-16T12:00:00+00:00"_s;
    odd.ended = u"2023-10-16T13:01:05+00:00"_s;
    odd.extraParts = {part(u"priority"_s, u"valueInteger"_s, 3),
                      part(u"node"_s, u"valueString"_s, u"reporting-worker-2"_s)};
    odd.reverseParts = true;
    m_jobs << odd;

    // A urn:uuid fullUrl, no resource id, and the payload under `content`.
    Job urn;
    urn.id = u"c0ffee00-1234-4abc-9def-0123456789ab"_s;
    urn.fullUrl = u"urn:uuid:c0ffee00-1234-4abc-9def-0123456789ab"_s;
    urn.omitResourceId = true;
    urn.reportClass = kReportPackage + u"PatientDevicesReport"_s;
    urn.userId = kDemoUser;
    urn.status = u"DONE"_s;
    urn.binaryRef = u"Binary/11"_s;
    urn.inputs = {anonNone};
    urn.created = u"2023-10-17T06:00:00+00:00"_s;
    urn.started = u"2023-10-17T06:00:01+00:00"_s;
    urn.ended = u"2023-10-17T06:00:09+00:00"_s;
    m_jobs << urn;
}

void ReportServer::seedDemo()
{
    m_fixture = Fixture::Mixed;
    m_postAllowed = true;
    m_requestsUntilDone = 4;
    m_executed.clear();
    resetFixtureJobs();
    // The running and the queued job finish after a few refreshes, as real ones would.
    for (Job &job : m_jobs) {
        if (job.status != "RUNNING"_L1 && job.status != "QUEUED"_L1)
            continue;
        job.statusRequests = 0;
        if (job.binaryId.isEmpty()) {
            job.binaryId = job.binaryRef.isEmpty() ? QString::number(m_nextBinary++)
                                                   : job.binaryRef.section(u'/', -1);
            job.binaryRef = u"Binary/"_s + job.binaryId;
            m_binaries.insert(job.binaryId, {placeholderText(), "text/plain", BinaryForm::Data});
        }
    }
    Request req;
    req.method = "POST";
    req.body =
        R"({"resourceType":"Parameters","parameter":[{"name":"anonymization","valueString":"ANONYMIZED"},{"name":"period","valuePeriod":{"start":"2024-01-01","end":"2024-12-31"}}]})";
    executeReply(u"patient-usage-stats"_s, req);
}

void ReportServer::handle(const http::Request &in, QTcpSocket *socket)
{
    Request req;
    // The names Qt HttpServer's router knew; its other methods were all alike to it.
    static const QList<QByteArray> named{"GET", "POST", "DELETE", "PUT"};
    req.method = named.contains(in.method) ? in.method : QByteArrayLiteral("OTHER");
    req.path = in.path;
    req.query = in.url.query(QUrl::FullyDecoded);
    req.headers = in.headers;
    req.body = in.body;
    m_requests.append(req);

    Reply reply;
    if (m_tokenValidator) {
        const QByteArray auth = req.header("Authorization");
        const bool bearer =
            auth.size() > 7 && auth.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
        if (!bearer || !m_tokenValidator(auth.mid(7).trimmed())) {
            reply = outcome(401, u"login"_s, u"A valid access token is required."_s);
            reply.headers.append(qMakePair("WWW-Authenticate"_ba, "Bearer"_ba));
        }
    }
    if (reply.body.isEmpty())
        reply = route(req);
    qCDebug(lcReportServer) << req.method << req.path << "->" << reply.status;

    http::Reply out{reply.status, {{"Content-Type", reply.contentType}}, reply.body};
    out.headers.append(reply.headers);
    http::write(socket, out);
}

ReportServer::Reply ReportServer::route(const Request &req)
{
    const QString prefix = u"/fhir/"_s;
    if (!req.path.startsWith(prefix))
        return outcome(404, u"not-found"_s, u"Unknown path "_s + req.path);
    const QString rest = req.path.mid(prefix.size());

    if (rest == "$get-report-job-status"_L1) {
        if (req.method == "POST" && !m_postAllowed) {
            Reply r = outcome(405, u"not-supported"_s, u"Use GET for this operation."_s);
            r.headers.append(qMakePair("Allow"_ba, "GET"_ba));
            return r;
        }
        if (req.method != "POST" && req.method != "GET")
            return outcome(405, u"not-supported"_s, u"Method not allowed."_s);
        return statusReply(req);
    }
    if (rest.startsWith("Binary/"_L1) && req.method == "GET")
        return binaryReply(rest.mid(7).section(u'/', 0, 0), req);
    if (rest == "metadata"_L1 && req.method == "GET")
        return metadataReply();
    if (rest == "OperationDefinition"_L1 && req.method == "GET")
        return operationDefinitionSearch(
            QUrlQuery(req.query).queryItemValue(u"url"_s, QUrl::FullyDecoded));
    if (rest.startsWith("OperationDefinition/"_L1) && req.method == "GET")
        return operationDefinitionReply(rest.mid(20));
    if (rest.startsWith("$execute-"_L1)) {
        if (req.method != "POST")
            return outcome(405, u"not-supported"_s, u"$execute operations take POST."_s);
        return executeReply(rest.mid(9), req);
    }
    return outcome(404, u"not-found"_s, u"Unknown resource or operation: "_s + rest);
}

ReportServer::Reply ReportServer::statusReply(const Request &)
{
    // Every status request moves the started reports along, whatever the fixture; the Mixed
    // fixture's own jobs only move in the demo (seedDemo()), so that tests see them as written.
    QList<Job *> moving;
    for (Job &job : m_jobs)
        moving << &job;
    for (Job &job : m_executed)
        moving << &job;
    for (Job *j : std::as_const(moving)) {
        Job &job = *j;
        if (job.statusRequests < 0 || job.status == "DONE"_L1)
            continue;
        ++job.statusRequests;
        if (job.statusRequests >= m_requestsUntilDone) {
            job.status = u"DONE"_s;
            job.ended = nowText();
            m_binaries.insert(job.binaryId,
                              {sampleZip(), "application/gzip-json", BinaryForm::Data});
        } else if (job.statusRequests >= 1) {
            job.status = u"RUNNING"_s;
            if (job.started.isEmpty())
                job.started = nowText();
        }
    }

    switch (m_fixture) {
    case Fixture::SeedExample: {
        Reply r;
        r.body = kSeedExample;
        return r;
    }
    case Fixture::Empty:
        return json(QJsonObject{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"collection"_s}});
    case Fixture::OperationOutcome:
        return outcome(500, u"processing"_s,
                       u"REPORTING_INTERNAL_ERROR: the report job store is unavailable"_s);
    case Fixture::NotBundle:
        return json(QJsonObject{{u"resourceType"_s, u"Patient"_s}, {u"id"_s, u"1"_s}});
    case Fixture::NotJson: {
        Reply r;
        r.contentType = "text/html";
        r.body = "<html><body><h1>Welcome to nginx!</h1></body></html>";
        return r;
    }
    case Fixture::Mixed:
        break;
    }

    QJsonArray entries;
    for (const Job &job : std::as_const(m_jobs))
        entries.append(jobEntry(job));
    for (const Job &job : std::as_const(m_executed))
        entries.append(jobEntry(job));
    QJsonObject bundle{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"collection"_s}};
    if (!entries.isEmpty())
        bundle.insert(u"entry"_s, entries);
    return json(bundle);
}

QJsonObject ReportServer::jobEntry(const Job &job) const
{
    QJsonArray parts;
    if (!job.reportClass.isEmpty())
        parts.append(part(u"reportClass"_s, u"valueString"_s, job.reportClass));
    if (!job.userId.isEmpty())
        parts.append(part(u"userId"_s, u"valueString"_s, job.userId));
    if (!job.status.isEmpty())
        parts.append(part(u"status"_s, u"valueString"_s, job.status));
    if (!job.binaryRef.isEmpty()) {
        QString ref = job.binaryRef;
        ref.replace(u"{base}"_s, baseUrl().toString());
        parts.append(part(u"binary"_s, u"valueReference"_s, QJsonObject{{u"reference"_s, ref}}));
    }
    if (!job.inputs.isEmpty()) {
        parts.append(QJsonObject{{u"name"_s, u"parameters"_s},
                                 {u"resource"_s, QJsonObject{{u"resourceType"_s, u"Parameters"_s},
                                                             {u"parameter"_s, job.inputs}}}});
    }
    if (!job.created.isEmpty())
        parts.append(part(u"created"_s, u"valueDateTime"_s, job.created));
    if (!job.started.isEmpty())
        parts.append(part(u"started"_s, u"valueDateTime"_s, job.started));
    if (!job.ended.isEmpty())
        parts.append(part(u"ended"_s, u"valueDateTime"_s, job.ended));
    for (const QJsonValue &extra : job.extraParts)
        parts.append(extra);
    if (job.reverseParts) {
        QJsonArray reversed;
        for (qsizetype i = parts.size() - 1; i >= 0; --i)
            reversed.append(parts.at(i));
        parts = reversed;
    }
    QJsonObject resource{
        {u"resourceType"_s, u"Parameters"_s},
        {u"parameter"_s, QJsonArray{QJsonObject{{u"name"_s, u"reportJob"_s}, {u"part"_s, parts}}}}};
    if (!job.omitResourceId)
        resource.insert(u"id"_s, job.id);
    return QJsonObject{{u"fullUrl"_s, job.fullUrl}, {u"resource"_s, resource}};
}

ReportServer::Reply ReportServer::binaryReply(const QString &id, const Request &req)
{
    const auto it = m_binaries.constFind(id);
    if (it == m_binaries.constEnd())
        return outcome(404, u"not-found"_s, u"Resource Binary/"_s + id + u" is not known"_s);
    const QByteArray accept = req.header("Accept");
    // As on HAPI: a FHIR Accept gets the Binary resource, anything else the bytes themselves.
    if (it->form == BinaryForm::Raw || !accept.contains("json")) {
        Reply r;
        r.contentType = it->contentType;
        r.body = it->bytes;
        r.headers.append(qMakePair("Content-Disposition"_ba, "Attachment;"_ba));
        return r;
    }
    const QString key = it->form == BinaryForm::Content ? u"content"_s : u"data"_s;
    return json(QJsonObject{{u"resourceType"_s, u"Binary"_s},
                            {u"id"_s, id},
                            {u"contentType"_s, QString::fromLatin1(it->contentType)},
                            {key, QString::fromLatin1(it->bytes.toBase64())}});
}

ReportServer::Reply ReportServer::metadataReply() const
{
    const QString base = baseUrl().toString();
    QJsonArray ops{QJsonObject{
        {u"name"_s, u"get-report-job-status"_s},
        {u"definition"_s, QString(base + u"OperationDefinition/-s-get-report-job-status"_s)}}};
    for (const ReportKind &k : reportKinds()) {
        const QString canonical =
            k.foreignCanonical ? QString(kForeignCanonicalBase + u"-s-execute-"_s + k.name)
                               : QString(base + u"OperationDefinition/-s-execute-"_s + k.name);
        QJsonObject op{{u"name"_s, QString(u"execute-"_s + k.name)}};
        if (k.hasDefinition)
            op.insert(u"definition"_s, canonical);
        ops.append(op);
        if (k.name == "patient-usage-stats"_L1) {
            ops.append(QJsonObject{{u"name"_s, QString(u"schedule-"_s + k.name)}});
            ops.append(QJsonObject{{u"name"_s, QString(u"fetch-"_s + k.name)}});
        }
    }
    const QJsonObject binary{{u"type"_s, u"Binary"_s},
                             {u"interaction"_s, QJsonArray{QJsonObject{{u"code"_s, u"read"_s}},
                                                           QJsonObject{{u"code"_s, u"vread"_s}},
                                                           QJsonObject{{u"code"_s, u"delete"_s}}}}};
    return json(QJsonObject{{u"resourceType"_s, u"CapabilityStatement"_s},
                            {u"status"_s, u"active"_s},
                            {u"kind"_s, u"instance"_s},
                            {u"fhirVersion"_s, u"4.0.1"_s},
                            {u"format"_s, QJsonArray{u"json"_s}},
                            {u"rest"_s, QJsonArray{QJsonObject{{u"mode"_s, u"server"_s},
                                                               {u"resource"_s, QJsonArray{binary}},
                                                               {u"operation"_s, ops}}}}});
}

QJsonObject ReportServer::operationDefinition(const QString &report) const
{
    const ReportKind *k = findReport(report);
    if (!k)
        return {};
    QJsonArray params;
    for (const QJsonObject &in : k->inputs)
        params.append(in);
    params.append(
        QJsonObject{{u"name"_s, u"return"_s},
                    {u"use"_s, u"out"_s},
                    {u"min"_s, 1},
                    {u"max"_s, u"1"_s},
                    {u"type"_s, u"Binary"_s},
                    {u"documentation"_s, u"A Base64 encoded .zip file containing a JSon file"_s}});
    const QString id = u"-s-execute-"_s + k->name;
    const QString url = k->foreignCanonical
                            ? QString(kForeignCanonicalBase + id)
                            : QString(baseUrl().toString() + u"OperationDefinition/"_s + id);
    return QJsonObject{
        {u"resourceType"_s, u"OperationDefinition"_s},
        {u"id"_s, id},
        {u"url"_s, url},
        {u"name"_s, QString(u"execute-"_s + k->name)},
        {u"title"_s, QString(u"Execute "_s + k->className)},
        {u"status"_s, u"active"_s},
        {u"kind"_s, u"operation"_s},
        {u"description"_s, QString(u"Runs the "_s + k->name + u" report asynchronously."_s)},
        {u"code"_s, QString(u"execute-"_s + k->name)},
        {u"system"_s, true},
        {u"type"_s, false},
        {u"instance"_s, false},
        {u"parameter"_s, params}};
}

ReportServer::Reply ReportServer::operationDefinitionReply(const QString &id) const
{
    if (id.startsWith("-s-execute-"_L1)) {
        const QJsonObject def = operationDefinition(id.mid(11));
        if (!def.isEmpty())
            return json(def);
    }
    return outcome(404, u"not-found"_s,
                   u"Resource OperationDefinition/"_s + id + u" is not known"_s);
}

ReportServer::Reply ReportServer::operationDefinitionSearch(const QString &canonical) const
{
    QJsonArray entries;
    for (const ReportKind &k : reportKinds()) {
        const QJsonObject def = operationDefinition(k.name);
        if (def.value("url"_L1).toString() == canonical)
            entries.append(QJsonObject{
                {u"fullUrl"_s, QString(baseUrl().toString() + u"OperationDefinition/"_s +
                                       def.value("id"_L1).toString())},
                {u"resource"_s, def}});
    }
    QJsonObject bundle{{u"resourceType"_s, u"Bundle"_s},
                       {u"type"_s, u"searchset"_s},
                       {u"total"_s, entries.size()}};
    if (!entries.isEmpty())
        bundle.insert(u"entry"_s, entries);
    return json(bundle);
}

ReportServer::Reply ReportServer::executeReply(const QString &report, const Request &req)
{
    const ReportKind *kind = findReport(report);
    if (!kind)
        return outcome(404, u"not-supported"_s, u"Unknown operation $execute-"_s + report);
    const QJsonObject body = QJsonDocument::fromJson(req.body).object();
    if (body.value("resourceType"_L1).toString() != "Parameters"_L1)
        return outcome(400, u"invalid"_s, u"The body must be a Parameters resource."_s);
    const QJsonArray given = body.value("parameter"_L1).toArray();
    auto has = [&given](const QString &name) {
        for (const QJsonValue &p : given) {
            if (p.toObject().value("name"_L1).toString() == name)
                return true;
        }
        return false;
    };
    for (const QJsonObject &in : kind->inputs) {
        const QString name = in.value("name"_L1).toString();
        if (in.value("min"_L1).toInt() > 0 && !has(name))
            return outcome(400, u"required"_s,
                           u"REPORTING_MISSING_INPUT_PARAMETER: "_s + name + u" is required"_s);
    }

    Job job;
    job.id = job.fullUrl = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.reportClass = kReportPackage + kind->className;
    job.userId = kDemoUser;
    job.status = u"QUEUED"_s;
    job.binaryId = QString::number(m_nextBinary++);
    job.binaryRef = u"Binary/"_s + job.binaryId;
    job.inputs = given;
    job.created = nowText();
    job.statusRequests = 0;
    m_binaries.insert(job.binaryId, {placeholderText(), "text/plain", BinaryForm::Data});
    m_executed.append(job);

    // As the eHealth server does: the answer is the placeholder Binary, the job runs on.
    return json(QJsonObject{{u"resourceType"_s, u"Binary"_s},
                            {u"id"_s, job.binaryId},
                            {u"contentType"_s, u"text/plain"_s},
                            {u"data"_s, QString::fromLatin1(placeholderText().toBase64())}});
}

ReportServer::Reply ReportServer::outcome(int status, const QString &code,
                                          const QString &diagnostics)
{
    return json(QJsonObject{{u"resourceType"_s, u"OperationOutcome"_s},
                            {u"issue"_s, QJsonArray{QJsonObject{{u"severity"_s, u"error"_s},
                                                                {u"code"_s, code},
                                                                {u"diagnostics"_s, diagnostics}}}}},
                status);
}

ReportServer::Reply ReportServer::json(const QJsonObject &o, int status)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace fbm::demo
