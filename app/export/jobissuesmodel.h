#pragma once

#include "issuereader.h"
#include "jobmanager.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QPointer>

#include <memory>

namespace fbm {

/// The problems of one export job in one list: the job's own error first (already rendered from
/// the server's OperationOutcome), then the issues in the export's saved error files. The files
/// are read on a worker thread (IssueReader) once they are saved, and what was read for a job
/// is kept, so going back to a job does not read them again. QtCore only: SeverityRole carries
/// the severity as the server wrote it, for a view's icon.
class JobIssuesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobIssuesModel)
public:
    /// A FHIR issue severity (fatal, error, warning, information) in the user's language.
    [[nodiscard]] static QString severityText(const QString &severity);

    enum Column
    {
        Severity,
        Code,
        Text,
        Where,
        Count
    };
    Q_ENUM(Column)

    enum Role
    {
        SeverityRole = Qt::UserRole + 1, ///< QString: fatal | error | warning | information
    };
    Q_ENUM(Role)

    explicit JobIssuesModel(JobManager *manager, QObject *parent = nullptr);
    ~JobIssuesModel() override;

    void setJobId(const QString &id);
    [[nodiscard]] QString jobId() const { return m_jobId; }
    /// Whether error files of the shown job are being read.
    [[nodiscard]] bool isReading() const { return m_watcher != nullptr; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The error files of the shown job were read and their issues are in the rows.
    void issuesRead();

private:
    struct Read
    {
        QString key; ///< the folder and the saved error files the issues came from
        QList<JobIssue> issues;
    };

    void onJobChanged(const QString &id, JobFields fields);
    void onJobRemoved(const QString &id);
    void onReadFinished();
    /// Rebuilds the rows from the job's error and what was read, and reads again when the
    /// saved error files changed.
    void sync();

    QPointer<JobManager> m_manager;
    QString m_jobId;
    QList<JobIssue> m_rows;
    /// Per job: the issues read from its saved error files (only once all of them are saved).
    QHash<QString, Read> m_done;
    Read m_partial; ///< of the shown job while some of its error files are not saved yet
    std::unique_ptr<QFutureWatcher<QList<JobIssue>>> m_watcher;
    QString m_readingKey;
    bool m_readingComplete = false;
};

} // namespace fbm
