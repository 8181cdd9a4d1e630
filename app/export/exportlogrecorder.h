#pragma once

#include "exportjob.h"
#include "exportlog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace fbm {

class HttpClient;

/**
 * Writes the engine's events into each export's log.ndjson (ExportLog): the row's exportId
 * (the status URL, or the kick-off URL of a refused kick-off), every value cleaned of the
 * profile's secrets and tokens by the job's client, and export_complete with the totals when
 * an export is saved. A log that cannot be written is told once per job through the warn
 * callback; the export goes on.
 */
class ExportLogRecorder
{
public:
    /// @p warn(id, why): the log of job @p id could not be written (once until it can again).
    explicit ExportLogRecorder(std::function<void(const QString &, const QString &)> warn);

    /// Appends the row @p eventId with @p detail to @p job's log; @p client redacts.
    void record(const ExportJob &job, HttpClient *client, const QDateTime &now,
                const QString &eventId, const QJsonObject &detail);
    /// The export_complete row of a saved @p job: files, resources, bytes, attachments and the
    /// duration since the export's first row (which a kill and a resume leave in place).
    void recordComplete(const ExportJob &job, HttpClient *client, const QDateTime &now);
    /// Rows of @p id wait (in order, with their times) until release(): the kick-off row, which
    /// comes first, is still waiting for what the server says of itself.
    void hold(const QString &id) { m_held[id]; }
    /// Writes the kick-off row @p detail (a hold() of @p job before), then the rows held.
    void releaseWithKickoff(const ExportJob &job, HttpClient *client, const QDateTime &at,
                            const QJsonObject &detail);
    /// The job ended: its log is closed (written again, it opens again).
    void close(const QString &id) { m_logs.erase(id); }
    /// The job left the list: its log is closed and its warning state goes.
    void forget(const QString &id)
    {
        close(id);
        m_warned.remove(id);
        m_held.erase(id);
        m_exportIds.erase(id);
    }

private:
    struct HeldRow
    {
        QDateTime at;
        QString eventId; ///< empty: export_complete
        QJsonObject detail;
    };
    void write(const ExportJob &job, HttpClient *client, const QDateTime &now,
               const QString &eventId, const QJsonObject &detail);
    /// The job's exportId, redacted once for each address it takes (a row per file asked it).
    const QString &exportIdOf(const ExportJob &job, HttpClient *client);
    std::map<QString, std::vector<HeldRow>> m_held; ///< rows waiting for the kick-off row, by job
    std::map<QString, std::pair<QUrl, QString>> m_exportIds; ///< by job: the address, its id

    std::function<void(const QString &, const QString &)> m_warn;
    std::map<QString, std::unique_ptr<ExportLog>> m_logs; ///< open, by job
    QSet<QString> m_warned; ///< jobs whose log.ndjson could not be written (warned once)
};

} // namespace fbm
