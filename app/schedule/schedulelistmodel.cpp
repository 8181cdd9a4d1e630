#include "schedulelistmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString shortTime(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

void ScheduleListModel::setRows(QList<ScheduleService::Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const ScheduleService::Row *ScheduleListModel::row(int index) const
{
    return index >= 0 && index < m_rows.size() ? &m_rows.at(index) : nullptr;
}

int ScheduleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScheduleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleListModel::data(const QModelIndex &index, int role) const
{
    const ScheduleService::Row *r = row(index.row());
    if (!r || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case Name:
        return r->schedule.name;
    case Repeats:
        return r->schedule.full ? r->schedule.calendarText()
                                //: %1 is when a schedule runs, such as "Every day at 02:30"
                                : tr("%1, changes only").arg(r->schedule.calendarText());
    case Server:
        return r->schedule.profile;
    case NextRun:
        return r->timer.nextRun.isValid() ? shortTime(r->timer.nextRun) : tr("not known");
    case LastRun:
        if (!r->last)
            return tr("not run yet");
        if (role == Qt::ToolTipRole || !r->last->ok())
            //: %1 a date and time, %2 how the run ended (a sentence)
            return (r->last->ok() ? tr("%1: %2") : tr("%1: failed: %2"))
                .arg(shortTime(r->last->at), r->last->message);
        //: %1 a date and time
        return tr("%1: done").arg(shortTime(r->last->at));
    default:
        return {};
    }
}

QVariant ScheduleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Repeats:
        return tr("Repeats");
    case Server:
        return tr("Server");
    case NextRun:
        return tr("Next run");
    case LastRun:
        return tr("Last run");
    default:
        return {};
    }
}

} // namespace fbm
