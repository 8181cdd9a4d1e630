#include "folderlocks.h"

#include "exportlog.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace fbm {

/// An flock() on the folder's lock file, held through a read-only descriptor (a folder whose
/// disk is remounted read-only meanwhile is not kept busy by it). The kernel lets go of it
/// however the process ends, so an empty or left-over file never keeps a folder taken.
class FolderLocks::Lock
{
public:
    enum class Outcome
    {
        Taken,
        Busy,  ///< another process holds it
        Failed ///< no lock file could be made (the in-process guard still holds)
    };

    static std::unique_ptr<Lock> acquire(const QString &path, Outcome *outcome)
    {
#ifdef Q_OS_UNIX
        const QByteArray name = QFile::encodeName(path);
        // The holder removes the file when it lets go: one who opened it just before then gets
        // the lock on a file that is gone, and tries again with a new one.
        for (int attempt = 0; attempt < 5; ++attempt) {
            const int fd = ::open(name.constData(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
            if (fd < 0) {
                qCWarning(lcFolders) << "no lock file" << path << strerror(errno);
                *outcome = Outcome::Failed;
                return nullptr;
            }
            if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
                const int error = errno;
                ::close(fd);
                *outcome = error == EWOULDBLOCK ? Outcome::Busy : Outcome::Failed;
                return nullptr;
            }
            struct stat held
            {
            };
            struct stat named
            {
            };
            if (::fstat(fd, &held) == 0 && ::stat(name.constData(), &named) == 0 &&
                held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
                *outcome = Outcome::Taken;
                return std::unique_ptr<Lock>(new Lock(name, fd));
            }
            ::close(fd);
        }
#else
        Q_UNUSED(path)
#endif
        *outcome = Outcome::Failed;
        return nullptr;
    }

    ~Lock()
    {
#ifdef Q_OS_UNIX
        ::unlink(m_name.constData()); // while still held: see acquire()
        ::close(m_fd);
#endif
    }
    Q_DISABLE_COPY_MOVE(Lock)

private:
    Lock(QByteArray name, int fd)
        : m_name(std::move(name))
        , m_fd(fd)
    {}
    QByteArray m_name;
    int m_fd;
};

FolderLocks::FolderLocks() = default;
FolderLocks::~FolderLocks() = default;

QString FolderLocks::canonical(const QString &folder)
{
    const QString clean = QDir::cleanPath(QDir(folder).absolutePath());
    const QString resolved = QFileInfo(clean).canonicalFilePath();
    return resolved.isEmpty() ? clean : resolved;
}

QString FolderLocks::lockPath(const QString &folder)
{
    return QDir(canonical(folder)).filePath(u".fhir-bulk-monitor.lock"_s);
}

QString FolderLocks::claim(const QString &owner, const QString &folder)
{
    // The folders about to be made, to be removed again if nothing is ever saved in them.
    QStringList created;
    for (QString dir = QDir::cleanPath(QDir(folder).absolutePath()); !QFileInfo::exists(dir);) {
        created << dir;
        const QString parent = QFileInfo(dir).path();
        if (parent == dir)
            break;
        dir = parent;
    }
    // Found out now, not after an export of hours: a folder that cannot be made or written.
    errno = 0;
    if (!QDir().mkpath(folder)) {
        const int error = errno;
        removeEmpty(created);
        if (QFileInfo(folder).exists())
            //: %1 is a folder, %2 the reason
            return tr("Cannot create the folder %1: %2")
                .arg(folder, tr("a file of that name is in the way"));
        return error != 0 ? tr("Cannot create the folder %1: %2")
                                .arg(folder, QString::fromLocal8Bit(strerror(error)))
                          : tr("Cannot create the folder %1.").arg(folder);
    }
    const QString key = canonical(folder);
    if (const auto it = m_claims.constFind(key); it != m_claims.cend()) {
        if (it->owner == owner)
            return {};
        removeEmpty(created);
        //: %1 is a folder
        return tr("Another export is still saving into %1. Choose another folder.").arg(folder);
    }
    QTemporaryFile probe(QDir(key).filePath(u".fhir-bulk-monitor-XXXXXX"_s));
    if (!probe.open()) {
        removeEmpty(created);
        //: %1 is a folder, %2 the system's reason
        return tr("Cannot write into the folder %1: %2").arg(folder, probe.errorString());
    }
    probe.close();
    Lock::Outcome outcome = Lock::Outcome::Failed;
    std::shared_ptr<Lock> lock = Lock::acquire(lockPath(key), &outcome);
    if (outcome == Lock::Outcome::Busy)
        //: %1 is a folder
        return tr("Another export, in another window or command, is still saving into %1. "
                  "Choose another folder.")
            .arg(folder);
    m_claims.insert(key, {owner, std::move(lock), created});
    return {};
}

void FolderLocks::release(const QString &owner, bool dropLoneLog)
{
    for (auto it = m_claims.begin(); it != m_claims.end();) {
        if (it->owner == owner) {
            const QStringList created = it->created;
            it = m_claims.erase(it); // the lock file goes first: an empty folder is then empty
            if (dropLoneLog && !created.isEmpty()) {
                // The export's own folder holding nothing but its log counts as empty: the
                // log of an export that saved nothing goes with it.
                const QDir own(created.constFirst());
                const QStringList entries = own.entryList(QDir::AllEntries | QDir::Hidden |
                                                          QDir::System | QDir::NoDotAndDotDot);
                if (entries == QStringList{QString::fromLatin1(ExportLog::kFileName)})
                    QFile::remove(own.filePath(entries.constFirst()));
            }
            removeEmpty(created);
        } else {
            ++it;
        }
    }
}

void FolderLocks::removeEmpty(const QStringList &created)
{
    // rmdir() removes only an empty folder; the first that holds something keeps its parents.
    for (const QString &dir : created) {
        if (!QDir().rmdir(dir))
            break;
        qCDebug(lcFolders) << "removed the empty folder" << dir;
    }
}

} // namespace fbm
