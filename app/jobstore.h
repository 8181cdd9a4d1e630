#pragma once

#include "exportjob.h"
#include "result.h"

#include <QStringList>

namespace fbm {

/// Jobs on disk: one JSON file per job, written atomically (QSaveFile), so a crash at any
/// moment leaves either the old or the new version. A file that cannot be read is moved aside
/// into `damaged/` with a message, never fatal.
class JobStore final
{
public:
    explicit JobStore(QString directory = defaultDirectory());

    /// `<AppDataLocation>/jobs`
    [[nodiscard]] static QString defaultDirectory();
    [[nodiscard]] QString directory() const { return m_dir; }

    [[nodiscard]] Error save(const ExportJob &job) const;
    void remove(const QString &id) const;

    struct Loaded
    {
        QList<ExportJob> jobs; ///< oldest first
        QStringList problems;  ///< translated, one per damaged file moved aside
    };
    [[nodiscard]] Loaded loadAll() const;

private:
    [[nodiscard]] QString pathFor(const QString &id) const;
    QString m_dir;
};

} // namespace fbm
