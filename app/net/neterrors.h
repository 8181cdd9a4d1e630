#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QUrl>

namespace fbm {

/// The one place that turns libcurl's failures into sentences for people, and says which of
/// them may pass (a refused connection, a reset: try again; a certificate: no).
class NetErrors
{
    Q_DECLARE_TR_FUNCTIONS(fbm::HttpClient)

public:
    /// \a curlCode a CURLcode, \a errorText libcurl's error buffer (may be empty).
    [[nodiscard]] static Error fromCurl(const QUrl &url, int curlCode, const char *errorText);
    /// No byte arrived for \a timeoutMs.
    [[nodiscard]] static Error stalled(const QUrl &url, int timeoutMs);
};

} // namespace fbm
