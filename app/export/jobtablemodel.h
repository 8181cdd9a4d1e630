#pragma once

#include "exportjob.h"
#include "jobmanager.h"
#include "jobprogress.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

#include <vector>

namespace fbm {

/// The export jobs of a JobManager as a table: text for people (Qt::DisplayRole, ToolTipRole)
/// and raw values for sorting and painting (SortRole, StateRole...); what each cell says is
/// JobCellFormat's. QtCore only: icons and colours are the view's business.
///
/// Updates are cheap by construction: a jobChanged(id, fields) touches only the columns those
/// fields feed, and one 1-second timer, running only while some job counts down, refreshes the
/// NextCheck column of the waiting rows only (one dataChanged per contiguous run of rows). The
/// coarse Elapsed and Expires columns are refreshed by the same tick only for rows whose shown
/// minute changed. Countdowns are always the deadline minus the manager's clock, never
/// decremented, so a late tick cannot drift.
class JobTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTableModel)
public:
    enum Column
    {
        Server,
        What,
        State,
        Progress,
        ServerSays,
        NextCheck,
        Files,
        Bytes,
        Started,
        Elapsed,
        Expires,
        Count
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< raw value for sorting (number, date or string)
        JobIdRole,                   ///< QString, any column
        StateRole,                   ///< int(JobState), any column
        ProfileIdRole,               ///< QString, any column
        ExpiringSoonRole,            ///< bool: files expire soon and are not all saved
        ErrorRole,                   ///< QString: the job's last error, translated
        /// int 0..100, -1 not known (busy), on the Progress column; no value: no bar
        ProgressRole,
        ActionRole,     ///< QString: the next step a finished row offers ("Open folder")
        ActionKindRole, ///< int(JobProgress::Action)
    };
    Q_ENUM(Role)

    explicit JobTableModel(JobManager *manager, QObject *parent = nullptr);
    ~JobTableModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] JobManager *manager() const { return m_manager; }
    [[nodiscard]] QString jobId(int row) const;
    /// -1 when the model has no such job.
    [[nodiscard]] int rowOf(const QString &id) const;

    /// Whether the countdown timer runs (some job waits for a poll, runs or has files that
    /// will expire).
    [[nodiscard]] bool isTicking() const { return m_tick.isActive(); }
    /// One tick of the countdown timer; the timer calls it every second. Public for tests.
    void tick();

    /// JobCellFormat::expiresSoon(): whether the job's files expire soon and are not all saved.
    [[nodiscard]] static bool expiresSoon(const ExportJob &job, const QDateTime &now);
    /// What the job's progress bar shows now.
    [[nodiscard]] JobProgress progress(const ExportJob &job) const;
    /// The words of a row's action link.
    [[nodiscard]] static QString actionText(JobProgress::Action action);

    /// JobCellFormat::formatCountdown(): "0:42", "12:05", "1:12:09".
    [[nodiscard]] static QString formatCountdown(qint64 seconds);
    /// JobCellFormat::formatDuration(): "< 1 min", "12 min", "1 h 05 min", "2 d 3 h".
    [[nodiscard]] static QString formatDuration(qint64 seconds);

Q_SIGNALS:
    /// After each tick of the countdown timer (the status bar follows the same clock).
    void ticked();

private:
    struct Row
    {
        QString id;
        mutable const ExportJob *job = nullptr; ///< valid while the manager's layout is jobLayout
        mutable quint64 jobLayout = ~quint64(0);
        bool waiting = false;     ///< counts down to a poll: NextCheck changes every second
        bool live = false;        ///< Elapsed or Expires still change with time
        bool soon = false;        ///< ExpiringSoonRole as last published
        qint64 elapsedKey = -1;   ///< the shown Elapsed minute, to refresh only when it changes
        qint64 expiresKey = -1;   ///< the shown Expires minute
        bool downloading = false; ///< speed and time left change with each tick
        QString error;            ///< the last error as published (the engine re-sends it often)
    };

    void onJobAdded(const QString &id);
    void onJobChanged(const QString &id, JobFields fields);
    void onJobRemoved(const QString &id);
    void onManagerDestroyed();
    void reload();
    /// Recomputes a row's timer flags; returns true when ExpiringSoonRole flipped.
    bool refreshFlags(Row &row, const ExportJob &job, const QDateTime &now);
    void updateTimer();
    void reindexFrom(int row);
    /// Emits one dataChanged per contiguous run of rows (sorted) in one column.
    void emitColumnRuns(const std::vector<int> &rows, int column);

    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] const ExportJob *jobOf(const Row &row) const;

    QPointer<JobManager> m_manager;
    std::vector<Row> m_rows;
    QHash<QString, int> m_index;
    int m_waitingCount = 0;
    int m_liveCount = 0;
    QTimer m_tick;
    JobProgressTracker m_progress;
};

} // namespace fbm
