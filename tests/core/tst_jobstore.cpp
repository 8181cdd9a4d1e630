// The job store on real files: writes on its writer thread (newest copy wins, ordered with
// remove and flush, failures reported), and the index of finished jobs that makes a start with
// thousands of old jobs fast without losing their activity logs.

#include "jobfilesmodel.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "jobtablemodel.h"
#include "manualclock.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

ExportJob makeJob(JobState state, int activityEntries = 3)
{
    ExportJob j;
    j.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    j.serverName = u"Test server"_s;
    j.request.base = QUrl(u"https://fhir.example.org/fhir"_s);
    j.kickoffUrl = QUrl(u"https://fhir.example.org/fhir/$export"_s);
    j.statusUrl = QUrl(u"https://fhir.example.org/fhir/jobs/1/status"_s);
    j.state = state;
    j.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    if (state == JobState::Saved || state == JobState::Failed) {
        j.completedAt = j.createdAt.addSecs(60);
        j.finishedAt = j.createdAt.addSecs(120);
    }
    j.outDir = u"/tmp/out"_s;
    j.manifestJson = R"({"transactionTime":"2026-01-01T00:00:00Z","output":[]})"_ba;
    ExportFile f;
    f.type = u"Patient"_s;
    f.url = QUrl(u"https://files.example.org/Patient.1.ndjson"_s);
    f.relativePath = u"Patient.1.ndjson"_s;
    f.state = FileState::Saved;
    f.bytes = 1234;
    f.lines = 10;
    j.files.append(f);
    for (int i = 0; i < activityEntries; ++i) {
        ActivityEntry e;
        e.at = j.createdAt.addSecs(i);
        e.method = "GET";
        e.url = j.statusUrl;
        e.status = 202;
        j.activity.append(e);
    }
    return j;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

const ExportJob *findJob(const JobStore::Loaded &loaded, const QString &id)
{
    for (const ExportJob &j : loaded.jobs) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

} // namespace

class TestJobStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void saveLaterWritesAndNewestCopyWins();
    void removeDropsAQueuedWrite();
    void writeFailureReachesTheHandler();
    void finishedJobsComeFromTheIndex();
    void changedJobFileIsReadAgain();
    void damagedIndexIsIgnored_data();
    void damagedIndexIsIgnored();
    void deletedJobLeavesTheIndex();
    void summaryIsNeverWrittenOverTheFullJob();
    void managerLoadsDetailsOnDemand();
    void storedJsonIsTheJobsJson();
    void groupNameIsKeptAndOptional();
    void indexHoldsSummariesOnly();
    void indexOfAnOlderVersionIsRebuilt();
    void summaryShowsTotalsAndDetailsLoadTheFiles();
    void findReadsOnlyTheJobItFinds();
    void pruning_data();
    void pruning();
    void pruningWithoutTheIndex();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    [[nodiscard]] QString storeDir() const { return m_dir->path() + u"/store"_s; }
};

void TestJobStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJobStore::saveLaterWritesAndNewestCopyWins()
{
    JobStore store(storeDir());
    QStringList ids;
    for (int i = 0; i < 200; ++i) {
        ExportJob j = makeJob(JobState::Running);
        j.progressText = u"first"_s;
        store.saveLater(j);
        j.progressText = u"second %1"_s.arg(i);
        store.saveLater(j);
        ids << j.id;
    }
    store.flush();
    for (int i = 0; i < ids.size(); ++i) {
        const QJsonObject o = readJson(storeDir() + u'/' + ids.at(i) + u".json"_s);
        QCOMPARE(o.value("progress"_L1).toString(), u"second %1"_s.arg(i));
        QCOMPARE(o.value("activity"_L1).toArray().size(), 3);
    }
    // Nothing but the job files: no temporary file left behind.
    QCOMPARE(QDir(storeDir()).entryList(QDir::Files).size(), 200);
}

void TestJobStore::removeDropsAQueuedWrite()
{
    JobStore store(storeDir());
    // Enough queued writes that the last ones are still waiting when remove() comes.
    QList<ExportJob> jobs;
    for (int i = 0; i < 300; ++i) {
        jobs << makeJob(JobState::Running, 50);
        store.saveLater(jobs.last());
    }
    for (const ExportJob &j : std::as_const(jobs))
        store.remove(j.id);
    store.flush();
    QCOMPARE(QDir(storeDir()).entryList({u"*.json"_s}, QDir::Files), QStringList());
}

void TestJobStore::writeFailureReachesTheHandler()
{
    // A file where the store's folder should be: no job can be written.
    QFile blocker(storeDir());
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    JobStore store(storeDir());
    QStringList messages;
    QObject context;
    store.setErrorHandler(&context, [&](const QString &m) { messages << m; });
    store.saveLater(makeJob(JobState::Running));
    store.flush();
    QTRY_COMPARE(messages.size(), 1);
    QVERIFY2(messages.first().contains(storeDir()), qPrintable(messages.first()));
}

void TestJobStore::finishedJobsComeFromTheIndex()
{
    const ExportJob saved = makeJob(JobState::Saved, 13);
    const ExportJob running = makeJob(JobState::Running, 5);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(saved).isError());
        QVERIFY(!store.save(running).isError());
        // The first start reads every file and writes the index.
        const JobStore::Loaded first = store.loadAll();
        QCOMPARE(first.jobs.size(), 2);
        // A finished job is kept without its details from the first start on.
        QVERIFY(!findJob(first, saved.id)->detailsLoaded);
        QVERIFY(findJob(first, saved.id)->activity.isEmpty());
        QCOMPARE(findJob(first, saved.id)->state, JobState::Saved);
        QCOMPARE(findJob(first, running.id)->activity.size(), 5);
        store.flush();
        QVERIFY(QFile::exists(storeDir() + u"/index.jobs"_s));
    }
    JobStore store(storeDir());
    const JobStore::Loaded second = store.loadAll();
    QCOMPARE(second.problems, QStringList());
    QCOMPARE(second.jobs.size(), 2);
    const ExportJob *s = findJob(second, saved.id);
    QVERIFY(s);
    QVERIFY(!s->detailsLoaded);
    QVERIFY(s->activity.isEmpty());
    QVERIFY(s->manifestJson.isEmpty());
    // Everything the job list shows is there.
    QCOMPARE(s->state, JobState::Saved);
    QCOMPARE(s->serverName, saved.serverName);
    QCOMPARE(s->statusUrl, saved.statusUrl);
    QCOMPARE(s->createdAt, saved.createdAt);
    QCOMPARE(s->finishedAt, saved.finishedAt);
    // The files' totals, not the files (they stay in the job's file).
    QVERIFY(s->files.isEmpty());
    QCOMPARE(s->fileCount(), 1);
    QCOMPARE(s->filesSaved(), 1);
    QCOMPARE(s->bytesSaved(), qint64(1234));
    QCOMPARE(s->resourcesSaved(), qint64(10));
    // A job still running is always read whole.
    const ExportJob *r = findJob(second, running.id);
    QVERIFY(r && r->detailsLoaded);
    QCOMPARE(r->activity.size(), 5);
    // The details are one load away.
    const auto full = store.load(saved.id);
    QVERIFY(full);
    QCOMPARE(full->activity.size(), 13);
    QCOMPARE(full->manifestJson, saved.manifestJson);
    QCOMPARE(full->files.size(), 1);
}

void TestJobStore::changedJobFileIsReadAgain()
{
    ExportJob saved = makeJob(JobState::Failed);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(saved).isError());
        (void)store.loadAll();
        store.flush();
    }
    // Another version of the file (a new inode, as every QSaveFile commit makes), same size.
    saved.lastError = u"changed x"_s;
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(saved).isError());
        QCOMPARE(store.loadAll().jobs.first().lastError, u"changed x"_s); // indexed now
        store.flush();
    }
    saved.lastError = u"changed y"_s;
    JobStore store(storeDir());
    QVERIFY(!store.save(saved).isError());
    const JobStore::Loaded loaded = store.loadAll();
    const ExportJob *j = findJob(loaded, saved.id);
    QVERIFY(j);
    QCOMPARE(j->lastError, u"changed y"_s); // the index still said "changed x"
}

void TestJobStore::damagedIndexIsIgnored_data()
{
    QTest::addColumn<int>("damage");
    QTest::newRow("not an index") << 0;
    QTest::newRow("summary cut short") << 1;
    QTest::newRow("summary of another job") << 2;
}

void TestJobStore::damagedIndexIsIgnored()
{
    const ExportJob saved = makeJob(JobState::Saved);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(saved).isError());
        (void)store.loadAll();
        store.flush();
    }
    QFETCH(int, damage);
    QFile index(storeDir() + u"/index.jobs"_s);
    QVERIFY(index.open(QIODevice::ReadWrite));
    QByteArray bytes = index.readAll();
    QCOMPARE(bytes.count('\n'), 2); // the header and one job
    if (damage == 0) {
        bytes = "\xff\x00 not an index at all";
    } else if (damage == 2) {
        // The right file key, but the summary of another job.
        const QByteArray other = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
        const QByteArray from = "\"id\":\"" + saved.id.toLatin1() + '"';
        const QByteArray to = "\"id\":\"" + other + '"';
        bytes.replace(from, to);
        QVERIFY(bytes.contains(other));
    } else {
        // The right file key, but the summary cut short.
        bytes.chop(20);
        bytes += '\n';
    }
    QVERIFY(index.resize(0));
    index.seek(0);
    index.write(bytes);
    index.close();
    JobStore store(storeDir());
    const JobStore::Loaded loaded = store.loadAll();
    QCOMPARE(loaded.problems, QStringList());
    QCOMPARE(loaded.jobs.size(), 1);
    QCOMPARE(loaded.jobs.first().id, saved.id);
    QCOMPARE(loaded.jobs.first().state, JobState::Saved);
    QCOMPARE(store.load(saved.id)->activity.size(), 3);
    // And a good index replaces it.
    store.flush();
    QFile rewritten(storeDir() + u"/index.jobs"_s);
    QVERIFY(rewritten.open(QIODevice::ReadOnly));
    const QByteArray line = saved.id.toLatin1() + ' ';
    QVERIFY(rewritten.readAll().contains(line));
    JobStore again(storeDir());
    QCOMPARE(again.loadAll().jobs.first().fileCount(), 1);
}

void TestJobStore::deletedJobLeavesTheIndex()
{
    const ExportJob a = makeJob(JobState::Saved);
    const ExportJob b = makeJob(JobState::Saved);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(a).isError());
        QVERIFY(!store.save(b).isError());
        (void)store.loadAll();
        store.remove(a.id);
    }
    JobStore store(storeDir());
    const JobStore::Loaded loaded = store.loadAll();
    QCOMPARE(loaded.jobs.size(), 1);
    QCOMPARE(loaded.jobs.first().id, b.id);
}

void TestJobStore::summaryIsNeverWrittenOverTheFullJob()
{
    const ExportJob saved = makeJob(JobState::Saved, 7);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(saved).isError());
        (void)store.loadAll();
    }
    JobStore store(storeDir());
    const JobStore::Loaded loaded = store.loadAll();
    QVERIFY(!loaded.jobs.first().detailsLoaded);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"not saving job .* without its details"_s));
    store.saveLater(loaded.jobs.first());
    store.flush();
    const QJsonObject o = readJson(storeDir() + u'/' + saved.id + u".json"_s);
    QCOMPARE(o.value("activity"_L1).toArray().size(), 7);
}

void TestJobStore::managerLoadsDetailsOnDemand()
{
    const ExportJob saved = makeJob(JobState::Saved, 9);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(saved).isError());
        (void)store.loadAll(); // writes the index
    }
    JobStore store(storeDir());
    {
        JobManager manager(&store);
        QCOMPARE(manager.restore(), QStringList());
        QVERIFY(!manager.job(saved.id)->detailsLoaded);
        const ExportJob *j = manager.jobWithDetails(saved.id);
        QVERIFY(j && j->detailsLoaded);
        QCOMPARE(j->activity.size(), 9);
        QCOMPARE(j->manifestJson, saved.manifestJson);
        // Loading the details wrote nothing over the file.
        manager.waitForSaves();
    }
    const QJsonObject o = readJson(storeDir() + u'/' + saved.id + u".json"_s);
    QCOMPARE(o.value("activity"_L1).toArray().size(), 9);
    QCOMPARE(o.value("state"_L1).toString(), u"saved"_s);
}

ExportJob withFiles(ExportJob j, int count)
{
    j.files.clear();
    for (int i = 0; i < count; ++i) {
        ExportFile f;
        f.type = u"Observation"_s;
        f.url = QUrl(u"https://files.example.org/Observation.%1.ndjson"_s.arg(i + 1));
        f.relativePath = u"Observation.%1.ndjson"_s.arg(i + 1);
        f.state = i % 10 == 9 ? FileState::Failed : FileState::Saved;
        f.bytes = f.state == FileState::Saved ? 1000 : 0;
        f.lines = f.state == FileState::Saved ? 4 : 0;
        j.files.append(f);
    }
    return j;
}

void TestJobStore::indexHoldsSummariesOnly()
{
    // A job of 20,000 files made a 23 MB index with a few others: the index has its totals.
    const ExportJob large = withFiles(makeJob(JobState::Saved), 20000);
    const ExportJob small = makeJob(JobState::Saved);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(large).isError());
        QVERIFY(!store.save(small).isError());
        (void)store.loadAll();
        store.flush();
    }
    const qint64 indexBytes = QFileInfo(storeDir() + u"/index.jobs"_s).size();
    QVERIFY2(indexBytes < 2 * 2048, qPrintable(QString::number(indexBytes)));
    QVERIFY(QFileInfo(storeDir() + u'/' + large.id + u".json"_s).size() > 2000000);
    JobStore store(storeDir());
    const JobStore::Loaded loaded = store.loadAll();
    QCOMPARE(store.jobFilesRead(), 0);
    const ExportJob *s = findJob(loaded, large.id);
    QVERIFY(s && !s->detailsLoaded);
    QVERIFY(s->files.isEmpty());
    QCOMPARE(s->fileCount(), 20000);
    QCOMPARE(s->filesSaved(), 18000);
    QCOMPARE(s->bytesSaved(), qint64(18000) * 1000);
    QCOMPARE(s->resourcesSaved(), qint64(18000) * 4);
    // The job file is what it was: every file, for older versions and for the details.
    const QJsonObject o = readJson(storeDir() + u'/' + large.id + u".json"_s);
    QCOMPARE(o.value("files"_L1).toArray().size(), 20000);
    QVERIFY(!o.contains("fileTotals"_L1));
    const auto full = store.load(large.id);
    QVERIFY(full && full->detailsLoaded);
    QCOMPARE(full->files.size(), 20000);
    QCOMPARE(full->totals(), s->totals());
}

void TestJobStore::indexOfAnOlderVersionIsRebuilt()
{
    const ExportJob saved = makeJob(JobState::Saved, 4);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(saved).isError());
    }
    // Version 1's index: every file of the job in its summary, under the right file key.
    struct stat st
    {
    };
    QVERIFY(::stat(QFile::encodeName(storeDir() + u'/' + saved.id + u".json"_s).constData(), &st) ==
            0);
    QJsonObject old = saved.toJson();
    old.remove(u"activity"_s);
    old.remove(u"manifest"_s);
    QFile index(storeDir() + u"/index.jobs"_s);
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write(
        "fhir-bulk-monitor job index 1\n" + saved.id.toLatin1() + ' ' +
        QByteArray::number(qint64(st.st_ino)) + ' ' + QByteArray::number(qint64(st.st_size)) + ' ' +
        QByteArray::number(qint64(st.st_mtim.tv_sec) * 1000000000 + qint64(st.st_mtim.tv_nsec)) +
        ' ' + QJsonDocument(old).toJson(QJsonDocument::Compact) + '\n');
    index.close();
    JobStore store(storeDir());
    const JobStore::Loaded loaded = store.loadAll();
    QCOMPARE(store.jobFilesRead(), 1); // not taken from the old index
    QCOMPARE(loaded.jobs.size(), 1);
    QCOMPARE(loaded.jobs.first().fileCount(), 1);
    store.flush();
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QByteArray rewritten = index.readAll();
    QVERIFY(rewritten.startsWith("fhir-bulk-monitor job index 2\n"));
    QVERIFY(!rewritten.contains("\"files\""));
}

void TestJobStore::summaryShowsTotalsAndDetailsLoadTheFiles()
{
    const ExportJob large = withFiles(makeJob(JobState::Saved), 300);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(large).isError());
        (void)store.loadAll(); // writes the index
    }
    JobStore store(storeDir());
    JobManager manager(&store);
    JobTableModel table(&manager);
    QAbstractItemModelTester tableTester(&table);
    QCOMPARE(manager.restore(), QStringList());
    QVERIFY(!manager.job(large.id)->detailsLoaded);
    QCOMPARE(table.rowCount(), 1);
    QCOMPARE(table.index(0, JobTableModel::Files).data().toString(), u"270 / 300"_s);
    QCOMPARE(table.index(0, JobTableModel::Files).data(JobTableModel::SortRole).toInt(), 270);
    QCOMPARE(table.index(0, JobTableModel::Bytes).data(JobTableModel::SortRole).toLongLong(),
             qint64(270000));
    QVERIFY(!manager.job(large.id)->detailsLoaded); // the table read no job file
    QCOMPARE(store.jobFilesRead(), 0);
    // Opening the details shows the files, read from the job's file.
    JobFilesModel files(&manager);
    QAbstractItemModelTester filesTester(&files);
    files.setJobId(large.id);
    QCOMPARE(files.rowCount(), 300);
    QVERIFY(manager.job(large.id)->detailsLoaded);
    QCOMPARE(manager.job(large.id)->files.size(), 300);
    QCOMPARE(store.jobFilesRead(), 1);
    QCOMPARE(files.index(0, JobFilesModel::Name).data().toString(), u"Observation.1.ndjson"_s);
}

void TestJobStore::findReadsOnlyTheJobItFinds()
{
    ExportJob wanted = withFiles(makeJob(JobState::Failed), 50);
    wanted.statusUrl = QUrl(u"https://fhir.example.org/fhir/jobs/wanted/status"_s);
    wanted.outDir = u"/tmp/wanted"_s;
    ExportJob running = makeJob(JobState::Running);
    running.statusUrl = QUrl(u"https://fhir.example.org/fhir/jobs/running/status"_s);
    {
        JobStore store(storeDir());
        for (int i = 0; i < 1000; ++i) {
            ExportJob other = makeJob(JobState::Saved, 1);
            other.statusUrl = QUrl(u"https://fhir.example.org/fhir/jobs/%1/status"_s.arg(i));
            QVERIFY(!store.save(other).isError());
        }
        QVERIFY(!store.save(wanted).isError());
        QVERIFY(!store.save(running).isError());
        (void)store.loadAll(); // writes the index
        store.flush();
    }
    // One job file damaged since.
    QFile damaged(storeDir() + u"/0000-damaged.json"_s);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"format\":1,\"id\":\"x\", trunc");
    damaged.close();

    JobStore store(storeDir());
    JobStore::Found found = store.find(wanted.statusUrl, wanted.outDir);
    QVERIFY(found.job);
    QCOMPARE(found.job->id, wanted.id);
    QVERIFY(found.job->detailsLoaded);
    QCOMPARE(found.job->files.size(), 50);
    QCOMPARE(found.job->activity.size(), 3);
    // The wanted job, the running one and the damaged one: not the 1,000 others.
    QCOMPARE(store.jobFilesRead(), 3);
    // The same status URL in another folder is another job; a URL nobody follows, none.
    QVERIFY(!store.find(wanted.statusUrl, u"/tmp/elsewhere"_s).job);
    QVERIFY(
        !store.find(QUrl(u"https://fhir.example.org/fhir/jobs/none/status"_s), wanted.outDir).job);
    // An unfinished job is found as well (read whole: the index has only finished ones).
    found = store.find(running.statusUrl, running.outDir);
    QVERIFY(found.job);
    QCOMPARE(found.job->id, running.id);
    QCOMPARE(found.job->activity.size(), 3);

    // A job the server refused to start (no status URL) is indexed so; kicked off again, its
    // file gets one and no longer matches the index: found by what the file says.
    ExportJob refused = makeJob(JobState::Failed);
    refused.statusUrl = QUrl();
    QVERIFY(!store.save(refused).isError());
    (void)store.loadAll();
    store.flush();
    refused.statusUrl = QUrl(u"https://fhir.example.org/fhir/jobs/again/status"_s);
    refused.state = JobState::Running;
    QVERIFY(!store.save(refused).isError());
    found = store.find(refused.statusUrl, refused.outDir);
    QVERIFY(found.job);
    QCOMPARE(found.job->id, refused.id);
}

void TestJobStore::pruning_data()
{
    QTest::addColumn<int>("keepDays");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("endedDaysAgo");
    QTest::addColumn<bool>("pruned");
    const auto row = [](const char *name, int keep, JobState state, int days, bool pruned) {
        QTest::newRow(name) << keep << int(state) << days << pruned;
    };
    row("saved 91 days ago", 90, JobState::Saved, 91, true);
    row("saved 89 days ago", 90, JobState::Saved, 89, false);
    row("failed 91 days ago", 90, JobState::Failed, 91, true);
    row("cancelled 91 days ago", 90, JobState::Cancelled, 91, true);
    row("expired 91 days ago", 90, JobState::Expired, 91, true);
    row("running since 200 days", 90, JobState::Running, 200, false);
    row("downloading since 200 days", 90, JobState::Downloading, 200, false);
    row("completed 200 days ago, not downloaded", 90, JobState::Completed, 200, false);
    row("keep forever (0)", 0, JobState::Saved, 2000, false);
    row("keep 7 days", 7, JobState::Saved, 8, true);
}

void TestJobStore::pruning()
{
    QFETCH(int, keepDays);
    QFETCH(int, state);
    QFETCH(int, endedDaysAgo);
    QFETCH(bool, pruned);
    // The young job of the list ends minutes before now, on the real clock.
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(60);
    test::ManualClock clock(now);
    ExportJob j = makeJob(JobState(state));
    j.createdAt = now.addDays(-endedDaysAgo).addSecs(-3600);
    j.completedAt = j.createdAt.addSecs(60);
    j.finishedAt = j.isTerminal() ? now.addDays(-endedDaysAgo) : QDateTime();
    j.expiresAt = j.completedAt.addSecs(7200);
    // The export folder, with a file in it, stays whatever becomes of the job.
    j.outDir = m_dir->path() + u"/export"_s;
    QVERIFY(QDir().mkpath(j.outDir));
    QFile saved(j.outDir + u"/Patient.1.ndjson"_s);
    QVERIFY(saved.open(QIODevice::WriteOnly));
    saved.write("{\"resourceType\":\"Patient\"}\n");
    saved.close();
    const ExportJob young = makeJob(JobState::Saved); // ended minutes before "now"
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(j).isError());
        QVERIFY(!store.save(young).isError());
        (void)store.loadAll(); // the index, as the last start left it (the real clock)
        store.flush();
    }
    const QString jobFile = storeDir() + u'/' + j.id + u".json"_s;
    {
        JobStore store(storeDir());
        store.setClock(&clock);
        store.setKeepDays(keepDays);
        const JobStore::Loaded loaded = store.loadAll();
        QCOMPARE(loaded.pruned, pruned ? QStringList{j.id} : QStringList());
        QCOMPARE(bool(findJob(loaded, j.id)), !pruned);
        QVERIFY(findJob(loaded, young.id));
        QCOMPARE(QFile::exists(jobFile), !pruned);
        store.flush();
    }
    QVERIFY(QFile::exists(j.outDir + u"/Patient.1.ndjson"_s));
    QVERIFY(QFileInfo::exists(storeDir() + u'/' + young.id + u".json"_s));
    // And the next start agrees (the index no longer lists a pruned job).
    JobStore store(storeDir());
    QCOMPARE(store.loadAll().jobs.size(), pruned ? 1 : 2);
}

void TestJobStore::pruningWithoutTheIndex()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    test::ManualClock clock(now);
    ExportJob old = makeJob(JobState::Saved);
    old.finishedAt = now.addDays(-91);
    old.expiresAt = old.finishedAt.addSecs(3600);
    // A failed job whose files the server keeps for a year yet can still be retried.
    ExportJob keptByServer = makeJob(JobState::Failed);
    keptByServer.finishedAt = now.addDays(-200);
    keptByServer.expiresAt = now.addDays(165);
    {
        JobStore store(storeDir());
        QVERIFY(!store.save(old).isError());
        QVERIFY(!store.save(keptByServer).isError());
    }
    {
        // No index yet: the files read whole are judged the same way.
        JobStore store(storeDir());
        store.setClock(&clock);
        store.setKeepDays(90);
        const JobStore::Loaded loaded = store.loadAll();
        QCOMPARE(loaded.pruned, QStringList{old.id});
        QCOMPARE(loaded.jobs.size(), 1);
        QCOMPARE(loaded.jobs.first().id, keptByServer.id);
    }
    // prune() and find() judge from the index alone; a year later the failed one goes too.
    clock.set(now.addDays(256));
    JobStore store(storeDir());
    store.setClock(&clock);
    store.setKeepDays(90);
    QVERIFY(
        store.find(keptByServer.statusUrl, keptByServer.outDir).pruned.contains(keptByServer.id));
    QCOMPARE(store.jobFilesRead(), 0);
    QVERIFY(!QFileInfo::exists(storeDir() + u'/' + keptByServer.id + u".json"_s));
    QCOMPARE(store.prune(), QStringList());
}

QTEST_GUILESS_MAIN(TestJobStore)
void TestJobStore::storedJsonIsTheJobsJson()
{
    // The store writes the files and the activity log with its own JSON writer; they must read
    // back as exactly what QJsonDocument would have written, whatever the text holds.
    ExportJob j;
    j.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    j.state = JobState::Running;
    j.progressText = u"Søgning \"i gang\" \\ 50 %"_s;
    j.manifestJson = R"({"output":[]})";
    // Files too: every member, with and without a count and an error, sizes past 2^32.
    for (int i = 0; i < 3; ++i) {
        ExportFile f;
        f.kind = i == 2 ? FileKind::Error : FileKind::Output;
        f.type = i == 1 ? u"Observation \"vitals\" æøå"_s : u"Patient"_s;
        f.url = QUrl(u"https://storage.example.org/x/%1.ndjson?sig=a%2Bb&n=æ"_s.arg(i));
        f.relativePath = u"%1.%2.ndjson"_s.arg(f.type).arg(i + 1);
        f.state = FileState(i % 3);
        f.bytes = (qint64(1) << 33) + i;
        f.totalBytes = i == 0 ? -1 : (qint64(1) << 34);
        f.lines = 123456789012LL + i;
        f.attempts = i;
        if (i != 1)
            f.expectedCount = qint64(i) * 1000;
        if (i == 2)
            f.error = u"Server said \"no\"\nline two\t\u0002 — ærgerligt"_s;
        j.files.append(f);
    }
    for (int i = 0; i < 4; ++i) {
        ActivityEntry e;
        e.at = QDateTime::currentDateTimeUtc().addMSecs(i);
        e.method = i == 1 ? "POST" : "GET";
        e.url = QUrl(u"https://fhir.example.org/fhir/jobs/%1?_type=Patient&x=%C3%A6"_s.arg(i));
        e.status = 200 + i;
        e.elapsedMs = qint64(1) << (30 + i);
        e.requestHeaders = {{"Accept", "application/fhir+json"}, {"Authorization", "Bearer ***"}};
        if (i == 1)
            e.requestBody = R"({"resourceType":"Parameters","note":"tab	and æøå"})";
        if (i >= 2)
            e.note = u"Line one\nline \"two\"\t\u0001 \\ — ærlig talt 🙂"_s;
        j.activity.append(e);
    }
    QJsonParseError error;
    const QJsonDocument stored = QJsonDocument::fromJson(j.toStoredJson(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(stored.object(), j.toJson());
    const std::optional<ExportJob> back = ExportJob::fromJson(stored.object());
    QVERIFY(back);
    QCOMPARE(back->activity.size(), 4);
    QCOMPARE(back->activity[3].note, j.activity[3].note);
    QCOMPARE(back->activity[1].requestBody, j.activity[1].requestBody);
    QCOMPARE(back->files.size(), 3);
    QCOMPARE(back->files[2].error, j.files[2].error);
    QCOMPARE(back->files[1].type, j.files[1].type);
    QCOMPARE(back->files[1].url, j.files[1].url);
    QVERIFY(!back->files[1].expectedCount);
    QCOMPARE(back->files[0].totalBytes, -1);
    QCOMPARE(back->files[2].lines, j.files[2].lines);
    // Times in another zone than UTC take the general path.
    j.activity[0].at = QDateTime(QDate(2026, 11, 29), QTime(10, 15, 0, 7), Qt::OffsetFromUTC, 3600);
    QCOMPARE(QJsonDocument::fromJson(j.toStoredJson()).object(), j.toJson());
    // No activity and no files at all are empty arrays, as before.
    j.activity.clear();
    QCOMPARE(QJsonDocument::fromJson(j.toStoredJson()).object(), j.toJson());
    j.files.clear();
    QCOMPARE(QJsonDocument::fromJson(j.toStoredJson()).object(), j.toJson());
}

void TestJobStore::groupNameIsKeptAndOptional()
{
    // The group's name rides with the request; a store written before it was kept has none.
    ExportJob j = makeJob(JobState::Saved);
    j.request.level = ExportLevel::Group;
    j.request.groupId = u"demo-group-1"_s;
    j.request.groupName = u"Hjertesvigt – \"telemonitorering\""_s;
    const QJsonObject stored = QJsonDocument::fromJson(j.toStoredJson()).object();
    QCOMPARE(stored.value("request"_L1).toObject().value("groupName"_L1).toString(),
             j.request.groupName);
    std::optional<ExportJob> back = ExportJob::fromJson(stored);
    QVERIFY(back);
    QCOMPARE(back->request.groupName, j.request.groupName);
    QCOMPARE(back->request.groupId, u"demo-group-1"_s);

    QJsonObject old = stored;
    QJsonObject request = old.value("request"_L1).toObject();
    request.remove("groupName"_L1);
    old.insert("request"_L1, request);
    back = ExportJob::fromJson(old);
    QVERIFY(back);
    QCOMPARE(back->request.groupId, u"demo-group-1"_s);
    QVERIFY(back->request.groupName.isEmpty());
    QVERIFY(!ExportJob(*back).toJson().value("request"_L1).toObject().contains("groupName"_L1));
}

#include "tst_jobstore.moc"
