#include "exportlogrecorder.h"

#include "exportlog.h"
#include "httpclient.h"
#include "redact.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QJsonValue scrubbed(const QJsonValue &v, HttpClient *client)
{
    if (v.isString())
        return client->redact(v.toString());
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(scrubbed(e, client));
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), scrubbed(it.value(), client));
        return out;
    }
    return v;
}

} // namespace

const QString &ExportLogRecorder::exportIdOf(const ExportJob &j, HttpClient *client)
{
    // The status URL names the export on the server and stays the same across resumes and
    // restarts; a kick-off the server refused has only its own URL.
    const QUrl &url = j.statusUrl.isValid() ? j.statusUrl : j.kickoffUrl;
    auto &[known, id] = m_exportIds[j.id];
    if (known != url || id.isEmpty()) {
        known = url;
        id = client->redact(redactUrl(url).toString());
    }
    return id;
}

ExportLogRecorder::ExportLogRecorder(std::function<void(const QString &, const QString &)> warn)
    : m_warn(std::move(warn))
{}

void ExportLogRecorder::record(const ExportJob &job, HttpClient *client, const QDateTime &now,
                               const QString &eventId, const QJsonObject &detail)
{
    if (const auto held = m_held.find(job.id); held != m_held.end()) {
        held->second.push_back({now, eventId, detail});
        return;
    }
    write(job, client, now, eventId, detail);
}

void ExportLogRecorder::releaseWithKickoff(const ExportJob &job, HttpClient *client,
                                           const QDateTime &at, const QJsonObject &detail)
{
    std::vector<HeldRow> rows;
    if (const auto held = m_held.find(job.id); held != m_held.end()) {
        rows = std::move(held->second);
        m_held.erase(held);
    }
    write(job, client, at, u"kickoff"_s, detail);
    for (const HeldRow &row : rows) {
        if (row.eventId.isEmpty())
            recordComplete(job, client, row.at);
        else
            write(job, client, row.at, row.eventId, row.detail);
    }
}

void ExportLogRecorder::write(const ExportJob &job, HttpClient *client, const QDateTime &now,
                              const QString &eventId, const QJsonObject &detail)
{
    if (job.outDir.isEmpty())
        return;
    std::unique_ptr<ExportLog> &log = m_logs[job.id];
    if (!log || log->folder() != job.outDir)
        log = std::make_unique<ExportLog>(job.outDir);
    const QString why =
        log->append(exportIdOf(job, client), now, eventId, scrubbed(detail, client).toObject());
    if (why.isEmpty()) {
        m_warned.remove(job.id);
        return;
    }
    if (!m_warned.contains(job.id)) {
        m_warned.insert(job.id);
        m_warn(job.id, why);
    }
}

void ExportLogRecorder::recordComplete(const ExportJob &job, HttpClient *client,
                                       const QDateTime &now)
{
    if (const auto held = m_held.find(job.id); held != m_held.end()) {
        held->second.push_back({now, QString(), {}});
        return;
    }
    int files = 0;
    for (const ExportFile &f : job.files) {
        if (f.state == FileState::Saved)
            ++files;
    }
    QDateTime start = ExportLog(job.outDir).firstTimestamp(exportIdOf(job, client));
    if (!start.isValid())
        start = job.createdAt;
    QJsonObject detail;
    detail.insert("files"_L1, files);
    detail.insert("resources"_L1, job.resourcesSaved());
    detail.insert("bytes"_L1, job.bytesSaved());
    detail.insert("attachments"_L1, job.attachmentsSaved);
    detail.insert("duration"_L1, start.isValid() ? qMax<qint64>(0, start.msecsTo(now)) : 0);
    record(job, client, now, u"export_complete"_s, detail);
}

} // namespace fbm
