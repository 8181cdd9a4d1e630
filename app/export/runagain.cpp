#include "runagain.h"

#include "exportfolder.h"

#include <QFileInfo>

namespace fbm {

bool RunAgain::possible(const ExportJob &job)
{
    return job.isTerminal();
}

bool RunAgain::changesSincePossible(const ExportJob &job)
{
    return possible(job) && job.transactionTime.isValid();
}

std::pair<ExportRequest, JobOptions> RunAgain::plan(const ExportJob &job, bool changesSince,
                                                    const JobManager *manager)
{
    ExportRequest request = job.request;
    if (changesSince && job.transactionTime.isValid())
        request.since = job.transactionTime;
    JobOptions options;
    options.profileId = job.profileId;
    options.serverName = job.serverName;
    options.autoDownload = job.autoDownload;
    options.keepOnServer = job.keepOnServer;
    options.gzip = job.gzip;
    options.attachments = job.attachments;
    if (!job.outDir.isEmpty())
        options.outDir =
            ExportFolder::forExport(QFileInfo(job.outDir).absolutePath(), request, manager);
    return {request, options};
}

std::optional<RunAgain::Changed> RunAgain::afterRefusal(const ExportJob &job)
{
    // A request without parameters has nothing a server could skip or do without.
    if (job.state != JobState::Failed || !job.requestRefused || job.statusUrl.isValid() ||
        job.request.parameterNames().isEmpty())
        return std::nullopt;
    if (!job.request.lenient) {
        Changed c{job.request, {}};
        c.request.lenient = true;
        return c;
    }
    if (job.refusedParameters.isEmpty())
        return std::nullopt;
    const QString name = job.refusedParameters.constFirst();
    return Changed{job.request.without(name), name};
}

} // namespace fbm
