#include "curlmulti.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <mutex>

namespace fbm {

struct CurlMulti::Socket
{
    QSocketNotifier *read = nullptr;
    QSocketNotifier *write = nullptr;
};

CurlMulti *CurlMulti::forCurrentThread()
{
    static thread_local QPointer<CurlMulti> instance;
    if (!instance) {
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        auto *multi = new CurlMulti;
        QThread *thread = QThread::currentThread();
        QCoreApplication *app = QCoreApplication::instance();
        if (app && app->thread() == thread)
            multi->setParent(app);
        else
            connect(
                thread, &QThread::finished, multi, [multi] { delete multi; }, Qt::DirectConnection);
        instance = multi;
    }
    return instance;
}

CurlMulti::CurlMulti(QObject *parent)
    : QObject(parent)
    , m_multi(curl_multi_init())
{
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlMulti::socketCallback);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlMulti::timerCallback);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    // As many connections to one server as Qt Network and browsers open; more requests wait.
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, 6L);
    // Idle connections kept for reuse. libcurl's default (four per running request) closes
    // the extra ones after every short burst, and a new connection costs more than a poll.
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, 32L);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CurlMulti::onTimer);
    m_clock.start();
    // One timer for all the transfers' stall checks, instead of one each started and stopped
    // with every request.
    m_watchdog.setInterval(100);
    connect(&m_watchdog, &QTimer::timeout, this, &CurlMulti::onWatchdog);
    m_kick.setSingleShot(true);
    m_kick.setInterval(0);
    connect(&m_kick, &QTimer::timeout, this, [this] { action(CURL_SOCKET_TIMEOUT, 0); });
}

CurlMulti::~CurlMulti()
{
    for (auto it = m_handles.cbegin(); it != m_handles.cend(); ++it) {
        curl_multi_remove_handle(m_multi, it.key());
        delete it.value();
    }
    m_handles.clear();
    qDeleteAll(m_finishing);
    m_finishing.clear();
    for (CURL *easy : std::as_const(m_spare))
        curl_easy_cleanup(easy);
    curl_multi_cleanup(m_multi); // closes the sockets, calling socketCallback(REMOVE)
    for (Socket *s : std::as_const(m_sockets)) {
        delete s->read;
        delete s->write;
        delete s;
    }
}

int CurlMulti::socketCallback(CURL * /*easy*/, curl_socket_t fd, int what, void *self,
                              void * /*socketp*/)
{
    auto *multi = static_cast<CurlMulti *>(self);
    // libcurl stops watching a kept-alive connection between requests (REMOVE) and watches it
    // again for the next one; the notifiers stay, only disabled, so that a request does not cost
    // two new QSocketNotifiers. A number that comes back belongs to a new socket, which is fine:
    // a notifier is for a descriptor number.
    Socket *&s = multi->m_sockets[fd];
    if (!s) {
        s = new Socket;
        s->read = new QSocketNotifier(fd, QSocketNotifier::Read, multi);
        s->write = new QSocketNotifier(fd, QSocketNotifier::Write, multi);
        s->read->setEnabled(false);
        s->write->setEnabled(false);
        connect(s->read, &QSocketNotifier::activated, multi,
                [multi, fd] { multi->action(fd, CURL_CSELECT_IN); });
        connect(s->write, &QSocketNotifier::activated, multi,
                [multi, fd] { multi->action(fd, CURL_CSELECT_OUT); });
    }
    s->read->setEnabled(what == CURL_POLL_IN || what == CURL_POLL_INOUT);
    s->write->setEnabled(what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
    return 0;
}

int CurlMulti::timerCallback(CURLM * /*multi*/, long timeoutMs, void *self)
{
    // libcurl asks for a new timeout after most steps of a request (0 to start, then its connect
    // timeout, then none). Re-arming a QTimer each time would cost more than the request, so the
    // timer is only moved earlier; when it fires before the wanted time it waits the rest.
    auto *multi = static_cast<CurlMulti *>(self);
    if (timeoutMs < 0) {
        multi->m_wantedAt = -1;
        return 0;
    }
    const qint64 at = multi->m_clock.elapsed() + timeoutMs;
    multi->m_wantedAt = at;
    if (timeoutMs == 0) {
        if (multi->m_adding)
            multi->m_startNow = true;
        else
            multi->kick();
    } else if (!multi->m_timer.isActive() || multi->m_armedAt > at) {
        multi->m_armedAt = at;
        multi->m_timer.start(int(qMin(timeoutMs, long(24 * 3600 * 1000))));
    }
    return 0;
}

void CurlMulti::onTimer()
{
    if (m_wantedAt < 0)
        return;
    const qint64 now = m_clock.elapsed();
    if (m_wantedAt > now) {
        m_armedAt = m_wantedAt;
        m_timer.start(int(qMin<qint64>(m_wantedAt - now, 24 * 3600 * 1000)));
        return;
    }
    action(CURL_SOCKET_TIMEOUT, 0);
}

void CurlMulti::add(CURL *easy, Handlers handlers)
{
    auto *entry = new Entry;
    entry->handlers = std::move(handlers);
    m_handles.insert(easy, entry);
    if (!m_watchdog.isActive())
        m_watchdog.start();
    m_adding = true;
    curl_multi_add_handle(m_multi, easy); // asks for a timeout of 0 through timerCallback
    m_adding = false;
    if (!m_startNow || m_depth > 0)
        return;
    // Start it right here (libcurl sends the request) rather than on a zero timer, a wake-up of
    // the event loop per request. Whatever that tells other handles' owners waits for the next
    // turn of the event loop, so that nobody is called back from inside add().
    m_startNow = false;
    runCurl(CURL_SOCKET_TIMEOUT, 0);
    collectFinished();
    if (!m_pending.isEmpty() || !m_finished.isEmpty())
        kick();
}

void CurlMulti::remove(CURL *easy)
{
    Q_ASSERT(m_depth == 0); // never from inside libcurl's callbacks
    if (Entry *entry = m_handles.take(easy)) {
        curl_multi_remove_handle(m_multi, easy);
        delete entry;
    }
    delete m_finishing.take(easy);
    m_pending.removeAll(easy);
}

CURL *CurlMulti::takeHandle()
{
    return m_spare.isEmpty() ? curl_easy_init() : m_spare.takeLast();
}

void CurlMulti::recycle(CURL *easy)
{
    remove(easy);
    if (m_spare.size() >= 32) {
        curl_easy_cleanup(easy);
        return;
    }
    curl_easy_reset(easy);
    m_spare.append(easy);
}

void CurlMulti::markPending(CURL *easy)
{
    Entry *entry = m_handles.value(easy);
    if (!entry || entry->pending)
        return;
    entry->pending = true;
    m_pending.append(easy);
    if (m_depth == 0)
        kick();
}

void CurlMulti::kick()
{
    if (!m_kick.isActive())
        m_kick.start();
}

void CurlMulti::onWatchdog()
{
    if (m_handles.isEmpty()) {
        m_watchdog.stop();
        return;
    }
    const QList<CURL *> running = m_handles.keys();
    for (CURL *easy : running) {
        Entry *entry = m_handles.value(easy);
        if (!entry || !entry->handlers.guard || !entry->handlers.tick)
            continue;
        const auto tick = entry->handlers.tick; // it may remove the entry
        tick();
    }
}

void CurlMulti::runCurl(curl_socket_t fd, int mask)
{
    int running = 0;
    ++m_depth;
    curl_multi_socket_action(m_multi, fd, mask, &running);
    --m_depth;
}

void CurlMulti::action(curl_socket_t fd, int mask)
{
    runCurl(fd, mask);
    afterAction();
}

void CurlMulti::collectFinished()
{
    // A message is only valid until its handle is removed.
    int left = 0;
    while (CURLMsg *msg = curl_multi_info_read(m_multi, &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        CURL *easy = msg->easy_handle;
        const CURLcode result = msg->data.result;
        curl_multi_remove_handle(m_multi, easy);
        if (Entry *entry = m_handles.take(easy)) {
            entry->result = result;
            m_finishing.insert(easy, entry);
            m_finished.append(easy);
        }
    }
}

void CurlMulti::afterAction()
{
    collectFinished();

    // Then tell the owners; what they do (remove, add, abort others) is safe from here on. A
    // handler is copied before it runs, since it may remove its own entry.
    while (!m_pending.isEmpty()) {
        CURL *easy = m_pending.takeFirst();
        Entry *entry = m_handles.value(easy);
        if (!entry)
            entry = m_finishing.value(easy);
        if (!entry || !entry->pending)
            continue;
        entry->pending = false;
        if (entry->handlers.guard) {
            const auto deliver = entry->handlers.deliver;
            deliver();
        }
    }
    const QList<CURL *> finished = std::exchange(m_finished, {});
    for (CURL *easy : finished) {
        Entry *entry = m_finishing.take(easy);
        if (!entry)
            continue; // removed by its owner meanwhile
        if (entry->handlers.guard) {
            const auto done = entry->handlers.done;
            const CURLcode result = entry->result;
            delete entry;
            done(result);
        } else {
            delete entry;
        }
    }
}

} // namespace fbm
