// fbm-bench-server: the simulated bulk server for the benchmarks, in its own process so that
// its work never counts as the client's.
//
//   fbm-bench-server manifest <urls-file> <lines-per-file> [<next-page-url>]
//       Every export completes at the first poll with a manifest listing the URLs of
//       <urls-file> (one a line; nginx serves them) as Patient files of <lines-per-file> lines;
//       with <next-page-url>, the manifest links to a next page there (a static file).
//   fbm-bench-server poll <log-file>
//       Every export answers 202 with Retry-After: 1 (for hours) and an X-Progress that changes
//       at every poll; the receive time of each
//       status request is written to <log-file> as "<ms since epoch> <path>" lines.
//   fbm-bench-server files <folder> <delay-ms>
//       A plain HTTP/1.1 file server (kept-alive connections) that answers each GET for a file
//       of <folder> after <delay-ms>: a server farther away than loopback, where downloads in
//       parallel pay off (benchmark 2's information row).
//
// Prints the base URL on stdout, then serves until its standard input closes.
#include "faultybulkserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

/// The `files` mode: every connection reads requests one after the other and answers each
/// after the delay. Only what the benchmark needs: GET, a file name without '/' or "..".
class DelayedFileServer : public QObject
{
public:
    DelayedFileServer(QString folder, int delayMs)
        : m_folder(std::move(folder))
        , m_delayMs(delayMs)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

private:
    void serve(QTcpSocket *socket)
    {
        auto pending = std::make_shared<QByteArray>(); // what came but is not a whole request yet
        // Without TCP_NODELAY the last segment of each answer waits for the client's delayed
        // ACK (40 ms): every file took 46 ms instead of the delay asked for.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, pending] {
            pending->append(socket->readAll());
            for (qsizetype end = pending->indexOf("\r\n\r\n"); end >= 0;
                 end = pending->indexOf("\r\n\r\n")) {
                const QByteArray head = pending->left(end);
                pending->remove(0, end + 4);
                const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
                const QByteArray path = requestLine.value(1);
                const QString name = QString::fromUtf8(path.mid(path.lastIndexOf('/') + 1));
                QTimer::singleShot(m_delayMs, socket, [this, socket, name] {
                    QFile file(m_folder + u'/' + name);
                    if (name.isEmpty() || name.contains(u"..") || !file.open(QIODevice::ReadOnly)) {
                        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                        return;
                    }
                    const QByteArray body = file.readAll();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+ndjson\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n");
                    socket->write(body);
                });
            }
        });
    }

    QTcpServer m_server;
    QString m_folder;
    int m_delayMs;
};

/// Serves until standard input closes (the parent ends the run that way).
int serveUntilStdinCloses(QCoreApplication &app)
{
    QSocketNotifier stdinClosed(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, &app, [&] {
        char buf[256];
        if (::read(STDIN_FILENO, buf, sizeof buf) <= 0) {
            stdinClosed.setEnabled(false);
            app.quit();
        }
    });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == "files"_L1) {
        DelayedFileServer files(args.at(2), args.at(3).toInt());
        if (!files.listen()) {
            std::fprintf(stderr, "cannot listen\n");
            return 1;
        }
        std::printf("http://127.0.0.1:%u\n", unsigned(files.port()));
        std::fflush(stdout);
        return serveUntilStdinCloses(app);
    }
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: fbm-bench-server manifest <urls-file> <lines> | poll <log> | "
                             "files <folder> <delay-ms>\n");
        return 2;
    }
    fbm::test::FaultyBulkServer server; // for its request signal
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
        QJsonObject manifest{
            {u"transactionTime"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {u"request"_s, u"http://127.0.0.1/fhir/$export"_s},
            {u"requiresAccessToken"_s, false},
            {u"output"_s, output},
            {u"error"_s, QJsonArray()}};
        // A paged manifest: the next pages are static files (nginx serves them).
        if (args.size() > 4)
            manifest.insert(u"link"_s, QJsonArray{QJsonObject{{u"relation"_s, u"next"_s},
                                                              {u"url"_s, args.at(4)}}});
        script.pollsBeforeDone = 0;
        script.manifestOverride = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    } else if (args.at(1) == "poll"_L1) {
        script.pollsBeforeDone = 1000000;
        script.retryAfterSeconds = 1;
        // A new X-Progress at every poll, as HAPI's (it holds a time) and most servers' counts.
        for (int i = 1; i <= 7; ++i)
            script.progressTexts.append(
                u"Search in progress - found %1 of 7,000 resources"_s.arg(i * 1000));
        logFile.setFileName(args.at(2));
        if (!logFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(2)));
            return 2;
        }
        log.reserve(200000);
        QObject::connect(&server, &fbm::test::FaultyBulkServer::requestReceived, &server,
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

    const int rc = serveUntilStdinCloses(app);
    if (logFile.isOpen()) {
        QTextStream out(&logFile);
        for (const auto &[ms, path] : log)
            out << ms << ' ' << QString::fromUtf8(path) << '\n';
    }
    return rc;
}
