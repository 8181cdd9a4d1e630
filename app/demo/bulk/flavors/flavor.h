#pragma once

#include "bulk/script.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace fbm::demo::bulk {

/// Where a running job stands when its X-Progress is written.
struct Progress
{
    int poll = 0;            ///< 202 answers given before this one
    int pollsBeforeDone = 0; ///< of the job's script
    bool cancelled = false;
    QDateTime now;
};

/// What sets one real server apart (Flavor): its URL shapes, its headers and its quirks. The
/// endpoints and the jobs are the bulk server's; they ask the job's flavor only these
/// questions. Stateless: one instance per flavor (serverFlavor()).
class ServerFlavor
{
public:
    ServerFlavor() = default;
    virtual ~ServerFlavor() = default;
    Q_DISABLE_COPY_MOVE(ServerFlavor)

    /// The status URL of job `id` on the FHIR base (http://127.0.0.1:<port>/fhir).
    [[nodiscard]] virtual QUrl statusUrl(const QUrl &base, const QString &id) const = 0;
    /// Where file `index` of job `id` is listed in the manifest, on the FHIR base.
    [[nodiscard]] virtual QUrl fileUrl(const QUrl &base, const QString &id, int index) const = 0;
    /// Retry-After on a 202 when the script gives none.
    [[nodiscard]] virtual QByteArray retryAfter() const = 0;
    /// X-Progress on a 202 when the script gives none.
    [[nodiscard]] virtual QByteArray progressText(const Progress &progress) const = 0;
    /// The diagnostics of the OperationOutcome that accepts a kick-off.
    [[nodiscard]] virtual QString kickoffText(const QString &id) const;
    /// How long the files stay when the script does not say (0: no Expires header).
    [[nodiscard]] virtual int expiresInSeconds() const { return 0; }
    /// A cancelled job answers 202 for ever with a cancelled progress text (true), or 404.
    [[nodiscard]] virtual bool keepsCancelledJobs() const { return false; }
    /// A DELETE of a finished export removes it and its files, 202 (the specification, the
    /// SMART reference server), or changes nothing, 404 (HAPI: "Nothing to do").
    [[nodiscard]] virtual bool removesFinishedJobs() const { return true; }
    /// Kick-off parameters refused with 400 (not-supported), unless the kick-off says Prefer:
    /// handling=lenient: then they are left out.
    [[nodiscard]] virtual QStringList unsupportedParameters() const { return {}; }
    /// A GET of this file path answers 307 to a pre-signed URL on the storage origin.
    [[nodiscard]] virtual bool redirectsToStorage(const QString &path) const;
};

/// The one instance of each flavor.
[[nodiscard]] const ServerFlavor &serverFlavor(Flavor flavor);

/// base with path appended to its path, and query when not empty.
[[nodiscard]] QUrl below(const QUrl &base, const QString &path, const QString &query = {});

} // namespace fbm::demo::bulk
