// The report archive's decisions without widgets: which folder, where a report is unpacked,
// and what the page says after a download, a batch of downloads or an extraction.
#include "reports/reportarchive.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

class TestReportArchive final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void folderFor();
    void extractionFolder();
    void downloadedNotices();
    void batchNotice();
    void extractDamagedOrMissing();
    void savedPathRemembered();
};

void TestReportArchive::folderFor()
{
    QCOMPARE(ReportArchive::folderFor(u"/a"_s, u"/b"_s), u"/a"_s);
    QCOMPARE(ReportArchive::folderFor({}, u"/b"_s), u"/b"_s);
    QVERIFY(!ReportArchive::folderFor({}, {}).isEmpty());
    // Without a folder of its own: Downloads when there is one, else the home folder, never a
    // folder that does not exist (a file dialog would start in the working directory).
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
    const auto restore = qScopeGuard([&] {
        qputenv("HOME", oldHome);
        qputenv("XDG_CONFIG_HOME", oldConfig);
    });
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(u".config"_s)));
    QCOMPARE(ReportArchive::folderFor({}, {}), QDir::homePath());
    QVERIFY(QDir(home.path()).mkdir(u"Downloads"_s));
    QCOMPARE(ReportArchive::folderFor({}, {}), home.filePath(u"Downloads"_s));
}

void TestReportArchive::extractionFolder()
{
    QCOMPARE(ReportArchive::extractionFolder(u"/out"_s, u"/r/PatientsUsageReport.zip"_s),
             u"/out/PatientsUsageReport"_s);
    QCOMPARE(ReportArchive::extractionFolder({}, u"/r/x.zip"_s), QString()); // cancelled
    QVERIFY(!ReportArchive::canExtract({}));
    QVERIFY(!ReportArchive::canExtract(u"/no/such/file.zip"_s));
}

void TestReportArchive::downloadedNotices()
{
    ReportDownload saved;
    saved.report = u"Usage"_s;
    saved.outcome = ReportDownload::Outcome::Saved;
    saved.filePath = u"/r/usage.csv"_s;
    saved.bytes = 10;
    ArchiveNotice n = ReportArchive::downloaded(saved);
    QCOMPARE(n.kind, ArchiveNotice::Kind::Information);
    QVERIFY2(n.text.startsWith(u"Usage was saved as"_s), qPrintable(n.text));
    QCOMPARE(n.next, ArchiveNotice::Next::Open); // not a ZIP
    QCOMPARE(n.path, saved.filePath);
    // The report in words, when the job's class gave one, names it for people.
    ReportDownload titled = saved;
    titled.title = u"Patients usage report"_s;
    QVERIFY2(
        ReportArchive::downloaded(titled).text.startsWith(u"Patients usage report was saved as"_s),
        qPrintable(ReportArchive::downloaded(titled).text));

    ReportDownload placeholder = saved;
    placeholder.outcome = ReportDownload::Outcome::NotGenerated;
    n = ReportArchive::downloaded(placeholder);
    QCOMPARE(n.kind, ArchiveNotice::Kind::Warning);
    QVERIFY(n.text.contains(u"not generated yet"_s));
    QCOMPARE(n.next, ArchiveNotice::Next::Nothing);

    ReportDownload failed;
    failed.outcome = ReportDownload::Outcome::Failed;
    failed.error = Error::make(Error::Kind::Io, u"disk full"_s);
    n = ReportArchive::downloaded(failed);
    QCOMPARE(n.kind, ArchiveNotice::Kind::Error);
    QCOMPARE(n.text, u"disk full"_s);
}

void TestReportArchive::batchNotice()
{
    ReportDownload saved;
    saved.outcome = ReportDownload::Outcome::Saved;
    ReportDownload skipped;
    skipped.outcome = ReportDownload::Outcome::AlreadySaved;
    ArchiveNotice n = ReportArchive::batchFinished({saved, saved, skipped}, u"/out"_s);
    QCOMPARE(n.kind, ArchiveNotice::Kind::Information);
    QVERIFY2(n.text.startsWith(u"2 report"_s), qPrintable(n.text));
    QVERIFY(n.text.contains(u"1 already saved"_s));
    QCOMPARE(n.next, ArchiveNotice::Next::ShowFolder);
    QCOMPARE(n.path, u"/out"_s);

    ReportDownload failed;
    failed.outcome = ReportDownload::Outcome::Failed;
    failed.error = Error::make(Error::Kind::Io, u"refused"_s);
    n = ReportArchive::batchFinished({saved, failed}, u"/out"_s);
    QCOMPARE(n.kind, ArchiveNotice::Kind::Error);
    QVERIFY(n.text.contains(u"refused"_s));
}

void TestReportArchive::extractDamagedOrMissing()
{
    QTemporaryDir dir;
    const QString bogus = dir.filePath(u"report.zip"_s);
    QFile f(bogus);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("PK\x03\x04 not really a zip");
    f.close();
    const ArchiveNotice n = ReportArchive::extract(bogus, dir.filePath(u"out"_s));
    QCOMPARE(n.kind, ArchiveNotice::Kind::Error);
    QVERIFY(!n.text.isEmpty());
    QCOMPARE(n.next, ArchiveNotice::Next::Nothing);
}

void TestReportArchive::savedPathRemembered()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"somewhere.csv"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("a,b\n");
    f.close();
    ReportJob job;
    job.id = u"job-1"_s;
    ReportArchive archive;
    QCOMPARE(archive.savedPath(job, dir.filePath(u"none"_s)), QString());
    ReportDownload d;
    d.jobKey = job.key();
    d.outcome = ReportDownload::Outcome::Saved;
    d.filePath = path;
    archive.remember(d);
    QCOMPARE(archive.savedPath(job, dir.filePath(u"none"_s)), path);
    QVERIFY(QFile::remove(path)); // gone from the disk: not saved any more
    QCOMPARE(archive.savedPath(job, dir.filePath(u"none"_s)), QString());
}

QTEST_GUILESS_MAIN(TestReportArchive)
#include "tst_reportarchive.moc"
