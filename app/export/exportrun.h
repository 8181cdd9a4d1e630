#pragma once

#include "expiredlinks.h"
#include "exportjob.h"
#include "manifestassembler.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace fbm {

class HttpClient;
class JobHost;
struct HttpCall;
struct HttpResponse;

/// One export's conversation with its server, from the kick-off to the manifest: it sends the
/// kick-off, checks the status URL on the job's schedule (Retry-After, backoff, throttling,
/// failures that may pass), reads the manifest's pages, and asks the server to cancel. It
/// owns what that conversation needs between requests (the backoff, the manifest being put
/// together, which answers still belong to it); the job's record stays with JobManager, which
/// it reaches through JobHost.
class ExportRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportRun)
public:
    /// \a parent outlives the run's requests (their answers are delivered in its context).
    ExportRun(QString id, JobHost *host, QObject *parent);

    void kickOff();
    /// A status request now (the job is Running), or the kick-off again when one that may
    /// pass is due (the job is Starting).
    void poll();
    /// poll(), unless a request is already on its way.
    void pollNow();
    void schedulePoll(qint64 delayMs);
    /// Forget the backoff (Retry): the next failures count from the start.
    void restart();
    /// Answers still on their way are ignored from now on, and no status check is scheduled.
    void stop();
    /// Asks the server to cancel (DELETE). The job becomes Cancelled, or, when the server
    /// refuses or cannot be reached, goes on as it was \a before (cancelRefused()).
    void requestCancel(JobState before);
    [[nodiscard]] bool requestInFlight() const { return m_requestInFlight; }
    /// Asks the status URL of the completed export once more for its manifest, whose file
    /// links the server may have signed anew (some have stopped working); answers with
    /// freshLinks(). A request that fails for a reason that may pass is tried again as a
    /// status check would be.
    void refreshLinks();

Q_SIGNALS:
    /// The job is Completed: its manifest and files are in the record.
    void manifestReady(const QString &id);
    /// The server did not cancel a job that was downloading: its downloads go on.
    void cancelRefused(const QString &id);
    /// The server refused the cancel or could not be reached (\a reason, translated): the
    /// export goes on as it was.
    void cancelNotDone(const QString &id, const QString &reason);
    /// The answer to refreshLinks().
    void freshLinks(const QString &id, const fbm::FreshLinks &links);

private:
    using Handler = void (ExportRun::*)(const HttpResponse &);
    /// Sends one of the job's requests; its answer goes to \a handler, or, when the job was
    /// cancelled, retried or removed meanwhile, to \a stale (with the client that sent it).
    void send(HttpCall call, Handler handler,
              std::function<void(HttpClient *, const HttpResponse &)> stale = {});
    void onKickoff(const HttpResponse &r);
    void onStatus(const HttpResponse &r);
    void fetchPage(const QUrl &url);
    void onPage(const HttpResponse &r);
    void acceptPage(const QByteArray &body, const HttpResponse &r);
    void finishManifest();
    void onRefreshStatus(const HttpResponse &r);
    void onRefreshPage(const HttpResponse &r);
    void acceptRefreshPage(const QByteArray &body);
    /// A request for fresh links failed: tried again later when \a transient allows, else the
    /// links are Unavailable for \a message.
    void refreshFailed(const QString &message, bool transient, std::optional<qint64> retryAfterMs,
                       bool countsAsError = true);
    void deliverLinks(FreshLinks links);
    /// After a transient failure of a status check: whether to try again (RetryPolicy).
    bool keepTrying();
    void scheduleRetry(std::optional<qint64> retryAfterMs, const QString &why, bool countsAsError);
    [[nodiscard]] QDateTime now() const;

    QString m_id;
    JobHost *m_host;
    int m_backoffStep = 0; ///< status checks in a row without Retry-After
    int m_consecutive429 = 0;
    bool m_requestInFlight = false;
    quint64 m_generation = 0; ///< bumps on stop/restart so stale answers are ignored
    ManifestAssembler m_manifest;
    QDateTime m_troubleSince;      ///< the first of the failed status checks in a row
    int m_pageFailures = 0;        ///< manifest pages after the first that could not be read
    int m_pagesRead = 0;           ///< pages of the manifest being read (for the export log)
    QString m_transactionTimeText; ///< the first page's transactionTime as written (export log)
    ManifestAssembler m_refresh;   ///< the manifest asked for again for fresh links
    QDateTime m_refreshExpires;    ///< its Expires
    int m_refreshFailures = 0;     ///< requests for fresh links that failed in a row
    QDateTime m_refreshTroubleSince;
};

} // namespace fbm
