#include "traynotifier.h"

using namespace Qt::StringLiterals;

namespace fbm {

TrayNotifier::TrayNotifier(JobManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
    connect(m_manager, &JobManager::stateChanged, this, &TrayNotifier::onStateChanged);
    // Made even where no tray shows (it then stays hidden): its signals are the ones a desktop
    // sends, so the window answers a click the same way everywhere.
    m_tray = new QSystemTrayIcon(this);
    m_tray->setObjectName(u"trayIcon"_s);
    m_tray->setToolTip(tr("FHIR Bulk Monitor"));
    connect(m_tray, &QSystemTrayIcon::activated, this, &TrayNotifier::activated);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this,
            [this] { Q_EMIT messageClicked(m_balloonJob); });
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::setIcon(const QIcon &icon)
{
    m_tray->setIcon(icon);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray->isVisible())
        m_tray->show();
}

void TrayNotifier::showMessage(const QString &title, const QString &text,
                               QSystemTrayIcon::MessageIcon icon)
{
    m_balloonJob.clear();
    if (m_tray->isVisible())
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
        //: a notification's title; %1 what was exported, like "Patient, Observation"
        title = tr("Export ready: %1").arg(job->request.summary());
        //: %1 is a server name, %2 what was exported
        text = tr("%1: %2 is ready; choose Download to save the files.")
                   .arg(server, job->request.summary());
        break;
    case JobState::Saved:
        //: a notification's title; %1 what was exported, like "Patient, Observation"
        title = tr("Export saved: %1").arg(job->request.summary());
        //: %1 is a server name, %2 what was exported, %3 a folder
        text = tr("%1: %2 saved in %3.").arg(server, job->request.summary(), job->outDir);
        break;
    case JobState::Failed:
        //: a notification's title; %1 what was exported, like "Patient, Observation"
        title = tr("Export failed: %1").arg(job->request.summary());
        icon = QSystemTrayIcon::Warning;
        //: %1 is a server name, %2 what was exported, %3 the reason
        text = tr("%1: %2 failed. %3").arg(server, job->request.summary(), job->lastError);
        break;
    default:
        return;
    }
    Q_EMIT notified(title, text);
    Q_EMIT exportNews(id, title, text);
    showMessage(title, text, icon);
    m_balloonJob = id;
}

} // namespace fbm
