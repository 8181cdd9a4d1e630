#pragma once

#include <QCoreApplication>

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace fbm {

enum class FileKind
{
    Output,
    Error,
    Deleted
};

struct ManifestFile
{
    FileKind kind = FileKind::Output;
    QString type; ///< as the server wrote it (may be hostile: never a file name as is)
    QUrl url;     ///< absolute http(s), unless problem says otherwise
    std::optional<qint64> count; ///< resources in the file, when the server says
    QJsonObject extra; ///< the entry's other fields (extension, fileSize, continuesInFile…)
    /// Why this entry's file cannot be fetched (its "url" is not an HTTP(S) address), or empty.
    /// Only this file fails: the others are still saved.
    QString problem;
};

/// A completed export's manifest (Bulk Data 2.0, with what v3/v4 and real servers add).
struct Manifest
{
    Q_DECLARE_TR_FUNCTIONS(fbm::Manifest)

public:
    QDateTime transactionTime;
    QString request;
    bool requiresAccessToken = false;
    QList<ManifestFile> files; ///< output, then error, then deleted entries, in manifest order
    QJsonValue extension;      ///< object (v2/v3) or array (v4); kept for display
    QUrl nextPage;             ///< link[relation=next]
    QString message;           ///< the non-standard "message" (HAPI: nothing to export)
    QJsonObject unknown;       ///< top-level fields we do not interpret, kept for display
    QStringList warnings;      ///< tolerated oddities worth a line in the activity log

    [[nodiscard]] int count(FileKind kind) const;

    /// Parses one manifest page. Malformed input gives a precise error (which field, which entry).
    [[nodiscard]] static Result<Manifest> parse(const QByteArray &json);
    /// Appends a further page's files (link next); rejects a page that disagrees on the basics.
    void appendPage(const Manifest &page);
};

} // namespace fbm
