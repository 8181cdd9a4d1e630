#pragma once

#include "activity.h"

#include <QStringList>
#include <QUrl>

namespace fbm {

/// The URL without credentials: user info dropped, signature and token query values replaced
/// (X-Amz-Signature, sig, SharedAccessSignature, access_token, code…).
[[nodiscard]] QUrl redactUrl(const QUrl &url);
/// Authorization, Proxy-Authorization and Cookie values replaced.
[[nodiscard]] HeaderList redactHeaders(const HeaderList &headers);
/// Form and JSON bodies with client_secret, client_assertion, refresh_token, code, access_token
/// values replaced.
[[nodiscard]] QByteArray redactBody(const QByteArray &body);
/// Each secret and every "Bearer <token>" replaced in free text.
[[nodiscard]] QString redactText(QString text, const QStringList &secrets = {});

inline constexpr char kRedacted[] = "[redacted]";

} // namespace fbm
