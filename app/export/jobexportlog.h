#pragma once

#include "exportjob.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

namespace fbm {

class ExportLogRecorder;
class JobHost;
class ServerSoftware;

/**
 * The engine's side of each export's log.ndjson: the rows the engine's parts ask for, the
 * kickoff row held until the server has said what software it is (ServerSoftware), the
 * export_complete row when the export is Saved, and the file closed while nothing works on
 * the export. JobManager forwards to it; the writing itself is ExportLogRecorder's.
 */
class JobExportLog final
{
    Q_DISABLE_COPY_MOVE(JobExportLog)

public:
    /// \a warn: the log of a job could not be written (once per job until it can again).
    JobExportLog(JobHost *host, std::function<void(const QString &id, const QString &why)> warn);
    ~JobExportLog();

    /// One row, the SMART event \a eventId with its \a detail.
    void record(const QString &id, const QString &eventId, const QJsonObject &detail);
    /// The kickoff row of an accepted kick-off; rows that come meanwhile wait behind it.
    void kickoff(const QString &id, const QJsonObject &detail);
    void stateChanged(const QString &id, JobState to);
    /// The job left the list.
    void forget(const QString &id);

private:
    JobHost *m_host;
    std::unique_ptr<ExportLogRecorder> m_recorder;
    std::unique_ptr<ServerSoftware> m_software;
};

} // namespace fbm
