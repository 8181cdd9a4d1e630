#pragma once

#include "exportjob.h"
#include "jobmanager.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace fbm {

/// The files of one export job as a table (name, type, state, progress, resources, size): what
/// the Files tab of the details shows. Text for people in Qt::DisplayRole and ToolTipRole, the
/// raw percentage in ProgressRole for a delegate that paints a bar. QtCore only.
///
/// It follows the manager: a jobChanged() of the shown job with Files, Manifest or State
/// updates the rows in place (rows are only appended or taken from the end, so a selection
/// survives the progress updates).
class JobFilesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilesModel)
public:
    enum Column
    {
        Name,
        Type,
        State,
        Progress,
        Resources,
        Size,
        Count
    };
    Q_ENUM(Column)

    enum Role
    {
        ProgressRole = Qt::UserRole + 1, ///< int percent, -1 unknown (Progress column)
        FileStateRole,                   ///< int(FileState), any column
    };
    Q_ENUM(Role)

    explicit JobFilesModel(JobManager *manager, QObject *parent = nullptr);
    ~JobFilesModel() override;

    /// The job whose files are shown (empty: none).
    void setJobId(const QString &id);
    [[nodiscard]] QString jobId() const { return m_jobId; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    /// What to say instead of an empty list ("The server lists the files when the export is
    /// finished."), or empty when there are files or no job.
    [[nodiscard]] QString placeholderText() const;

    /// "Waiting", "Downloading", "Saved", "Failed".
    [[nodiscard]] static QString stateText(FileState state);
    /// The resource type, marked when the file lists problems or deleted resources.
    [[nodiscard]] static QString typeText(const ExportFile &file);
    /// 0-100, or -1 when neither the size nor the count is known yet.
    [[nodiscard]] static int percent(const ExportFile &file);

private:
    void onJobChanged(const QString &id, JobFields fields);
    void onJobRemoved(const QString &id);
    void sync();
    [[nodiscard]] const ExportJob *job() const;
    [[nodiscard]] QString display(const ExportFile &file, int column) const;

    QPointer<JobManager> m_manager;
    QString m_jobId;
    int m_rows = 0;
};

} // namespace fbm
