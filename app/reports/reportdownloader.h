#pragma once

#include "reportjob.h"
#include "result.h"

#include <QList>
#include <QObject>

namespace fbm {

class ReportRequests;
struct HttpResponse;

/// What became of one report download.
struct ReportDownload
{
    enum class Outcome
    {
        Saved,        ///< written to filePath
        AlreadySaved, ///< a file for this job was in the folder: not fetched again
        NotGenerated, ///< the server sent its "NOT GENERATED YET" placeholder: nothing saved
        Failed,       ///< see error
    };

    QString jobKey;
    QString report; ///< the job's short name
    QString title;  ///< the job's report in words (ReportJob::title()), for people
    Outcome outcome = Outcome::Failed;
    QString filePath; ///< Saved, AlreadySaved
    qint64 bytes = 0; ///< Saved
    Error error;      ///< Failed
};

/// Saves the reports of report jobs (their Binary) into folders, one download after another: a
/// queue of single downloads and of batches ("every done job"), each batch answered once when
/// its last report is in. A part of ReportClient, which owns the requests it sends.
class ReportDownloader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportDownloader)
public:
    /// requests must outlive the downloader.
    explicit ReportDownloader(const ReportRequests *requests, QObject *parent = nullptr);
    ~ReportDownloader() override;

    /// Fetches the job's Binary (`Accept: application/fhir+json`) and saves it in folder as
    /// reportFileBaseName(job) + extension, replacing an earlier copy. Emits reportDownloaded().
    void downloadReport(const ReportJob &job, const QString &folder);
    /// Downloads the report of every done job of jobs into folder, skipping jobs whose report
    /// is already there. Emits reportDownloaded() per job, then allDownloadsFinished().
    void downloadAllDone(const QList<ReportJob> &jobs, const QString &folder);
    [[nodiscard]] bool isDownloading() const { return m_current.active || !m_queue.isEmpty(); }
    /// Where a job's report is fetched from: its Binary URL when it is on the server's origin;
    /// otherwise [base]/Binary/<id>, because the eHealth server names its Binary with an
    /// internal host name (the IG's example: reporting.local.ehealth.sundhed.dk) and the token
    /// must not go to another origin anyway.
    [[nodiscard]] QUrl downloadUrl(const ReportJob &job) const;
    /// A report of this job saved in folder earlier, or empty.
    [[nodiscard]] static QString savedReportPath(const ReportJob &job, const QString &folder);

Q_SIGNALS:
    void reportDownloaded(const fbm::ReportDownload &result);
    void allDownloadsFinished(const QList<fbm::ReportDownload> &results);

private:
    struct PendingDownload
    {
        ReportJob job;
        QString folder;
        bool skipExisting = false;
        bool inBatch = false;
        bool active = false;
    };

    void startNextDownload();
    void onDownloadAnswer(const HttpResponse &response);
    void finishDownload(ReportDownload result);

    const ReportRequests *m_requests;
    QList<PendingDownload> m_queue;
    PendingDownload m_current;
    QList<ReportDownload> m_batchResults;
    int m_batchRemaining = 0;
};

} // namespace fbm

Q_DECLARE_METATYPE(fbm::ReportDownload)
