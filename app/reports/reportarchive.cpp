#include "reportarchive.h"

#include "zipreader.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

namespace fbm {

QString ReportArchive::folderFor(const QString &remembered, const QString &profileFolder)
{
    QString folder = remembered;
    if (folder.isEmpty())
        folder = profileFolder;
    // The Downloads folder only when it exists: a file dialog told to start in a folder that
    // is not there starts in the program's working directory instead (the re-walk of the
    // walkthrough saved a report's status into the source tree), and Choose stays greyed.
    if (folder.isEmpty()) {
        const QString downloads =
            QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        if (!downloads.isEmpty() && QFileInfo(downloads).isDir())
            folder = downloads;
    }
    if (folder.isEmpty())
        folder = QDir::homePath();
    return folder;
}

QString ReportArchive::extractionFolder(const QString &chosen, const QString &reportPath)
{
    return chosen.isEmpty() ? QString()
                            : QDir(chosen).filePath(QFileInfo(reportPath).completeBaseName());
}

bool ReportArchive::canExtract(const QString &reportPath)
{
    return !reportPath.isEmpty() && ZipReader::looksLikeZip(reportPath);
}

void ReportArchive::remember(const ReportDownload &result)
{
    if (result.outcome == ReportDownload::Outcome::Saved ||
        result.outcome == ReportDownload::Outcome::AlreadySaved)
        m_savedPaths.insert(result.jobKey, result.filePath);
}

QString ReportArchive::savedPath(const ReportJob &job, const QString &folder) const
{
    const QString known = m_savedPaths.value(job.key());
    if (!known.isEmpty() && QFileInfo(known).isFile())
        return known;
    return ReportDownloader::savedReportPath(job, folder);
}

ArchiveNotice ReportArchive::downloaded(const ReportDownload &result)
{
    const QString name = !result.title.isEmpty()    ? result.title
                         : !result.report.isEmpty() ? result.report
                                                    : tr("The report");
    switch (result.outcome) {
    case ReportDownload::Outcome::Saved:
    case ReportDownload::Outcome::AlreadySaved: {
        const QString path = result.filePath;
        //: %1 a report's name, %2 a file path, %3 a size such as "12 KiB"
        const QString text = tr("%1 was saved as %2 (%3).")
                                 .arg(name, QDir::toNativeSeparators(path),
                                      QLocale().formattedDataSize(result.bytes));
        return {ArchiveNotice::Kind::Information, text,
                canExtract(path) ? ArchiveNotice::Next::Extract : ArchiveNotice::Next::Open, path};
    }
    case ReportDownload::Outcome::NotGenerated:
        //: %1 a report's name
        return {ArchiveNotice::Kind::Warning,
                tr("%1 is not generated yet: the server sent its \"NOT GENERATED YET\" "
                   "placeholder, so nothing was saved. Try again later.")
                    .arg(name),
                ArchiveNotice::Next::Nothing,
                {}};
    case ReportDownload::Outcome::Failed:
        break;
    }
    return {ArchiveNotice::Kind::Error, result.error.message, ArchiveNotice::Next::Nothing, {}};
}

ArchiveNotice ReportArchive::batchFinished(const QList<ReportDownload> &results,
                                           const QString &folder)
{
    int saved = 0;
    int skipped = 0;
    int notGenerated = 0;
    QStringList failures;
    for (const ReportDownload &r : results) {
        switch (r.outcome) {
        case ReportDownload::Outcome::Saved:
            ++saved;
            break;
        case ReportDownload::Outcome::AlreadySaved:
            ++skipped;
            break;
        case ReportDownload::Outcome::NotGenerated:
            ++notGenerated;
            break;
        case ReportDownload::Outcome::Failed:
            failures << r.error.message;
            break;
        }
    }
    QStringList sentences;
    //: %n reports, %1 a folder
    sentences
        << tr("%n report(s) saved in %1.", nullptr, saved).arg(QDir::toNativeSeparators(folder));
    if (skipped > 0)
        sentences << tr("%n already saved, skipped.", nullptr, skipped);
    if (notGenerated > 0)
        sentences << tr("%n not generated yet.", nullptr, notGenerated);
    if (!failures.isEmpty()) {
        sentences << tr("%n failed:", nullptr, int(failures.size()));
        sentences << failures;
    }
    const ArchiveNotice::Kind kind =
        failures.isEmpty()
            ? (notGenerated > 0 ? ArchiveNotice::Kind::Warning : ArchiveNotice::Kind::Information)
            : ArchiveNotice::Kind::Error;
    return {kind, sentences.join(u'\n'), ArchiveNotice::Next::ShowFolder, folder};
}

ArchiveNotice ReportArchive::extract(const QString &reportPath, const QString &folder)
{
    ZipReader zip;
    if (const Error e = zip.open(reportPath))
        return {ArchiveNotice::Kind::Error, e.message, ArchiveNotice::Next::Nothing, {}};
    const auto result = zip.extractAll(folder);
    if (!result.ok())
        return {
            ArchiveNotice::Kind::Error, result.error().message, ArchiveNotice::Next::Nothing, {}};
    //: %n files, %1 a folder
    QString text = tr("%n file(s) extracted to %1.", nullptr, int(result->written.size()))
                       .arg(QDir::toNativeSeparators(folder));
    ArchiveNotice::Kind kind = ArchiveNotice::Kind::Information;
    if (!result->isComplete()) {
        text += u'\n' + result->skipped.join(u'\n');
        kind = ArchiveNotice::Kind::Warning;
    }
    return {kind, text, ArchiveNotice::Next::ShowFolder, folder};
}

} // namespace fbm
