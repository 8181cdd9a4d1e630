#include "httpclient.h"
#include "proxyrules.h"

#include "redact.h"
#include "transfer.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSet>

#include <curl/curl.h>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0 ? 443 : 80);
}

} // namespace

bool HttpClient::isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == "localhost"_L1)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    return headerValue(headers, name);
}

HttpClient::HttpClient(const QUrl &base, QObject *parent)
    : QObject(parent)
    , m_base(base)
    , m_userAgent(QCoreApplication::applicationName().toUtf8() + '/' +
                  QCoreApplication::applicationVersion().toUtf8())
    , m_noProxy(ProxyRules::noProxyList())
{
    // A server on this computer or in a private network keeps its files there too.
    const AddressPolicy::Class baseClass = [&base] {
        QString host = base.host();
        if (host.startsWith(u'['))
            host = host.mid(1, host.size() - 2);
        const QHostAddress address(host);
        if (address.isNull())
            return host.compare("localhost"_L1, Qt::CaseInsensitive) == 0
                       ? AddressPolicy::Class::Loopback
                       : AddressPolicy::Class::Public;
        return AddressPolicy::classify(address);
    }();
    m_addresses.setServerIsLocal(baseClass == AddressPolicy::Class::Private ||
                                 baseClass == AddressPolicy::Class::Loopback);
}

HttpClient::~HttpClient()
{
    if (m_hostOverrides)
        curl_slist_free_all(m_hostOverrides);
}

void HttpClient::setHostOverrides(const QStringList &overrides)
{
    if (m_hostOverrides)
        curl_slist_free_all(m_hostOverrides);
    m_hostOverrides = nullptr;
    for (const QString &o : overrides)
        m_hostOverrides = curl_slist_append(m_hostOverrides, o.toUtf8().constData());
}

void HttpClient::setAuth(AuthProvider *auth)
{
    m_auth = auth;
}

bool HttpClient::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && defaultPort(a) == defaultPort(b);
}

bool HttpClient::mayReceiveToken(const QUrl &url) const
{
    if (!sameOrigin(url, m_base))
        return false;
    if (url.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0)
        return true;
    return HttpClient::isLoopback(url) || m_allowInsecureToken;
}

void HttpClient::setSslConfiguration(const QSslConfiguration &config)
{
    // libcurl takes one set of trusted certificates: the profile's and the system's, once each.
    QSet<QByteArray> seen;
    m_caPem.clear();
    const QList<QSslCertificate> lists[] = {config.caCertificates(),
                                            QSslConfiguration::systemCaCertificates()};
    for (const QList<QSslCertificate> &list : lists) {
        for (const QSslCertificate &cert : list) {
            QByteArray pem = cert.toPem();
            if (!seen.contains(pem)) {
                m_caPem += pem;
                seen.insert(std::move(pem));
            }
        }
    }
}

QString HttpClient::redact(const QString &text) const
{
    return redactText(text, m_auth ? m_auth->secrets() : QStringList());
}

void HttpClient::send(const HttpCall &call, QObject *context,
                      std::function<void(const HttpResponse &)> callback)
{
    auto *transfer = new Transfer(this, call, true);
    transfer->m_callbackContext = context;
    transfer->m_callback = std::move(callback);
    transfer->start();
}

Transfer *HttpClient::stream(const HttpCall &call)
{
    return new Transfer(this, call, false);
}

} // namespace fbm
