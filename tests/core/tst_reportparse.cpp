// The $get-report-job-status parser: the IG's example, every malformed answer the issue names,
// and the pieces (status, short name, Binary reference, parameter values, run time).
#include "reports/reportjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using fbm::ReportJob;

namespace {

const QUrl kBase(u"https://reporting.example.dk/fhir"_s);

// The eHealth IG's example answer, as published (double quotes for single).
const QByteArray kSeedExample =
    R"({ "resourceType": "Bundle", "type": "collection", "entry": [ { "fullUrl": "ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc", "resource": { "resourceType": "Parameters", "id": "ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc", "parameter": [ { "name": "reportJob", "part": [ { "name": "reportClass", "valueString": "com.systematic.ehealth.reporting.reports.PatientsUsageReport" }, { "name": "userId", "valueString": "0aaca7cd-67c3-48dd-a8c4-0cceecb5d276" }, { "name": "status", "valueString": "DONE" }, { "name": "binary", "valueReference": { "reference": "https://reporting.local.ehealth.sundhed.dk/fhir/Binary/7" } }, { "name": "parameters", "resource": { "resourceType": "Parameters", "parameter": [ { "name": "anonymization", "valueString": "None" } ] } }, { "name": "created", "valueDateTime": "2023-10-12T09:51:50+00:00" }, { "name": "started", "valueDateTime": "2023-10-12T09:51:50+00:00" }, { "name": "ended", "valueDateTime": "2023-10-12T09:51:51+00:00" } ] } ] } } ] })";

QJsonObject part(const QString &name, const QString &key, const QJsonValue &value)
{
    return QJsonObject{{u"name"_s, name}, {key, value}};
}

QJsonObject entry(const QJsonArray &parts, const QString &fullUrl = u"job-1"_s,
                  const QString &id = QString())
{
    QJsonObject resource{
        {u"resourceType"_s, u"Parameters"_s},
        {u"parameter"_s, QJsonArray{QJsonObject{{u"name"_s, u"reportJob"_s}, {u"part"_s, parts}}}}};
    if (!id.isEmpty())
        resource.insert(u"id"_s, id);
    return QJsonObject{{u"fullUrl"_s, fullUrl}, {u"resource"_s, resource}};
}

QByteArray bundle(const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject{{u"resourceType"_s, u"Bundle"_s},
                                     {u"type"_s, u"collection"_s},
                                     {u"entry"_s, entries}})
        .toJson(QJsonDocument::Compact);
}

QByteArray oneJob(const QJsonArray &parts)
{
    return bundle(QJsonArray{entry(parts)});
}

ReportJob parseOne(const QByteArray &json, const QUrl &base = kBase)
{
    const auto r = fbm::parseReportJobBundle(json, base);
    if (!r.ok() || r.value().size() != 1) {
        qWarning() << "expected one job:" << r.error().message;
        return {};
    }
    return r.value().first();
}

} // namespace

class TestReportParse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedExample();
    void answers_data();
    void answers();
    void partsInAnyOrder();
    void missingParts();
    void unknownPartsKept();
    void binaryReference_data();
    void binaryReference();
    void status_data();
    void status();
    void shortName_data();
    void shortName();
    void parameterValues_data();
    void parameterValues();
    void parameterSummary();
    void identity_data();
    void identity();
    void duplicateIdentities();
    void dates();
    void runTime_data();
    void runTime();
    void toJson();
    void wrongTypes_data();
    void wrongTypes();
    void everyTruncationIsAnError();
};

void TestReportParse::seedExample()
{
    const ReportJob job = parseOne(kSeedExample);
    QCOMPARE(job.fullUrl, u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s);
    QCOMPARE(job.id, u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s);
    QCOMPARE(job.reportClass, u"com.systematic.ehealth.reporting.reports.PatientsUsageReport"_s);
    QCOMPARE(job.shortName, u"PatientsUsageReport"_s);
    QCOMPARE(job.userId, u"0aaca7cd-67c3-48dd-a8c4-0cceecb5d276"_s);
    QCOMPARE(job.status, u"DONE"_s);
    QVERIFY(job.isDone());
    QVERIFY(job.isFinished());
    QVERIFY(job.hasReport());
    QCOMPARE(job.binaryUrl, QUrl(u"https://reporting.local.ehealth.sundhed.dk/fhir/Binary/7"_s));
    QCOMPARE(job.binaryId(), u"7"_s);
    QCOMPARE(job.parameters, (fbm::NamedValueList{{u"anonymization"_s, u"None"_s}}));
    QCOMPARE(job.parameterSummary(), u"anonymization: None"_s);
    QCOMPARE(job.created, QDateTime(QDate(2023, 10, 12), QTime(9, 51, 50), Qt::UTC));
    QCOMPARE(job.started, QDateTime(QDate(2023, 10, 12), QTime(9, 51, 50), Qt::UTC));
    QCOMPARE(job.ended, QDateTime(QDate(2023, 10, 12), QTime(9, 51, 51), Qt::UTC));
    QCOMPARE(job.runTimeSeconds(), 1);
    QVERIFY(job.otherParts.isEmpty());
}

void TestReportParse::answers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("jobs");         // -1: an error is expected
    QTest::addColumn<QString>("mentions"); // in the error message, or in the warnings
    QTest::addColumn<int>("kind");

    const int none = int(fbm::Error::Kind::None);
    const int protocol = int(fbm::Error::Kind::Protocol);

    QTest::newRow("seed example") << kSeedExample << 1 << QString() << none;
    QTest::newRow("empty Bundle without entry")
        << R"({"resourceType":"Bundle","type":"collection"})"_ba << 0 << QString() << none;
    QTest::newRow("empty entry array")
        << R"({"resourceType":"Bundle","type":"collection","entry":[]})"_ba << 0 << QString()
        << none;
    QTest::newRow("OperationOutcome")
        << R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden","diagnostics":"REPORTING_EXECUTE_NOT_ALLOWED"}]})"_ba
        << -1 << u"error (forbidden): REPORTING_EXECUTE_NOT_ALLOWED"_s << protocol;
    QTest::newRow("OperationOutcome with details text")
        << R"({"resourceType":"OperationOutcome","issue":[{"severity":"fatal","code":"exception","details":{"text":"Store down"}}]})"_ba
        << -1 << u"fatal (exception): Store down"_s << protocol;
    QTest::newRow("non-Bundle resource")
        << R"({"resourceType":"Patient","id":"1"})"_ba << -1 << u"Patient"_s << protocol;
    QTest::newRow("object without resourceType")
        << R"({"entry":[]})"_ba << -1 << u"without a resourceType"_s << protocol;
    QTest::newRow("HTML page") << "<html><body>Welcome to nginx!</body></html>"_ba << -1
                               << u"not JSON"_s << protocol;
    QTest::newRow("empty body") << QByteArray() << -1 << u"not JSON"_s << protocol;
    QTest::newRow("truncated JSON")
        << kSeedExample.left(kSeedExample.size() / 2) << -1 << u"not JSON"_s << protocol;
    QTest::newRow("top-level array") << "[1,2,3]"_ba << -1 << u"not a FHIR resource"_s << protocol;
    QTest::newRow("entry is not an array")
        << R"({"resourceType":"Bundle","type":"collection","entry":{"fullUrl":"x"}})"_ba << -1
        << u"entry"_s << protocol;
    QTest::newRow("entry holding another resource is skipped")
        << bundle(QJsonArray{
               QJsonObject{{u"fullUrl"_s, u"p"_s},
                           {u"resource"_s, QJsonObject{{u"resourceType"_s, u"Patient"_s}}}},
               entry(QJsonArray{part(u"status"_s, u"valueString"_s, u"DONE"_s)})})
        << 1 << u"Entry 1 is not a report job (Patient)"_s << none;
    QTest::newRow("entry without resource is skipped")
        << bundle(QJsonArray{QJsonObject{{u"fullUrl"_s, u"p"_s}}}) << 0 << u"no resource"_s << none;
    QTest::newRow("Parameters without reportJob is skipped")
        << bundle(QJsonArray{QJsonObject{
               {u"fullUrl"_s, u"p"_s},
               {u"resource"_s,
                QJsonObject{
                    {u"resourceType"_s, u"Parameters"_s},
                    {u"parameter"_s, QJsonArray{part(u"foo"_s, u"valueString"_s, u"bar"_s)}}}}}})
        << 0 << u"no reportJob"_s << none;
    QTest::newRow("flattened parts without reportJob")
        << bundle(QJsonArray{QJsonObject{
               {u"fullUrl"_s, u"p"_s},
               {u"resource"_s,
                QJsonObject{{u"resourceType"_s, u"Parameters"_s},
                            {u"parameter"_s,
                             QJsonArray{part(u"status"_s, u"valueString"_s, u"DONE"_s),
                                        part(u"reportClass"_s, u"valueString"_s, u"a.B"_s)}}}}}})
        << 1 << QString() << none;
}

void TestReportParse::answers()
{
    QFETCH(QByteArray, json);
    QFETCH(int, jobs);
    QFETCH(QString, mentions);
    QFETCH(int, kind);

    QStringList warnings;
    const auto r = fbm::parseReportJobBundle(json, kBase, &warnings);
    QCOMPARE(int(r.error().kind), kind);
    if (jobs < 0) {
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
        QVERIFY(!r.error().detail.isEmpty());
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(r.value().size(), jobs);
    if (!mentions.isEmpty())
        QVERIFY2(warnings.join(u'\n').contains(mentions), qPrintable(warnings.join(u'\n')));
}

void TestReportParse::partsInAnyOrder()
{
    const QJsonArray parts =
        QJsonDocument::fromJson(kSeedExample)
            .object()[u"entry"_s][0][u"resource"_s][u"parameter"_s][0][u"part"_s]
            .toArray();
    QCOMPARE(parts.size(), 8);
    QJsonArray reversed;
    for (qsizetype i = parts.size() - 1; i >= 0; --i)
        reversed.append(parts.at(i));
    QJsonArray shuffled{parts[5], parts[2], parts[7], parts[0],
                        parts[4], parts[1], parts[6], parts[3]};

    QJsonObject e = QJsonDocument::fromJson(kSeedExample).object()[u"entry"_s][0].toObject();
    auto withParts = [&e](const QJsonArray &p) {
        QJsonObject res = e[u"resource"_s].toObject();
        res[u"parameter"_s] = QJsonArray{QJsonObject{{u"name"_s, u"reportJob"_s}, {u"part"_s, p}}};
        QJsonObject copy = e;
        copy[u"resource"_s] = res;
        return bundle(QJsonArray{copy});
    };
    const ReportJob original = parseOne(kSeedExample);
    QVERIFY(!original.status.isEmpty());
    QCOMPARE(parseOne(withParts(reversed)), original);
    QCOMPARE(parseOne(withParts(shuffled)), original);
}

void TestReportParse::missingParts()
{
    // Only a status: every other field stays empty, nothing breaks.
    const ReportJob job =
        parseOne(oneJob(QJsonArray{part(u"status"_s, u"valueString"_s, u"QUEUED"_s)}));
    QCOMPARE(job.status, u"QUEUED"_s);
    QVERIFY(job.reportClass.isEmpty());
    QVERIFY(job.shortName.isEmpty());
    QVERIFY(job.userId.isEmpty());
    QVERIFY(job.binaryUrl.isEmpty());
    QVERIFY(job.parameters.isEmpty());
    QVERIFY(!job.created.isValid());
    QCOMPARE(job.runTimeSeconds(), -1);
    QVERIFY(!job.isFinished());
    QVERIFY(!job.hasReport());

    // No parts at all, and no status: unfinished, with an empty status.
    const ReportJob bare = parseOne(oneJob(QJsonArray{}));
    QVERIFY(bare.status.isEmpty());
    QCOMPARE(bare.state(), ReportJob::State::Unfinished);
    QCOMPARE(bare.key(), u"job-1"_s);
}

void TestReportParse::unknownPartsKept()
{
    const ReportJob job = parseOne(oneJob(QJsonArray{
        part(u"status"_s, u"valueString"_s, u"DONE"_s),
        part(u"priority"_s, u"valueInteger"_s, 3),
        part(u"owner"_s, u"valueReference"_s, QJsonObject{{u"reference"_s, u"Practitioner/9"_s}}),
        part(u"note"_s, u"valueString"_s, u"nightly run"_s),
    }));
    QCOMPARE(job.otherParts, (fbm::NamedValueList{{u"priority"_s, u"3"_s},
                                                  {u"owner"_s, u"Practitioner/9"_s},
                                                  {u"note"_s, u"nightly run"_s}}));
}

void TestReportParse::binaryReference_data()
{
    QTest::addColumn<QUrl>("base");
    QTest::addColumn<QJsonObject>("binaryPart");
    QTest::addColumn<QUrl>("expected");
    QTest::addColumn<QString>("binaryId");

    auto ref = [](const QString &r) {
        return part(u"binary"_s, u"valueReference"_s, QJsonObject{{u"reference"_s, r}});
    };
    const QUrl noSlash(u"http://127.0.0.1:8080/fhir"_s);
    const QUrl slash(u"http://127.0.0.1:8080/fhir/"_s);

    QTest::newRow("relative, base without slash")
        << noSlash << ref(u"Binary/7"_s) << QUrl(u"http://127.0.0.1:8080/fhir/Binary/7"_s)
        << u"7"_s;
    QTest::newRow("relative, base with slash")
        << slash << ref(u"Binary/7"_s) << QUrl(u"http://127.0.0.1:8080/fhir/Binary/7"_s) << u"7"_s;
    QTest::newRow("relative with version")
        << slash << ref(u"Binary/7/_history/2"_s)
        << QUrl(u"http://127.0.0.1:8080/fhir/Binary/7/_history/2"_s) << u"7"_s;
    QTest::newRow("absolute, same server")
        << slash << ref(u"http://127.0.0.1:8080/fhir/Binary/8"_s)
        << QUrl(u"http://127.0.0.1:8080/fhir/Binary/8"_s) << u"8"_s;
    QTest::newRow("absolute, another host")
        << slash << ref(u"https://reporting.local.ehealth.sundhed.dk/fhir/Binary/7"_s)
        << QUrl(u"https://reporting.local.ehealth.sundhed.dk/fhir/Binary/7"_s) << u"7"_s;
    QTest::newRow("valueUri") << slash << part(u"binary"_s, u"valueUri"_s, u"Binary/3"_s)
                              << QUrl(u"http://127.0.0.1:8080/fhir/Binary/3"_s) << u"3"_s;
    QTest::newRow("urn:uuid cannot be fetched")
        << slash << ref(u"urn:uuid:0f1e2d3c-4b5a-4697-8877-665544332211"_s) << QUrl() << QString();
    QTest::newRow("contained reference cannot be fetched")
        << slash << ref(u"#bin1"_s) << QUrl() << QString();
    QTest::newRow("empty reference") << slash << ref(QString()) << QUrl() << QString();
}

void TestReportParse::binaryReference()
{
    QFETCH(QUrl, base);
    QFETCH(QJsonObject, binaryPart);
    QFETCH(QUrl, expected);
    QFETCH(QString, binaryId);

    const ReportJob job = parseOne(
        oneJob(QJsonArray{part(u"status"_s, u"valueString"_s, u"DONE"_s), binaryPart}), base);
    QCOMPARE(job.binaryUrl, expected);
    QCOMPARE(job.binaryId(), binaryId);
    QCOMPARE(job.hasReport(), expected.isValid());
}

void TestReportParse::status_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<ReportJob::State>("state");

    QTest::newRow("DONE") << u"DONE"_s << u"DONE"_s << ReportJob::State::Done;
    QTest::newRow("done, lower case") << u"done"_s << u"done"_s << ReportJob::State::Done;
    QTest::newRow("FAILED") << u"FAILED"_s << u"FAILED"_s << ReportJob::State::Failed;
    QTest::newRow("RUNNING") << u"RUNNING"_s << u"RUNNING"_s << ReportJob::State::Unfinished;
    QTest::newRow("QUEUED") << u"QUEUED"_s << u"QUEUED"_s << ReportJob::State::Unfinished;
    QTest::newRow("SCHEDULED") << u"SCHEDULED"_s << u"SCHEDULED"_s << ReportJob::State::Unfinished;
    QTest::newRow("padded") << u"  DONE "_s << u"DONE"_s << ReportJob::State::Done;
    QTest::newRow("empty") << QString() << QString() << ReportJob::State::Unfinished;
}

void TestReportParse::status()
{
    QFETCH(QString, given);
    QFETCH(QString, shown);
    QFETCH(ReportJob::State, state);
    const ReportJob job = parseOne(oneJob(QJsonArray{part(u"status"_s, u"valueString"_s, given)}));
    QCOMPARE(job.status, shown);
    QCOMPARE(job.state(), state);
}

void TestReportParse::shortName_data()
{
    QTest::addColumn<QString>("reportClass");
    QTest::addColumn<QString>("shortName");
    QTest::newRow("java class") << u"com.systematic.ehealth.reporting.reports.PatientsUsageReport"_s
                                << u"PatientsUsageReport"_s;
    QTest::newRow("no dot") << u"PatientTotal"_s << u"PatientTotal"_s;
    QTest::newRow("trailing dot") << u"com.example."_s << u"com.example."_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces") << u" a.b.C "_s << u"C"_s;
}

void TestReportParse::shortName()
{
    QFETCH(QString, reportClass);
    QFETCH(QString, shortName);
    QCOMPARE(fbm::reportShortName(reportClass), shortName);
}

void TestReportParse::parameterValues_data()
{
    QTest::addColumn<QJsonObject>("parameter");
    QTest::addColumn<QString>("display");

    QTest::newRow("string") << part(u"anonymization"_s, u"valueString"_s, u"None"_s) << u"None"_s;
    QTest::newRow("boolean") << part(u"x"_s, u"valueBoolean"_s, true) << u"true"_s;
    QTest::newRow("integer") << part(u"x"_s, u"valueInteger"_s, 42) << u"42"_s;
    QTest::newRow("decimal") << part(u"x"_s, u"valueDecimal"_s, 2.5) << u"2.5"_s;
    QTest::newRow("reference") << part(u"organization"_s, u"valueReference"_s,
                                       QJsonObject{{u"reference"_s, u"Organization/42"_s}})
                               << u"Organization/42"_s;
    QTest::newRow("reference with display")
        << part(u"organization"_s, u"valueReference"_s,
                QJsonObject{{u"reference"_s, u"Organization/42"_s}, {u"display"_s, u"Odense"_s}})
        << u"Odense (Organization/42)"_s;
    QTest::newRow("period") << part(u"period"_s, u"valuePeriod"_s,
                                    QJsonObject{{u"start"_s, u"2023-01-01"_s},
                                                {u"end"_s, u"2023-06-30"_s}})
                            << u"2023-01-01 – 2023-06-30"_s;
    QTest::newRow("open period") << part(u"period"_s, u"valuePeriod"_s,
                                         QJsonObject{{u"start"_s, u"2023-01-01"_s}})
                                 << u"2023-01-01 – …"_s;
    QTest::newRow("coding") << part(u"devicetype"_s, u"valueCoding"_s,
                                    QJsonObject{{u"system"_s, u"urn:oid:1.2"_s},
                                                {u"code"_s, u"BP"_s}})
                            << u"urn:oid:1.2|BP"_s;
    QTest::newRow("coding with display")
        << part(u"devicetype"_s, u"valueCoding"_s,
                QJsonObject{{u"code"_s, u"BP"_s}, {u"display"_s, u"Blood pressure"_s}})
        << u"Blood pressure (BP)"_s;
    QTest::newRow("codeable concept text")
        << part(u"c"_s, u"valueCodeableConcept"_s, QJsonObject{{u"text"_s, u"Diabetes"_s}})
        << u"Diabetes"_s;
    QTest::newRow("nested parts")
        << QJsonObject{{u"name"_s, u"range"_s},
                       {u"part"_s, QJsonArray{part(u"low"_s, u"valueInteger"_s, 1),
                                              part(u"high"_s, u"valueInteger"_s, 9)}}}
        << u"(low: 1, high: 9)"_s;
    QTest::newRow("nothing") << QJsonObject{{u"name"_s, u"empty"_s}} << QString();
}

void TestReportParse::parameterValues()
{
    QFETCH(QJsonObject, parameter);
    QFETCH(QString, display);
    QCOMPARE(fbm::parameterDisplayValue(parameter), display);
}

void TestReportParse::parameterSummary()
{
    const QJsonObject inputs{
        {u"resourceType"_s, u"Parameters"_s},
        {u"parameter"_s, QJsonArray{part(u"anonymization"_s, u"valueString"_s, u"ANONYMIZED"_s),
                                    part(u"organization"_s, u"valueReference"_s,
                                         QJsonObject{{u"reference"_s, u"Organization/42"_s}}),
                                    part(u"period"_s, u"valuePeriod"_s,
                                         QJsonObject{{u"start"_s, u"2023-01-01"_s},
                                                     {u"end"_s, u"2023-06-30"_s}})}}};
    const ReportJob job =
        parseOne(oneJob(QJsonArray{part(u"parameters"_s, u"resource"_s, inputs)}));
    QCOMPARE(job.parameters.size(), 3);
    QCOMPARE(
        job.parameterSummary(),
        u"anonymization: ANONYMIZED, organization: Organization/42, period: 2023-01-01 – 2023-06-30"_s);
}

void TestReportParse::identity_data()
{
    QTest::addColumn<QString>("fullUrl");
    QTest::addColumn<QString>("resourceId");
    QTest::addColumn<QString>("id");

    QTest::newRow("bare UUID fullUrl, no id")
        << u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s << QString()
        << u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s;
    QTest::newRow("urn:uuid fullUrl") << u"urn:uuid:ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s
                                      << QString() << u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s;
    QTest::newRow("URL fullUrl") << u"https://reporting.example.dk/fhir/Parameters/abc"_s
                                 << QString() << u"abc"_s;
    QTest::newRow("resource id wins") << u"x"_s << u"the-id"_s << u"the-id"_s;
}

void TestReportParse::identity()
{
    QFETCH(QString, fullUrl);
    QFETCH(QString, resourceId);
    QFETCH(QString, id);
    const ReportJob job = parseOne(bundle(QJsonArray{
        entry(QJsonArray{part(u"status"_s, u"valueString"_s, u"DONE"_s)}, fullUrl, resourceId)}));
    QCOMPARE(job.fullUrl, fullUrl);
    QCOMPARE(job.id, id);
    QCOMPARE(job.key(), id);
}

void TestReportParse::duplicateIdentities()
{
    const QJsonArray parts{part(u"status"_s, u"valueString"_s, u"DONE"_s)};
    const auto r = fbm::parseReportJobBundle(
        bundle(QJsonArray{entry(parts, u"same"_s), entry(parts, u"same"_s)}), kBase);
    QVERIFY(r.ok());
    QCOMPARE(r.value().size(), 2);
    QVERIFY(r.value().at(0).key() != r.value().at(1).key());
}

void TestReportParse::dates()
{
    const ReportJob job = parseOne(oneJob(QJsonArray{
        part(u"created"_s, u"valueDateTime"_s, u"2023-10-12"_s),
        part(u"started"_s, u"valueDateTime"_s, u"2023-10-12T11:51:50.250+02:00"_s),
        part(u"ended"_s, u"valueDateTime"_s, u"yesterday"_s),
    }));
    QCOMPARE(job.created, QDateTime(QDate(2023, 10, 12), QTime(0, 0), Qt::UTC));
    QCOMPARE(job.started, QDateTime(QDate(2023, 10, 12), QTime(9, 51, 50, 250), Qt::UTC));
    QVERIFY(!job.ended.isValid());
    // What could not be read is still shown as the server wrote it.
    QCOMPARE(job.otherParts, (fbm::NamedValueList{{u"ended"_s, u"yesterday"_s}}));
}

void TestReportParse::runTime_data()
{
    QTest::addColumn<QString>("started");
    QTest::addColumn<QString>("ended");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");

    QTest::newRow("one second") << u"2023-10-12T09:51:50Z"_s << u"2023-10-12T09:51:51Z"_s
                                << qint64(1) << u"0:01"_s;
    QTest::newRow("over an hour") << u"2023-10-16T12:00:00Z"_s << u"2023-10-16T13:01:05Z"_s
                                  << qint64(3665) << u"1:01:05"_s;
    QTest::newRow("offsets differ")
        << u"2023-10-12T11:00:00+02:00"_s << u"2023-10-12T09:02:00Z"_s << qint64(120) << u"2:00"_s;
    QTest::newRow("just under a day")
        << u"2023-10-12T00:00:00Z"_s << u"2023-10-12T23:59:59Z"_s << qint64(86399) << u"23:59:59"_s;
    QTest::newRow("one day") << u"2023-10-12T00:00:00Z"_s << u"2023-10-13T00:00:00Z"_s
                             << qint64(86400) << u"1 d 00:00"_s;
    QTest::newRow("over a day") << u"2023-10-12T00:00:00Z"_s << u"2023-10-13T03:12:40Z"_s
                                << qint64(97960) << u"1 d 03:12"_s;
    // The walkthrough's job from 2023 that ended in 2026 ("27568:36:30" before).
    QTest::newRow("years") << u"2023-10-12T00:00:00Z"_s << u"2026-12-07T16:36:30Z"_s
                           << qint64(99592590) << u"1152 d 16:36"_s;
    QTest::newRow("not ended") << u"2023-10-12T09:51:50Z"_s << QString() << qint64(-1) << QString();
    QTest::newRow("ended before started")
        << u"2023-10-12T09:51:50Z"_s << u"2023-10-12T09:00:00Z"_s << qint64(-1) << QString();
}

void TestReportParse::runTime()
{
    QFETCH(QString, started);
    QFETCH(QString, ended);
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QJsonArray parts{part(u"started"_s, u"valueDateTime"_s, started)};
    if (!ended.isEmpty())
        parts.append(part(u"ended"_s, u"valueDateTime"_s, ended));
    const ReportJob job = parseOne(oneJob(parts));
    QCOMPARE(job.runTimeSeconds(), seconds);
    QCOMPARE(fbm::formatRunTime(job.runTimeSeconds()), text);
}

void TestReportParse::toJson()
{
    const QJsonObject o = parseOne(kSeedExample).toJson();
    QCOMPARE(o[u"report"_s].toString(), u"PatientsUsageReport"_s);
    QCOMPARE(o[u"status"_s].toString(), u"DONE"_s);
    QCOMPARE(o[u"finished"_s].toBool(), true);
    QCOMPARE(o[u"binary"_s].toString(),
             u"https://reporting.local.ehealth.sundhed.dk/fhir/Binary/7"_s);
    QCOMPARE(o[u"created"_s].toString(), u"2023-10-12T09:51:50Z"_s);
    QCOMPARE(o[u"runTimeSeconds"_s].toInt(), 1);
    QCOMPARE(o[u"parameterSummary"_s].toString(), u"anonymization: None"_s);
}

void TestReportParse::wrongTypes_data()
{
    // JSON of the wrong shape where the parser expects arrays, objects and strings: no crash,
    // the readable parts are kept.
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<QString>("status");

    QTest::newRow("entry items are numbers")
        << R"({"resourceType":"Bundle","entry":[1,2]})"_ba << 0 << QString();
    QTest::newRow("resource is an array")
        << R"({"resourceType":"Bundle","entry":[{"fullUrl":"a","resource":[]}]})"_ba << 0
        << QString();
    QTest::newRow("parameter is a string")
        << R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Parameters","parameter":"x"}}]})"_ba
        << 0 << QString();
    QTest::newRow("part is an object")
        << R"({"resourceType":"Bundle","entry":[{"fullUrl":"a","resource":{"resourceType":"Parameters","parameter":[{"name":"reportJob","part":{"name":"status"}}]}}]})"_ba
        << 1 << QString();
    QTest::newRow("status is a number")
        << R"({"resourceType":"Bundle","entry":[{"fullUrl":"a","resource":{"resourceType":"Parameters","parameter":[{"name":"reportJob","part":[{"name":"status","valueInteger":3}]}]}}]})"_ba
        << 1 << u"3"_s;
    QTest::newRow("binary reference is a string")
        << R"({"resourceType":"Bundle","entry":[{"fullUrl":"a","resource":{"resourceType":"Parameters","parameter":[{"name":"reportJob","part":[{"name":"status","valueString":"DONE"},{"name":"binary","valueReference":"Binary/7"}]}]}}]})"_ba
        << 1 << u"DONE"_s;
    QTest::newRow("created is a number")
        << R"({"resourceType":"Bundle","entry":[{"fullUrl":"a","resource":{"resourceType":"Parameters","parameter":[{"name":"reportJob","part":[{"name":"created","valueDateTime":20231012}]}]}}]})"_ba
        << 1 << QString();
    QTest::newRow("parameters resource is a string")
        << R"({"resourceType":"Bundle","entry":[{"fullUrl":"a","resource":{"resourceType":"Parameters","parameter":[{"name":"reportJob","part":[{"name":"parameters","resource":"none"}]}]}}]})"_ba
        << 1 << QString();
    QTest::newRow("part without name")
        << R"({"resourceType":"Bundle","entry":[{"fullUrl":"a","resource":{"resourceType":"Parameters","parameter":[{"name":"reportJob","part":[{"valueString":"x"},null,7]}]}}]})"_ba
        << 1 << QString();
}

void TestReportParse::wrongTypes()
{
    QFETCH(QByteArray, json);
    QFETCH(int, jobs);
    QFETCH(QString, status);
    const auto r = fbm::parseReportJobBundle(json, kBase);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(r.value().size(), jobs);
    if (jobs > 0)
        QCOMPARE(r.value().first().status, status);
}

void TestReportParse::everyTruncationIsAnError()
{
    // A connection that drops mid-answer never yields a partial job list.
    for (qsizetype n = 0; n < kSeedExample.size(); ++n) {
        const QByteArray cut = kSeedExample.left(n);
        if (cut.trimmed().endsWith('}') && QJsonDocument::fromJson(cut).isObject())
            continue; // a complete object (cannot happen before the last byte, but be exact)
        const auto r = fbm::parseReportJobBundle(cut, kBase);
        QVERIFY2(!r.ok(), qPrintable(QString::number(n)));
        QCOMPARE(r.error().kind, fbm::Error::Kind::Protocol);
    }
    QVERIFY(fbm::parseReportJobBundle(kSeedExample, kBase).ok());
}

QTEST_GUILESS_MAIN(TestReportParse)
#include "tst_reportparse.moc"
