// The one composition root: a command word runs the command line on the core; anything else
// starts the desktop application.
#include "cli/cli.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstring>

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
    QCoreApplication app(argc, argv);
    setIdentity();
    return fbm::cli::run({arguments.value(0), QStringLiteral("help")});
}
