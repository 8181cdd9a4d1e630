#include "savedfiles.h"

#include <QDir>
#include <QFileInfo>

namespace fbm {

QList<LostFile> SavedFiles::markLost(ExportJob &job, bool afterReboot)
{
    // The server may still have the files of a job that was saved or stopped by an error; not
    // those of an expired or cancelled one, nor those it was told it may remove.
    const bool canFetch = job.state != JobState::Expired && job.state != JobState::Cancelled &&
                          !job.removedFromServerAt.isValid();
    QList<LostFile> lost;
    for (int i = 0; i < job.files.size(); ++i) {
        ExportFile &f = job.files[i];
        if (f.state != FileState::Saved)
            continue;
        const QFileInfo info(QDir(job.outDir).filePath(f.relativePath));
        const bool missing = !info.exists();
        const bool changedOnDisk =
            !missing &&
            (info.size() != f.bytes || (!afterReboot && f.modifiedMs != 0 &&
                                        info.lastModified().toMSecsSinceEpoch() != f.modifiedMs));
        if (!missing && !changedOnDisk)
            continue;
        LostFile l{i, missing, {}};
        f.bytes = 0;
        f.lines = 0;
        f.modifiedMs = 0;
        if (canFetch) {
            setFileState(f, FileState::Pending);
            f.attempts = 0;
            f.fetchAgain = !missing;
            //: %1 is a file name
            l.note = afterReboot ? tr("%1 was not complete on the disk after the computer "
                                      "restarted (it had not been written to the disk yet); "
                                      "it is downloaded again.")
                                       .arg(f.relativePath)
                                 : tr("%1 is no longer in the folder as it was saved (deleted, "
                                      "moved or changed since); it is downloaded again.")
                                       .arg(f.relativePath);
        } else {
            setFileState(f, FileState::Failed);
            f.error = afterReboot ? tr("Not complete on the disk after the computer restarted.")
                                  : tr("No longer in the folder as it was saved, and the "
                                       "server no longer has the export: a new export is "
                                       "needed.");
        }
        lost.append(l);
    }
    return lost;
}

} // namespace fbm
