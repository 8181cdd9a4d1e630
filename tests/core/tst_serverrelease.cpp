// Clean-up on the server: once every file of an export is saved and verified, the status URL
// gets a DELETE (the specification's "the files may go"), and not before; never when the job
// keeps its files on the server; a refusal, an unreachable server or a server that had already
// removed the export leaves the job Saved all the same, saying so.
#include "exportfixture.h"
#include "servedfiles.h"
#include "serverrelease.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
using fbm::test::FileFault;
namespace served = fbm::test::served;

namespace {

/// The index of the first DELETE in the server's requests, or -1.
int deleteAt(const ExportFixture &fx)
{
    const auto requests = fx.server.requests();
    for (int i = 0; i < requests.size(); ++i) {
        if (requests.at(i).method == "DELETE")
            return i;
    }
    return -1;
}

int countDeletes(const ExportFixture &fx)
{
    int n = 0;
    for (const auto &r : fx.server.requests())
        n += r.method == "DELETE" ? 1 : 0;
    return n;
}

bool noted(const ExportJob &j, QLatin1StringView text)
{
    return std::any_of(j.activity.cbegin(), j.activity.cend(),
                       [text](const ActivityEntry &e) { return e.note.contains(text); });
}

} // namespace

class TestServerRelease final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deleteFollowsTheLastVerifiedFile();
    void keepOnServerSendsNoDelete();
    void noDeleteWhileAFileIsMissing();
    void anExportOfNothingIsReleasedToo();
    void refusedOrUnreachableDeleteStillSaves_data();
    void refusedOrUnreachableDeleteStillSaves();
    void alreadyRemovedIsRemoved();
    void releaseSurvivesARestartAndIsStored();
    void syncToDiskSaysWhyNot();
};

void TestServerRelease::deleteFollowsTheLastVerifiedFile()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QString diff = fx.compareAllFiles(id);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const ExportJob &j = fx.job(id);
    // One DELETE, to the status URL exactly, after every file was fetched.
    QCOMPARE(countDeletes(fx), 1);
    const auto requests = fx.server.requests();
    const int del = deleteAt(fx);
    QCOMPARE(requests.at(del).url, j.statusUrl);
    for (int i = del + 1; i < requests.size(); ++i)
        QVERIFY(requests.at(i).method != "DELETE");
    int lastFile = -1;
    for (int i = 0; i < requests.size(); ++i) {
        if (requests.at(i).path.contains("/files/"_L1))
            lastFile = i;
    }
    QVERIFY(lastFile >= 0);
    QVERIFY2(lastFile < del, "the DELETE went out before the last file was fetched");
    QVERIFY(j.removedFromServerAt.isValid());
    QVERIFY(j.removalProblem.isEmpty());
    QVERIFY(j.unsyncedBootId.isEmpty()); // on the disk for certain before the server was told
    QVERIFY(noted(j, "may be removed"_L1));
    // The server did remove it: its status URL is gone.
    QCOMPARE(fx.server.jobInfo(fx.server.lastJobId()).removed, true);
}

void TestServerRelease::keepOnServerSendsNoDelete()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    JobOptions o = fx.options();
    o.keepOnServer = true;
    const QString id = fx.manager->startExport(fx.request(), o).value();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(countDeletes(fx), 0);
    QVERIFY(!fx.job(id).removedFromServerAt.isValid());
    QVERIFY(fx.job(id).keepOnServer);
}

void TestServerRelease::noDeleteWhileAFileIsMissing()
{
    // A file that cannot be saved: the job fails, and the server keeps everything for a Retry.
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport());
    FileFault f;
    f.kind = FileFault::Kind::ServerError;
    f.status = 500;
    f.times = 1000;
    fx.server.setFileFault(1, f);
    const QString id = fx.start();
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState::Failed));
    QCOMPARE(countDeletes(fx), 0);

    // Retry once the server behaves: saved, then released.
    fx.server.setFileFault(1, FileFault());
    fx.manager->retry(id);
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(countDeletes(fx), 1);
}

void TestServerRelease::anExportOfNothingIsReleasedToo()
{
    ExportFixture fx;
    fx.server.setFiles({});
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(countDeletes(fx), 1);
    QVERIFY(fx.job(id).removedFromServerAt.isValid());
}

void TestServerRelease::refusedOrUnreachableDeleteStillSaves_data()
{
    QTest::addColumn<int>("deleteStatus");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("405 not supported") << 405 << u"not supported"_s;
    QTest::newRow("501") << 501 << u"not supported"_s;
}

void TestServerRelease::refusedOrUnreachableDeleteStillSaves()
{
    QFETCH(int, deleteStatus);
    QFETCH(QString, mentions);
    ExportFixture fx;
    Script s;
    s.deleteStatus = deleteStatus;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const ExportJob &j = fx.job(id);
    QCOMPARE(countDeletes(fx), 1);
    QVERIFY(!j.removedFromServerAt.isValid());
    QVERIFY2(j.removalProblem.contains(mentions), qPrintable(j.removalProblem));
    QVERIFY2(j.removalProblem.contains("until they expire"_L1), qPrintable(j.removalProblem));
    QVERIFY(j.lastError.isEmpty());
}

void TestServerRelease::alreadyRemovedIsRemoved()
{
    // HAPI answers a DELETE of a finished export with 404 "Nothing to do".
    ExportFixture fx;
    Script s;
    s.flavor = Flavor::Hapi;
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(countDeletes(fx), 1);
    QVERIFY(fx.job(id).removedFromServerAt.isValid());
    QVERIFY(noted(fx.job(id), "already removed"_L1));
}

void TestServerRelease::releaseSurvivesARestartAndIsStored()
{
    ExportFixture fx;
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Saved));
    const QDateTime removed = fx.job(id).removedFromServerAt;
    QVERIFY(removed.isValid());
    fx.restartManager();
    fx.manager->restore();
    QVERIFY(fx.manager->jobWithDetails(id));
    QCOMPARE(fx.manager->jobWithDetails(id)->removedFromServerAt, removed);
    QCOMPARE(countDeletes(fx), 1); // not again

    // A kept one stays kept across a restart.
    ExportFixture kept;
    kept.server.setFiles(served::mixedExport().mid(0, 1));
    JobOptions o = kept.options();
    o.keepOnServer = true;
    const QString other = kept.manager->startExport(kept.request(), o).value();
    QVERIFY(kept.waitForState(other, JobState::Saved));
    kept.restartManager();
    kept.manager->restore();
    QVERIFY(kept.manager->jobWithDetails(other));
    QVERIFY(kept.manager->jobWithDetails(other)->keepOnServer);
}

void TestServerRelease::syncToDiskSaysWhyNot()
{
    QTemporaryDir dir;
    QVERIFY(ServerRelease::syncToDisk(dir.path()).isEmpty());
    QVERIFY(!ServerRelease::syncToDisk(dir.filePath(u"not here"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(TestServerRelease)
#include "tst_serverrelease.moc"
