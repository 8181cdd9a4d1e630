#include "jobfilesmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

JobFilesModel::JobFilesModel(JobManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    if (m_manager) {
        connect(m_manager, &JobManager::jobChanged, this, &JobFilesModel::onJobChanged);
        connect(m_manager, &JobManager::jobRemoved, this, &JobFilesModel::onJobRemoved);
    }
}

JobFilesModel::~JobFilesModel() = default;

void JobFilesModel::setJobId(const QString &id)
{
    if (id == m_jobId)
        return;
    beginResetModel();
    m_jobId = id;
    const ExportJob *j = job();
    m_rows = j ? int(j->files.size()) : 0;
    endResetModel();
}

const ExportJob *JobFilesModel::job() const
{
    // The files of a finished job are read from its file when its details are first shown.
    return m_manager && !m_jobId.isEmpty() ? m_manager->jobWithDetails(m_jobId) : nullptr;
}

void JobFilesModel::onJobChanged(const QString &id, JobFields fields)
{
    if (id == m_jobId && (fields & (JobField::Files | JobField::Manifest | JobField::State)))
        sync();
}

void JobFilesModel::onJobRemoved(const QString &id)
{
    if (id == m_jobId)
        setJobId({});
}

void JobFilesModel::sync()
{
    const ExportJob *j = job();
    const int count = j ? int(j->files.size()) : 0;
    if (count > m_rows) {
        beginInsertRows({}, m_rows, count - 1);
        m_rows = count;
        endInsertRows();
    } else if (count < m_rows) {
        beginRemoveRows({}, count, m_rows - 1);
        m_rows = count;
        endRemoveRows();
    }
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, Count - 1));
}

int JobFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int JobFilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant JobFilesModel::data(const QModelIndex &index, int role) const
{
    const ExportJob *j = job();
    if (!j || !index.isValid() || index.row() >= j->files.size())
        return {};
    const ExportFile &f = j->files.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(f, index.column());
    case Qt::ToolTipRole:
        if ((index.column() == Name || index.column() == State) && !f.error.isEmpty())
            return f.error;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Resources || index.column() == Size)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case ProgressRole:
        return index.column() == Progress ? QVariant(percent(f)) : QVariant();
    case FileStateRole:
        return int(f.state);
    default:
        return {};
    }
}

QString JobFilesModel::display(const ExportFile &f, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        return f.relativePath;
    case Type:
        return typeText(f);
    case State:
        return stateText(f.state);
    case Progress: {
        if (f.state == FileState::Failed)
            return tr("failed");
        const int pct = percent(f);
        //: %1 is a percentage
        return pct >= 0 ? tr("%1 %").arg(pct) : sizeText(f.bytes);
    }
    case Resources:
        if (f.expectedCount)
            //: %1 resources counted in the file, %2 the number the server announced
            return tr("%1 of %2").arg(locale.toString(f.lines), locale.toString(*f.expectedCount));
        if (f.lines > 0 || f.state == FileState::Saved)
            return locale.toString(f.lines);
        return {};
    case Size:
        if (f.totalBytes > 0 && f.state != FileState::Saved)
            //: %1 bytes saved of %2
            return tr("%1 of %2").arg(sizeText(f.bytes), sizeText(f.totalBytes));
        if (f.bytes > 0 || f.state == FileState::Saved)
            return sizeText(f.bytes);
        return {};
    default:
        return {};
    }
}

QVariant JobFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("File");
    case Type:
        return tr("Type");
    case State:
        return tr("State");
    case Progress:
        return tr("Progress");
    case Resources:
        return tr("Resources");
    case Size:
        return tr("Size");
    default:
        return {};
    }
}

QString JobFilesModel::placeholderText() const
{
    const ExportJob *j = job();
    if (!j || !j->files.isEmpty())
        return {};
    if (!j->completedAt.isValid())
        return tr("The server lists the files when the export is finished.");
    return j->message.isEmpty() ? tr("The server found nothing to export.") : j->message;
}

QString JobFilesModel::stateText(FileState state)
{
    switch (state) {
    case FileState::Pending:
        return tr("Waiting");
    case FileState::Downloading:
        return tr("Downloading");
    case FileState::Saved:
        return tr("Saved");
    case FileState::Failed:
        return tr("Failed");
    }
    return {};
}

QString JobFilesModel::typeText(const ExportFile &file)
{
    if (file.kind == FileKind::Error)
        //: %1 is a resource type; the file lists problems the server met
        return tr("%1 (problems)").arg(file.type);
    if (file.kind == FileKind::Deleted)
        //: %1 is a resource type; the file lists deleted resources
        return tr("%1 (deleted)").arg(file.type);
    return file.type;
}

int JobFilesModel::percent(const ExportFile &f)
{
    if (f.state == FileState::Saved)
        return 100;
    if (f.totalBytes > 0)
        return int(qBound(qint64(0), f.bytes * 100 / f.totalBytes, qint64(100)));
    if (f.expectedCount && *f.expectedCount > 0)
        return int(qBound(qint64(0), f.lines * 100 / *f.expectedCount, qint64(100)));
    return f.state == FileState::Pending ? 0 : -1;
}

} // namespace fbm
