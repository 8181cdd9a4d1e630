#include "cli.h"

#include "exportcommand.h"
#include "schedule/schedulestore.h"
#include "uisettings.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <QTextStream>

#include <cstdio>
#include <utility>

#include "inspectcommand.h"
#include "profilecommand.h"
#include "reportcommand.h"
#include "schedulecommand.h"
#include "viewcommand.h"

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

const QStringList &commands()
{
    static const QStringList c = {u"export"_s,      u"resume"_s,  u"cancel"_s, u"report-jobs"_s,
                                  u"profile"_s,     u"inspect"_s, u"view"_s,   u"schedule"_s,
                                  u"demo-server"_s, u"help"_s};
    return c;
}

QString overview()
{
    const QString text = Text::tr(
        "Usage: fhir-bulk-monitor [COMMAND] [OPTIONS]\n"
        "\n"
        "Without a command the desktop application starts (--demo: with the built-in demo "
        "server).\n"
        "\n"
        "Commands:\n"
        "  export       start an export, follow it and save its files\n"
        "  resume       follow an export by its status URL and save its files\n"
        "  cancel       cancel an export on the server\n"
        "  report-jobs  list report jobs on a reporting server, save them\n"
        "  profile      add, list, show or remove server profiles\n"
        "  inspect      show what a saved export folder holds, and its problems\n"
        "  view         run a SQL on FHIR view over an export folder into CSV\n"
        "  schedule     add, list, remove or run recurring exports (systemd timers, cron)\n"
        "  demo-server  run the built-in demo server\n"
        "\n"
        "Run 'fhir-bulk-monitor COMMAND --help' for a command's options.\n"
        "Exit codes: 0 success, 1 the job or a file failed, 2 usage error.\n");
    //: %1 is a number of days
    return text + Text::tr("Finished exports leave the job list %1 days after they ended "
                           "(setting jobs/keepDays or FBM_KEEP_JOBS_DAYS; 0: never); their "
                           "folders stay.\n")
                      .arg(kDefaultKeepJobsDays);
}

} // namespace

bool isCommand(const QStringList &arguments)
{
    return arguments.size() >= 2 && commands().contains(arguments.at(1));
}

bool isCommandLine(const QStringList &arguments)
{
    return arguments.size() >= 2 && !arguments.at(1).startsWith(u'-');
}

CommandParser::CommandParser(QString program)
    : m_program(std::move(program))
{}

QString CommandParser::commandHelpText() const
{
    QString text = helpText();
    // helpText() starts with QCommandLineParser::tr("Usage: %1") filled with argv[0]. The source
    // text is in a variable so that lupdate leaves Qt's own string out of our translations.
    static const char usageSource[] = "Usage: %1";
    const QString usage = QCoreApplication::translate("QCommandLineParser", usageSource);
    const QString before = usage.left(usage.indexOf("%1"_L1));
    const QStringList argv = QCoreApplication::arguments();
    const QString shown = argv.isEmpty() ? u"<executable_name>"_s : argv.constFirst();
    if (!m_program.isEmpty() && text.startsWith(before + shown))
        text.replace(before.size(), shown.size(), m_program);
    return text;
}

int usage(QTextStream &err, const QString &message, const CommandParser &p)
{
    err << message << '\n' << '\n' << p.commandHelpText();
    err.flush();
    return UsageError;
}

bool parse(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err, int *exit)
{
    if (!p.parse(args)) {
        *exit = usage(err, p.errorText(), p);
        return false;
    }
    if (p.isSet(u"help"_s)) {
        out << p.commandHelpText();
        out.flush();
        *exit = Success;
        return false;
    }
    return true;
}

QString invalidArgument(const QList<QByteArray> &raw)
{
    for (qsizetype i = 1; i < raw.size(); ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder(raw.at(i));
        if (!decoder.hasError())
            continue;
        const QByteArray &arg = raw.at(i);
        const QByteArray previous = i > 1 ? raw.at(i - 1) : QByteArray();
        QString name;
        if (arg.startsWith("--") && arg.contains('='))
            name = QString::fromUtf8(arg.left(arg.indexOf('=')));
        else if (arg.startsWith('-'))
            name = QString::fromUtf8(arg);
        else if (previous.startsWith('-') && !previous.contains('='))
            name = QString::fromUtf8(previous);
        if (!name.isEmpty() && !name.contains(QChar::ReplacementCharacter))
            //: %1 is an option such as --base
            return Text::tr("The value given with %1 is not valid text (UTF-8); nothing was done.")
                .arg(name);
        //: %1 is a number
        return Text::tr("Argument %1 is not valid text (UTF-8); nothing was done.").arg(i);
    }
    return {};
}

SessionOptions commandLineSession(const QString &profilesFile)
{
    SessionOptions o;
    o.jobStoreDirectory = ScheduleStore::commandLineJobDirectory();
    o.profilesPath = profilesFile;
    o.openUrl = [](const QUrl &url) {
        QTextStream err(stderr);
        err << Text::tr("To sign in, open this address in a browser:") << '\n'
            << url.toString(QUrl::FullyEncoded) << '\n';
    };
    return o;
}

QString shellQuoted(const QString &word)
{
    QString quoted = word;
    return quoted.replace(u"'"_s, u"'\\''"_s);
}

int run(const QStringList &arguments)
{
    // Standard error is for the commands' own lines, which people and scripts read: no debug
    // lines (every request the report client sent was one). QT_LOGGING_RULES still turns them
    // on, and the demo server keeps its request log.
    QString rules = u"*.debug=false"_s;
    if (arguments.value(1) == "demo-server"_L1)
        rules += u"\nfbm.demo.*.debug=true"_s;
    QLoggingCategory::setFilterRules(rules);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(arguments, out, err);
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.size() < 2 || arguments.at(1) == "help"_L1) {
        out << overview();
        out.flush();
        return Success;
    }
    const QString &command = arguments.at(1);
    if (!commands().contains(command)) {
        //: %1 is what the user typed
        err << Text::tr("Unknown command '%1'.").arg(command) << '\n' << '\n' << overview();
        err.flush();
        return UsageError;
    }
    // QCommandLineParser expects a program name first; "fhir-bulk-monitor export" as one is
    // what the commands' help shows.
    QStringList args = arguments.mid(1);
    args[0] = u"fhir-bulk-monitor "_s + command;
    if (command == "export"_L1)
        return runExportCommand(args, out, err);
    if (command == "resume"_L1)
        return runResumeCommand(args, out, err);
    if (command == "cancel"_L1)
        return runCancelCommand(args, out, err);
    if (command == "demo-server"_L1)
        return runDemoServerCommand(args, out, err);
    if (command == "profile"_L1)
        return runProfileCommand(args, out, err);
    if (command == "inspect"_L1)
        return runInspectCommand(args, out, err);
    if (command == "view"_L1)
        return runViewCommand(args, out, err);
    if (command == "schedule"_L1)
        return runScheduleCommand(args, out, err);
    Q_ASSERT(command == "report-jobs"_L1);
    return runReportJobsCommand(args, out, err);
}

} // namespace fbm::cli
