#pragma once

#include <QIcon>
#include <QIdentityProxyModel>

#include <functional>

namespace fbm {

/// Adds the icons a QtCore model must not know about: in one column, the icon for the value of
/// one of the model's roles (a severity, a warning flag).
class RoleIconProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleIconProxy)
public:
    using IconFor = std::function<QIcon(const QVariant &value)>;

    RoleIconProxy(int column, int role, IconFor iconFor, QObject *parent = nullptr);
    ~RoleIconProxy() override;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;

private:
    int m_column;
    int m_role;
    IconFor m_iconFor;
};

} // namespace fbm
