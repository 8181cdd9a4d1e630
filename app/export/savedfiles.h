#pragma once

#include "exportjob.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace fbm {

/// A saved file that is no longer on the disk as it was saved.
struct LostFile
{
    int index = 0;
    bool missing = false; ///< gone; otherwise changed (its size, or its time)
    QString note;         ///< for the activity log when it is fetched again (translated)
};

/// The files a job saved, checked against the disk.
class SavedFiles
{
    Q_DECLARE_TR_FUNCTIONS(fbm::SavedFiles)

public:
    /// Marks the saved files of \a job that are no longer on the disk as they were saved: to be
    /// fetched again (Pending) while the server may still have them (a job that was saved or
    /// stopped by an error), otherwise Failed with the reason. After a reboot only a short
    /// file is suspect (the disk had not written all of it yet); otherwise a file deleted,
    /// moved or changed since (size or time) is.
    static QList<LostFile> markLost(ExportJob &job, bool afterReboot);
};

} // namespace fbm
