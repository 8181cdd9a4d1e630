#pragma once

#include "jobmanager.h"

#include <QObject>
#include <QSystemTrayIcon>

namespace fbm {

/// Tells the user when an export is ready, saved or failed: from JobManager::stateChanged,
/// through notified() (the window re-emits it) and, when the desktop has a system tray, a
/// balloon from the tray icon. Other pages (report jobs) show their news through it too.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)
public:
    explicit TrayNotifier(JobManager *manager, QObject *parent = nullptr);
    ~TrayNotifier() override;

    /// The tray icon's picture; it shows from then on (where there is a tray).
    void setIcon(const QIcon &icon);
    /// A balloon from the tray icon, where there is one on screen.
    void showMessage(const QString &title, const QString &text,
                     QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information);

Q_SIGNALS:
    /// An export reached a state worth telling.
    void notified(const QString &title, const QString &message);
    /// The user clicked the tray icon.
    void activated();

private:
    void onStateChanged(const QString &id, JobState from, JobState to);

    JobManager *m_manager;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace fbm
