#include "reportserver.h"
#include "logging.h"

#include "demodata.h"
#include "http/frontend.h"
#include "http/wire.h"
#include "httpclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace fbm::demo {

using reportdata::BinaryForm;
using reportdata::ReportKind;

namespace {

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
    return reportdata::makeZip(files);
}

QByteArray ReportServer::sampleZip()
{
    return reportdata::sampleZip();
}

QByteArray ReportServer::sampleCsv()
{
    return reportdata::sampleCsv();
}

QByteArray ReportServer::samplePdf()
{
    return reportdata::samplePdf();
}

QByteArray ReportServer::placeholderText()
{
    return reportdata::placeholderText();
}

void ReportServer::resetFixtureJobs()
{
    m_binaries = reportdata::fixtureBinaries();
    m_jobs = reportdata::fixtureJobs();
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
    qCDebug(fbm::lcDemoReports) << req.method << req.path << "->" << reply.status;

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
        return json(reportdata::capabilityStatement(baseUrl().toString()));
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
        r.body = reportdata::seedExampleAnswer();
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
        entries.append(reportdata::jobEntry(job, baseUrl().toString()));
    for (const Job &job : std::as_const(m_executed))
        entries.append(reportdata::jobEntry(job, baseUrl().toString()));
    QJsonObject bundle{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"collection"_s}};
    if (!entries.isEmpty())
        bundle.insert(u"entry"_s, entries);
    return json(bundle);
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

ReportServer::Reply ReportServer::operationDefinitionReply(const QString &id) const
{
    if (id.startsWith("-s-execute-"_L1)) {
        const QJsonObject def = reportdata::operationDefinition(id.mid(11), baseUrl().toString());
        if (!def.isEmpty())
            return json(def);
    }
    return outcome(404, u"not-found"_s,
                   u"Resource OperationDefinition/"_s + id + u" is not known"_s);
}

ReportServer::Reply ReportServer::operationDefinitionSearch(const QString &canonical) const
{
    QJsonArray entries;
    for (const ReportKind &k : reportdata::reportKinds()) {
        const QJsonObject def = reportdata::operationDefinition(k.name, baseUrl().toString());
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
    const ReportKind *kind = reportdata::findReport(report);
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
    job.reportClass = reportdata::reportClass(kind->className);
    job.userId = reportdata::demoUser();
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
    Reply r;
    r.status = status;
    r.body = data::operationOutcome(u"error"_s, code, diagnostics);
    return r;
}

ReportServer::Reply ReportServer::json(const QJsonObject &o, int status)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace fbm::demo
