#pragma once

#include "activity.h"
#include "addresspolicy.h"
#include "authprovider.h"
#include "clock.h"
#include "result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

struct curl_slist;

namespace fbm {

class CurlMulti;

/// One request as the core wants it sent.
struct HttpCall
{
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers; ///< besides the client's extra headers; never Authorization
    QByteArray body;
    bool withAuth = true;  ///< attach the bearer token (only ever to the trusted origin)
    int timeoutMs = 60000; ///< transfer timeout: no byte for this long aborts the request
    qint64 maxBodyBytes = qint64(64) << 20; ///< buffered calls refuse larger answers
    int maxRedirects = 5;                   ///< 0: a redirect is the answer, not followed
    /// Follow redirects only within the origin (a discovery document: another origin could
    /// name endpoints that secrets would then be sent to).
    bool sameOriginRedirectsOnly = false;
    /// Streamed calls: what the network layer may read ahead of the reader (0: unbounded). Set
    /// before the request starts, so that even the first bytes respect it.
    qint64 readBufferSize = 0;
    /// Receives one entry per HTTP exchange (each redirect hop is one).
    std::function<void(const ActivityEntry &)> log;
};

/// The first value of a header (names compare case-insensitively); empty if absent.
[[nodiscard]] QByteArray headerValue(const HeaderList &headers, QByteArrayView name);

struct HttpResponse
{
    int status = 0;
    HeaderList headers;
    QByteArray body; ///< empty for streamed transfers
    QUrl finalUrl;
    Error error; ///< network failure or refused redirect; an HTTP error status is not an Error here

    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool isSuccess() const
    {
        return !error.isError() && status >= 200 && status < 300;
    }
};

class Transfer;

/// Sends requests for one server profile. It owns the rules about the bearer token: it is
/// attached only to the trusted origin (the profile's base URL), only over HTTPS or to a
/// loopback host unless plain HTTP was allowed, never across a redirect to another origin, and
/// renewed once on a 401. Redirects are followed by hand so that those rules hold on every hop;
/// an https -> http redirect is refused.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)
public:
    explicit HttpClient(const QUrl &base, QObject *parent = nullptr);
    ~HttpClient() override;

    void setAuth(AuthProvider *auth);
    [[nodiscard]] AuthProvider *auth() const { return m_auth; }
    void setExtraHeaders(const HeaderList &headers) { m_extraHeaders = headers; }
    /// Permit the token over plain HTTP to a non-loopback host (the user's explicit consent).
    void setAllowInsecureToken(bool allow) { m_allowInsecureToken = allow; }
    /// Let requests reach private networks (10/8, 192.168/16, fc00::/7…) on other origins than
    /// the server's own, where a hospital keeps the export's storage. Link-local, multicast and
    /// unspecified addresses are never reached (see AddressPolicy).
    void setAllowPrivateNetworks(bool allow) { m_addresses.setAllowPrivate(allow); }
    [[nodiscard]] const AddressPolicy &addressPolicy() const { return m_addresses; }
    /// Tests: host names answered with the given addresses instead of the resolver's, in
    /// curl's --resolve form "host:port:address".
    void setHostOverrides(const QStringList &overrides);
    /// Trust the configuration's CA certificates as well as the system's.
    void setSslConfiguration(const QSslConfiguration &config);
    [[nodiscard]] QUrl base() const { return m_base; }
    /// The time of whatever talks through this client: the activity log's entries, a report
    /// list's fetch (the system clock unless set; the Session sets its own).
    void setClock(const Clock *clock) { m_clock = clock; }
    [[nodiscard]] const Clock *clock() const { return m_clock; }

    /// Whether a token may be sent to url at all.
    [[nodiscard]] bool mayReceiveToken(const QUrl &url) const;
    [[nodiscard]] static bool sameOrigin(const QUrl &a, const QUrl &b);
    /// This computer: localhost and every loopback address (127/8, ::1), any case.
    [[nodiscard]] static bool isLoopback(const QUrl &url);

    /// A buffered request; callback runs once, unless context is destroyed first.
    void send(const HttpCall &call, QObject *context,
              std::function<void(const HttpResponse &)> callback);

    /// A streamed request (downloads). The Transfer deletes itself after finished().
    Transfer *stream(const HttpCall &call);

    /// Scrub every known secret (and bearer tokens) from text meant for a user or a log.
    [[nodiscard]] QString redact(const QString &text) const;

private:
    friend class Transfer;
    QUrl m_base;
    QPointer<AuthProvider> m_auth;
    HeaderList m_extraHeaders;
    bool m_allowInsecureToken = false;
    QByteArray
        m_caPem; ///< PEM: a profile's and the system's CA certificates; empty: libcurl's default
    QByteArray m_userAgent;
    QByteArray m_noProxy;
    AddressPolicy m_addresses;
    const Clock *m_clock = Clock::system();
    curl_slist *m_hostOverrides = nullptr;
};

/// The longest URL a request is sent to. Servers and proxies refuse far shorter ones (8 KiB is
/// common); a longer one in a manifest is an attack or a broken server, not an address.
inline constexpr qsizetype kMaxUrlBytes = 8 << 10;

} // namespace fbm
