#include "traynotifier.h"

using namespace Qt::StringLiterals;

namespace fbm {

TrayNotifier::TrayNotifier(JobManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
    connect(m_manager, &JobManager::stateChanged, this, &TrayNotifier::onStateChanged);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(this);
    m_tray->setObjectName(u"trayIcon"_s);
    m_tray->setToolTip(tr("FHIR Bulk Monitor"));
    connect(m_tray, &QSystemTrayIcon::activated, this, &TrayNotifier::activated);
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::setIcon(const QIcon &icon)
{
    if (!m_tray)
        return;
    m_tray->setIcon(icon);
    if (!m_tray->isVisible())
        m_tray->show();
}

void TrayNotifier::showMessage(const QString &title, const QString &text,
                               QSystemTrayIcon::MessageIcon icon)
{
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, text, icon, 10000);
}

void TrayNotifier::onStateChanged(const QString &id, JobState from, JobState to)
{
    Q_UNUSED(from)
    const ExportJob *job = m_manager->job(id);
    if (!job)
        return;
    const QString server = job->serverName.isEmpty() ? job->request.base.host() : job->serverName;
    QString title;
    QString text;
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    switch (to) {
    case JobState::Completed:
        if (job->autoDownload)
            return; // the files follow at once; "saved" is the news
        title = tr("Export ready");
        //: %1 is a server name, %2 what was exported
        text = tr("%1: %2 is ready; choose Download to save the files.")
                   .arg(server, job->request.summary());
        break;
    case JobState::Saved:
        title = tr("Export saved");
        //: %1 is a server name, %2 what was exported, %3 a folder
        text = tr("%1: %2 saved in %3.").arg(server, job->request.summary(), job->outDir);
        break;
    case JobState::Failed:
        title = tr("Export failed");
        icon = QSystemTrayIcon::Warning;
        //: %1 is a server name, %2 what was exported, %3 the reason
        text = tr("%1: %2 failed. %3").arg(server, job->request.summary(), job->lastError);
        break;
    default:
        return;
    }
    Q_EMIT notified(title, text);
    showMessage(title, text, icon);
}

} // namespace fbm
