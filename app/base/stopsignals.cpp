#include "stopsignals.h"
#include "logging.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace fbm {

#ifdef Q_OS_UNIX
namespace {

constexpr std::array kSignals = {SIGINT, SIGTERM, SIGHUP};

int g_fds[2] = {-1, -1};              // [0] written by the handler, [1] read in the event loop
volatile sig_atomic_t g_received = 0; // the first signal, until the watcher goes
struct sigaction g_previous[kSignals.size()];
bool g_installed[kSignals.size()] = {};

extern "C" void onStopSignal(int signalNumber)
{
    if (g_received != 0) {
        // Asked twice: the program ends now, the way it would without the watcher.
        (void)::signal(signalNumber, SIG_DFL);
        (void)::raise(signalNumber);
        return;
    }
    g_received = signalNumber;
    const int saved = errno;
    const char byte = char(signalNumber);
    [[maybe_unused]] const ssize_t n = ::write(g_fds[0], &byte, 1);
    errno = saved;
}

} // namespace
#endif

StopSignals::StopSignals(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (g_fds[0] >= 0) {
        qCWarning(lcSignals) << "a second StopSignals watcher is not installed";
        return;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_fds) != 0) {
        qCWarning(lcSignals) << "no socket pair for signals:" << strerror(errno);
        g_fds[0] = g_fds[1] = -1;
        return;
    }
    ::fcntl(g_fds[0], F_SETFL, O_NONBLOCK); // the handler never blocks
    g_received = 0;
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StopSignals::onReadable);
    for (size_t i = 0; i < kSignals.size(); ++i) {
        struct sigaction current = {};
        if (::sigaction(kSignals[i], nullptr, &current) == 0 && current.sa_handler == SIG_IGN)
            continue; // nohup, or a parent that wants it ignored
        struct sigaction action = {};
        action.sa_handler = onStopSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        g_installed[i] = ::sigaction(kSignals[i], &action, &g_previous[i]) == 0;
    }
#endif
}

StopSignals::~StopSignals()
{
#ifdef Q_OS_UNIX
    if (!m_notifier)
        return;
    for (size_t i = 0; i < kSignals.size(); ++i) {
        if (g_installed[i])
            ::sigaction(kSignals[i], &g_previous[i], nullptr);
        g_installed[i] = false;
    }
    delete m_notifier;
    ::close(g_fds[0]);
    ::close(g_fds[1]);
    g_fds[0] = g_fds[1] = -1;
    g_received = 0;
#endif
}

QString StopSignals::name(int signalNumber)
{
#ifdef Q_OS_UNIX
    switch (signalNumber) {
    case SIGINT:
        return u"SIGINT"_s;
    case SIGTERM:
        return u"SIGTERM"_s;
    case SIGHUP:
        return u"SIGHUP"_s;
    default:
        break;
    }
#endif
    return u"signal %1"_s.arg(signalNumber);
}

void StopSignals::onReadable()
{
#ifdef Q_OS_UNIX
    char byte = 0;
    if (::read(g_fds[1], &byte, 1) != 1)
        return;
    m_notifier->setEnabled(false); // once: a second signal ends the program in the handler
    Q_EMIT received(int(static_cast<unsigned char>(byte)));
#endif
}

} // namespace fbm
