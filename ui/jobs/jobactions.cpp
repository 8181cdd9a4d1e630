#include "jobactions.h"

#include "confirmbox.h"
#include "jobspanel.h"
#include "runagain.h"

#include <QAction>
#include <QDir>
#include <QStyle>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace fbm {

JobActions::JobActions(JobManager *manager, JobsPanel *jobs, QWidget *window,
                       std::function<void(const QString &)> openFolder)
    : QObject(window)
    , m_manager(manager)
    , m_jobs(jobs)
    , m_window(window)
    , m_openFolderOf(std::move(openFolder))
{
    connect(m_jobs, &JobsPanel::rowActionTriggered, this, &JobActions::runRowAction);
    const auto make = [this](const QString &text, const QString &name, const QString &tip,
                             const QKeySequence &key, void (JobActions::*slot)()) {
        auto *a = new QAction(text, m_window);
        a->setObjectName(name);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_cancel = make(tr("&Cancel export"), u"cancelAction"_s,
                    tr("Ask the server to stop the selected exports"),
                    QKeySequence(Qt::CTRL | Qt::Key_Period), &JobActions::cancelSelected);
    m_cancel->setIconText(tr("Cancel"));
    m_retryTip = tr("Try the selected failed exports again");
    m_retry = make(tr("&Retry"), u"retryAction"_s, m_retryTip, QKeySequence(Qt::CTRL | Qt::Key_R),
                   &JobActions::retrySelected);
    m_download = make(tr("&Download files"), u"downloadAction"_s,
                      tr("Save the files of the selected finished exports"),
                      QKeySequence(Qt::CTRL | Qt::Key_D), &JobActions::downloadSelected);
    m_download->setIconText(tr("Download"));
    m_checkNow = make(tr("Check &now"), u"checkNowAction"_s,
                      tr("Ask the server for the export's status now instead of waiting"),
                      QKeySequence::Refresh, &JobActions::checkNowSelected);
    m_openFolder = make(tr("&Open folder"), u"openFolderAction"_s,
                        tr("Open the folder the export's files are saved in"), QKeySequence::Open,
                        &JobActions::openFolderOfCurrent);
    m_remove = make(tr("Remove from &list"), u"removeAction"_s,
                    tr("Remove the selected exports from this list; saved files stay where they "
                       "are"),
                    QKeySequence::Delete, &JobActions::removeSelected);
    m_remove->setIconText(tr("Remove"));
    m_runAgain =
        make(tr("Run a&gain"), u"runAgainAction"_s,
             tr("Start the selected ended exports again with the same settings, each "
                "into a new folder"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &JobActions::runAgainSelected);
    m_runChangesSince = make(tr("Run again for c&hanges since"), u"runChangesSinceAction"_s,
                             tr("Start the selected exports again for only what changed on the "
                                "server since they were made"),
                             {}, &JobActions::runChangesSinceSelected);
}

JobActions::~JobActions() = default;

QList<QAction *> JobActions::all() const
{
    return {m_cancel,     m_retry,  m_download, m_checkNow,
            m_openFolder, m_remove, m_runAgain, m_runChangesSince};
}

void JobActions::applyIcons()
{
    QStyle *s = m_window->style();
    const auto themed = [s](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(name), s->standardIcon(fallback));
    };
    m_cancel->setIcon(themed("process-stop", QStyle::SP_BrowserStop));
    m_retry->setIcon(themed("view-refresh", QStyle::SP_BrowserReload));
    m_download->setIcon(themed("document-save", QStyle::SP_ArrowDown));
    m_checkNow->setIcon(themed("view-refresh", QStyle::SP_BrowserReload));
    m_openFolder->setIcon(themed("folder-open", QStyle::SP_DirOpenIcon));
    m_remove->setIcon(themed("edit-delete", QStyle::SP_TrashIcon));
}

void JobActions::setEndedDemoRetry(std::function<bool(const ExportJob &)> ended,
                                   std::function<void(const QString &)> runAgain)
{
    m_endedDemo = std::move(ended);
    m_runDemoAgain = std::move(runAgain);
    update();
}

void JobActions::setRunAgain(std::function<void(const QString &, bool)> start)
{
    m_startAgain = std::move(start);
    update();
}

void JobActions::runAgainSelected()
{
    for (const QString &id : m_jobs->selectedJobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (j && m_startAgain && RunAgain::possible(*j))
            m_startAgain(id, false);
    }
    update();
}

void JobActions::runChangesSinceSelected()
{
    for (const QString &id : m_jobs->selectedJobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (j && m_startAgain && RunAgain::changesSincePossible(*j))
            m_startAgain(id, true);
    }
    update();
}

void JobActions::update()
{
    bool cancel = false;
    bool retry = false;
    bool endedDemo = false; ///< a failed demo export of an earlier run is selected
    bool download = false;
    bool check = false;
    bool remove = false;
    bool again = false;
    bool changesSince = false;
    for (const QString &id : m_jobs->selectedJobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (!j)
            continue;
        remove = true;
        again |= RunAgain::possible(*j);
        changesSince |= RunAgain::changesSincePossible(*j);
        cancel |= !j->isTerminal() && !j->cancelRequested;
        if (j->state == JobState::Failed && m_endedDemo && m_endedDemo(*j)) {
            endedDemo = true;
            retry |= bool(m_runDemoAgain);
        } else {
            retry |= j->state == JobState::Failed;
        }
        download |=
            j->state == JobState::Completed ||
            (j->state == JobState::Failed && j->completedAt.isValid() && j->fileCount() > 0);
        check |= j->state == JobState::Running && j->isWaitingForPoll();
    }
    const ExportJob *current = m_manager->job(m_jobs->currentJobId());
    m_cancel->setEnabled(cancel);
    m_retry->setEnabled(retry);
    if (endedDemo && !m_runDemoAgain)
        m_retry->setToolTip(tr("This demo export ended with the program that ran it, and no demo "
                               "server runs now. Start the program with --demo to run demo "
                               "exports again."));
    else if (endedDemo)
        m_retry->setToolTip(tr("Start the demo export again: its demo server stopped with the "
                               "program, so it starts over on the demo server that runs now."));
    else
        m_retry->setToolTip(m_retryTip);
    m_download->setEnabled(download);
    m_checkNow->setEnabled(check);
    m_remove->setEnabled(remove);
    m_runAgain->setEnabled(again && m_startAgain);
    m_runChangesSince->setEnabled(changesSince && m_startAgain);
    m_openFolder->setEnabled(current && !current->outDir.isEmpty() &&
                             QDir(current->outDir).exists());
}

void JobActions::cancelSelected()
{
    QStringList ids;
    for (const QString &id : m_jobs->selectedJobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (j && !j->isTerminal() && !j->cancelRequested)
            ids << id;
    }
    if (ids.isEmpty())
        return;
    ConfirmBox::ask(m_window, tr("Cancel export"),
                    tr("Ask the server to stop %n export(s)? The work the server has done so "
                       "far is lost; files already saved stay in their folder.",
                       nullptr, int(ids.size())),
                    tr("Cancel export"), [this, ids] {
                        for (const QString &id : ids)
                            m_manager->cancel(id);
                        update();
                    });
}

void JobActions::retrySelected()
{
    for (const QString &id : m_jobs->selectedJobIds()) {
        const ExportJob *j = m_manager->job(id);
        if (j && j->state == JobState::Failed && m_endedDemo && m_endedDemo(*j)) {
            if (m_runDemoAgain)
                m_runDemoAgain(id);
            continue;
        }
        m_manager->retry(id);
    }
    update();
}

void JobActions::downloadSelected()
{
    for (const QString &id : m_jobs->selectedJobIds())
        m_manager->startDownload(id);
    update();
}

void JobActions::runRowAction(const QString &id, JobProgress::Action action)
{
    const ExportJob *j = m_manager->job(id);
    if (!j)
        return;
    switch (action) {
    case JobProgress::Action::None:
        return;
    case JobProgress::Action::OpenFolder:
        m_openFolderOf(j->outDir);
        return;
    case JobProgress::Action::Download:
        m_manager->startDownload(id);
        break;
    case JobProgress::Action::Retry:
        m_manager->retry(id);
        break;
    }
    update();
}

void JobActions::checkNowSelected()
{
    for (const QString &id : m_jobs->selectedJobIds())
        m_manager->pollNow(id);
}

void JobActions::openFolderOfCurrent()
{
    if (const ExportJob *j = m_manager->job(m_jobs->currentJobId()))
        m_openFolderOf(j->outDir);
}

void JobActions::removeSelected()
{
    const QStringList ids = m_jobs->selectedJobIds();
    if (ids.isEmpty())
        return;
    bool active = false;
    for (const QString &id : ids) {
        const ExportJob *j = m_manager->job(id);
        active |= j && !j->isTerminal();
    }
    const auto remove = [this, ids] {
        for (const QString &id : ids)
            m_manager->remove(id);
    };
    if (!active) {
        remove();
        return;
    }
    ConfirmBox::ask(m_window, tr("Remove from list"),
                    tr("Some of these exports are still running. Removing them stops following "
                       "them here; the server is not told to stop. Files already saved stay in "
                       "their folder."),
                    tr("Remove"), remove);
}

} // namespace fbm
