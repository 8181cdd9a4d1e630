// File links that stop working after the manifest came (issue 21, point 4): the status URL is
// asked once more for fresh links, and when it is gone too the job ends Expired, what was
// saved kept. The matching of a fresh manifest's files and the waves as pure logic, then the
// engine against the simulated server.
#include "expiredlinks.h"
#include "exportfixture.h"
#include "servedfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
using fbm::test::FileFault;
namespace served = fbm::test::served;

Q_DECLARE_METATYPE(fbm::demo::Flavor)

namespace {

ExportFile file(FileKind kind, const QString &type, const QString &url, const QString &path)
{
    ExportFile f;
    f.kind = kind;
    f.type = type;
    f.url = QUrl(url);
    f.relativePath = path;
    return f;
}

ExportFile output(const QString &type, int n, const QString &url)
{
    return file(FileKind::Output, type, url, type + u'.' + QString::number(n) + u".ndjson"_s);
}

/// The eventIds of the export folder's log.ndjson, and the details of its download_error rows.
struct Log
{
    QStringList ids;
    QList<QJsonObject> downloadErrors;
};

Log readLog(const QString &folder)
{
    Log log;
    QFile f(QDir(folder).filePath(u"log.ndjson"_s));
    if (!f.open(QIODevice::ReadOnly))
        return log;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        log.ids.append(row.value("eventId"_L1).toString());
        if (log.ids.last() == "download_error"_L1)
            log.downloadErrors.append(row.value("eventDetail"_L1).toObject());
    }
    return log;
}

/// The link number a test server's file URL carries (0: none).
int linkNumber(const QUrl &url)
{
    const QUrlQuery q(url);
    return q.hasQueryItem(u"link"_s) ? q.queryItemValue(u"link"_s).toInt()
                                     : q.queryItemValue(u"X-Fbm-Link"_s).toInt();
}

/// A file that answers \a status to every request.
FileFault answering(int status)
{
    FileFault f;
    f.kind = FileFault::Kind::ServerError;
    f.status = status;
    f.times = 1000;
    return f;
}

} // namespace

class TestExpiredLinks final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expiryStatuses();
    void matchFreshManifest_data();
    void matchFreshManifest();
    void oneStatusRequestPerWave();

    void expiredLinksAreRenewed_data();
    void expiredLinksAreRenewed();
    void goneStatusUrlEndsTheJobExpired();
    void fileMissingFromTheFreshManifestIsLost();
    void sameLinkAgainFailsAsBefore();
};

void TestExpiredLinks::expiryStatuses()
{
    for (int status : {401, 403, 404, 410})
        QVERIFY2(ExpiredLinks::isExpiry(status), qPrintable(QString::number(status)));
    for (int status : {0, 200, 400, 408, 416, 429, 500, 503})
        QVERIFY2(!ExpiredLinks::isExpiry(status), qPrintable(QString::number(status)));
}

void TestExpiredLinks::matchFreshManifest_data()
{
    QTest::addColumn<QList<ExportFile>>("current");
    QTest::addColumn<QList<ExportFile>>("fresh");
    QTest::addColumn<QList<int>>("expected");

    const QString s3 = u"https://bucket.s3.example/job/"_s;
    const QList<ExportFile> signedOnce{output(u"Patient"_s, 1, s3 + u"p1?X-Amz-Signature=a"_s),
                                       output(u"Observation"_s, 1, s3 + u"o1?X-Amz-Signature=a"_s),
                                       output(u"Observation"_s, 2, s3 + u"o2?X-Amz-Signature=a"_s)};
    QTest::newRow("signed anew")
        << signedOnce
        << QList<ExportFile>{output(u"Patient"_s, 1, s3 + u"p1?X-Amz-Signature=b"_s),
                             output(u"Observation"_s, 1, s3 + u"o1?X-Amz-Signature=b"_s),
                             output(u"Observation"_s, 2, s3 + u"o2?X-Amz-Signature=b"_s)}
        << QList<int>{0, 1, 2};
    // The same objects listed in another order: the address says which is which, not the
    // position (which would swap the two Observation files).
    QTest::newRow("reordered")
        << signedOnce
        << QList<ExportFile>{output(u"Observation"_s, 1, s3 + u"o2?X-Amz-Signature=b"_s),
                             output(u"Patient"_s, 1, s3 + u"p1?X-Amz-Signature=b"_s),
                             output(u"Observation"_s, 2, s3 + u"o1?X-Amz-Signature=b"_s)}
        << QList<int>{1, 2, 0};
    // Every link a new address: the n-th file of its type.
    QTest::newRow("new addresses")
        << QList<ExportFile>{output(u"Patient"_s, 1, u"https://fhir.example/Binary/1"_s),
                             output(u"Observation"_s, 1, u"https://fhir.example/Binary/2"_s),
                             output(u"Observation"_s, 2, u"https://fhir.example/Binary/3"_s)}
        << QList<ExportFile>{output(u"Observation"_s, 1, u"https://fhir.example/Binary/8"_s),
                             output(u"Observation"_s, 2, u"https://fhir.example/Binary/9"_s),
                             output(u"Patient"_s, 1, u"https://fhir.example/Binary/7"_s)}
        << QList<int>{2, 0, 1};
    QTest::newRow("a file no longer listed")
        << signedOnce
        << QList<ExportFile>{output(u"Patient"_s, 1, s3 + u"p1?X-Amz-Signature=b"_s),
                             output(u"Observation"_s, 1, s3 + u"o1?X-Amz-Signature=b"_s)}
        << QList<int>{0, 1, -1};
    QTest::newRow("nothing listed") << signedOnce << QList<ExportFile>{} << QList<int>{-1, -1, -1};
    ExportFile unusable = output(u"Patient"_s, 1, u"ftp://fhir.example/p1"_s);
    unusable.state = FileState::Failed;
    QTest::newRow("an entry that cannot be fetched")
        << QList<ExportFile>{output(u"Patient"_s, 1, u"https://fhir.example/p1?s=1"_s)}
        << QList<ExportFile>{unusable} << QList<int>{-1};
    // An error file and an output file of one address are told apart by their kind.
    QTest::newRow("kinds apart")
        << QList<ExportFile>{output(u"Patient"_s, 1, u"https://fhir.example/f?s=1"_s),
                             file(FileKind::Error, u"OperationOutcome"_s,
                                  u"https://fhir.example/e?s=1"_s,
                                  u"errors/OperationOutcome.1.ndjson"_s)}
        << QList<ExportFile>{file(FileKind::Error, u"OperationOutcome"_s,
                                  u"https://fhir.example/e?s=2"_s,
                                  u"errors/OperationOutcome.1.ndjson"_s),
                             output(u"Patient"_s, 1, u"https://fhir.example/f?s=2"_s)}
        << QList<int>{1, 0};
}

void TestExpiredLinks::matchFreshManifest()
{
    QFETCH(QList<ExportFile>, current);
    QFETCH(QList<ExportFile>, fresh);
    QFETCH(QList<int>, expected);
    QCOMPARE(ExpiredLinks::match(current, fresh), expected);
}

void TestExpiredLinks::oneStatusRequestPerWave()
{
    using Verdict = ExpiredLinks::Verdict;
    const QUrl oldA(u"https://s.example/a?sig=1"_s);
    const QUrl oldB(u"https://s.example/b?sig=1"_s);
    const QUrl newA(u"https://s.example/a?sig=2"_s);
    ExpiredLinks links;
    QCOMPARE(links.expired(u"j"_s, {0, oldA, 410, {}}, oldA), Verdict::Refresh);
    QCOMPARE(links.expired(u"j"_s, {1, oldB, 403, {}}, oldB), Verdict::Wait);
    QCOMPARE(links.expired(u"j"_s, {1, oldB, 403, {}}, oldB), Verdict::Wait); // once in the wave
    QCOMPARE(links.expired(u"other"_s, {0, oldA, 410, {}}, oldA), Verdict::Refresh);
    const QList<ExpiredLinks::Waiting> wave = links.endWave(u"j"_s);
    QCOMPARE(wave.size(), 2);
    QCOMPARE(wave.at(0).index, 0);
    QCOMPARE(wave.at(1).httpStatus, 403);
    QVERIFY(links.endWave(u"j"_s).isEmpty());
    // Renewed while a download still used the old link: that one is tried at once.
    QCOMPARE(links.expired(u"j"_s, {2, oldA, 410, {}}, newA), Verdict::TryAgain);
    // A link renewed for the file that expired: no second wave for it.
    links.renewed(u"j"_s, 0);
    QCOMPARE(links.expired(u"j"_s, {0, newA, 410, {}}, newA), Verdict::Fail);
    links.forget(u"j"_s, 0); // tried again by hand
    QCOMPARE(links.expired(u"j"_s, {0, newA, 410, {}}, newA), Verdict::Refresh);
    (void)links.endWave(u"j"_s);
    links.markGone(u"j"_s);
    QCOMPARE(links.expired(u"j"_s, {1, oldB, 404, {}}, oldB), Verdict::Lost);
    links.forgetJob(u"j"_s);
    QCOMPARE(links.expired(u"j"_s, {1, oldB, 404, {}}, oldB), Verdict::Refresh);
}

void TestExpiredLinks::expiredLinksAreRenewed_data()
{
    QTest::addColumn<Flavor>("flavor");
    QTest::addColumn<bool>("onStorage");
    QTest::addColumn<int>("expiredStatus");
    QTest::newRow("standard: 410 on the FHIR server") << Flavor::Standard << false << 410;
    QTest::newRow("pre-signed storage: 403") << Flavor::Standard << true << 403;
    QTest::newRow("oracle: 410 before the redirect") << Flavor::Oracle << false << 410;
    QTest::newRow("hapi Binary: 410") << Flavor::Hapi << false << 410;
}

void TestExpiredLinks::expiredLinksAreRenewed()
{
    QFETCH(Flavor, flavor);
    QFETCH(bool, onStorage);
    QFETCH(int, expiredStatus);
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    Script s;
    s.flavor = flavor;
    s.pollsBeforeDone = 0;
    s.filesOnOtherOrigin = onStorage;
    s.expiredLinkManifests = 1; // the manifest's links have expired by the time they are used
    fx.server.setScript(s);
    // Every file at once: they all answer before the fresh links are in.
    fx.manager->setMaxParallelDownloads(10);
    const QString id = fx.start();
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(fx.job(id).state, JobState::Saved);
    const QString diff = fx.compareAllFiles(id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // One status request for the manifest, one for every file's fresh link.
    QCOMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, 2);
    for (const ExportFile &f : fx.job(id).files)
        QCOMPARE(linkNumber(f.url), 2);
    const Log log = readLog(fx.outDir());
    QCOMPARE(log.downloadErrors.size(), fx.job(id).files.size());
    for (const QJsonObject &e : log.downloadErrors)
        QCOMPARE(e.value("code"_L1).toInt(), expiredStatus);
    QCOMPARE(log.ids.count(u"download_request"_s), 2 * fx.job(id).files.size());
    QCOMPARE(log.ids.count(u"download_complete"_s), fx.job(id).files.size());
    QCOMPARE(log.ids.last(), u"export_complete"_s);
}

void TestExpiredLinks::goneStatusUrlEndsTheJobExpired()
{
    ExportFixture fx;
    fx.server.setFiles({served::ndjson(u"Patient"_s, served::twoPatients()),
                        served::generated(u"Observation"_s, 20),
                        served::generated(u"Observation"_s, 30)});
    Script s;
    s.pollsBeforeDone = 0;
    s.statusGoneAfterManifests = 1; // the server removed the export after its manifest
    fx.server.setScript(s);
    fx.server.setFileFault(1, answering(410));
    fx.server.setFileFault(2, answering(410));
    const QString id = fx.start();
    QVERIFY(fx.runToEnd(id));
    const ExportJob &j = fx.job(id);
    QCOMPARE(j.state, JobState::Expired);
    QCOMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, 2); // one wave, one request

    // What was saved stays.
    QCOMPARE(j.files.at(0).state, FileState::Saved);
    QCOMPARE(fx.saved(u"Patient.1.ndjson"_s), fx.server.expectedContent(0));
    QVERIFY(QFile::exists(QDir(fx.outDir()).filePath(u"manifest.json"_s)));
    for (int i : {1, 2}) {
        QCOMPARE(j.files.at(i).state, FileState::Failed);
        QVERIFY(j.files.at(i).gone);
        QVERIFY(!j.files.at(i).error.isEmpty());
    }
    // (Without the English plurals loaded, "%n file(s)" reads "2 file(s)".)
    QVERIFY2(j.lastError.startsWith(u"2 file"_s), qPrintable(j.lastError));
    QVERIFY2(j.lastError.contains(u" could not be fetched before the server removed them: "_s),
             qPrintable(j.lastError));
    QVERIFY2(j.lastError.contains(u"Observation.1.ndjson"_s), qPrintable(j.lastError));
    QVERIFY2(j.lastError.contains(u"Observation.2.ndjson"_s), qPrintable(j.lastError));
    QVERIFY2(!j.lastError.contains(u"Patient"_s), qPrintable(j.lastError));
    QVERIFY2(j.lastError.contains(u"Start a new export"_s), qPrintable(j.lastError));

    const Log log = readLog(fx.outDir());
    QCOMPARE(log.downloadErrors.size(), 2);
    for (const QJsonObject &e : log.downloadErrors)
        QCOMPARE(e.value("code"_L1).toInt(), 410);
    QVERIFY(!log.ids.contains(u"export_complete"_s));

    // As the store keeps it.
    fx.manager->waitForSaves();
    fx.restartManager();
    fx.manager->restore();
    QCOMPARE(fx.job(id).state, JobState::Expired);
    // A finished job comes back as a summary (the index holds no file list); its files are
    // read with its details.
    const ExportJob *restored = fx.manager->jobWithDetails(id);
    QCOMPARE(restored->files.size(), 3);
    QVERIFY(restored->files.at(1).gone);
}

void TestExpiredLinks::fileMissingFromTheFreshManifestIsLost()
{
    ExportFixture fx;
    fx.server.setFiles({served::ndjson(u"Patient"_s, served::twoPatients()),
                        served::generated(u"Observation"_s, 20),
                        served::generated(u"Observation"_s, 30)});
    Script s;
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    const QString id = fx.manager->startExport(fx.request(), fx.options(false)).value();
    QVERIFY(fx.waitForState(id, JobState::Completed));
    // The server has let go of the last file since its manifest: it answers 404 for it, and
    // lists only the others when asked again.
    fx.server.setFiles({served::ndjson(u"Patient"_s, served::twoPatients()),
                        served::generated(u"Observation"_s, 20)});
    fx.manager->startDownload(id);
    QVERIFY(fx.runToEnd(id));
    const ExportJob &j = fx.job(id);
    QCOMPARE(j.state, JobState::Expired);
    QCOMPARE(j.files.at(0).state, FileState::Saved);
    QCOMPARE(j.files.at(1).state, FileState::Saved);
    QCOMPARE(j.files.at(2).state, FileState::Failed);
    QVERIFY(j.files.at(2).gone);
    QVERIFY2(j.lastError.startsWith(u"1 file"_s), qPrintable(j.lastError));
    QVERIFY2(j.lastError.endsWith(u" could not be fetched before the server removed them: "
                                  u"Observation.2.ndjson. Start a new export to get them."_s),
             qPrintable(j.lastError));
    QCOMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, 2);
}

void TestExpiredLinks::sameLinkAgainFailsAsBefore()
{
    // The status URL still answers, with the same link: nothing newer to try. The file fails
    // as it did before, and Retry stays possible.
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    Script s;
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    fx.server.setFileFault(0, answering(410));
    const QString id = fx.start();
    QVERIFY(fx.runToEnd(id));
    const ExportJob &j = fx.job(id);
    QCOMPARE(j.state, JobState::Failed);
    QCOMPARE(j.files.at(0).state, FileState::Failed);
    QVERIFY(!j.files.at(0).gone);
    QCOMPARE(j.files.at(0).error, u"The server no longer has this file; it may have expired."_s);
    QCOMPARE(fx.server.jobInfo(fx.server.lastJobId()).polls, 2); // it was asked once
    for (int i = 1; i < j.files.size(); ++i)
        QCOMPARE(j.files.at(i).state, FileState::Saved);
    QCOMPARE(readLog(fx.outDir()).downloadErrors.size(), 1);
}

QTEST_GUILESS_MAIN(TestExpiredLinks)
#include "tst_expiredlinks.moc"
