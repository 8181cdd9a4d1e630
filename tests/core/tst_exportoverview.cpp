// ExportOverview on a small export written by hand (tests/support/sampleexport.h): counts,
// sizes, patients, date spans and problems with their files and lines, a .gz file, the cap on
// problems, a folder that is not an export, and cancelling. Also the fields it reads.
#include "exportoverview.h"
#include "linescan.h"
#include "resourcefields.h"
#include "sampleexport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

const TypeOverview *find(const ExportOverview &o, const QString &type,
                         const QString &kind = u"output"_s)
{
    for (const TypeOverview &t : o.types) {
        if (t.type == type && t.kind == kind)
            return &t;
    }
    return nullptr;
}

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestExportOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counts();
    void problems();
    void cappedProblems();
    void notAnExport_data();
    void notAnExport();
    void cancel();
    void progress();
    void dataFiles();
    void clinicalDate_data();
    void clinicalDate();
    void patientId_data();
    void patientId();
    void summary_data();
    void summary();
    void compareDates();
    void lineScan_data();
    void lineScan();
    void lineScanValues();
};

void TestExportOverview::counts()
{
    QTemporaryDir dir;
    QVERIFY(test::sample::writeExport(dir.path()));
    const std::atomic_bool never = false;
    const ExportOverview o = ExportOverview::compute(dir.path(), never);
    QVERIFY2(o.ok(), qPrintable(o.error));
    QCOMPARE(o.types.size(), 4);
    // Output types by name, then errors/.
    QCOMPARE(o.types.at(0).type, u"Condition"_s);
    QCOMPARE(o.types.at(1).type, u"Observation"_s);
    QCOMPARE(o.types.at(2).type, u"Patient"_s);
    QCOMPARE(o.types.at(3).kind, u"error"_s);

    const TypeOverview *patient = find(o, u"Patient"_s);
    QVERIFY(patient);
    QCOMPARE(patient->resources, 2);
    QCOMPARE(patient->files, 1);
    QCOMPARE(patient->patients, 2);
    QCOMPARE(patient->bytes, test::sample::patients().size());
    QCOMPARE(patient->dateMin, u"1950-03-04"_s);
    QCOMPARE(patient->dateMax, u"1961-07-08"_s);
    QCOMPARE(patient->lastUpdatedMin, u"2024-01-02T10:00:00Z"_s);
    QCOMPARE(patient->lastUpdatedMax, u"2024-02-03T10:00:00+01:00"_s);

    const TypeOverview *obs = find(o, u"Observation"_s);
    QVERIFY(obs);
    QCOMPARE(obs->files, 2);
    QCOMPARE(obs->resources, 6); // the blank line is not one; the bad ones are
    QCOMPARE(obs->patients, 3);  // p1, p2 and p3 (referenced by its full URL)
    QCOMPARE(obs->dateMin, u"2019-01-01"_s);
    QCOMPARE(obs->dateMax, u"2022-06-01"_s);
    QCOMPARE(obs->lastUpdatedMin, u"2024-03-01T00:00:00Z"_s);
    const QString dir1 = dir.path();
    QCOMPARE(obs->bytes, QFileInfo(dir1 + u"/Observation.1.ndjson"_s).size() +
                             QFileInfo(dir1 + u"/Observation.2.ndjson.gz"_s).size());

    const TypeOverview *condition = find(o, u"Condition"_s);
    QVERIFY(condition);
    QCOMPARE(condition->resources, 1);
    QCOMPARE(condition->patients, 1);
    QCOMPARE(condition->dateMin, u"2015-09-10"_s);

    const TypeOverview *errors = find(o, u"OperationOutcome"_s, u"error"_s);
    QVERIFY(errors);
    QCOMPARE(errors->resources, 1);

    QCOMPARE(o.resources(), 9);
    QCOMPARE(o.patients, 3);

    const QJsonObject j = o.toJson();
    QCOMPARE(j.value("patients"_L1).toInteger(), 3);
    QCOMPARE(j.value("resources"_L1).toInteger(), 9);
    QCOMPARE(j.value("types"_L1).toArray().size(), 4);
    const QJsonObject obsJson = j.value("types"_L1).toArray().at(1).toObject();
    QCOMPARE(obsJson.value("dates"_L1).toObject().value("min"_L1).toString(), u"2019-01-01"_s);
}

void TestExportOverview::problems()
{
    QTemporaryDir dir;
    QVERIFY(test::sample::writeExport(dir.path()));
    const std::atomic_bool never = false;
    const ExportOverview o = ExportOverview::compute(dir.path(), never);
    QCOMPARE(o.problemCount, 2);
    QCOMPARE(o.problems.size(), 2);
    QCOMPARE(o.problems.at(0).file, u"Observation.1.ndjson"_s);
    QCOMPARE(o.problems.at(0).line, 5);
    QVERIFY2(o.problems.at(0).reason.contains(u"JSON"_s), qPrintable(o.problems.at(0).reason));
    QCOMPARE(o.problems.at(1).file, u"Observation.2.ndjson.gz"_s);
    QCOMPARE(o.problems.at(1).line, 2);
    QVERIFY(o.problems.at(1).reason.contains(u"Condition"_s));
}

void TestExportOverview::cappedProblems()
{
    QTemporaryDir dir;
    QByteArray lines;
    for (int i = 0; i < 250; ++i)
        lines += i % 2 ? QByteArray("not json\n")
                       : R"({"resourceType":"Patient","id":"x"})"
                         "\n";
    QVERIFY(test::sample::write(dir.filePath(u"Patient.1.ndjson"_s), lines));
    const std::atomic_bool never = false;
    const ExportOverview o = ExportOverview::compute(dir.path(), never);
    QCOMPARE(o.problemCount, 125);
    QCOMPARE(o.problems.size(), ExportOverview::kMaxProblems);
    QCOMPARE(o.problems.last().line, 200);
    QCOMPARE(o.types.value(0).patients, 1);
}

void TestExportOverview::notAnExport_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("missing") << u"missing"_s;
    QTest::newRow("empty folder") << u"empty"_s;
    QTest::newRow("a file") << u"file"_s;
    QTest::newRow("only other files") << u"other"_s;
}

void TestExportOverview::notAnExport()
{
    QFETCH(QString, what);
    QTemporaryDir dir;
    QString path = dir.filePath(what);
    if (what == "empty"_L1)
        QDir().mkpath(path);
    if (what == "file"_L1)
        QVERIFY(test::sample::write(path, "x"));
    if (what == "other"_L1)
        QVERIFY(test::sample::write(path + u"/log.ndjson"_s, "{}\n"));
    const std::atomic_bool never = false;
    const ExportOverview o = ExportOverview::compute(path, never);
    QVERIFY(!o.error.isEmpty());
    QVERIFY(o.types.isEmpty());
    QVERIFY(!o.ok());
}

void TestExportOverview::cancel()
{
    QTemporaryDir dir;
    QVERIFY(test::sample::writeExport(dir.path()));
    std::atomic_bool stop = true;
    const ExportOverview before = ExportOverview::compute(dir.path(), stop);
    QVERIFY(before.cancelled);
    QVERIFY(!before.ok());
    // Stopped from the progress callback after the first file.
    stop = false;
    int calls = 0;
    const ExportOverview during = ExportOverview::compute(dir.path(), stop, [&](qint64, qint64) {
        ++calls;
        stop = true;
    });
    QVERIFY(during.cancelled);
    QCOMPARE(calls, 1);
    QCOMPARE(during.types.size(), 1);
}

void TestExportOverview::progress()
{
    QTemporaryDir dir;
    QVERIFY(test::sample::writeExport(dir.path()));
    const std::atomic_bool never = false;
    qint64 last = -1, total = -1;
    const ExportOverview o = ExportOverview::compute(dir.path(), never, [&](qint64 d, qint64 t) {
        QVERIFY(d >= last);
        last = d;
        total = t;
    });
    QCOMPARE(last, total);
    QCOMPARE(total, o.bytes);
    // The same on the data pool, by a future.
    QFuture<ExportOverview> later = ExportOverview::computeLater(dir.path());
    later.waitForFinished();
    QCOMPARE(later.result().resources(), 9);
    QCOMPARE(later.progressValue(), 1000);
}

void TestExportOverview::dataFiles()
{
    QTemporaryDir dir;
    QVERIFY(test::sample::writeExport(dir.path()));
    QVERIFY(test::sample::write(dir.filePath(u"Observation.10.ndjson"_s), "{}\n"));
    QCOMPARE(exportDataFiles(dir.path()),
             QStringList({u"Condition.1.ndjson"_s, u"Observation.1.ndjson"_s,
                          u"Observation.2.ndjson.gz"_s, u"Observation.10.ndjson"_s,
                          u"Patient.1.ndjson"_s, u"errors/OperationOutcome.1.ndjson"_s}));
    QCOMPARE(dataFileType(u"errors/OperationOutcome.1.ndjson"_s), u"OperationOutcome"_s);
    QCOMPARE(dataFileType(u"log.ndjson"_s), QString());
}

void TestExportOverview::clinicalDate_data()
{
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<QString>("date");
    QTest::newRow("Observation effectiveDateTime")
        << QByteArray(
               R"({"resourceType":"Observation","effectiveDateTime":"2020-01-02","issued":"2021-01-01T00:00:00Z"})")
        << u"2020-01-02"_s;
    QTest::newRow("Observation issued")
        << QByteArray(R"({"resourceType":"Observation","issued":"2021-01-01T00:00:00Z"})")
        << u"2021-01-01T00:00:00Z"_s;
    QTest::newRow("Condition recordedDate")
        << QByteArray(R"({"resourceType":"Condition","recordedDate":"2019"})") << u"2019"_s;
    QTest::newRow("Encounter")
        << QByteArray(R"({"resourceType":"Encounter","period":{"start":"2018-02-03"}})")
        << u"2018-02-03"_s;
    QTest::newRow("MedicationRequest")
        << QByteArray(R"({"resourceType":"MedicationRequest","authoredOn":"2017-05"})")
        << u"2017-05"_s;
    QTest::newRow("Procedure period")
        << QByteArray(R"({"resourceType":"Procedure","performedPeriod":{"start":"2016-01-01"}})")
        << u"2016-01-01"_s;
    QTest::newRow("Immunization")
        << QByteArray(R"({"resourceType":"Immunization","occurrenceDateTime":"2015-01-01"})")
        << u"2015-01-01"_s;
    QTest::newRow("DocumentReference")
        << QByteArray(R"({"resourceType":"DocumentReference","date":"2014-01-01T00:00:00Z"})")
        << u"2014-01-01T00:00:00Z"_s;
    QTest::newRow("AllergyIntolerance")
        << QByteArray(R"({"resourceType":"AllergyIntolerance","recordedDate":"2013-01-01"})")
        << u"2013-01-01"_s;
    QTest::newRow("Patient") << QByteArray(R"({"resourceType":"Patient","birthDate":"1950"})")
                             << u"1950"_s;
    QTest::newRow("none") << QByteArray(R"({"resourceType":"Group"})") << QString();
}

void TestExportOverview::clinicalDate()
{
    QFETCH(QByteArray, resource);
    QFETCH(QString, date);
    const QJsonObject r = json(resource);
    QCOMPARE(fields::clinicalDate(r, r.value("resourceType"_L1).toString()), date);
}

void TestExportOverview::patientId_data()
{
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<QString>("id");
    QTest::newRow("Patient") << QByteArray(R"({"resourceType":"Patient","id":"p1"})") << u"p1"_s;
    QTest::newRow("subject")
        << QByteArray(R"({"resourceType":"Observation","subject":{"reference":"Patient/123"}})")
        << u"123"_s;
    QTest::newRow("patient")
        << QByteArray(
               R"({"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/a"}})")
        << u"a"_s;
    QTest::newRow("absolute, versioned")
        << QByteArray(
               R"({"resourceType":"Observation","subject":{"reference":"https://x/fhir/Patient/9/_history/2"}})")
        << u"9"_s;
    QTest::newRow("a group")
        << QByteArray(R"({"resourceType":"Observation","subject":{"reference":"Group/1"}})")
        << QString();
    QTest::newRow("not Patient/")
        << QByteArray(R"({"resourceType":"Observation","subject":{"reference":"OtherPatient/1"}})")
        << QString();
}

void TestExportOverview::patientId()
{
    QFETCH(QByteArray, resource);
    QFETCH(QString, id);
    const QJsonObject r = json(resource);
    QCOMPARE(fields::patientId(r, r.value("resourceType"_L1).toString()), id);
}

void TestExportOverview::summary_data()
{
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<QString>("summary");
    QTest::newRow("Observation")
        << QByteArray(
               R"({"resourceType":"Observation","code":{"coding":[{"code":"8867-4","display":"Heart rate"}]},"valueQuantity":{"value":72,"unit":"/min"}})")
        << u"Heart rate · 72 /min"_s;
    QTest::newRow("Observation code only")
        << QByteArray(R"({"resourceType":"Observation","code":{"coding":[{"code":"8867-4"}]}})")
        << u"8867-4"_s;
    QTest::newRow("Patient")
        << QByteArray(
               R"({"resourceType":"Patient","name":[{"family":"Hansen","given":["Karen","M"]}],"gender":"female","birthDate":"1950-03-04"})")
        << u"Karen M Hansen · female · 1950-03-04"_s;
    QTest::newRow("Encounter")
        << QByteArray(
               R"({"resourceType":"Encounter","class":{"code":"AMB","display":"ambulatory"},"period":{"start":"2020-01-01","end":"2020-01-02"}})")
        << u"ambulatory · 2020-01-01 – 2020-01-02"_s;
    QTest::newRow("MedicationRequest")
        << QByteArray(
               R"({"resourceType":"MedicationRequest","medicationCodeableConcept":{"coding":[{"display":"metformin"}]}})")
        << u"metformin"_s;
    QTest::newRow("other")
        << QByteArray(
               R"({"resourceType":"Flag","status":"active","category":{"coding":[{"display":"Clinical"}]}})")
        << u"Clinical"_s;
}

void TestExportOverview::summary()
{
    QFETCH(QByteArray, resource);
    QFETCH(QString, summary);
    const QJsonObject r = json(resource);
    QCOMPARE(fields::summary(r, r.value("resourceType"_L1).toString()), summary);
}

void TestExportOverview::compareDates()
{
    QVERIFY(fields::compareDates(u"2019"_s, u"2019-01-01"_s) < 0);
    QVERIFY(fields::compareDates(u"2020-01-01"_s, u"2019-12-31T23:00:00Z"_s) > 0);
    // The same day: compared in UTC.
    QVERIFY(fields::compareDates(u"2020-01-01T10:00:00+02:00"_s, u"2020-01-01T09:00:00Z"_s) < 0);
    QCOMPARE(fields::compareDates(u"2020-01-01T10:00:00+01:00"_s, u"2020-01-01T09:00:00Z"_s), 0);
    QVERIFY(fields::compareDates(u"2020-01-01"_s, u"2020-01-01T00:00:00Z"_s) < 0);
}

void TestExportOverview::lineScan_data()
{
    // RFC 8259, stricter than QJsonDocument (which takes "1.", ".5", "\x" and a raw tab): the
    // overview reads what the scan refuses with QJsonDocument, whose verdict counts.
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    const QList<std::pair<QByteArray, bool>> lines = {
        {R"({})", true},
        {R"( {"a":1} )", true},
        {R"({"a":[1,2.5,-3e+2,true,false,null,"x",{"b":[]}]})", true},
        {R"({"a":"\u00e6 \"q\" \\ \/ \n"})", true},
        {R"({"a":-0.0,"b":0,"c":1E5})", true},
        {R"([1,2])", false},
        {R"("text")", false},
        {R"({"a":1,})", false},
        {R"({"a":01})", false},
        {R"({"a":1.})", false},
        {R"({"a":.5})", false},
        {R"({"a":+1})", false},
        {R"({"a":tru})", false},
        {R"({"a":"\x"})", false},
        {R"({"a":"\u12G4"})", false},
        {R"({a:1})", false},
        {R"({"a" 1})", false},
        {R"({"a":1}})", false},
        {R"({"a":1} x)", false},
        {R"({"a":[1,]})", false},
        {R"({"a":"unterminated})", false},
        {"{\"a\":\"tab\tinside\"}", false},
        {"{\"a\":\"\xff\"}", false},
        {"{\"a\":\"\xc3\"}", false},
        {"{\"a\":\"\xc3\xa6\xc3\xb8\"}", true},
        {"{\"a\":\"\xe2\x82\xac\"}", true},
        {"{\"a\":\"\xf0\x9f\x98\x80\"}", true},
        {"{\"a\":\"\xc0\xaf\"}", false},
    };
    for (qsizetype i = 0; i < lines.size(); ++i)
        QTest::addRow("%d %s", int(i), lines.at(i).first.toPercentEncoding().constData())
            << lines.at(i).first << lines.at(i).second;
}

void TestExportOverview::lineScan()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    LineScan scan({});
    QCOMPARE(scan.scan(line), valid);
    // What the scan takes, QJsonDocument takes too.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (valid)
        QVERIFY(error.error == QJsonParseError::NoError && doc.isObject());
}

void TestExportOverview::lineScanValues()
{
    LineScan scan(
        {"resourceType", "id", "meta.lastUpdated", "subject.reference", "effectivePeriod.start"});
    const QByteArray line =
        R"({"resourceType":"Observation","meta":{"versionId":"1","lastUpdated":"2024-01-01T00:00:00Z"},)"
        R"("contained":[{"id":"inner"}],"subject":{"reference":"Patient/p1","display":"x"},)"
        R"("effectivePeriod":{"end":"2020","start":"2019"},"id":"o1","extra":{"id":"nested"}})";
    QVERIFY(scan.scan(line));
    QVERIFY(!scan.escaped());
    QCOMPARE(scan.value(0), QByteArrayView("Observation"));
    QCOMPARE(scan.value(1), QByteArrayView("o1"));
    QCOMPARE(scan.value(2), QByteArrayView("2024-01-01T00:00:00Z"));
    QCOMPARE(scan.value(3), QByteArrayView("Patient/p1"));
    QCOMPARE(scan.value(4), QByteArrayView("2019"));
    // A value with an escape is flagged (the overview reads such a line with QJsonDocument).
    QVERIFY(scan.scan(R"({"resourceType":"Observation","id":"o\u0031"})"));
    QVERIFY(scan.escaped());
    QVERIFY(scan.value(3).isNull());
}

QTEST_GUILESS_MAIN(TestExportOverview)
#include "tst_exportoverview.moc"
