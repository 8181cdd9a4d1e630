#include "jobissuesmodel.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace fbm {

JobIssuesModel::JobIssuesModel(JobManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    if (m_manager) {
        connect(m_manager, &JobManager::jobChanged, this, &JobIssuesModel::onJobChanged);
        connect(m_manager, &JobManager::jobRemoved, this, &JobIssuesModel::onJobRemoved);
    }
}

JobIssuesModel::~JobIssuesModel() = default;

void JobIssuesModel::setJobId(const QString &id)
{
    if (id == m_jobId)
        return;
    m_jobId = id;
    m_partial = {};
    m_watcher.reset(); // an answer for another job is not wanted any more
    m_readingKey.clear();
    sync();
}

void JobIssuesModel::onJobChanged(const QString &id, JobFields fields)
{
    if (id == m_jobId && (fields & (JobField::Files | JobField::State | JobField::Error)))
        sync();
}

void JobIssuesModel::onJobRemoved(const QString &id)
{
    m_done.remove(id);
    if (id == m_jobId)
        setJobId({});
}

void JobIssuesModel::sync()
{
    const ExportJob *j =
        m_manager && !m_jobId.isEmpty() ? m_manager->jobWithDetails(m_jobId) : nullptr;
    QList<JobIssue> rows;
    if (j) {
        // The job's own error, when the server sent an OperationOutcome, is already rendered
        // in lastError; it comes first so that every problem is in one list.
        if (!j->lastError.isEmpty())
            rows.append({u"error"_s, QString(), j->lastError, QString()});
        QStringList saved;
        bool complete = true;
        for (const ExportFile &f : j->files) {
            if (f.kind != FileKind::Error)
                continue;
            if (f.state == FileState::Saved)
                saved << f.relativePath;
            else
                complete = false;
        }
        const QString key = j->outDir + u'\n' + saved.join(u'\n');
        const auto done = m_done.constFind(j->id);
        if (done != m_done.cend() && done->key == key) {
            rows += done->issues;
        } else if (!saved.isEmpty()) {
            if (m_partial.key == key)
                rows += m_partial.issues;
            if (m_readingKey != key && m_partial.key != key) {
                m_readingKey = key;
                m_readingComplete = complete;
                m_watcher = std::make_unique<QFutureWatcher<QList<JobIssue>>>();
                connect(m_watcher.get(), &QFutureWatcherBase::finished, this,
                        &JobIssuesModel::onReadFinished);
                m_watcher->setFuture(IssueReader::readLater(j->outDir, saved));
            }
        }
    }
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void JobIssuesModel::onReadFinished()
{
    if (!m_watcher)
        return;
    const QFuture<QList<JobIssue>> future = m_watcher->future();
    const Read read{m_readingKey, future.resultCount() > 0 ? future.result() : QList<JobIssue>()};
    // Not in the finished signal's own stack frame: the watcher is deleted here.
    m_watcher.release()->deleteLater();
    m_readingKey.clear();
    if (m_readingComplete)
        m_done.insert(m_jobId, read);
    else
        m_partial = read;
    sync();
    Q_EMIT issuesRead();
}

int JobIssuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobIssuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QString JobIssuesModel::severityText(const QString &severity)
{
    // FHIR's issue-severity codes, in the user's language; an unknown one as the server sent it.
    if (severity == "fatal"_L1)
        return tr("fatal", "issue severity");
    if (severity == "error"_L1)
        return tr("error");
    if (severity == "warning"_L1)
        return tr("warning", "issue severity");
    if (severity == "information"_L1)
        return tr("information", "issue severity");
    return severity;
}

QVariant JobIssuesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const JobIssue &issue = m_rows.at(index.row());
    // The job's own error has no file: it is about "this export".
    const bool own = issue.where.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Severity:
            return own ? tr("error") : severityText(issue.severity);
        case Code:
            return issue.code;
        case Text:
            return issue.text;
        case Where:
            return own ? tr("this export") : issue.where;
        default:
            return {};
        }
    case Qt::ToolTipRole: // the whole text where a narrow column cuts it
        return index.column() == Severity ? QVariant() : data(index, Qt::DisplayRole);
    case SeverityRole:
        return issue.severity;
    default:
        return {};
    }
}

QVariant JobIssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Severity:
        return tr("Severity");
    case Code:
        return tr("Code");
    case Text:
        return tr("Diagnostics");
    case Where:
        return tr("Where");
    default:
        return {};
    }
}

} // namespace fbm
