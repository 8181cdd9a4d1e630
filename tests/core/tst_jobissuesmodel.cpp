// The problems of one export job as a model: its own error first, then the OperationOutcomes of
// its saved error files, read off the GUI thread by IssueReader and kept per job.
#include "exportfixture.h"
#include "issuereader.h"
#include "jobissuesmodel.h"
#include "servedfiles.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
namespace served = fbm::test::served;

namespace {

using served::outcome;

QList<ServedFile> filesWithErrors()
{
    return {served::ndjson(u"Patient"_s, served::resource("Patient", "p1")),
            served::errors(outcome("warning", "processing", "Observation o7 has no subject") +
                           outcome("error", "not-found", "Group g2 is gone"))};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestJobIssuesModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readerParsesAndBounds();
    void issuesOfTheErrorFiles();
    void ownErrorComesFirst();
};

void TestJobIssuesModel::readerParsesAndBounds()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"a.ndjson"_s), outcome("warning", "processing", "one") +
                                                       "not json\n"_ba +
                                                       "{\"resourceType\":\"Patient\"}\n"_ba +
                                                       outcome("fatal", "exception", "two")));
    QVERIFY(writeFile(dir.filePath(u"b.ndjson"_s), outcome("information", "informational", "3")));
    const QList<JobIssue> all =
        IssueReader::read(dir.path(), {u"a.ndjson"_s, u"missing.ndjson"_s, u"b.ndjson"_s});
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0), (JobIssue{u"warning"_s, u"processing"_s, u"one"_s, u"a.ndjson"_s}));
    QCOMPARE(all.at(1).severity, u"fatal"_s);
    QCOMPARE(all.at(2).where, u"b.ndjson"_s);
    // Bounded by count and by bytes read per file.
    QCOMPARE(IssueReader::read(dir.path(), {u"a.ndjson"_s, u"b.ndjson"_s}, 2).size(), 2);
    QCOMPARE(IssueReader::read(dir.path(), {u"a.ndjson"_s}, 200, 10).size(), 1);
    // The same on the thread pool.
    QFuture<QList<JobIssue>> later = IssueReader::readLater(dir.path(), {u"a.ndjson"_s});
    later.waitForFinished();
    QCOMPARE(later.result().size(), 2);
}

void TestJobIssuesModel::issuesOfTheErrorFiles()
{
    ExportFixture fx;
    const QString id = fx.savedExport(filesWithErrors());
    QVERIFY(!id.isEmpty());

    JobIssuesModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.headerData(JobIssuesModel::Text, Qt::Horizontal).toString(), u"Diagnostics"_s);
    QSignalSpy read(&model, &JobIssuesModel::issuesRead);
    model.setJobId(id);
    QVERIFY(model.isReading()); // not on this thread
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(read.wait());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, JobIssuesModel::Severity).data().toString(), u"warning"_s);
    QCOMPARE(model.index(0, JobIssuesModel::Code).data().toString(), u"processing"_s);
    QCOMPARE(model.index(0, JobIssuesModel::Text).data().toString(),
             u"Observation o7 has no subject"_s);
    QCOMPARE(model.index(0, JobIssuesModel::Text).data(Qt::ToolTipRole).toString(),
             u"Observation o7 has no subject"_s);
    QCOMPARE(model.index(0, JobIssuesModel::Where).data().toString(),
             fx.job(id).files.at(1).relativePath);
    QCOMPARE(model.index(1, 0).data(JobIssuesModel::SeverityRole).toString(), u"error"_s);

    // Kept: back to the job, nothing is read again.
    model.setJobId({});
    QCOMPARE(model.rowCount(), 0);
    model.setJobId(id);
    QVERIFY(!model.isReading());
    QCOMPARE(model.rowCount(), 2);
}

void TestJobIssuesModel::ownErrorComesFirst()
{
    ExportFixture fx;
    Script failing;
    failing.kickoffStatus = 400;
    fx.server.setScript(failing);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    JobIssuesModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobId(id);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, JobIssuesModel::Severity).data().toString(), u"error"_s);
    QCOMPARE(model.index(0, JobIssuesModel::Severity).data(JobIssuesModel::SeverityRole),
             QVariant(u"error"_s));
    QCOMPARE(model.index(0, JobIssuesModel::Text).data().toString(), fx.job(id).lastError);
    QCOMPARE(model.index(0, JobIssuesModel::Where).data().toString(), u"this export"_s);
    QVERIFY(!model.isReading());
}

QTEST_GUILESS_MAIN(TestJobIssuesModel)
#include "tst_jobissuesmodel.moc"
