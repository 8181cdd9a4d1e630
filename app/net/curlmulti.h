#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <curl/curl.h>

#include <functional>

class QSocketNotifier;

namespace fbm {

/// libcurl's multi interface, driven by the Qt event loop of one thread: a QSocketNotifier per
/// socket libcurl watches and one timer for its timeouts. Connections are kept alive and reused
/// across requests to the same host.
///
/// libcurl's callbacks (headers, data) run inside curl_multi_socket_action(), where a handle may
/// not be removed; so they only buffer. Whatever the owner of a handle wants to tell its users
/// (signals that may abort, delete or start transfers) happens in deliver(), called once the
/// action has returned, and done() when the handle has finished. Neither is called after the
/// guard object is gone or the handle has been removed.
class CurlMulti final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlMulti)
public:
    /// The one instance for the calling thread (created on first use; gone with the thread or
    /// the application).
    static CurlMulti *forCurrentThread();

    struct Handlers
    {
        QPointer<QObject> guard;
        std::function<void()> deliver;
        std::function<void(CURLcode)> done;
        /// Called about every 100 ms while the handle runs (to notice a stalled transfer).
        std::function<void()> tick;
    };

    /// Starts easy (which must carry its options); handlers run as described above.
    void add(CURL *easy, Handlers handlers);
    /// Stops easy if it is running and forgets it; the caller still owns it.
    void remove(CURL *easy);
    /// An easy handle with default options: a used one if there is one (its buffers are kept).
    CURL *takeHandle();
    /// Gives back a handle from takeHandle() that is no longer added.
    void recycle(CURL *easy);
    /// easy has buffered something to deliver (header or data callbacks, or data that arrived
    /// while it was unpaused): deliver() runs after the current or next action.
    void markPending(CURL *easy);
    /// Make libcurl look at its handles soon (after curl_easy_pause(), for example).
    void kick();

    [[nodiscard]] int runningCount() const { return int(m_handles.size()); }

private:
    explicit CurlMulti(QObject *parent = nullptr);
    ~CurlMulti() override;

    struct Socket;
    static int socketCallback(CURL *easy, curl_socket_t fd, int what, void *self, void *socketp);
    static int timerCallback(CURLM *multi, long timeoutMs, void *self);
    void onTimer();
    void onWatchdog();
    void runCurl(curl_socket_t fd, int mask); ///< curl_multi_socket_action(), nothing else
    void action(curl_socket_t fd, int mask);  ///< runCurl(), then tell the owners
    void collectFinished();
    void afterAction();

    struct Entry
    {
        Handlers handlers;
        bool pending = false;
        CURLcode result = CURLE_OK;
    };

    CURLM *m_multi = nullptr;
    QElapsedTimer m_clock;
    qint64 m_wantedAt = -1; ///< when libcurl wants to be called (m_clock), -1: never
    qint64 m_armedAt = 0;   ///< when m_timer fires, while it is active
    QTimer m_timer;         ///< libcurl's timeout, at or before m_wantedAt
    QTimer m_kick;          ///< an extra look soon, leaving libcurl's timeout as it asked
    QTimer m_watchdog;      ///< Handlers::tick, while handles run
    QHash<curl_socket_t, Socket *> m_sockets;
    QHash<CURL *, Entry *> m_handles;   ///< running
    QHash<CURL *, Entry *> m_finishing; ///< done, their owners not yet told
    QList<CURL *> m_finished;           ///< m_finishing in the order they finished
    QList<CURL *> m_pending;            ///< with something to deliver
    QList<CURL *> m_spare;              ///< reset handles for the next requests
    bool m_adding = false;              ///< inside curl_multi_add_handle()
    bool m_startNow = false;            ///< libcurl asked to run at once while a handle was added
    int m_depth = 0;                    ///< > 0 while inside curl_multi_socket_action()
};

} // namespace fbm
