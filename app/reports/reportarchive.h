#pragma once

#include "reportdownloader.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace fbm {

/// What the report page says after saving, extracting or opening reports, and what it offers
/// to do next. QtCore only: the page turns it into its message bar.
struct ArchiveNotice
{
    enum class Kind
    {
        Information,
        Warning,
        Error,
    };
    enum class Next
    {
        Nothing,
        Open,       ///< open path (a saved report)
        Extract,    ///< extract the saved ZIP report
        ShowFolder, ///< open path (a folder)
    };

    Kind kind = Kind::Information;
    QString text;
    Next next = Next::Nothing;
    QString path;
};

/// The reports of one reporting server on this computer: which folder they are saved in, where
/// a job's report was saved, whether and where it can be extracted, and what to tell the user
/// about a download, a batch of downloads or an extraction. The page asks the user and shows
/// the answers; the decisions are here, tested without widgets.
class ReportArchive
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ReportArchive)
public:
    /// The folder reports are saved in: the one remembered for the profile, else the profile's
    /// export folder, else the user's Downloads when it exists, else home.
    [[nodiscard]] static QString folderFor(const QString &remembered, const QString &profileFolder);
    /// The folder a report is unpacked into when the user chose `chosen`: a folder of its own
    /// named after the report, so that one report's files do not mix with others'.
    [[nodiscard]] static QString extractionFolder(const QString &chosen, const QString &reportPath);
    /// Whether the saved report is a ZIP that can be extracted.
    [[nodiscard]] static bool canExtract(const QString &reportPath);

    /// Notes where a download put its report (saved now or found saved before).
    void remember(const ReportDownload &result);
    /// Where the job's report is saved: where a download of this session put it, else the file
    /// a download into folder would have written, when it is there. Empty: not saved.
    [[nodiscard]] QString savedPath(const ReportJob &job, const QString &folder) const;

    /// After one report's download.
    [[nodiscard]] static ArchiveNotice downloaded(const ReportDownload &result);
    /// After "Download all finished" into folder.
    [[nodiscard]] static ArchiveNotice batchFinished(const QList<ReportDownload> &results,
                                                     const QString &folder);
    /// Unpacks the saved ZIP report into folder and says how it went.
    [[nodiscard]] static ArchiveNotice extract(const QString &reportPath, const QString &folder);

private:
    QHash<QString, QString> m_savedPaths; ///< job key -> report file saved in this session
};

} // namespace fbm
