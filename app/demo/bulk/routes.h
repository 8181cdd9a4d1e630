#pragma once

#include <QString>
#include <QUrlQuery>

namespace fbm::demo::bulk {

/// What a request on the FHIR base asks for, read from its path alone (the methods are the
/// endpoints' business). Every flavor's URL shapes are known whatever the job's flavor.
struct Route
{
    enum class Kind
    {
        OutsideBase,        ///< not below /fhir
        SmartConfiguration, ///< .well-known/smart-configuration
        Metadata,
        Kickoff,      ///< $export, Patient/$export, Group/<id>/$export
        Status,       ///< any flavor's status URL
        ManifestPage, ///< jobs/<id>/manifest/<page>
        File,         ///< files/<id>/<n>.ndjson, Binary/<id>-<n>, bulk-export/files/<id>-<n>
        GroupSearch,
        GroupRead,
        Unknown,
    };
    Kind kind = Kind::Unknown;
    QString level;       ///< Kickoff: "system", "patient" or "group"
    QString groupId;     ///< Kickoff at group level, GroupRead
    QString jobId;       ///< Status (null when a poll names no job), ManifestPage, File
    int number = -1;     ///< ManifestPage: the page; File: the file index
    bool binary = false; ///< File: a Binary/<id> URL (HAPI's Binary read)
};

/// The FHIR base's path, below which every endpoint lives.
inline const QString kBasePath = QStringLiteral("/fhir");

/// path: the decoded path of the request; query: its query (a HAPI poll names its job there).
[[nodiscard]] Route route(const QString &path, const QUrlQuery &query);

} // namespace fbm::demo::bulk
