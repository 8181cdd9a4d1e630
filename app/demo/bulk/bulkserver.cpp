#include "bulkserver.h"
#include "logging.h"

#include "bulk/bodystream.h"
#include "bulk/exportjobs.h"
#include "bulk/flavors/flavor.h"
#include "bulk/kickoff.h"
#include "bulk/routes.h"
#include "bulk/servedattachments.h"
#include "bulk/servedfiles.h"
#include "bulk/storageorigin.h"
#include "clock.h"
#include "demodata.h"
#include "http/frontend.h"
#include "http/wire.h"
#include "retrypolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm::demo {

using bulk::Route;

namespace {

const QByteArray kNdjson = QByteArrayLiteral("application/fhir+ndjson");

} // namespace

class BulkServer::Private
{
public:
    explicit Private(BulkServer *q)
        : q(q)
    {}

    BulkServer *q;
    std::unique_ptr<http::Frontend> frontend;
    quint16 basePort = 0;
    bulk::StorageOrigin storage;
    bulk::ServedFiles files;
    bulk::ExportJobs jobs{files, storage};
    Script script;
    int refusedKickoffs = 0; ///< kick-offs answered with script.kickoffStatus
    QList<QPair<QString, QString>> groups = data::defaultGroups();
    std::function<bool(const QByteArray &)> validator;
    QJsonObject smartConfiguration;
    bulk::ServedAttachments attachments;
    const Clock *clock = Clock::system();

    QDateTime now() const { return clock->now().toUTC(); }
    QUrl base() const { return bulk::below(http::loopbackOrigin(basePort), bulk::kBasePath); }

    void respond(QTcpSocket *socket, const http::Request &in, const bulk::Answer &a)
    {
        q->respond(socket, in, a.status, a.headers, a.body, a.contentType);
    }
    void respondJson(QTcpSocket *socket, const http::Request &in, int status,
                     const QJsonObject &body, const QByteArray &contentType = bulk::fhirJson())
    {
        q->respond(socket, in, status, {}, QJsonDocument(body).toJson(QJsonDocument::Indented),
                   contentType);
    }
    void respondNotFound(QTcpSocket *socket, const http::Request &in, const QString &diagnostics)
    {
        q->respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s, diagnostics);
    }
    void respondRefusal(QTcpSocket *socket, const http::Request &in, const bulk::Refusal &r)
    {
        q->respondOutcome(socket, in, r.status, u"error"_s, r.code, r.diagnostics, r.headers);
    }

    bool authorized(const http::Request &in) const
    {
        if (!validator)
            return true;
        const QByteArray auth = in.header("authorization");
        if (!auth.toLower().startsWith("bearer "))
            return false;
        const QByteArray token = auth.mid(7).trimmed();
        return !token.isEmpty() && validator(token);
    }
    void dispatch(const http::Request &in, QTcpSocket *socket);
    void handleBase(const http::Request &in, QTcpSocket *socket);
    void handleGroups(const http::Request &in, QTcpSocket *socket, const Route &route);
    void handleKickoff(const http::Request &in, QTcpSocket *socket, const Route &route);
    bool reuseJob(const http::Request &in, QTcpSocket *socket, const QByteArray &reuseKey);
    void handleFile(const http::Request &in, QTcpSocket *socket, const Route &route);
    void handleStorage(const http::Request &in, QTcpSocket *socket);
};

// ---- routing -------------------------------------------------------------------------------

void BulkServer::Private::dispatch(const http::Request &in, QTcpSocket *socket)
{
    // Never the Authorization value: the log may be shown to a user.
    qCDebug(fbm::lcDemoBulk).noquote() << in.method << in.url.toString();

    // Keep the socket: an override of requestArrived() may run anything, even delete us.
    const QPointer<QTcpSocket> guard(socket);
    const QPointer<BulkServer> self(q);
    q->requestArrived(in);
    if (!self || !guard)
        return;

    if (in.localPort == storage.port())
        handleStorage(in, socket);
    else
        handleBase(in, socket);
}

void BulkServer::Private::handleBase(const http::Request &in, QTcpSocket *socket)
{
    const Route route = bulk::route(in.path, in.query);
    const bool get = in.method == "GET" || in.method == "HEAD";
    const auto useGet = [&] {
        q->respondOutcome(socket, in, 405, u"error"_s, u"not-supported"_s, u"Use GET"_s);
    };

    switch (route.kind) {
    case Route::Kind::OutsideBase:
        respondNotFound(socket, in, u"Unknown path %1: the FHIR base is /fhir"_s.arg(in.path));
        return;
    // Discovery is public: a client reads these before it has a token.
    case Route::Kind::SmartConfiguration:
        if (!get)
            useGet();
        else if (smartConfiguration.isEmpty())
            respondNotFound(socket, in, u"This server has no SMART configuration"_s);
        else
            respondJson(socket, in, 200, smartConfiguration, "application/json");
        return;
    case Route::Kind::Metadata:
        if (!get)
            useGet();
        else
            respondJson(socket, in, 200, data::capabilityStatement(base()));
        return;
    default:
        break;
    }

    // Files whose manifest says requiresAccessToken=false are capability URLs: no token.
    const bool isFile = route.kind == Route::Kind::File;
    const bulk::Job *fileJob = isFile ? jobs.find(route.jobId) : nullptr;
    const bool tokenNeeded = !fileJob || fileJob->script.requiresAccessToken;
    if (tokenNeeded && !authorized(in)) {
        q->respondOutcome(socket, in, 401, u"error"_s, u"login"_s,
                          u"Authorization: Bearer <access token> is missing, expired or invalid"_s,
                          {{"WWW-Authenticate", "Bearer realm=\"fhir\", error=\"invalid_token\""}});
        return;
    }

    if (get && in.path.startsWith(bulk::kBasePath + u"/Binary/"_s)) {
        if (const auto a = attachments.binaryRead(in, in.path.section(u'/', -1))) {
            respond(socket, in, *a);
            return;
        }
    }
    switch (route.kind) {
    case Route::Kind::Kickoff:
        handleKickoff(in, socket, route);
        return;
    case Route::Kind::Status:
        if (in.method == "DELETE")
            respond(socket, in, jobs.cancel(route.jobId));
        else if (get)
            respond(socket, in, jobs.poll(route.jobId, now()));
        else
            q->respondOutcome(socket, in, 405, u"error"_s, u"not-supported"_s,
                              u"Use GET to poll or DELETE to cancel"_s);
        return;
    case Route::Kind::File:
        if (get)
            handleFile(in, socket, route);
        else
            useGet();
        return;
    case Route::Kind::ManifestPage:
        if (get) {
            respond(socket, in, jobs.manifestPage(route.jobId, route.number, in.path, now()));
            return;
        }
        break;
    case Route::Kind::GroupSearch:
    case Route::Kind::GroupRead:
        if (get) {
            handleGroups(in, socket, route);
            return;
        }
        break;
    default:
        break;
    }
    respondNotFound(socket, in, u"Unknown resource or operation: %1"_s.arg(in.path));
}

void BulkServer::Private::handleGroups(const http::Request &in, QTcpSocket *socket,
                                       const Route &route)
{
    // Group search and read, for the client's group picker.
    if (route.kind == Route::Kind::GroupSearch) {
        respondJson(socket, in, 200, data::groupBundle(base(), groups));
        return;
    }
    for (int i = 0; i < groups.size(); ++i) {
        if (groups[i].first == route.groupId) {
            respondJson(socket, in, 200, data::groupResource(groups[i].first, groups[i].second, i));
            return;
        }
    }
    respondNotFound(socket, in, u"Resource Group/%1 is not known"_s.arg(route.groupId));
}

// ---- kick-off ------------------------------------------------------------------------------

void BulkServer::Private::handleKickoff(const http::Request &in, QTcpSocket *socket,
                                        const Route &route)
{
    if (const auto refusal = bulk::checkKickoffRequest(in)) {
        respondRefusal(socket, in, *refusal);
        return;
    }
    if (route.level == u"group"_s) {
        const bool known = std::any_of(groups.cbegin(), groups.cend(),
                                       [&](const auto &g) { return g.first == route.groupId; });
        if (!known) {
            respondNotFound(socket, in, u"Resource Group/%1 is not known"_s.arg(route.groupId));
            return;
        }
    }
    bulk::Parameters params;
    if (const auto refusal = bulk::readKickoffParameters(in, route.level, &params)) {
        respondRefusal(socket, in, *refusal);
        return;
    }
    if (const auto refusal = bulk::dropUnsupported(
            &params, bulk::serverFlavor(script.flavor).unsupportedParameters(),
            bulk::preferLenient(in.header("prefer")))) {
        respondRefusal(socket, in, *refusal);
        return;
    }

    if (const auto refused = bulk::scriptedKickoffRefusal(script, &refusedKickoffs)) {
        respond(socket, in, *refused);
        return;
    }

    const QByteArray reuseKey = in.method + ' ' + in.url.toEncoded() + '\n' + in.body;
    if (reuseJob(in, socket, reuseKey))
        return;

    JobInfo info;
    info.method = in.method;
    info.level = route.level;
    info.groupId = route.groupId;
    info.requestUrl = in.url;
    info.transactionTime = now();
    info.parameters = params;
    const bulk::Job &job = jobs.start(script, info, reuseKey);

    HeaderList h;
    if (!script.omitContentLocation)
        h.append({"Content-Location",
                  bulk::contentLocation(jobs.statusUrl(job), script.relativeContentLocation)});
    const QString text = job.flavor->kickoffText(job.info.id);
    q->jobStarted(job.info.id);
    if (script.kickoffDelayMs > 0) {
        QTimer::singleShot(script.kickoffDelayMs, q,
                           [this, in, socket = QPointer<QTcpSocket>(socket), text, h] {
                               if (socket)
                                   q->respondOutcome(socket, in, 202, u"information"_s,
                                                     u"informational"_s, text, h);
                           });
        return;
    }
    q->respondOutcome(socket, in, 202, u"information"_s, u"informational"_s, text, h);
}

bool BulkServer::Private::reuseJob(const http::Request &in, QTcpSocket *socket,
                                   const QByteArray &reuseKey)
{
    // HAPI returns the running job again for an identical request unless told not to cache.
    if (!script.reuseIdenticalJobs || in.header("cache-control").toLower().contains("no-cache"))
        return false;
    const bulk::Job *job = jobs.reusable(reuseKey);
    if (!job)
        return false;
    HeaderList h;
    if (!script.omitContentLocation)
        h.append({"Content-Location", jobs.statusUrl(*job).toEncoded()});
    q->respondOutcome(socket, in, 202, u"information"_s, u"informational"_s,
                      u"$export-poll-status?_jobId="_s + job->info.id, h);
    return true;
}

// ---- files ---------------------------------------------------------------------------------

void BulkServer::Private::handleFile(const http::Request &in, QTcpSocket *socket,
                                     const Route &route)
{
    if (!jobs.servable(route.jobId, route.number)) {
        respondNotFound(socket, in,
                        u"No such file: %1 (unknown, expired or cancelled export)"_s.arg(in.path));
        return;
    }
    const int link = bulk::ExportJobs::linkOf(in.query);
    if (jobs.linkExpired(route.jobId, link)) {
        q->respondOutcome(socket, in, 410, u"error"_s, u"expired"_s,
                          u"This file link has expired; the status URL gives a new one"_s);
        return;
    }
    if (!route.binary && jobs.find(route.jobId)->flavor->redirectsToStorage(in.path)) {
        q->respond(socket, in, 307,
                   {{"Location", storage.fileUrl(route.jobId, route.number, link).toEncoded()}});
        return;
    }
    if (route.binary) {
        // HAPI's Binary read: raw bytes to Accept: application/fhir+ndjson, the Binary
        // resource to a FHIR JSON Accept.
        const QList<QByteArray> accept = http::mediaTypes(in.header("accept"));
        for (const QByteArray &type : accept) {
            if (type == "application/fhir+ndjson" || type == "application/ndjson")
                break;
            if (type == "application/fhir+json" || type == "application/json+fhir" ||
                type == "application/json") {
                q->answerBinaryResource(in, socket, route.jobId, route.number);
                return;
            }
        }
    }
    q->answerFile(in, socket, route.number);
}

void BulkServer::Private::handleStorage(const http::Request &in, QTcpSocket *socket)
{
    if (in.path.startsWith(u"/attachments/"_s)) {
        respond(socket, in, attachments.storageRead(in, in.path.section(u'/', -1)));
        return;
    }
    auto verdict = storage.check(
        in, [this](const QString &jobId, int index) { return jobs.servable(jobId, index); });
    if (const auto link = bulk::StorageOrigin::linkOf(in);
        verdict.index >= 0 && jobs.linkExpired(link.jobId, link.number))
        verdict = bulk::StorageOrigin::expired();
    if (verdict.index < 0) {
        q->respond(socket, in, verdict.status, {},
                   bulk::StorageOrigin::errorBody(verdict.code, verdict.message),
                   "application/xml");
        return;
    }
    q->answerFile(in, socket, verdict.index);
}

// ---- hooks and their building blocks -------------------------------------------------------

void BulkServer::requestArrived(const http::Request &) {}

void BulkServer::jobStarted(const QString &) {}

void BulkServer::answerFile(const http::Request &request, QTcpSocket *socket, int index)
{
    if (bulk::BodyStream *stream = sendFile(request, socket, index, fileBody(request, index)))
        stream->start();
}

void BulkServer::answerBinaryResource(const http::Request &request, QTcpSocket *socket,
                                      const QString &jobId, int index)
{
    const QJsonObject binary{
        {u"resourceType"_s, u"Binary"_s},
        {u"id"_s, QString(jobId + u'-' + QString::number(index))},
        {u"meta"_s,
         QJsonObject{{u"lastUpdated"_s,
                      d->jobs.find(jobId)->info.transactionTime.toString(Qt::ISODateWithMs)}}},
        {u"contentType"_s, QString::fromLatin1(kNdjson)},
        {u"data"_s,
         QString::fromLatin1(d->files.slice(index, 0, d->files.size(index)).toBase64())}};
    d->respondJson(socket, request, 200, binary);
}

bulk::ServedFiles &BulkServer::servedFiles()
{
    return d->files;
}

bulk::FileBody BulkServer::fileBody(const http::Request &request, int index)
{
    const ServedFile &file = d->files.at(index);
    const bool gz = file.gzip && file.generatedLines <= 0 &&
                    http::listAccepts(request.header("accept-encoding"), "gzip");
    return gz ? d->files.gzipped(index) : d->files.identity(index);
}

bulk::BodyStream *BulkServer::sendFile(const http::Request &request, QTcpSocket *socket, int index,
                                       bulk::FileBody body, bool honourRange)
{
    const ServedFile &file = d->files.at(index);
    HeaderList h = body.headers;
    h.append({"Content-Type", file.contentType.isEmpty() ? kNdjson : file.contentType});
    const qint64 total = body.total;
    qint64 begin = 0;
    qint64 end = total;
    int status = 200;
    if (honourRange) {
        h.append({"Accept-Ranges"_ba, "bytes"_ba});
        const http::RangeRequest range = http::parseRange(request.header("range"), total);
        if (range.kind == http::RangeRequest::Kind::Unsatisfiable) {
            respond(socket, request, 416,
                    {{"Content-Range", "bytes */" + QByteArray::number(total)}});
            return nullptr;
        }
        if (range.kind == http::RangeRequest::Kind::Satisfiable) {
            status = 206;
            begin = range.range.first;
            end = range.range.last + 1;
            h.append({"Content-Range", "bytes " + QByteArray::number(begin) + '-' +
                                           QByteArray::number(end - 1) + '/' +
                                           QByteArray::number(total)});
        }
    }
    h.prepend({"Date", formatHttpDate(d->now())});
    h.append({"Content-Length", QByteArray::number(end - begin)});
    socket->write(http::responseHead(status, h));
    if (request.isHead() || begin == end) {
        if (request.closeAfter())
            socket->disconnectFromHost();
        return nullptr;
    }
    auto *stream = new bulk::BodyStream(socket, std::move(body.source), begin, end);
    stream->setCloseAfter(request.closeAfter());
    return stream;
}

void BulkServer::respond(QTcpSocket *socket, const http::Request &request, int status,
                         HeaderList headers, const QByteArray &body, const QByteArray &contentType)
{
    headers.prepend({"Date", formatHttpDate(d->now())});
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    http::respond(socket, request, status, std::move(headers), body);
}

void BulkServer::respondOutcome(QTcpSocket *socket, const http::Request &request, int status,
                                const QString &severity, const QString &code,
                                const QString &diagnostics, HeaderList headers)
{
    respond(socket, request, status, std::move(headers),
            data::operationOutcome(severity, code, diagnostics), bulk::fhirJson());
}

// ---- BulkServer ----------------------------------------------------------------------------

BulkServer::BulkServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

BulkServer::~BulkServer()
{
    // Sockets (and their body streams) go with the front end, before the state they read.
    d->frontend.reset();
}

bool BulkServer::listen(quint16 port)
{
    if (d->frontend)
        return false;
    auto frontend = std::make_unique<http::Frontend>(
        [this](const http::Request &request, QTcpSocket *socket) { d->dispatch(request, socket); });
    const quint16 basePort = frontend->listen(QHostAddress::LocalHost, port);
    if (basePort == 0)
        return false;
    const quint16 storagePort = frontend->listen(QHostAddress::LocalHost, 0);
    if (storagePort == 0)
        return false;
    d->frontend = std::move(frontend);
    d->basePort = basePort;
    d->storage.setPort(storagePort);
    d->jobs.setBase(d->base());
    qCDebug(fbm::lcDemoBulk) << "listening on" << d->base() << "storage on" << d->storage.origin();
    return true;
}

bool BulkServer::isListening() const
{
    return d->frontend != nullptr;
}

QUrl BulkServer::baseUrl() const
{
    return d->base();
}

QUrl BulkServer::fileOrigin() const
{
    return d->storage.origin();
}

quint16 BulkServer::port() const
{
    return d->basePort;
}

void BulkServer::setScript(const Script &script)
{
    d->script = script;
}

Script BulkServer::script() const
{
    return d->script;
}

void BulkServer::setFiles(const QList<ServedFile> &files)
{
    d->files.set(files);
}

QList<ServedFile> BulkServer::files() const
{
    return d->files.all();
}

void BulkServer::setAttachments(const QList<ServedAttachment> &attachments)
{
    d->attachments.set(attachments);
}

QUrl BulkServer::storageAttachmentUrl(const QString &id) const
{
    QUrl url = d->storage.origin();
    url.setPath(u"/attachments/"_s + id);
    return url;
}

void BulkServer::seedDemoData()
{
    setFiles(data::demoFiles());
}

void BulkServer::setGroups(const QList<QPair<QString, QString>> &idAndName)
{
    d->groups = idAndName;
}

QList<QPair<QString, QString>> BulkServer::groups() const
{
    return d->groups;
}

QByteArray BulkServer::expectedContent(int fileIndex) const
{
    if (!d->files.contains(fileIndex))
        return {};
    return d->files.slice(fileIndex, 0, d->files.size(fileIndex));
}

QByteArray BulkServer::contentSlice(int fileIndex, qint64 offset, qint64 length) const
{
    if (!d->files.contains(fileIndex))
        return {};
    return d->files.slice(fileIndex, offset, length);
}

qint64 BulkServer::expectedSize(int fileIndex) const
{
    return d->files.contains(fileIndex) ? d->files.size(fileIndex) : -1;
}

qint64 BulkServer::lineCount(int fileIndex) const
{
    return d->files.contains(fileIndex) ? d->files.lines(fileIndex) : -1;
}

void BulkServer::setTokenValidator(std::function<bool(const QByteArray &)> validator)
{
    d->validator = std::move(validator);
}

void BulkServer::setSmartConfiguration(const QJsonObject &config)
{
    d->smartConfiguration = config;
}

void BulkServer::setClock(const Clock *clock)
{
    d->clock = clock ? clock : Clock::system();
}

int BulkServer::jobCount() const
{
    return d->jobs.count();
}

bool BulkServer::jobCancelled(const QString &id) const
{
    const bulk::Job *job = d->jobs.find(id);
    return job && job->info.cancelled;
}

JobInfo BulkServer::jobInfo(const QString &id) const
{
    const bulk::Job *job = d->jobs.find(id);
    return job ? job->info : JobInfo();
}

QUrl BulkServer::statusUrl(const QString &id) const
{
    const bulk::Job *job = d->jobs.find(id);
    return job ? d->jobs.statusUrl(*job) : QUrl();
}

} // namespace fbm::demo
