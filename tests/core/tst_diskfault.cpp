// The destination disk: full, or read-only. A clear error, the .part kept, and Retry succeeds
// once space is back. Uses a small tmpfs when this process may mount one (root, as in CI);
// otherwise the tests are skipped with the reason.
#include "exportfixture.h"
#include "servedfiles.h"
#include "testutil.h"

#include <QDir>
#include <QProcess>
#include <QStorageInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
using fbm::test::FaultyBulkServer;
namespace served = fbm::test::served;

namespace {

bool run(const QStringList &args)
{
    QProcess p;
    p.start(args.first(), args.mid(1));
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/// A tmpfs of the given size at path; unmounted on destruction.
class SmallDisk
{
public:
    SmallDisk(const QString &path, const QString &size)
        : m_path(path)
    {
        QDir().mkpath(path);
        m_mounted =
            run({u"mount"_s, u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size="_s + size, u"tmpfs"_s, path});
    }
    ~SmallDisk()
    {
        if (m_mounted)
            run({u"umount"_s, u"-l"_s, m_path});
    }
    [[nodiscard]] bool mounted() const { return m_mounted; }
    bool remount(const QString &options)
    {
        return run({u"mount"_s, u"-o"_s, u"remount,"_s + options, m_path});
    }

private:
    QString m_path;
    bool m_mounted = false;
};

} // namespace

class TestDiskFault final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullDiskKeepsPartAndRetryWorks();
    void fullDiskWhileCompressingKeepsThePart();
    void readOnlyDestination();
};

void TestDiskFault::fullDiskKeepsPartAndRetryWorks()
{
    ExportFixture fx;
    SmallDisk disk(fx.outDir(), u"1m"_s);
    if (!disk.mounted())
        QSKIP("cannot mount a tmpfs here (needs root); the full-disk case is not exercised");
    // A few MB: more than the disk holds.
    fx.server.setFiles({served::generated(u"Observation"_s, 30000)});
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const ExportFile &f = fx.job(id).files.at(0);
    QCOMPARE(f.state, FileState::Failed);
    QVERIFY2(f.error.contains(u"No space left on device"_s) || f.error.contains(u"Cannot write"_s),
             qPrintable(f.error));
    QVERIFY2(f.error.contains(u"free some space"_s), qPrintable(f.error));
    const QString part = QDir(fx.outDir()).filePath(u"Observation.1.ndjson.part"_s);
    QVERIFY(QFile::exists(part));
    const qint64 kept = QFileInfo(part).size();
    QVERIFY(kept > 0);
    // Space comes back: Retry continues the .part and the file is complete and exact.
    QVERIFY(disk.remount(u"size=64m"_s));
    fx.server.clearRequests();
    fx.manager->retry(id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.saved(u"Observation.1.ndjson"_s), fx.server.expectedContent(0));
    const auto requests = fx.server.requests();
    QVERIFY(std::any_of(requests.begin(), requests.end(), [](const FaultyBulkServer::Recorded &r) {
        return r.header("Range").startsWith("bytes=") && r.header("Range") != "bytes=0-";
    }));
}

void TestDiskFault::fullDiskWhileCompressingKeepsThePart()
{
    // --gzip: the download fits, its compressed copy does not. The verified plain .part is
    // kept whole, the partial .gz.part goes, and Retry compresses it without fetching it again.
    ExportFixture fx;
    SmallDisk disk(fx.outDir(), u"16m"_s);
    if (!disk.mounted())
        QSKIP("cannot mount a tmpfs here (needs root); the full-disk case is not exercised");
    fx.server.setFiles({served::generated(u"Observation"_s, 20000)});
    JobOptions o = fx.options(false);
    o.gzip = true;
    o.keepOnServer = true;
    const QString id = fx.manager->startExport(fx.request(), o).value();
    QVERIFY(fx.waitForState(id, JobState::Completed));
    const QByteArray content = fx.server.expectedContent(0);
    // Room for the download and the log's rows, not for the compressed copy as well.
    const QString filler = QDir(fx.outDir()).filePath(u"filler"_s);
    {
        QFile f(filler);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const qint64 free = QStorageInfo(fx.outDir()).bytesFree();
        QVERIFY(free > content.size() + (64 << 10));
        QVERIFY(f.resize(free - content.size() - (32 << 10)));
        const QByteArray block(1 << 20, 'x');
        for (qint64 left = f.size(); left > 0; left -= block.size())
            QVERIFY(f.write(block.constData(), qMin<qint64>(left, block.size())) > 0);
    }
    fx.manager->startDownload(id);
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const ExportFile &f = fx.job(id).files.at(0);
    QCOMPARE(f.state, FileState::Failed);
    QVERIFY2(f.error.contains(u"No space left on device"_s) && f.error.contains(u".gz.part"_s) &&
                 f.error.contains(u"free some space"_s),
             qPrintable(f.error));
    QCOMPARE(fx.saved(u"Observation.1.ndjson.part"_s), content);
    QVERIFY(!QFile::exists(QDir(fx.outDir()).filePath(u"Observation.1.ndjson.gz.part"_s)));
    QVERIFY(!QFile::exists(QDir(fx.outDir()).filePath(u"Observation.1.ndjson.gz"_s)));
    // Space comes back.
    QVERIFY(QFile::remove(filler));
    fx.server.clearRequests();
    fx.manager->retry(id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QVERIFY(!QFile::exists(QDir(fx.outDir()).filePath(u"Observation.1.ndjson.part"_s)));
    QProcess gunzip;
    gunzip.start(u"gzip"_s, {u"-dc"_s, QDir(fx.outDir()).filePath(u"Observation.1.ndjson.gz"_s)});
    QVERIFY(gunzip.waitForFinished(30000));
    QVERIFY(gunzip.readAllStandardOutput() == content);
    for (const auto &r : fx.server.requests()) {
        if (r.path.contains("/files/"_L1))
            QVERIFY(r.header("Range") == "bytes=" + QByteArray::number(content.size()) + '-');
    }
}

void TestDiskFault::readOnlyDestination()
{
    ExportFixture fx;
    SmallDisk disk(fx.outDir(), u"8m"_s);
    if (!disk.mounted())
        QSKIP("cannot mount a tmpfs here (needs root); the read-only case is not exercised");
    QVERIFY(disk.remount(u"ro"_s));
    const ServedFile small = served::ndjson(u"Patient"_s, "{\"resourceType\":\"Patient\"}\n");
    fx.server.setFiles({small});
    // Read-only from the start: refused before anything is asked of the server.
    const Result<QString> refused = fx.manager->startExport(fx.request(), fx.options());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"Read-only file system"_s),
             qPrintable(refused.error().message));
    QVERIFY(fx.server.lastJobId().isEmpty());
    // Read-only by the time the files come.
    QVERIFY(disk.remount(u"rw"_s));
    const QString id = fx.manager->startExport(fx.request(), fx.options(false)).value();
    QVERIFY(fx.waitForState(id, JobState::Completed));
    QVERIFY(disk.remount(u"ro"_s));
    fx.manager->startDownload(id);
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const ExportFile &f = fx.job(id).files.at(0);
    QVERIFY2(f.error.contains(u"Read-only file system"_s) || f.error.contains(u"Cannot"_s),
             qPrintable(f.error));
    QVERIFY(disk.remount(u"rw"_s));
    fx.manager->retry(id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.saved(u"Patient.1.ndjson"_s), small.content);
}

QTEST_GUILESS_MAIN(TestDiskFault)
#include "tst_diskfault.moc"
