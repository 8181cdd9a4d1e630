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

JobStore::~JobStore()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable())
        m_writer.join();
}

void JobStore::setErrorHandler(QObject *context, std::function<void(const QString &)> handler)
{
    const std::lock_guard lock(m_mutex);
    m_errorContext = context;
    m_errorHandler = std::move(handler);
}

void JobStore::saveLater(ExportJob job)
{
    {
        const std::lock_guard lock(m_mutex);
        const QString id = job.id;
        m_pending.insert(id, std::move(job));
        if (!m_writer.joinable())
            m_writer = std::thread([this] { writerLoop(); });
    }
    m_wake.notify_one();
}

void JobStore::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_pending.isEmpty() && m_writing.isEmpty(); });
}

void JobStore::writerLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_pending.isEmpty(); });
        if (m_pending.isEmpty())
            return; // stopping, and everything is written
        auto it = m_pending.begin();
        m_writing = it.key();
        const ExportJob job = std::move(it.value());
        m_pending.erase(it);
        lock.unlock();
        const Error error = save(job);
        lock.lock();
        m_writing.clear();
        m_idle.notify_all();
        if (error.isError()) {
            qCWarning(lcStore) << "cannot save job" << job.id << error.message;
            if (m_errorContext && m_errorHandler) {
                QMetaObject::invokeMethod(
                    m_errorContext.data(),
                    [handler = m_errorHandler, message = error.message] { handler(message); },
                    Qt::QueuedConnection);
            }
        }
    }
}

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

void JobStore::remove(const QString &id)
{
    std::unique_lock lock(m_mutex);
    m_pending.remove(id);
    m_idle.wait(lock, [&] { return m_writing != id; });
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
