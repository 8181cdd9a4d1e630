#include "reportclient.h"
#include "logging.h"

#include "httpclient.h"
#include "reportbinary.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString normalizedReportName(const QString &name)
{
    QString n = name.trimmed();
    if (n.startsWith(u'$'))
        n.remove(0, 1);
    if (n.startsWith("execute-"_L1))
        n.remove(0, 8);
    return n;
}

ReportInputDefinition anonymizationInput()
{
    ReportInputDefinition d;
    d.name = u"anonymization"_s;
    d.type = u"string"_s;
    d.min = 1;
    d.max = u"1"_s;
    return d;
}

} // namespace

// ---------------------------------------------------------------------------------------------

QJsonObject ReportInput::toParameter() const
{
    return QJsonObject{{u"name"_s, name}, {QString(u"value"_s + valueType), value}};
}

ReportInput ReportInput::string(const QString &name, const QString &value)
{
    return {name, u"String"_s, value};
}

ReportInput ReportInput::reference(const QString &name, const QString &reference)
{
    return {name, u"Reference"_s, QJsonObject{{u"reference"_s, reference}}};
}

ReportInput ReportInput::period(const QString &name, const QDate &start, const QDate &end)
{
    QJsonObject p;
    if (start.isValid())
        p.insert(u"start"_s, start.toString(Qt::ISODate));
    if (end.isValid())
        p.insert(u"end"_s, end.toString(Qt::ISODate));
    return {name, u"Period"_s, p};
}

ReportInput ReportInput::coding(const QString &name, const QString &system, const QString &code)
{
    QJsonObject c{{u"code"_s, code}};
    if (!system.isEmpty())
        c.insert(u"system"_s, system);
    return {name, u"Coding"_s, c};
}

ReportInput ReportInput::integer(const QString &name, int value)
{
    return {name, u"Integer"_s, value};
}

// ---------------------------------------------------------------------------------------------

ReportClient::ReportClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_requests(http, logger())
{
    connect(&m_downloads, &ReportDownloader::reportDownloaded, this,
            &ReportClient::reportDownloaded);
    connect(&m_downloads, &ReportDownloader::allDownloadsFinished, this,
            &ReportClient::allDownloadsFinished);
    m_autoTimer.setSingleShot(true);
    connect(&m_autoTimer, &QTimer::timeout, this, &ReportClient::fetchJobs);
}

ReportClient::~ReportClient() = default;

std::function<void(const ActivityEntry &)> ReportClient::logger()
{
    QPointer<ReportClient> self(this);
    return [self](const ActivityEntry &e) {
        if (self)
            Q_EMIT self->activity(e);
    };
}

// --- listing jobs ----------------------------------------------------------------------------

void ReportClient::fetchJobs()
{
    if (m_fetching || !m_requests.http())
        return;
    m_fetching = true;
    m_autoTimer.stop();
    sendStatusRequest(m_statusMethod);
}

void ReportClient::sendStatusRequest(const QByteArray &method)
{
    HttpCall call = m_requests.call(m_requests.endpoint(u"$get-report-job-status"_s));
    call.method = method;
    if (method == "POST") {
        // The IG's request: an empty Parameters resource.
        call.headers.append({"Content-Type", ReportRequests::kFhirJson});
        call.body = R"({"resourceType":"Parameters"})";
    }
    qCDebug(lcReports) << method << call.url;
    m_requests.http()->send(call, this, [this, method](const HttpResponse &response) {
        onStatusAnswer(method, response);
    });
}

void ReportClient::onStatusAnswer(const QByteArray &method, const HttpResponse &response)
{
    // The operation changes nothing, so GET is allowed too; some servers accept only that.
    if (!response.error.isError() && response.status == 405 && method == "POST") {
        qCInfo(lcReports) << "POST refused with 405; asking with GET from now on";
        m_statusMethod = "GET";
        sendStatusRequest("GET");
        return;
    }
    const QString what = tr("Listing the report jobs");
    if (!response.isSuccess()) {
        finishFetch(m_requests.httpError(response, what));
        return;
    }
    QStringList warnings;
    auto parsed = parseReportJobBundle(response.body, m_requests.http()->base(), &warnings);
    if (!parsed.ok()) {
        Error e = parsed.error();
        e.httpStatus = response.status;
        finishFetch(e);
        return;
    }
    m_jobs = parsed.value();
    m_lastBundle = response.body;
    m_lastFetched = QDateTime::currentDateTimeUtc();
    m_warnings = warnings;
    finishFetch({});
}

void ReportClient::finishFetch(const Error &error)
{
    m_fetching = false;
    const bool unfinished = std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                                        [](const ReportJob &j) { return !j.isFinished(); });
    // A failed refresh keeps the schedule: a passing network hiccup must not stop it.
    if (m_autoRefreshMs > 0 && unfinished)
        m_autoTimer.start(m_autoRefreshMs);
    if (error.isError()) {
        qCWarning(lcReports) << "listing report jobs failed:" << error.detail;
        Q_EMIT fetchFailed(error);
    } else {
        Q_EMIT jobsFetched(m_jobs);
    }
}

void ReportClient::setAutoRefreshInterval(int msec)
{
    m_autoRefreshMs = qMax(0, msec);
    if (m_autoRefreshMs == 0) {
        m_autoTimer.stop();
        return;
    }
    const bool unfinished = std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                                        [](const ReportJob &j) { return !j.isFinished(); });
    if (unfinished && !m_fetching)
        m_autoTimer.start(m_autoRefreshMs);
}

// --- saving the status -----------------------------------------------------------------------

QByteArray ReportClient::prettyJson(const QByteArray &json)
{
    QJsonParseError pe;
    QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return json;

    // Re-indent token by token: QJsonDocument would sort the keys and rewrite numbers, and the
    // saved status must say exactly what the server said.
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    auto newline = [&out, &depth] {
        out.append('\n');
        out.append(QByteArray(depth * 4, ' '));
    };
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json.at(i);
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            qsizetype j = i + 1;
            while (j < n && QChar::isSpace(uchar(json.at(j))))
                ++j;
            const char close = c == '{' ? '}' : ']';
            out.append(c);
            if (j < n && json.at(j) == close) { // {} and [] stay on one line
                out.append(close);
                i = j;
            } else {
                ++depth;
                newline();
            }
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out.append(c);
        }
    }
    out.append('\n');
    return out;
}

Error ReportClient::saveStatus(const QString &filePath) const
{
    if (m_lastBundle.isEmpty()) {
        return Error::make(Error::Kind::Usage,
                           tr("There is no job list to save yet: refresh the list first."));
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        //: %1 a file path, %2 the system's reason
        return Error::make(Error::Kind::Io,
                           tr("Could not write %1: %2").arg(filePath, file.errorString()));
    }
    file.write(prettyJson(m_lastBundle));
    if (!file.commit()) {
        return Error::make(Error::Kind::Io,
                           tr("Could not write %1: %2").arg(filePath, file.errorString()));
    }
    return {};
}

QString ReportClient::defaultStatusFileName(const QDateTime &at) const
{
    const QUrl base = m_requests.http() ? m_requests.http()->base() : QUrl();
    QString host = base.host();
    if (base.port() > 0)
        host += u'_' + QString::number(base.port());
    return u"report-jobs-"_s + safeFileNamePart(host.isEmpty() ? u"server"_s : host, 60) + u'-' +
           at.toString(u"yyyyMMdd-HHmmss"_s) + u".json"_s;
}

// --- downloading reports ---------------------------------------------------------------------

void ReportClient::downloadReport(const ReportJob &job, const QString &folder)
{
    m_downloads.downloadReport(job, folder);
}

void ReportClient::downloadAllFinished(const QString &folder)
{
    m_downloads.downloadAllDone(m_jobs, folder);
}

QUrl ReportClient::downloadUrl(const ReportJob &job) const
{
    return m_downloads.downloadUrl(job);
}

// --- report operations -----------------------------------------------------------------------

void ReportClient::listReportOperations()
{
    if (m_listing || !m_requests.http())
        return;
    m_listing = true;
    const HttpCall call = m_requests.call(m_requests.endpoint(u"metadata"_s));
    m_requests.http()->send(call, this, [this](const HttpResponse &r) { onMetadata(r); });
}

void ReportClient::onMetadata(const HttpResponse &response)
{
    const QString what = tr("Reading the reports the server offers");
    if (!response.isSuccess()) {
        m_listing = false;
        Q_EMIT operationsFailed(m_requests.httpError(response, what));
        return;
    }
    const QJsonObject cs = QJsonDocument::fromJson(response.body).object();
    if (cs.value("resourceType"_L1).toString() != "CapabilityStatement"_L1) {
        m_listing = false;
        Q_EMIT operationsFailed(Error::make(
            Error::Kind::Protocol,
            tr("The server's metadata is not a CapabilityStatement, so its reports are unknown."),
            u"metadata resourceType: "_s + cs.value("resourceType"_L1).toString(),
            response.status));
        return;
    }

    QList<ReportOperation> ops;
    auto collect = [&ops](const QJsonArray &list) {
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            QString code = o.value("name"_L1).toString();
            if (code.startsWith(u'$'))
                code.remove(0, 1);
            if (!code.startsWith("execute-"_L1) || code.size() <= 8)
                continue;
            const bool known =
                std::any_of(ops.cbegin(), ops.cend(),
                            [&code](const ReportOperation &op) { return op.code == code; });
            if (known)
                continue;
            ReportOperation op;
            op.code = code;
            op.name = code.mid(8);
            op.canonical = o.value("definition"_L1).toString();
            op.inputs = {anonymizationInput()};
            ops.append(op);
        }
    };
    const QJsonArray rest = cs.value("rest"_L1).toArray();
    for (const QJsonValue &r : rest) {
        collect(r.toObject().value("operation"_L1).toArray());
        const QJsonArray resources = r.toObject().value("resource"_L1).toArray();
        for (const QJsonValue &res : resources)
            collect(res.toObject().value("operation"_L1).toArray());
    }
    std::sort(ops.begin(), ops.end(),
              [](const ReportOperation &a, const ReportOperation &b) { return a.name < b.name; });
    m_operations = ops;

    m_definitionsPending = 0;
    for (const ReportOperation &op : std::as_const(m_operations)) {
        if (!op.canonical.isEmpty())
            ++m_definitionsPending;
    }
    if (m_definitionsPending == 0) {
        finishOperations();
        return;
    }
    for (int i = 0; i < m_operations.size(); ++i) {
        if (!m_operations.at(i).canonical.isEmpty())
            fetchDefinition(i);
    }
}

void ReportClient::fetchDefinition(int index)
{
    const QUrl canonical(m_operations.at(index).canonical);
    QUrl url;
    if (canonical.isValid() && !canonical.isRelative() &&
        HttpClient::sameOrigin(canonical, m_requests.http()->base())) {
        url = canonical;
    } else if (canonical.isValid() && canonical.isRelative()) {
        url = m_requests.endpoint(canonical.toString());
    } else {
        // A canonical URL is a name, not an address: ask the server for the definition by it.
        url = m_requests.endpoint(u"OperationDefinition"_s);
        QUrlQuery q;
        q.addQueryItem(u"url"_s, canonical.toString());
        url.setQuery(q);
    }
    const HttpCall call = m_requests.call(url);
    m_requests.http()->send(call, this,
                            [this, index](const HttpResponse &r) { onDefinition(index, r); });
}

void ReportClient::onDefinition(int index, const HttpResponse &response)
{
    if (index < m_operations.size() && response.isSuccess()) {
        QJsonObject def = QJsonDocument::fromJson(response.body).object();
        if (def.value("resourceType"_L1).toString() == "Bundle"_L1) {
            const QJsonArray entries = def.value("entry"_L1).toArray();
            def = {};
            for (const QJsonValue &e : entries) {
                const QJsonObject res = e.toObject().value("resource"_L1).toObject();
                if (res.value("resourceType"_L1).toString() == "OperationDefinition"_L1) {
                    def = res;
                    break;
                }
            }
        }
        if (def.value("resourceType"_L1).toString() == "OperationDefinition"_L1) {
            ReportOperation &op = m_operations[index];
            op.definitionFound = true;
            op.title = def.value("title"_L1).toString();
            op.description = def.value("description"_L1).toString();
            QList<ReportInputDefinition> inputs;
            const QJsonArray params = def.value("parameter"_L1).toArray();
            for (const QJsonValue &p : params) {
                const QJsonObject po = p.toObject();
                if (po.value("use"_L1).toString() != "in"_L1)
                    continue;
                ReportInputDefinition d;
                d.name = po.value("name"_L1).toString();
                d.type = po.value("type"_L1).toString();
                d.min = po.value("min"_L1).toInt();
                d.max = po.value("max"_L1).toString(u"1"_s);
                d.documentation = po.value("documentation"_L1).toString();
                inputs.append(d);
            }
            const bool hasAnonymization =
                std::any_of(inputs.cbegin(), inputs.cend(), [](const ReportInputDefinition &d) {
                    return d.name == "anonymization"_L1;
                });
            if (!hasAnonymization)
                inputs.prepend(anonymizationInput());
            op.inputs = inputs;
        }
    } else if (index < m_operations.size()) {
        qCInfo(lcReports) << "no OperationDefinition for" << m_operations.at(index).code
                          << response.status;
    }
    if (--m_definitionsPending == 0)
        finishOperations();
}

void ReportClient::finishOperations()
{
    m_listing = false;
    Q_EMIT operationsListed(m_operations);
}

void ReportClient::executeReport(const QString &name, const QList<ReportInput> &inputs)
{
    const QString report = normalizedReportName(name);
    if (!m_requests.http() || report.isEmpty()) {
        Q_EMIT executeFailed(report, Error::make(Error::Kind::Usage, tr("No report was chosen.")));
        return;
    }
    QJsonArray params;
    for (const ReportInput &in : inputs)
        params.append(in.toParameter());
    QJsonObject body{{u"resourceType"_s, u"Parameters"_s}};
    if (!params.isEmpty())
        body.insert(u"parameter"_s, params);

    HttpCall call = m_requests.call(m_requests.endpoint(u"$execute-"_s + report));
    call.method = "POST";
    call.headers.append({"Content-Type", ReportRequests::kFhirJson});
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_requests.http()->send(call, this, [this, report](const HttpResponse &response) {
        if (!response.isSuccess()) {
            //: %1 the report's name
            Q_EMIT executeFailed(
                report, m_requests.httpError(response, tr("Starting the report %1").arg(report)));
            return;
        }
        Q_EMIT reportExecuted(report);
    });
}

} // namespace fbm
