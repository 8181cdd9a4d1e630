#include "cli.h"
#include "demo/bulkserver.h"
#include "demo/demodata.h"
#include "demo/reportserver.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace fbm::cli {

int runDemoServerCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        Text::tr("Run the built-in demo FHIR Bulk Data server on this computer only "
                 "(127.0.0.1) and print its base URL."));
    p.addHelpOption();
    p.addOption({u"port"_s, Text::tr("The port to listen on (default: any free port)."),
                 Text::tr("PORT"), u"0"_s});
    int exit = Success;
    if (!parse(p, args, out, err, &exit))
        return exit;
    bool ok = false;
    const uint port = p.value(u"port"_s).toUInt(&ok);
    if (!ok || port > 65535)
        return usage(err, Text::tr("--port must be a number from 0 to 65535."), p);
    demo::BulkServer server;
    server.setScript(demo::data::demoScript());
    server.seedDemoData();
    if (!server.listen(quint16(port))) {
        //: %1 is a port number
        err << Text::tr("Cannot listen on port %1 (is it in use?).").arg(port) << '\n';
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
        err << Text::tr("Demo reporting server (report jobs): %1").arg(reports.baseUrl().toString())
            << '\n';
    err << Text::tr("Demo server running; stop it with Ctrl+C.") << '\n';
    err.flush();
    return QCoreApplication::exec();
}

} // namespace fbm::cli
