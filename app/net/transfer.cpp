#include "transfer.h"

#include "bufferpool.h"
#include "clock.h"
#include "curlmulti.h"
#include "logging.h"
#include "neterrors.h"
#include "proxyrules.h"
#include "redact.h"

#include <QHostAddress>

#include <curl/curl.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

// What libcurl reads from the socket at once for a streamed transfer (its default is 16 KiB).
constexpr qint64 kCurlBufferSize = 512 << 10;
// The most header bytes one hop may bring (a few KiB is usual); under libcurl's own 300 KB.
constexpr qint64 kMaxHeaderBytes = 256 << 10;

/// A URL as shown in a log or a message: a huge one cut to its first 300 characters.
QString shownUrl(const QUrl &url)
{
    const QString text = redactUrl(url).toString();
    return text.size() > 300 ? text.left(300) + u'…' : text;
}

} // namespace

Transfer::Transfer(HttpClient *client, HttpCall call, bool buffered)
    : QObject(client)
    , m_client(client)
    , m_call(std::move(call))
    , m_buffered(buffered)
{}

Transfer::~Transfer()
{
    releaseHandle();
    BufferPool::give(std::move(m_rx));
}

void Transfer::releaseHandle()
{
    if (m_easy) {
        if (m_multi)
            m_multi->recycle(m_easy);
        else
            curl_easy_cleanup(m_easy);
        m_easy = nullptr;
    }
    if (m_headerList) {
        curl_slist_free_all(m_headerList);
        m_headerList = nullptr;
    }
}

QByteArray Transfer::header(QByteArrayView name) const
{
    return headerValue(m_headers, name);
}

QByteArray Transfer::take(QByteArray spare)
{
    QByteArray block = std::exchange(m_rx, std::move(spare));
    consume();
    return block;
}

void Transfer::consume()
{
    m_rx.resize(0); // keeps the allocation
    if (m_paused && m_easy) {
        m_paused = false;
        // libcurl hands over what it held back right here, through writeCallback.
        curl_easy_pause(m_easy, CURLPAUSE_CONT);
        if (m_multi)
            m_multi->kick();
    }
}

void Transfer::start()
{
    beginHop(m_call.url);
}

void Transfer::abort(const QString &why)
{
    if (m_done)
        return;
    m_abortReason = why.isEmpty() ? HttpClient::tr("Stopped.") : why;
    const bool inFlight = m_easy != nullptr;
    releaseHandle();
    HttpResponse r;
    r.status = m_status;
    r.finalUrl = m_currentUrl;
    r.headers = m_headers;
    r.error = Error::make(Error::Kind::Cancelled, m_abortReason);
    if (inFlight)
        logHop(m_status, m_abortReason);
    finish(r);
}

Error Transfer::refusalFor(const QUrl &url) const
{
    if (const qsizetype length = url.toEncoded().size(); length > kMaxUrlBytes) {
        //: %1 is a number of bytes, %2 a size limit in KiB
        return Error::make(
            Error::Kind::Usage,
            HttpClient::tr("The address is %1 bytes long, more than the %2 KiB any server "
                           "accepts; the request was not sent.")
                .arg(length)
                .arg(kMaxUrlBytes >> 10));
    }
    if (!m_client)
        return {};
    const QString why =
        m_client->m_addresses.refusal(url, HttpClient::sameOrigin(url, m_client->base()));
    if (why.isEmpty())
        return {};
    //: %1 is a URL, %2 why its address may not be reached
    return Error::make(Error::Kind::Protocol,
                       HttpClient::tr("%1 was not contacted: %2.").arg(shownUrl(url), why));
}

struct Transfer::SocketCallbacks
{
    static curl_socket_t open(void *self, curlsocktype purpose, struct curl_sockaddr *address);
};

curl_socket_t Transfer::SocketCallbacks::open(void *self, curlsocktype purpose,
                                              struct curl_sockaddr *address)
{
    auto *transfer = static_cast<Transfer *>(self);
    if (purpose == CURLSOCKTYPE_IPCXN && transfer->m_client) {
        // The address the host name resolved to, before anything is sent to it.
        const QHostAddress target(&address->addr);
        const bool serverOrigin =
            HttpClient::sameOrigin(transfer->m_currentUrl, transfer->m_client->base());
        const QString why = transfer->m_client->m_addresses.refusal(target, serverOrigin);
        if (!why.isEmpty()) {
            //: %1 is a URL, %2 an IP address, %3 why it may not be reached
            transfer->m_refusedAddress =
                HttpClient::tr("%1 was not contacted: its address %2 is refused, because %3.")
                    .arg(shownUrl(transfer->m_currentUrl), target.toString(), why);
            return CURL_SOCKET_BAD;
        }
        const AddressPolicy::Class c = AddressPolicy::classify(target);
        if (serverOrigin &&
            (c == AddressPolicy::Class::Private || c == AddressPolicy::Class::Loopback))
            transfer->m_client->m_addresses.setServerIsLocal(true);
    }
    return ::socket(address->family, address->socktype, address->protocol);
}

void Transfer::beginHop(const QUrl &url)
{
    m_currentUrl = url;
    if (Error refused = refusalFor(url); refused.isError()) {
        logHop(0, refused.message);
        HttpResponse r;
        r.finalUrl = url;
        r.error = std::move(refused);
        finish(r);
        return;
    }
    const bool wantToken =
        m_call.withAuth && m_client && m_client->auth() && m_client->mayReceiveToken(url);
    if (!wantToken) {
        issue(url, false, {});
        return;
    }
    if (!m_token.isEmpty() && !m_triedRefresh) {
        issue(url, true, m_token);
        return;
    }
    QPointer<Transfer> self(this);
    m_client->auth()->requestToken(
        m_triedRefresh, this,
        [self, url](const QString &token, const Error &error) {
            if (!self || self->m_done)
                return;
            if (error.isError()) {
                HttpResponse r;
                r.error = error;
                if (r.error.kind != Error::Kind::Network)
                    r.error.kind = Error::Kind::Auth;
                self->finish(r);
                return;
            }
            self->m_token = token;
            self->issue(url, !token.isEmpty(), token);
        },
        m_call.log);
}

void Transfer::issue(const QUrl &url, bool withToken, const QString &token)
{
    if (!m_client) {
        HttpResponse r;
        r.error = Error::make(Error::Kind::Cancelled, HttpClient::tr("Stopped."));
        finish(r);
        return;
    }
    // A line break in a header would end it and start another (a profile's extra header, or a
    // token from a hostile token endpoint): refused, naming the header but never its value.
    const auto unsafe = [](QByteArrayView text) {
        return text.contains('\r') || text.contains('\n') || text.contains('\0');
    };
    QByteArray badHeader;
    for (const HeaderList *list : {&m_client->m_extraHeaders, &m_call.headers}) {
        for (const auto &h : *list) {
            if (badHeader.isEmpty() && (unsafe(h.first) || unsafe(h.second)))
                badHeader = h.first;
        }
    }
    if (badHeader.isEmpty() && withToken && unsafe(token.toUtf8()))
        badHeader = "Authorization";
    if (!badHeader.isEmpty()) {
        HttpResponse r;
        //: %1 is an HTTP header name
        r.error = Error::make(
            Error::Kind::Usage,
            HttpClient::tr("The header %1 contains a line break or a NUL character; the "
                           "request was not sent.")
                .arg(QString::fromLatin1(badHeader.left(100))));
        finish(r);
        return;
    }
    releaseHandle();
    m_multi = CurlMulti::forCurrentThread();
    CURL *easy = m_multi->takeHandle();
    m_easy = easy;
    static_assert(sizeof(m_errorText) >= CURL_ERROR_SIZE);
    m_errorText[0] = '\0';

    const QByteArray encodedUrl = url.toEncoded();
    curl_easy_setopt(easy, CURLOPT_URL, encodedUrl.constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, m_errorText);
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L); // redirects are followed by hand
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_call.timeoutMs));
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Transfer::headerCallback);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transfer::writeCallback);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
    if (!m_buffered)
        curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, long(kCurlBufferSize));
    if (m_client->m_userAgent.size() > 1)
        curl_easy_setopt(easy, CURLOPT_USERAGENT, m_client->m_userAgent.constData());
    curl_easy_setopt(easy, CURLOPT_NOPROXY, m_client->m_noProxy.constData());
    m_refusedAddress.clear();
    // Through a proxy, the address connected to is the proxy's, which the user chose.
    if (!ProxyRules::usesProxy(url, m_client->m_noProxy)) {
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &Transfer::SocketCallbacks::open);
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, this);
    }
    if (m_client->m_hostOverrides)
        curl_easy_setopt(easy, CURLOPT_RESOLVE, m_client->m_hostOverrides);
    if (!m_client->m_caPem.isEmpty()) {
        m_caPem = m_client->m_caPem;
        curl_blob blob{m_caPem.data(), size_t(m_caPem.size()), CURL_BLOB_NOCOPY};
        curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob);
    }

    bool hasContentType = false;
    bool hasEncoding = false;
    HeaderList sent;
    auto set = [&](const QByteArray &k, const QByteArray &v) {
        m_headerList = curl_slist_append(m_headerList, QByteArray(k + ": " + v).constData());
        sent.append({k, v});
        hasContentType |= k.compare("content-type", Qt::CaseInsensitive) == 0;
        hasEncoding |= k.compare("accept-encoding", Qt::CaseInsensitive) == 0;
    };
    for (const auto &h : m_client->m_extraHeaders) {
        if (h.first.compare("authorization", Qt::CaseInsensitive) != 0)
            set(h.first, h.second);
    }
    for (const auto &h : m_call.headers)
        set(h.first, h.second);
    m_sentToken = withToken;
    if (withToken)
        set("Authorization", "Bearer " + token.toUtf8());
    // libcurl's own additions that nobody asked for: a form Content-Type and Expect: 100.
    if (!hasContentType)
        m_headerList = curl_slist_append(m_headerList, "Content-Type:");
    m_headerList = curl_slist_append(m_headerList, "Expect:");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, m_headerList);
    if (!hasEncoding) // compressed answers welcome, and decoded on the way in
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");

    if (m_call.method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else if (m_call.method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else {
        if (m_call.method == "POST" || !m_call.body.isEmpty()) {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_call.body.size()));
            curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, m_call.body.constData());
        }
        if (m_call.method != "POST")
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, m_call.method.constData());
    }

    m_sentHeaders = redactHeaders(sent);
    m_headers.clear();
    m_headersDone = false;
    m_startSignalled = false;
    m_passThrough = false;
    m_paused = false;
    m_status = 0;
    m_headerBytes = 0;
    m_rx.clear();
    m_hopStarted = m_client->m_clock->now();
    m_hopTimer.start();
    m_sinceActivity.start();

    QPointer<Transfer> self(this);
    m_multi->add(easy, {this, [self] { self->deliver(); },
                        [self, easy](CURLcode code) {
                            if (!self || self->m_easy != easy)
                                return;
                            self->m_inDone = true;
                            self->onDone(code);
                            if (!self)
                                return;
                            self->m_inDone = false;
                            if (self->m_done)
                                delete self.data();
                        },
                        [self] {
                            self->onStallCheck();
                        }});
}

size_t Transfer::headerCallback(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<Transfer *>(self);
    const size_t bytes = size * count;
    // Headers are kept in memory: a server that never stops sending them is stopped here, with
    // its own message (libcurl's own limit, a little higher, reads as a dropped connection).
    transfer->m_headerBytes += qint64(bytes);
    if (transfer->m_headerBytes > kMaxHeaderBytes) {
        if (transfer->m_abortReason.isEmpty()) {
            //: %1 is a size in KiB
            transfer->m_abortReason =
                HttpClient::tr(
                    "The server's answer has more than %1 KiB of headers; it was not read.")
                    .arg(kMaxHeaderBytes >> 10);
            transfer->m_abortKind = Error::Kind::Protocol;
        }
        return 0; // libcurl stops with a write error
    }
    transfer->onHeaderLine(QByteArrayView(data, qsizetype(bytes)));
    return bytes;
}

size_t Transfer::writeCallback(char *data, size_t size, size_t count, void *self)
{
    return static_cast<Transfer *>(self)->onData(data, size * count);
}

void Transfer::onHeaderLine(QByteArrayView line)
{
    m_active = true;                // read by onStallCheck(); no clock call per block
    if (line.startsWith("HTTP/")) { // a new response (after a 1xx, or the first)
        const QByteArrayView rest = line.sliced(line.indexOf(' ') + 1).trimmed();
        const qsizetype end = rest.indexOf(' ');
        bool ok = false;
        m_status = (end < 0 ? rest : rest.first(end)).toInt(&ok);
        if (!ok)
            m_status = 0;
        m_headers.clear();
        return;
    }
    const QByteArrayView trimmed = line.trimmed();
    if (trimmed.isEmpty()) {
        if (m_status < 200 || m_headersDone)
            return; // an interim answer (100 Continue): the real one follows
        m_headersDone = true;
        const bool redirect = m_call.maxRedirects > 0 && m_status >= 300 && m_status < 400 &&
                              m_status != 304 && !header("Location").isEmpty() &&
                              m_hops < m_call.maxRedirects + 1;
        const bool renew = m_status == 401 && m_sentToken && !m_triedRefresh;
        m_passThrough = !redirect && !renew;
        if (m_passThrough && m_multi)
            m_multi->markPending(m_easy); // responseStarted() once out of libcurl
        return;
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && !m_headers.isEmpty()) {
        m_headers.last().second += ' ' + trimmed.toByteArray(); // an obsolete folded line
        return;
    }
    const qsizetype colon = trimmed.indexOf(':');
    if (colon <= 0)
        return;
    m_headers.append({trimmed.first(colon).trimmed().toByteArray(),
                      trimmed.sliced(colon + 1).trimmed().toByteArray()});
}

size_t Transfer::onData(const char *data, size_t size)
{
    m_active = true; // read by onStallCheck(); no clock call per block
    if (!m_passThrough)
        return size; // a redirect's or a 401's body: not the answer
    if (m_buffered) {
        if (m_body.size() + qint64(size) > m_call.maxBodyBytes) {
            //: %1 is a size in MiB
            m_abortReason =
                HttpClient::tr("The server's answer is larger than %1 MiB; it was not read.")
                    .arg(m_call.maxBodyBytes >> 20);
            return 0; // libcurl stops with a write error
        }
        m_body.append(data, qsizetype(size));
        return size;
    }
    if (m_call.readBufferSize > 0 && m_rx.size() >= m_call.readBufferSize) {
        m_paused = true; // libcurl keeps this block and offers it again after consume()
        return CURL_WRITEFUNC_PAUSE;
    }
    if (m_rx.capacity() == 0)
        m_rx = BufferPool::take(qMax<qint64>(m_call.readBufferSize, 64 << 10) + kCurlBufferSize);
    m_rx.append(data, qsizetype(size));
    if (m_multi)
        m_multi->markPending(m_easy);
    return size;
}

void Transfer::deliver()
{
    if (m_done || !m_passThrough || !m_headersDone)
        return;
    QPointer<Transfer> self(this);
    if (!m_startSignalled) {
        m_startSignalled = true;
        Q_EMIT responseStarted(m_status);
        if (!self || m_done)
            return;
    }
    if (!m_buffered && !m_rx.isEmpty())
        Q_EMIT readyRead();
}

void Transfer::onStallCheck()
{
    if (m_done || !m_easy)
        return;
    if (m_paused || m_active) {
        m_active = false;
        m_sinceActivity.start();
        return;
    }
    if (m_sinceActivity.elapsed() < m_call.timeoutMs)
        return;
    releaseHandle();
    HttpResponse r;
    r.status = m_status;
    r.finalUrl = m_currentUrl;
    r.headers = m_headers;
    r.error = NetErrors::stalled(m_currentUrl, m_call.timeoutMs);
    logHop(m_status, r.error.message);
    finish(r);
}

void Transfer::logHop(int status, const QString &note)
{
    if (!m_call.log)
        return;
    ActivityEntry e;
    e.at = m_hopStarted;
    e.method = m_call.method;
    e.url = redactUrl(m_currentUrl);
    if (const QByteArray encoded = e.url.toEncoded(); encoded.size() > 2048)
        e.url = QUrl::fromEncoded(encoded.left(2048)); // a refused, absurdly long one
    e.status = status;
    e.elapsedMs = m_hopTimer.elapsed();
    e.requestHeaders = m_sentHeaders;
    e.requestBody = redactBody(m_call.body.left(4096));
    if (!note.isEmpty())
        e.note = m_client ? m_client->redact(note) : redactText(note);
    m_call.log(e);
}

void Transfer::onDone(int curlCode)
{
    releaseHandle();
    if (m_done)
        return;

    if (curlCode == CURLE_OK && m_headersDone && !m_passThrough && m_status == 401) {
        logHop(401,
               HttpClient::tr("Access token refused; getting a new one and trying once more."));
        m_triedRefresh = true;
        beginHop(m_currentUrl);
        return;
    }
    if (curlCode == CURLE_OK && m_headersDone && !m_passThrough) { // a redirect
        const QUrl target = m_currentUrl.resolved(QUrl::fromEncoded(header("Location")));
        const QString scheme = target.scheme().toLower();
        QString refusal;
        if (scheme != "http"_L1 && scheme != "https"_L1)
            refusal = HttpClient::tr(
                "The server redirected to an address that is not HTTP(S); it was not followed.");
        else if (m_currentUrl.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0 &&
                 scheme == "http"_L1)
            refusal = HttpClient::tr(
                "The server redirected from a secure (https) address to an insecure (http) one; "
                "it was not followed.");
        else if (m_hops >= m_call.maxRedirects)
            refusal = HttpClient::tr("The server redirected too many times.");
        else if (m_call.sameOriginRedirectsOnly && !HttpClient::sameOrigin(target, m_currentUrl))
            refusal =
                HttpClient::tr("The server redirected to another origin; it was not followed.");
        if (!refusal.isEmpty()) {
            logHop(m_status, refusal);
            HttpResponse r;
            r.status = m_status;
            r.finalUrl = m_currentUrl;
            r.error =
                Error::make(Error::Kind::Protocol, refusal, redactUrl(target).toString(), m_status);
            finish(r);
            return;
        }
        const bool crossOrigin = !HttpClient::sameOrigin(target, m_currentUrl);
        logHop(m_status,
               crossOrigin && m_sentToken
                   ? HttpClient::tr(
                         "Redirected to another origin: the access token is not sent there.")
                   : HttpClient::tr("Redirected."));
        ++m_hops;
        // 303, and 301/302 after a POST, turn into a GET (RFC 9110 15.4).
        if (m_status == 303 || ((m_status == 301 || m_status == 302) && m_call.method == "POST")) {
            m_call.method = "GET";
            m_call.body.clear();
        }
        beginHop(target);
        return;
    }

    HttpResponse r;
    r.status = m_status;
    r.finalUrl = m_currentUrl;
    r.headers = m_headers;
    if (curlCode != CURLE_OK || !m_headersDone) {
        if (!m_refusedAddress.isEmpty() && curlCode == CURLE_COULDNT_CONNECT)
            r.error = Error::make(Error::Kind::Protocol, m_refusedAddress);
        else if (!m_abortReason.isEmpty())
            r.error = Error::make(m_abortKind, m_abortReason);
        else
            r.error = NetErrors::fromCurl(m_currentUrl,
                                          curlCode == CURLE_OK ? int(CURLE_GOT_NOTHING) : curlCode,
                                          m_errorText);
        logHop(m_status, r.error.message);
        finish(r);
        return;
    }
    QPointer<Transfer> self(this);
    deliver(); // responseStarted() and data not yet handed over
    if (!self || m_done)
        return;
    r.body = m_body;
    logHop(m_status, {});
    finish(r);
}

void Transfer::finish(HttpResponse response)
{
    if (m_done)
        return;
    m_done = true;
    releaseHandle();
    if (m_client && !response.error.detail.isEmpty())
        response.error.detail = m_client->redact(response.error.detail);
    QPointer<Transfer> self(this);
    Q_EMIT finished(response);
    if (self && m_callback && m_callbackContext) {
        const auto callback = std::move(m_callback);
        callback(response);
    }
    if (self && !m_inDone)
        deleteLater(); // else the end of onDone() deletes it, without a trip through the queue
}

} // namespace fbm
