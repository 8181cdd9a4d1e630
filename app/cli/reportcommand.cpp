#include "reportcommand.h"

#include "auth/authfactory.h"
#include "auth/profile.h"
#include "auth/secretstore.h"
#include "cli/authoptions.h"
#include "cli/cli.h"
#include "httpclient.h"
#include "reports/reportclient.h"
#include "reports/reportjobmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <memory>

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

enum Exit
{
    Ok = 0,
    Failed = 1,
    Usage = 2
};

int fail(QTextStream &err, const QString &message)
{
    err << message << '\n';
    err.flush();
    return Failed;
}

/// Plain-text columns, each as wide as its widest cell; the last one is not padded.
void printTable(QTextStream &out, const QList<ReportJob> &jobs)
{
    QList<QStringList> rows;
    const QStringList header{ReportJobModel::tr("Report"),   ReportJobModel::tr("Status"),
                             ReportJobModel::tr("User"),     ReportJobModel::tr("Created"),
                             ReportJobModel::tr("Started"),  ReportJobModel::tr("Ended"),
                             ReportJobModel::tr("Run time"), ReportJobModel::tr("Parameters")};
    rows << header;
    auto orDash = [](const QString &s) {
        return s.isEmpty() ? u"-"_s : s;
    };
    for (const ReportJob &job : jobs) {
        rows << QStringList{orDash(job.shortName.isEmpty() ? job.reportClass : job.shortName),
                            ReportJobModel::statusTitle(job), // as the window shows it
                            orDash(job.userId),
                            orDash(ReportJobModel::timeText(job.created)),
                            orDash(ReportJobModel::timeText(job.started)),
                            orDash(ReportJobModel::timeText(job.ended)),
                            orDash(formatRunTime(job.runTimeSeconds())),
                            orDash(job.parameterSummary())};
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = qMax(widths[c], row.at(c).size());
    }
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c + 1 < row.size())
                line += row.at(c).leftJustified(widths.at(c)) + u"  "_s;
            else
                line += row.at(c);
        }
        out << line << '\n';
    }
}

} // namespace

int runReportJobsCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.setApplicationDescription(Text::tr(
        "Lists the report jobs on an eHealth reporting server ($get-report-job-status), "
        "saves the list and downloads the finished reports.\n"
        "Output: a table, or with --json one JSON array with an object per job.\n"
        "Exit codes: 0 success, 1 the server, a download or a file failed, 2 usage error."));
    p.addHelpOption();
    p.addOptions({
        {u"base"_s,
         Text::tr("The reporting server's FHIR base URL (with --profile: instead of the "
                  "profile's)."),
         Text::tr("URL")},
        {u"profiles-file"_s, Text::tr("The profiles file (default: the application's)."),
         Text::tr("FILE")},
        {u"json"_s, Text::tr("Print the jobs as one JSON array instead of a table.")},
        {u"save"_s, Text::tr("Save the server's answer (pretty-printed, as received) to FILE."),
         Text::tr("FILE")},
        {u"download"_s,
         Text::tr("Save the reports of the done jobs in DIR, skipping those already there."),
         Text::tr("DIR")},
    });
    // --profile, --token and the OAuth options, shared with the other server commands.
    addAuthOptions(p);
    if (!p.parse(args))
        return usage(err, p.errorText(), p);
    if (p.isSet(u"help"_s)) {
        out << p.commandHelpText();
        out.flush();
        return Ok;
    }
    if (!p.positionalArguments().isEmpty()) {
        //: %1 the unexpected words
        return usage(
            err, Text::tr("Unexpected arguments: %1").arg(p.positionalArguments().join(u' ')), p);
    }

    Session session(commandLineSession(p.value(u"profiles-file"_s)));
    const QUrl base = p.isSet(u"base"_s) ? QUrl::fromUserInput(p.value(u"base"_s)) : QUrl();
    if (p.isSet(u"base"_s) && base.isEmpty())
        return usage(err, Text::tr("--base is empty."), p);
    auto made = authFromOptions(p, session, base);
    if (!made.ok()) {
        if (made.error().kind == Error::Kind::Usage)
            return usage(err, made.error().message, p);
        return fail(err, made.error().message);
    }
    AuthSetup setup = std::move(made.value());
    HttpClient *http = setup.client.get();

    ReportClient client(http);
    QEventLoop loop;
    Error fetchError;
    bool fetched = false;
    QObject::connect(&client, &ReportClient::jobsFetched, &loop, [&] {
        fetched = true;
        loop.quit();
    });
    QObject::connect(&client, &ReportClient::fetchFailed, &loop, [&](const Error &e) {
        fetchError = e;
        loop.quit();
    });
    client.fetchJobs();
    if (client.isFetching())
        loop.exec();
    if (!fetched) {
        return fail(err, fetchError.message.isEmpty() ? Text::tr("The server did not answer.")
                                                      : fetchError.message);
    }

    const QList<ReportJob> jobs = client.jobs();
    const QStringList warnings = client.lastWarnings();
    for (const QString &w : warnings)
        err << w << '\n';

    if (p.isSet(u"json"_s)) {
        QJsonArray array;
        for (const ReportJob &job : jobs)
            array.append(job.toJson());
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else if (jobs.isEmpty()) {
        out << Text::tr("The server lists no report jobs.") << '\n';
    } else {
        printTable(out, jobs);
    }
    out.flush();

    int exit = Ok;
    if (p.isSet(u"save"_s)) {
        const QString file = p.value(u"save"_s);
        const Error e = client.saveStatus(file);
        if (e.isError()) {
            err << e.message << '\n';
            exit = Failed;
        } else {
            //: %1 a file path
            err << Text::tr("Saved the job list to %1").arg(file) << '\n';
        }
    }

    if (p.isSet(u"download"_s)) {
        const QString folder = p.value(u"download"_s);
        QList<ReportDownload> results;
        bool allDone = false;
        QObject::connect(
            &client, &ReportClient::reportDownloaded, &loop, [&err](const ReportDownload &r) {
                const QString name = r.report.isEmpty() ? r.jobKey : r.report;
                switch (r.outcome) {
                case ReportDownload::Outcome::Saved:
                    //: %1 report name, %2 file path
                    err << Text::tr("Saved %1 to %2").arg(name, r.filePath) << '\n';
                    break;
                case ReportDownload::Outcome::AlreadySaved:
                    //: %1 report name, %2 file path
                    err << Text::tr("%1 is already saved: %2").arg(name, r.filePath) << '\n';
                    break;
                case ReportDownload::Outcome::NotGenerated:
                    //: %1 report name
                    err << Text::tr("%1 is not generated yet; nothing was saved.").arg(name)
                        << '\n';
                    break;
                case ReportDownload::Outcome::Failed:
                    err << r.error.message << '\n';
                    break;
                }
                err.flush();
            });
        QObject::connect(&client, &ReportClient::allDownloadsFinished, &loop,
                         [&](const QList<ReportDownload> &all) {
                             results = all;
                             allDone = true;
                             loop.quit();
                         });
        client.downloadAllFinished(folder);
        if (!allDone)
            loop.exec();
        int saved = 0;
        int failed = 0;
        for (const ReportDownload &r : std::as_const(results)) {
            saved += r.outcome == ReportDownload::Outcome::Saved ? 1 : 0;
            failed += r.outcome == ReportDownload::Outcome::Failed ? 1 : 0;
        }
        //: %1 how many reports were saved, %2 the folder
        err << QCoreApplication::translate("fbm::cli::ReportJobs", "%n report(s) saved in %1.",
                                           nullptr, saved)
                   .arg(folder)
            << '\n';
        if (failed > 0)
            exit = Failed;
    }
    err.flush();
    return exit;
}

} // namespace fbm::cli
