#include "jobrestore.h"

#include "clock.h"
#include "exportjob.h"
#include "folderlocks.h"
#include "jobhost.h"

namespace fbm {

JobRestore::JobRestore(JobHost *host, FolderLocks *folders, Actions actions)
    : m_host(host)
    , m_folders(folders)
    , m_actions(std::move(actions))
{}

void JobRestore::resume(ExportJob &job)
{
    const QString id = job.id;
    const auto downloadsPending = [&job] {
        for (ExportFile &f : job.files) {
            if (f.state == FileState::Downloading)
                setFileState(f, FileState::Pending);
        }
    };
    if (job.state != JobState::Starting && !job.isTerminal()) {
        if (const QString why = m_folders->claim(id, job.outDir); !why.isEmpty()) {
            downloadsPending();
            //: %1 is why the folder cannot be used
            job.lastError = tr("%1 Choose Retry when it can be used again.").arg(why);
            m_host->changed(id, JobField::Error);
            m_host->setState(id, JobState::Failed);
            return;
        }
    }
    switch (job.state) {
    case JobState::Starting:
        // We cannot know whether the server received the kick-off; starting again is the
        // user's decision, not ours.
        job.lastError = tr("The application stopped while this export was being started. "
                           "Choose Retry to start it again.");
        m_host->changed(id, JobField::Error);
        m_host->setState(id, JobState::Failed);
        break;
    case JobState::Running:
        m_actions.schedulePoll(id, qMax<qint64>(0, m_host->clock()->now().msecsTo(job.nextPollAt)));
        break;
    case JobState::Downloading:
        downloadsPending();
        m_actions.queueDownloads(id);
        break;
    case JobState::Completed:
        if (job.autoDownload) {
            m_host->setState(id, JobState::Downloading);
            m_actions.queueDownloads(id);
        }
        break;
    default:
        break;
    }
}

} // namespace fbm
