#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

/// What the simulated bulk server serves and how it behaves: the values the app, the command
/// line and the tests hand to BulkServer.
namespace fbm::demo {

/// Which real server the simulation imitates: URL shapes, headers and quirks.
enum class Flavor
{
    /// The HL7 specification as written. Status URL <base>/jobs/<id>/status, files
    /// <base>/files/<id>/<n>.ndjson, X-Progress "<p>% complete".
    Standard,
    /// HAPI FHIR. Status URL <base>/$export-poll-status?_jobId=<id>, files <base>/Binary/<fileid>,
    /// X-Progress "Build in progress - Status set to IN_PROGRESS at <iso>", Retry-After 120,
    /// "error": [] always, DELETE on a finished job 404, a cancelled job keeps answering 202 with
    /// "... Status set to CANCELLED at ...".
    Hapi,
    /// Oracle Health Millennium. Status URL <base>/bulk-export/jobs/<id>, X-Progress
    /// "in-progress", Retry-After 600, Expires on the 200; files <base>/bulk-export/files/<id>
    /// answer 307 to the storage origin (fileOrigin()), which refuses an Authorization header.
    Oracle,
    /// Danish eHealth (HAPI based): as Hapi, and Binary files answer a FHIR Binary resource to
    /// Accept: application/fhir+json; Expires = +2 h.
    EHealth,
};

/// One file of the export, in manifest order.
struct ServedFile
{
    QString kind = QStringLiteral("output"); ///< "output", "error" or "deleted"
    QString type;                            ///< e.g. "Patient", "OperationOutcome"
    QByteArray content; ///< NDJSON bytes, OR leave empty and set generatedLines
    /// >0: the body is generated on the fly (never held in memory) and deterministic: line i is
    /// a valid JSON resource of `type`, padded with spaces to a fixed width.
    qint64 generatedLines = 0;
    bool includeCount = true; ///< put "count" (number of lines) in the manifest entry
    bool gzip = false;        ///< serve with Content-Encoding: gzip when accepted (`content` files)
    QByteArray contentType; ///< empty: application/fhir+ndjson (e.g. application/json: mislabelled)
};

/// A file that resources of the export name as their attachment (a clinical note, a report):
/// served at <base>/Binary/<id> (with the token, as the FHIR server's Binary read: raw bytes,
/// or a Binary resource to Accept: application/fhir+json) and at <storage>/attachments/<id>
/// (without one, as an object store).
struct ServedAttachment
{
    QString id;
    QByteArray content;
    QByteArray contentType = "application/pdf";
    /// Answer the Binary resource whatever is asked for (as the eHealth servers do).
    bool asBinaryResource = false;
};

/// How the server answers the jobs kicked off after setScript().
struct Script
{
    Flavor flavor = Flavor::Standard;
    int pollsBeforeDone = 2; ///< number of 202 answers before the 200 manifest
    /// Sent on 202 as delta-seconds; -1: no Retry-After header at all. 0 means the flavor's
    /// default: "0" for Standard, 120 for Hapi/EHealth, 600 for Oracle (send retryAfterRaw "0"
    /// to get a zero there).
    int retryAfterSeconds = 0;
    QByteArray retryAfterRaw;  ///< if set, sent verbatim instead (HTTP-date, garbage, negative...)
    QStringList progressTexts; ///< X-Progress per poll (cycled); empty = flavor default; "" = none
    bool requiresAccessToken = true;
    bool requiresAccessTokenAsString = false; ///< send "requiresAccessToken": "true" (Soarian)
    // kick-off
    int kickoffStatus =
        202; ///< anything else: answered with kickoffBody (default an OperationOutcome)
    QByteArray kickoffBody;
    /// With kickoffStatus other than 202: only the first this many kick-offs are answered so,
    /// the next ones start the export (-1: all of them), as a server past its restart does.
    int kickoffRefusals = -1;
    bool omitContentLocation = false;
    bool relativeContentLocation = false; ///< Content-Location as an absolute path, no origin
    /// HAPI's job reuse: an identical kick-off without "Cache-Control: no-cache" answers the
    /// existing job's status URL instead of starting a new job (off unless asked for).
    bool reuseIdenticalJobs = false;
    int kickoffDelayMs = 0; ///< answer the kick-off only after this long (the job exists at once)
    /// Non-zero: every DELETE answers this status with an OperationOutcome and
    /// cancels nothing (405 or 501 where the server does not offer cancelling).
    int deleteStatus = 0;
    // polls: a queue of scripted answers consumed before the normal behaviour, one per poll
    struct PollAnswer
    {
        int status;
        QByteArray body;
        QByteArray contentType; ///< empty with a body: application/fhir+json
        QByteArray retryAfter;  ///< empty: no Retry-After header
    };
    QList<PollAnswer>
        pollQueue; ///< e.g. {429,"","","1"}, {503, <transient OO>, "application/fhir+json", ""}
    // manifest
    bool emptyWithMessage =
        false; ///< 200 with output:[] error:[] and "message": "Export complete, but no data ..."
    QByteArray manifestOverride; ///< if set, the 200 body is exactly this (malformed manifests,
                                 ///< hostile ones)
    int expiresInSeconds =
        0; ///< >0: Expires header on the 200 (Oracle: 30 days, EHealth: 2 h by default)
    bool filesOnOtherOrigin =
        false; ///< file URLs point at the storage origin directly (no redirect)
    /// List only the output/deleted files whose type the kick-off's _type asked for (the
    /// spec's SHALL). Off by default so that a test's files are all listed whatever it sends;
    /// the demo mode wants it on. Error files are always listed.
    bool honourTypeParameter = false;
    /// >1: split output over pages linked with link[{relation:"next",url}]; the pages after the
    /// first live at <base>/jobs/<id>/manifest/<page>.
    int manifestPages = 1;
    int failedPageAnswers = 0; ///< the first this many requests for pages after the first: 503
    // links that expire
    /// >0: file links are signed per manifest, as an object store's pre-signed URLs are: each
    /// manifest the job serves (a status request after the export completed serves it again)
    /// gives links of its own (a "link" number in the query), and the links of the first this
    /// many manifests have expired: the FHIR base answers them 410 Gone, the storage origin 403
    /// "Request has expired" as S3 does. 0: links carry no number and never expire.
    int expiredLinkManifests = 0;
    /// >0: once the job has served this many manifests its status URL answers 404 (the server
    /// removed the export, as HAPI does after its retention); its file links answer as before.
    int statusGoneAfterManifests = 0;
};

/// What a kick-off asked for, as the server understood it.
struct JobInfo
{
    QString id;
    QByteArray method; ///< GET or POST
    QString level;     ///< "system", "patient" or "group"
    QString groupId;   ///< for level "group"
    QUrl requestUrl;   ///< the kick-off URL, as the manifest's "request"
    QDateTime transactionTime;
    /// Parameter name and value, in order: GET query items (decoded) or the Parameters
    /// body (valueString/valueInstant/valueCode as is, valueReference its reference,
    /// valueCoding "system|code", valueBoolean "true"/"false").
    QList<QPair<QString, QString>> parameters;
    Flavor flavor = Flavor::Standard;
    bool cancelled = false;
    bool completed = false; ///< the 200 manifest was served
    bool removed = false;   ///< deleted by the client once completed: status and files are gone
    int polls = 0;          ///< status GETs answered for this job (all kinds)
};

} // namespace fbm::demo
