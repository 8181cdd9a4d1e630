#include "roleiconproxy.h"

namespace fbm {

RoleIconProxy::RoleIconProxy(int column, int role, IconFor iconFor, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_column(column)
    , m_role(role)
    , m_iconFor(std::move(iconFor))
{}

RoleIconProxy::~RoleIconProxy() = default;

QVariant RoleIconProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == m_column) {
        const QIcon icon = m_iconFor(QIdentityProxyModel::data(index, m_role));
        if (!icon.isNull())
            return icon;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace fbm
