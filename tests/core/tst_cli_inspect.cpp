// `fhir-bulk-monitor inspect DIR [--json]` with the real executable, on folders written in a
// temporary folder: the table and the JSON of a known export (a bad line and a wrong
// resourceType named by file:line, a .gz file), an export the program itself saved with
// --gzip, and the exit codes of a missing folder, a folder that is no export and a usage error.
#include "cliprocess.h"
#include "faultybulkserver.h"
#include "sampleexport.h"
#include "servedfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fbm::test::CliProcess;
using fbm::test::CliRun;
namespace served = fbm::test::served;

namespace {

QJsonObject typeOf(const QJsonObject &o, const QString &type)
{
    for (const QJsonValue &t : o.value("types"_L1).toArray()) {
        if (t.toObject().value("type"_L1).toString() == type &&
            t.toObject().value("kind"_L1).toString() == "output"_L1)
            return t.toObject();
    }
    return {};
}

} // namespace

class TestCliInspect final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void table();
    void json();
    void exportSavedByTheProgram();
    void notAnExport_data();
    void notAnExport();
    void usage_data();
    void usage();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliProcess> m_cli;
};

void TestCliInspect::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_cli = std::make_unique<CliProcess>(m_dir->path());
}

void TestCliInspect::table()
{
    const QString out = m_dir->filePath(u"export"_s);
    QVERIFY(fbm::test::sample::writeExport(out));
    const CliRun r = m_cli->run({u"inspect"_s, out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString text = QString::fromUtf8(r.out);
    // One row per type: type, resources, patients, size, files, dates, last updated.
    static const QRegularExpression observation(
        u"\\nObservation +6 +3 +\\S+ \\S+ +2 +2019-01-01 – 2022-06-01 +2024-03-01\\n"_s);
    QVERIFY2(observation.match(text).hasMatch(), r.out.constData());
    static const QRegularExpression patient(
        u"\\nPatient +2 +2 +\\S+ \\S+ +1 +1950-03-04 – 1961-07-08 +2024-01-02 – 2024-02-03\\n"_s);
    QVERIFY2(patient.match(text).hasMatch(), r.out.constData());
    QVERIFY2(text.contains(u"In all: 9 resources, 3 patients"_s), r.out.constData());
    QVERIFY2(text.contains(u"errors/OperationOutcome"_s), r.out.constData());
    QVERIFY2(text.contains(u"  Observation.1.ndjson:5: Not valid JSON"_s), r.out.constData());
    QVERIFY2(
        text.contains(
            u"  Observation.2.ndjson.gz:2: The resource is Condition, but the file holds Observation."_s),
        r.out.constData());
}

void TestCliInspect::json()
{
    const QString out = m_dir->filePath(u"export"_s);
    QVERIFY(fbm::test::sample::writeExport(out));
    const CliRun r = m_cli->run({u"inspect"_s, u"--json"_s, out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
    QCOMPARE(o.value("resources"_L1).toInteger(), 9);
    QCOMPARE(o.value("patients"_L1).toInteger(), 3);
    const QJsonObject obs = typeOf(o, u"Observation"_s);
    QCOMPARE(obs.value("resources"_L1).toInteger(), 6);
    QCOMPARE(obs.value("files"_L1).toInteger(), 2);
    QCOMPARE(obs.value("patients"_L1).toInteger(), 3);
    QCOMPARE(obs.value("dates"_L1).toObject().value("max"_L1).toString(), u"2022-06-01"_s);
    QCOMPARE(obs.value("bytes"_L1).toInteger(),
             QFileInfo(out + u"/Observation.1.ndjson"_s).size() +
                 QFileInfo(out + u"/Observation.2.ndjson.gz"_s).size());
    const QJsonArray problems = o.value("problems"_L1).toArray();
    QCOMPARE(o.value("problemCount"_L1).toInteger(), 2);
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).toObject().value("file"_L1).toString(), u"Observation.1.ndjson"_s);
    QCOMPARE(problems.at(0).toObject().value("line"_L1).toInteger(), 5);
    QCOMPARE(problems.at(1).toObject().value("file"_L1).toString(), u"Observation.2.ndjson.gz"_s);
    QCOMPARE(problems.at(1).toObject().value("line"_L1).toInteger(), 2);
    QVERIFY(problems.at(1).toObject().value("reason"_L1).toString().contains(u"Condition"_s));
}

void TestCliInspect::exportSavedByTheProgram()
{
    fbm::test::FaultyBulkServer server;
    QVERIFY(server.listen());
    server.setFiles({served::generated(u"Patient"_s, 40), served::generated(u"Observation"_s, 300),
                     served::errors()});
    const QString out = m_dir->filePath(u"saved"_s);
    const CliRun e = m_cli->run(
        {u"export"_s, u"--base"_s, server.baseUrl().toString(), u"--out"_s, out, u"--gzip"_s});
    QVERIFY2(e.exitCode == 0, e.err.constData());
    const CliRun r = m_cli->run({u"inspect"_s, u"--json"_s, out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(typeOf(o, u"Patient"_s).value("resources"_L1).toInteger(), 40);
    QCOMPARE(typeOf(o, u"Observation"_s).value("resources"_L1).toInteger(), 300);
    QCOMPARE(o.value("problemCount"_L1).toInteger(), 0);
}

void TestCliInspect::notAnExport_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("missing folder") << u"missing"_s;
    QTest::newRow("a folder without an export") << u"empty"_s;
}

void TestCliInspect::notAnExport()
{
    QFETCH(QString, what);
    const QString path = m_dir->filePath(what);
    if (what == "empty"_L1)
        QVERIFY(QDir().mkpath(path));
    const CliRun r = m_cli->run({u"inspect"_s, path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QDir::toNativeSeparators(path).toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
    const CliRun j = m_cli->run({u"inspect"_s, u"--json"_s, path});
    QCOMPARE(j.exitCode, 1);
    QVERIFY(!QJsonDocument::fromJson(j.out).object().value("error"_L1).toString().isEmpty());
}

void TestCliInspect::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no folder") << QStringList{u"inspect"_s};
    QTest::newRow("two folders") << QStringList{u"inspect"_s, u"a"_s, u"b"_s};
    QTest::newRow("unknown option") << QStringList{u"inspect"_s, u"--frobnicate"_s, u"a"_s};
}

void TestCliInspect::usage()
{
    QFETCH(QStringList, args);
    const CliRun r = m_cli->run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("fhir-bulk-monitor inspect"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliInspect)
#include "tst_cli_inspect.moc"
