#pragma once

#include "exportrequest.h"
#include "httpclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace fbm {

/// The Bulk Data protocol as pure functions: the requests of kick-off, status, manifest page
/// and cancel exactly as the specification says, and what each answer means. The engine
/// (ExportRun) and the command line's `cancel` use the same ones.
class BulkProtocol
{
    Q_DECLARE_TR_FUNCTIONS(fbm::BulkProtocol)

public:
    [[nodiscard]] static HttpCall kickoff(const ExportRequest &request, const QUrl &kickoffUrl);
    [[nodiscard]] static HttpCall status(const QUrl &statusUrl);
    [[nodiscard]] static HttpCall manifestPage(const QUrl &url);
    [[nodiscard]] static HttpCall cancel(const QUrl &statusUrl);

    /// The status URL a kick-off's answer gives (Content-Location; a relative one against the
    /// URL that answered, after any redirect, as HTTP resolves it), or an empty URL when there
    /// is no usable one.
    [[nodiscard]] static QUrl statusUrlOf(const HttpResponse &r, const QUrl &kickoffUrl);

    struct Kickoff
    {
        bool accepted = false;
        QUrl statusUrl;                ///< accepted
        bool relativeLocation = false; ///< accepted: Content-Location was relative
        std::optional<qint64> retryAfterMs;
        QString error;          ///< not accepted: why, translated
        bool transient = false; ///< not accepted, but the trouble may pass: try again later
    };
    [[nodiscard]] static Kickoff classifyKickoff(const HttpResponse &r, const QUrl &kickoffUrl,
                                                 const QDateTime &now);
    /// A kick-off refused as asked (400 or 422): the parameters of \a request that the server's
    /// answer names (by name, or _type by one of the types), in parameterNames() order. Empty
    /// for any other answer, or when it names none.
    [[nodiscard]] static QStringList refusedParameters(const ExportRequest &request,
                                                       const HttpResponse &r);
    /// Whether a kick-off's answer refused the request as asked (400 or 422), which a lenient
    /// request or one without the refused parameter may get past.
    [[nodiscard]] static bool refusedAsAsked(const HttpResponse &r);

    struct Status
    {
        enum class Kind
        {
            InProgress,        ///< 202
            Complete,          ///< 200: the body is the manifest (its first page)
            Throttled,         ///< 429: wait as asked, never a failure
            Gone,              ///< 404/410: expired, cancelled, or a wrong address
            CancelledByServer, ///< HAPI: 202 whose X-Progress says the job was cancelled
            Transient,         ///< a dropped connection, a 5xx that may pass
            Failed,            ///< anything else; message says what
        };
        Kind kind = Kind::Failed;
        QString xProgress; ///< verbatim
        std::optional<qint64> retryAfterMs;
        QByteArray unreadableRetryAfter; ///< a Retry-After that is not understood
        QString message;                 ///< Transient and Failed: translated
    };
    [[nodiscard]] static Status classifyStatus(const HttpResponse &r, const QDateTime &now);

    struct Page
    {
        enum class Kind
        {
            Ok,
            Transient,
            Failed
        };
        Kind kind = Kind::Ok;
        std::optional<qint64> retryAfterMs;
        QString message; ///< translated
    };
    [[nodiscard]] static Page classifyManifestPage(const HttpResponse &r, const QDateTime &now);

    struct Cancel
    {
        enum class Kind
        {
            Cancelled,   ///< 202 (the specification), 200 or 204
            Gone,        ///< 404/409/410: already finished, expired, or never known
            Refused,     ///< 405, 501 or another answer: the export goes on
            Unreachable, ///< the request did not get there: the export goes on
        };
        Kind kind = Kind::Refused;
        QString message; ///< Refused and Unreachable: translated
    };
    [[nodiscard]] static Cancel classifyCancel(const HttpResponse &r);
};

} // namespace fbm
