// The command line's promises about folders and arguments, with the real executable: one
// writer per folder however it is named (a symbolic link, with or without XDG_RUNTIME_DIR, as
// under cron); arguments that are not text refused; `resume` telling the truth about files
// deleted or changed since they were saved.
#include "cliprocess.h"
#include "faultybulkserver.h"
#include "servedfiles.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm::demo;
using fbm::test::CliProcess;
using fbm::test::CliRun;
using fbm::test::FaultyBulkServer;
using fbm::test::FileFault;
namespace served = fbm::test::served;

namespace {

QList<ServedFile> files()
{
    return {served::generated(u"Patient"_s, 300), served::generated(u"Observation"_s, 2000)};
}

} // namespace

class TestCliFolders final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void oneWriterPerFolder_data();
    void oneWriterPerFolder();
    void argumentsThatAreNotTextAreRefused_data();
    void argumentsThatAreNotTextAreRefused();
    void resumeFetchesWhatWentMissing();
    void resumeSaysWhatCannotComeBack();
    void resumeAfterTheServerWasToldTheFilesMayGo();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FaultyBulkServer> m_server;
    std::unique_ptr<CliProcess> m_cli;
};

void TestCliFolders::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FaultyBulkServer>();
    QVERIFY(m_server->listen());
    m_server->setFiles(files());
    m_cli = std::make_unique<CliProcess>(m_dir->path());
}

void TestCliFolders::oneWriterPerFolder_data()
{
    QTest::addColumn<bool>("viaSymlink");
    QTest::addColumn<bool>("withoutRuntimeDir");
    QTest::newRow("the same folder through a symbolic link") << true << false;
    QTest::newRow("a second run without XDG_RUNTIME_DIR (cron)") << false << true;
    QTest::newRow("both") << true << true;
}

void TestCliFolders::oneWriterPerFolder()
{
    QFETCH(bool, viaSymlink);
    QFETCH(bool, withoutRuntimeDir);
    // The first export never finishes on the server, so it keeps its folder.
    Script never;
    never.pollsBeforeDone = 1000000;
    never.retryAfterSeconds = 1;
    m_server->setScript(never);
    const QString out = m_dir->filePath(u"out"_s);
    QVERIFY(QDir().mkpath(out));
    QProcessEnvironment runtime;
    const QString runtimeDir = m_dir->filePath(u"runtime"_s);
    QVERIFY(QDir().mkpath(runtimeDir));
    runtime.insert(u"XDG_RUNTIME_DIR"_s, runtimeDir);
    QProcess *first = m_cli->start(
        {u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s, out}, runtime);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->jobCount() == 1, 20000);

    QString second = out;
    if (viaSymlink) {
        second = m_dir->filePath(u"link"_s);
        QVERIFY(QFile::link(out, second));
    }
    QProcessEnvironment env;
    if (withoutRuntimeDir)
        env.insert(u"XDG_RUNTIME_DIR"_s, QString()); // removed
    else
        env = runtime;
    const CliRun refused = m_cli->run(
        {u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s, second}, env);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("Another export, in another window or command, is still saving "
                                  "into"),
             refused.err.constData());
    QCOMPARE(m_server->jobCount(), 1); // nothing was started on the server

    first->kill();
    CliProcess::finish(first);
    // Once the first is gone, the folder is free again, by either name.
    m_server->setScript(Script());
    const CliRun ok = m_cli->run(
        {u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--out"_s, second}, env);
    QVERIFY2(ok.exitCode == 0, ok.err.constData());
    QCOMPARE(fbm::test::readFile(out + u"/Patient.1.ndjson"_s), m_server->expectedContent(0));
}

void TestCliFolders::argumentsThatAreNotTextAreRefused_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QByteArray>("message");
    // $B is a byte that is never UTF-8 (0xff), made by printf in the shell.
    QTest::newRow("--base") << u"export --base \"http://127.0.0.1:1/fhir$B\" --out \"$D/o1\""_s
                            << "The value given with --base is not valid text"_ba;
    QTest::newRow("--out") << u"export --base http://127.0.0.1:1/fhir --out \"$D/o2$B\""_s
                           << "The value given with --out is not valid text"_ba;
    QTest::newRow("--out=") << u"export --base http://127.0.0.1:1/fhir \"--out=$D/o3$B\""_s
                            << "The value given with --out is not valid text"_ba;
    QTest::newRow("a status URL") << u"resume \"http://127.0.0.1:1/s$B\" --out \"$D/o4\""_s
                                  << "Argument 2 is not valid text"_ba;
}

void TestCliFolders::argumentsThatAreNotTextAreRefused()
{
    QFETCH(QString, script);
    QFETCH(QByteArray, message);
    const CliRun r =
        m_cli->runShell(u"B=$(printf '\\377'); D='%1'; exec \"$0\" "_s.arg(m_dir->path()) + script);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY2(r.err.contains("nothing was done"), r.err.constData());
    // Nothing was made or asked for.
    const QStringList made = QDir(m_dir->path()).entryList({u"o*"_s}, QDir::Dirs);
    QVERIFY2(made.isEmpty(), qPrintable(made.join(u", "_s)));
}

void TestCliFolders::resumeFetchesWhatWentMissing()
{
    const QString out = m_dir->filePath(u"out"_s);
    // The server keeps the files (it was not told they may go), so they can come again.
    const CliRun exported = m_cli->run({u"export"_s, u"--base"_s, m_server->baseUrl().toString(),
                                        u"--keep-on-server"_s, u"--out"_s, out});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QString status = m_server->statusUrl(m_server->lastJobId()).toString();

    // A file deleted since: resume says so and fetches it again.
    QVERIFY(QFile::remove(out + u"/Patient.1.ndjson"_s));
    const CliRun again = m_cli->run({u"resume"_s, status, u"--out"_s, out, u"--json"_s});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY2(again.err.contains("Patient.1.ndjson is no longer in the folder; it is downloaded "
                                "again."),
             again.err.constData());
    const QJsonObject missing = again.event(u"file-missing"_s);
    QCOMPARE(missing.value("path"_L1).toString(), u"Patient.1.ndjson"_s);
    QCOMPARE(missing.value("reason"_L1).toString(), u"missing"_s);
    QCOMPARE(missing.value("downloadAgain"_L1).toBool(), true);
    QCOMPARE(again.event(u"file-saved"_s).value("path"_L1).toString(), u"Patient.1.ndjson"_s);
    QCOMPARE(fbm::test::readFile(out + u"/Patient.1.ndjson"_s), m_server->expectedContent(0));

    // A file changed since (a byte more): the same.
    QFile f(out + u"/Observation.1.ndjson"_s);
    QVERIFY(f.open(QIODevice::Append));
    f.write("\n");
    f.close();
    const CliRun changed = m_cli->run({u"resume"_s, status, u"--out"_s, out});
    QVERIFY2(changed.exitCode == 0, changed.err.constData());
    QVERIFY2(changed.err.contains("Observation.1.ndjson was changed since it was saved; it is "
                                  "downloaded again."),
             changed.err.constData());
    QCOMPARE(fbm::test::readFile(out + u"/Observation.1.ndjson"_s), m_server->expectedContent(1));

    // Nothing missing: nothing fetched.
    m_server->clearRequests();
    const CliRun unchanged = m_cli->run({u"resume"_s, status, u"--out"_s, out});
    QVERIFY2(unchanged.exitCode == 0, unchanged.err.constData());
    QVERIFY2(unchanged.err.contains("Done: 2 files saved"), unchanged.err.constData());
    QVERIFY(m_server->requests().isEmpty());
}

void TestCliFolders::resumeSaysWhatCannotComeBack()
{
    const QString out = m_dir->filePath(u"out"_s);
    const CliRun exported = m_cli->run({u"export"_s, u"--base"_s, m_server->baseUrl().toString(),
                                        u"--keep-on-server"_s, u"--out"_s, out});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QString jobId = m_server->lastJobId();
    // The server has let go of the export's files since, on its own.
    FileFault gone;
    gone.kind = FileFault::Kind::ServerError;
    gone.status = 410;
    gone.times = 1000;
    m_server->setFileFault(0, gone);
    QVERIFY(QFile::remove(out + u"/Patient.1.ndjson"_s));
    const CliRun r =
        m_cli->run({u"resume"_s, m_server->statusUrl(jobId).toString(), u"--out"_s, out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Patient.1.ndjson is no longer in the folder; it is downloaded again."),
             r.err.constData());
    QVERIFY2(r.err.contains("Patient.1.ndjson: The server no longer has this file"),
             r.err.constData());
    QVERIFY2(!r.err.contains("Done:"), r.err.constData());
}

void TestCliFolders::resumeAfterTheServerWasToldTheFilesMayGo()
{
    // By default the server is told, once every file is saved, that it may remove them: a
    // file lost since cannot come from it, and nothing is asked of it.
    const QString out = m_dir->filePath(u"released"_s);
    const CliRun exported = m_cli->run(
        {u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--json"_s, u"--out"_s, out});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QCOMPARE(exported.event(u"done"_s).value("removedFromServer"_L1).toBool(), true);
    QVERIFY2(exported.err.contains("The server was told that it may remove the files."),
             exported.err.constData());
    const QString jobId = m_server->lastJobId();
    QVERIFY(QFile::remove(out + u"/Patient.1.ndjson"_s));
    m_server->clearRequests();
    const CliRun r =
        m_cli->run({u"resume"_s, m_server->statusUrl(jobId).toString(), u"--out"_s, out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the server no longer has the export: a new export is needed"),
             r.err.constData());
    QVERIFY(m_server->requests().isEmpty());

    // --keep-on-server: no DELETE at all.
    m_server->clearRequests();
    const CliRun kept =
        m_cli->run({u"export"_s, u"--base"_s, m_server->baseUrl().toString(), u"--json"_s,
                    u"--keep-on-server"_s, u"--out"_s, m_dir->filePath(u"kept"_s)});
    QVERIFY2(kept.exitCode == 0, kept.err.constData());
    QCOMPARE(kept.event(u"done"_s).value("removedFromServer"_L1).toBool(true), false);
    for (const auto &req : m_server->requests())
        QVERIFY(req.method != "DELETE");
}

QTEST_GUILESS_MAIN(TestCliFolders)
#include "tst_cli_folders.moc"
