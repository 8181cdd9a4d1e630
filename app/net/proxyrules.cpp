#include "proxyrules.h"

#include "httpclient.h"

using namespace Qt::StringLiterals;

namespace fbm {

QByteArray ProxyRules::noProxyList()
{
    // Proxies from http_proxy/https_proxy/no_proxy as usual, but never for this machine.
    QByteArray noProxy = qgetenv("no_proxy");
    if (noProxy.isEmpty())
        noProxy = qgetenv("NO_PROXY");
    if (!noProxy.isEmpty())
        noProxy += ',';
    noProxy += "localhost,127.0.0.1,::1";
    return noProxy;
}

bool ProxyRules::usesProxy(const QUrl &url, const QByteArray &noProxy)
{
    if (HttpClient::isLoopback(url))
        return false;
    const QString scheme = url.scheme().toLower();
    QByteArray proxy = qgetenv(scheme == "https"_L1 ? "https_proxy" : "http_proxy");
    if (proxy.isEmpty() && scheme == "https"_L1)
        proxy = qgetenv("HTTPS_PROXY");
    if (proxy.isEmpty())
        proxy = qgetenv("all_proxy");
    if (proxy.isEmpty())
        proxy = qgetenv("ALL_PROXY");
    if (proxy.isEmpty())
        return false;
    const QString host = url.host().toLower();
    for (QByteArray entry : noProxy.split(',')) {
        entry = entry.trimmed().toLower();
        if (entry.startsWith('.'))
            entry.remove(0, 1);
        const QString e = QString::fromLatin1(entry);
        if (e == "*"_L1 || host == e || host.endsWith(u'.' + e))
            return false;
    }
    return true;
}

} // namespace fbm
