#include "bulkserver.h"

#include "clock.h"
#include "demodata.h"
#include "http/frontend.h"
#include "http/gzip.h"
#include "http/wire.h"
#include "retrypolicy.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDemoServer, "fhirbulk.demo.server")

namespace fbm::demo {

namespace {

// The body is written in pieces of this size whenever the socket's buffer is below the mark,
// so a 1 GiB generated file never holds more than a few hundred KiB in memory.
constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kHighWater = 256 * 1024;

const QByteArray kFhirJson = QByteArrayLiteral("application/fhir+json;charset=utf-8");
const QByteArray kNdjson = QByteArrayLiteral("application/fhir+ndjson");

HeaderList::value_type header(const char *name, const QByteArray &value)
{
    return {QByteArray(name), value};
}

/// Where the bytes of one response body come from.
using Source = std::function<QByteArray(qint64 offset, qint64 length)>;

/// Streams one response body to a socket, driven by bytesWritten, applying a fault on the way.
/// A child of the socket: it dies with the connection.
class BodyStream final : public QObject
{
public:
    enum class Stop
    {
        None,
        Drop,
        Stall
    };

    BodyStream(QTcpSocket *socket, Source source, qint64 begin, qint64 end)
        : QObject(socket)
        , m_socket(socket)
        , m_source(std::move(source))
        , m_pos(begin)
        , m_end(end)
    {
        connect(m_socket, &QTcpSocket::bytesWritten, this, &BodyStream::pump);
    }
    Q_DISABLE_COPY_MOVE(BodyStream)

    void stopAt(Stop stop, qint64 position, int stallMs)
    {
        m_stop = stop;
        m_stopAt = position;
        m_stallMs = stallMs;
    }
    void throttle(qint64 bytesPerSecond)
    {
        m_rate = qMax<qint64>(1, bytesPerSecond);
        m_budget = qMax<qint64>(1, m_rate / 20);
        m_rateTimer = new QTimer(this);
        m_rateTimer->setInterval(50);
        connect(m_rateTimer, &QTimer::timeout, this, [this] {
            m_budget = qMin(m_budget + qMax<qint64>(1, m_rate / 20), qMax<qint64>(1, m_rate));
            pump();
        });
        m_rateTimer->start();
    }
    void setCloseAfter(bool close) { m_closeAfter = close; }

    void pump()
    {
        if (m_done || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (m_dropping) {
            // abort() throws away what Qt still buffers: wait until the kernel has it all, so
            // the client really receives the bytes before the cut.
            if (m_socket->bytesToWrite() == 0) {
                m_done = true;
                qCDebug(lcDemoServer) << "dropping the connection at byte" << m_pos;
                m_socket->abort();
            }
            return;
        }
        if (m_stalled)
            return;
        while (m_socket->bytesToWrite() < kHighWater) {
            if (m_stop != Stop::None && m_pos >= m_stopAt) {
                reachStop();
                return;
            }
            if (m_pos >= m_end) {
                m_done = true;
                if (m_rateTimer)
                    m_rateTimer->stop();
                if (m_closeAfter)
                    m_socket->disconnectFromHost();
                deleteLater();
                return;
            }
            qint64 n = qMin(kChunk, m_end - m_pos);
            if (m_stop != Stop::None)
                n = qMin(n, m_stopAt - m_pos);
            if (m_rateTimer) {
                n = qMin(n, m_budget);
                if (n <= 0)
                    return; // the rate timer refills the budget
                m_budget -= n;
            }
            const QByteArray bytes = m_source(m_pos, n);
            if (bytes.size() != n) {
                qCWarning(lcDemoServer) << "body source ended early at" << m_pos;
                m_done = true;
                m_socket->abort();
                return;
            }
            m_socket->write(bytes);
            m_pos += n;
        }
    }

private:
    void reachStop()
    {
        const Stop stop = m_stop;
        m_stop = Stop::None;
        if (stop == Stop::Drop) {
            m_dropping = true;
            m_socket->flush();
            pump();
            return;
        }
        m_stalled = true;
        qCDebug(lcDemoServer) << "stalling at byte" << m_pos << "for" << m_stallMs << "ms";
        if (m_stallMs >= 0) {
            QTimer::singleShot(m_stallMs, this, [this] {
                m_stalled = false;
                pump();
            });
        }
    }

    QTcpSocket *m_socket;
    Source m_source;
    qint64 m_pos;
    qint64 m_end;
    Stop m_stop = Stop::None;
    qint64 m_stopAt = -1;
    int m_stallMs = -1;
    bool m_stalled = false;
    bool m_dropping = false;
    bool m_done = false;
    bool m_closeAfter = false;
    qint64 m_rate = 0;
    qint64 m_budget = 0;
    QTimer *m_rateTimer = nullptr;
};

struct Job
{
    BulkServer::JobInfo info;
    Script script;
    int normalPolls = 0; ///< 202 answers given so far (scripted queue answers excluded)
    QByteArray reuseKey;
};

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
    quint16 storagePort = 0;
    Script script;
    QList<ServedFile> files;
    QHash<int, FileFault> faults;
    QHash<int, int> faultsLeft;
    QHash<int, QByteArray> gzipCache;
    QList<QPair<QString, QString>> groups = data::defaultGroups();
    std::function<bool(const QByteArray &)> validator;
    QJsonObject smartConfiguration;
    const Clock *clock = Clock::system();
    QList<Recorded> recorded;
    QHash<QString, Job> jobs;
    QString lastJobId;
    QByteArray signingKey = QUuid::createUuid().toRfc4122();

    QDateTime now() const { return clock->now().toUTC(); }
    QUrl origin(quint16 port) const { return http::loopbackOrigin(port); }
    QUrl base() const
    {
        QUrl u = origin(basePort);
        u.setPath(u"/fhir"_s);
        return u;
    }
    QUrl baseWith(const QString &path, const QString &query = {}) const
    {
        QUrl u = origin(basePort);
        u.setPath(u"/fhir"_s + path);
        if (!query.isEmpty())
            u.setQuery(query);
        return u;
    }

    // ---- plumbing --------------------------------------------------------------------------

    void dispatch(const http::Request &in, QTcpSocket *socket);
    void handleBase(const http::Request &in, QTcpSocket *socket);
    void handleStorage(const http::Request &in, QTcpSocket *socket);

    void respond(QTcpSocket *socket, const http::Request &in, int status, HeaderList headers,
                 const QByteArray &body = {}, const QByteArray &contentType = {})
    {
        headers.prepend({"Date", formatHttpDate(now())});
        if (!contentType.isEmpty())
            headers.append({"Content-Type", contentType});
        http::respond(socket, in, status, std::move(headers), body);
    }
    void respondOutcome(QTcpSocket *socket, const http::Request &in, int status,
                        const QString &severity, const QString &code, const QString &diagnostics,
                        HeaderList headers = {})
    {
        respond(socket, in, status, std::move(headers),
                data::operationOutcome(severity, code, diagnostics), kFhirJson);
    }
    void respondJson(QTcpSocket *socket, const http::Request &in, int status,
                     const QJsonObject &body, const QByteArray &contentType = kFhirJson,
                     HeaderList headers = {})
    {
        respond(socket, in, status, std::move(headers),
                QJsonDocument(body).toJson(QJsonDocument::Indented), contentType);
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
    void respondUnauthorized(QTcpSocket *socket, const http::Request &in)
    {
        respondOutcome(socket, in, 401, u"error"_s, u"login"_s,
                       u"Authorization: Bearer <access token> is missing, expired or invalid"_s,
                       {{"WWW-Authenticate", "Bearer realm=\"fhir\", error=\"invalid_token\""}});
    }

    // ---- the protocol ----------------------------------------------------------------------

    void handleKickoff(const http::Request &in, QTcpSocket *socket, const QString &level,
                       const QString &groupId);
    void handleStatus(const http::Request &in, QTcpSocket *socket, const QString &jobId);
    void handleDelete(const http::Request &in, QTcpSocket *socket, const QString &jobId);
    void handleManifestPage(const http::Request &in, QTcpSocket *socket, const QString &jobId,
                            int page);
    void handleFile(const http::Request &in, QTcpSocket *socket, const QString &jobId, int index,
                    bool binaryResource);
    void serveBytes(const http::Request &in, QTcpSocket *socket, int index);

    QUrl statusUrl(const Job &job) const
    {
        const QString id = job.info.id;
        switch (job.script.flavor) {
        case Flavor::Hapi:
        case Flavor::EHealth:
            return baseWith(u"/$export-poll-status"_s, u"_jobId="_s + id);
        case Flavor::Oracle:
            return baseWith(u"/bulk-export/jobs/"_s + id);
        case Flavor::Standard:
            break;
        }
        return baseWith(u"/jobs/"_s + id + u"/status"_s);
    }
    QUrl storageUrl(const QString &jobId, int index) const
    {
        QUrl u = origin(storagePort);
        u.setPath(u"/storage/"_s + jobId + u'/' + QString::number(index) + u".ndjson"_s);
        // Looks like a pre-signed object store URL; the signature is checked, so a client that
        // rewrites the URL notices.
        u.setQuery(u"X-Amz-Expires=3600&X-Amz-Signature="_s + signature(jobId, index));
        return u;
    }
    QString signature(const QString &jobId, int index) const
    {
        return QString::fromLatin1(
            QMessageAuthenticationCode::hash(jobId.toUtf8() + '/' + QByteArray::number(index),
                                             signingKey, QCryptographicHash::Sha256)
                .toHex());
    }
    QUrl fileUrl(const Job &job, int index) const
    {
        if (job.script.filesOnOtherOrigin)
            return storageUrl(job.info.id, index);
        const QString n = QString::number(index);
        switch (job.script.flavor) {
        case Flavor::Hapi:
        case Flavor::EHealth:
            return baseWith(u"/Binary/"_s + job.info.id + u'-' + n);
        case Flavor::Oracle:
            return baseWith(u"/bulk-export/files/"_s + job.info.id + u'-' + n);
        case Flavor::Standard:
            break;
        }
        return baseWith(u"/files/"_s + job.info.id + u'/' + n + u".ndjson"_s);
    }

    QByteArray manifest(const Job &job, int page) const;
    QByteArray retryAfter(const Script &s) const;
    QByteArray progressText(const Job &job, bool cancelled) const;
    HeaderList expiresHeader(const Script &s) const;

    // ---- files -----------------------------------------------------------------------------

    qint64 size(int index) const
    {
        const ServedFile &f = files.at(index);
        if (f.generatedLines > 0)
            return f.generatedLines * data::kGeneratedLineWidth;
        return f.content.size();
    }
    qint64 lines(int index) const
    {
        const ServedFile &f = files.at(index);
        if (f.generatedLines > 0)
            return f.generatedLines;
        const qint64 n = f.content.count('\n');
        return (!f.content.isEmpty() && !f.content.endsWith('\n')) ? n + 1 : n;
    }
    QByteArray slice(int index, qint64 offset, qint64 length) const
    {
        const ServedFile &f = files.at(index);
        if (f.generatedLines > 0)
            return data::generatedSlice(f.type, f.generatedLines, offset, length);
        return f.content.mid(offset, length);
    }
    /// The fault to apply to this request for file index (and count it).
    FileFault takeFault(int index)
    {
        const auto it = faults.constFind(index);
        if (it == faults.constEnd() || it->kind == FileFault::Kind::None)
            return {};
        if (it->kind == FileFault::Kind::IgnoreRange || it->kind == FileFault::Kind::Slow)
            return *it;
        int &left = faultsLeft[index];
        if (left <= 0)
            return {};
        --left;
        return *it;
    }
};

// ---- dispatch ------------------------------------------------------------------------------

void BulkServer::Private::dispatch(const http::Request &in, QTcpSocket *socket)
{
    Recorded r;
    r.method = in.method;
    r.url = in.url;
    r.headers = in.headers;
    r.body = in.body;
    recorded.append(r);
    // Never the Authorization value: the log may be shown to a user.
    qCDebug(lcDemoServer).noquote() << in.method << in.url.toString();

    // Keep the socket: a slot connected to requestReceived may run anything, even delete us.
    const QPointer<QTcpSocket> guard(socket);
    const QPointer<BulkServer> self(q);
    Q_EMIT q->requestReceived(in.method, in.url);
    if (!self || !guard)
        return;

    if (in.localPort == storagePort)
        handleStorage(in, socket);
    else
        handleBase(in, socket);
}

void BulkServer::Private::handleBase(const http::Request &in, QTcpSocket *socket)
{
    const QString prefix = u"/fhir"_s;
    if (in.path != prefix && !in.path.startsWith(prefix + u'/')) {
        respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                       u"Unknown path %1: the FHIR base is /fhir"_s.arg(in.path));
        return;
    }
    const QString path = in.path.mid(prefix.size());
    const QStringList seg = path.split(u'/', Qt::SkipEmptyParts);
    const bool get = in.method == "GET" || in.method == "HEAD";

    // Discovery is public: a client reads these before it has a token.
    if (path == u"/.well-known/smart-configuration"_s) {
        if (!get) {
            respondOutcome(socket, in, 405, u"error"_s, u"not-supported"_s, u"Use GET"_s);
        } else if (smartConfiguration.isEmpty()) {
            respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                           u"This server has no SMART configuration"_s);
        } else {
            respondJson(socket, in, 200, smartConfiguration, "application/json");
        }
        return;
    }
    if (path == u"/metadata"_s) {
        if (!get)
            respondOutcome(socket, in, 405, u"error"_s, u"not-supported"_s, u"Use GET"_s);
        else
            respondJson(socket, in, 200, data::capabilityStatement(base()));
        return;
    }

    // Files whose manifest says requiresAccessToken=false are capability URLs: no token.
    const auto fileJob = [&]() -> std::pair<QString, int> {
        if (seg.size() == 3 && seg[0] == u"files"_s && seg[2].endsWith(u".ndjson"_s)) {
            bool ok = false;
            const int n = seg[2].chopped(7).toInt(&ok);
            return ok ? std::pair{seg[1], n} : std::pair{QString(), -1};
        }
        const bool binary = seg.size() == 2 && seg[0] == u"Binary"_s;
        const bool oracle = seg.size() == 3 && seg[0] == u"bulk-export"_s && seg[1] == u"files"_s;
        if (binary || oracle) {
            const QString id = seg.last();
            const qsizetype dash = id.lastIndexOf(u'-');
            bool ok = false;
            const int n = dash > 0 ? id.mid(dash + 1).toInt(&ok) : -1;
            return ok ? std::pair{id.left(dash), n} : std::pair{QString(), -1};
        }
        return {QString(), -1};
    }();
    const bool isFile = !fileJob.first.isEmpty();
    const bool tokenNeeded =
        !isFile || !jobs.contains(fileJob.first) || jobs[fileJob.first].script.requiresAccessToken;
    if (tokenNeeded && !authorized(in)) {
        respondUnauthorized(socket, in);
        return;
    }

    // Kick-off: $export, Patient/$export, Group/<id>/$export
    if (seg.size() == 1 && seg[0] == u"$export"_s) {
        handleKickoff(in, socket, u"system"_s, {});
        return;
    }
    if (seg.size() == 2 && seg[0] == u"Patient"_s && seg[1] == u"$export"_s) {
        handleKickoff(in, socket, u"patient"_s, {});
        return;
    }
    if (seg.size() == 3 && seg[0] == u"Group"_s && seg[2] == u"$export"_s) {
        handleKickoff(in, socket, u"group"_s, seg[1]);
        return;
    }

    // Status URLs of every flavor
    QString statusJob;
    if (seg.size() == 3 && seg[0] == u"jobs"_s && seg[2] == u"status"_s)
        statusJob = seg[1];
    else if (seg.size() == 3 && seg[0] == u"bulk-export"_s && seg[1] == u"jobs"_s)
        statusJob = seg[2];
    else if (seg.size() == 1 && seg[0] == u"$export-poll-status"_s)
        statusJob = in.query.queryItemValue(u"_jobId"_s, QUrl::FullyDecoded);
    if (!statusJob.isNull() || (seg.size() == 1 && seg[0] == u"$export-poll-status"_s)) {
        if (in.method == "DELETE")
            handleDelete(in, socket, statusJob);
        else if (get)
            handleStatus(in, socket, statusJob);
        else
            respondOutcome(socket, in, 405, u"error"_s, u"not-supported"_s,
                           u"Use GET to poll or DELETE to cancel"_s);
        return;
    }
    if (seg.size() == 4 && seg[0] == u"jobs"_s && seg[2] == u"manifest"_s && get) {
        handleManifestPage(in, socket, seg[1], seg[3].toInt());
        return;
    }

    if (isFile) {
        if (!get) {
            respondOutcome(socket, in, 405, u"error"_s, u"not-supported"_s, u"Use GET"_s);
            return;
        }
        handleFile(in, socket, fileJob.first, fileJob.second, seg[0] == u"Binary"_s);
        return;
    }

    // Group search and read, for the client's group picker.
    if (seg.size() >= 1 && seg[0] == u"Group"_s && get) {
        if (seg.size() == 1) {
            respondJson(socket, in, 200, data::groupBundle(base(), groups));
            return;
        }
        if (seg.size() == 2) {
            for (int i = 0; i < groups.size(); ++i) {
                if (groups[i].first == seg[1]) {
                    respondJson(socket, in, 200,
                                data::groupResource(groups[i].first, groups[i].second, i));
                    return;
                }
            }
            respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                           u"Resource Group/%1 is not known"_s.arg(seg[1]));
            return;
        }
    }

    respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                   u"Unknown resource or operation: %1"_s.arg(in.path));
}

// ---- kick-off ------------------------------------------------------------------------------

static bool preferAsync(const QByteArray &prefer)
{
    const QList<QByteArray> parts = prefer.toLower().split(',');
    for (const QByteArray &p : parts) {
        if (p.split(';').value(0).trimmed() == "respond-async")
            return true;
    }
    return false;
}

void BulkServer::Private::handleKickoff(const http::Request &in, QTcpSocket *socket,
                                        const QString &level, const QString &groupId)
{
    if (in.method != "GET" && in.method != "POST") {
        respondOutcome(socket, in, 405, u"error"_s, u"not-supported"_s,
                       u"$export accepts GET and POST only"_s, {{"Allow", "GET, POST"}});
        return;
    }
    // HAPI's wording, which real clients meet first when they forget the header.
    if (!preferAsync(in.header("prefer"))) {
        respondOutcome(socket, in, 400, u"error"_s, u"processing"_s,
                       u"HAPI-0513: Must request async processing for $export"_s);
        return;
    }
    if (!http::mediaTypes(in.header("accept")).contains("application/fhir+json")) {
        respondOutcome(socket, in, 406, u"error"_s, u"not-supported"_s,
                       u"Accept must be application/fhir+json for $export (was \"%1\")"_s.arg(
                           QString::fromLatin1(in.header("accept"))));
        return;
    }
    if (level == u"group"_s) {
        const bool known = std::any_of(groups.cbegin(), groups.cend(),
                                       [&](const auto &g) { return g.first == groupId; });
        if (!known) {
            respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                           u"Resource Group/%1 is not known"_s.arg(groupId));
            return;
        }
    }

    // Parameters: the query of a GET, a Parameters resource in a POST body.
    QList<QPair<QString, QString>> params;
    if (in.method == "POST") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(in.body, &error);
        const QJsonObject o = doc.object();
        if (error.error != QJsonParseError::NoError || !doc.isObject() ||
            o.value(u"resourceType"_s).toString() != u"Parameters"_s) {
            respondOutcome(socket, in, 400, u"error"_s, u"invalid"_s,
                           u"The body of a POST $export must be a FHIR Parameters resource"_s);
            return;
        }
        const QJsonArray list = o.value(u"parameter"_s).toArray();
        for (const QJsonValue &v : list) {
            const QJsonObject p = v.toObject();
            const QString name = p.value(u"name"_s).toString();
            QString value;
            bool found = false;
            for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
                if (!it.key().startsWith(u"value"_s))
                    continue;
                found = true;
                if (it.key() == u"valueReference"_s)
                    value = it.value().toObject().value(u"reference"_s).toString();
                else if (it.key() == u"valueCoding"_s)
                    value = it.value().toObject().value(u"system"_s).toString() + u'|' +
                            it.value().toObject().value(u"code"_s).toString();
                else if (it.value().isBool())
                    value = it.value().toBool() ? u"true"_s : u"false"_s;
                else
                    value = it.value().toVariant().toString();
            }
            if (name.isEmpty() || !found) {
                respondOutcome(socket, in, 400, u"error"_s, u"invalid"_s,
                               u"Every Parameters.parameter needs a name and a value[x]"_s);
                return;
            }
            params.append({name, value});
        }
    } else {
        const auto items = in.query.queryItems(QUrl::FullyDecoded);
        for (const auto &item : items)
            params.append(item);
    }

    for (const auto &p : params) {
        const QString &name = p.first;
        const QString &value = p.second;
        if (name == u"_outputFormat"_s &&
            !QStringList{u"application/fhir+ndjson"_s, u"application/ndjson"_s, u"ndjson"_s}
                 .contains(value)) {
            respondOutcome(socket, in, 400, u"error"_s, u"invalid"_s,
                           u"Unsupported _outputFormat: %1"_s.arg(value));
            return;
        }
        if ((name == u"_since"_s || name == u"_until"_s) &&
            !QDateTime::fromString(value, Qt::ISODateWithMs).isValid()) {
            respondOutcome(socket, in, 400, u"error"_s, u"invalid"_s,
                           u"%1 is not a valid instant: %2"_s.arg(name, value));
            return;
        }
        if (name == u"patient"_s && (level == u"system"_s || in.method != "POST")) {
            respondOutcome(socket, in, 400, u"error"_s, u"invalid"_s,
                           u"The patient parameter is allowed only in a POST to Patient/$export "
                           "or Group/[id]/$export"_s);
            return;
        }
    }

    if (script.kickoffStatus != 202) {
        QByteArray body = script.kickoffBody;
        if (body.isEmpty()) {
            const int s = script.kickoffStatus;
            const QString code = s == 429   ? u"throttled"_s
                                 : s >= 500 ? u"exception"_s
                                            : u"processing"_s;
            const QString text = s == 429 ? u"There is already an export job in-progress for the "
                                            "client and tenant combination"_s
                                          : u"The export could not be started"_s;
            body = data::operationOutcome(u"error"_s, code, text);
        }
        HeaderList h;
        if (script.kickoffStatus == 429 || script.kickoffStatus == 503) {
            const QByteArray ra = retryAfter(script);
            if (!ra.isEmpty())
                h.append({"Retry-After", ra});
        }
        respond(socket, in, script.kickoffStatus, h, body, kFhirJson);
        return;
    }

    // HAPI returns the running job again for an identical request unless told not to cache.
    const QByteArray reuseKey = in.method + ' ' + in.url.toEncoded() + '\n' + in.body;
    if (script.reuseIdenticalJobs && !in.header("cache-control").toLower().contains("no-cache")) {
        for (const Job &j : std::as_const(jobs)) {
            if (j.reuseKey == reuseKey && !j.info.cancelled) {
                HeaderList h;
                if (!script.omitContentLocation)
                    h.append({"Content-Location", statusUrl(j).toEncoded()});
                respondOutcome(socket, in, 202, u"information"_s, u"informational"_s,
                               u"$export-poll-status?_jobId="_s + j.info.id, h);
                return;
            }
        }
    }

    Job job;
    job.script = script;
    job.reuseKey = reuseKey;
    job.info.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.info.method = in.method;
    job.info.level = level;
    job.info.groupId = groupId;
    job.info.requestUrl = in.url;
    job.info.transactionTime = now();
    job.info.parameters = params;
    job.info.flavor = script.flavor;
    jobs.insert(job.info.id, job);
    lastJobId = job.info.id;

    HeaderList h;
    if (!script.omitContentLocation) {
        QUrl location = statusUrl(job);
        if (script.relativeContentLocation) {
            QUrl relative;
            relative.setPath(location.path(QUrl::FullyEncoded), QUrl::StrictMode);
            relative.setQuery(location.query(QUrl::FullyEncoded), QUrl::StrictMode);
            location = relative;
        }
        h.append({"Content-Location", location.toEncoded()});
    }
    const bool hapi = script.flavor == Flavor::Hapi || script.flavor == Flavor::EHealth;
    const QString text = hapi ? u"$export-poll-status?_jobId="_s + job.info.id
                              : u"Bulk export job %1 accepted"_s.arg(job.info.id);
    if (script.kickoffDelayMs > 0) {
        QTimer::singleShot(
            script.kickoffDelayMs, q, [this, in, socket = QPointer<QTcpSocket>(socket), text, h] {
                if (socket)
                    respondOutcome(socket, in, 202, u"information"_s, u"informational"_s, text, h);
            });
        return;
    }
    respondOutcome(socket, in, 202, u"information"_s, u"informational"_s, text, h);
}

// ---- status --------------------------------------------------------------------------------

QByteArray BulkServer::Private::retryAfter(const Script &s) const
{
    if (!s.retryAfterRaw.isEmpty())
        return s.retryAfterRaw;
    if (s.retryAfterSeconds < 0)
        return {};
    if (s.retryAfterSeconds > 0)
        return QByteArray::number(s.retryAfterSeconds);
    switch (s.flavor) {
    case Flavor::Hapi:
    case Flavor::EHealth:
        return QByteArrayLiteral("120");
    case Flavor::Oracle:
        return QByteArrayLiteral("600");
    case Flavor::Standard:
        break;
    }
    return QByteArrayLiteral("0");
}

QByteArray BulkServer::Private::progressText(const Job &job, bool cancelled) const
{
    const bool hapi = job.script.flavor == Flavor::Hapi || job.script.flavor == Flavor::EHealth;
    if (hapi) {
        // HAPI writes the time as an ISO offset date-time with milliseconds.
        const QByteArray at = now().toString(u"yyyy-MM-ddThh:mm:ss.zzz'+00:00'"_s).toLatin1();
        return QByteArrayLiteral("Build in progress - Status set to ") +
               (cancelled ? QByteArrayLiteral("CANCELLED") : QByteArrayLiteral("IN_PROGRESS")) +
               " at " + at;
    }
    if (job.script.flavor == Flavor::Oracle)
        return QByteArrayLiteral("in-progress");
    const int percent = (job.normalPolls + 1) * 100 / (job.script.pollsBeforeDone + 1);
    return QByteArray::number(percent) + "% complete";
}

HeaderList BulkServer::Private::expiresHeader(const Script &s) const
{
    int seconds = s.expiresInSeconds;
    if (seconds <= 0) {
        if (s.flavor == Flavor::Oracle)
            seconds = 30 * 24 * 3600;
        else if (s.flavor == Flavor::EHealth)
            seconds = 2 * 3600;
    }
    if (seconds <= 0)
        return {};
    return {{"Expires", formatHttpDate(now().addSecs(seconds))}};
}

QByteArray BulkServer::Private::manifest(const Job &job, int page) const
{
    const Script &s = job.script;
    QJsonArray output;
    QJsonArray errors;
    QJsonArray deleted;
    QSet<QString> wantedTypes;
    if (s.honourTypeParameter) {
        for (const auto &p : job.info.parameters) {
            if (p.first != u"_type"_s)
                continue;
            const QStringList types = p.second.split(u',', Qt::SkipEmptyParts);
            for (const QString &t : types)
                wantedTypes.insert(t.trimmed());
        }
    }
    for (int i = 0; i < files.size(); ++i) {
        const ServedFile &f = files.at(i);
        if (!wantedTypes.isEmpty() && f.kind != u"error"_s && !wantedTypes.contains(f.type))
            continue;
        QJsonObject entry{{u"type"_s, f.type}, {u"url"_s, fileUrl(job, i).toString()}};
        if (f.includeCount)
            entry.insert(u"count"_s, lines(i));
        if (f.kind == u"error"_s)
            errors.append(entry);
        else if (f.kind == u"deleted"_s)
            deleted.append(entry);
        else
            output.append(entry);
    }
    const int pages = qMax(1, s.manifestPages);
    if (s.emptyWithMessage) {
        output = {};
        errors = {};
        deleted = {};
    }
    // Output split evenly over the pages; the error and deleted files come with the first.
    QJsonArray pageOutput;
    const int perPage = int((output.size() + pages - 1) / pages);
    for (int i = (page - 1) * perPage; i < qMin(int(output.size()), page * perPage); ++i)
        pageOutput.append(output.at(i));

    QJsonObject m{
        {u"transactionTime"_s, job.info.transactionTime.toString(Qt::ISODateWithMs)},
        {u"request"_s, job.info.requestUrl.toString()},
        {u"output"_s, pages > 1 ? pageOutput : output},
        {u"error"_s, page == 1 ? errors : QJsonArray{}},
    };
    if (s.requiresAccessTokenAsString)
        m.insert(u"requiresAccessToken"_s, s.requiresAccessToken ? u"true"_s : u"false"_s);
    else
        m.insert(u"requiresAccessToken"_s, s.requiresAccessToken);
    if (page == 1 && !deleted.isEmpty())
        m.insert(u"deleted"_s, deleted);
    if (s.emptyWithMessage) {
        m.insert(u"message"_s,
                 QString(u"Export complete, but no data to generate report for job instance: "_s +
                         job.info.id));
    }
    if (page < pages) {
        m.insert(
            u"link"_s,
            QJsonArray{QJsonObject{
                {u"relation"_s, u"next"_s},
                {u"url"_s,
                 baseWith(u"/jobs/%1/manifest/%2"_s.arg(job.info.id).arg(page + 1)).toString()}}});
    }
    return QJsonDocument(m).toJson(QJsonDocument::Indented);
}

void BulkServer::Private::handleStatus(const http::Request &in, QTcpSocket *socket,
                                       const QString &jobId)
{
    const auto it = jobs.find(jobId);
    if (it == jobs.end()) {
        respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                       u"Unknown or expired export job: %1"_s.arg(jobId));
        return;
    }
    Job &job = *it;
    ++job.info.polls;
    const bool hapi = job.script.flavor == Flavor::Hapi || job.script.flavor == Flavor::EHealth;

    if (job.info.cancelled) {
        if (hapi) {
            // HAPI never forgets a cancelled job: 202 for ever, only X-Progress tells.
            HeaderList h{{"X-Progress", progressText(job, true)}};
            const QByteArray ra = retryAfter(job.script);
            if (!ra.isEmpty())
                h.append({"Retry-After", ra});
            respond(socket, in, 202, h);
        } else {
            respondOutcome(socket, in, 404, u"error"_s, u"deleted"_s,
                           u"Export job %1 was cancelled"_s.arg(jobId));
        }
        return;
    }

    if (!job.script.pollQueue.isEmpty()) {
        const Script::PollAnswer a = job.script.pollQueue.takeFirst();
        HeaderList h;
        if (!a.retryAfter.isEmpty())
            h.append({"Retry-After", a.retryAfter});
        const QByteArray type =
            a.contentType.isEmpty() && !a.body.isEmpty() ? kFhirJson : a.contentType;
        respond(socket, in, a.status, h, a.body, type);
        return;
    }

    if (!job.info.completed && job.normalPolls < job.script.pollsBeforeDone) {
        HeaderList h;
        const QStringList &texts = job.script.progressTexts;
        const QByteArray progress = texts.isEmpty()
                                        ? progressText(job, false)
                                        : texts.at(job.normalPolls % texts.size()).toUtf8();
        if (!progress.isEmpty())
            h.append({"X-Progress", progress});
        const QByteArray ra = retryAfter(job.script);
        if (!ra.isEmpty())
            h.append({"Retry-After", ra});
        ++job.normalPolls;
        respond(socket, in, 202, h);
        return;
    }

    job.info.completed = true;
    const QByteArray body =
        job.script.manifestOverride.isEmpty() ? manifest(job, 1) : job.script.manifestOverride;
    respond(socket, in, 200, expiresHeader(job.script), body, "application/json");
}

void BulkServer::Private::handleManifestPage(const http::Request &in, QTcpSocket *socket,
                                             const QString &jobId, int page)
{
    const auto it = jobs.find(jobId);
    if (it == jobs.constEnd() || !it->info.completed || it->info.cancelled || page < 2 ||
        page > qMax(1, it->script.manifestPages)) {
        respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                       u"No such manifest page: %1"_s.arg(in.path));
        return;
    }
    if (it->script.failedPageAnswers > 0) {
        --it->script.failedPageAnswers;
        respondOutcome(socket, in, 503, u"error"_s, u"transient"_s, u"Try again"_s,
                       {{"Retry-After", "0"}});
        return;
    }
    respond(socket, in, 200, expiresHeader(it->script), manifest(*it, page), "application/json");
}

void BulkServer::Private::handleDelete(const http::Request &in, QTcpSocket *socket,
                                       const QString &jobId)
{
    const auto it = jobs.find(jobId);
    if (it == jobs.end()) {
        respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                       u"Unknown or expired export job: %1"_s.arg(jobId));
        return;
    }
    Job &job = *it;
    if (job.script.deleteStatus != 0) {
        respondOutcome(socket, in, job.script.deleteStatus, u"error"_s, u"not-supported"_s,
                       u"Cancelling an export is not supported"_s);
        return;
    }
    if (job.info.completed || job.info.cancelled) {
        // HAPI's text, two spaces included.
        respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                       u"Job instance <%1> was already cancelled or has completed.  Nothing to "
                       "do."_s.arg(jobId));
        return;
    }
    job.info.cancelled = true;
    respondOutcome(socket, in, 202, u"information"_s, u"informational"_s,
                   u"Job instance <%1> successfully cancelled."_s.arg(jobId));
}

// ---- files ---------------------------------------------------------------------------------

void BulkServer::Private::handleFile(const http::Request &in, QTcpSocket *socket,
                                     const QString &jobId, int index, bool binaryResource)
{
    const auto it = jobs.constFind(jobId);
    if (it == jobs.constEnd() || it->info.cancelled || index < 0 || index >= files.size()) {
        respondOutcome(socket, in, 404, u"error"_s, u"not-found"_s,
                       u"No such file: %1 (unknown, expired or cancelled export)"_s.arg(in.path));
        return;
    }
    const Job &job = *it;
    if (job.script.flavor == Flavor::Oracle && !binaryResource &&
        in.path.contains(u"/bulk-export/files/"_s)) {
        // Oracle hands out a short-lived pre-signed storage URL.
        respond(socket, in, 307, {{"Location", storageUrl(jobId, index).toEncoded()}});
        return;
    }
    if (binaryResource) {
        // HAPI's Binary read: raw bytes to Accept: application/fhir+ndjson, the Binary
        // resource to a FHIR JSON Accept.
        const QList<QByteArray> accept = http::mediaTypes(in.header("accept"));
        for (const QByteArray &type : accept) {
            if (type == "application/fhir+ndjson" || type == "application/ndjson")
                break;
            if (type == "application/fhir+json" || type == "application/json+fhir" ||
                type == "application/json") {
                const FileFault fault = takeFault(index);
                if (fault.kind == FileFault::Kind::ServerError) {
                    respondOutcome(socket, in, fault.status, u"error"_s, u"transient"_s,
                                   u"Simulated server error"_s);
                    return;
                }
                const QJsonObject binary{
                    {u"resourceType"_s, u"Binary"_s},
                    {u"id"_s, QString(jobId + u'-' + QString::number(index))},
                    {u"meta"_s, QJsonObject{{u"lastUpdated"_s, job.info.transactionTime.toString(
                                                                   Qt::ISODateWithMs)}}},
                    {u"contentType"_s, QString::fromLatin1(kNdjson)},
                    {u"data"_s, QString::fromLatin1(slice(index, 0, size(index)).toBase64())}};
                respondJson(socket, in, 200, binary);
                return;
            }
        }
    }
    serveBytes(in, socket, index);
}

void BulkServer::Private::handleStorage(const http::Request &in, QTcpSocket *socket)
{
    auto xmlError = [&](int status, const QByteArray &code, const QByteArray &message) {
        respond(socket, in, status, {},
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code +
                    "</Code><Message>" + message + "</Message></Error>",
                "application/xml");
    };
    // Like S3: a pre-signed URL plus an Authorization header is refused, which is what makes a
    // client that leaks the FHIR token to storage fail loudly.
    if (!in.header("authorization").isEmpty()) {
        xmlError(400, "InvalidArgument",
                 "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
                 "Signature query string parameter or the Authorization header should be "
                 "specified");
        return;
    }
    const QStringList seg = in.path.split(u'/', Qt::SkipEmptyParts);
    if (seg.size() != 3 || seg[0] != u"storage"_s || !seg[2].endsWith(u".ndjson"_s)) {
        xmlError(404, "NoSuchKey", "The specified key does not exist.");
        return;
    }
    bool ok = false;
    const int index = seg[2].chopped(7).toInt(&ok);
    const auto it = jobs.constFind(seg[1]);
    if (!ok || it == jobs.constEnd() || it->info.cancelled || index < 0 || index >= files.size()) {
        xmlError(404, "NoSuchKey", "The specified key does not exist.");
        return;
    }
    if (in.query.queryItemValue(u"X-Amz-Signature"_s) != signature(seg[1], index)) {
        xmlError(403, "SignatureDoesNotMatch",
                 "The request signature we calculated does not match the signature you "
                 "provided.");
        return;
    }
    if (in.method != "GET" && in.method != "HEAD") {
        xmlError(405, "MethodNotAllowed", "The specified method is not allowed.");
        return;
    }
    serveBytes(in, socket, index);
}

void BulkServer::Private::serveBytes(const http::Request &in, QTcpSocket *socket, int index)
{
    const ServedFile &file = files.at(index);
    const FileFault fault = takeFault(index);
    if (fault.kind == FileFault::Kind::Redirect) {
        respond(socket, in, 302, {{"Location", fault.location}});
        return;
    }
    if (fault.kind == FileFault::Kind::ServerError) {
        const bool transient = fault.status == 503 || fault.status == 429;
        HeaderList h;
        if (transient)
            h.append(header("Retry-After", "1"));
        respondOutcome(socket, in, fault.status, u"error"_s,
                       transient ? u"transient"_s : u"exception"_s,
                       u"Simulated server error while reading the file"_s, h);
        return;
    }

    // The representation: gzip bytes when the file is gzip and the client takes gzip.
    const bool gz = (file.gzip && file.generatedLines <= 0 &&
                     http::listAccepts(in.header("accept-encoding"), "gzip")) ||
                    file.gzipAlways;
    Source source;
    qint64 total = 0;
    if (!file.encodedBody.isEmpty()) {
        const QByteArray bytes = file.encodedBody;
        total = bytes.size();
        source = [bytes](qint64 offset, qint64 length) {
            return bytes.mid(offset, length);
        };
    } else if (gz) {
        auto cached = gzipCache.constFind(index);
        if (cached == gzipCache.constEnd())
            cached = gzipCache.insert(index, http::gzip(file.content));
        const QByteArray bytes = *cached;
        total = bytes.size();
        source = [bytes](qint64 offset, qint64 length) {
            return bytes.mid(offset, length);
        };
    } else if (file.generatedLines > 0) {
        const QString type = file.type;
        const qint64 count = file.generatedLines;
        total = count * data::kGeneratedLineWidth;
        source = [type, count](qint64 offset, qint64 length) {
            return data::generatedSlice(type, count, offset, length);
        };
    } else {
        const QByteArray bytes = file.content;
        total = bytes.size();
        source = [bytes](qint64 offset, qint64 length) {
            return bytes.mid(offset, length);
        };
    }

    HeaderList h;
    if (!file.encodedBody.isEmpty()) {
        h.append({"Content-Encoding", file.contentEncoding});
    } else if (gz) {
        h.append(header("Content-Encoding", "gzip"));
        h.append(header("Vary", "Accept-Encoding"));
    }
    h.append({"Content-Type", file.contentType.isEmpty() ? kNdjson : file.contentType});
    qint64 begin = 0;
    qint64 end = total;
    int status = 200;
    const QByteArray rangeHeader = in.header("range");
    if (fault.kind != FileFault::Kind::IgnoreRange) {
        h.append(header("Accept-Ranges", "bytes"));
        const http::RangeRequest range = http::parseRange(rangeHeader, total);
        if (range.kind == http::RangeRequest::Kind::Unsatisfiable) {
            respond(socket, in, 416, {{"Content-Range", "bytes */" + QByteArray::number(total)}});
            return;
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
    h.prepend({"Date", formatHttpDate(now())});
    h.append({"Content-Length", QByteArray::number(end - begin)});
    socket->write(http::responseHead(status, h));
    if (in.isHead() || begin == end) {
        if (in.closeAfter())
            socket->disconnectFromHost();
        return;
    }

    auto *stream = new BodyStream(socket, std::move(source), begin, end);
    stream->setCloseAfter(in.closeAfter());
    const qint64 length = end - begin;
    const qint64 cut = begin + qBound<qint64>(0, qint64(double(length) * fault.fraction), length);
    if (fault.kind == FileFault::Kind::DropAt)
        stream->stopAt(BodyStream::Stop::Drop, cut, -1);
    else if (fault.kind == FileFault::Kind::Stall)
        stream->stopAt(BodyStream::Stop::Stall, cut, fault.stallMs);
    else if (fault.kind == FileFault::Kind::Slow)
        stream->throttle(fault.bytesPerSecond);
    stream->pump();
}

// ---- BulkServer ----------------------------------------------------------------------------

BulkServer::BulkServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

BulkServer::~BulkServer()
{
    // Sockets (and their body streams) go with the frontend, before the state they read.
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
    d->storagePort = storagePort;
    qCDebug(lcDemoServer) << "listening on" << d->base() << "storage on" << d->origin(storagePort);
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
    return d->origin(d->storagePort);
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
    d->files = files;
    d->gzipCache.clear();
}

QList<ServedFile> BulkServer::files() const
{
    return d->files;
}

void BulkServer::setFileFault(int fileIndex, const FileFault &fault)
{
    d->faults.insert(fileIndex, fault);
    d->faultsLeft.insert(fileIndex, fault.times);
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
    if (fileIndex < 0 || fileIndex >= d->files.size())
        return {};
    return d->slice(fileIndex, 0, d->size(fileIndex));
}

QByteArray BulkServer::contentSlice(int fileIndex, qint64 offset, qint64 length) const
{
    if (fileIndex < 0 || fileIndex >= d->files.size())
        return {};
    return d->slice(fileIndex, offset, length);
}

qint64 BulkServer::expectedSize(int fileIndex) const
{
    if (fileIndex < 0 || fileIndex >= d->files.size())
        return -1;
    return d->size(fileIndex);
}

qint64 BulkServer::lineCount(int fileIndex) const
{
    if (fileIndex < 0 || fileIndex >= d->files.size())
        return -1;
    return d->lines(fileIndex);
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

QByteArray BulkServer::Recorded::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QList<BulkServer::Recorded> BulkServer::requests() const
{
    return d->recorded;
}

void BulkServer::clearRequests()
{
    d->recorded.clear();
}

QString BulkServer::lastJobId() const
{
    return d->lastJobId;
}

int BulkServer::jobCount() const
{
    return int(d->jobs.size());
}

bool BulkServer::jobCancelled(const QString &id) const
{
    const auto it = d->jobs.constFind(id);
    return it != d->jobs.constEnd() && it->info.cancelled;
}

BulkServer::JobInfo BulkServer::jobInfo(const QString &id) const
{
    return d->jobs.value(id).info;
}

QUrl BulkServer::statusUrl(const QString &id) const
{
    const auto it = d->jobs.constFind(id);
    return it == d->jobs.constEnd() ? QUrl() : d->statusUrl(*it);
}

} // namespace fbm::demo
