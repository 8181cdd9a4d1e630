#pragma once

#include "activity.h"
#include "bulk/script.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace fbm::demo::bulk {

class ServedFiles;
class ServerFlavor;
class StorageOrigin;

/// application/fhir+json;charset=utf-8, the type of every FHIR resource the server sends.
[[nodiscard]] QByteArray fhirJson();

/// An answer before it goes out: the server adds Date and Content-Length.
struct Answer
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    QByteArray contentType; ///< empty: no Content-Type

    /// An OperationOutcome of one issue.
    [[nodiscard]] static Answer outcome(int status, const QString &severity, const QString &code,
                                        const QString &diagnostics, HeaderList headers = {});
};

/// One export job at run time.
struct Job
{
    JobInfo info;
    Script script; ///< as it was at the kick-off; its queues are consumed as the job goes
    const ServerFlavor *flavor = nullptr;
    int normalPolls = 0;     ///< 202 answers given so far (scripted queue answers excluded)
    int manifestsServed = 0; ///< 200 answers of the status URL so far (each signs its links)
    QByteArray reuseKey;     ///< what makes a kick-off identical to this one's
};

/// The script's Retry-After, or its flavor's; empty: none.
[[nodiscard]] QByteArray retryAfter(const Script &script);

/// The answer to a kick-off when the script refuses it (kickoffStatus other than 202, for the
/// first kickoffRefusals kick-offs, or all when negative), counting it in \a refusedSoFar;
/// nullopt when this kick-off is accepted.
[[nodiscard]] std::optional<Answer> scriptedKickoffRefusal(const Script &script, int *refusedSoFar);

/// The jobs the kick-offs started, and what the protocol answers about them: polls (202s, the
/// scripted queue, the manifest), manifest pages and cancelling. It owns every job's state.
class ExportJobs
{
public:
    /// files: what the manifests list; storage: where files on the other origin are.
    ExportJobs(const ServedFiles &files, const StorageOrigin &storage);

    void setBase(const QUrl &base) { m_base = base; } ///< the FHIR base, once listening

    /// A new job (id and flavor filled in from info and script) with `info.transactionTime`.
    Job &start(const Script &script, JobInfo info, const QByteArray &reuseKey);
    /// A job an identical kick-off gets again (HAPI's job reuse): not cancelled.
    [[nodiscard]] const Job *reusable(const QByteArray &reuseKey) const;

    /// A status GET: 202 with X-Progress and Retry-After, a scripted answer, or the manifest.
    [[nodiscard]] Answer poll(const QString &id, const QDateTime &now);
    /// Page 2 and later of a completed job's manifest; path for the 404's diagnostics.
    [[nodiscard]] Answer manifestPage(const QString &id, int page, const QString &path,
                                      const QDateTime &now);
    /// A DELETE of the status URL.
    [[nodiscard]] Answer cancel(const QString &id);

    [[nodiscard]] const Job *find(const QString &id) const;
    [[nodiscard]] int count() const { return int(m_jobs.size()); }
    /// The job exists, is not cancelled and its export has file index.
    [[nodiscard]] bool servable(const QString &id, int index) const;
    [[nodiscard]] QUrl statusUrl(const Job &job) const;
    [[nodiscard]] QUrl fileUrl(const Job &job, int index) const;
    /// The link number of a file request on the FHIR base ("link" in its query; 0: none).
    [[nodiscard]] static int linkOf(const QUrlQuery &query);
    /// The job signs its file links per manifest (Script::expiredLinkManifests) and \a link is
    /// one that has expired.
    [[nodiscard]] bool linkExpired(const QString &id, int link) const;

private:
    [[nodiscard]] QByteArray manifest(const Job &job, int page) const;
    [[nodiscard]] HeaderList expiresHeader(const Script &script, const QDateTime &now) const;

    const ServedFiles &m_files;
    const StorageOrigin &m_storage;
    QUrl m_base;
    QHash<QString, Job> m_jobs;
};

} // namespace fbm::demo::bulk
