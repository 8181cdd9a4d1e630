// Where an export started in the window saves its files: a folder of its own inside the folder
// chosen, named by the time and what it holds, legal on every file system, never one that holds
// files or that another export uses. On real folders, and through the session's JobManager and
// its clock as the dialog and the main window use it.

#include "exportfixture.h"
#include "exportfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using fbm::test::ExportFixture;

namespace {

ExportRequest requestFor(ExportLevel level, const QStringList &types, const QString &groupId = {},
                         const QString &groupName = {})
{
    ExportRequest r;
    r.base = QUrl(u"https://fhir.example.org/fhir"_s);
    r.level = level;
    r.types = types;
    r.groupId = groupId;
    r.groupName = groupName;
    return r;
}

/// 7 December 2026, 10:03:42 on the computer's clock (the name shows local time).
QDateTime tenOhThree()
{
    return QDateTime(QDate(2026, 12, 7), QTime(10, 3, 42));
}

bool touch(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write("x") == 1;
}

} // namespace

Q_DECLARE_METATYPE(fbm::ExportRequest)

class TestExportFolder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void name_data();
    void name();
    void nameTakesTheLocalTimeOfAnyZone();
    void safeName_data();
    void safeName();
    void pickSkipsFoldersInUse();
    void forExportUsesTheManagersClockAndJobs();
    void cancelledExportLeavesNoEmptyFolder();
    void folderThatWasThereStays();
};

void TestExportFolder::name_data()
{
    QTest::addColumn<ExportRequest>("request");
    QTest::addColumn<QString>("expected");
    const QStringList five{u"Patient"_s, u"Observation"_s, u"Condition"_s, u"Encounter"_s,
                           u"Procedure"_s};
    QTest::newRow("everything") << requestFor(ExportLevel::System, {})
                                << u"2026-12-07 10.03 System, all types"_s;
    QTest::newRow("a few types") << requestFor(ExportLevel::System,
                                               {u"Patient"_s, u"Observation"_s})
                                 << u"2026-12-07 10.03 Patient, Observation"_s;
    QTest::newRow("three types") << requestFor(ExportLevel::System,
                                               {u"Patient"_s, u"Observation"_s, u"Claim"_s})
                                 << u"2026-12-07 10.03 Patient, Observation, Claim"_s;
    QTest::newRow("many types") << requestFor(ExportLevel::System, five)
                                << u"2026-12-07 10.03 5 types"_s;
    QTest::newRow("all patients") << requestFor(ExportLevel::Patient, {})
                                  << u"2026-12-07 10.03 All patients"_s;
    QTest::newRow("all patients, one type") << requestFor(ExportLevel::Patient, {u"Patient"_s})
                                            << u"2026-12-07 10.03 All patients, Patient"_s;
    QTest::newRow("group by name")
        << requestFor(ExportLevel::Group, {}, u"demo-group-1"_s, u"Heart failure telemonitoring"_s)
        << u"2026-12-07 10.03 Group Heart failure telemonitoring"_s;
    QTest::newRow("group by id") << requestFor(ExportLevel::Group, {}, u"demo-group-1"_s)
                                 << u"2026-12-07 10.03 Group demo-group-1"_s;
    QTest::newRow("group and types")
        << requestFor(ExportLevel::Group, {u"Observation"_s}, u"g1"_s, u"COPD"_s)
        << u"2026-12-07 10.03 Group COPD, Observation"_s;
    QTest::newRow("a name a file system refuses")
        << requestFor(ExportLevel::Group, {}, u"g1"_s, u"Heart/lung: \"follow-up\" <2026>?"_s)
        << u"2026-12-07 10.03 Group Heart_lung_ _follow-up_ _2026_"_s;
    QTest::newRow("a name far too long")
        << requestFor(ExportLevel::Group, {}, u"g1"_s, u"Telemonitoring "_s.repeated(10))
        << QString(u"2026-12-07 10.03 Group "_s + u"Telemonitoring "_s.repeated(10))
               .left(ExportFolder::kMaxNameLength)
               .trimmed();
}

void TestExportFolder::name()
{
    QFETCH(ExportRequest, request);
    QFETCH(QString, expected);
    const QString name = ExportFolder::name(request, tenOhThree());
    QCOMPARE(name, expected);
    QVERIFY(name.size() <= ExportFolder::kMaxNameLength);
}

void TestExportFolder::nameTakesTheLocalTimeOfAnyZone()
{
    // The clock gives UTC: the folder shows the time on the computer's clock, as people read it.
    const QDateTime utc = tenOhThree().toUTC();
    QCOMPARE(ExportFolder::name(requestFor(ExportLevel::System, {}), utc),
             u"2026-12-07 10.03 System, all types"_s);
}

void TestExportFolder::safeName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"2026-12-07 10.03 Patient"_s << u"2026-12-07 10.03 Patient"_s;
    QTest::newRow("every refused character")
        << u"a/b\\c:d*e?f\"g<h>i|j"_s << u"a_b_c_d_e_f_g_h_i_j"_s;
    QTest::newRow("a run is one") << u"a//::b"_s << u"a_b"_s;
    QTest::newRow("control characters") << u"a\u0001\u007fb"_s << u"a_b"_s;
    QTest::newRow("white space") << u" tab\tand\nline  break "_s << u"tab and line break"_s;
    QTest::newRow("leading dots") << u"..hidden"_s << u"hidden"_s;
    QTest::newRow("trailing dots and spaces") << u"name. . "_s << u"name"_s;
    QTest::newRow("Danish letters stay") << u"Hjertesvigt – Ærø"_s << u"Hjertesvigt – Ærø"_s;
    QTest::newRow("nothing left") << u"..."_s << u"export"_s;
    QTest::newRow("empty") << QString() << u"export"_s;
    QTest::newRow("cut") << u"x"_s.repeated(200) << u"x"_s.repeated(ExportFolder::kMaxNameLength);
    // A character outside the BMP across the cut is dropped whole, never half of it.
    QTest::newRow("cut before a surrogate pair")
        << u"x"_s.repeated(ExportFolder::kMaxNameLength - 1) + u"🙂🙂"_s
        << u"x"_s.repeated(ExportFolder::kMaxNameLength - 1);
}

void TestExportFolder::safeName()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(ExportFolder::safeName(text), expected);
}

void TestExportFolder::pickSkipsFoldersInUse()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString saveIn = dir.filePath(u"Demo server"_s);
    const QString name = u"2026-12-07 10.03 System, all types"_s;
    const QString first = saveIn + u'/' + name;
    // Nothing there yet, not even the folder chosen: the name as it is.
    QCOMPARE(ExportFolder::pick(saveIn, name, {}), first);
    // An empty folder of that name holds nothing to overwrite.
    QVERIFY(QDir().mkpath(first));
    QCOMPARE(ExportFolder::pick(saveIn, name, {}), first);
    // One that holds a file (even a hidden one) is taken.
    QVERIFY(touch(first + u"/.hidden"_s));
    const QString second = first + u" (2)"_s;
    QCOMPARE(ExportFolder::pick(saveIn, name, {}), second);
    // So is the folder of another export, though nothing is in it yet, however it is written.
    QCOMPARE(ExportFolder::pick(saveIn, name, {saveIn + u"/./"_s + name + u" (2)/"_s}),
             first + u" (3)"_s);
    // And a file in the way.
    QVERIFY(touch(second));
    QCOMPARE(ExportFolder::pick(saveIn, name, {}), first + u" (3)"_s);
    // The folder chosen is taken as written, made clean.
    QCOMPARE(ExportFolder::pick(saveIn + u"/sub/.."_s, u"other"_s, {}), saveIn + u"/other"_s);
}

void TestExportFolder::forExportUsesTheManagersClockAndJobs()
{
    ExportFixture fx;
    fx.server.seedDemoData();
    fx.clock.set(QDateTime(QDate(2026, 12, 7), QTime(10, 3, 0)).toUTC());
    fx.clock.stop();
    const QString saveIn = fx.dir.filePath(u"FHIR exports/Demo server"_s);
    const ExportRequest request = fx.request();
    QCOMPARE(ExportFolder::forExport(QString(), request, fx.manager), QString());
    const QString first = ExportFolder::forExport(saveIn, request, fx.manager);
    QCOMPARE(first, saveIn + u"/2026-12-07 10.03 System, all types"_s);
    JobOptions options = fx.options(false);
    options.outDir = first;
    const Result<QString> id = fx.manager->startExport(request, options);
    QVERIFY(id.ok());
    // The same minute, the same export again: the first one's folder is taken.
    QCOMPARE(ExportFolder::forExport(saveIn, request, fx.manager), first + u" (2)"_s);
    // A minute later it is free again by name.
    fx.clock.advance(60 * 1000);
    QCOMPARE(ExportFolder::forExport(saveIn, request, fx.manager),
             saveIn + u"/2026-12-07 10.04 System, all types"_s);
    // Without a manager: the system's clock and no other exports.
    const QString now = ExportFolder::forExport(saveIn, request, nullptr);
    static const QRegularExpression stamped(
        u"^\\d{4}-\\d\\d-\\d\\d \\d\\d\\.\\d\\d System, all types$"_s);
    QVERIFY2(now.startsWith(saveIn + u'/') && stamped.match(QFileInfo(now).fileName()).hasMatch(),
             qPrintable(now));
}

void TestExportFolder::cancelledExportLeavesNoEmptyFolder()
{
    // The export's folder is made when it starts (a folder that cannot be written is found out
    // at once); cancelled before anything was saved, it goes again (with the log of nothing in
    // it), with the parents made for it.
    ExportFixture fx;
    fbm::demo::Script script;
    script.pollsBeforeDone = 1000000;
    script.retryAfterRaw = "0";
    fx.server.setScript(script);
    const QString saveIn = fx.dir.filePath(u"new/Demo server"_s);
    JobOptions options = fx.options();
    options.outDir = ExportFolder::forExport(saveIn, fx.request(), fx.manager);
    const Result<QString> id = fx.manager->startExport(fx.request(), options);
    QVERIFY(id.ok());
    QVERIFY(QFileInfo(options.outDir).isDir());
    QVERIFY(fx.waitForState(id.value(), JobState::Running));
    fx.manager->cancel(id.value());
    QVERIFY(fx.waitForState(id.value(), JobState::Cancelled));
    QVERIFY(!QFileInfo::exists(options.outDir));
    QVERIFY(!QFileInfo::exists(saveIn));
    QVERIFY(!QFileInfo::exists(fx.dir.filePath(u"new"_s)));
    QVERIFY(QFileInfo(fx.dir.path()).isDir());
    // Nor does an export the server refuses at once.
    fbm::demo::Script refused;
    refused.kickoffStatus = 400;
    fx.server.setScript(refused);
    options.outDir = ExportFolder::forExport(saveIn, fx.request(), fx.manager);
    const Result<QString> failed = fx.manager->startExport(fx.request(), options);
    QVERIFY(failed.ok());
    QVERIFY(fx.waitForState(failed.value(), JobState::Failed));
    // Its folder keeps only the export log, which holds the server's refusal.
    QCOMPARE(QDir(options.outDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"log.ndjson"_s});
    QFile log(QDir(options.outDir).filePath(u"log.ndjson"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray rows = log.readAll();
    QVERIFY2(rows.contains("\"kickoff\"") && rows.contains("\"errorCode\":400"), rows.constData());
}

void TestExportFolder::folderThatWasThereStays()
{
    // A folder the user made (the command line's --out, say) is never removed, empty or not;
    // nor is one the export saved something in.
    ExportFixture fx;
    fbm::demo::Script script;
    script.pollsBeforeDone = 1000000;
    script.retryAfterRaw = "0";
    fx.server.setScript(script);
    const QString own = fx.dir.filePath(u"made by the user"_s);
    QVERIFY(QDir().mkpath(own));
    JobOptions options = fx.options();
    options.outDir = own;
    const Result<QString> id = fx.manager->startExport(fx.request(), options);
    QVERIFY(id.ok());
    QVERIFY(fx.waitForState(id.value(), JobState::Running));
    fx.manager->cancel(id.value());
    QVERIFY(fx.waitForState(id.value(), JobState::Cancelled));
    QVERIFY(QFileInfo(own).isDir());
    // It holds the export's log (kick-off and status rows), and nothing else.
    QCOMPARE(QDir(own).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"log.ndjson"_s});

    fx.server.setScript({});
    fx.server.seedDemoData();
    JobOptions saved = fx.options();
    saved.outDir = ExportFolder::forExport(fx.dir.filePath(u"exports"_s), fx.request(), fx.manager);
    const Result<QString> second = fx.manager->startExport(fx.request(), saved);
    QVERIFY(second.ok());
    QVERIFY(fx.waitForState(second.value(), JobState::Saved));
    fx.manager->remove(second.value());
    QVERIFY(QFileInfo(saved.outDir + u"/manifest.json"_s).isFile());
}

QTEST_GUILESS_MAIN(TestExportFolder)
#include "tst_exportfolder.moc"
