#pragma once

#include "activity.h"
#include "exportjob.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace fbm {

/**
 * One request of an export's activity log in plain words, for the person who is not a
 * technician (walkthrough #12): "Asked how far the server is: still working" beside
 * `GET …/status 202`. It knows the job's kick-off, status and file addresses, so it can tell
 * a status check from a download and name the file. A request it cannot place gets no words
 * (the raw columns still say what it was).
 */
class ActivityWords
{
    Q_DECLARE_TR_FUNCTIONS(fbm::JobActivityModel)

public:
    ActivityWords() = default;
    explicit ActivityWords(const ExportJob &job);

    [[nodiscard]] QString describe(const ActivityEntry &entry) const;

private:
    enum class Target
    {
        Unknown,
        Kickoff,
        Status,
        ManifestPage,
        File,
        Metadata,
        Token
    };
    [[nodiscard]] Target targetOf(const ActivityEntry &entry, QString *file) const;

    QString m_kickoffPath;
    QString m_statusPath;
    QString m_statusQuery;
    QHash<QString, QString> m_files; ///< a file's URL path → its name in the folder
};

} // namespace fbm
