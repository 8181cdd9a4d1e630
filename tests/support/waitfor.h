#pragma once

#include "httpclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <utility>

namespace fbm::test {

/// How long a test waits at the most for something that must happen. Generous on purpose: a
/// loaded 2-core CI machine running the AddressSanitizer build is several times slower than a
/// desk, and a wait that succeeds returns the moment it does, so a fast run never pays for it.
inline constexpr int kWaitMs = 30000;

/// Runs the event loop until \a done() holds (true) or \a timeoutMs have passed (false). Not a
/// sleep: the loop runs all the time (the servers of the test live in this thread too), and
/// done() is looked at every few milliseconds, so the wait ends as soon as it can.
template<typename Predicate> [[nodiscard]] bool waitFor(Predicate done, int timeoutMs = kWaitMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    check.start();
    deadline.start(timeoutMs);
    loop.exec();
    // What was deleted later while the loop ran is gone before the caller looks.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return done();
}

/// Starts an asynchronous call and waits for the one value it delivers. \a start gets a context
/// object, alive while the wait lasts (pass it as the call's context: an answer after the wait
/// is dropped), and the function to hand the value to. std::nullopt when nothing came in time.
template<typename T, typename Start>
[[nodiscard]] std::optional<T> waitForCallback(Start &&start, int timeoutMs = kWaitMs)
{
    auto result = std::make_shared<std::optional<T>>();
    QObject context;
    std::forward<Start>(start)(&context, [result](T value) { *result = std::move(value); });
    (void)waitFor([&result] { return result->has_value(); }, timeoutMs);
    return *result;
}

/// Sends \a call and waits for the answer; an empty response (status 0) when none came in time.
inline HttpResponse sendAndWait(HttpClient &client, const HttpCall &call, int timeoutMs = kWaitMs)
{
    return waitForCallback<HttpResponse>(
               [&](QObject *context, auto deliver) {
                   client.send(call, context, [deliver](const HttpResponse &r) { deliver(r); });
               },
               timeoutMs)
        .value_or(HttpResponse{});
}

} // namespace fbm::test
