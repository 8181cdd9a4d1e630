#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace fbm {

/// SIGINT (Ctrl+C), SIGTERM (kill, shutdown) and SIGHUP (the terminal closed) as a Qt signal in
/// the event loop, so that the program can save what it knows and say how to go on instead of
/// dying mid-write. The handler only writes a byte into a socket pair (Qt's advice for Unix
/// signals). A second such signal while the first is handled ends the program at once, as
/// without the watcher. A signal ignored when the watcher starts (nohup) stays ignored. One
/// watcher at a time; the previous handlers come back when it goes.
class StopSignals final : public QObject
{
    Q_OBJECT
public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;
    Q_DISABLE_COPY_MOVE(StopSignals)

    /// "SIGINT", "SIGTERM", "SIGHUP".
    [[nodiscard]] static QString name(int signalNumber);

Q_SIGNALS:
    /// The exit status a shell would report for it is 128 + signalNumber.
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fbm
