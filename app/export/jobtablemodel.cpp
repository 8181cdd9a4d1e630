#include "jobtablemodel.h"
#include "logging.h"

#include "jobcellformat.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace fbm {

JobTableModel::JobTableModel(JobManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    m_tick.setInterval(1000);
    // The countdown is recomputed from the deadline at each tick, so a coarse timer is enough
    // and lets the system batch wake-ups.
    m_tick.setTimerType(Qt::CoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &JobTableModel::tick);
    if (m_manager) {
        connect(m_manager, &JobManager::jobAdded, this, &JobTableModel::onJobAdded);
        connect(m_manager, &JobManager::jobChanged, this, &JobTableModel::onJobChanged);
        connect(m_manager, &JobManager::jobRemoved, this, &JobTableModel::onJobRemoved);
        connect(m_manager, &QObject::destroyed, this, &JobTableModel::onManagerDestroyed);
    }
    reload();
}

JobTableModel::~JobTableModel() = default;

QDateTime JobTableModel::now() const
{
    return (m_manager ? m_manager->clock() : Clock::system())->now();
}

void JobTableModel::reload()
{
    m_rows.clear();
    m_index.clear();
    m_waitingCount = 0;
    m_liveCount = 0;
    if (m_manager) {
        const QDateTime t = now();
        const QStringList ids = m_manager->jobIds();
        m_rows.reserve(size_t(ids.size()));
        for (const QString &id : ids) {
            const ExportJob *job = m_manager->job(id);
            if (!job)
                continue;
            Row row;
            row.id = id;
            row.error = job->lastError;
            refreshFlags(row, *job, t);
            m_index.insert(id, int(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
    }
    updateTimer();
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QString JobTableModel::jobId(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].id : QString();
}

int JobTableModel::rowOf(const QString &id) const
{
    return m_index.value(id, -1);
}

QHash<int, QByteArray> JobTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sort");
    names.insert(JobIdRole, "jobId");
    names.insert(StateRole, "state");
    names.insert(ProfileIdRole, "profileId");
    names.insert(ExpiringSoonRole, "expiringSoon");
    names.insert(ErrorRole, "error");
    names.insert(ProgressRole, "progress");
    names.insert(ActionRole, "action");
    names.insert(ActionKindRole, "actionKind");
    return names;
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Server:
            return tr("Server");
        case What:
            return tr("What");
        case State:
            return tr("State");
        case Progress:
            return tr("Progress");
        case ServerSays:
            return tr("Server says");
        case NextCheck:
            return tr("Next check");
        case Files:
            return tr("Files");
        case Bytes:
            return tr("Size");
        case Started:
            return tr("Started");
        case Elapsed:
            return tr("Elapsed");
        case Expires:
            return tr("Files expire");
        case Count:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Server:
            return tr("The server profile the export was started on");
        case What:
            return tr("The export level and the resource types asked for");
        case State:
            return tr("Where the export is in its life: running on the server, saving files, "
                      "saved, failed or cancelled");
        case Progress:
            return tr("How far the export is: the server's work when it says how far it is, "
                      "then the files saved, the speed and the time left");
        case ServerSays:
            return tr("The progress text the server sent (X-Progress), exactly as it was sent");
        case NextCheck:
            return tr("When the application asks the server again, as the server asked");
        case Files:
            return tr("Files saved / files in the export");
        case Bytes:
            return tr("Data saved so far");
        case Started:
            return tr("When the export was started");
        case Elapsed:
            return tr("How long the export has taken");
        case Expires:
            return tr("Time left before the server deletes the files");
        case Count:
            break;
        }
    }
    return {};
}

const ExportJob *JobTableModel::jobOf(const Row &row) const
{
    // A sort of 10,000 rows asks for ~300,000 cells: one hash lookup per row, not per cell.
    const quint64 layout = m_manager->layoutGeneration();
    if (row.jobLayout != layout) {
        row.job = m_manager->job(row.id);
        row.jobLayout = layout;
    }
    return row.job;
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_manager)
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const ExportJob *job = jobOf(row);
    if (!job)
        return {};
    if (index.column() == Progress) {
        switch (role) {
        case Qt::DisplayRole:
            return progress(*job).text;
        case Qt::ToolTipRole: {
            const JobProgress p = progress(*job);
            return job->lastError.isEmpty() || p.text.contains(job->lastError)
                       ? p.text
                       : p.text + u"\n"_s + job->lastError;
        }
        case SortRole: {
            const JobProgress p = progress(*job);
            return p.hasBar ? p.percent : -2;
        }
        case ProgressRole: {
            const JobProgress p = progress(*job);
            return p.hasBar ? QVariant(p.percent) : QVariant();
        }
        case ActionRole:
            return actionText(progress(*job).action);
        case ActionKindRole:
            return int(progress(*job).action);
        default:
            break;
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return JobCellFormat::display(*job, index.column(), now());
    case Qt::ToolTipRole:
        return JobCellFormat::toolTip(*job, index.column(), now());
    case SortRole:
        return JobCellFormat::sortValue(*job, index.column(), now());
    case JobIdRole:
        return job->id;
    case StateRole:
        return int(job->state);
    case ProfileIdRole:
        return job->profileId;
    case ExpiringSoonRole:
        return JobCellFormat::expiresSoon(*job, now());
    case ErrorRole:
        return job->lastError;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Files:
        case Bytes:
        case Elapsed:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

JobProgress JobTableModel::progress(const ExportJob &job) const
{
    return m_progress.progress(job, now());
}

QString JobTableModel::actionText(JobProgress::Action action)
{
    switch (action) {
    case JobProgress::Action::None:
        break;
    case JobProgress::Action::OpenFolder:
        return tr("Open folder");
    case JobProgress::Action::Download:
        return tr("Download");
    case JobProgress::Action::Retry:
        return tr("Retry");
    }
    return {};
}

bool JobTableModel::expiresSoon(const ExportJob &job, const QDateTime &now)
{
    return JobCellFormat::expiresSoon(job, now);
}

QString JobTableModel::formatCountdown(qint64 seconds)
{
    return JobCellFormat::formatCountdown(seconds);
}

QString JobTableModel::formatDuration(qint64 seconds)
{
    return JobCellFormat::formatDuration(seconds);
}

bool JobTableModel::refreshFlags(Row &row, const ExportJob &job, const QDateTime &t)
{
    const bool waiting = job.hasCountdown();
    const bool expiry =
        JobCellFormat::showsExpiry(job) && job.state != JobState::Expired && t < job.expiresAt;
    const bool live = !job.isTerminal() || expiry;
    m_waitingCount += int(waiting) - int(row.waiting);
    m_liveCount += int(live) - int(row.live);
    row.waiting = waiting;
    row.live = live;
    const qint64 elapsed = JobCellFormat::elapsedSeconds(job, t);
    row.elapsedKey = elapsed < 0 ? -1 : elapsed / 60;
    row.expiresKey = expiry ? t.secsTo(job.expiresAt) / 60 : -1;
    row.downloading = job.state == JobState::Downloading;
    const bool soon = JobCellFormat::expiresSoon(job, t);
    const bool flipped = soon != row.soon;
    row.soon = soon;
    return flipped;
}

void JobTableModel::updateTimer()
{
    const bool needed = m_waitingCount > 0 || m_liveCount > 0;
    if (needed && !m_tick.isActive())
        m_tick.start();
    else if (!needed && m_tick.isActive())
        m_tick.stop();
}

void JobTableModel::emitColumnRuns(const std::vector<int> &rows, int column)
{
    size_t i = 0;
    while (i < rows.size()) {
        size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(rows[i], column), index(rows[j], column));
        i = j + 1;
    }
}

void JobTableModel::tick()
{
    if (!m_manager)
        return;
    const QDateTime t = now();
    std::vector<int> countdown;
    std::vector<int> elapsed;
    std::vector<int> expires;
    std::vector<int> flipped;
    std::vector<int> progress;
    for (size_t r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        if (row.waiting)
            countdown.push_back(int(r));
        if (!row.live)
            continue;
        const ExportJob *job = m_manager->job(row.id);
        if (!job)
            continue;
        const qint64 oldElapsed = row.elapsedKey;
        const qint64 oldExpires = row.expiresKey;
        if (refreshFlags(row, *job, t))
            flipped.push_back(int(r));
        if (row.elapsedKey != oldElapsed)
            elapsed.push_back(int(r));
        if (row.expiresKey != oldExpires)
            expires.push_back(int(r));
        // A download's speed and time left move with time, also while no byte arrives; the
        // server's working time (in minutes) with Elapsed.
        if (row.downloading) {
            m_progress.observe(*job, t.toMSecsSinceEpoch());
            progress.push_back(int(r));
        } else if (row.elapsedKey != oldElapsed && !job->isTerminal()) {
            progress.push_back(int(r));
        }
    }
    emitColumnRuns(progress, Progress);
    emitColumnRuns(countdown, NextCheck);
    // Elapsed and Expires show minutes: they change at most once a minute per row.
    emitColumnRuns(elapsed, Elapsed);
    emitColumnRuns(expires, Expires);
    // ExpiringSoonRole is on every column: a flip changes the whole row (rare, once per job).
    for (const int r : flipped)
        Q_EMIT dataChanged(index(r, 0), index(r, Count - 1));
    updateTimer();
    Q_EMIT ticked();
}

void JobTableModel::onJobAdded(const QString &id)
{
    if (m_index.contains(id) || !m_manager)
        return;
    const ExportJob *job = m_manager->job(id);
    if (!job)
        return;
    const int r = int(m_rows.size());
    beginInsertRows({}, r, r);
    Row row;
    row.id = id;
    row.error = job->lastError;
    refreshFlags(row, *job, now());
    m_rows.push_back(std::move(row));
    m_index.insert(id, r);
    endInsertRows();
    updateTimer();
}

void JobTableModel::onJobChanged(const QString &id, JobFields fields)
{
    const int r = rowOf(id);
    if (r < 0 || !m_manager)
        return;
    const ExportJob *job = m_manager->job(id);
    if (!job)
        return;
    Row &row = m_rows[size_t(r)];
    const QDateTime t = now();
    const bool flipped = refreshFlags(row, *job, t);
    if (fields & (JobField::Files | JobField::State))
        m_progress.observe(*job, t.toMSecsSinceEpoch());
    updateTimer();

    // Which columns each fact feeds; Activity feeds none (the details pane follows it).
    quint32 columns = 0;
    const auto add = [&columns](std::initializer_list<Column> cs) {
        for (const Column c : cs)
            columns |= 1u << c;
    };
    if (flipped || fields.testFlag(JobField::State) || fields == JobFields(JobField::All))
        columns = (1u << Count) - 1; // StateRole and ExpiringSoonRole live on every column
    if (fields.testFlag(JobField::Progress))
        add({Progress, ServerSays});
    if (fields.testFlag(JobField::NextPoll))
        add({NextCheck});
    if (fields.testFlag(JobField::Files))
        add({Progress, Files, Bytes});
    // The engine reports Error on every answer (it clears the error on a 202); the State
    // cell (its tooltip) changes only when the text does.
    if (fields.testFlag(JobField::Error)) {
        add({NextCheck});
        if (row.error != job->lastError) {
            row.error = job->lastError;
            add({State, Progress});
        }
    }
    if (fields.testFlag(JobField::Manifest))
        add({Progress, ServerSays, Files, Bytes, Expires});
    int c = 0;
    while (c < Count) {
        if (!(columns & (1u << c))) {
            ++c;
            continue;
        }
        int last = c;
        while (last + 1 < Count && (columns & (1u << (last + 1))))
            ++last;
        Q_EMIT dataChanged(index(r, c), index(r, last));
        c = last + 1;
    }
}

void JobTableModel::onJobRemoved(const QString &id)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    beginRemoveRows({}, r, r);
    m_progress.forget(id);
    const Row &row = m_rows[size_t(r)];
    m_waitingCount -= int(row.waiting);
    m_liveCount -= int(row.live);
    m_rows.erase(m_rows.begin() + r);
    m_index.remove(id);
    reindexFrom(r);
    endRemoveRows();
    updateTimer();
}

void JobTableModel::reindexFrom(int row)
{
    for (size_t r = size_t(row); r < m_rows.size(); ++r)
        m_index.insert(m_rows[r].id, int(r));
}

void JobTableModel::onManagerDestroyed()
{
    qCDebug(lcTable) << "job manager destroyed; the table is now empty";
    beginResetModel();
    m_manager.clear();
    reload();
    endResetModel();
}

} // namespace fbm
