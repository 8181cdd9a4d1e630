// The command line as scripts use it: the real executable in a child process, against the
// simulated server in this process, real files, exit codes and --json events.
#include "cliprocess.h"
#include "faultybulkserver.h"
#include "jobstore.h"
#include "servedfiles.h"
#include "testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace fbm::demo;
using fbm::test::CliProcess;
using fbm::test::CliRun;
using fbm::test::FaultyBulkServer;
using fbm::test::FileFault;
namespace served = fbm::test::served;

namespace {

/// Runs the program as on a server over SSH: no display at all (xcb with nowhere to go).
QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env;
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    env.insert(u"DISPLAY"_s, QString()); // removed
    env.insert(u"WAYLAND_DISPLAY"_s, QString());
    return env;
}

} // namespace

class TestCliExport final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void exportSavesEverythingByteForByte();
    void jsonEventsAreOneObjectPerLine();
    void gzipSavesCompressedFiles();
    void attachmentsOptionSavesThemAndSaysSo();
    void nothingToExportIsSuccess();
    void failedJobExitsOne();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void tokenNeverPrinted();
    void killedDuringDownloadResumes();
    void cancelCommand();
    void stopSignalLeavesTheExportForResume_data();
    void stopSignalLeavesTheExportForResume();
    void desktopAppSavesAndEndsOnSigterm();
    void secondWindowLeavesTheJobListAlone();
    void stopSignalWaitsForTheKickoffAnswer();
    void progressLinesSpeakDanish();
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
    void noDownloadEndsWithTheManifest();
    void resumeFindsItsJobInALongList();
    void sinceAutoContinuesFromTheLastSavedExport();
    void unknownCommandIsUsageError_data();
    void unknownCommandIsUsageError();
    void resumeLineIsQuotedForTheShell();
    void resumeChecksTheStatusUrlFirst();
    void commandHelpNamesTheCommand_data();
    void commandHelpNamesTheCommand();
    void profilesFileForEveryServerCommand();
    void profileAddRejectsABaseThatIsNoUrl();

private:
    /// The program in a private home (XDG folders) with short poll and retry delays.
    CliRun runApp(const QStringList &args, int timeoutMs = 60000)
    {
        return m_cli->run(args, {}, timeoutMs);
    }
    QString compare(const QString &dir) const;
    /// Observation.1.ndjson (file 1) comes at 3 MiB/s, so an export can be stopped in its middle.
    void slowDownTheLargeFile();
    /// `resume` of \a statusUrl into \a out, the files served normally again: it must end with
    /// exit 0, every file byte for byte and no new export. *ranged: a partial file continued.
    void resumeAndCompare(const QString &statusUrl, const QString &out, bool *ranged);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliProcess> m_cli;
    std::unique_ptr<FaultyBulkServer> m_server;
};

void TestCliExport::init()
{
    m_cli.reset(); // what the last test left running ends before its folder goes
    m_dir = std::make_unique<QTemporaryDir>();
    m_cli = std::make_unique<CliProcess>(m_dir->path());
    m_server = std::make_unique<FaultyBulkServer>();
    QVERIFY(m_server->listen());
    m_server->setFiles(served::cliExport());
}

void TestCliExport::helpAndVersionNeedNoDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("--help") << u"--help"_s << "Commands:"_ba;
    QTest::newRow("-h") << u"-h"_s << "Commands:"_ba;
    QTest::newRow("--version") << u"--version"_s << "fhir-bulk-monitor "_ba;
}

void TestCliExport::helpAndVersionNeedNoDisplay()
{
    // On a server over SSH: no display at all. The desktop application could not start there;
    // these answer on the terminal instead.
    QFETCH(QString, option);
    QFETCH(QByteArray, expected);
    const CliRun r = m_cli->run({option}, withoutDisplay(), 30000);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(expected), r.out.constData());
}

void TestCliExport::sinceAutoContinuesFromTheLastSavedExport()
{
    const auto exportOf = [this](const QString &types, const QString &folder) {
        return runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--type"_s, types,
                       u"--since"_s, u"auto"_s, u"--json"_s, u"--out"_s, m_dir->filePath(folder)});
    };
    const auto lastKickoff = [this] {
        QUrlQuery query;
        for (const auto &req : m_server->requests())
            if (req.path.endsWith(u"$export"_s))
                query = req.query;
        return query;
    };
    // No export before: a full one, and it says so.
    const CliRun first = exportOf(u"Patient,Observation"_s, u"first"_s);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY(first.event(u"since-auto"_s).value("since"_L1).isNull());
    QVERIFY2(first.err.contains("exporting everything"), first.err.constData());
    QVERIFY(!lastKickoff().hasQueryItem(u"_since"_s));

    // The same request again: only the changes since the first one's transaction time.
    QFile manifest(m_dir->filePath(u"first/manifest.json"_s));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QDateTime transactionTime = QDateTime::fromString(
        QJsonDocument::fromJson(manifest.readAll()).object().value("transactionTime"_L1).toString(),
        Qt::ISODateWithMs);
    QVERIFY(transactionTime.isValid());
    const CliRun second = exportOf(u"Patient,Observation"_s, u"second"_s);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject said = second.event(u"since-auto"_s);
    QCOMPARE(QDateTime::fromString(said.value("since"_L1).toString(), Qt::ISODateWithMs),
             transactionTime);
    QCOMPARE(said.value("from"_L1).toString(), QDir(m_dir->filePath(u"first"_s)).absolutePath());
    QCOMPARE(QDateTime::fromString(lastKickoff().queryItemValue(u"_since"_s, QUrl::FullyDecoded),
                                   Qt::ISODateWithMs),
             transactionTime);

    // Another request (other types) has no export to continue from.
    const CliRun other = exportOf(u"Condition"_s, u"other"_s);
    QVERIFY2(other.exitCode == 0, other.err.constData());
    QVERIFY(other.event(u"since-auto"_s).value("since"_L1).isNull());
    QVERIFY(!lastKickoff().hasQueryItem(u"_since"_s));
}

void TestCliExport::noDownloadEndsWithTheManifest()
{
    // Completed is not a final state (the files can still be fetched), so the command must end
    // on its own once the manifest is in.
    const QString out = m_dir->filePath(u"n"_s);
    const CliRun r = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(),
                             u"--no-download"_s, u"--json"_s, u"--out"_s, out},
                            30000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFile::exists(QDir(out).filePath(u"manifest.json"_s)));
    // No file was downloaded: only the export log (log.ndjson) is there besides the manifest.
    QCOMPARE(QDir(out).entryList({u"*.ndjson"_s, u"*.part"_s}, QDir::Files),
             QStringList{u"log.ndjson"_s});
    QVERIFY2(r.err.contains("To download the files later: fhir-bulk-monitor resume '"),
             r.err.constData());
    const QList<QJsonObject> events = r.events();
    QVERIFY(!events.isEmpty());
    QStringList kinds;
    for (const QJsonObject &e : events)
        kinds.append(e.value("event"_L1).toString());
    QCOMPARE(kinds.count(u"manifest"_s), 1);
    QCOMPARE(kinds.count(u"file-saved"_s), 0);
    QCOMPARE(kinds.count(u"done"_s), 1);
    const QJsonObject done = events.last();
    QCOMPARE(done.value("event"_L1).toString(), u"done"_s);
    QCOMPARE(done.value("state"_L1).toString(), u"completed"_s);
    QCOMPARE(done.value("files"_L1).toInt(-1), 0);
    QCOMPARE(done.value("out"_L1).toString(), QDir::cleanPath(QDir(out).absolutePath()));

    // What it says to run later downloads the files.
    const QString statusUrl = events.first().value("statusUrl"_L1).toString();
    const CliRun resumed = runApp({u"resume"_s, statusUrl, u"--out"_s, out});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    const QString diff = compare(out);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(m_server->jobCount(), 1);
}

void TestCliExport::resumeFindsItsJobInALongList()
{
    // A nightly timer's job list: a thousand finished exports, one job file damaged, and one
    // export that ended 200 days ago (over the default 90: it leaves the list, its folder stays).
    const QString out = m_dir->filePath(u"n"_s);
    const CliRun r = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(),
                             u"--no-download"_s, u"--json"_s, u"--out"_s, out},
                            30000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString statusUrl = r.events().first().value("statusUrl"_L1).toString();
    const QString storeDir =
        m_dir->filePath(u"data/FHIR Bulk Monitor/fhir-bulk-monitor/cli-jobs"_s);
    QCOMPARE(QDir(storeDir).entryList({u"*.json"_s}, QDir::Files).size(), 1);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString oldFolder = m_dir->filePath(u"old"_s);
    QVERIFY(QDir().mkpath(oldFolder));
    QFile oldFile(oldFolder + u"/Patient.1.ndjson"_s);
    QVERIFY(oldFile.open(QIODevice::WriteOnly));
    oldFile.write("{\"resourceType\":\"Patient\"}\n");
    oldFile.close();
    QString oldId;
    {
        fbm::JobStore store(storeDir);
        for (int i = 0; i <= 1000; ++i) {
            fbm::ExportJob j;
            j.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            j.request.base = m_server->baseUrl();
            j.statusUrl = QUrl(m_server->baseUrl().toString() + u"/other/%1"_s.arg(i));
            j.state = fbm::JobState::Saved;
            j.createdAt = now.addDays(i == 1000 ? -200 : -(i % 60)).addSecs(-600);
            j.finishedAt = j.createdAt.addSecs(300);
            j.outDir = i == 1000 ? oldFolder : m_dir->filePath(u"exports/%1"_s.arg(i));
            QVERIFY(!store.save(j).isError());
            if (i == 1000)
                oldId = j.id;
        }
        (void)store.loadAll(); // the index, as a last command leaves it
        store.flush();
    }
    QFile damaged(storeDir + u"/0000-damaged.json"_s);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"format\":1,\"id\":\"x\", trunc");
    damaged.close();

    const CliRun resumed = runApp({u"resume"_s, statusUrl, u"--out"_s, out});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    const QString diff = compare(out);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(m_server->jobCount(), 1); // the job of the list was continued, not a new one
    QVERIFY(!QFile::exists(storeDir + u'/' + oldId + u".json"_s));
    QVERIFY(QFile::exists(oldFolder + u"/Patient.1.ndjson"_s));
    // 1,000 others, the damaged one (left for the desktop or `--since auto` to move aside) and
    // the one resumed.
    QCOMPARE(QDir(storeDir).entryList({u"*.json"_s}, QDir::Files).size(), 1002);
}

void TestCliExport::unknownCommandIsUsageError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("with options") << QStringList{u"exprt"_s, u"--base"_s, u"x"_s};
    QTest::newRow("alone") << QStringList{u"exprt"_s};
}

void TestCliExport::unknownCommandIsUsageError()
{
    // Without a display, as over SSH: a mistyped command must not try to open a window.
    QFETCH(QStringList, args);
    const CliRun r = m_cli->run(args, withoutDisplay(), 30000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("Unknown command 'exprt'"), r.err.constData());
    QVERIFY2(r.err.contains("Commands:") && r.err.contains("report-jobs"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliExport::resumeLineIsQuotedForTheShell()
{
    m_server->setFiles({served::generated(u"Patient"_s, 10)});
    const QString out = m_dir->filePath(u"it's a folder"_s);
    const CliRun r =
        runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s, out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray prefix = "To continue after an interruption: fhir-bulk-monitor ";
    QByteArray line;
    for (const QByteArray &l : r.err.split('\n')) {
        if (l.startsWith(prefix))
            line = l.mid(prefix.size());
    }
    QVERIFY2(!line.isEmpty(), r.err.constData());
    // The printed words, as a POSIX shell reads them.
    const CliRun sh = m_cli->runShell(u"printf '%s\\n' "_s + QString::fromUtf8(line), 10000);
    QCOMPARE(sh.exitCode, 0);
    const QStringList words = QString::fromUtf8(sh.out).split(u'\n', Qt::SkipEmptyParts);
    const QStringList expected{u"resume"_s, m_server->statusUrl(m_server->lastJobId()).toString(),
                               u"--out"_s, QDir::cleanPath(QDir(out).absolutePath())};
    QCOMPARE(words, expected);
}

void TestCliExport::resumeChecksTheStatusUrlFirst()
{
    const CliRun r = runApp({u"resume"_s, u"notaurl"_s, u"--out"_s, m_dir->filePath(u"x"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("The status URL must be an http:// or https:// URL."),
             r.err.constData());
}

void TestCliExport::commandHelpNamesTheCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("usage");
    QTest::newRow("export") << QStringList{u"export"_s, u"--help"_s}
                            << "Usage: fhir-bulk-monitor export [options]\n"_ba;
    QTest::newRow("resume") << QStringList{u"resume"_s, u"--help"_s}
                            << "Usage: fhir-bulk-monitor resume [options] status-url\n"_ba;
    QTest::newRow("cancel") << QStringList{u"cancel"_s, u"--help"_s}
                            << "Usage: fhir-bulk-monitor cancel [options] status-url\n"_ba;
    QTest::newRow("report-jobs") << QStringList{u"report-jobs"_s, u"--help"_s}
                                 << "Usage: fhir-bulk-monitor report-jobs [options]\n"_ba;
    QTest::newRow("demo-server") << QStringList{u"demo-server"_s, u"--help"_s}
                                 << "Usage: fhir-bulk-monitor demo-server [options]\n"_ba;
    QTest::newRow("profile") << QStringList{u"profile"_s, u"--help"_s}
                             << "Usage: fhir-bulk-monitor profile [options] subcommand\n"_ba;
    QTest::newRow("profile add") << QStringList{u"profile"_s, u"add"_s, u"--help"_s}
                                 << "Usage: fhir-bulk-monitor profile add [options]\n"_ba;
    QTest::newRow("profile list") << QStringList{u"profile"_s, u"list"_s, u"--help"_s}
                                  << "Usage: fhir-bulk-monitor profile list [options]\n"_ba;
    QTest::newRow("profile show") << QStringList{u"profile"_s, u"show"_s, u"--help"_s}
                                  << "Usage: fhir-bulk-monitor profile show [options] name\n"_ba;
    QTest::newRow("profile remove")
        << QStringList{u"profile"_s, u"remove"_s, u"--help"_s}
        << "Usage: fhir-bulk-monitor profile remove [options] name\n"_ba;
}

void TestCliExport::commandHelpNamesTheCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, usage);
    const CliRun r = runApp(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(usage), r.out.constData());
}

void TestCliExport::profilesFileForEveryServerCommand()
{
    const QString profiles = m_dir->filePath(u"my profiles.ini"_s);
    const CliRun added = runApp({u"profile"_s, u"add"_s, u"--name"_s, u"Demo"_s, u"--base"_s,
                                 m_server->baseUrl().toString(), u"--profiles-file"_s, profiles});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QVERIFY(QFile::exists(profiles));
    const QStringList useIt{u"--profile"_s, u"Demo"_s, u"--profiles-file"_s, profiles};

    const QString out = m_dir->filePath(u"p"_s);
    const CliRun exported = runApp(QStringList{u"export"_s, u"--out"_s, out, u"--json"_s} + useIt);
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QString diff = compare(out);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    const QString statusUrl = m_server->statusUrl(m_server->lastJobId()).toString();
    const CliRun resumed = runApp(QStringList{u"resume"_s, statusUrl, u"--out"_s, out} + useIt);
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());

    // Whatever the server answers now, the options were understood.
    const CliRun cancelled = runApp(QStringList{u"cancel"_s, statusUrl} + useIt);
    QVERIFY2(cancelled.exitCode != 2, cancelled.err.constData());
    QVERIFY(!cancelled.err.contains("Unknown option"));
}

void TestCliExport::profileAddRejectsABaseThatIsNoUrl()
{
    const QString profiles = m_dir->filePath(u"profiles.ini"_s);
    const CliRun r = runApp({u"profile"_s, u"add"_s, u"--name"_s, u"Bad"_s, u"--base"_s,
                             u"notaurl"_s, u"--profiles-file"_s, profiles});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("The base URL must start with https:// or http://, not \"notaurl\"."),
             r.err.constData());
    const CliRun list =
        runApp({u"profile"_s, u"list"_s, u"--json"_s, u"--profiles-file"_s, profiles});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0);
}

QString TestCliExport::compare(const QString &dir) const
{
    const QStringList names = {u"Patient.1.ndjson"_s, u"Observation.1.ndjson"_s,
                               u"errors/OperationOutcome.1.ndjson"_s};
    for (int i = 0; i < names.size(); ++i) {
        const QByteArray got = fbm::test::readFile(QDir(dir).filePath(names.at(i)));
        if (got != m_server->expectedContent(i))
            return names.at(i) + u" differs ("_s + QString::number(got.size()) + u" bytes)"_s;
        if (got.count('\n') != m_server->lineCount(i))
            return names.at(i) + u" line count"_s;
    }
    if (!QFile::exists(QDir(dir).filePath(u"manifest.json"_s)))
        return u"no manifest.json"_s;
    const QStringList leftovers = QDir(dir).entryList({u"*.part"_s}, QDir::Files);
    if (!leftovers.isEmpty())
        return u"left over: "_s + leftovers.join(u", "_s);
    return {};
}

void TestCliExport::slowDownTheLargeFile()
{
    FileFault slow;
    slow.kind = FileFault::Kind::Slow;
    slow.bytesPerSecond = 3 * 1024 * 1024;
    m_server->setFileFault(1, slow);
}

void TestCliExport::resumeAndCompare(const QString &statusUrl, const QString &out, bool *ranged)
{
    *ranged = false;
    m_server->setFileFault(1, FileFault());
    m_server->clearRequests();
    const CliRun resumed = runApp({u"resume"_s, statusUrl, u"--out"_s, out});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    const QString diff = compare(out);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(m_server->jobCount(), 1); // followed, not started again
    for (const auto &r : m_server->requests()) {
        if (r.header("Range").startsWith("bytes=") &&
            r.header("Range").mid(6).chopped(1).toLongLong() > 0)
            *ranged = true;
    }
}

void TestCliExport::exportSavesEverythingByteForByte()
{
    const QString out = m_dir->filePath(u"export"_s);
    const CliRun r =
        runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s, out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString diff = compare(out);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // Human progress on stderr, starting with the status URL so a killed run can be resumed.
    QVERIFY2(r.err.startsWith(QByteArray("Status URL: " +
                                         m_server->statusUrl(m_server->lastJobId()).toEncoded())),
             r.err.constData());
    QVERIFY2(r.err.contains("Done: 3 file"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliExport::jsonEventsAreOneObjectPerLine()
{
    const QString out = m_dir->filePath(u"export"_s);
    const CliRun r = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s,
                             out, u"--json"_s, u"--type"_s, u"Patient,Observation"_s});
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> events = r.events();
    QVERIFY(events.size() >= 5);
    QCOMPARE(events.first().value("event"_L1).toString(), u"kicked-off"_s);
    QCOMPARE(events.first().value("statusUrl"_L1).toString(),
             m_server->statusUrl(m_server->lastJobId()).toString());
    QStringList kinds;
    for (const QJsonObject &e : events)
        kinds.append(e.value("event"_L1).toString());
    QVERIFY(kinds.contains(u"progress"_s));
    QVERIFY(kinds.contains(u"manifest"_s));
    QCOMPARE(kinds.count(u"file-saved"_s), 3);
    QCOMPARE(kinds.last(), u"done"_s);
    QCOMPARE(events.last().value("files"_L1).toInt(), 3);
    for (const QJsonObject &e : events) {
        if (e.value("event"_L1).toString() == "file-saved"_L1 &&
            e.value("path"_L1).toString() == "Observation.1.ndjson"_L1)
            QCOMPARE(e.value("lines"_L1).toInt(), 60000);
    }
}

void TestCliExport::gzipSavesCompressedFiles()
{
    const QString out = m_dir->filePath(u"export"_s);
    const CliRun r = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s,
                             out, u"--json"_s, u"--gzip"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QStringList saved;
    for (const QJsonObject &e : r.events()) {
        if (e.value("event"_L1).toString() != "file-saved"_L1)
            continue;
        const QString path = e.value("path"_L1).toString();
        saved.append(path);
        QCOMPARE(qint64(e.value("bytes"_L1).toDouble()),
                 QFileInfo(QDir(out).filePath(path)).size());
    }
    const QStringList names = {u"Patient.1.ndjson.gz"_s, u"Observation.1.ndjson.gz"_s,
                               u"errors/OperationOutcome.1.ndjson.gz"_s};
    saved.sort(); // in the order they were done
    QStringList sortedNames = names;
    sortedNames.sort();
    QCOMPARE(saved, sortedNames);
    for (int i = 0; i < names.size(); ++i) {
        QProcess gunzip;
        gunzip.start(u"gzip"_s, {u"-dc"_s, QDir(out).filePath(names.at(i))});
        QVERIFY(gunzip.waitForFinished(30000));
        QCOMPARE(gunzip.exitCode(), 0);
        const QByteArray plain = gunzip.readAllStandardOutput();
        QVERIFY2(plain == m_server->expectedContent(i), qPrintable(names.at(i)));
        QCOMPARE(plain.count('\n'), m_server->lineCount(i));
    }
    // Nothing plain or partial beside them; the manifest plain JSON.
    QDirIterator it(out, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = it.next();
        QVERIFY2(!name.endsWith(".part"_L1), qPrintable(name));
        QVERIFY2(!name.endsWith(".ndjson"_L1) || name.endsWith("/log.ndjson"_L1), qPrintable(name));
    }
    QVERIFY(!QJsonDocument::fromJson(fbm::test::readFile(QDir(out).filePath(u"manifest.json"_s)))
                 .isNull());
}

void TestCliExport::attachmentsOptionSavesThemAndSaysSo()
{
    const QByteArray pdf = "%PDF-1.4\n% a letter\n%%EOF\n";
    m_server->setAttachments({{u"letter"_s, pdf, "application/pdf"}});
    m_server->setFiles({served::ndjson(
        u"DocumentReference"_s,
        R"({"resourceType":"DocumentReference","id":"d1","status":"current","content":[{"attachment":{"contentType":"application/pdf","url":"Binary/letter"}}]})"
        "\n")});
    const QString out = m_dir->filePath(u"export"_s);
    const CliRun r = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s,
                             out, u"--json"_s, u"--attachments"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(fbm::test::readFile(QDir(out).filePath(u"attachments/DocumentReference.d1.1.pdf"_s)),
             pdf);
    const QList<QJsonObject> events = r.events();
    QVERIFY(!events.isEmpty());
    const QJsonObject done = events.constLast();
    QCOMPARE(done.value("event"_L1).toString(), u"done"_s);
    QCOMPARE(done.value("attachments"_L1).toInt(), 1);
    QVERIFY(!done.contains("attachmentProblem"_L1));
    QVERIFY2(r.err.contains("1 attachment saved"), r.err.constData());
}

void TestCliExport::nothingToExportIsSuccess()
{
    Script s;
    s.emptyWithMessage = true;
    m_server->setScript(s);
    m_server->setFiles({});
    const CliRun r = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s,
                             m_dir->filePath(u"e"_s), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains("Export complete, but no data"));
    QVERIFY(r.events()
                .last()
                .value("message"_L1)
                .toString()
                .startsWith(u"Export complete, but no data"_s));
}

void TestCliExport::failedJobExitsOne()
{
    Script s;
    s.pollQueue = {
        {500,
         R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing","diagnostics":"Export job failed: disk quota"}]})"_ba,
         {},
         {}}};
    m_server->setScript(s);
    const CliRun r = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s,
                             m_dir->filePath(u"f"_s), u"--json"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("Export job failed: disk quota"));
    QCOMPARE(r.events().last().value("event"_L1).toString(), u"error"_s);
}

void TestCliExport::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no base") << QStringList{u"export"_s, u"--out"_s, u"/tmp/x"_s};
    QTest::newRow("no out") << QStringList{u"export"_s, u"--base"_s, u"http://127.0.0.1:1/fhir"_s};
    QTest::newRow("bad level") << QStringList{
        u"export"_s,  u"--base"_s, u"http://127.0.0.1:1/fhir"_s, u"--out"_s, u"/tmp/x"_s,
        u"--level"_s, u"planet"_s};
    QTest::newRow("group without id") << QStringList{
        u"export"_s,  u"--base"_s, u"http://127.0.0.1:1/fhir"_s, u"--out"_s, u"/tmp/x"_s,
        u"--level"_s, u"group"_s};
    QTest::newRow("patient on system")
        << QStringList{u"export"_s,    u"--base"_s, u"http://127.0.0.1:1/fhir"_s,
                       u"--out"_s,     u"/tmp/x"_s, u"--post"_s,
                       u"--patient"_s, u"p1"_s};
    QTest::newRow("bad since") << QStringList{
        u"export"_s,  u"--base"_s,      u"http://127.0.0.1:1/fhir"_s, u"--out"_s, u"/tmp/x"_s,
        u"--since"_s, u"last tuesday"_s};
    QTest::newRow("unknown option") << QStringList{u"export"_s, u"--frobnicate"_s};
    QTest::newRow("resume without url") << QStringList{u"resume"_s, u"--out"_s, u"/tmp/x"_s};
    QTest::newRow("cancel bad url") << QStringList{u"cancel"_s, u"ftp://x/y"_s};
}

void TestCliExport::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    const CliRun r = runApp(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

void TestCliExport::tokenNeverPrinted()
{
    const QByteArray token = "cli-secret-token-4711";
    m_server->setTokenValidator([token](const QByteArray &t) { return t == token; });
    const QString out = m_dir->filePath(u"t"_s);
    const CliRun r = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s,
                             out, u"--json"_s, u"--token"_s, QString::fromLatin1(token)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(!r.out.contains(token));
    QVERIFY(!r.err.contains(token));
    // Nor in the job store.
    QDirIterator it(m_dir->filePath(u"data"_s), QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString f = it.next();
        ++files;
        QVERIFY2(!fbm::test::readFile(f).contains(token), qPrintable(f));
    }
    QVERIFY(files > 0);
    // A wrong token: a readable failure, and the token is still not printed.
    const CliRun bad = runApp({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s,
                               out, u"--token"_s, u"wrong-token-0815"_s});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(!bad.err.contains("wrong-token-0815"));
    QVERIFY(bad.err.contains("401"));
}

void TestCliExport::killedDuringDownloadResumes()
{
    slowDownTheLargeFile();
    const QString out = m_dir->filePath(u"k"_s);
    QProcess *p = m_cli->start(
        {u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s, out, u"--json"_s});
    const QString part = QDir(out).filePath(u"Observation.1.ndjson.part"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 200000, 20000);
    ::kill(pid_t(p->processId()), SIGKILL);
    const CliRun killed = CliProcess::finish(p);
    QCOMPARE(killed.exitCode, -1);
    const QJsonObject first = killed.events().first();
    QCOMPARE(first.value("event"_L1).toString(), u"kicked-off"_s);
    const QString statusUrl = first.value("statusUrl"_L1).toString();
    const qint64 partial = QFileInfo(part).size();
    QVERIFY(partial > 0);

    // It continued the partial file instead of starting over, and started no new export.
    bool ranged = false;
    resumeAndCompare(statusUrl, out, &ranged);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(ranged);
    for (const auto &r : m_server->requests())
        QVERIFY(!r.url.path().endsWith(u"$export"_s));
}

void TestCliExport::cancelCommand()
{
    Script s;
    s.pollsBeforeDone = 1000;
    m_server->setScript(s);
    QProcess *p = m_cli->start({u"export"_s, u"--base"_s, m_server->baseUrl().toString(),
                                u"--out"_s, m_dir->filePath(u"c"_s), u"--json"_s});
    QTRY_VERIFY(!m_server->lastJobId().isEmpty());
    const QString statusUrl = m_server->statusUrl(m_server->lastJobId()).toString();
    const CliRun cancel = runApp({u"cancel"_s, statusUrl});
    QCOMPARE(cancel.exitCode, 0);
    QVERIFY(m_server->jobCancelled(m_server->lastJobId()));
    // The export that was following it ends as cancelled/expired: exit 1.
    const CliRun exportRun = CliProcess::finish(p);
    QCOMPARE(exportRun.exitCode, 1);
    // Cancelling again: the server no longer knows it.
    const CliRun again = runApp({u"cancel"_s, statusUrl});
    QCOMPARE(again.exitCode, 1);
}

void TestCliExport::stopSignalLeavesTheExportForResume_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<bool>("whileDownloading");
    QTest::newRow("Ctrl+C while downloading") << int(SIGINT) << true;
    QTest::newRow("kill (SIGTERM) while downloading") << int(SIGTERM) << true;
    QTest::newRow("terminal closed (SIGHUP) while the server works") << int(SIGHUP) << false;
}

void TestCliExport::stopSignalLeavesTheExportForResume()
{
    QFETCH(int, signalNumber);
    QFETCH(bool, whileDownloading);
    Script script;
    // Polled every 5 ms (FBM_MIN_POLL_MS): 300 polls keep the server busy for a second or two.
    script.pollsBeforeDone = whileDownloading ? 1 : 300;
    m_server->setScript(script);
    slowDownTheLargeFile();
    const QString out = m_dir->filePath(u"s"_s);
    QProcess *p = m_cli->start(
        {u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s, out, u"--json"_s});
    const QString part = QDir(out).filePath(u"Observation.1.ndjson.part"_s);
    if (whileDownloading)
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 200000, 20000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() > 3, 20000); // polling
    ::kill(pid_t(p->processId()), signalNumber);
    const CliRun stopped = CliProcess::finish(p);
    // It ended by itself, as a shell reports a stop by that signal, and said how to go on.
    QCOMPARE(stopped.exitCode, 128 + signalNumber);
    const QJsonObject last = stopped.events().last();
    QCOMPARE(last.value("event"_L1).toString(), u"interrupted"_s);
    QCOMPARE(last.value("signal"_L1).toString(), signalNumber == SIGINT    ? u"SIGINT"_s
                                                 : signalNumber == SIGTERM ? u"SIGTERM"_s
                                                                           : u"SIGHUP"_s);
    const QString statusUrl = m_server->statusUrl(m_server->lastJobId()).toString();
    QCOMPARE(last.value("statusUrl"_L1).toString(), statusUrl);
    QCOMPARE(last.value("out"_L1).toString(), QDir::cleanPath(QDir(out).absolutePath()));
    const QString resumeLine = u"fhir-bulk-monitor resume '"_s + statusUrl + u"'"_s;
    QVERIFY2(stopped.err.contains(resumeLine.toUtf8()), stopped.err.constData());
    // The export goes on at the server: nothing was cancelled.
    QVERIFY(!m_server->jobCancelled(m_server->lastJobId()));
    if (whileDownloading)
        QVERIFY(QFileInfo(part).size() > 0);

    if (!whileDownloading)
        QVERIFY(!m_server->jobInfo(m_server->lastJobId()).completed);
    bool ranged = false;
    resumeAndCompare(statusUrl, out, &ranged);
    if (QTest::currentTestFailed())
        return;
    if (whileDownloading)
        QVERIFY(ranged); // the partial file went on where it stopped
}

void TestCliExport::desktopAppSavesAndEndsOnSigterm()
{
    // A logout or shutdown sends SIGTERM: the window closes as Quit closes it (the jobs saved on
    // the way out), instead of the process dying where it stands.
    QProcessEnvironment offscreen;
    offscreen.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QProcess *p = m_cli->start({}, offscreen);
    QVERIFY(p->waitForStarted());
    // As soon as it catches SIGTERM (Linux: the SigCgt mask in /proc), which may be before its
    // window is up: the signal must end it the same way once its event loop runs.
    const auto catchesSigterm = [p] {
        QFile status(u"/proc/%1/status"_s.arg(p->processId()));
        if (!status.open(QIODevice::ReadOnly))
            return false;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("SigCgt:"))
                return ((line.mid(7).trimmed().toULongLong(nullptr, 16) >> (SIGTERM - 1)) & 1) != 0;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(catchesSigterm(), 20000);
    QCOMPARE(p->state(), QProcess::Running);
    ::kill(pid_t(p->processId()), SIGTERM);
    const CliRun ended = CliProcess::finish(p, 20000);
    QCOMPARE(ended.exitCode, 128 + SIGTERM); // -1 had it crashed or been killed
    // Ended through the event loop, so the window was destroyed in order and saved its layout.
    bool layoutSaved = false;
    QDirIterator it(m_dir->filePath(u"config"_s), {u"*.conf"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        layoutSaved = layoutSaved || fbm::test::readFile(it.next()).contains("[MainWindow]");
    QVERIFY(layoutSaved);
}

void TestCliExport::secondWindowLeavesTheJobListAlone()
{
    // Re-walking the walkthrough, a second window (a launcher clicked twice) took up the first
    // one's running export, found its folder held and marked it Failed in the shared list. The
    // second now says that the program is open and leaves.
    QProcessEnvironment offscreen;
    offscreen.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QProcess *first = m_cli->start({}, offscreen);
    QVERIFY(first->waitForStarted());
    const auto lockHolder = [this] {
        QDirIterator it(m_dir->path(), {u"window.lock"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        return it.hasNext() ? fbm::test::readFile(it.next()).split('\n').value(0) : QByteArray();
    };
    QTRY_COMPARE_WITH_TIMEOUT(lockHolder(), QByteArray::number(first->processId()), 20000);
    QProcess *second = m_cli->start({}, offscreen);
    QVERIFY(second->waitForStarted());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += second->readAllStandardError()).contains("already open"),
                             20000);
    QVERIFY2(said.contains(QByteArray::number(first->processId())), said.constData());
    second->kill(); // its message box waits for a click
    CliProcess::finish(second, 20000);
    QCOMPARE(first->state(), QProcess::Running);
    ::kill(pid_t(first->processId()), SIGTERM);
    QCOMPARE(CliProcess::finish(first, 20000).exitCode, 128 + SIGTERM);
    // Once the first is closed, a window starts again: the lock names the new process.
    QProcess *third = m_cli->start({}, offscreen);
    QVERIFY(third->waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(lockHolder(), QByteArray::number(third->processId()), 20000);
    QVERIFY(!third->readAllStandardError().contains("already open"));
    third->kill();
    CliProcess::finish(third, 20000);
}

void TestCliExport::stopSignalWaitsForTheKickoffAnswer()
{
    // Ctrl+C while the server is still answering the kick-off: the export may already exist
    // there, so the command waits for the answer and prints the status URL to resume with.
    Script script;
    script.kickoffDelayMs = 1500;
    script.pollsBeforeDone = 3;
    m_server->setScript(script);
    const QString out = m_dir->filePath(u"k"_s);
    QProcess *p = m_cli->start(
        {u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s, out, u"--json"_s});
    QTRY_COMPARE_WITH_TIMEOUT(m_server->jobCount(), 1, 20000); // asked; not answered yet
    ::kill(pid_t(p->processId()), SIGINT);
    const CliRun stopped = CliProcess::finish(p);
    QCOMPARE(stopped.exitCode, 128 + SIGINT);
    QVERIFY2(stopped.err.contains("Stopping once the server has answered the kick-off"),
             stopped.err.constData());
    const QJsonObject last = stopped.events().last();
    QCOMPARE(last.value("event"_L1).toString(), u"interrupted"_s);
    const QString statusUrl = m_server->statusUrl(m_server->lastJobId()).toString();
    QCOMPARE(last.value("statusUrl"_L1).toString(), statusUrl);

    bool ranged = false;
    resumeAndCompare(statusUrl, out, &ranged);
}

void TestCliExport::progressLinesSpeakDanish()
{
    // Not only the usage errors: the lines printed while an export runs follow the language.
    QProcessEnvironment inDanish;
    inDanish.insert(u"LANGUAGE"_s, u"da"_s);
    const CliRun r = m_cli->run({u"export"_s, u"--base"_s, m_server->baseUrl().toString(),
                                 u"--out"_s, m_dir->filePath(u"da"_s)},
                                inDanish);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const QByteArray &danish : {"Status-URL: "_ba, "Serveren svarer: "_ba, "Færdig: "_ba}) {
        QVERIFY2(r.err.contains(danish), r.err.constData());
    }
    QVERIFY2(!r.err.contains("Status URL: "), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
