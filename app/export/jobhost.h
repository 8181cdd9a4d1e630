#pragma once

#include "activity.h"
#include "exportjob.h"
#include "jobfields.h"

#include <QJsonObject>

#include <functional>

namespace fbm {

class Clock;
class HttpClient;
class Scheduler;
struct RetryPolicy;

/// What the parts of the engine that work on one job (ExportRun, DownloadQueue) need of the
/// registry that owns the jobs (JobManager): the job's record, and the one way each kind of
/// change is made and announced. Calls go down from the registry to the parts and come back
/// through this interface, as qBittorrent's torrents report to their session: no part includes
/// another, and none owns a job's state.
class JobHost
{
public:
    /// The job (null when it was removed): valid until jobs are added or removed.
    [[nodiscard]] virtual ExportJob *mutableJob(const QString &id) = 0;
    [[nodiscard]] virtual const Clock *clock() const = 0;
    [[nodiscard]] virtual Scheduler *scheduler() = 0;
    [[nodiscard]] virtual const RetryPolicy &retryPolicy() const = 0;
    /// A value in [-1, 1] for spreading waits (the one source of randomness).
    [[nodiscard]] virtual double jitter() = 0;
    /// The client (auth, extra headers, TLS, address rules) for the job's server.
    [[nodiscard]] virtual HttpClient *clientFor(const ExportJob &job) = 0;
    /// Where the job's HTTP exchanges are logged.
    [[nodiscard]] virtual std::function<void(const ActivityEntry &)> logger(const QString &id) = 0;
    virtual void note(const QString &id, const QString &text) = 0;
    /// Fields changed; saved as promptly as the fields need (at once with saveNow).
    virtual void changed(const QString &id, JobFields fields, bool saveNow = false) = 0;
    /// Download progress: a restart finds it again on the disk, so it is saved lazily.
    virtual void changedLazily(const QString &id, JobFields fields) = 0;
    /// The one way a job's state changes (checked against canTransition()).
    virtual void setState(const QString &id, JobState state) = 0;
    /// lastError (redacted) and the Failed state.
    virtual void fail(const QString &id, const QString &message) = 0;
    /// Whether another unfinished job here follows the same status URL (HAPI's job reuse).
    [[nodiscard]] virtual bool followedElsewhere(const ExportJob &job) const = 0;
    /// One row of the export's log.ndjson (ExportLog), the SMART event \a eventId with its
    /// \a detail, which holds no secret (the registry adds the exportId and the time, scrubs
    /// the profile's secrets once more, and never fails the export for the log).
    virtual void logEvent(const QString &id, const QString &eventId, const QJsonObject &detail) = 0;
    /// The kickoff row of an accepted kick-off: written once the server has said what software
    /// it is (ServerSoftware; the rows that come meanwhile wait behind it).
    virtual void logKickoff(const QString &id, const QJsonObject &detail) = 0;

protected:
    ~JobHost() = default;
};

} // namespace fbm
