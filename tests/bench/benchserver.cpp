// fbm-bench-server: the simulated bulk server for the benchmarks, in its own process so that
// its work never counts as the client's.
//
//   fbm-bench-server manifest <urls-file> <lines-per-file>
//       Every export completes at the first poll with a manifest listing the URLs of
//       <urls-file> (one a line; nginx serves them) as Patient files of <lines-per-file> lines.
//   fbm-bench-server poll <log-file>
//       Every export answers 202 with Retry-After: 1 (for hours); the receive time of each
//       status request is written to <log-file> as "<ms since epoch> <path>" lines.
//
// Prints the base URL on stdout, then serves until its standard input closes.
#include "demo/bulkserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: fbm-bench-server manifest <urls-file> <lines> | poll <log>\n");
        return 2;
    }
    fbm::demo::BulkServer server;
    fbm::demo::Script script;
    script.requiresAccessToken = false;
    std::vector<std::pair<qint64, QByteArray>> log;
    QFile logFile;
    if (args.at(1) == "manifest"_L1) {
        QFile urls(args.at(2));
        if (!urls.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(2)));
            return 2;
        }
        const qint64 lines = args.value(3).toLongLong();
        QJsonArray output;
        for (const QByteArray &line : urls.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            output.append(QJsonObject{{u"type"_s, u"Patient"_s},
                                      {u"url"_s, QString::fromUtf8(line.trimmed())},
                                      {u"count"_s, double(lines)}});
        }
        const QJsonObject manifest{
            {u"transactionTime"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {u"request"_s, u"http://127.0.0.1/fhir/$export"_s},
            {u"requiresAccessToken"_s, false},
            {u"output"_s, output},
            {u"error"_s, QJsonArray()}};
        script.pollsBeforeDone = 0;
        script.manifestOverride = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    } else if (args.at(1) == "poll"_L1) {
        script.pollsBeforeDone = 1000000;
        script.retryAfterSeconds = 1;
        logFile.setFileName(args.at(2));
        if (!logFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(2)));
            return 2;
        }
        log.reserve(200000);
        QObject::connect(&server, &fbm::demo::BulkServer::requestReceived, &server,
                         [&log](const QByteArray &method, const QUrl &url) {
                             if (method == "GET" && url.path().endsWith("/status"_L1))
                                 log.emplace_back(QDateTime::currentMSecsSinceEpoch(),
                                                  url.path().toUtf8());
                         });
    } else {
        std::fprintf(stderr, "unknown mode %s\n", qPrintable(args.at(1)));
        return 2;
    }
    server.setScript(script);
    if (!server.listen()) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("%s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);

    // The parent ends the run by closing our standard input.
    QSocketNotifier stdinClosed(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, &app, [&] {
        char buf[256];
        if (::read(STDIN_FILENO, buf, sizeof buf) <= 0) {
            stdinClosed.setEnabled(false);
            app.quit();
        }
    });
    const int rc = QCoreApplication::exec();
    if (logFile.isOpen()) {
        QTextStream out(&logFile);
        for (const auto &[ms, path] : log)
            out << ms << ' ' << QString::fromUtf8(path) << '\n';
    }
    return rc;
}
