#pragma once

#include "activity.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace fbm::demo::http {
struct Request;
}

namespace fbm::demo::bulk {

/// Why a kick-off is refused: the status and the OperationOutcome's issue (severity "error").
struct Refusal
{
    int status = 400;
    QString code;
    QString diagnostics;
    HeaderList headers;
};

using Parameters = QList<QPair<QString, QString>>;

/// The kick-off's Prefer header asks for lenient handling (handling=lenient).
[[nodiscard]] bool preferLenient(const QByteArray &prefer);

/// The method, Prefer and Accept of a kick-off, checked before anything else.
[[nodiscard]] std::optional<Refusal> checkKickoffRequest(const http::Request &in);

/// The kick-off's parameters into `params`: the query of a GET, a Parameters resource in a
/// POST body (valueReference as its reference, valueCoding as "system|code", valueBoolean as
/// "true"/"false", any other value[x] as is). Refuses a body that is not a Parameters
/// resource, and the values the server does not take at this level.
[[nodiscard]] std::optional<Refusal>
readKickoffParameters(const http::Request &in, const QString &level, Parameters *params);

/// The parameters the server's flavour does not support (\a unsupported): dropped from
/// \a params when the client asked for lenient handling, else the first one is refused (400).
[[nodiscard]] std::optional<Refusal> dropUnsupported(Parameters *params,
                                                     const QStringList &unsupported, bool lenient);

/// The Content-Location of an accepted kick-off: the status URL, or only its path and query
/// when the server's flavour answers with a relative one.
[[nodiscard]] QByteArray contentLocation(const QUrl &statusUrl, bool relative);

/// The OperationOutcome of a kick-off the script answers with status instead of 202.
[[nodiscard]] QByteArray refusedKickoffBody(int status);

} // namespace fbm::demo::bulk
