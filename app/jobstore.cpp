#include "jobstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "fbm.store")

namespace fbm {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fbm::JobStore", text);
}
} // namespace

JobStore::JobStore(QString directory)
    : m_dir(std::move(directory))
{}

QString JobStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/jobs"_s;
}

QString JobStore::pathFor(const QString &id) const
{
    // Ids are UUIDs we made; anything else is refused rather than used as a path.
    QString safe;
    for (const QChar c : id) {
        if (c.isLetterOrNumber() || c == u'-')
            safe.append(c);
    }
    return m_dir + u'/' + safe + u".json"_s;
}

Error JobStore::save(const ExportJob &job) const
{
    if (!QDir().mkpath(m_dir)) {
        //: %1 is a folder
        return Error::make(Error::Kind::Io,
                           tr("Cannot create the folder %1 for the job list.").arg(m_dir));
    }
    QSaveFile file(pathFor(job.id));
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(
            Error::Kind::Io,
            //: %1 is a file, %2 the system's reason
            tr("Cannot save the job to %1: %2").arg(file.fileName(), file.errorString()));
    }
    file.write(QJsonDocument(job.toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        return Error::make(
            Error::Kind::Io,
            tr("Cannot save the job to %1: %2").arg(file.fileName(), file.errorString()));
    }
    return {};
}

void JobStore::remove(const QString &id) const
{
    QFile::remove(pathFor(id));
}

JobStore::Loaded JobStore::loadAll() const
{
    Loaded loaded;
    const QDir dir(m_dir);
    const QStringList names = dir.entryList({u"*.json"_s}, QDir::Files);
    loaded.jobs.reserve(names.size());
    for (const QString &name : names) {
        QFile f(dir.filePath(name));
        QString problem;
        if (!f.open(QIODevice::ReadOnly)) {
            problem = f.errorString();
        } else {
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
            f.close();
            if (error.error != QJsonParseError::NoError)
                problem = error.errorString();
            else if (auto job = ExportJob::fromJson(doc.object()))
                loaded.jobs.append(std::move(*job));
            else
                problem = tr("not a job this version understands");
        }
        if (problem.isEmpty())
            continue;
        dir.mkpath(u"damaged"_s);
        const QString aside =
            dir.filePath(u"damaged/"_s + name + u'.' +
                         QDateTime::currentDateTimeUtc().toString(u"yyyyMMddhhmmss"_s));
        QFile::rename(f.fileName(), aside);
        //: %1 is a file name, %2 the reason, %3 where the file was moved
        loaded.problems.append(tr("The saved job %1 could not be read (%2); it was moved to %3.")
                                   .arg(name, problem, aside));
        qCWarning(lcStore) << "damaged job file moved aside:" << aside;
    }
    std::sort(loaded.jobs.begin(), loaded.jobs.end(),
              [](const ExportJob &a, const ExportJob &b) { return a.createdAt < b.createdAt; });
    return loaded;
}

} // namespace fbm
