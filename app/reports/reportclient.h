#pragma once

#include "activity.h"
#include "reportdownloader.h"
#include "reportjob.h"
#include "reportoperations.h"
#include "reportrequests.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace fbm {

class HttpClient;
struct HttpResponse;

/// Talks to one eHealth reporting server: lists the report jobs (`$get-report-job-status`),
/// saves the answer, downloads reports (Binary), lists and starts reports (`$execute-…`).
/// Every request goes through the profile's HttpClient, so its authorization applies. One
/// request of each kind at a time; downloads run one after another. The job list is the
/// client's own; the downloads are its ReportDownloader's and the reports it can start its
/// ReportOperations', both reached through the client.
class ReportClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportClient)
public:
    /// http must outlive the client; its base URL is the reporting server's FHIR base.
    explicit ReportClient(HttpClient *http, QObject *parent = nullptr);
    ~ReportClient() override;

    /// `POST [base]/$get-report-job-status` with an empty Parameters body; after a 405 the
    /// client uses GET from then on. Emits jobsFetched() or fetchFailed(). Ignored while a
    /// fetch is running.
    void fetchJobs();
    [[nodiscard]] bool isFetching() const { return m_fetching; }
    [[nodiscard]] QList<ReportJob> jobs() const { return m_jobs; }
    /// The last successful answer, byte for byte as received.
    [[nodiscard]] QByteArray lastBundle() const { return m_lastBundle; }
    [[nodiscard]] QDateTime lastFetched() const { return m_lastFetched; }
    /// Entries of the last answer that were skipped, as sentences.
    [[nodiscard]] QStringList lastWarnings() const { return m_warnings; }
    /// Where "now" comes from: the HttpClient's clock, which the Session sets to its own.
    [[nodiscard]] const Clock *clock() const { return m_requests.clock(); }
    /// "POST", or "GET" once the server refused POST with 405.
    [[nodiscard]] QByteArray statusMethod() const { return m_statusMethod; }

    /// What Save status writes.
    enum class StatusFormat
    {
        FhirJson, ///< the server's answer (the Bundle), pretty-printed, exactly as received
        CsvTable, ///< the jobs of that answer as a table (reportJobsTable()), RFC 4180 CSV
    };
    /// Writes the last answer in format (QSaveFile). The CSV starts with a UTF-8 byte order
    /// mark, so that spreadsheet programs read its letters right.
    [[nodiscard]] Error saveStatus(const QString &filePath,
                                   StatusFormat format = StatusFormat::FhirJson) const;
    /// What to write for a file name picked in a save dialog: the format the user chose wins and
    /// the name is given its suffix ("x.json" becomes "x.csv" for a table, "x" becomes "x.csv");
    /// with no format chosen (All files) a ".csv" name is a table, any other name JSON.
    struct StatusFile
    {
        QString path;
        StatusFormat format = StatusFormat::FhirJson;
    };
    [[nodiscard]] static StatusFile statusFileFor(const QString &path,
                                                  std::optional<StatusFormat> chosen);
    /// "report-jobs-<host>[_port]-<yyyyMMdd-HHmmss>.json" (".csv" for a table), for the save
    /// dialog; an invalid at is now by clock(), in local time.
    [[nodiscard]] QString defaultStatusFileName(const QDateTime &at = {},
                                                StatusFormat format = StatusFormat::FhirJson) const;

    /// Fetches the job's Binary and saves it in folder as reportFileBaseName(job) + extension,
    /// replacing an earlier copy. Emits reportDownloaded(). (The downloads are the
    /// ReportDownloader's: one after another, in the order asked.)
    void downloadReport(const ReportJob &job, const QString &folder);
    /// Downloads every done job's report of the last list into folder, skipping jobs whose
    /// report is already there. Emits reportDownloaded() per job, then allDownloadsFinished().
    void downloadAllFinished(const QString &folder);
    [[nodiscard]] bool isDownloading() const { return m_downloads.isDownloading(); }
    /// Where a job's report is fetched from (see ReportDownloader::downloadUrl()).
    [[nodiscard]] QUrl downloadUrl(const ReportJob &job) const;
    /// A report of this job saved in folder earlier, or empty.
    [[nodiscard]] static QString savedReportPath(const ReportJob &job, const QString &folder)
    {
        return ReportDownloader::savedReportPath(job, folder);
    }

    /// Reads `[base]/metadata` for `$execute-<report>` operations and, where the
    /// CapabilityStatement names them, their OperationDefinitions (read directly when on the
    /// server, else searched by canonical URL). Emits operationsListed() or operationsFailed().
    void listReportOperations();
    [[nodiscard]] QList<ReportOperation> operations() const { return m_operations.operations(); }

    /// `POST [base]/$execute-<name>` with a Parameters body of inputs. name may be given as
    /// "patient-usage-stats", "execute-patient-usage-stats" or "$execute-…". Emits
    /// reportExecuted() or executeFailed(); call fetchJobs() to see the new job.
    void executeReport(const QString &name, const QList<ReportInput> &inputs);

    /// While any job is unfinished, fetch again this long after each answer; 0 turns it off.
    void setAutoRefreshInterval(int msec);
    [[nodiscard]] int autoRefreshInterval() const { return m_autoRefreshMs; }
    [[nodiscard]] bool isAutoRefreshPending() const { return m_autoTimer.isActive(); }

    /// JSON re-indented without reordering keys or rewriting numbers; bytes that are not valid
    /// JSON are returned unchanged.
    [[nodiscard]] static QByteArray prettyJson(const QByteArray &json);

Q_SIGNALS:
    void jobsFetched(const QList<fbm::ReportJob> &jobs);
    void fetchFailed(const fbm::Error &error);
    void reportDownloaded(const fbm::ReportDownload &result);
    void allDownloadsFinished(const QList<fbm::ReportDownload> &results);
    void operationsListed(const QList<fbm::ReportOperation> &operations);
    void operationsFailed(const fbm::Error &error);
    void reportExecuted(const QString &name);
    void executeFailed(const QString &name, const fbm::Error &error);
    /// One per HTTP exchange, already redacted.
    void activity(const fbm::ActivityEntry &entry);

private:
    void sendStatusRequest(const QByteArray &method);
    void onStatusAnswer(const QByteArray &method, const HttpResponse &response);
    void finishFetch(const Error &error);
    [[nodiscard]] std::function<void(const ActivityEntry &)> logger();

    ReportRequests m_requests;
    QByteArray m_statusMethod = "POST";
    bool m_fetching = false;
    QList<ReportJob> m_jobs;
    QByteArray m_lastBundle;
    QDateTime m_lastFetched;
    QStringList m_warnings;
    QTimer m_autoTimer;
    int m_autoRefreshMs = 0;

    ReportDownloader m_downloads{&m_requests};
    ReportOperations m_operations{&m_requests};
};

} // namespace fbm
