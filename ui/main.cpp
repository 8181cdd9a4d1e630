// The one composition root: a first word (a command, or a mistyped one) runs the command line on
// the core; options alone start the desktop application.
#include "cli/cli.h"
#include "i18n.h"
#include "jobstore.h"
#include "mainwindow.h"
#include "session.h"
#include "stopsignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QGuiApplication>
#include <QLockFile>
#include <QMessageBox>
#include <QPalette>
#include <QStringList>
#include <QTimer>

#include <QIcon>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("FHIR Bulk Monitor"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("fhirbulkmonitor.org"));
    QCoreApplication::setApplicationName(QStringLiteral("fhir-bulk-monitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FBM_VERSION));
}

/// One window per job list. A second one would take up the first one's running exports, find
/// their folders held by the first, and mark them Failed in the list both share (a launcher
/// clicked twice was enough). Null when another window holds the list: it has said so.
std::unique_ptr<QLockFile> claimTheJobList()
{
    const QString dir = fbm::JobStore::defaultDirectory();
    QDir().mkpath(dir);
    auto lock = std::make_unique<QLockFile>(QDir(dir).filePath(u"window.lock"_s));
    lock->setStaleLockTime(0); // held for as long as the window is open; a dead holder's goes
    if (lock->tryLock(200))
        return lock;
    qint64 pid = 0;
    QString host;
    QString application;
    lock->getLockInfo(&pid, &host, &application);
    //: %1 is a process id
    const QString text = QCoreApplication::translate(
                             "main", "FHIR Bulk Monitor is already open (process %1). Use that "
                                     "window: two windows would both follow the same exports.")
                             .arg(pid);
    std::fprintf(stderr, "%s\n", qPrintable(text));
    QMessageBox::information(nullptr, QCoreApplication::translate("main", "Already Open"), text);
    return nullptr;
}

/// Fusion with a dark palette: every widget, delegate and banner takes its colours from it.
void useDarkPalette()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette p;
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(225, 225, 225);
    const QColor disabled(128, 128, 128);
    const QColor highlight(42, 130, 218);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(70, 60, 30));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 255));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(70, 70, 74));
    p.setColor(QPalette::Midlight, QColor(60, 60, 64));
    p.setColor(QPalette::Mid, QColor(40, 40, 42));
    p.setColor(QPalette::Dark, QColor(20, 20, 22));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    QApplication::setPalette(p);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // --version and --help need no display (scripts, package checks and people on a server over
    // SSH run them without one). The command line's help names the desktop options too.
    if (arguments.size() == 2 &&
        (arguments.at(1) == "--version"_L1 || arguments.at(1) == "-v"_L1)) {
        std::fputs("fhir-bulk-monitor " FBM_VERSION "\n", stdout);
        return 0;
    }
    const bool help =
        arguments.size() == 2 && (arguments.at(1) == "--help"_L1 || arguments.at(1) == "-h"_L1);
    // Any first word that is not an option goes to the command line, which names a mistyped
    // command; the desktop application takes options only.
    if (help || fbm::cli::isCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        fbm::installTranslations(app);
        QList<QByteArray> raw;
        for (int i = 0; i < argc; ++i)
            raw.append(QByteArray(argv[i]));
        if (const QString why = fbm::cli::invalidArgument(raw); !why.isEmpty()) {
            std::fputs(qPrintable(why + u'\n'), stderr);
            return fbm::cli::UsageError;
        }
        return fbm::cli::run(help ? QStringList{arguments.at(0), u"help"_s} : arguments);
    }

    QApplication app(argc, argv);
    // Logging out, a shutdown or kill: the window closes the way Quit closes it, and the jobs
    // are saved on the way out (downloads resume at the next start). Watched from the start: a
    // signal that comes before the window is up ends the program once the event loop runs.
    fbm::StopSignals stopSignals;
    QObject::connect(&stopSignals, &fbm::StopSignals::received, &app,
                     [](int signalNumber) { QCoreApplication::exit(128 + signalNumber); });
    setIdentity();
    fbm::installTranslations(app);
    QGuiApplication::setWindowIcon(QIcon::fromTheme(
        QStringLiteral(FBM_APP_ID), QIcon(QStringLiteral(":/icons/" FBM_APP_ID ".svg"))));
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
    const QCommandLineOption dark(u"dark"_s,
                                  QCoreApplication::translate("main", "Use a dark colour scheme."));
    parser.addOption(dark);
    // QApplication has taken its own options (-style, -platform...) out of argv already.
    parser.process(app);

    if (parser.isSet(dark))
        useDarkPalette();

    const std::unique_ptr<QLockFile> jobList = claimTheJobList();
    if (!jobList)
        return 0;
    fbm::SessionOptions options;
    options.demo = parser.isSet(demo);
    options.openUrl = [](const QUrl &url) {
        QDesktopServices::openUrl(url);
    };
    fbm::Session root(options);
    const QStringList problems = root.start();
    fbm::MainWindow window(&root);
    window.show();
    // After the window is up, so that the message has a parent on screen.
    QTimer::singleShot(0, &window, [&window, problems] { window.showProblems(problems); });
    return QApplication::exec();
}
