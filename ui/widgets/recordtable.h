#pragma once

#include <QHeaderView>
#include <QTableView>

namespace fbm {

/// The look and behaviour every record list of the application shares (exports, report jobs):
/// whole-row selection, sorting, one text line per row sized from the font (right at high DPI),
/// no grid, read-only, movable columns.
inline void setUpRecordTable(QTableView *view)
{
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

} // namespace fbm
