#pragma once

#include "exportjob.h"

namespace fbm::ExportHistory {

/**
 * Whether @p earlier can be continued from by an export of @p like for @p profileId ("changes
 * since my last export", `--since auto`): it was Saved (every file; a failed or unsaved export
 * left data out), has the server's transaction time, is of the same profile, and covers the
 * same data as @p like. With a profile id the server is the profile's, whatever its address
 * was then (the demo server gets a new port at each start); without one, @p like's address.
 */
[[nodiscard]] bool canContinueFrom(const ExportJob &earlier, const QString &profileId,
                                   const ExportRequest &like);

/// The newest of @p jobs (any container of ExportJob) that canContinueFrom(), or null.
template<typename Jobs>
[[nodiscard]] const ExportJob *lastComplete(const Jobs &jobs, const QString &profileId,
                                            const ExportRequest &like)
{
    const ExportJob *best = nullptr;
    for (const ExportJob &j : jobs) {
        if (canContinueFrom(j, profileId, like) &&
            (!best || j.transactionTime > best->transactionTime))
            best = &j;
    }
    return best;
}

} // namespace fbm::ExportHistory
