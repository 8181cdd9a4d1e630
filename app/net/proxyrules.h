#pragma once

#include <QByteArray>
#include <QUrl>

namespace fbm {

/// Which requests go through the proxy the environment names, as libcurl reads it:
/// http_proxy, https_proxy (or HTTPS_PROXY), all_proxy (or ALL_PROXY), and the hosts no_proxy
/// (or NO_PROXY) exempts, this computer always among them. A request through a proxy connects
/// to the proxy's address, which the user chose, so the address checks are for direct
/// connections only.
class ProxyRules
{
public:
    /// no_proxy (or NO_PROXY) and this computer, in libcurl's CURLOPT_NOPROXY form.
    [[nodiscard]] static QByteArray noProxyList();
    /// Whether libcurl connects to a proxy for url, given noProxyList()'s answer.
    [[nodiscard]] static bool usesProxy(const QUrl &url, const QByteArray &noProxy);
};

} // namespace fbm
