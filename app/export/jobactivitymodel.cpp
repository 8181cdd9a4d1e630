#include "jobactivitymodel.h"

#include "i18n.h"

#include <QLocale>

namespace fbm {

JobActivityModel::JobActivityModel(JobManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    if (m_manager) {
        connect(m_manager, &JobManager::activityAdded, this, &JobActivityModel::onActivityAdded);
        connect(m_manager, &JobManager::jobRemoved, this, &JobActivityModel::onJobRemoved);
        connect(m_manager, &JobManager::jobChanged, this, &JobActivityModel::onJobChanged);
    }
}

JobActivityModel::~JobActivityModel() = default;

void JobActivityModel::setJobId(const QString &id)
{
    beginResetModel();
    m_jobId = id;
    m_entries.clear();
    m_words = {};
    if (const ExportJob *j = m_manager && !id.isEmpty() ? m_manager->jobWithDetails(id) : nullptr) {
        m_entries = j->activity.mid(qMax(qsizetype(0), j->activity.size() - kMaxActivityEntries));
        m_words = ActivityWords(*j);
    }
    endResetModel();
}

void JobActivityModel::onJobChanged(const QString &id, JobFields fields)
{
    // The status address comes with the state change, the file addresses with the manifest.
    if (id != m_jobId || m_jobId.isEmpty() || !(fields & (JobField::State | JobField::Manifest)))
        return;
    if (const ExportJob *j = m_manager->job(id)) {
        m_words = ActivityWords(*j);
        if (!m_entries.isEmpty())
            Q_EMIT dataChanged(index(0, Event), index(int(m_entries.size()) - 1, Event));
    }
}

void JobActivityModel::onActivityAdded(const QString &id, const ActivityEntry &entry)
{
    if (id != m_jobId || m_jobId.isEmpty())
        return;
    // The engine keeps the latest entries only; so does the model.
    if (m_entries.size() >= kMaxActivityEntries) {
        beginRemoveRows({}, 0, 0);
        m_entries.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void JobActivityModel::onJobRemoved(const QString &id)
{
    if (id == m_jobId)
        setJobId({});
}

int JobActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JobActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant JobActivityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const ActivityEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return e.at.isValid() ? formatDateTimeSeconds(e.at.toLocalTime()) : QString();
        if (index.column() == Url)
            return e.url.toString();
        if (index.column() == Note)
            return e.note;
        if (index.column() == Event)
            return m_words.describe(e);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Took)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case CurlRole:
        return e.method.isEmpty() ? QString() : e.toCurl();
    case WarningRole:
        return e.status >= 400 || (!e.method.isEmpty() && e.status == 0);
    default:
        return {};
    }
}

QString JobActivityModel::display(const ActivityEntry &e, int column) const
{
    switch (column) {
    case Time:
        return formatTime(e.at.toLocalTime().time(), true);
    case Event:
        // A note is in words already: it stands here, where the person reads, not under Note.
        return e.method.isEmpty() ? e.note : m_words.describe(e);
    case Method:
        return QString::fromLatin1(e.method);
    case Url:
        return e.url.toString();
    case Status:
        if (e.status > 0)
            return QString::number(e.status);
        return e.method.isEmpty() ? QString() : tr("no answer");
    case Took:
        //: %1 is a number of milliseconds
        return e.method.isEmpty() ? QString() : tr("%1 ms").arg(QLocale().toString(e.elapsedMs));
    case Note:
        return e.method.isEmpty() ? QString() : e.note;
    default:
        return {};
    }
}

QVariant JobActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Event:
        return tr("What happened");
    case Method:
        return tr("Request");
    case Url:
        return tr("URL");
    case Status:
        return tr("Status");
    case Took:
        return tr("Took");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace fbm
