// The one composition root: a command word runs the command line on the core; anything else
// starts the desktop application.
#include "application.h"
#include "cli/cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QStringList>
#include <QTimer>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("FHIR Bulk Monitor"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("fhirbulkmonitor.org"));
    QCoreApplication::setApplicationName(QStringLiteral("fhir-bulk-monitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FBM_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (fbm::cli::isCommand(arguments)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return fbm::cli::run(arguments);
    }

    QApplication app(argc, argv);
    setIdentity();
    QGuiApplication::setApplicationDisplayName(
        QCoreApplication::translate("main", "FHIR Bulk Monitor"));
    QGuiApplication::setDesktopFileName(QStringLiteral(FBM_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Start, watch and save FHIR Bulk Data exports. "
                                            "Run 'fhir-bulk-monitor help' for the commands."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        u"demo"_s,
        QCoreApplication::translate("main", "Start with the built-in demo server on this "
                                            "computer, to try the application without a real "
                                            "server."));
    parser.addOption(demo);
    // QApplication has taken its own options (-style, -platform...) out of argv already.
    parser.process(app);

    fbm::ApplicationOptions options;
    options.demo = parser.isSet(demo);
    fbm::Application root(options);
    const QStringList problems = root.start();
    fbm::MainWindow window(&root);
    window.show();
    // After the window is up, so that the message has a parent on screen.
    QTimer::singleShot(0, &window, [&window, problems] { window.showProblems(problems); });
    return QApplication::exec();
}
