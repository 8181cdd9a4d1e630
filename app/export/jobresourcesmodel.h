#pragma once

#include "jobmanager.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace fbm {

/// The resources of one export job per type: how many files, how many resources saved and how
/// many the server said there would be (the Resources tab of the details). QtCore only.
class JobResourcesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobResourcesModel)
public:
    enum Column
    {
        Type,
        Files,
        Saved,
        Expected,
        Count
    };
    Q_ENUM(Column)

    explicit JobResourcesModel(JobManager *manager, QObject *parent = nullptr);
    ~JobResourcesModel() override;

    /// The job whose resources are counted (empty: none).
    void setJobId(const QString &id);
    [[nodiscard]] QString jobId() const { return m_jobId; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    struct PerType
    {
        QString label;
        int files = 0;
        qint64 saved = 0;
        qint64 expected = 0;
        bool anyExpected = false;
    };

    void onJobChanged(const QString &id, JobFields fields);
    void onJobRemoved(const QString &id);
    /// Counts again; resets when the types changed, else only the numbers change.
    void sync();
    [[nodiscard]] QList<PerType> count() const;

    QPointer<JobManager> m_manager;
    QString m_jobId;
    QList<PerType> m_types;
};

} // namespace fbm
