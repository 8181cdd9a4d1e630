// The activity log of one export job as a model: filled from the job (read from the store for a
// finished one), then appended to as requests go out, bounded like the engine's log.
#include "exportfixture.h"
#include "jobactivitymodel.h"
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

QList<ServedFile> oneFile()
{
    return {served::ndjson(u"Patient"_s, served::resource("Patient", "p1"))};
}

} // namespace

class TestJobActivityModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headers();
    void followsTheJob();
    void finishedJobIsReadFromTheStore();
};

void TestJobActivityModel::headers()
{
    ExportFixture fx;
    JobActivityModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(JobActivityModel::Count));
    const QStringList titles = {u"Time"_s,   u"Request"_s, u"URL"_s,
                                u"Status"_s, u"Took"_s,    u"Note"_s};
    for (int c = 0; c < JobActivityModel::Count; ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), titles.at(c));
}

void TestJobActivityModel::followsTheJob()
{
    ExportFixture fx;
    fx.server.setFiles(oneFile());
    Script script;
    script.pollsBeforeDone = 1;
    script.retryAfterSeconds = 1;
    fx.server.setScript(script);
    JobActivityModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QString id = fx.start();
    model.setJobId(id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const ExportJob &j = fx.job(id);
    QCOMPARE(model.rowCount(), int(j.activity.size()));
    QVERIFY(model.rowCount() >= 3); // kick-off, polls, the file
    QVERIFY(!inserted.isEmpty());

    const QModelIndex method = model.index(0, JobActivityModel::Method);
    QCOMPARE(method.data().toString(), u"GET"_s);
    QCOMPARE(model.index(0, JobActivityModel::Status).data().toString(), u"202"_s);
    QVERIFY(model.index(0, JobActivityModel::Url).data().toString().contains(u"$export"_s));
    QVERIFY(model.index(0, JobActivityModel::Took).data().toString().endsWith(u" ms"_s));
    QVERIFY(!model.index(0, JobActivityModel::Time).data(Qt::ToolTipRole).toString().isEmpty());
    const QString curl = model.index(0, 0).data(JobActivityModel::CurlRole).toString();
    QVERIFY2(curl.startsWith(u"curl"_s), qPrintable(curl));
    QVERIFY(!model.index(0, 0).data(JobActivityModel::WarningRole).toBool());
    QCOMPARE(
        model.index(0, JobActivityModel::Status).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
        Qt::AlignRight | Qt::AlignVCenter);

    // Another job's requests do not show here.
    const int rows = model.rowCount();
    fx.server.setScript(Script{});
    const QString other = fx.start();
    QVERIFY(fx.waitForTerminal(other));
    QCOMPARE(model.rowCount(), rows);
    model.setJobId({});
    QCOMPARE(model.rowCount(), 0);
}

void TestJobActivityModel::finishedJobIsReadFromTheStore()
{
    ExportFixture fx;
    const QString id = fx.savedExport(oneFile());
    QVERIFY(!id.isEmpty());
    const qsizetype entries = fx.job(id).activity.size();
    fx.manager->waitForSaves();
    fx.restartManager();
    fx.manager->restore();
    QVERIFY(!fx.job(id).detailsLoaded);
    JobActivityModel model(fx.manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobId(id);
    QVERIFY(fx.job(id).detailsLoaded);
    QCOMPARE(model.rowCount(), int(entries));
}

QTEST_GUILESS_MAIN(TestJobActivityModel)
#include "tst_jobactivitymodel.moc"
