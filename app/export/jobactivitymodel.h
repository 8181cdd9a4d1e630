#pragma once

#include "activity.h"
#include "activitywords.h"
#include "jobmanager.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace fbm {

/// The activity log of one export job, one row per HTTP exchange (time, request, URL, status,
/// duration, note): the Activity tab of the details. Entries arrive with
/// JobManager::activityAdded() and are appended; like the engine, the model keeps only the
/// latest kMaxActivityEntries. QtCore only: a view adds the warning icon for WarningRole.
class JobActivityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobActivityModel)
public:
    enum Column
    {
        Time,
        Event, ///< what the request was, in plain words (ActivityWords)
        Method,
        Url,
        Status,
        Took,
        Note,
        Count
    };
    Q_ENUM(Column)

    enum Role
    {
        CurlRole = Qt::UserRole + 1, ///< QString: the request as a curl command, empty for notes
        WarningRole,                 ///< bool: an error status or no answer at all
    };
    Q_ENUM(Role)

    explicit JobActivityModel(JobManager *manager, QObject *parent = nullptr);
    ~JobActivityModel() override;

    /// Shows the job's log; a finished job's log is read from the store now (only when someone
    /// looks at it). Empty: none.
    void setJobId(const QString &id);
    [[nodiscard]] QString jobId() const { return m_jobId; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const ActivityEntry &entry(int row) const { return m_entries.at(row); }

private:
    void onActivityAdded(const QString &id, const ActivityEntry &entry);
    void onJobRemoved(const QString &id);
    void onJobChanged(const QString &id, JobFields fields);
    [[nodiscard]] QString display(const ActivityEntry &e, int column) const;

    QPointer<JobManager> m_manager;
    QString m_jobId;
    QList<ActivityEntry> m_entries;
    ActivityWords m_words; ///< the job's addresses, to put each request into words
};

} // namespace fbm
