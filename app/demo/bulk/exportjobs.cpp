#include "exportjobs.h"

#include "bulk/flavors/flavor.h"
#include "bulk/kickoff.h"
#include "bulk/manifestbuilder.h"
#include "bulk/servedfiles.h"
#include "bulk/storageorigin.h"
#include "demodata.h"
#include "retrypolicy.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

namespace {

void appendRetryAfter(HeaderList &headers, const Script &s)
{
    const QByteArray ra = retryAfter(s);
    if (!ra.isEmpty())
        headers.append({"Retry-After", ra});
}

Answer unknownJob(const QString &id)
{
    return Answer::outcome(404, u"error"_s, u"not-found"_s,
                           u"Unknown or expired export job: %1"_s.arg(id));
}

} // namespace

QByteArray fhirJson()
{
    return QByteArrayLiteral("application/fhir+json;charset=utf-8");
}

Answer Answer::outcome(int status, const QString &severity, const QString &code,
                       const QString &diagnostics, HeaderList headers)
{
    return {status, std::move(headers), data::operationOutcome(severity, code, diagnostics),
            fhirJson()};
}

QByteArray retryAfter(const Script &s)
{
    if (!s.retryAfterRaw.isEmpty())
        return s.retryAfterRaw;
    if (s.retryAfterSeconds < 0)
        return {};
    if (s.retryAfterSeconds > 0)
        return QByteArray::number(s.retryAfterSeconds);
    return serverFlavor(s.flavor).retryAfter();
}

std::optional<Answer> scriptedKickoffRefusal(const Script &script, int *refusedSoFar)
{
    if (script.kickoffStatus == 202 ||
        (script.kickoffRefusals >= 0 && *refusedSoFar >= script.kickoffRefusals))
        return std::nullopt;
    ++*refusedSoFar;
    Answer a;
    a.status = script.kickoffStatus;
    a.body = script.kickoffBody.isEmpty() ? refusedKickoffBody(script.kickoffStatus)
                                          : script.kickoffBody;
    a.contentType = fhirJson();
    const QByteArray ra = retryAfter(script);
    if ((script.kickoffStatus == 429 || script.kickoffStatus == 503) && !ra.isEmpty())
        a.headers.append({"Retry-After", ra});
    return a;
}

ExportJobs::ExportJobs(const ServedFiles &files, const StorageOrigin &storage)
    : m_files(files)
    , m_storage(storage)
{}

Job &ExportJobs::start(const Script &script, JobInfo info, const QByteArray &reuseKey)
{
    Job job;
    job.script = script;
    job.flavor = &serverFlavor(script.flavor);
    job.reuseKey = reuseKey;
    job.info = std::move(info);
    job.info.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.info.flavor = script.flavor;
    return *m_jobs.insert(job.info.id, job);
}

const Job *ExportJobs::reusable(const QByteArray &reuseKey) const
{
    for (const Job &j : m_jobs) {
        if (j.reuseKey == reuseKey && !j.info.cancelled)
            return &j;
    }
    return nullptr;
}

Answer ExportJobs::poll(const QString &id, const QDateTime &now)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return unknownJob(id);
    Job &job = *it;
    ++job.info.polls;
    const auto progress = [&](bool cancelled) {
        return job.flavor->progressText(
            {job.normalPolls, job.script.pollsBeforeDone, cancelled, now});
    };

    if (job.info.removed)
        return Answer::outcome(404, u"error"_s, u"deleted"_s,
                               u"Export job %1 was removed by the client"_s.arg(id));
    if (job.info.cancelled) {
        if (!job.flavor->keepsCancelledJobs())
            return Answer::outcome(404, u"error"_s, u"deleted"_s,
                                   u"Export job %1 was cancelled"_s.arg(id));
        HeaderList h{{"X-Progress", progress(true)}};
        appendRetryAfter(h, job.script);
        return {202, h, {}, {}};
    }

    if (!job.script.pollQueue.isEmpty()) {
        const Script::PollAnswer a = job.script.pollQueue.takeFirst();
        HeaderList h;
        if (!a.retryAfter.isEmpty())
            h.append({"Retry-After", a.retryAfter});
        const QByteArray type =
            a.contentType.isEmpty() && !a.body.isEmpty() ? fhirJson() : a.contentType;
        return {a.status, h, a.body, type};
    }

    if (!job.info.completed && job.normalPolls < job.script.pollsBeforeDone) {
        HeaderList h;
        const QStringList &texts = job.script.progressTexts;
        const QByteArray text =
            texts.isEmpty() ? progress(false) : texts.at(job.normalPolls % texts.size()).toUtf8();
        if (!text.isEmpty())
            h.append({"X-Progress", text});
        appendRetryAfter(h, job.script);
        ++job.normalPolls;
        return {202, h, {}, {}};
    }

    if (job.info.completed && job.script.statusGoneAfterManifests > 0 &&
        job.manifestsServed >= job.script.statusGoneAfterManifests)
        return unknownJob(id);
    job.info.completed = true;
    ++job.manifestsServed; // its links are signed anew
    const QByteArray body =
        job.script.manifestOverride.isEmpty() ? manifest(job, 1) : job.script.manifestOverride;
    return {200, expiresHeader(job.script, now), body, "application/json"};
}

Answer ExportJobs::manifestPage(const QString &id, int page, const QString &path,
                                const QDateTime &now)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end() || !it->info.completed || it->info.cancelled || page < 2 ||
        page > qMax(1, it->script.manifestPages)) {
        return Answer::outcome(404, u"error"_s, u"not-found"_s,
                               u"No such manifest page: %1"_s.arg(path));
    }
    if (it->script.failedPageAnswers > 0) {
        --it->script.failedPageAnswers;
        return Answer::outcome(503, u"error"_s, u"transient"_s, u"Try again"_s,
                               {{"Retry-After", "0"}});
    }
    return {200, expiresHeader(it->script, now), manifest(*it, page), "application/json"};
}

Answer ExportJobs::cancel(const QString &id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return unknownJob(id);
    Job &job = *it;
    if (job.script.deleteStatus != 0) {
        return Answer::outcome(job.script.deleteStatus, u"error"_s, u"not-supported"_s,
                               u"Cancelling an export is not supported"_s);
    }
    if (job.info.completed && !job.info.cancelled && !job.info.removed &&
        job.flavor->removesFinishedJobs()) {
        job.info.removed = true;
        return Answer::outcome(202, u"information"_s, u"informational"_s,
                               u"Export %1 and its files were removed."_s.arg(id));
    }
    if (job.info.completed || job.info.cancelled) {
        // HAPI's text, two spaces included.
        return Answer::outcome(404, u"error"_s, u"not-found"_s,
                               u"Job instance <%1> was already cancelled or has completed.  "
                               "Nothing to do."_s.arg(id));
    }
    job.info.cancelled = true;
    return Answer::outcome(202, u"information"_s, u"informational"_s,
                           u"Job instance <%1> successfully cancelled."_s.arg(id));
}

const Job *ExportJobs::find(const QString &id) const
{
    const auto it = m_jobs.constFind(id);
    return it == m_jobs.constEnd() ? nullptr : &*it;
}

bool ExportJobs::servable(const QString &id, int index) const
{
    const Job *job = find(id);
    return job && !job->info.cancelled && !job->info.removed && m_files.contains(index);
}

QUrl ExportJobs::statusUrl(const Job &job) const
{
    return job.flavor->statusUrl(m_base, job.info.id);
}

QUrl ExportJobs::fileUrl(const Job &job, int index) const
{
    const int link = job.script.expiredLinkManifests > 0 ? job.manifestsServed : 0;
    if (job.script.filesOnOtherOrigin)
        return m_storage.fileUrl(job.info.id, index, link);
    QUrl url = job.flavor->fileUrl(m_base, job.info.id, index);
    if (link > 0) {
        QUrlQuery query(url);
        query.addQueryItem(u"link"_s, QString::number(link));
        url.setQuery(query);
    }
    return url;
}

int ExportJobs::linkOf(const QUrlQuery &query)
{
    return query.queryItemValue(u"link"_s).toInt();
}

bool ExportJobs::linkExpired(const QString &id, int link) const
{
    const Job *job = find(id);
    // A link without a number is not one this job signed: expired too.
    return job && job->script.expiredLinkManifests > 0 && link <= job->script.expiredLinkManifests;
}

QByteArray ExportJobs::manifest(const Job &job, int page) const
{
    const ManifestLinks links{[this, &job](int index) { return fileUrl(job, index); },
                              [this, &job](int next) {
                                  return below(
                                      m_base, u"/jobs/%1/manifest/%2"_s.arg(job.info.id).arg(next));
                              }};
    return buildManifest(job.info, job.script, m_files, links, page);
}

HeaderList ExportJobs::expiresHeader(const Script &s, const QDateTime &now) const
{
    const int seconds =
        s.expiresInSeconds > 0 ? s.expiresInSeconds : serverFlavor(s.flavor).expiresInSeconds();
    if (seconds <= 0)
        return {};
    return {{"Expires", formatHttpDate(now.addSecs(seconds))}};
}

} // namespace fbm::demo::bulk
