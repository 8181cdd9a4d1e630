#include "reportjobactions.h"

#include "reportjobsview.h"
#include "reports/reportarchive.h"

#include <QAction>
#include <QIcon>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace fbm {

ReportJobActions::ReportJobActions(ReportJobsView *page)
    : QObject(page)
    , m_page(page)
{
    const auto make = [page](const QString &text, const QString &name, const QKeySequence &key,
                             const QString &tip, void (ReportJobsView::*slot)()) {
        auto *a = new QAction(text, page);
        a->setObjectName(name);
        a->setShortcut(key);
        // The page may sit beside the exports in one window: its keys act only inside it.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        const QString keyText = key.toString(QKeySequence::NativeText);
        //: %1 what the action does, %2 its keyboard shortcut
        a->setToolTip(keyText.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keyText));
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, page, slot);
        page->addAction(a);
        return a;
    };
    m_refresh = make(tr("&Refresh"), u"refreshReportJobs"_s, QKeySequence::Refresh,
                     tr("Ask the reporting server for the state of its report jobs"),
                     &ReportJobsView::refresh);
    m_saveStatus =
        make(tr("&Save status…"), u"saveReportStatus"_s, QKeySequence::Save,
             tr("Save all jobs to a file: as a table (CSV) or as the server's answer (JSON)"),
             &ReportJobsView::saveStatus);
    m_download =
        make(tr("&Download report"), u"downloadReport"_s, QKeySequence(Qt::CTRL | Qt::Key_D),
             tr("Save the selected finished reports in the reports folder"),
             &ReportJobsView::downloadReport);
    m_downloadAll = make(tr("Download &all finished…"), u"downloadAllReports"_s,
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                         tr("Save every finished report that is not saved yet into a folder"),
                         &ReportJobsView::downloadAllFinished);
    m_start =
        make(tr("S&tart report…"), u"startReport"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
             tr("Start one of the reports the server offers"), &ReportJobsView::startReport);
    m_open = make(tr("&Open"), u"openReport"_s, QKeySequence(Qt::CTRL | Qt::Key_O),
                  tr("Open the selected job's saved report with the system's program"),
                  &ReportJobsView::openSavedReport);
    m_extract = make(tr("E&xtract…"), u"extractReport"_s, QKeySequence(Qt::CTRL | Qt::Key_E),
                     tr("Unpack the selected job's saved ZIP report into a folder"),
                     &ReportJobsView::extractSavedReport);
    m_find = new QAction(tr("Filter"), page);
    m_find->setShortcut(QKeySequence::Find);
    m_find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addAction(m_find);
}

ReportJobActions::~ReportJobActions() = default;

QList<QAction *> ReportJobActions::all() const
{
    return {m_refresh, m_saveStatus, m_download, m_downloadAll, m_start, m_open, m_extract};
}

void ReportJobActions::applyIcons()
{
    const QStyle *s = m_page->style();
    const auto themed = [s](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(name), s->standardIcon(fallback));
    };
    m_refresh->setIcon(themed("view-refresh", QStyle::SP_BrowserReload));
    m_saveStatus->setIcon(themed("document-save-as", QStyle::SP_DialogSaveButton));
    m_download->setIcon(themed("document-save", QStyle::SP_ArrowDown));
    m_downloadAll->setIcon(themed("folder-download", QStyle::SP_DirOpenIcon));
    m_start->setIcon(themed("media-playback-start", QStyle::SP_MediaPlay));
    m_open->setIcon(themed("document-open", QStyle::SP_FileIcon));
    m_extract->setIcon(themed("archive-extract", QStyle::SP_FileDialogNewFolder));
}

void ReportJobActions::update(const PageState &now)
{
    bool anyReport = false;
    for (const ReportJob &j : now.selected)
        anyReport = anyReport || j.hasReport();
    m_saveStatus->setEnabled(now.haveStatus);
    m_download->setEnabled(anyReport && !now.downloading);
    m_downloadAll->setEnabled(now.anyDone && !now.downloading);
    m_open->setEnabled(!now.currentSavedPath.isEmpty());
    m_extract->setEnabled(ReportArchive::canExtract(now.currentSavedPath));

    const ReportJob *job = now.current;
    if (job && !job->hasReport()) {
        m_download->setToolTip(job->isDone() ? tr("The server names no report file for this job")
                                             : tr("The report can be downloaded once the job is "
                                                  "done"));
    } else {
        m_download->setToolTip(tr("Save the selected finished reports in the reports folder (%1)")
                                   .arg(m_download->shortcut().toString(QKeySequence::NativeText)));
    }
}

} // namespace fbm
