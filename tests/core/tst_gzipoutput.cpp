// Compressed outputs (--gzip, the profile's "Store the files compressed"): every file of the
// manifest is saved as <Type>.<n>.ndjson.gz whose content is exactly what the server sent, its
// lines counted against the manifest before it is compressed; nothing plain or partial is left;
// a restart keeps the .gz files saved and resumes the .part of the others; a .gz that cannot be
// written is a file error that keeps the verified .part for Retry.
#include "exportfixture.h"
#include "issuereader.h"
#include "servedfiles.h"
#include "testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
using fbm::test::FaultyBulkServer;
using fbm::test::FileFault;
namespace served = fbm::test::served;

namespace {

/// What `gzip -dc` makes of \a path (the standard tool, not this program's reader); *ok false
/// when it is not a valid gzip file.
QByteArray gunzip(const QString &path, bool *ok)
{
    QProcess p;
    p.start(u"gzip"_s, {u"-dc"_s, path});
    *ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return p.readAllStandardOutput();
}

JobOptions gzipOptions(const ExportFixture &fx, bool keepOnServer = false)
{
    JobOptions o = fx.options();
    o.gzip = true;
    o.keepOnServer = keepOnServer;
    return o;
}

/// Every file of the job is a .gz holding exactly the served bytes, with the manifest's count;
/// no plain .ndjson, no .part anywhere in the folder. Empty when all is well.
QString compareCompressed(const ExportFixture &fx, const QString &id)
{
    const ExportJob &j = fx.job(id);
    if (j.files.size() != fx.server.files().size())
        return u"file count %1 != served %2"_s.arg(j.files.size()).arg(fx.server.files().size());
    for (int i = 0; i < j.files.size(); ++i) {
        const ExportFile &f = j.files.at(i);
        if (f.state != FileState::Saved)
            return u"%1 not saved: %2"_s.arg(f.relativePath, f.error);
        if (!f.relativePath.endsWith(".ndjson.gz"_L1))
            return u"%1 is not named .ndjson.gz"_s.arg(f.relativePath);
        const QString path = QDir(fx.outDir()).filePath(f.relativePath);
        bool ok = false;
        const QByteArray plain = gunzip(path, &ok);
        if (!ok)
            return u"%1 is not a valid gzip file"_s.arg(f.relativePath);
        if (plain != fx.server.expectedContent(i))
            return u"%1 decompresses to other bytes (%2 bytes)"_s.arg(f.relativePath)
                .arg(plain.size());
        if (f.lines != fx.server.lineCount(i) || (f.expectedCount && *f.expectedCount != f.lines))
            return u"%1 has %2 lines, server %3"_s.arg(f.relativePath)
                .arg(f.lines)
                .arg(fx.server.lineCount(i));
        if (f.bytes != QFileInfo(path).size())
            return u"%1: %2 bytes recorded, %3 on the disk"_s.arg(f.relativePath)
                .arg(f.bytes)
                .arg(QFileInfo(path).size());
    }
    QDirIterator it(fx.outDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = it.next();
        if (name.endsWith(".part"_L1) || name.endsWith(".ndjson.gz.part"_L1))
            return name + u" left behind"_s;
        if (name.endsWith(".ndjson"_L1) && !name.endsWith("/log.ndjson"_L1))
            return name + u" left plain"_s;
    }
    return {};
}

ino_t inodeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : ino_t(0);
}

} // namespace

class TestGzipOutput final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outputsDecompressToTheServedBytes();
    void withoutGzipTheLayoutIsPlain();
    void restartKeepsGzFilesAndResumesParts();
    void changedGzFileIsFetchedAgain();
    void gzRenamedBeforeItWasRecordedIsKept();
    void unwritableGzKeepsThePlainPart();
    void errorFilesReadCompressed();
};

void TestGzipOutput::outputsDecompressToTheServedBytes()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    const QString id = fx.manager->startExport(fx.request(), gzipOptions(fx)).value();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QString diff = compareCompressed(fx, id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const ExportJob &j = fx.job(id);
    QCOMPARE(j.files.at(0).relativePath, u"Patient.1.ndjson.gz"_s);
    QCOMPARE(j.files.at(3).relativePath, u"errors/OperationOutcome.1.ndjson.gz"_s);
    QCOMPARE(j.files.at(4).relativePath, u"deleted/Bundle.1.ndjson.gz"_s);
    // 500 generated Observations: far smaller compressed.
    QVERIFY2(j.files.at(1).bytes * 5 < fx.server.expectedContent(1).size(),
             qPrintable(QString::number(j.files.at(1).bytes)));
    // The manifest stays plain JSON, as the server sent it.
    QJsonParseError pe{};
    QJsonDocument::fromJson(fx.saved(u"manifest.json"_s), &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    // The choice is stored with the job.
    fx.store->flush();
    const std::optional<ExportJob> stored = fx.store->load(id);
    QVERIFY(stored);
    QVERIFY(stored->gzip);
    QCOMPARE(stored->files.at(1).relativePath, u"Observation.1.ndjson.gz"_s);
}

void TestGzipOutput::withoutGzipTheLayoutIsPlain()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.compareAllFiles(id), QString());
    QVERIFY(!fx.job(id).gzip);
    QCOMPARE(fx.job(id).files.at(0).relativePath, u"Patient.1.ndjson"_s);
    QDirIterator it(fx.outDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = it.next();
        QVERIFY2(!name.endsWith(".gz"_L1), qPrintable(name));
    }
}

void TestGzipOutput::restartKeepsGzFilesAndResumesParts()
{
    ExportFixture fx;
    QList<ServedFile> files = served::mixedExport();
    files[1].generatedLines = 40000;
    fx.server.setFiles(files);
    FileFault slow;
    slow.kind = FileFault::Kind::Slow;
    slow.bytesPerSecond = 1024 * 1024;
    fx.server.setFileFault(1, slow);
    fx.manager->setMaxParallelDownloads(1);
    const QString id = fx.manager->startExport(fx.request(), gzipOptions(fx, true)).value();
    // The first file saved (compressed), the second one in its middle.
    QTRY_VERIFY_WITH_TIMEOUT(fx.manager->job(id)->files.value(1).bytes > 100000, 15000);
    QCOMPARE(fx.job(id).files.at(0).state, FileState::Saved);
    const QString first = QDir(fx.outDir()).filePath(u"Patient.1.ndjson.gz"_s);
    QVERIFY(QFile::exists(first));
    const ino_t firstInode = inodeOf(first);
    fx.restartManager();
    // Downloaded plain, compressed only once complete: the part has the plain name.
    QVERIFY(QFile::exists(QDir(fx.outDir()).filePath(u"Observation.1.ndjson.part"_s)));
    QVERIFY(!QFile::exists(QDir(fx.outDir()).filePath(u"Observation.1.ndjson.gz"_s)));
    fx.server.setFileFault(1, FileFault());
    fx.server.clearRequests();
    fx.manager->restore();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(inodeOf(first), firstInode); // kept, not fetched or compressed again
    const auto requests = fx.server.requests();
    QVERIFY(std::none_of(requests.begin(), requests.end(), [](const FaultyBulkServer::Recorded &r) {
        return r.path.endsWith("/0.ndjson"_L1) && r.path.contains("/files/"_L1);
    }));
    QVERIFY(std::any_of(requests.begin(), requests.end(), [](const FaultyBulkServer::Recorded &r) {
        return r.header("Range").startsWith("bytes=") && r.header("Range") != "bytes=0-";
    }));
    const QString diff = compareCompressed(fx, id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestGzipOutput::changedGzFileIsFetchedAgain()
{
    // The re-check of saved files (resume, reboot) works on the .gz: its size and time.
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    const QString id = fx.manager->startExport(fx.request(), gzipOptions(fx, true)).value();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QString gz = QDir(fx.outDir()).filePath(u"Observation.1.ndjson.gz"_s);
    QFile damaged(gz);
    QVERIFY(damaged.open(QIODevice::ReadWrite));
    QVERIFY(damaged.resize(damaged.size() / 2));
    damaged.close();
    const ExportJob &j = fx.job(id);
    JobOptions o = gzipOptions(fx, true);
    const Result<QString> again = fx.manager->resumeExport(j.statusUrl, j.request.base, o);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QString diff = compareCompressed(fx, id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestGzipOutput::gzRenamedBeforeItWasRecordedIsKept()
{
    // A crash after the .gz got its name but before the job recorded it: the restart counts the
    // lines the .gz holds and keeps it; a .gz that does not read to its end is fetched again.
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    const QString id = fx.manager->startExport(fx.request(), gzipOptions(fx, true)).value();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    fx.restartManager();
    fx.store->flush();
    std::optional<ExportJob> j = fx.store->load(id);
    QVERIFY(j);
    j->state = JobState::Downloading;
    for (int i : {1, 2}) {
        j->files[i].state = FileState::Pending;
        j->files[i].lines = 0;
    }
    fx.store->saveLater(*j);
    fx.store->flush();
    const QString whole = QDir(fx.outDir()).filePath(j->files[1].relativePath);
    const QString cut = QDir(fx.outDir()).filePath(j->files[2].relativePath);
    {
        // Its last bytes lost (as by a power cut), its time kept.
        QFile f(cut);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QDateTime time = f.fileTime(QFileDevice::FileModificationTime);
        QVERIFY(f.resize(f.size() - 6));
        QVERIFY(f.setFileTime(time, QFileDevice::FileModificationTime));
    }
    const ino_t wholeBefore = inodeOf(whole);
    const ino_t cutBefore = inodeOf(cut);
    fx.server.clearRequests();
    fx.manager->restore();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(inodeOf(whole), wholeBefore); // kept: 500 lines, as the manifest says
    QVERIFY(inodeOf(cut) != cutBefore);    // fetched and compressed again
    QCOMPARE(fx.job(id).files.at(1).lines, 500);
    const QString diff = compareCompressed(fx, id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestGzipOutput::unwritableGzKeepsThePlainPart()
{
    ExportFixture fx;
    fx.server.setFiles({served::generated(u"Observation"_s, 3000)});
    const QString id = fx.manager
                           ->startExport(fx.request(),
                                         [&] {
                                             JobOptions o = gzipOptions(fx, true);
                                             o.autoDownload = false;
                                             return o;
                                         }())
                           .value();
    QVERIFY(fx.waitForState(id, JobState::Completed));
    // Something in the way of the compressed copy: it cannot be written (as on a full disk).
    const QString blocker = QDir(fx.outDir()).filePath(u"Observation.1.ndjson.gz.part"_s);
    QVERIFY(QDir().mkpath(blocker));
    fx.manager->startDownload(id);
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(fx.job(id).state, JobState::Failed);
    const ExportFile &f = fx.job(id).files.at(0);
    QCOMPARE(f.state, FileState::Failed);
    QVERIFY2(f.error.contains(u"Cannot write"_s) && f.error.contains(u".ndjson.gz.part"_s) &&
                 f.error.contains(u"free some space"_s),
             qPrintable(f.error));
    // The verified download is kept, whole.
    const QString part = QDir(fx.outDir()).filePath(u"Observation.1.ndjson.part"_s);
    QCOMPARE(fx.saved(u"Observation.1.ndjson.part"_s), fx.server.expectedContent(0));
    QVERIFY(!QFile::exists(QDir(fx.outDir()).filePath(u"Observation.1.ndjson.gz"_s)));
    QVERIFY(QFileInfo::exists(part));
    // Out of the way: Retry finishes it without downloading it all again.
    QVERIFY(QDir(blocker).removeRecursively());
    fx.server.clearRequests();
    fx.manager->retry(id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QString diff = compareCompressed(fx, id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    for (const auto &r : fx.server.requests()) {
        if (r.path.contains("/files/"_L1))
            QVERIFY2(r.header("Range").startsWith("bytes=") && r.header("Range") != "bytes=0-",
                     r.header("Range").constData());
    }
}

void TestGzipOutput::errorFilesReadCompressed()
{
    // The issues of an export saved compressed read from errors/*.ndjson.gz.
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    const QString id = fx.manager->startExport(fx.request(), gzipOptions(fx)).value();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QList<JobIssue> issues =
        IssueReader::read(fx.outDir(), {u"errors/OperationOutcome.1.ndjson.gz"_s});
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().severity, u"warning"_s);
    QCOMPARE(issues.first().where, u"errors/OperationOutcome.1.ndjson.gz"_s);
}

QTEST_GUILESS_MAIN(TestGzipOutput)
#include "tst_gzipoutput.moc"
