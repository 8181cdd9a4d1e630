#include "jobcompletion.h"

#include "jobhost.h"
#include "savedfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

JobCompletion::JobCompletion(JobHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

JobCompletion::~JobCompletion() = default;

QString JobCompletion::currentBootId()
{
    QFile f(u"/proc/sys/kernel/random/boot_id"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().trimmed());
}

QString JobCompletion::writeManifest(const QString &id)
{
    const ExportJob *j = m_host->mutableJob(id);
    if (!QDir().mkpath(j->outDir))
        return tr("Cannot create the folder %1.").arg(j->outDir);
    QSaveFile f(QDir(j->outDir).filePath(u"manifest.json"_s));
    if (!f.open(QIODevice::WriteOnly) || f.write(j->manifestJson) != j->manifestJson.size() ||
        !f.commit())
        //: %1 is a file, %2 the reason
        return tr("Cannot write %1: %2").arg(f.fileName(), f.errorString());
    return {};
}

void JobCompletion::fileDone(const QString &id, int index)
{
    ExportJob *j = m_host->mutableJob(id);
    if (!j || index >= j->files.size())
        return;
    if (j->files.at(index).state == FileState::Saved) {
        j->unsyncedBootId = m_bootId;
        // Saved within half a minute (or with the job's next save, at the latest when the last
        // file is in): a job of thousands of small files was rewritten twice a second while
        // they came in. A crash before the save is safe: the download queue recognises a
        // renamed, verified file the store does not know yet.
        m_host->changedLazily(id, JobField::Files);
    }
    Q_EMIT fileFinished(id, index);
    checkDownloadsDone(id);
}

void JobCompletion::checkDownloadsDone(const QString &id)
{
    ExportJob *j = m_host->mutableJob(id);
    if (!j || j->state != JobState::Downloading)
        return;
    // From the end: files are started in order, so while any is left, one near the end is (a
    // scan from the front passed every saved file, for each file of thousands).
    const auto unfinished = [](const ExportFile &f) {
        return f.state == FileState::Pending || f.state == FileState::Downloading;
    };
    if (std::any_of(j->files.crbegin(), j->files.crend(), unfinished))
        return;
    QStringList lost;
    for (const ExportFile &f : std::as_const(j->files)) {
        if (f.state == FileState::Failed && f.gone)
            lost.append(f.relativePath);
    }
    if (!lost.isEmpty()) {
        // The server removed the export: a Retry could not bring those files back.
        constexpr int kNamed = 5;
        QString names = lost.mid(0, kNamed).join(u", "_s);
        if (lost.size() > kNamed)
            //: %1 is a list of file names, %n the number of files not named
            names = tr("%1 and %n more", nullptr, int(lost.size()) - kNamed).arg(names);
        //: %n is the number of files, %1 their names
        j->lastError = tr("%n file(s) could not be fetched before the server removed them: %1. "
                          "Start a new export to get them.",
                          nullptr, int(lost.size()))
                           .arg(names);
        m_host->changed(id, JobField::Error);
        m_host->setState(id, JobState::Expired);
        return;
    }
    const auto failed =
        int(std::count_if(j->files.cbegin(), j->files.cend(),
                          [](const ExportFile &f) { return f.state == FileState::Failed; }));
    if (failed == 0) {
        // The manifest belongs with the files (written when it came; again if that failed).
        if (!QFileInfo::exists(QDir(j->outDir).filePath(u"manifest.json"_s))) {
            if (const QString why = writeManifest(id); !why.isEmpty()) {
                m_host->fail(id, why);
                return;
            }
        }
        Q_EMIT allFilesSaved(id);
        return;
    }
    //: %n is the number of files that could not be saved
    m_host->fail(
        id, tr("%n file(s) could not be saved. Choose Retry to try them again.", nullptr, failed));
}

void JobCompletion::checkAfterRestore(const ExportJob &job)
{
    if (job.unsyncedBootId.isEmpty() || job.unsyncedBootId == m_bootId)
        return;
    const QString id = job.id;
    recheckSavedFiles(id, true);
    m_host->mutableJob(id)->unsyncedBootId.clear();
    m_host->changed(id, JobField::Files, true);
}

int JobCompletion::recheckSavedFiles(const QString &id, bool afterReboot)
{
    ExportJob *j = m_host->mutableJob(id);
    if (!j)
        return 0;
    const QList<LostFile> lost = SavedFiles::markLost(*j, afterReboot);
    for (const LostFile &l : lost) {
        if (!l.note.isEmpty())
            m_host->note(id, l.note);
        Q_EMIT savedFileLost(id, l.index, l.missing);
    }
    if (!lost.isEmpty()) {
        if (j->state == JobState::Saved &&
            j->files.at(lost.first().index).state == FileState::Pending) {
            m_host->setState(id, JobState::Downloading); // the caller queues the downloads
        } else if (j->state == JobState::Saved) {
            //: %n is the number of files
            j->lastError = tr("%n file(s) are no longer in the folder as they were saved, and the "
                              "server has removed the export: a new export is needed.",
                              nullptr, int(lost.size()));
            m_host->changed(id, JobField::Error);
            m_host->setState(id, JobState::Expired);
        }
        m_host->changed(id, JobField::Files, true);
    }
    return int(lost.size());
}

} // namespace fbm
