#include "jobexportlog.h"

#include "clock.h"
#include "exportlogrecorder.h"
#include "httpclient.h"
#include "jobhost.h"
#include "serversoftware.h"

namespace fbm {

JobExportLog::JobExportLog(JobHost *host,
                           std::function<void(const QString &id, const QString &why)> warn)
    : m_host(host)
    , m_recorder(std::make_unique<ExportLogRecorder>(std::move(warn)))
    , m_software(std::make_unique<ServerSoftware>())
{}

JobExportLog::~JobExportLog() = default;

void JobExportLog::record(const QString &id, const QString &eventId, const QJsonObject &detail)
{
    if (const ExportJob *j = m_host->mutableJob(id))
        m_recorder->record(*j, m_host->clientFor(*j), m_host->clock()->now(), eventId, detail);
}

void JobExportLog::kickoff(const QString &id, const QJsonObject &detail)
{
    const ExportJob *j = m_host->mutableJob(id);
    if (!j)
        return;
    m_recorder->hold(id);
    HttpClient *client = m_host->clientFor(*j);
    const QDateTime at = m_host->clock()->now();
    m_software->describe(client, client->base(), [this, id, detail, at](const QJsonObject &sw) {
        const ExportJob *job = m_host->mutableJob(id);
        if (!job)
            return; // removed meanwhile: forget() dropped what was held
        QJsonObject row = detail;
        for (auto it = sw.begin(); it != sw.end(); ++it)
            row.insert(it.key(), it.value());
        m_recorder->releaseWithKickoff(*job, m_host->clientFor(*job), at, row);
    });
}

void JobExportLog::stateChanged(const QString &id, JobState to)
{
    const ExportJob *j = m_host->mutableJob(id);
    if (j && to == JobState::Saved)
        m_recorder->recordComplete(*j, m_host->clientFor(*j), m_host->clock()->now());
    // Open only while the engine works on the export: an ended one, or one whose manifest
    // waits for the user's Download, holds no file open on the destination (which could then
    // not even be remounted read-only). The next row opens it again.
    if (j && (j->isTerminal() || to == JobState::Completed))
        m_recorder->close(id);
}

void JobExportLog::forget(const QString &id)
{
    m_recorder->forget(id);
}

} // namespace fbm
