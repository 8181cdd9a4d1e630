#pragma once

#include "exportjob.h"
#include "jobmanager.h"

namespace fbm {

/**
 * Starting an ended export again (Run again): the same request to the same server, as a whole
 * or as "changes since this one" (_since = the transaction time of its manifest, the instant the
 * server's data was taken at), with the same download setting, into a new folder beside the old
 * one by the ExportFolder rule. The old row and its files stay as they are.
 */
class RunAgain
{
public:
    /// Saved, Failed, Cancelled or Expired.
    [[nodiscard]] static bool possible(const ExportJob &job);
    /// possible() and the server gave the export's transaction time (its manifest came).
    [[nodiscard]] static bool changesSincePossible(const ExportJob &job);

    /// What to start: @p job's request, with _since its transaction time when
    /// @p changesSince (else its own _since, if it had one); its profile, server name and
    /// download setting; a folder of its own beside @p job's folder (ExportFolder::forExport()
    /// at @p manager's clock, past its jobs' folders).
    [[nodiscard]] static std::pair<ExportRequest, JobOptions>
    plan(const ExportJob &job, bool changesSince, const JobManager *manager);

    /// After a kick-off refused as asked (400/422): the request to send instead, in the same
    /// job (JobManager::retryAs()). Leniently first, as that keeps what the user asked for;
    /// when it was lenient already, without the first parameter the server named. Nothing for a
    /// request without parameters.
    struct Changed
    {
        ExportRequest request;
        QString without; ///< the parameter left out; empty: the same request, leniently
    };
    [[nodiscard]] static std::optional<Changed> afterRefusal(const ExportJob &job);
};

} // namespace fbm
