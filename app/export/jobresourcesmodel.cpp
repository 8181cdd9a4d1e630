#include "jobresourcesmodel.h"

#include "jobfilesmodel.h"

#include <QLocale>

namespace fbm {

JobResourcesModel::JobResourcesModel(JobManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    if (m_manager) {
        connect(m_manager, &JobManager::jobChanged, this, &JobResourcesModel::onJobChanged);
        connect(m_manager, &JobManager::jobRemoved, this, &JobResourcesModel::onJobRemoved);
    }
}

JobResourcesModel::~JobResourcesModel() = default;

void JobResourcesModel::setJobId(const QString &id)
{
    if (id == m_jobId)
        return;
    beginResetModel();
    m_jobId = id;
    m_types = count();
    endResetModel();
}

void JobResourcesModel::onJobChanged(const QString &id, JobFields fields)
{
    if (id == m_jobId && (fields & (JobField::Files | JobField::Manifest | JobField::State)))
        sync();
}

void JobResourcesModel::onJobRemoved(const QString &id)
{
    if (id == m_jobId)
        setJobId({});
}

QList<JobResourcesModel::PerType> JobResourcesModel::count() const
{
    QList<PerType> types;
    const ExportJob *j =
        m_manager && !m_jobId.isEmpty() ? m_manager->jobWithDetails(m_jobId) : nullptr;
    if (!j)
        return types;
    QHash<QString, int> index;
    for (const ExportFile &f : j->files) {
        const QString label = JobFilesModel::typeText(f);
        int i = index.value(label, -1);
        if (i < 0) {
            i = int(types.size());
            index.insert(label, i);
            types.append({label});
        }
        PerType &t = types[i];
        ++t.files;
        t.saved += f.lines;
        if (f.expectedCount) {
            t.expected += *f.expectedCount;
            t.anyExpected = true;
        }
    }
    return types;
}

void JobResourcesModel::sync()
{
    QList<PerType> types = count();
    bool sameTypes = types.size() == m_types.size();
    for (int i = 0; sameTypes && i < types.size(); ++i)
        sameTypes = types.at(i).label == m_types.at(i).label;
    if (!sameTypes) {
        beginResetModel();
        m_types = std::move(types);
        endResetModel();
        return;
    }
    m_types = std::move(types);
    if (!m_types.isEmpty())
        Q_EMIT dataChanged(index(0, Files), index(int(m_types.size()) - 1, Expected));
}

int JobResourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_types.size());
}

int JobResourcesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant JobResourcesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_types.size())
        return {};
    const PerType &t = m_types.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == Type
                                       ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                       : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Type:
        return t.label;
    case Files:
        return locale.toString(t.files);
    case Saved:
        return locale.toString(t.saved);
    case Expected:
        return t.anyExpected ? locale.toString(t.expected) : tr("not said");
    default:
        return {};
    }
}

QVariant JobResourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Type:
        return tr("Resource type");
    case Files:
        return tr("Files");
    case Saved:
        return tr("Resources saved");
    case Expected:
        return tr("Server said");
    default:
        return {};
    }
}

} // namespace fbm
