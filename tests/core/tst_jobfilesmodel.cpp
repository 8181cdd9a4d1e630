// The files and the resources per type of one export job as models, over a real JobManager
// talking to the simulated server: rows follow the manifest, progress and counts.
#include "exportfixture.h"
#include "jobfilesmodel.h"
#include "jobresourcesmodel.h"
#include "servedfiles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
namespace served = fbm::test::served;

namespace {

QList<ServedFile> threeFiles()
{
    return {served::ndjson(u"Patient"_s, served::twoPatients()),
            served::generated(u"Observation"_s, 30), served::generated(u"Observation"_s, 12),
            served::errors()};
}

/// Serves threeFiles() at once and waits until the export is saved; its id, or empty.
QString savedExport(ExportFixture &fx)
{
    return fx.savedExport(threeFiles());
}

QString text(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestJobFilesModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpers_data();
    void helpers();
    void emptyUntilAJobIsShown();
    void filesOfASavedExport();
    void rowsAppearWithTheManifest();
    void resourcesPerType();
    void removedJobEmptiesTheModels();
};

void TestJobFilesModel::helpers_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("lines");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<int>("percent");
    QTest::newRow("saved") << int(FileState::Saved) << qint64(10) << qint64(-1) << qint64(0)
                           << qint64(-1) << 100;
    QTest::newRow("by bytes") << int(FileState::Downloading) << qint64(25) << qint64(100)
                              << qint64(0) << qint64(-1) << 25;
    QTest::newRow("by count") << int(FileState::Downloading) << qint64(25) << qint64(-1)
                              << qint64(3) << qint64(4) << 75;
    QTest::newRow("unknown") << int(FileState::Downloading) << qint64(25) << qint64(-1) << qint64(3)
                             << qint64(-1) << -1;
    QTest::newRow("waiting") << int(FileState::Pending) << qint64(0) << qint64(-1) << qint64(0)
                             << qint64(-1) << 0;
    QTest::newRow("clamped") << int(FileState::Downloading) << qint64(250) << qint64(100)
                             << qint64(0) << qint64(-1) << 100;
}

void TestJobFilesModel::helpers()
{
    QFETCH(int, state);
    QFETCH(qint64, bytes);
    QFETCH(qint64, total);
    QFETCH(qint64, lines);
    QFETCH(qint64, expected);
    QFETCH(int, percent);
    ExportFile f;
    f.state = FileState(state);
    f.bytes = bytes;
    f.totalBytes = total;
    f.lines = lines;
    if (expected >= 0)
        f.expectedCount = expected;
    QCOMPARE(JobFilesModel::percent(f), percent);

    f.type = u"Patient"_s;
    QCOMPARE(JobFilesModel::typeText(f), u"Patient"_s);
    f.kind = FileKind::Error;
    QCOMPARE(JobFilesModel::typeText(f), u"Patient (problems)"_s);
    f.kind = FileKind::Deleted;
    QCOMPARE(JobFilesModel::typeText(f), u"Patient (deleted)"_s);
    QCOMPARE(JobFilesModel::stateText(FileState::Pending), u"Waiting"_s);
    QCOMPARE(JobFilesModel::stateText(FileState::Failed), u"Failed"_s);
}

void TestJobFilesModel::emptyUntilAJobIsShown()
{
    ExportFixture fx;
    JobFilesModel files(fx.manager);
    QAbstractItemModelTester tester(&files, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(files.rowCount(), 0);
    QCOMPARE(files.columnCount(), int(JobFilesModel::Count));
    QCOMPARE(files.placeholderText(), QString());
    QCOMPARE(files.headerData(JobFilesModel::Name, Qt::Horizontal).toString(), u"File"_s);
    QCOMPARE(files.headerData(JobFilesModel::Size, Qt::Horizontal).toString(), u"Size"_s);
    files.setJobId(u"no such job"_s);
    QCOMPARE(files.rowCount(), 0);
}

void TestJobFilesModel::filesOfASavedExport()
{
    ExportFixture fx;
    const QString id = savedExport(fx);
    QVERIFY(!id.isEmpty());

    JobFilesModel files(fx.manager);
    QAbstractItemModelTester tester(&files, QAbstractItemModelTester::FailureReportingMode::QtTest);
    files.setJobId(id);
    QCOMPARE(files.rowCount(), 4);
    QCOMPARE(text(files, 0, JobFilesModel::Name), u"Patient.1.ndjson"_s);
    QCOMPARE(text(files, 0, JobFilesModel::Type), u"Patient"_s);
    QCOMPARE(text(files, 0, JobFilesModel::State), u"Saved"_s);
    QCOMPARE(text(files, 0, JobFilesModel::Progress), u"100 %"_s);
    QCOMPARE(files.index(0, JobFilesModel::Progress).data(JobFilesModel::ProgressRole).toInt(),
             100);
    QVERIFY(!files.index(0, JobFilesModel::Name).data(JobFilesModel::ProgressRole).isValid());
    QCOMPARE(text(files, 0, JobFilesModel::Resources), u"2 of 2"_s);
    QCOMPARE(text(files, 1, JobFilesModel::Resources), u"30 of 30"_s);
    QCOMPARE(text(files, 3, JobFilesModel::Type), u"OperationOutcome (problems)"_s);
    QVERIFY(!text(files, 0, JobFilesModel::Size).isEmpty());
    QCOMPARE(files.index(0, JobFilesModel::Size).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(files.index(0, 0).data(JobFilesModel::FileStateRole).toInt(), int(FileState::Saved));
    QCOMPARE(files.placeholderText(), QString());
}

void TestJobFilesModel::rowsAppearWithTheManifest()
{
    ExportFixture fx;
    fx.server.setFiles(threeFiles());
    Script slow;
    slow.pollsBeforeDone = 1;
    slow.retryAfterSeconds = 1;
    fx.server.setScript(slow);
    const QString id = fx.start();
    JobFilesModel files(fx.manager);
    QAbstractItemModelTester tester(&files, QAbstractItemModelTester::FailureReportingMode::QtTest);
    files.setJobId(id);
    QCOMPARE(files.rowCount(), 0);
    QCOMPARE(files.placeholderText(), u"The server lists the files when the export is finished."_s);
    QSignalSpy inserted(&files, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&files, &QAbstractItemModel::dataChanged);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(files.rowCount(), 4);
    QCOMPARE(inserted.count(), 1); // appended once, then updated in place
    QVERIFY(!changed.isEmpty());
    QCOMPARE(text(files, 2, JobFilesModel::State), u"Saved"_s);
}

void TestJobFilesModel::resourcesPerType()
{
    ExportFixture fx;
    const QString id = savedExport(fx);
    QVERIFY(!id.isEmpty());

    JobResourcesModel resources(fx.manager);
    QAbstractItemModelTester tester(&resources,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(resources.rowCount(), 0);
    resources.setJobId(id);
    QCOMPARE(resources.rowCount(), 3); // Patient, Observation (two files), the problems
    QCOMPARE(text(resources, 0, JobResourcesModel::Type), u"Patient"_s);
    QCOMPARE(text(resources, 0, JobResourcesModel::Files), u"1"_s);
    QCOMPARE(text(resources, 0, JobResourcesModel::Saved), u"2"_s);
    QCOMPARE(text(resources, 1, JobResourcesModel::Type), u"Observation"_s);
    QCOMPARE(text(resources, 1, JobResourcesModel::Files), u"2"_s);
    QCOMPARE(text(resources, 1, JobResourcesModel::Saved), u"42"_s);
    QCOMPARE(text(resources, 1, JobResourcesModel::Expected), u"42"_s);
    QCOMPARE(text(resources, 2, JobResourcesModel::Type), u"OperationOutcome (problems)"_s);
    QCOMPARE(resources.headerData(JobResourcesModel::Expected, Qt::Horizontal).toString(),
             u"Server said"_s);
}

void TestJobFilesModel::removedJobEmptiesTheModels()
{
    ExportFixture fx;
    const QString id = savedExport(fx);
    QVERIFY(!id.isEmpty());
    JobFilesModel files(fx.manager);
    JobResourcesModel resources(fx.manager);
    QAbstractItemModelTester t1(&files, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&resources, QAbstractItemModelTester::FailureReportingMode::QtTest);
    files.setJobId(id);
    resources.setJobId(id);
    QCOMPARE(files.rowCount(), 4);
    fx.manager->remove(id);
    QCOMPARE(files.rowCount(), 0);
    QCOMPARE(files.jobId(), QString());
    QCOMPARE(resources.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestJobFilesModel)
#include "tst_jobfilesmodel.moc"
