#include "reportdownloader.h"
#include "logging.h"

#include "httpclient.h"
#include "reportbinary.h"
#include "reportrequests.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

// Reports are buffered for base64 decoding; a ZIP of JSON stays far below this.
constexpr qint64 kMaxReportBytes = qint64(512) << 20;

} // namespace

ReportDownloader::ReportDownloader(const ReportRequests *requests, QObject *parent)
    : QObject(parent)
    , m_requests(requests)
{}

ReportDownloader::~ReportDownloader() = default;

QUrl ReportDownloader::downloadUrl(const ReportJob &job) const
{
    if (!m_requests->http() || !job.binaryUrl.isValid())
        return job.binaryUrl;
    if (HttpClient::sameOrigin(job.binaryUrl, m_requests->http()->base()))
        return job.binaryUrl;
    const QString id = job.binaryId();
    if (id.isEmpty())
        return job.binaryUrl;
    return m_requests->endpoint(u"Binary/"_s + QString::fromUtf8(QUrl::toPercentEncoding(id)));
}

QString ReportDownloader::savedReportPath(const ReportJob &job, const QString &folder)
{
    const QDir dir(folder);
    const QString base = reportFileBaseName(job);
    const QStringList extensions = knownReportExtensions();
    for (const QString &ext : extensions) {
        const QString path = dir.filePath(base + ext);
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

void ReportDownloader::downloadReport(const ReportJob &job, const QString &folder)
{
    m_queue.append({job, folder, false, false, false});
    startNextDownload();
}

void ReportDownloader::downloadAllDone(const QList<ReportJob> &jobs, const QString &folder)
{
    int added = 0;
    for (const ReportJob &job : jobs) {
        if (!job.isDone())
            continue;
        m_queue.append({job, folder, true, true, false});
        ++added;
    }
    m_batchRemaining += added;
    if (added == 0 && m_batchRemaining == 0) {
        // Nothing to do still answers, so a caller waiting for the end is not left hanging.
        const QList<ReportDownload> none;
        QMetaObject::invokeMethod(
            this, [this, none] { Q_EMIT allDownloadsFinished(none); }, Qt::QueuedConnection);
        return;
    }
    startNextDownload();
}

void ReportDownloader::startNextDownload()
{
    if (m_current.active || m_queue.isEmpty() || !m_requests->http())
        return;
    m_current = m_queue.takeFirst();
    m_current.active = true;
    const ReportJob &job = m_current.job;

    ReportDownload result;
    result.jobKey = job.key();
    result.report = job.shortName;
    result.title = job.title();

    if (m_current.skipExisting) {
        const QString existing = savedReportPath(job, m_current.folder);
        if (!existing.isEmpty()) {
            result.outcome = ReportDownload::Outcome::AlreadySaved;
            result.filePath = existing;
            // Queued, so that a long list of saved reports does not recurse.
            QMetaObject::invokeMethod(
                this, [this, result] { finishDownload(result); }, Qt::QueuedConnection);
            return;
        }
    }
    if (!job.binaryUrl.isValid()) {
        result.error = Error::make(Error::Kind::Usage,
                                   //: %1 the report's name
                                   tr("The job for %1 names no report file to download.")
                                       .arg(job.shortName.isEmpty() ? job.key() : job.shortName));
        QMetaObject::invokeMethod(
            this, [this, result] { finishDownload(result); }, Qt::QueuedConnection);
        return;
    }

    // A FHIR Accept makes the server answer a Binary resource with its contentType, which
    // tells the file's kind; raw answers are handled too.
    HttpCall call = m_requests->call(downloadUrl(job));
    call.maxBodyBytes = kMaxReportBytes;
    if (call.url != job.binaryUrl)
        qCInfo(lcReports) << "Binary named on another host; fetching" << call.url;
    m_requests->http()->send(call, this, [this](const HttpResponse &r) { onDownloadAnswer(r); });
}

void ReportDownloader::onDownloadAnswer(const HttpResponse &response)
{
    const ReportJob &job = m_current.job;
    ReportDownload result;
    result.jobKey = job.key();
    result.report = job.shortName;
    result.title = job.title();

    if (!response.isSuccess()) {
        //: %1 the report's name
        result.error =
            m_requests->httpError(response, tr("Downloading the report %1").arg(job.shortName));
        finishDownload(result);
        return;
    }
    const auto payload = decodeReportDownload(response.body, response.header("Content-Type"));
    if (!payload.ok()) {
        result.error = payload.error();
        finishDownload(result);
        return;
    }
    if (payload->isPlaceholder()) {
        result.outcome = ReportDownload::Outcome::NotGenerated;
        finishDownload(result);
        return;
    }

    const QString folder = m_current.folder;
    if (!QDir().mkpath(folder)) {
        result.error = Error::make(Error::Kind::Io,
                                   //: %1 a folder path
                                   tr("Could not create the folder %1.").arg(folder));
        finishDownload(result);
        return;
    }
    const QString path = QDir(folder).filePath(reportFileBaseName(job) + payload->extension);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(payload->bytes) != payload->bytes.size() ||
        !file.commit()) {
        result.error = Error::make(Error::Kind::Io,
                                   tr("Could not write %1: %2").arg(path, file.errorString()));
        finishDownload(result);
        return;
    }
    result.outcome = ReportDownload::Outcome::Saved;
    result.filePath = path;
    result.bytes = payload->bytes.size();
    finishDownload(result);
}

void ReportDownloader::finishDownload(ReportDownload result)
{
    if (result.error.isError())
        result.outcome = ReportDownload::Outcome::Failed;
    const bool inBatch = m_current.inBatch;
    m_current = PendingDownload();
    qCDebug(lcReports) << "report" << result.jobKey << "->" << int(result.outcome)
                       << result.filePath;
    Q_EMIT reportDownloaded(result);
    if (inBatch) {
        m_batchResults.append(result);
        if (--m_batchRemaining == 0) {
            const QList<ReportDownload> results = m_batchResults;
            m_batchResults.clear();
            Q_EMIT allDownloadsFinished(results);
        }
    }
    startNextDownload();
}

} // namespace fbm
