// The job store on real files: writes on its writer thread (newest copy wins, ordered with
// remove and flush, failures reported), and the index of finished jobs that makes a start with
// thousands of old jobs fast without losing their activity logs.

#include "jobmanager.h"
#include "jobstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

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
    QCOMPARE(s->files.size(), 1);
    QCOMPARE(s->bytesSaved(), qint64(1234));
    // A job still running is always read whole.
    const ExportJob *r = findJob(second, running.id);
    QVERIFY(r && r->detailsLoaded);
    QCOMPARE(r->activity.size(), 5);
    // The details are one load away.
    const auto full = store.load(saved.id);
    QVERIFY(full);
    QCOMPARE(full->activity.size(), 13);
    QCOMPARE(full->manifestJson, saved.manifestJson);
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
    QCOMPARE(again.loadAll().jobs.first().files.size(), 1);
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
