#include "exportrun.h"

#include "bulkprotocol.h"
#include "clock.h"
#include "exportlog.h"
#include "httpclient.h"
#include "jobhost.h"
#include "redact.h"
#include "retrypolicy.h"
#include "scheduler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {
// HAPI (and the eHealth servers built on it) keep files for 2 hours unless configured otherwise.
constexpr qint64 kHapiRetentionSecs = 2 * 3600;
constexpr int kThrottleWarning = 5;

QJsonValue statusCode(const HttpResponse &r)
{
    return r.status > 0 ? QJsonValue(r.status) : QJsonValue(QJsonValue::Null);
}

/// status_error's and a refused kick-off's account of an answer (no request header, so no
/// Authorization; response headers that may carry a credential dropped).
QJsonObject errorDetail(const HttpResponse &r, const QString &message)
{
    QJsonObject d;
    d.insert("body"_L1, ExportLog::body(r.body));
    d.insert("code"_L1, statusCode(r));
    d.insert("message"_L1, message);
    d.insert("responseHeaders"_L1, ExportLog::responseHeaders(r.headers));
    return d;
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}
} // namespace

ExportRun::ExportRun(QString id, JobHost *host, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_host(host)
{}

QDateTime ExportRun::now() const
{
    return m_host->clock()->now();
}

void ExportRun::send(HttpCall call, Handler handler,
                     std::function<void(HttpClient *, const HttpResponse &)> stale)
{
    const ExportJob *j = m_host->mutableJob(m_id);
    call.log = m_host->logger(m_id);
    m_requestInFlight = true;
    // An answer that arrives after a cancel, a retry or a removal belongs to the past: dropped,
    // or left to the stale handler. Delivered in the parent's context, so that a run removed
    // meanwhile still hands its answer to the stale handler.
    const quint64 generation = m_generation;
    const QPointer<HttpClient> client = m_host->clientFor(*j);
    const QPointer<ExportRun> self(this);
    client->send(
        call, parent(),
        [self, generation, handler, client, stale = std::move(stale)](const HttpResponse &r) {
            if (!self || !self->m_host->mutableJob(self->m_id) ||
                self->m_generation != generation) {
                if (stale && client)
                    stale(client, r);
                return;
            }
            self->m_requestInFlight = false;
            (self.data()->*handler)(r);
        });
}

void ExportRun::restart()
{
    ++m_generation;
    m_backoffStep = 0;
    m_requestInFlight = false;
}

void ExportRun::stop()
{
    ++m_generation; // an answer still on its way is ignored
    m_requestInFlight = false;
    m_host->scheduler()->cancel(DueKey::poll(m_id));
    m_host->scheduler()->cancel(DueKey::linkRefresh(m_id));
    m_refresh.clear();
    m_refreshFailures = 0;
}

// --- kick-off -------------------------------------------------------------------------------

void ExportRun::kickOff()
{
    const ExportJob *j = m_host->mutableJob(m_id);
    if (!j)
        return;
    const QUrl kickoffUrl = j->kickoffUrl;
    JobHost *host = m_host;
    const QString id = m_id;
    send(BulkProtocol::kickoff(j->request, kickoffUrl), &ExportRun::onKickoff,
         [host, id, kickoffUrl](HttpClient *client, const HttpResponse &r) {
             // Cancelled or removed while the kick-off was on its way, and the server started
             // the export anyway: nobody follows it, so ask the server to delete it (Oracle
             // allows one export at a time, HAPI keeps its files for hours).
             const QUrl status = BulkProtocol::statusUrlOf(r, kickoffUrl);
             if (r.error.isError() || r.status != 202 || status.isEmpty())
                 return;
             if (host->mutableJob(id))
                 host->note(id, tr("The server had started the export before it was cancelled; "
                                   "it is asked to delete it."));
             HttpCall del = BulkProtocol::cancel(status);
             del.log = host->logger(id);
             client->send(del, client, [](const HttpResponse &) {});
         });
}

void ExportRun::onKickoff(const HttpResponse &r)
{
    ExportJob *j = m_host->mutableJob(m_id);
    const BulkProtocol::Kickoff k = BulkProtocol::classifyKickoff(r, j->kickoffUrl, now());
    // The kick-off row is written once the answer is in: accepted, its exportId is the status
    // URL, which a resume uses again; refused, the kick-off URL.
    QJsonObject kickoff;
    kickoff.insert("exportUrl"_L1, redactUrl(j->kickoffUrl).toString());
    kickoff.insert("requestParameters"_L1, ExportLog::requestParameters(j->request));
    if (!k.accepted && k.transient && keepTrying()) {
        // Not a refusal yet: the server (or the way to it) says its trouble may pass. The log
        // gets one kickoff row, for the answer that decides.
        //: %1 is what went wrong
        m_host->note(m_id, tr("The server could not start the export now; trying again. %1")
                               .arg(m_host->clientFor(*j)->redact(k.error)));
        scheduleRetry(r.error.isError() ? std::nullopt : k.retryAfterMs, k.error, true);
        return;
    }
    if (!k.accepted) {
        j->requestRefused = BulkProtocol::refusedAsAsked(r);
        j->refusedParameters = BulkProtocol::refusedParameters(j->request, r);
        kickoff.insert("errorCode"_L1, statusCode(r));
        kickoff.insert("errorBody"_L1,
                       r.body.isEmpty() ? QJsonValue(k.error) : ExportLog::body(r.body));
        kickoff.insert("responseHeaders"_L1, ExportLog::responseHeaders(r.headers));
        m_host->logEvent(m_id, u"kickoff"_s, kickoff);
        m_host->fail(m_id, k.error);
        return;
    }
    if (k.relativeLocation)
        m_host->note(m_id, tr("The server gave a relative status address; it was resolved "
                              "against the kick-off URL."));
    j->statusUrl = k.statusUrl;
    if (j->attempt != 0 || !j->lastError.isEmpty()) {
        j->attempt = 0;
        j->lastError.clear();
        m_backoffStep = 0;
        m_host->changed(m_id, JobField::Error);
    }
    m_host->logKickoff(m_id, kickoff);
    if (m_host->followedElsewhere(*j))
        // HAPI answers an identical request with the job it already runs.
        m_host->note(
            m_id,
            tr("The server answered with a job another export here already follows; it "
               "reuses identical requests. \"Start a new job even if an identical one exists\" "
               "(--no-cache) starts a new one."));
    m_host->setState(m_id, JobState::Running);
    schedulePoll(m_host->retryPolicy().nextDelayMs(0, k.retryAfterMs));
}

// --- status checks --------------------------------------------------------------------------

void ExportRun::schedulePoll(qint64 delayMs)
{
    ExportJob *j = m_host->mutableJob(m_id);
    if (!j)
        return;
    j->nextPollAt = now().addMSecs(delayMs);
    m_host->scheduler()->schedule(DueKey::poll(m_id), j->nextPollAt);
    m_host->changed(m_id, JobField::NextPoll);
}

void ExportRun::pollNow()
{
    const ExportJob *j = m_host->mutableJob(m_id);
    if (!j || j->state != JobState::Running || m_requestInFlight)
        return;
    m_host->scheduler()->cancel(DueKey::poll(m_id));
    poll();
}

void ExportRun::poll()
{
    ExportJob *j = m_host->mutableJob(m_id);
    if (j && j->state == JobState::Starting) {
        kickOff(); // a kick-off that may pass, due again
        return;
    }
    if (!j || j->state != JobState::Running)
        return;
    j->nextPollAt = {};
    m_host->changed(m_id, JobField::NextPoll);
    send(BulkProtocol::status(j->statusUrl), &ExportRun::onStatus);
}

bool ExportRun::keepTrying()
{
    const ExportJob *j = m_host->mutableJob(m_id);
    const QDateTime at = now();
    if (j->attempt == 0 || !m_troubleSince.isValid())
        m_troubleSince = at;
    // A network drop or a server's restart can take minutes; a long export should outlast them.
    return m_host->retryPolicy().keepTrying(j->attempt + 1, m_troubleSince.msecsTo(at));
}

void ExportRun::scheduleRetry(std::optional<qint64> retryAfterMs, const QString &why,
                              bool countsAsError)
{
    ExportJob *j = m_host->mutableJob(m_id);
    if (countsAsError)
        ++j->attempt;
    j->lastError = m_host->clientFor(*j)->redact(why);
    const qint64 delay = m_host->retryPolicy().nextDelayMs(retryAfterMs ? 0 : m_backoffStep,
                                                           retryAfterMs, m_host->jitter());
    if (!retryAfterMs)
        ++m_backoffStep;
    m_host->changed(m_id, JobField::Error);
    schedulePoll(delay);
}

void ExportRun::onStatus(const HttpResponse &r)
{
    using Kind = BulkProtocol::Status::Kind;
    ExportJob *j = m_host->mutableJob(m_id);
    ++j->pollCount;
    const BulkProtocol::Status s = BulkProtocol::classifyStatus(r, now());
    if (!s.unreadableRetryAfter.isEmpty())
        //: %1 is the server's Retry-After value
        m_host->note(m_id, tr("The server's Retry-After value \"%1\" is not understood; waiting "
                              "by our own schedule.")
                               .arg(QString::fromLatin1(s.unreadableRetryAfter)));
    switch (s.kind) {
    case Kind::InProgress:
    case Kind::CancelledByServer: {
        // Only a change is signalled and saved: most checks change nothing but the countdown.
        const bool hadError = j->attempt != 0 || !j->lastError.isEmpty();
        j->attempt = 0;
        m_consecutive429 = 0;
        j->lastError.clear();
        {
            QJsonObject progress;
            progress.insert("body"_L1, ExportLog::body(r.body));
            progress.insert("xProgress"_L1, QString::fromUtf8(r.header("X-Progress")));
            progress.insert("retryAfter"_L1, QString::fromUtf8(r.header("Retry-After")));
            m_host->logEvent(m_id, u"status_progress"_s, progress);
        }
        if (s.xProgress != j->progressText) {
            j->progressText = s.xProgress;
            m_host->changed(m_id, JobField::Progress);
        }
        if (s.kind == Kind::CancelledByServer) {
            m_host->note(m_id, tr("The server reports the export as cancelled."));
            m_host->setState(m_id, JobState::Cancelled);
            return;
        }
        if (!s.retryAfterMs)
            ++m_backoffStep;
        const qint64 delay = m_host->retryPolicy().nextDelayMs(
            s.retryAfterMs ? 0 : m_backoffStep - 1, s.retryAfterMs, m_host->jitter());
        if (hadError)
            m_host->changed(m_id, JobField::Error);
        schedulePoll(delay);
        return;
    }
    case Kind::Complete:
        j->attempt = 0;
        j->lastError.clear();
        m_manifest.start(j->statusUrl);
        m_pagesRead = 0;
        acceptPage(r.body, r);
        return;
    case Kind::Throttled:
        m_host->logEvent(m_id, u"status_error"_s,
                         errorDetail(r, tr("The server asked to wait before checking again.")));
        if (++m_consecutive429 == kThrottleWarning)
            //: %1 is a number
            m_host->note(
                m_id,
                tr("The server has asked to slow down %1 times in a row.").arg(kThrottleWarning));
        // Never a failure: wait as asked and go on.
        scheduleRetry(s.retryAfterMs, tr("The server asked to wait before checking again."), false);
        return;
    case Kind::Gone:
        m_host->logEvent(m_id, u"status_error"_s, errorDetail(r, s.message));
        if (j->cancelRequested) {
            m_host->setState(m_id, JobState::Cancelled);
            return;
        }
        j->lastError =
            tr("The server no longer knows this export: it has expired, was cancelled, or the "
               "status address is wrong. Files already saved are kept.");
        m_host->changed(m_id, JobField::Error);
        m_host->setState(m_id, JobState::Expired);
        return;
    case Kind::Transient:
        m_host->logEvent(m_id, u"status_error"_s, errorDetail(r, s.message));
        if (keepTrying()) {
            scheduleRetry(r.error.isError() ? std::nullopt : s.retryAfterMs, s.message, true);
            return;
        }
        m_host->fail(m_id, s.message);
        return;
    case Kind::Failed:
        m_host->logEvent(m_id, u"status_error"_s, errorDetail(r, s.message));
        m_host->fail(m_id, s.message);
        return;
    }
}

// --- the manifest ---------------------------------------------------------------------------

void ExportRun::acceptPage(const QByteArray &body, const HttpResponse &r)
{
    ExportJob *j = m_host->mutableJob(m_id);
    if (m_manifest.atFirstPage()) {
        const QDateTime expiresAt = parseHttpDate(r.header("Expires"));
        if (expiresAt.isValid())
            j->expiresAt = expiresAt;
        else if (j->statusUrl.toString().contains("$export-poll-status"_L1))
            j->expiresAt = now().addSecs(kHapiRetentionSecs);
    }
    const ManifestAssembler::Step step = m_manifest.accept(body);
    for (const QString &note : step.notes)
        m_host->note(m_id, note);
    if (step.kind != ManifestAssembler::Step::Kind::Failed) {
        ++m_pagesRead;
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        if (m_pagesRead == 1)
            m_transactionTimeText = page.value("transactionTime"_L1).toString();
        QJsonObject detail;
        detail.insert("transactionTime"_L1, page.value("transactionTime"_L1));
        detail.insert("outputFileCount"_L1, page.value("output"_L1).toArray().size());
        detail.insert("deletedFileCount"_L1, page.value("deleted"_L1).toArray().size());
        detail.insert("errorFileCount"_L1, page.value("error"_L1).toArray().size());
        m_host->logEvent(m_id, u"status_page_complete"_s, detail);
    }
    switch (step.kind) {
    case ManifestAssembler::Step::Kind::NextPage:
        fetchPage(step.next);
        return;
    case ManifestAssembler::Step::Kind::Failed:
        m_host->fail(m_id, step.error);
        return;
    case ManifestAssembler::Step::Kind::Complete:
        finishManifest();
        return;
    }
}

void ExportRun::fetchPage(const QUrl &url)
{
    send(BulkProtocol::manifestPage(url), &ExportRun::onPage);
}

void ExportRun::onPage(const HttpResponse &r)
{
    const BulkProtocol::Page page = BulkProtocol::classifyManifestPage(r, now());
    if (page.kind == BulkProtocol::Page::Kind::Ok) {
        acceptPage(r.body, r);
        return;
    }
    m_host->logEvent(m_id, u"status_error"_s, errorDetail(r, page.message));
    if (page.kind == BulkProtocol::Page::Kind::Transient &&
        m_pageFailures < m_host->retryPolicy().maxTransientErrors) {
        // The status URL gives the manifest again; its pages are read again from the first.
        ++m_pageFailures;
        scheduleRetry(page.retryAfterMs, page.message, true);
        return;
    }
    m_host->fail(m_id, page.message);
}

void ExportRun::finishManifest()
{
    ExportJob *j = m_host->mutableJob(m_id);
    const Manifest &m = m_manifest.manifest();
    j->manifestJson = m_manifest.json();
    j->transactionTime = m.transactionTime;
    j->requiresAccessToken = m.requiresAccessToken;
    j->message = m.message;
    j->completedAt = now();
    j->progressText.clear();
    QStringList notes;
    j->files = ManifestAssembler::files(m, &notes, j->gzip);
    QJsonObject done;
    // As the server wrote it, as in the pages' rows (readers parse it themselves).
    const QJsonValue transactionTime = m_transactionTimeText.isEmpty()
                                           ? timeOrNull(j->transactionTime)
                                           : QJsonValue(m_transactionTimeText);
    done.insert("transactionTime"_L1, transactionTime);
    done.insert("totalOutputFileCount"_L1, m.count(FileKind::Output));
    done.insert("totalDeletedFileCount"_L1, m.count(FileKind::Deleted));
    done.insert("totalErrorFileCount"_L1, m.count(FileKind::Error));
    done.insert("totalManifests"_L1, m_pagesRead);
    m_manifest.clear();
    for (const QString &note : std::as_const(notes))
        m_host->note(m_id, note);
    m_host->logEvent(m_id, u"manifest_complete"_s, done);
    QJsonObject complete;
    complete.insert("transactionTime"_L1, transactionTime);
    m_host->logEvent(m_id, u"status_complete"_s, complete);
    m_host->changed(m_id, JobField::Manifest | JobField::Files | JobField::Progress, true);
    m_host->setState(m_id, JobState::Completed);
    Q_EMIT manifestReady(m_id);
}

// --- fresh links for the files --------------------------------------------------------------

void ExportRun::refreshLinks()
{
    const ExportJob *j = m_host->mutableJob(m_id);
    if (!j || !j->statusUrl.isValid())
        return;
    m_host->scheduler()->cancel(DueKey::linkRefresh(m_id));
    send(BulkProtocol::status(j->statusUrl), &ExportRun::onRefreshStatus);
}

void ExportRun::onRefreshStatus(const HttpResponse &r)
{
    using Kind = BulkProtocol::Status::Kind;
    const BulkProtocol::Status s = BulkProtocol::classifyStatus(r, now());
    switch (s.kind) {
    case Kind::Complete:
        m_refresh.start(m_host->mutableJob(m_id)->statusUrl);
        m_refreshExpires = parseHttpDate(r.header("Expires"));
        acceptRefreshPage(r.body);
        return;
    case Kind::Gone:
    case Kind::CancelledByServer: {
        if (s.kind == Kind::Gone)
            m_host->logEvent(m_id, u"status_error"_s, errorDetail(r, s.message));
        FreshLinks gone;
        gone.outcome = FreshLinks::Outcome::Gone;
        deliverLinks(std::move(gone));
        return;
    }
    case Kind::InProgress:
        // A completed export does not run again; whatever the server means, it gave no links.
        refreshFailed(tr("The server reports the export as running again; it gave no new links."),
                      false, std::nullopt);
        return;
    case Kind::Throttled:
        m_host->logEvent(m_id, u"status_error"_s,
                         errorDetail(r, tr("The server asked to wait before checking again.")));
        refreshFailed(tr("The server asked to wait before checking again."), true, s.retryAfterMs,
                      false);
        return;
    case Kind::Transient:
        m_host->logEvent(m_id, u"status_error"_s, errorDetail(r, s.message));
        refreshFailed(s.message, true, r.error.isError() ? std::nullopt : s.retryAfterMs);
        return;
    case Kind::Failed:
        m_host->logEvent(m_id, u"status_error"_s, errorDetail(r, s.message));
        refreshFailed(s.message, false, std::nullopt);
        return;
    }
}

void ExportRun::acceptRefreshPage(const QByteArray &body)
{
    // Its oddities were told when the manifest first came.
    const ManifestAssembler::Step step = m_refresh.accept(body);
    switch (step.kind) {
    case ManifestAssembler::Step::Kind::NextPage:
        send(BulkProtocol::manifestPage(step.next), &ExportRun::onRefreshPage);
        return;
    case ManifestAssembler::Step::Kind::Failed:
        refreshFailed(step.error, false, std::nullopt);
        return;
    case ManifestAssembler::Step::Kind::Complete: {
        FreshLinks links;
        links.outcome = FreshLinks::Outcome::Fresh;
        QStringList notes;
        const ExportJob *j = m_host->mutableJob(m_id);
        links.files = ManifestAssembler::files(m_refresh.manifest(), &notes, j && j->gzip);
        links.transactionTime = m_refresh.manifest().transactionTime;
        links.expiresAt = m_refreshExpires;
        deliverLinks(std::move(links));
        return;
    }
    }
}

void ExportRun::onRefreshPage(const HttpResponse &r)
{
    const BulkProtocol::Page page = BulkProtocol::classifyManifestPage(r, now());
    if (page.kind == BulkProtocol::Page::Kind::Ok) {
        acceptRefreshPage(r.body);
        return;
    }
    m_host->logEvent(m_id, u"status_error"_s, errorDetail(r, page.message));
    // Tried again from the status URL, which gives the manifest from its first page.
    refreshFailed(page.message, page.kind == BulkProtocol::Page::Kind::Transient,
                  page.retryAfterMs);
}

void ExportRun::refreshFailed(const QString &message, bool transient,
                              std::optional<qint64> retryAfterMs, bool countsAsError)
{
    m_refresh.clear();
    const QDateTime at = now();
    if (transient && countsAsError && m_refreshFailures++ == 0)
        m_refreshTroubleSince = at;
    const RetryPolicy &policy = m_host->retryPolicy();
    if (transient && (!countsAsError ||
                      policy.keepTrying(m_refreshFailures, m_refreshTroubleSince.msecsTo(at)))) {
        const qint64 delay =
            policy.nextDelayMs(qMax(0, m_refreshFailures - 1), retryAfterMs, m_host->jitter());
        m_host->scheduler()->schedule(DueKey::linkRefresh(m_id), at.addMSecs(delay));
        return;
    }
    FreshLinks links;
    links.outcome = FreshLinks::Outcome::Unavailable;
    links.reason = m_host->clientFor(*m_host->mutableJob(m_id))->redact(message);
    deliverLinks(std::move(links));
}

void ExportRun::deliverLinks(FreshLinks links)
{
    m_refresh.clear();
    m_refreshFailures = 0;
    m_refreshTroubleSince = {};
    Q_EMIT freshLinks(m_id, links);
}

// --- cancel ---------------------------------------------------------------------------------

void ExportRun::requestCancel(JobState before)
{
    const ExportJob *j = m_host->mutableJob(m_id);
    HttpCall call = BulkProtocol::cancel(j->statusUrl);
    call.log = m_host->logger(m_id);
    const quint64 generation = m_generation;
    const QPointer<ExportRun> self(this);
    m_host->clientFor(*j)->send(call, this, [self, generation, before](const HttpResponse &r) {
        ExportJob *jj = self->m_host->mutableJob(self->m_id);
        if (!jj || self->m_generation != generation)
            return;
        const BulkProtocol::Cancel c = BulkProtocol::classifyCancel(r);
        using Kind = BulkProtocol::Cancel::Kind;
        if (c.kind == Kind::Cancelled) {
            self->m_host->setState(self->m_id, JobState::Cancelled);
            return;
        }
        jj->cancelRequested = false;
        if (c.kind == Kind::Gone) {
            self->m_host->note(self->m_id, tr("The server says the export had already finished "
                                              "or is unknown; checking its status."));
            if (before == JobState::Running)
                self->poll();
            else
                self->m_host->setState(self->m_id, JobState::Cancelled);
            return;
        }
        // Refused or not received: the job goes on as before the cancel, polling, or saving
        // the files the cancel stopped.
        jj->lastError = c.message;
        jj->cancelProblem = c.message;
        self->m_host->changed(self->m_id, JobField::Error | JobField::Progress);
        Q_EMIT self->cancelNotDone(self->m_id, c.message);
        if (before == JobState::Running)
            self->schedulePoll(self->m_host->retryPolicy().minDelayMs);
        else if (before == JobState::Downloading)
            Q_EMIT self->cancelRefused(self->m_id);
    });
}

} // namespace fbm
