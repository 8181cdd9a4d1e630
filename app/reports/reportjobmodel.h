#pragma once

#include "reportjob.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace fbm {

/// The report jobs of one reporting server as a table (QtCore only: text and raw values, no
/// icons or colours; the view picks those from StatusRole). setJobs() updates rows in place by
/// job identity (ReportJob::key()): unchanged rows are left alone, changed cells are reported
/// with dataChanged(), vanished jobs are removed and new ones appended, so the view keeps its
/// selection and scroll position across refreshes.
class ReportJobModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportJobModel)
public:
    enum Column
    {
        ReportColumn, ///< the name in words; tooltip: the full report class and any unknown parts
        StatusColumn,
        UserColumn, ///< the display name, else the shortest unique id; tooltip: the full id
        CreatedColumn,
        StartedColumn,
        EndedColumn,
        RunTimeColumn,
        ParametersColumn, ///< "anonymization: None, …"
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        /// A raw value to sort by: QDateTime for times, seconds (qint64, -1 unknown) for the run
        /// time, case-folded text otherwise.
        SortRole = Qt::UserRole + 1,
        StatusRole,    ///< int(ReportJob::State), on every column
        RawStatusRole, ///< the status exactly as the server wrote it
        JobKeyRole,    ///< ReportJob::key()
        HasReportRole, ///< bool: done with a Binary to download
    };
    Q_ENUM(Role)

    explicit ReportJobModel(QObject *parent = nullptr);
    ~ReportJobModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces the jobs, updating rows in place (see the class comment).
    void setJobs(const QList<ReportJob> &jobs);
    void clear();

    [[nodiscard]] QList<ReportJob> jobs() const { return m_jobs; }
    /// The job of a row, or nullptr for a row out of range.
    [[nodiscard]] const ReportJob *jobAt(int row) const;
    /// The row of the job with this key, or -1.
    [[nodiscard]] int rowOfKey(const QString &key) const;
    [[nodiscard]] bool hasUnfinishedJobs() const;

    /// "Done", "Failed", or the server's own word for an unfinished job.
    [[nodiscard]] static QString statusText(const ReportJob &job);
    /// The status in the user's language when it is one the program knows (DONE, FAILED,
    /// RUNNING, QUEUED, in any case), otherwise the server's own word ("Unknown" when empty).
    [[nodiscard]] static QString statusTitle(const ReportJob &job);
    /// Whether statusTitle() translates this status word.
    [[nodiscard]] static bool isKnownStatus(const QString &status);
    /// A time in the locale's short date and time, as the exports table shows times.
    [[nodiscard]] static QString localTimeText(const QDateTime &when);

    /// On: the status and time columns show statusTitle() and localTimeText(), for people.
    /// Off (the default): statusText() and timeText(), the stable forms the command line prints.
    void setLocalizedText(bool on);
    /// A sentence saying what the status means for the user.
    [[nodiscard]] static QString statusToolTip(const ReportJob &job);
    /// The User cell's text: the user's name when the server gives one, else the id as shown
    /// among these jobs (shortUniqueIds()).
    [[nodiscard]] static QString userText(const ReportJob &job,
                                          const QHash<QString, QString> &shownIds);
    /// A time as the table shows it: local time, "yyyy-MM-dd HH:mm:ss".
    [[nodiscard]] static QString timeText(const QDateTime &when);

Q_SIGNALS:
    /// A job seen unfinished before is now done or failed (not emitted on the first fill).
    void jobFinished(const fbm::ReportJob &job);
    /// A known job's status text changed.
    void jobStatusChanged(const fbm::ReportJob &job, const QString &previousStatus);

private:
    [[nodiscard]] QVariant cell(const ReportJob &job, int column, int role) const;
    void rebuildIndex();
    [[nodiscard]] static QHash<QString, QString> shownUserIds(const QList<ReportJob> &jobs);

    QList<ReportJob> m_jobs;
    QHash<QString, int> m_rowByKey;
    QHash<QString, QString> m_shownUserIds; ///< full id -> shortUniqueIds() among m_jobs
    bool m_localized = false;
};

} // namespace fbm
