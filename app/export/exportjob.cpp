#include "exportjob.h"

#include <QJsonDocument>

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QString kindName(FileKind k)
{
    switch (k) {
    case FileKind::Output:
        return u"output"_s;
    case FileKind::Error:
        return u"error"_s;
    case FileKind::Deleted:
        return u"deleted"_s;
    }
    return {};
}

FileKind kindFromName(const QString &s)
{
    if (s == "error"_L1)
        return FileKind::Error;
    if (s == "deleted"_L1)
        return FileKind::Deleted;
    return FileKind::Output;
}

FileState fileStateFromName(const QString &s)
{
    if (s == "downloading"_L1)
        return FileState::Downloading;
    if (s == "saved"_L1)
        return FileState::Saved;
    if (s == "failed"_L1)
        return FileState::Failed;
    return FileState::Pending;
}

} // namespace

QString fileStateName(FileState state)
{
    switch (state) {
    case FileState::Pending:
        return u"pending"_s;
    case FileState::Downloading:
        return u"downloading"_s;
    case FileState::Saved:
        return u"saved"_s;
    case FileState::Failed:
        return u"failed"_s;
    }
    return {};
}

bool canTransition(JobState from, JobState to)
{
    if (from == to)
        return true;
    switch (from) {
    case JobState::Starting:
        return to == JobState::Running || to == JobState::Failed || to == JobState::Cancelled;
    case JobState::Running:
        return to == JobState::Completed || to == JobState::Failed || to == JobState::Cancelled ||
               to == JobState::Expired || to == JobState::Saved;
    case JobState::Completed:
        return to == JobState::Downloading || to == JobState::Saved || to == JobState::Expired ||
               to == JobState::Failed || to == JobState::Cancelled;
    case JobState::Downloading:
        return to == JobState::Saved || to == JobState::Failed || to == JobState::Expired ||
               to == JobState::Completed || to == JobState::Cancelled;
    case JobState::Failed:
        // Retry: polling again (the status URL is still valid) or downloading the rest.
        return to == JobState::Running || to == JobState::Downloading || to == JobState::Starting ||
               to == JobState::Completed;
    case JobState::Expired:
    case JobState::Cancelled:
        return false;
    case JobState::Saved:
        // Re-download a file on request; a saved file lost after the server was told it may
        // remove them cannot come back.
        return to == JobState::Downloading || to == JobState::Expired;
    }
    return false;
}

bool canTransition(FileState from, FileState to)
{
    if (from == to)
        return true;
    switch (from) {
    case FileState::Pending:
        return to == FileState::Downloading || to == FileState::Saved || to == FileState::Failed;
    case FileState::Downloading:
        return to == FileState::Saved || to == FileState::Failed || to == FileState::Pending;
    case FileState::Saved:
        return to == FileState::Pending || to == FileState::Failed;
    case FileState::Failed:
        return to == FileState::Pending;
    }
    return false;
}

void setFileState(ExportFile &file, FileState to)
{
    if (!canTransition(file.state, to)) {
        qWarning("illegal file state transition %s -> %s", qPrintable(fileStateName(file.state)),
                 qPrintable(fileStateName(to)));
        Q_ASSERT_X(false, "setFileState", "illegal file state transition");
        return;
    }
    file.state = to;
}

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Starting:
        return u"starting"_s;
    case JobState::Running:
        return u"running"_s;
    case JobState::Completed:
        return u"completed"_s;
    case JobState::Downloading:
        return u"downloading"_s;
    case JobState::Saved:
        return u"saved"_s;
    case JobState::Failed:
        return u"failed"_s;
    case JobState::Cancelled:
        return u"cancelled"_s;
    case JobState::Expired:
        return u"expired"_s;
    }
    return {};
}

std::optional<JobState> jobStateFromName(const QString &name)
{
    for (JobState s :
         {JobState::Starting, JobState::Running, JobState::Completed, JobState::Downloading,
          JobState::Saved, JobState::Failed, JobState::Cancelled, JobState::Expired}) {
        if (jobStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString jobStateText(JobState state)
{
    switch (state) {
    case JobState::Starting:
        return QCoreApplication::translate("fbm::JobState", "Starting");
    case JobState::Running:
        return QCoreApplication::translate("fbm::JobState", "Running");
    case JobState::Completed:
        return QCoreApplication::translate("fbm::JobState", "Ready to download");
    case JobState::Downloading:
        return QCoreApplication::translate("fbm::JobState", "Downloading");
    case JobState::Saved:
        return QCoreApplication::translate("fbm::JobState", "Saved");
    case JobState::Failed:
        return QCoreApplication::translate("fbm::JobState", "Failed");
    case JobState::Cancelled:
        return QCoreApplication::translate("fbm::JobState", "Cancelled");
    case JobState::Expired:
        return QCoreApplication::translate("fbm::JobState", "Expired");
    }
    return {};
}

QJsonObject ExportFile::toJson() const
{
    QJsonObject o{{u"kind"_s, kindName(kind)},
                  {u"type"_s, type},
                  {u"url"_s, url.toString(QUrl::FullyEncoded)},
                  {u"path"_s, relativePath},
                  {u"state"_s, fileStateName(state)},
                  {u"bytes"_s, double(bytes)},
                  {u"totalBytes"_s, double(totalBytes)},
                  {u"lines"_s, double(lines)},
                  {u"attempts"_s, attempts}};
    if (expectedCount)
        o.insert(u"count"_s, double(*expectedCount));
    if (!error.isEmpty())
        o.insert(u"error"_s, error);
    if (discardPart)
        o.insert(u"discardPart"_s, true);
    if (modifiedMs != 0)
        o.insert(u"modified"_s, double(modifiedMs));
    if (fetchAgain)
        o.insert(u"fetchAgain"_s, true);
    if (gone)
        o.insert(u"gone"_s, true);
    return o;
}

void ExportFile::appendJson(QByteArray &out) const
{
    // The same members as toJson(); QJsonObject writes its keys sorted, this need not.
    const auto number = [&out](const char *key, qint64 value) {
        out += key;
        out += QByteArray::number(value);
    };
    out += "{\"kind\":";
    appendJsonString(out, kindName(kind));
    out += ",\"type\":";
    appendJsonString(out, type);
    out += ",\"url\":";
    appendJsonString(out, QByteArrayView(url.toEncoded(QUrl::FullyEncoded)));
    out += ",\"path\":";
    appendJsonString(out, relativePath);
    out += ",\"state\":";
    appendJsonString(out, fileStateName(state));
    number(",\"bytes\":", bytes);
    number(",\"totalBytes\":", totalBytes);
    number(",\"lines\":", lines);
    number(",\"attempts\":", attempts);
    if (expectedCount)
        number(",\"count\":", *expectedCount);
    if (!error.isEmpty()) {
        out += ",\"error\":";
        appendJsonString(out, error);
    }
    if (discardPart)
        out += ",\"discardPart\":true";
    if (modifiedMs != 0)
        number(",\"modified\":", modifiedMs);
    if (fetchAgain)
        out += ",\"fetchAgain\":true";
    if (gone)
        out += ",\"gone\":true";
    out += '}';
}

ExportFile ExportFile::fromJson(const QJsonObject &o)
{
    ExportFile f;
    f.kind = kindFromName(o.value("kind"_L1).toString());
    f.type = o.value("type"_L1).toString();
    f.url = QUrl(o.value("url"_L1).toString(), QUrl::StrictMode);
    if (o.contains("count"_L1))
        f.expectedCount = qint64(o.value("count"_L1).toDouble());
    f.relativePath = o.value("path"_L1).toString();
    f.state = fileStateFromName(o.value("state"_L1).toString());
    f.bytes = qint64(o.value("bytes"_L1).toDouble());
    f.totalBytes = qint64(o.value("totalBytes"_L1).toDouble(-1));
    f.lines = qint64(o.value("lines"_L1).toDouble());
    f.attempts = o.value("attempts"_L1).toInt();
    f.error = o.value("error"_L1).toString();
    f.discardPart = o.value("discardPart"_L1).toBool();
    f.modifiedMs = qint64(o.value("modified"_L1).toDouble());
    f.fetchAgain = o.value("fetchAgain"_L1).toBool();
    f.gone = o.value("gone"_L1).toBool();
    return f;
}

bool ExportJob::isTerminal() const
{
    return state == JobState::Saved || state == JobState::Failed || state == JobState::Cancelled ||
           state == JobState::Expired;
}

QJsonObject FileTotals::toJson() const
{
    return {{u"count"_s, count},
            {u"saved"_s, saved},
            {u"bytes"_s, double(bytes)},
            {u"resources"_s, double(resources)}};
}

FileTotals FileTotals::fromJson(const QJsonObject &o)
{
    FileTotals t;
    t.count = o.value("count"_L1).toInt();
    t.saved = o.value("saved"_L1).toInt();
    t.bytes = qint64(o.value("bytes"_L1).toDouble());
    t.resources = qint64(o.value("resources"_L1).toDouble());
    return t;
}

FileTotals ExportJob::totals() const
{
    if (!detailsLoaded)
        return fileTotals;
    return {int(files.size()), filesSaved(), bytesSaved(), resourcesSaved()};
}

int ExportJob::fileCount() const
{
    return detailsLoaded ? int(files.size()) : fileTotals.count;
}

int ExportJob::filesSaved() const
{
    if (!detailsLoaded)
        return fileTotals.saved;
    return int(std::count_if(files.cbegin(), files.cend(),
                             [](const ExportFile &f) { return f.state == FileState::Saved; }));
}

qint64 ExportJob::bytesSaved() const
{
    if (!detailsLoaded)
        return fileTotals.bytes;
    qint64 n = 0;
    for (const ExportFile &f : files)
        n += f.bytes;
    return n;
}

qint64 ExportJob::resourcesSaved() const
{
    if (!detailsLoaded)
        return fileTotals.resources;
    qint64 n = 0;
    for (const ExportFile &f : files) {
        if (f.kind == FileKind::Output && f.state == FileState::Saved)
            n += f.lines;
    }
    return n;
}

QJsonObject ExportJob::toJson(bool withManifest, bool withActivity, bool withFiles) const
{
    QJsonObject o;
    o.insert(u"format"_s, 1);
    o.insert(u"id"_s, id);
    o.insert(u"profileId"_s, profileId);
    o.insert(u"serverName"_s, serverName);
    o.insert(u"request"_s, request.toJson());
    o.insert(u"kickoffUrl"_s, kickoffUrl.toString(QUrl::FullyEncoded));
    o.insert(u"statusUrl"_s, statusUrl.toString(QUrl::FullyEncoded));
    o.insert(u"state"_s, jobStateName(state));
    o.insert(u"progress"_s, progressText);
    o.insert(u"nextPollAt"_s, iso(nextPollAt));
    o.insert(u"attempt"_s, attempt);
    o.insert(u"pollCount"_s, pollCount);
    o.insert(u"lastError"_s, lastError);
    o.insert(u"createdAt"_s, iso(createdAt));
    o.insert(u"completedAt"_s, iso(completedAt));
    o.insert(u"finishedAt"_s, iso(finishedAt));
    o.insert(u"expiresAt"_s, iso(expiresAt));
    o.insert(u"transactionTime"_s, iso(transactionTime));
    // A large manifest stays only in the export folder (manifest.json): writing it into the job
    // file on every save would cost more than it is worth.
    if (withManifest && manifestJson.size() <= kMaxStoredManifest)
        o.insert(u"manifest"_s, QString::fromUtf8(manifestJson));
    o.insert(u"message"_s, message);
    o.insert(u"outDir"_s, outDir);
    o.insert(u"autoDownload"_s, autoDownload);
    if (keepOnServer)
        o.insert(u"keepOnServer"_s, true);
    if (gzip)
        o.insert(u"gzip"_s, true);
    if (attachments) {
        o.insert(u"attachments"_s, true);
        o.insert(u"attachmentsSaved"_s, attachmentsSaved);
        o.insert(u"attachmentBytes"_s, attachmentBytes);
        o.insert(u"attachmentsFailed"_s, attachmentsFailed);
        if (!attachmentProblem.isEmpty())
            o.insert(u"attachmentProblem"_s, attachmentProblem);
    }
    if (removedFromServerAt.isValid())
        o.insert(u"removedFromServerAt"_s, iso(removedFromServerAt));
    if (!removalProblem.isEmpty())
        o.insert(u"removalProblem"_s, removalProblem);
    if (requestRefused) {
        o.insert(u"requestRefused"_s, true);
        o.insert(u"refusedParameters"_s, QJsonArray::fromStringList(refusedParameters));
    }
    o.insert(u"requiresAccessToken"_s, requiresAccessToken);
    o.insert(u"cancelRequested"_s, cancelRequested);
    if (!unsyncedBootId.isEmpty())
        o.insert(u"unsyncedBoot"_s, unsyncedBootId);
    if (withFiles) {
        QJsonArray fs;
        for (const ExportFile &f : files)
            fs.append(f.toJson());
        o.insert(u"files"_s, fs);
    }
    if (withActivity) {
        QJsonArray log;
        for (const ActivityEntry &e : activity)
            log.append(e.toJson());
        o.insert(u"activity"_s, log);
    }
    return o;
}

QJsonObject ExportJob::toJson() const
{
    return toJson(true, true);
}

QJsonObject ExportJob::summaryJson() const
{
    QJsonObject o = toJson(false, false, false);
    o.insert(u"fileTotals"_s, totals().toJson());
    return o;
}

QByteArray ExportJob::toStoredJson() const
{
    // The files and the activity log written directly: through QJsonObject a job of 2000 files
    // cost more to save than its downloads' bookkeeping.
    QByteArray out = QJsonDocument(toJson(true, false, false)).toJson(QJsonDocument::Compact);
    Q_ASSERT(out.endsWith('}'));
    out.chop(1);
    out.reserve(out.size() + files.size() * 256 + activity.size() * 320 + 32);
    out += ",\"files\":[";
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (i > 0)
            out += ',';
        files[i].appendJson(out);
    }
    out += "],\"activity\":[";
    for (qsizetype i = 0; i < activity.size(); ++i) {
        if (i > 0)
            out += ',';
        activity[i].appendJson(out);
    }
    out += "]}";
    return out;
}

void ExportJob::dropDetails()
{
    if (detailsLoaded)
        fileTotals = totals();
    files.clear();
    activity.clear();
    manifestJson.clear();
    detailsLoaded = false;
}

std::optional<ExportJob> ExportJob::fromJson(const QJsonObject &o)
{
    if (o.value("format"_L1).toInt() != 1 || o.value("id"_L1).toString().isEmpty())
        return std::nullopt;
    const auto state = jobStateFromName(o.value("state"_L1).toString());
    if (!state)
        return std::nullopt;
    ExportJob j;
    j.id = o.value("id"_L1).toString();
    j.profileId = o.value("profileId"_L1).toString();
    j.serverName = o.value("serverName"_L1).toString();
    j.request = ExportRequest::fromJson(o.value("request"_L1).toObject());
    j.kickoffUrl = QUrl(o.value("kickoffUrl"_L1).toString(), QUrl::StrictMode);
    j.statusUrl = QUrl(o.value("statusUrl"_L1).toString(), QUrl::StrictMode);
    j.state = *state;
    j.progressText = o.value("progress"_L1).toString();
    j.nextPollAt = fromIso(o.value("nextPollAt"_L1));
    j.attempt = o.value("attempt"_L1).toInt();
    j.pollCount = o.value("pollCount"_L1).toInt();
    j.lastError = o.value("lastError"_L1).toString();
    j.createdAt = fromIso(o.value("createdAt"_L1));
    j.completedAt = fromIso(o.value("completedAt"_L1));
    j.finishedAt = fromIso(o.value("finishedAt"_L1));
    j.expiresAt = fromIso(o.value("expiresAt"_L1));
    j.transactionTime = fromIso(o.value("transactionTime"_L1));
    j.manifestJson = o.value("manifest"_L1).toString().toUtf8();
    j.message = o.value("message"_L1).toString();
    j.outDir = o.value("outDir"_L1).toString();
    j.autoDownload = o.value("autoDownload"_L1).toBool(true);
    j.keepOnServer = o.value("keepOnServer"_L1).toBool();
    j.gzip = o.value("gzip"_L1).toBool();
    j.attachments = o.value("attachments"_L1).toBool();
    j.attachmentsSaved = o.value("attachmentsSaved"_L1).toInt();
    j.attachmentBytes = qint64(o.value("attachmentBytes"_L1).toDouble());
    j.attachmentsFailed = o.value("attachmentsFailed"_L1).toInt();
    j.attachmentProblem = o.value("attachmentProblem"_L1).toString();
    j.removedFromServerAt = fromIso(o.value("removedFromServerAt"_L1));
    j.removalProblem = o.value("removalProblem"_L1).toString();
    j.requestRefused = o.value("requestRefused"_L1).toBool();
    for (const QJsonValue &v : o.value("refusedParameters"_L1).toArray())
        j.refusedParameters.append(v.toString());
    j.requiresAccessToken = o.value("requiresAccessToken"_L1).toBool();
    j.cancelRequested = o.value("cancelRequested"_L1).toBool();
    j.unsyncedBootId = o.value("unsyncedBoot"_L1).toString();
    for (const QJsonValue &f : o.value("files"_L1).toArray())
        j.files.append(ExportFile::fromJson(f.toObject()));
    for (const QJsonValue &e : o.value("activity"_L1).toArray())
        j.activity.append(ActivityEntry::fromJson(e.toObject()));
    // A summary (the store's index): the files' totals only; the rest is in the job's file.
    if (const QJsonValue totals = o.value("fileTotals"_L1);
        totals.isObject() && !o.contains("files"_L1)) {
        j.fileTotals = FileTotals::fromJson(totals.toObject());
        j.detailsLoaded = false;
    }
    return j;
}

} // namespace fbm
