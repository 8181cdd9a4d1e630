#pragma once

#include "exportjob.h"

#include <QIcon>
#include <QSortFilterProxyModel>

#include <array>

namespace fbm {

/// Filters the jobs by the selected server profile and the filter text, sorts by raw values,
/// and adds the icons the core model must not know about.
class JobFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilterProxy)
public:
    /// One icon per JobState, in the enum's order.
    static constexpr size_t kStateCount = size_t(JobState::Expired) + 1;
    using StateIcons = std::array<QIcon, kStateCount>;

    explicit JobFilterProxy(QObject *parent = nullptr);
    ~JobFilterProxy() override;

    /// Only the jobs of this profile; empty: every job.
    void setProfileId(const QString &id);
    [[nodiscard]] QString profileId() const { return m_profileId; }

    void setIcons(StateIcons stateIcons, QIcon warning);

    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;

protected:
    [[nodiscard]] bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_profileId;
    StateIcons m_stateIcons;
    QIcon m_warning;
};

} // namespace fbm
