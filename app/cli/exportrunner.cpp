#include "exportrunner.h"

#include "authoptions.h"
#include "cli.h"
#include "exporthistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

QString resumeCommand(const ExportJob &j)
{
    return u"fhir-bulk-monitor resume '%1' --out '%2'"_s.arg(
        shellQuoted(j.statusUrl.toString(QUrl::FullyEncoded)), shellQuoted(j.outDir));
}

Runner::Runner(QTextStream &out, QTextStream &err, bool json, const QString &profilesFile)
    : m_out(out)
    , m_err(err)
    , m_json(json)
    , m_session(commandLineSession(profilesFile))
    , m_manager(*m_session.manager())
{
    RetryPolicy policy;
    bool ok = false;
    const qint64 floor = qEnvironmentVariableIntValue("FBM_MIN_POLL_MS", &ok);
    if (ok && floor >= 0) {
        policy.minDelayMs = floor;
        policy.backoffBaseMs = qMax<qint64>(floor, 1);
    }
    m_manager.setRetryPolicy(policy);
    const int fileDelay = qEnvironmentVariableIntValue("FBM_FILE_RETRY_MS", &ok);
    if (ok)
        m_manager.setFileRetryDelayMs(fileDelay);
    connect(&m_manager, &JobManager::jobChanged, this,
            [this](const QString &id, JobFields f) { onChanged(id, f); });
    connect(&m_manager, &JobManager::fileFinished, this,
            [this](const QString &id, int i) { onFile(id, i); });
    connect(&m_manager, &JobManager::savedFileLost, this,
            [this](const QString &id, int i, bool missing) { onFileLost(id, i, missing); });
    connect(&m_manager, &JobManager::jobFinished, this,
            [this](const QString &id) { onFinished(id); });
    connect(&m_stopSignals, &StopSignals::received, this,
            [this](int signalNumber) { onStopSignal(signalNumber); });
}

int Runner::stoppedBeforeStart()
{
    if (m_interrupted == 0)
        return 0;
    //: %1 is a signal name such as SIGINT
    human(Text::tr("Stopped by %1 before the export was started.")
              .arg(StopSignals::name(m_interrupted)));
    event({{u"event"_s, u"interrupted"_s}, {u"signal"_s, StopSignals::name(m_interrupted)}});
    return 128 + m_interrupted;
}

Error Runner::setUpAuth(const QCommandLineParser &parser, const QUrl &base)
{
    Result<AuthSetup> setup = authFromOptions(parser, m_session, base);
    if (!setup.ok())
        return setup.error();
    m_base = setup->base;
    if (setup->profile) {
        m_profileOptions.profileId = setup->profile->id;
        m_profileOptions.serverName = setup->profile->name;
        m_profileOptions.keepOnServer = setup->profile->keepFilesOnServer;
        m_profileOptions.gzip = setup->profile->gzipOutputs;
        m_profileOptions.attachments = setup->profile->downloadAttachments;
    }
    m_session.useAuthForEveryJob(std::make_unique<AuthSetup>(std::move(setup.value())));
    return {};
}

JobOptions Runner::jobOptions(const QCommandLineParser &parser) const
{
    JobOptions o = m_profileOptions;
    o.keepOnServer = o.keepOnServer || parser.isSet(u"keep-on-server"_s);
    o.gzip = o.gzip || parser.isSet(u"gzip"_s);
    o.attachments = o.attachments || parser.isSet(u"attachments"_s);
    return o;
}

int Runner::waitFor(const QString &id)
{
    m_id = id;
    const ExportJob *j = m_manager.job(id);
    if (j && j->statusUrl.isValid())
        announce(*j);
    if (m_interrupted != 0) {
        interrupt();
    } else if (j && j->isTerminal()) {
        onFinished(id);
    } else if (j && isManifestOnlyDone(*j)) {
        onManifestOnlyDone(*j);
    } else {
        m_loop.exec();
    }
    return m_exit;
}

void Runner::event(QJsonObject o)
{
    if (!m_json)
        return;
    m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    m_out.flush();
}

QDateTime Runner::continueFromLastExport(const ExportRequest &request)
{
    const QList<ExportJob> jobs = store().loadAll().jobs;
    const ExportJob *last = ExportHistory::lastComplete(jobs, m_profileOptions.profileId, request);
    QJsonObject o{{u"event"_s, u"since-auto"_s}};
    if (!last) {
        human(Text::tr("No earlier export of this request saved all its files: exporting "
                       "everything."));
        o.insert(u"since"_s, QJsonValue::Null);
        event(o);
        return {};
    }
    //: %1 a date and time (the server's transaction time), %2 the earlier export's folder
    human(Text::tr("Only changes since %1, the data of the export saved in %2.")
              .arg(last->transactionTime.toUTC().toString(Qt::ISODateWithMs),
                   QDir::toNativeSeparators(last->outDir)));
    o.insert(u"since"_s, last->transactionTime.toUTC().toString(Qt::ISODateWithMs));
    o.insert(u"from"_s, last->outDir);
    event(o);
    return last->transactionTime;
}

void Runner::human(const QString &line)
{
    m_err << line << '\n';
    m_err.flush();
}

void Runner::announce(const ExportJob &j)
{
    if (m_announced)
        return;
    m_announced = true;
    //: %1 is a URL
    human(Text::tr("Status URL: %1").arg(j.statusUrl.toString(QUrl::FullyEncoded)));
    //: %1 is a command line
    human(Text::tr("To continue after an interruption: %1").arg(resumeCommand(j)));
    event({{u"event"_s, u"kicked-off"_s},
           {u"statusUrl"_s, j.statusUrl.toString(QUrl::FullyEncoded)},
           {u"jobId"_s, j.id},
           {u"out"_s, j.outDir}});
}

void Runner::onChanged(const QString &id, JobFields fields)
{
    if (id != m_id)
        return;
    const ExportJob *j = m_manager.job(id);
    if (!j)
        return;
    if (j->statusUrl.isValid())
        announce(*j);
    if (m_interrupted != 0 && j->state != JobState::Starting && !j->isTerminal()) {
        interrupt(); // the kick-off has been answered since the stop signal
        return;
    }
    if ((fields & JobField::NextPoll) && j->isWaitingForPoll()) {
        const qint64 secs =
            qMax<qint64>(0, (m_manager.clock()->now().msecsTo(j->nextPollAt) + 999) / 1000);
        const QString progress = j->progressText.isEmpty() ? Text::tr("running") : j->progressText;
        if (progress != m_lastProgress || !j->lastError.isEmpty()) {
            m_lastProgress = progress;
            //: %1 is the server's progress text, %2 a number of seconds
            QString line = Text::tr("Server says: %1 (next check in %2 s)").arg(progress).arg(secs);
            if (!j->lastError.isEmpty())
                //: %1 is why the last check failed, %2 the attempt number
                line = Text::tr("%1 — retrying in %2 s (attempt %3)")
                           .arg(j->lastError)
                           .arg(secs)
                           .arg(j->attempt);
            human(line);
        }
        event({{u"event"_s, u"progress"_s},
               {u"xProgress"_s, j->progressText},
               {u"nextPollSeconds"_s, double(secs)},
               {u"attempt"_s, j->attempt}});
    }
    if ((fields & JobField::Manifest) && !m_manifestShown && j->completedAt.isValid()) {
        m_manifestShown = true;
        //: %n is the number of files
        human(Text::tr("Export complete: %n file(s) to download.", nullptr, int(j->files.size())));
        QJsonObject o{{u"event"_s, u"manifest"_s},
                      {u"files"_s, int(j->files.size())},
                      {u"transactionTime"_s, j->transactionTime.toString(Qt::ISODateWithMs)},
                      {u"requiresAccessToken"_s, j->requiresAccessToken}};
        if (!j->message.isEmpty())
            o.insert(u"message"_s, j->message);
        event(o);
    }
    // Checked once the manager has finished with the manifest (it writes manifest.json after
    // the state change, and a failure to write it still turns the job to Failed).
    if ((fields & JobField::State) && isManifestOnlyDone(*j)) {
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                if (const ExportJob *now = m_manager.job(id); now && isManifestOnlyDone(*now))
                    onManifestOnlyDone(*now);
            },
            Qt::QueuedConnection);
    }
}

bool Runner::isManifestOnlyDone(const ExportJob &j)
{
    return j.state == JobState::Completed && !j.autoDownload && !j.files.isEmpty();
}

void Runner::onManifestOnlyDone(const ExportJob &j)
{
    if (m_done)
        return;
    m_done = true;
    //: %1 is a command line
    human(Text::tr("To download the files later: %1").arg(resumeCommand(j)));
    QJsonObject o{{u"event"_s, u"done"_s},
                  {u"state"_s, jobStateName(j.state)},
                  {u"files"_s, j.filesSaved()},
                  {u"out"_s, j.outDir}};
    if (!j.message.isEmpty())
        o.insert(u"message"_s, j.message);
    event(o);
    m_exit = Success;
    m_loop.quit();
}

void Runner::onFile(const QString &id, int index)
{
    if (id != m_id)
        return;
    const ExportJob *j = m_manager.job(id);
    const ExportFile &f = j->files.at(index);
    if (f.state == FileState::Saved) {
        //: %1 is a file name, %2 a number of lines, %3 a size
        human(Text::tr("Saved %1 (%2 lines, %3)")
                  .arg(f.relativePath)
                  .arg(f.lines)
                  .arg(formatBytes(f.bytes)));
        event({{u"event"_s, u"file-saved"_s},
               {u"path"_s, f.relativePath},
               {u"type"_s, f.type},
               {u"lines"_s, double(f.lines)},
               {u"bytes"_s, double(f.bytes)}});
    } else if (f.state == FileState::Failed) {
        //: %1 is a file name, %2 the reason
        human(Text::tr("Could not save %1: %2").arg(f.relativePath, f.error));
        event({{u"event"_s, u"file-failed"_s}, {u"path"_s, f.relativePath}, {u"error"_s, f.error}});
    }
}

void Runner::onFileLost(const QString &id, int index, bool missing)
{
    const ExportJob *j = m_manager.job(id);
    if (!j || index >= j->files.size())
        return;
    const ExportFile &f = j->files.at(index);
    const bool again = f.state == FileState::Pending;
    if (missing)
        //: %1 is a file name
        human(again ? Text::tr("%1 is no longer in the folder; it is downloaded again.")
                          .arg(f.relativePath)
                    : Text::tr("%1 is no longer in the folder, and the server no longer has it.")
                          .arg(f.relativePath));
    else
        //: %1 is a file name
        human(again ? Text::tr("%1 was changed since it was saved; it is downloaded again.")
                          .arg(f.relativePath)
                    : Text::tr("%1 was changed since it was saved, and the server no longer has "
                               "it.")
                          .arg(f.relativePath));
    event({{u"event"_s, u"file-missing"_s},
           {u"path"_s, f.relativePath},
           {u"reason"_s, missing ? u"missing"_s : u"changed"_s},
           {u"downloadAgain"_s, again}});
}

void Runner::onStopSignal(int signalNumber)
{
    m_interrupted = signalNumber;
    if (m_id.isEmpty()) // before that, the command checks stoppedBeforeStart()
        return;
    if (const ExportJob *j = m_manager.job(m_id); j && j->state == JobState::Starting) {
        // The server may be starting the export right now. Its answer brings the status
        // URL to resume with; without it the export would run there for nothing.
        //: %1 is a number of seconds
        human(Text::tr("Stopping once the server has answered the kick-off (at most %1 s); press "
                       "Ctrl+C again to stop at once.")
                  .arg(kKickoffWaitMs / 1000));
        QTimer::singleShot(kKickoffWaitMs, this, [this] { interrupt(); });
        return;
    }
    interrupt();
}

void Runner::interrupt()
{
    if (m_done)
        return;
    m_done = true;
    m_manager.waitForSaves();
    const QString signalName = StopSignals::name(m_interrupted);
    QJsonObject o{{u"event"_s, u"interrupted"_s}, {u"signal"_s, signalName}};
    const ExportJob *j = m_manager.job(m_id);
    if (j && j->statusUrl.isValid()) {
        //: %1 is a signal name such as SIGINT, %2 a command line
        human(
            Text::tr("Stopped by %1. The export goes on at the server; saved files are kept and a "
                     "partial file continues where it stopped with: %2")
                .arg(signalName, resumeCommand(*j)));
        o.insert(u"statusUrl"_s, j->statusUrl.toString(QUrl::FullyEncoded));
    } else {
        //: %1 is a signal name such as SIGINT
        human(Text::tr("Stopped by %1 before the server answered the kick-off. The server may "
                       "have started the export anyway; without its status URL it cannot be "
                       "followed from here.")
                  .arg(signalName));
    }
    if (j)
        o.insert(u"out"_s, j->outDir);
    event(o);
    m_exit = 128 + m_interrupted;
    m_loop.quit();
}

void Runner::onFinished(const QString &id)
{
    if (id != m_id || m_done)
        return;
    m_done = true;
    const ExportJob *j = m_manager.job(id);
    if (j->state == JobState::Saved) {
        if (j->fileCount() == 0) {
            const QString message =
                j->message.isEmpty() ? Text::tr("The server had nothing to export.") : j->message;
            human(message);
        } else {
            //: %n is the number of files, %1 the folder
            human(
                Text::tr("Done: %n file(s) saved in %1", nullptr, j->filesSaved()).arg(j->outDir));
        }
        if (j->removedFromServerAt.isValid())
            human(Text::tr("The server was told that it may remove the files."));
        else if (!j->removalProblem.isEmpty())
            human(j->removalProblem);
        if (j->attachments && j->attachmentsSaved > 0)
            //: %n is a number of attachments
            human(Text::tr("%n attachment(s) saved in %1", nullptr, j->attachmentsSaved)
                      .arg(QDir(j->outDir).filePath(u"attachments"_s)));
        if (!j->attachmentProblem.isEmpty())
            human(j->attachmentProblem);
        QJsonObject o{{u"event"_s, u"done"_s},
                      {u"state"_s, jobStateName(j->state)},
                      {u"files"_s, j->filesSaved()},
                      {u"out"_s, j->outDir},
                      {u"removedFromServer"_s, j->removedFromServerAt.isValid()}};
        if (!j->message.isEmpty())
            o.insert(u"message"_s, j->message);
        if (!j->removalProblem.isEmpty())
            o.insert(u"removalProblem"_s, j->removalProblem);
        if (j->attachments) {
            o.insert(u"attachments"_s, j->attachmentsSaved);
            if (!j->attachmentProblem.isEmpty())
                o.insert(u"attachmentProblem"_s, j->attachmentProblem);
        }
        event(o);
        m_exit = Success;
    } else {
        QString message = j->lastError;
        if (message.isEmpty())
            message = jobStateText(j->state);
        //: %1 is the job's state, %2 the reason
        human(Text::tr("Export ended: %1. %2").arg(jobStateText(j->state), message));
        for (const ExportFile &f : j->files) {
            if (f.state == FileState::Failed)
                //: %1 is a file name, %2 the reason
                human(Text::tr("  %1: %2").arg(f.relativePath, f.error));
        }
        QJsonObject o{{u"event"_s, u"error"_s},
                      {u"state"_s, jobStateName(j->state)},
                      {u"message"_s, message}};
        if (j->requestRefused) {
            o.insert(u"refusedParameters"_s, QJsonArray::fromStringList(j->refusedParameters));
            if (!j->request.lenient)
                human(Text::tr("The server refused the request as asked; --lenient lets it skip "
                               "what it does not support."));
            for (const QString &name : j->refusedParameters)
                //: %1 is a parameter name such as _type
                human(Text::tr("The server's answer names %1: try again without it.").arg(name));
        }
        event(o);
        m_exit = Failure;
    }
    m_loop.quit();
}

} // namespace fbm::cli
