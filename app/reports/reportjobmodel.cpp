#include "reportjobmodel.h"

#include "i18n.h"

#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

// The roles whose values a refresh compares to decide which cells changed.
constexpr int kComparedRoles[] = {Qt::DisplayRole,
                                  Qt::ToolTipRole,
                                  ReportJobModel::SortRole,
                                  ReportJobModel::StatusRole,
                                  ReportJobModel::RawStatusRole,
                                  ReportJobModel::HasReportRole};

} // namespace

ReportJobModel::ReportJobModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ReportJobModel::~ReportJobModel() = default;

int ReportJobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int ReportJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReportJobModel::statusText(const ReportJob &job)
{
    switch (job.state()) {
    case ReportJob::State::Done:
        return tr("Done");
    case ReportJob::State::Failed:
        return tr("Failed");
    case ReportJob::State::Unfinished:
        break;
    }
    // The IG names only DONE and FAILED; anything else is shown as the server wrote it.
    return job.status.isEmpty() ? tr("Unknown") : job.status;
}

bool ReportJobModel::isKnownStatus(const QString &status)
{
    for (const auto known : {"DONE"_L1, "FAILED"_L1, "RUNNING"_L1, "QUEUED"_L1}) {
        if (status.compare(known, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString ReportJobModel::statusTitle(const ReportJob &job)
{
    if (job.state() != ReportJob::State::Unfinished)
        return statusText(job);
    // RUNNING and QUEUED are what the eHealth server sends while a report is made.
    if (job.status.compare("RUNNING"_L1, Qt::CaseInsensitive) == 0)
        //: a report job's status
        return tr("Running");
    if (job.status.compare("QUEUED"_L1, Qt::CaseInsensitive) == 0)
        //: a report job's status: waiting for its turn on the server
        return tr("Queued");
    return statusText(job);
}

QString ReportJobModel::statusToolTip(const ReportJob &job)
{
    switch (job.state()) {
    case ReportJob::State::Done:
        return job.hasReport() ? tr("The report is ready to download.")
                               : tr("The report is done, but the server names no file for it.");
    case ReportJob::State::Failed:
        return tr("The server could not make this report. Start it again, or ask the server's "
                  "administrators.");
    case ReportJob::State::Unfinished:
        break;
    }
    if (job.status.isEmpty())
        return tr("The server gave no status; the job is taken as not finished.");
    //: %1 the status word the server sent, e.g. RUNNING
    return tr("The server reports \"%1\": the report is not finished yet.").arg(job.status);
}

QString ReportJobModel::userText(const ReportJob &job, const QHash<QString, QString> &shownIds)
{
    if (!job.userName.isEmpty())
        return job.userName;
    return shownIds.value(job.userId, job.userId);
}

QHash<QString, QString> ReportJobModel::shownUserIds(const QList<ReportJob> &jobs)
{
    QStringList ids;
    ids.reserve(jobs.size());
    for (const ReportJob &job : jobs)
        ids << job.userId;
    return shortUniqueIds(ids);
}

QString ReportJobModel::timeText(const QDateTime &when)
{
    return when.isValid() ? when.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

QString ReportJobModel::localTimeText(const QDateTime &when)
{
    return when.isValid() ? formatDateTime(when.toLocalTime()) : QString();
}

void ReportJobModel::setLocalizedText(bool on)
{
    if (m_localized == on)
        return;
    m_localized = on;
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, EndedColumn));
}

QVariant ReportJobModel::cell(const ReportJob &job, int column, int role) const
{
    switch (role) {
    case StatusRole:
        return int(job.state());
    case RawStatusRole:
        return job.status;
    case JobKeyRole:
        return job.key();
    case HasReportRole:
        return job.hasReport();
    default:
        break;
    }

    auto timeCell = [this, role](const QDateTime &when) -> QVariant {
        if (role == Qt::DisplayRole)
            return m_localized ? localTimeText(when) : timeText(when);
        if (role == Qt::ToolTipRole)
            return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
        if (role == SortRole)
            return when;
        return {};
    };

    switch (Column(column)) {
    case ReportColumn:
        if (role == Qt::DisplayRole) {
            const QString title = job.title();
            return title.isEmpty() ? tr("(unknown report)") : title;
        }
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            lines << (job.reportClass.isEmpty() ? tr("The server did not name the report.")
                                                : job.reportClass);
            for (const NamedValue &p : job.otherParts)
                lines << p.first + u": "_s + p.second;
            return lines.join(u'\n');
        }
        if (role == SortRole)
            return job.title().toCaseFolded();
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return m_localized ? statusTitle(job) : statusText(job);
        if (role == Qt::ToolTipRole)
            return statusToolTip(job);
        if (role == SortRole)
            return statusText(job).toCaseFolded();
        break;
    case UserColumn:
        if (role == Qt::DisplayRole)
            return userText(job, m_shownUserIds);
        if (role == Qt::ToolTipRole) {
            if (job.userName.isEmpty() || job.userId.isEmpty())
                return job.userId;
            return QString(job.userName + u'\n' + job.userId);
        }
        if (role == SortRole)
            return (job.userName.isEmpty() ? job.userId : job.userName).toCaseFolded();
        break;
    case CreatedColumn:
        return timeCell(job.created);
    case StartedColumn:
        return timeCell(job.started);
    case EndedColumn:
        return timeCell(job.ended);
    case RunTimeColumn:
        if (role == Qt::DisplayRole)
            return formatRunTime(job.runTimeSeconds());
        if (role == SortRole)
            return job.runTimeSeconds();
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ParametersColumn:
        if (role == Qt::DisplayRole)
            return job.parameterSummary();
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            for (const NamedValue &p : job.parameters)
                lines << p.first + u": "_s + p.second;
            return lines.join(u'\n');
        }
        if (role == SortRole)
            return job.parameterSummary().toCaseFolded();
        break;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReportJobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cell(m_jobs.at(index.row()), index.column(), role);
}

QVariant ReportJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ReportColumn:
        return tr("Report");
    case StatusColumn:
        return tr("Status");
    case UserColumn:
        return tr("User");
    case CreatedColumn:
        return tr("Created");
    case StartedColumn:
        return tr("Started");
    case EndedColumn:
        return tr("Ended");
    case RunTimeColumn:
        return tr("Run time");
    case ParametersColumn:
        return tr("Parameters");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> ReportJobModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(StatusRole, "state");
    names.insert(RawStatusRole, "rawStatus");
    names.insert(JobKeyRole, "jobKey");
    names.insert(HasReportRole, "hasReport");
    return names;
}

const ReportJob *ReportJobModel::jobAt(int row) const
{
    return (row >= 0 && row < m_jobs.size()) ? &m_jobs.at(row) : nullptr;
}

int ReportJobModel::rowOfKey(const QString &key) const
{
    return m_rowByKey.value(key, -1);
}

bool ReportJobModel::hasUnfinishedJobs() const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                       [](const ReportJob &j) { return !j.isFinished(); });
}

void ReportJobModel::rebuildIndex()
{
    m_rowByKey.clear();
    for (int row = 0; row < m_jobs.size(); ++row)
        m_rowByKey.insert(m_jobs.at(row).key(), row);
}

void ReportJobModel::clear()
{
    if (m_jobs.isEmpty())
        return;
    beginResetModel();
    m_jobs.clear();
    m_rowByKey.clear();
    m_shownUserIds.clear();
    endResetModel();
}

void ReportJobModel::setJobs(const QList<ReportJob> &jobs)
{
    QHash<QString, int> incoming;
    for (int i = 0; i < jobs.size(); ++i)
        incoming.insert(jobs.at(i).key(), i);

    // 1. Jobs the server no longer lists go, bottom up, one contiguous run at a time.
    int row = int(m_jobs.size()) - 1;
    while (row >= 0) {
        if (incoming.contains(m_jobs.at(row).key())) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_jobs.at(first - 1).key()))
            --first;
        beginRemoveRows({}, first, row);
        m_jobs.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    rebuildIndex();

    // The short ids depend on every listed user: old and new rows are compared with the new
    // ones, and if a user still listed is now shown otherwise (another user came with the same
    // first characters), the whole column is reported once at the end.
    QHash<QString, QString> shownUsers = shownUserIds(jobs);
    bool usersReshortened = false;
    for (auto it = shownUsers.cbegin(); it != shownUsers.cend() && !usersReshortened; ++it) {
        const auto old = m_shownUserIds.constFind(it.key());
        usersReshortened = old != m_shownUserIds.cend() && *old != it.value();
    }
    m_shownUserIds = std::move(shownUsers);

    // 2. Known jobs are updated where they are; only the cells that changed are reported.
    QList<QPair<ReportJob, QString>> finished;
    QList<QPair<ReportJob, QString>> statusChanges;
    for (int r = 0; r < m_jobs.size(); ++r) {
        const ReportJob &fresh = jobs.at(incoming.value(m_jobs.at(r).key()));
        const ReportJob old = m_jobs.at(r);
        if (old == fresh)
            continue;
        int firstChanged = -1;
        int lastChanged = -1;
        for (int c = 0; c < ColumnCount; ++c) {
            const bool differs =
                std::any_of(std::begin(kComparedRoles), std::end(kComparedRoles),
                            [&](int role) { return cell(old, c, role) != cell(fresh, c, role); });
            if (differs) {
                if (firstChanged < 0)
                    firstChanged = c;
                lastChanged = c;
            }
        }
        m_jobs[r] = fresh;
        if (firstChanged >= 0)
            Q_EMIT dataChanged(index(r, firstChanged), index(r, lastChanged));
        if (old.status != fresh.status)
            statusChanges.append({fresh, old.status});
        if (!old.isFinished() && fresh.isFinished())
            finished.append({fresh, old.status});
    }

    // 3. New jobs are appended in the server's order.
    QList<ReportJob> added;
    QSet<QString> addedKeys; // a key given twice would make two rows with one identity
    for (const ReportJob &job : jobs) {
        if (!m_rowByKey.contains(job.key()) && !addedKeys.contains(job.key())) {
            addedKeys.insert(job.key());
            added.append(job);
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_jobs.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_jobs.append(added);
        endInsertRows();
    }
    rebuildIndex();

    if (usersReshortened && !m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, UserColumn), index(rowCount() - 1, UserColumn));

    // Signals last, so that receivers see the model in its new state.
    for (const auto &change : std::as_const(statusChanges))
        Q_EMIT jobStatusChanged(change.first, change.second);
    for (const auto &done : std::as_const(finished))
        Q_EMIT jobFinished(done.first);
}

} // namespace fbm
