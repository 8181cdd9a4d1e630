#include "exportcommand.h"

#include "auth/profile.h"
#include "auth/secretstore.h"
#include "authoptions.h"
#include "authprovider.h"
#include "bulkprotocol.h"
#include "cli.h"
#include "exportfolder.h"
#include "exportrunner.h"
#include "httpclient.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "operationoutcome.h"
#include "redact.h"
#include "scheduledrun.h"

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

void addCommon(QCommandLineParser &p)
{
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addHelpOption();
    p.addOption({u"json"_s, Text::tr("Print one JSON event per line on standard output.")});
    addAuthOptions(p);
    p.addOption({u"profiles-file"_s, Text::tr("The profiles file (default: the application's)."),
                 Text::tr("FILE")});
}

/// The status URL as export's kick-off answer gave it: nothing else is worth a request.
bool validStatusUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == "http"_L1 || scheme == "https"_L1);
}

/// Parses a command that takes one status URL; an empty URL with *exit set when that is all
/// (--help, or a usage error).
QUrl parseStatusUrl(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err,
                    int *exit)
{
    if (!parse(p, args, out, err, exit))
        return {};
    if (p.positionalArguments().size() != 1) {
        *exit = usage(err, Text::tr("Give exactly one status URL."), p);
        return {};
    }
    const QUrl status(p.positionalArguments().first(), QUrl::StrictMode);
    if (!validStatusUrl(status)) {
        *exit = usage(err, Text::tr("The status URL must be an http:// or https:// URL."), p);
        return {};
    }
    return status;
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

QCommandLineOption keepOnServerOption()
{
    return {u"keep-on-server"_s,
            Text::tr("Leave the files on the server once they are saved; by default the server "
                     "is told that it may remove them (DELETE on the status URL).")};
}

QCommandLineOption attachmentsOption()
{
    return {u"attachments"_s,
            Text::tr("Also save the attachments that DocumentReference and DiagnosticReport "
                     "resources name on the same server, into attachments/.")};
}

QCommandLineOption gzipOption()
{
    return {u"gzip"_s,
            Text::tr("Store the files compressed, as <Type>.<n>.ndjson.gz (each is checked "
                     "against the manifest before it is compressed).")};
}

QCommandLineOption lenientOption()
{
    return {u"lenient"_s,
            Text::tr("Send Prefer: handling=lenient: the server may skip parameters it does not "
                     "support instead of refusing the export.")};
}

int runExportCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        Text::tr("Start a FHIR Bulk Data export, follow it and save its files."));
    addCommon(p);
    p.addOptions({
        {u"base"_s, Text::tr("The FHIR server's base URL."), Text::tr("URL")},
        {u"level"_s, Text::tr("system, patient or group (default: system)."), Text::tr("LEVEL"),
         u"system"_s},
        {u"group"_s, Text::tr("The group id for a group export."), Text::tr("ID")},
        {u"type"_s, Text::tr("Resource types, comma-separated (_type)."), Text::tr("TYPES")},
        {u"since"_s,
         Text::tr("Only resources changed since this instant (_since); \"auto\": since the "
                  "newest export of the same request whose files were all saved."),
         Text::tr("TIME")},
        {u"until"_s, Text::tr("Only resources changed until this instant (_until)."),
         Text::tr("TIME")},
        {u"type-filter"_s, Text::tr("A _typeFilter query; repeatable."), Text::tr("QUERY")},
        {u"elements"_s, Text::tr("Elements to include, comma-separated (_elements)."),
         Text::tr("ELEMENTS")},
        {u"output-format"_s, Text::tr("The output format (_outputFormat)."), Text::tr("FORMAT")},
        {u"include-associated-data"_s, Text::tr("includeAssociatedData value; repeatable."),
         Text::tr("VALUE")},
        {u"post"_s, Text::tr("Kick off with POST and a Parameters body instead of GET.")},
        {u"patient"_s, Text::tr("A patient id or reference (POST only); repeatable."),
         Text::tr("ID")},
        {u"no-cache"_s, Text::tr("Send Cache-Control: no-cache so the server starts a new job.")},
        lenientOption(),
        {u"no-download"_s,
         Text::tr("Stop when the export is complete; do not download the files.")},
        keepOnServerOption(),
        gzipOption(),
        attachmentsOption(),
        {u"out"_s, Text::tr("The folder to save the files in."), Text::tr("DIR")},
        {u"save-in"_s,
         Text::tr("Save the files in a new folder of their own inside DIR, named by the date, "
                  "time and request as the window names them (instead of --out)."),
         Text::tr("DIR")},
        {u"schedule"_s,
         Text::tr("Run as the schedule NAME (its timer passes this): one run at a time, and how "
                  "it ended is kept for the window and 'schedule list'."),
         Text::tr("NAME")},
    });
    int exit = Success;
    if (!parse(p, args, out, err, &exit))
        return exit;
    if (!p.positionalArguments().isEmpty())
        return usage(err, Text::tr("Unexpected argument: %1").arg(p.positionalArguments().first()),
                     p);
    if (!p.isSet(u"base"_s) && !p.isSet(u"profile"_s))
        return usage(err, Text::tr("--base or --profile is required."), p);
    if (p.isSet(u"out"_s) && p.isSet(u"save-in"_s))
        return usage(err, Text::tr("Give --out or --save-in, not both."), p);
    if (!p.isSet(u"out"_s) && !p.isSet(u"save-in"_s))
        return usage(err, Text::tr("--out (or --save-in) is required."), p);
    if (p.isSet(u"schedule"_s)) {
        if (const QString why = Schedule::nameProblem(p.value(u"schedule"_s)); !why.isEmpty())
            return usage(err, why, p);
    }

    // The journal keeps standard error: each reason a scheduled run ends early is one line.
    ScheduledRun scheduled(p.value(u"schedule"_s));
    if (const QString why = scheduled.begin(); !why.isEmpty()) {
        err << why << '\n';
        return Failure;
    }
    const auto failed = [&](const QString &message) {
        err << message << '\n';
        scheduled.record(Failure, message);
        return Failure;
    };
    Runner runner(out, err, p.isSet(u"json"_s), p.value(u"profiles-file"_s));
    if (const Error e = runner.setUpAuth(p, QUrl(p.value(u"base"_s), QUrl::StrictMode));
        e.isError()) {
        if (e.kind != Error::Kind::Usage)
            return failed(e.message);
        scheduled.record(UsageError, e.message);
        return usage(err, e.message, p);
    }
    if (scheduled.isScheduled() && p.isSet(u"profile"_s)) {
        // Unattended, the keychain may be locked (the user logged out): say so in one sentence
        // rather than as the first token request's error.
        if (const QString why =
                ScheduledRun::keychainProblem(runner.session(), p.value(u"profile"_s));
            !why.isEmpty())
            return failed(why);
    }
    ExportRequest request;
    request.base = runner.base();
    const auto level = levelFromName(p.value(u"level"_s));
    if (!level)
        return usage(err, Text::tr("--level must be system, patient or group."), p);
    request.level = *level;
    request.groupId = p.value(u"group"_s);
    if (request.level != ExportLevel::Group && !request.groupId.isEmpty())
        return usage(err, Text::tr("--group needs --level group."), p);
    if (p.isSet(u"type"_s)) {
        for (const QString &t : p.value(u"type"_s).split(u',', Qt::SkipEmptyParts))
            request.types.append(t.trimmed());
    }
    const bool sinceAuto = p.value(u"since"_s) == "auto"_L1;
    for (const char *name : {"since", "until"}) {
        const QString option = QString::fromLatin1(name);
        if (!p.isSet(option) || (option == "since"_L1 && sinceAuto))
            continue;
        const QDateTime t = parseInstant(p.value(option));
        if (!t.isValid())
            //: %1 is an option name, %2 what the user gave
            return usage(
                err, Text::tr("--%1 is not a date and time: %2").arg(option, p.value(option)), p);
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
    request.lenient = p.isSet(u"lenient"_s);
    if (sinceAuto)
        request.since = runner.continueFromLastExport(request); // prunes as it loads
    else
        runner.store().prune(); // finished jobs older than jobs/keepDays
    if (const QString why = request.validate(); !why.isEmpty())
        return usage(err, why, p);

    JobOptions options = runner.jobOptions(p);
    options.outDir = p.isSet(u"save-in"_s) ? ExportFolder::forExport(p.value(u"save-in"_s), request,
                                                                     &runner.manager())
                                           : p.value(u"out"_s);
    options.autoDownload = !p.isSet(u"no-download"_s);
    if (const int stopped = runner.stoppedBeforeStart())
        return stopped;
    const Result<QString> id = runner.manager().startExport(request, options);
    if (!id.ok()) {
        scheduled.record(UsageError, id.error().message);
        return usage(err, id.error().message, p);
    }
    const int ended = runner.waitFor(id.value());
    if (const ExportJob *j = runner.manager().job(id.value()); j && scheduled.isScheduled()) {
        QString message = j->lastError;
        if (ended == Success)
            //: %n is the number of files, %1 the folder
            message = Text::tr("%n file(s) saved in %1", nullptr, j->filesSaved()).arg(j->outDir);
        else if (message.isEmpty())
            message = jobStateText(j->state);
        scheduled.record(ended, message, j->id, j->outDir);
    }
    return ended;
}

int runResumeCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        Text::tr("Follow an export that was already started, by its status URL, "
                 "and save its files. Files saved before are kept; partial files resume."));
    addCommon(p);
    p.addOption({u"base"_s,
                 Text::tr("The FHIR server's base URL (default: the status URL's origin)."),
                 Text::tr("URL")});
    p.addOption({u"out"_s, Text::tr("The folder to save the files in."), Text::tr("DIR")});
    p.addOption(keepOnServerOption());
    p.addOption(gzipOption());
    p.addOption(attachmentsOption());
    p.addPositionalArgument(u"status-url"_s,
                            Text::tr("The export's status URL (Content-Location)."));
    int exit = Success;
    const QUrl status = parseStatusUrl(p, args, out, err, &exit);
    if (status.isEmpty())
        return exit;
    if (!p.isSet(u"out"_s))
        return usage(err, Text::tr("--out is required."), p);
    const QUrl base = p.isSet(u"base"_s) ? QUrl(p.value(u"base"_s), QUrl::StrictMode)
                                         : status.adjusted(QUrl::RemovePath | QUrl::RemoveQuery);

    Runner runner(out, err, p.isSet(u"json"_s), p.value(u"profiles-file"_s));
    if (const Error e = runner.setUpAuth(p, base); e.isError())
        return e.kind == Error::Kind::Usage ? usage(err, e.message, p)
                                            : (err << e.message << '\n', Failure);
    if (const int stopped = runner.stoppedBeforeStart())
        return stopped;
    const QString outDir = QDir::cleanPath(QDir(p.value(u"out"_s)).absolutePath());
    // Continue this job only (another process may be running others of the list), found
    // without reading the others: a nightly run must not slow down as the list grows.
    if (JobStore::Found stored = runner.store().find(status, outDir); stored.job)
        runner.manager().adopt(std::move(*stored.job));
    // For an export the store does not know yet; one it knows keeps the choices it was made with.
    JobOptions options = runner.jobOptions(p);
    options.outDir = outDir;
    const Result<QString> id = runner.manager().resumeExport(status, runner.base(), options);
    if (!id.ok())
        return usage(err, id.error().message, p);
    return runner.waitFor(id.value());
}

int runCancelCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        Text::tr("Cancel an export on the server (DELETE its status URL)."));
    addCommon(p);
    p.addPositionalArgument(u"status-url"_s,
                            Text::tr("The export's status URL (Content-Location)."));
    int exit = Success;
    const QUrl status = parseStatusUrl(p, args, out, err, &exit);
    if (status.isEmpty())
        return exit;
    const bool json = p.isSet(u"json"_s);

    Session session(commandLineSession(p.value(u"profiles-file"_s)));
    session.jobStore()->prune(); // finished jobs older than jobs/keepDays, as every command
    Result<AuthSetup> setup =
        authFromOptions(p, session, status.adjusted(QUrl::RemovePath | QUrl::RemoveQuery));
    if (!setup.ok())
        return setup.error().kind == Error::Kind::Usage
                   ? usage(err, setup.error().message, p)
                   : (err << setup.error().message << '\n', Failure);
    HttpClient &client = *setup->client;
    QEventLoop loop;
    HttpResponse response;
    client.send(BulkProtocol::cancel(status), &loop, [&](const HttpResponse &r) {
        response = r;
        loop.quit();
    });
    loop.exec();
    const auto emitEvent = [&](const QString &event, const QString &message) {
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
    const BulkProtocol::Cancel answer = BulkProtocol::classifyCancel(response);
    switch (answer.kind) {
    case BulkProtocol::Cancel::Kind::Cancelled:
        emitEvent(u"cancelled"_s, Text::tr("The server cancelled the export."));
        return Success;
    case BulkProtocol::Cancel::Kind::Gone:
        emitEvent(u"error"_s,
                  Text::tr("The server does not know this export: it has already finished, "
                           "expired or been cancelled."));
        return Failure;
    case BulkProtocol::Cancel::Kind::Unreachable:
        emitEvent(u"error"_s, client.redact(response.error.message));
        return Failure;
    case BulkProtocol::Cancel::Kind::Refused:
        break;
    }
    emitEvent(u"error"_s, answer.message);
    return Failure;
}

} // namespace fbm::cli
