#include "exportcommand.h"

#include "auth/profile.h"
#include "auth/secretstore.h"
#include "authoptions.h"
#include "authprovider.h"
#include "cli.h"
#include "demo/bulkserver.h"
#include "demo/demodata.h"
#include "demo/reportserver.h"
#include "httpclient.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "operationoutcome.h"
#include "redact.h"
#include "stopsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("fbm::cli", text, disambiguation, n);
}

/// The command line keeps its own job list, apart from the desktop application's, so that a
/// running GUI never picks up (and downloads in parallel) a job a script is running.
QString cliStoreDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/cli-jobs"_s;
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

/// The command that continues \a j, quoted for a POSIX shell (the command's words are not
/// translated).
QString resumeCommand(const ExportJob &j)
{
    return u"fhir-bulk-monitor resume '%1' --out '%2'"_s.arg(
        shellQuoted(j.statusUrl.toString(QUrl::FullyEncoded)), shellQuoted(j.outDir));
}

/// How long a stop signal waits for the server to answer a kick-off in flight.
constexpr int kKickoffWaitMs = 20000;

/// Drives one job to its end and reports it: human lines on err, JSON events on out.
class Runner final : public QObject
{
public:
    // Inside a QObject (without Q_OBJECT) a bare tr() would be QObject::tr, context "QObject",
    // and every line printed while the export runs would stay English.
    static QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
    {
        return cli::tr(text, disambiguation, n);
    }

    /// profilesFile: where --profile looks (empty: the application's profiles file).
    Runner(QTextStream &out, QTextStream &err, bool json, const QString &profilesFile)
        : m_out(out)
        , m_err(err)
        , m_json(json)
        , m_store(cliStoreDirectory())
        , m_manager(&m_store)
        , m_profiles(profilesFile)
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
        m_manager.setClientProvider(
            [this](const QString &, const QUrl &base) { return client(base); });
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

    /// Non-zero (128 + the signal, as a shell reports it) when Ctrl+C or another stop signal
    /// came before the job was started; the command then says so and ends with it.
    int stoppedBeforeStart()
    {
        if (m_interrupted == 0)
            return 0;
        //: %1 is a signal name such as SIGINT
        human(tr("Stopped by %1 before the export was started.")
                  .arg(StopSignals::name(m_interrupted)));
        event({{u"event"_s, u"interrupted"_s}, {u"signal"_s, StopSignals::name(m_interrupted)}});
        return 128 + m_interrupted;
    }

    /// Authorization from the command line's options (--profile, --token, SMART, secret).
    Error setUpAuth(const QCommandLineParser &parser, const QUrl &base)
    {
        Result<AuthSetup> setup = authFromOptions(parser, &m_nam, &m_secrets, &m_profiles, base);
        if (!setup.ok())
            return setup.error();
        m_setup = std::move(setup.value());
        return {};
    }
    [[nodiscard]] QUrl base() const { return m_setup.base; }
    [[nodiscard]] QString profileId() const
    {
        return m_setup.profile ? m_setup.profile->id : QString();
    }
    [[nodiscard]] QString serverName() const
    {
        return m_setup.profile ? m_setup.profile->name : QString();
    }

    HttpClient *client(const QUrl &base)
    {
        if (m_setup.client)
            return m_setup.client.get();
        if (!m_fallback)
            m_fallback = std::make_unique<HttpClient>(base);
        return m_fallback.get();
    }

    JobManager &manager() { return m_manager; }
    JobStore &store() { return m_store; }

    int waitFor(const QString &id)
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

private:
    void event(QJsonObject o)
    {
        if (!m_json)
            return;
        m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
        m_out.flush();
    }

    void human(const QString &line)
    {
        m_err << line << '\n';
        m_err.flush();
    }

    void announce(const ExportJob &j)
    {
        if (m_announced)
            return;
        m_announced = true;
        //: %1 is a URL
        human(tr("Status URL: %1").arg(j.statusUrl.toString(QUrl::FullyEncoded)));
        //: %1 is a command line
        human(tr("To continue after an interruption: %1").arg(resumeCommand(j)));
        event({{u"event"_s, u"kicked-off"_s},
               {u"statusUrl"_s, j.statusUrl.toString(QUrl::FullyEncoded)},
               {u"jobId"_s, j.id},
               {u"out"_s, j.outDir}});
    }

    void onChanged(const QString &id, JobFields fields)
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
            const qint64 secs = qMax<qint64>(
                0, (QDateTime::currentDateTimeUtc().msecsTo(j->nextPollAt) + 999) / 1000);
            const QString progress = j->progressText.isEmpty() ? tr("running") : j->progressText;
            if (progress != m_lastProgress || !j->lastError.isEmpty()) {
                m_lastProgress = progress;
                //: %1 is the server's progress text, %2 a number of seconds
                QString line = tr("Server says: %1 (next check in %2 s)").arg(progress).arg(secs);
                if (!j->lastError.isEmpty())
                    //: %1 is why the last check failed, %2 the attempt number
                    line = tr("%1 — retrying in %2 s (attempt %3)")
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
            human(tr("Export complete: %n file(s) to download.", nullptr, int(j->files.size())));
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

    /// --no-download: the job stays Completed (not terminal: the files can still be fetched,
    /// which is what `resume` does), so no jobFinished comes; the command is done here.
    /// A manifest without files goes on to Saved and ends in onFinished() instead.
    static bool isManifestOnlyDone(const ExportJob &j)
    {
        return j.state == JobState::Completed && !j.autoDownload && !j.files.isEmpty();
    }

    void onManifestOnlyDone(const ExportJob &j)
    {
        if (m_done)
            return;
        m_done = true;
        //: %1 is a command line
        human(tr("To download the files later: %1").arg(resumeCommand(j)));
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

    void onFile(const QString &id, int index)
    {
        if (id != m_id)
            return;
        const ExportJob *j = m_manager.job(id);
        const ExportFile &f = j->files.at(index);
        if (f.state == FileState::Saved) {
            //: %1 is a file name, %2 a number of lines, %3 a size
            human(tr("Saved %1 (%2 lines, %3)")
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
            human(tr("Could not save %1: %2").arg(f.relativePath, f.error));
            event({{u"event"_s, u"file-failed"_s},
                   {u"path"_s, f.relativePath},
                   {u"error"_s, f.error}});
        }
    }

    /// A file `resume` finds no longer as it was saved (nothing is announced yet: m_id is the
    /// job being resumed, set by resumeExport()'s caller afterwards, so any job counts).
    void onFileLost(const QString &id, int index, bool missing)
    {
        const ExportJob *j = m_manager.job(id);
        if (!j || index >= j->files.size())
            return;
        const ExportFile &f = j->files.at(index);
        const bool again = f.state == FileState::Pending;
        if (missing)
            //: %1 is a file name
            human(again ? tr("%1 is no longer in the folder; it is downloaded again.")
                              .arg(f.relativePath)
                        : tr("%1 is no longer in the folder, and the server no longer has it.")
                              .arg(f.relativePath));
        else
            //: %1 is a file name
            human(again ? tr("%1 was changed since it was saved; it is downloaded again.")
                              .arg(f.relativePath)
                        : tr("%1 was changed since it was saved, and the server no longer has "
                             "it.")
                              .arg(f.relativePath));
        event({{u"event"_s, u"file-missing"_s},
               {u"path"_s, f.relativePath},
               {u"reason"_s, missing ? u"missing"_s : u"changed"_s},
               {u"downloadAgain"_s, again}});
    }

    void onStopSignal(int signalNumber)
    {
        m_interrupted = signalNumber;
        if (m_id.isEmpty()) // before that, the command checks stoppedBeforeStart()
            return;
        if (const ExportJob *j = m_manager.job(m_id); j && j->state == JobState::Starting) {
            // The server may be starting the export right now. Its answer brings the status
            // URL to resume with; without it the export would run there for nothing.
            //: %1 is a number of seconds
            human(tr("Stopping once the server has answered the kick-off (at most %1 s); press "
                     "Ctrl+C again to stop at once.")
                      .arg(kKickoffWaitMs / 1000));
            QTimer::singleShot(kKickoffWaitMs, this, [this] { interrupt(); });
            return;
        }
        interrupt();
    }

    /// Stopped by a signal: what is known is saved and the job is left for `resume`. The export
    /// goes on at the server (only `cancel` stops it there).
    void interrupt()
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
            human(tr("Stopped by %1. The export goes on at the server; saved files are kept and a "
                     "partial file continues where it stopped with: %2")
                      .arg(signalName, resumeCommand(*j)));
            o.insert(u"statusUrl"_s, j->statusUrl.toString(QUrl::FullyEncoded));
        } else {
            //: %1 is a signal name such as SIGINT
            human(tr("Stopped by %1 before the server answered the kick-off. The server may "
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

    void onFinished(const QString &id)
    {
        if (id != m_id || m_done)
            return;
        m_done = true;
        const ExportJob *j = m_manager.job(id);
        if (j->state == JobState::Saved) {
            if (j->files.isEmpty()) {
                const QString message =
                    j->message.isEmpty() ? tr("The server had nothing to export.") : j->message;
                human(message);
            } else {
                //: %n is the number of files, %1 the folder
                human(tr("Done: %n file(s) saved in %1", nullptr, j->filesSaved()).arg(j->outDir));
            }
            QJsonObject o{{u"event"_s, u"done"_s},
                          {u"state"_s, jobStateName(j->state)},
                          {u"files"_s, j->filesSaved()},
                          {u"out"_s, j->outDir}};
            if (!j->message.isEmpty())
                o.insert(u"message"_s, j->message);
            event(o);
            m_exit = Success;
        } else {
            QString message = j->lastError;
            if (message.isEmpty())
                message = jobStateText(j->state);
            //: %1 is the job's state, %2 the reason
            human(tr("Export ended: %1. %2").arg(jobStateText(j->state), message));
            for (const ExportFile &f : j->files) {
                if (f.state == FileState::Failed)
                    //: %1 is a file name, %2 the reason
                    human(tr("  %1: %2").arg(f.relativePath, f.error));
            }
            event({{u"event"_s, u"error"_s},
                   {u"state"_s, jobStateName(j->state)},
                   {u"message"_s, message}});
            m_exit = Failure;
        }
        m_loop.quit();
    }

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json;
    QNetworkAccessManager m_nam;
    JobStore m_store;
    JobManager m_manager;
    ProfileStore m_profiles;
    KeychainSecretStore m_secrets;
    AuthSetup m_setup;
    std::unique_ptr<HttpClient> m_fallback;
    QEventLoop m_loop;
    StopSignals m_stopSignals;
    int m_interrupted = 0; ///< the stop signal received, or 0
    QString m_id;
    QString m_lastProgress;
    bool m_announced = false;
    bool m_manifestShown = false;
    bool m_done = false;
    int m_exit = Failure;
};

void addCommon(QCommandLineParser &p)
{
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addHelpOption();
    p.addOption({u"json"_s, tr("Print one JSON event per line on standard output.")});
    addAuthOptions(p);
    p.addOption(
        {u"profiles-file"_s, tr("The profiles file (default: the application's)."), tr("FILE")});
}

/// The status URL as export's kick-off answer gave it: nothing else is worth a request.
bool validStatusUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == "http"_L1 || scheme == "https"_L1);
}

QDateTime parseInstant(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    return t;
}

} // namespace

int runExportCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(tr("Start a FHIR Bulk Data export, follow it and save its files."));
    addCommon(p);
    p.addOptions({
        {u"base"_s, tr("The FHIR server's base URL."), tr("URL")},
        {u"level"_s, tr("system, patient or group (default: system)."), tr("LEVEL"), u"system"_s},
        {u"group"_s, tr("The group id for a group export."), tr("ID")},
        {u"type"_s, tr("Resource types, comma-separated (_type)."), tr("TYPES")},
        {u"since"_s, tr("Only resources changed since this instant (_since)."), tr("TIME")},
        {u"until"_s, tr("Only resources changed until this instant (_until)."), tr("TIME")},
        {u"type-filter"_s, tr("A _typeFilter query; repeatable."), tr("QUERY")},
        {u"elements"_s, tr("Elements to include, comma-separated (_elements)."), tr("ELEMENTS")},
        {u"output-format"_s, tr("The output format (_outputFormat)."), tr("FORMAT")},
        {u"include-associated-data"_s, tr("includeAssociatedData value; repeatable."), tr("VALUE")},
        {u"post"_s, tr("Kick off with POST and a Parameters body instead of GET.")},
        {u"patient"_s, tr("A patient id or reference (POST only); repeatable."), tr("ID")},
        {u"no-cache"_s, tr("Send Cache-Control: no-cache so the server starts a new job.")},
        {u"no-download"_s, tr("Stop when the export is complete; do not download the files.")},
        {u"out"_s, tr("The folder to save the files in."), tr("DIR")},
    });
    int exit = Success;
    if (!parse(p, args, out, err, &exit))
        return exit;
    if (!p.positionalArguments().isEmpty())
        return usage(err, tr("Unexpected argument: %1").arg(p.positionalArguments().first()), p);
    if (!p.isSet(u"base"_s) && !p.isSet(u"profile"_s))
        return usage(err, tr("--base or --profile is required."), p);
    if (!p.isSet(u"out"_s))
        return usage(err, tr("--out is required."), p);

    Runner runner(out, err, p.isSet(u"json"_s), p.value(u"profiles-file"_s));
    if (const Error e = runner.setUpAuth(p, QUrl(p.value(u"base"_s), QUrl::StrictMode));
        e.isError())
        return e.kind == Error::Kind::Usage ? usage(err, e.message, p)
                                            : (err << e.message << '\n', Failure);
    ExportRequest request;
    request.base = runner.base();
    const auto level = levelFromName(p.value(u"level"_s));
    if (!level)
        return usage(err, tr("--level must be system, patient or group."), p);
    request.level = *level;
    request.groupId = p.value(u"group"_s);
    if (request.level != ExportLevel::Group && !request.groupId.isEmpty())
        return usage(err, tr("--group needs --level group."), p);
    if (p.isSet(u"type"_s)) {
        for (const QString &t : p.value(u"type"_s).split(u',', Qt::SkipEmptyParts))
            request.types.append(t.trimmed());
    }
    for (const char *name : {"since", "until"}) {
        const QString option = QString::fromLatin1(name);
        if (!p.isSet(option))
            continue;
        const QDateTime t = parseInstant(p.value(option));
        if (!t.isValid())
            //: %1 is an option name, %2 what the user gave
            return usage(err, tr("--%1 is not a date and time: %2").arg(option, p.value(option)),
                         p);
        (option == "since"_L1 ? request.since : request.until) = t;
    }
    request.typeFilters = p.values(u"type-filter"_s);
    if (p.isSet(u"elements"_s))
        request.elements = p.value(u"elements"_s).split(u',', Qt::SkipEmptyParts);
    request.outputFormat = p.value(u"output-format"_s);
    request.includeAssociatedData = p.values(u"include-associated-data"_s);
    request.usePost = p.isSet(u"post"_s);
    request.patients = p.values(u"patient"_s);
    request.noCache = p.isSet(u"no-cache"_s);
    if (const QString why = request.validate(); !why.isEmpty())
        return usage(err, why, p);

    JobOptions options;
    options.profileId = runner.profileId();
    options.serverName = runner.serverName();
    options.outDir = p.value(u"out"_s);
    options.autoDownload = !p.isSet(u"no-download"_s);
    if (const int stopped = runner.stoppedBeforeStart())
        return stopped;
    const Result<QString> id = runner.manager().startExport(request, options);
    if (!id.ok())
        return usage(err, id.error().message, p);
    return runner.waitFor(id.value());
}

int runResumeCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        tr("Follow an export that was already started, by its status URL, "
           "and save its files. Files saved before are kept; partial files resume."));
    addCommon(p);
    p.addOption({u"base"_s, tr("The FHIR server's base URL (default: the status URL's origin)."),
                 tr("URL")});
    p.addOption({u"out"_s, tr("The folder to save the files in."), tr("DIR")});
    p.addPositionalArgument(u"status-url"_s, tr("The export's status URL (Content-Location)."));
    int exit = Success;
    if (!parse(p, args, out, err, &exit))
        return exit;
    if (p.positionalArguments().size() != 1)
        return usage(err, tr("Give exactly one status URL."), p);
    const QUrl status(p.positionalArguments().first(), QUrl::StrictMode);
    if (!validStatusUrl(status))
        return usage(err, tr("The status URL must be an http:// or https:// URL."), p);
    if (!p.isSet(u"out"_s))
        return usage(err, tr("--out is required."), p);
    const QUrl base = p.isSet(u"base"_s) ? QUrl(p.value(u"base"_s), QUrl::StrictMode)
                                         : status.adjusted(QUrl::RemovePath | QUrl::RemoveQuery);

    Runner runner(out, err, p.isSet(u"json"_s), p.value(u"profiles-file"_s));
    if (const Error e = runner.setUpAuth(p, base); e.isError())
        return e.kind == Error::Kind::Usage ? usage(err, e.message, p)
                                            : (err << e.message << '\n', Failure);
    if (const int stopped = runner.stoppedBeforeStart())
        return stopped;
    const QString outDir = QDir::cleanPath(QDir(p.value(u"out"_s)).absolutePath());
    // Continue this job only (another process may be running others of the list).
    const JobStore::Loaded stored = runner.store().loadAll();
    for (const QString &problem : stored.problems)
        err << problem << '\n';
    for (const ExportJob &j : stored.jobs) {
        if (j.statusUrl == status && j.outDir == outDir) {
            runner.manager().adopt(j);
            break;
        }
    }
    JobOptions options;
    options.outDir = outDir;
    options.profileId = runner.profileId();
    options.serverName = runner.serverName();
    const Result<QString> id = runner.manager().resumeExport(status, runner.base(), options);
    if (!id.ok())
        return usage(err, id.error().message, p);
    return runner.waitFor(id.value());
}

int runCancelCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(tr("Cancel an export on the server (DELETE its status URL)."));
    addCommon(p);
    p.addPositionalArgument(u"status-url"_s, tr("The export's status URL (Content-Location)."));
    int exit = Success;
    if (!parse(p, args, out, err, &exit))
        return exit;
    if (p.positionalArguments().size() != 1)
        return usage(err, tr("Give exactly one status URL."), p);
    const QUrl status(p.positionalArguments().first(), QUrl::StrictMode);
    if (!validStatusUrl(status))
        return usage(err, tr("The status URL must be an http:// or https:// URL."), p);
    const bool json = p.isSet(u"json"_s);

    QNetworkAccessManager nam;
    ProfileStore profiles(p.value(u"profiles-file"_s));
    KeychainSecretStore secrets;
    Result<AuthSetup> setup = authFromOptions(
        p, &nam, &secrets, &profiles, status.adjusted(QUrl::RemovePath | QUrl::RemoveQuery));
    if (!setup.ok())
        return setup.error().kind == Error::Kind::Usage
                   ? usage(err, setup.error().message, p)
                   : (err << setup.error().message << '\n', Failure);
    HttpClient &client = *setup->client;
    HttpCall call;
    call.method = "DELETE";
    call.url = status;
    call.headers = {{"Accept"_ba, "application/fhir+json"_ba}};
    QEventLoop loop;
    HttpResponse response;
    client.send(call, &loop, [&](const HttpResponse &r) {
        response = r;
        loop.quit();
    });
    loop.exec();
    auto emitEvent = [&](const QString &event, const QString &message) {
        if (json) {
            out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"event"_s, event},
                                                               {u"status"_s, response.status},
                                                               {u"message"_s, message}})
                                         .toJson(QJsonDocument::Compact))
                << '\n';
            out.flush();
        }
        err << message << '\n';
        err.flush();
    };
    if (response.error.isError()) {
        emitEvent(u"error"_s, client.redact(response.error.message));
        return Failure;
    }
    if (response.status == 202 || response.status == 200 || response.status == 204) {
        emitEvent(u"cancelled"_s, tr("The server cancelled the export."));
        return Success;
    }
    if (response.status == 404) {
        emitEvent(u"error"_s, tr("The server does not know this export: it has already finished, "
                                 "expired or been cancelled."));
        return Failure;
    }
    emitEvent(u"error"_s, tr("The server did not cancel the export.") + u' ' +
                              describeErrorBody(response.status, response.body));
    return Failure;
}

int runDemoServerCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        tr("Run the built-in demo FHIR Bulk Data server on this computer only "
           "(127.0.0.1) and print its base URL."));
    p.addHelpOption();
    p.addOption(
        {u"port"_s, tr("The port to listen on (default: any free port)."), tr("PORT"), u"0"_s});
    int exit = Success;
    if (!parse(p, args, out, err, &exit))
        return exit;
    bool ok = false;
    const uint port = p.value(u"port"_s).toUInt(&ok);
    if (!ok || port > 65535)
        return usage(err, tr("--port must be a number from 0 to 65535."), p);
    demo::BulkServer server;
    server.setScript(demo::data::demoScript());
    server.seedDemoData();
    if (!server.listen(quint16(port))) {
        //: %1 is a port number
        err << tr("Cannot listen on port %1 (is it in use?).").arg(port) << '\n';
        err.flush();
        return Failure;
    }
    demo::ReportServer reports;
    reports.seedDemo();
    const bool reporting = reports.listen();
    out << server.baseUrl().toString() << '\n';
    out.flush();
    if (reporting)
        //: %1 is a URL
        err << tr("Demo reporting server (report jobs): %1").arg(reports.baseUrl().toString())
            << '\n';
    err << tr("Demo server running; stop it with Ctrl+C.") << '\n';
    err.flush();
    return QCoreApplication::exec();
}

} // namespace fbm::cli
