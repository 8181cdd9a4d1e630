#include "cli.h"

#include "exportcommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "profilecommand.h"
#include "reportcommand.h"

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

const QStringList &commands()
{
    static const QStringList c = {u"export"_s,  u"resume"_s,      u"cancel"_s, u"report-jobs"_s,
                                  u"profile"_s, u"demo-server"_s, u"help"_s};
    return c;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("fbm::cli", text);
}

QString overview()
{
    return tr("Usage: fhir-bulk-monitor [COMMAND] [OPTIONS]\n"
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
              "  demo-server  run the built-in demo server\n"
              "\n"
              "Run 'fhir-bulk-monitor COMMAND --help' for a command's options.\n"
              "Exit codes: 0 success, 1 the job or a file failed, 2 usage error.\n");
}

} // namespace

bool isCommand(const QStringList &arguments)
{
    return arguments.size() >= 2 && commands().contains(arguments.at(1));
}

int run(const QStringList &arguments)
{
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
    const QString command = arguments.at(1);
    // QCommandLineParser expects a program name first; keep "fhir-bulk-monitor export" as one.
    QStringList args = arguments.mid(1);
    args[0] = arguments.at(0) + u' ' + command;
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
    Q_ASSERT(command == "report-jobs"_L1);
    return runReportJobsCommand(args, out, err);
}

} // namespace fbm::cli
