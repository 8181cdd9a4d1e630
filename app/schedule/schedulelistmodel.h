#pragma once

#include "scheduleservice.h"

#include <QAbstractTableModel>

namespace fbm {

/// The Schedules window's table: one row per schedule, with when it runs, its server, the next
/// run systemd knows and how the last run ended.
class ScheduleListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleListModel)
public:
    enum Column
    {
        Name,
        Repeats,
        Server,
        NextRun,
        LastRun,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<ScheduleService::Row> rows);
    [[nodiscard]] const ScheduleService::Row *row(int index) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    QList<ScheduleService::Row> m_rows;
};

} // namespace fbm
