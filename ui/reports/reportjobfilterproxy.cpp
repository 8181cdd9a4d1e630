#include "reportjobfilterproxy.h"

#include "reports/reportjobmodel.h"

namespace fbm {

ReportJobFilterProxy::ReportJobFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ReportJobModel::SortRole);
    setDynamicSortFilter(true);
}

ReportJobFilterProxy::~ReportJobFilterProxy() = default;

void ReportJobFilterProxy::setWords(const QString &text)
{
    m_words = text.simplified().toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    invalidateFilter();
}

void ReportJobFilterProxy::setStatusIcons(const QIcon &done, const QIcon &failed,
                                          const QIcon &unfinished)
{
    m_done = done;
    m_failed = failed;
    m_unfinished = unfinished;
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, ReportJobModel::StatusColumn),
                           index(rowCount() - 1, ReportJobModel::StatusColumn),
                           {Qt::DecorationRole});
    }
}

QVariant ReportJobFilterProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == ReportJobModel::StatusColumn) {
        switch (ReportJob::State(index.data(ReportJobModel::StatusRole).toInt())) {
        case ReportJob::State::Done:
            return m_done;
        case ReportJob::State::Failed:
            return m_failed;
        case ReportJob::State::Unfinished:
            return m_unfinished;
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

bool ReportJobFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QAbstractItemModel *m = sourceModel();
    QString text;
    for (int c = 0; c < m->columnCount(sourceParent); ++c)
        text += m->index(sourceRow, c, sourceParent).data().toString() + u'\n';
    const QModelIndex first = m->index(sourceRow, 0, sourceParent);
    // The full report class and the full user id are found too, not only the short forms.
    text += first.data(Qt::ToolTipRole).toString() + u'\n' +
            first.data(ReportJobModel::RawStatusRole).toString() + u'\n' +
            m->index(sourceRow, ReportJobModel::UserColumn, sourceParent)
                .data(Qt::ToolTipRole)
                .toString();
    text = text.toCaseFolded();
    for (const QString &w : m_words) {
        if (!text.contains(w))
            return false;
    }
    return true;
}

} // namespace fbm
