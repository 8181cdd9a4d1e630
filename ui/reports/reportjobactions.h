#pragma once

#include "reports/reportjob.h"

#include <QList>
#include <QObject>

class QAction;

namespace fbm {

class ReportJobsView;

/// The commands of a report jobs page: Refresh, Save status, Download report, Download all
/// finished, Start report, Open and Extract, for the page's toolbar, its table's context menu
/// and the window's menus, and Filter. Their shortcuts work while focus is in the page; each
/// command is enabled by what the page shows (update()).
class ReportJobActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportJobActions)
public:
    /// What the page shows now: all that decides which commands can run.
    struct PageState
    {
        QList<ReportJob> selected; ///< the selected jobs, else the current one
        const ReportJob *current = nullptr;
        QString currentSavedPath; ///< where the current job's report was saved, if it was
        bool downloading = false;
        bool haveStatus = false; ///< a job list that Save status can write
        bool anyDone = false;    ///< a job of the list is done
    };

    /// The actions are the page's (its children, in its action list) and run its slots.
    explicit ReportJobActions(ReportJobsView *page);
    ~ReportJobActions() override;

    [[nodiscard]] QAction *refresh() const { return m_refresh; }
    [[nodiscard]] QAction *saveStatus() const { return m_saveStatus; }
    [[nodiscard]] QAction *download() const { return m_download; }
    [[nodiscard]] QAction *downloadAll() const { return m_downloadAll; }
    [[nodiscard]] QAction *start() const { return m_start; }
    [[nodiscard]] QAction *open() const { return m_open; }
    [[nodiscard]] QAction *extract() const { return m_extract; }
    /// Ctrl+F: the page puts the focus in its filter.
    [[nodiscard]] QAction *find() const { return m_find; }
    /// Every command but Filter, for a main window's menus.
    [[nodiscard]] QList<QAction *> all() const;

    void update(const PageState &now);
    void applyIcons();

private:
    ReportJobsView *m_page;
    QAction *m_refresh = nullptr;
    QAction *m_saveStatus = nullptr;
    QAction *m_download = nullptr;
    QAction *m_downloadAll = nullptr;
    QAction *m_start = nullptr;
    QAction *m_open = nullptr;
    QAction *m_extract = nullptr;
    QAction *m_find = nullptr;
};

} // namespace fbm
