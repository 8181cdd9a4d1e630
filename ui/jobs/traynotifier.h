#pragma once

#include "jobmanager.h"

#include <QObject>
#include <QSystemTrayIcon>

namespace fbm {

/// Tells the user when an export is ready, saved or failed: from JobManager::stateChanged,
/// through notified() and exportNews() (the window re-emits the one and shows the other in a
/// banner) and, when the desktop has a system tray, a balloon from the tray icon; clicking the
/// balloon gives messageClicked() with the export it told of. Other pages (report jobs) show
/// their news through it too.
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
    /// The same news with the export it is about (for the window's own banner).
    void exportNews(const QString &id, const QString &title, const QString &message);
    /// The user clicked the tray icon.
    void activated();
    /// The user clicked the balloon of an export's news; @p id is that export (empty when the
    /// last balloon was another page's).
    void messageClicked(const QString &id);

private:
    void onStateChanged(const QString &id, JobState from, JobState to);

    JobManager *m_manager;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_balloonJob;
};

} // namespace fbm
