#pragma once

#include "httpclient.h"

#include <QElapsedTimer>

struct curl_slist;

namespace fbm {

class CurlMulti;

/// One request with its redirects and one token renewal, sent by libcurl (connections kept
/// alive and reused; see CurlMulti). Emits responseStarted() once the final response's headers are
/// in, readyRead() as data arrives (streamed mode), finished() once.
class Transfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transfer)
public:
    Transfer(HttpClient *client, HttpCall call, bool buffered);
    ~Transfer() override;

    void start();
    void abort(const QString &why);
    /// A header of the current hop's response (the final one from responseStarted() on).
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// Streamed mode: the data received and not yet consumed. It stays valid until consume().
    [[nodiscard]] QByteArrayView peek() const { return m_rx; }
    /// Streamed mode: the data from peek() has been used. The buffer is kept for what comes
    /// next, so that a large file does not cost a fresh allocation (and its page faults) per
    /// block; at most HttpCall::readBufferSize is held before libcurl is asked to wait.
    void consume();
    /// Streamed mode: as consume(), but hands the data over instead of dropping it: returns the
    /// buffer behind peek(), and goes on receiving into \a spare (whose allocation is reused
    /// when it is not shared). For a caller that keeps using a block while the next arrives.
    [[nodiscard]] QByteArray take(QByteArray spare);

Q_SIGNALS:
    void responseStarted(int status);
    void readyRead();
    void finished(const fbm::HttpResponse &response);

private:
    static size_t headerCallback(char *data, size_t size, size_t count, void *self);
    static size_t writeCallback(char *data, size_t size, size_t count, void *self);
    struct SocketCallbacks; ///< libcurl's socket callback (its types stay in the .cpp)
    /// Why url may not be requested at all (too long, an address no export may reach), as an
    /// error; none when it may.
    [[nodiscard]] Error refusalFor(const QUrl &url) const;
    void issue(const QUrl &url, bool withToken, const QString &token);
    void beginHop(const QUrl &url);
    void onHeaderLine(QByteArrayView line);
    size_t onData(const char *data, size_t size);
    void deliver();
    void onDone(int curlCode);
    void onStallCheck();
    void releaseHandle();
    void finish(HttpResponse response);
    void logHop(int status, const QString &note);

    friend class HttpClient;
    QPointer<HttpClient> m_client;
    QPointer<CurlMulti> m_multi;
    std::function<void(const HttpResponse &)> m_callback; ///< HttpClient::send()'s
    QPointer<QObject> m_callbackContext;
    HttpCall m_call;
    bool m_buffered;
    void *m_easy = nullptr;
    curl_slist *m_headerList = nullptr;
    QByteArray m_caPem;         ///< kept alive for libcurl while the handle is
    char m_errorText[256] = {}; ///< libcurl's CURLOPT_ERRORBUFFER (CURL_ERROR_SIZE)
    HeaderList m_sentHeaders;   ///< as logged (redacted)
    HeaderList m_headers;       ///< of the current hop's response
    QUrl m_currentUrl;
    int m_hops = 0;
    bool m_triedRefresh = false;
    bool m_sentToken = false;
    bool m_headersDone = false;
    bool m_startSignalled = false;
    bool m_passThrough = false; ///< this hop's body is the final answer
    bool m_paused = false;
    bool m_done = false;
    bool m_inDone = false; ///< inside onDone(), which deletes the finished transfer itself
    int m_status = 0;
    QByteArray m_body;
    QByteArray m_rx; ///< streamed data not yet taken
    QString m_token;
    QString m_abortReason;
    Error::Kind m_abortKind = Error::Kind::Cancelled; ///< with m_abortReason
    QString m_refusedAddress; ///< why the address libcurl was about to connect to was refused
    qint64 m_headerBytes = 0; ///< of the current hop
    QElapsedTimer m_hopTimer;
    QElapsedTimer m_sinceActivity; ///< since the last watchdog tick that saw activity
    bool m_active = false;         ///< a byte or a header arrived since the last tick
    QDateTime m_hopStarted;
};

} // namespace fbm
