#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace fbm {

/// One writer per export folder. Two jobs saving into one folder would write the same
/// <Type>.<n>.ndjson files, and each its own manifest.json. A folder is known by its canonical
/// path (a symbolic link or "a/../b" names the same folder), and held by a lock file inside
/// it, with an flock(): every process of the user finds it there, with or without
/// XDG_RUNTIME_DIR (cron and systemd timers have none), and the kernel lets go of it however
/// the process ends.
class FolderLocks
{
    Q_DECLARE_TR_FUNCTIONS(fbm::FolderLocks)

public:
    FolderLocks();
    ~FolderLocks();
    Q_DISABLE_COPY_MOVE(FolderLocks)

    /// Takes \a folder for \a owner for as long as it may write there: no other owner, here or
    /// in another window or command, saves into it meanwhile. The folder is created and tried
    /// for writing first. Returns why not (translated), or an empty string; taking a folder
    /// the owner already holds succeeds.
    [[nodiscard]] QString claim(const QString &owner, const QString &folder);
    /// Lets go of every folder \a owner holds. A folder claim() created, and the parents it
    /// created for it, are removed again when nothing was saved in them (a cancelled or failed
    /// export leaves no empty folder behind); a folder that was there before always stays.
    /// With \a dropLoneLog, a created folder that holds nothing but the export's log.ndjson
    /// counts as empty (a cancelled export).
    void release(const QString &owner, bool dropLoneLog = false);

    /// The lock file of \a folder (inside it, by its canonical path when it exists).
    [[nodiscard]] static QString lockPath(const QString &folder);
    /// The folder's canonical path when it exists, else its clean absolute path.
    [[nodiscard]] static QString canonical(const QString &folder);

private:
    /// Removes the folders of \a created (the deepest first) while they are empty.
    static void removeEmpty(const QStringList &created);

    class Lock;
    struct Claim
    {
        QString owner;
        std::shared_ptr<Lock> lock; ///< null when no lock file could be made
        QStringList created;        ///< the folders claim() made, the deepest first
    };
    QHash<QString, Claim> m_claims; ///< by canonical folder
};

} // namespace fbm
