#pragma once

#include <QAbstractProxyModel>
#include <QHeaderView>
#include <QTableView>

namespace fbm {

/// The look and behaviour every record list of the application shares (exports, report jobs):
/// whole-row selection, sorting, one text line per row sized from the font (right at high DPI),
/// no grid, read-only, movable columns. Tab leaves the table for the next widget: a table moves
/// its cursor cell by cell on Tab by default, which traps keyboard users in a row-select list.
inline void setUpRecordTable(QTableView *view)
{
    view->setTabKeyNavigation(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setShowGrid(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(qRound(view->fontMetrics().height() * 1.6));
    QHeaderView *header = view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
}

/// Makes the row of a record of the proxy's source model current and selected, and scrolls to
/// it. Does nothing when there is no such record or the filter hides it.
inline void selectRecord(QTableView *view, const QAbstractProxyModel *proxy, int sourceRow)
{
    if (sourceRow < 0)
        return;
    const QModelIndex index = proxy->mapFromSource(proxy->sourceModel()->index(sourceRow, 0));
    if (!index.isValid())
        return;
    view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    view->scrollTo(index);
}

} // namespace fbm
