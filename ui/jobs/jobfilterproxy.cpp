#include "jobfilterproxy.h"

#include "jobtablemodel.h"

namespace fbm {

JobFilterProxy::JobFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobTableModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

JobFilterProxy::~JobFilterProxy() = default;

void JobFilterProxy::setProfileId(const QString &id)
{
    if (id == m_profileId)
        return;
    m_profileId = id;
    invalidateFilter();
}

void JobFilterProxy::setIcons(StateIcons stateIcons, QIcon warning)
{
    m_stateIcons = std::move(stateIcons);
    m_warning = std::move(warning);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           {Qt::DecorationRole});
}

QVariant JobFilterProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole) {
        if (index.column() == JobTableModel::State) {
            const int state = QSortFilterProxyModel::data(index, JobTableModel::StateRole).toInt();
            if (state >= 0 && size_t(state) < m_stateIcons.size())
                return m_stateIcons[size_t(state)];
        } else if (index.column() == JobTableModel::Expires &&
                   QSortFilterProxyModel::data(index, JobTableModel::ExpiringSoonRole).toBool()) {
            return m_warning;
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

bool JobFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (!m_profileId.isEmpty() &&
        sourceModel()->index(row, 0, parent).data(JobTableModel::ProfileIdRole).toString() !=
            m_profileId)
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(row, parent);
}

} // namespace fbm
