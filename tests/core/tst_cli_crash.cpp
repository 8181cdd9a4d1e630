// Crash safety: the command line is killed with SIGKILL at random moments of an export (kick-off,
// polling, downloads, renames) at least 50 times; every restart resumes, and each export ends with
// exactly the files an uninterrupted run gives. The job store is never left damaged.
#include "cliprocess.h"
#include "faultybulkserver.h"
#include "jobstore.h"
#include "servedfiles.h"
#include "testutil.h"
#include "waitfor.h"

#include <QDir>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace fbm::demo;
using fbm::test::CliProcess;
using fbm::test::CliRun;
using fbm::test::FaultyBulkServer;
using fbm::test::FileFault;
namespace served = fbm::test::served;

class TestCliCrash final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedFiftyTimesStillExact();
};

void TestCliCrash::killedFiftyTimesStillExact()
{
    QTemporaryDir dir;
    FaultyBulkServer server;
    QVERIFY(server.listen());
    Script script;
    script.pollsBeforeDone = 3;
    server.setScript(script);
    QList<ServedFile> files;
    for (const QString &type : {u"Patient"_s, u"Observation"_s, u"Observation"_s, u"Encounter"_s})
        files.append(served::generated(type, 25000));
    files.append(served::errors());
    server.setFiles(files);
    for (int i = 0; i < 4; ++i) {
        FileFault slow;
        slow.kind = FileFault::Kind::Slow;
        slow.bytesPerSecond = 12 * 1024 * 1024;
        server.setFileFault(i, slow);
    }
    const QStringList names = {u"Patient.1.ndjson"_s, u"Observation.1.ndjson"_s,
                               u"Observation.2.ndjson"_s, u"Encounter.1.ndjson"_s,
                               u"errors/OperationOutcome.1.ndjson"_s};

    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("random seed %u", seed);
    QRandomGenerator random(seed);
    CliProcess cli(dir.path());
    QProcessEnvironment slowerPolls;
    slowerPolls.insert(u"FBM_MIN_POLL_MS"_s, u"40"_s);

    int kills = 0;
    int exports = 0;
    while (kills < 50) {
        ++exports;
        QVERIFY2(exports < 60, "too many rounds without reaching 50 kills");
        const QString out = dir.filePath(u"out%1"_s.arg(exports));
        QString statusUrl;
        int runs = 0;
        for (;;) {
            QVERIFY2(++runs < 100, "an export never completed");
            const QStringList args =
                statusUrl.isEmpty()
                    ? QStringList{u"export"_s, u"--base"_s, server.baseUrl().toString(),
                                  u"--out"_s,  out,         u"--json"_s}
                    : QStringList{u"resume"_s, statusUrl, u"--out"_s, out, u"--json"_s};
            QProcess *p = cli.start(args, slowerPolls);
            QVERIFY(p->waitForStarted());
            // Killed at a random moment of its run, unless it has ended by then.
            const int killAfter = int(random.bounded(900));
            (void)fbm::test::waitFor([p] { return p->state() == QProcess::NotRunning; }, killAfter);
            bool killed = false;
            if (p->state() != QProcess::NotRunning && kills < 50) {
                ::kill(pid_t(p->processId()), SIGKILL);
                killed = true;
                ++kills;
            }
            const CliRun run = CliProcess::finish(p);
            if (const QJsonObject kickedOff = run.event(u"kicked-off"_s); !kickedOff.isEmpty())
                statusUrl = kickedOff.value("statusUrl"_L1).toString();
            if (killed)
                continue;
            QVERIFY2(run.exitCode == 0, run.err.constData());
            break;
        }
        for (int i = 0; i < names.size(); ++i) {
            const QByteArray got = fbm::test::readFile(QDir(out).filePath(names.at(i)));
            QVERIFY2(got == server.expectedContent(i),
                     qPrintable(u"export %1: %2 differs (%3 of %4 bytes)"_s.arg(exports)
                                    .arg(names.at(i))
                                    .arg(got.size())
                                    .arg(server.expectedSize(i))));
        }
        QVERIFY(QDir(out).entryList({u"*.part"_s}, QDir::Files).isEmpty());
        QVERIFY(QFile::exists(QDir(out).filePath(u"manifest.json"_s)));
    }
    qInfo("%d kills over %d exports", kills, exports);
    fbm::JobStore store(dir.filePath(u"data/FHIR Bulk Monitor/fhir-bulk-monitor/cli-jobs"_s));
    const fbm::JobStore::Loaded loaded = store.loadAll();
    QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.join(u'\n')));
    QVERIFY(!loaded.jobs.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliCrash)
#include "tst_cli_crash.moc"
