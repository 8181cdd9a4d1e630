#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace fbm {

class FolderLocks;
class JobHost;
struct ExportJob;

/**
 * What a job found in the store at start needs to go on, by its state: a kick-off that was on
 * its way fails (whether the server received it cannot be known; starting again is the
 * user's decision), a running export is checked on at its next poll, downloads continue, a
 * manifest waiting for the user is downloaded when the job asked for that. An unfinished job
 * whose folder another program now holds fails with the reason, instead of two writers.
 */
class JobRestore
{
    Q_DECLARE_TR_FUNCTIONS(fbm::JobManager)

public:
    struct Actions
    {
        std::function<void(const QString &id, qint64 delayMs)> schedulePoll;
        std::function<void(const QString &id)> queueDownloads;
    };

    JobRestore(JobHost *host, FolderLocks *folders, Actions actions);

    /// \a job, just added to the registry from the store. The record itself, not
    /// JobHost::mutableJob(): a finished job restored from the index stays a summary.
    void resume(ExportJob &job);

private:
    JobHost *m_host;
    FolderLocks *m_folders;
    Actions m_actions;
};

} // namespace fbm
