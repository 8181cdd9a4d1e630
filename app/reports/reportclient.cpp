#include "reportclient.h"
#include "logging.h"

#include "httpclient.h"
#include "reportbinary.h"
#include "reportcsv.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

ReportClient::ReportClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_requests(http, logger())
{
    connect(&m_downloads, &ReportDownloader::reportDownloaded, this,
            &ReportClient::reportDownloaded);
    connect(&m_downloads, &ReportDownloader::allDownloadsFinished, this,
            &ReportClient::allDownloadsFinished);
    connect(&m_operations, &ReportOperations::operationsListed, this,
            &ReportClient::operationsListed);
    connect(&m_operations, &ReportOperations::operationsFailed, this,
            &ReportClient::operationsFailed);
    connect(&m_operations, &ReportOperations::reportExecuted, this, &ReportClient::reportExecuted);
    connect(&m_operations, &ReportOperations::executeFailed, this, &ReportClient::executeFailed);
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
    m_lastFetched = m_requests.clock()->now();
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

Error ReportClient::saveStatus(const QString &filePath, StatusFormat format) const
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
    if (format == StatusFormat::CsvTable) {
        QByteArray csv = QByteArrayLiteral("\xEF\xBB\xBF");
        csv += csvTable(reportJobsTable(m_jobs));
        file.write(csv);
    } else {
        file.write(prettyJson(m_lastBundle));
    }
    if (!file.commit()) {
        return Error::make(Error::Kind::Io,
                           tr("Could not write %1: %2").arg(filePath, file.errorString()));
    }
    return {};
}

ReportClient::StatusFile ReportClient::statusFileFor(const QString &path,
                                                     std::optional<StatusFormat> chosen)
{
    const auto endsWith = [&path](QLatin1StringView suffix) {
        return path.endsWith(suffix, Qt::CaseInsensitive);
    };
    if (!chosen)
        return {path, endsWith(".csv"_L1) ? StatusFormat::CsvTable : StatusFormat::FhirJson};
    const bool csv = *chosen == StatusFormat::CsvTable;
    const QLatin1StringView wanted = csv ? ".csv"_L1 : ".json"_L1;
    const QLatin1StringView other = csv ? ".json"_L1 : ".csv"_L1;
    if (endsWith(wanted))
        return {path, *chosen};
    const QString stem = endsWith(other) ? path.chopped(other.size()) : path;
    return {stem + wanted, *chosen};
}

QString ReportClient::defaultStatusFileName(const QDateTime &at, StatusFormat format) const
{
    const QUrl base = m_requests.http() ? m_requests.http()->base() : QUrl();
    QString host = base.host();
    if (base.port() > 0)
        host += u'_' + QString::number(base.port());
    const QDateTime when = at.isValid() ? at : clock()->now().toLocalTime();
    return u"report-jobs-"_s + safeFileNamePart(host.isEmpty() ? u"server"_s : host, 60) + u'-' +
           when.toString(u"yyyyMMdd-HHmmss"_s) +
           (format == StatusFormat::CsvTable ? u".csv"_s : u".json"_s);
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
    m_operations.list();
}

void ReportClient::executeReport(const QString &name, const QList<ReportInput> &inputs)
{
    m_operations.execute(name, inputs);
}

} // namespace fbm
