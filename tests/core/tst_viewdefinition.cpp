// What the SQL on FHIR suite does not cover: the messages that name a view's faulty field, CSV
// quoting, collection columns, reading .ndjson.gz, lines that are not JSON, the order of rows
// from several threads, the built-in views and the files of an export folder.

#include "builtinviews.h"
#include "gzipfile.h"
#include "rowwriter.h"
#include "viewdefinition.h"
#include "viewfilerun.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

ViewDefinition view(const QByteArray &json)
{
    const Result<ViewDefinition> v = ViewDefinition::fromJson(json);
    if (!v.ok())
        qFatal("view refused: %s", qPrintable(v.error().message));
    return v.value();
}

/// Runs \a json over \a files into CSV.
QByteArray csv(const QByteArray &json, const QStringList &files, ViewRunOutcome *outcome = nullptr,
               int threads = 1)
{
    const ViewRunner runner(view(json));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, runner.view().columnNames());
    writer.writeHeader();
    ViewRunOptions options;
    options.threads = threads;
    const ViewRunOutcome o = ViewFileRun::run(runner, files, writer, options);
    writer.finish();
    if (outcome)
        *outcome = o;
    return buffer.data();
}

const QByteArray namesView =
    "{\"resource\": \"Patient\", \"select\": [{\"column\": [\n"
    "    {\"name\": \"id\", \"path\": \"id\"},\n"
    "    {\"name\": \"family\", \"path\": \"name.first().family\"},\n"
    "    {\"name\": \"given\", \"path\": \"name.given\", \"collection\": true}]}]}";

} // namespace

class TestViewDefinition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{") << u"not valid JSON"_s;
        QTest::newRow("no resource") << QByteArray("{}") << u"'resource' is missing"_s;
        QTest::newRow("no select")
            << QByteArray("{\"resource\": \"Patient\"}") << u"'select' is missing"_s;
        QTest::newRow("no path")
            << QByteArray(
                   "{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"name\": \"a\",\n"
                   "               \"path\": \"id\"}]}, {\"column\": [{\"name\": \"b\"}]}]}")
            << u"select[1].column[0]: 'path' is missing"_s;
        QTest::newRow("no name")
            << QByteArray(
                   "{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"path\": \"id\"}]}]}")
            << u"select[0].column[0]: 'name' is missing"_s;
        QTest::newRow("forEach not text")
            << QByteArray("{\"resource\": \"Patient\", \"select\": [{\"forEach\": 1}]}")
            << u"select[0]: 'forEach' must be text"_s;
        QTest::newRow("bad path")
            << QByteArray(
                   "{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"name\": \"a\",\n"
                   "               \"path\": \"name.(\"}]}]}")
            << u"select[0].column[0]: 'path' is not a valid FHIRPath expression: name.("_s;
        QTest::newRow("unknown function")
            << QByteArray(
                   "{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"name\": \"a\",\n"
                   "               \"path\": \"name.frist()\"}]}]}")
            << u"unknown function frist()"_s;
        QTest::newRow("undefined constant")
            << QByteArray(
                   "{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"name\": \"a\",\n"
                   "               \"path\": \"%nope\"}]}]}")
            << u"%nope is not a constant of the view"_s;
        QTest::newRow("constant without value")
            << QByteArray("{\"resource\": \"Patient\", \"constant\": [{\"name\": \"c\"}],\n"
                          "               \"select\": [{\"column\": [{\"name\": \"a\", \"path\": "
                          "\"id\"}]}]}")
            << u"constant[0]: 'value[x]' is missing"_s;
        QTest::newRow("name twice")
            << QByteArray(
                   "{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"name\": \"id\",\n"
                   "               \"path\": \"id\"}]}, {\"column\": [{\"name\": \"id\", \"path\": "
                   "\"id\"}]}]}")
            << u"The column name 'id' is used twice"_s;
        QTest::newRow("bad name")
            << QByteArray(
                   "{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"name\": \"1x\",\n"
                   "               \"path\": \"id\"}]}]}")
            << u"select[0].column[0]: the name '1x' must start with a letter"_s;
        QTest::newRow("unionAll columns differ")
            << QByteArray("{\"resource\": \"Patient\", \"select\": [{\"unionAll\": [\n"
                          "               {\"column\": [{\"name\": \"a\", \"path\": \"id\"}]},\n"
                          "               {\"column\": [{\"name\": \"b\", \"path\": \"id\"}]}]}]}")
            << u"select[0].unionAll[1]: the branches of unionAll must have the same columns"_s;
        QTest::newRow("where without path")
            << QByteArray("{\"resource\": \"Patient\", \"where\": [{}],\n"
                          "               \"select\": [{\"column\": [{\"name\": \"a\", \"path\": "
                          "\"id\"}]}]}")
            << u"where[0]: 'path' is missing"_s;
        QTest::newRow("two iterations")
            << QByteArray("{\"resource\": \"Patient\", \"select\": [{\"forEach\": \"name\",\n"
                          "               \"repeat\": [\"item\"], \"column\": [{\"name\": \"a\", "
                          "\"path\": \"id\"}]}]}")
            << u"select[0]: only one of forEach, forEachOrNull and repeat"_s;
    }
    void refused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<ViewDefinition> v = ViewDefinition::fromJson(json);
        QVERIFY(!v.ok());
        QVERIFY2(v.error().message.contains(message), qPrintable(v.error().message));
    }

    void csvField_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("plain") << QJsonValue(u"abc"_s) << QByteArray("abc");
        QTest::newRow("comma") << QJsonValue(u"a,b"_s) << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QJsonValue(u"say \"hi\""_s) << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QJsonValue(u"a\nb"_s) << QByteArray("\"a\nb\"");
        QTest::newRow("carriage return") << QJsonValue(u"a\rb"_s) << QByteArray("\"a\rb\"");
        QTest::newRow("UTF-8") << QJsonValue(u"Søren Ærø 😀"_s)
                               << QByteArray("S\xc3\xb8ren \xc3\x86r\xc3\xb8 \xf0\x9f\x98\x80");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QByteArray();
        QTest::newRow("true") << QJsonValue(true) << QByteArray("true");
        QTest::newRow("integer") << QJsonValue(42) << QByteArray("42");
        QTest::newRow("decimal") << QJsonValue(1.5) << QByteArray("1.5");
        QTest::newRow("array") << QJsonValue(QJsonArray{u"a"_s, u"b,c"_s})
                               << QByteArray("\"[\"\"a\"\",\"\"b,c\"\"]\"");
        QTest::newRow("empty array") << QJsonValue(QJsonArray()) << QByteArray("[]");
    }
    void csvField()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QByteArray, field);
        QCOMPARE(CsvWriter::field(value), field);
    }

    void csvFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"Patient.1.ndjson"_s);
        writeFile(file, "{\"resourceType\": \"Patient\", \"id\": \"p1\", \"name\": [{\"family\": "
                        "\"Ærø, Jr.\", \"given\": [\"A\", \"B\"]}]}\n"
                        "{\"resourceType\": \"Patient\", \"id\": \"p2\"}\n"
                        "{\"resourceType\": \"Observation\", \"id\": \"o1\"}\n"
                        "");
        QCOMPARE(csv(namesView, {file}),
                 QByteArray("id,family,given\r\n"
                            "p1,\"\xc3\x86r\xc3\xb8, Jr.\",\"[\"\"A\"\",\"\"B\"\"]\"\r\n"
                            "p2,,[]\r\n"));
    }

    void gzipInput()
    {
        QTemporaryDir dir;
        const QString plain = dir.filePath(u"plain.ndjson"_s);
        QByteArray lines;
        for (int i = 0; i < 5000; ++i)
            lines += "{\"resourceType\": \"Patient\", \"id\": \"p" + QByteArray::number(i) +
                     "\", \"name\": [{\"family\": \"F\", \"given\": [\"G\"]}]}" + '\n';
        writeFile(plain, lines);
        const QString gz = dir.filePath(u"Patient.1.ndjson.gz"_s);
        const std::atomic_bool stop = false;
        QVERIFY(gzipFile(plain, gz, stop).ok());
        ViewRunOutcome outcome;
        const QByteArray fromGz = csv(namesView, {gz}, &outcome);
        QCOMPARE(outcome.rows, 5000);
        QCOMPARE(fromGz, csv(namesView, {plain}));
        QVERIFY(fromGz.endsWith("p4999,F,\"[\"\"G\"\"]\"\r\n"));
    }

    void badLines()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"Patient.1.ndjson"_s);
        writeFile(file, "{\"resourceType\": \"Patient\", \"id\": \"a\"}\n"
                        "not json\n"
                        "\n"
                        "[1, 2]\n"
                        "{\"resourceType\": \"Patient\", \"id\": \"b\"}");
        ViewRunOutcome outcome;
        QCOMPARE(csv(namesView, {file}, &outcome),
                 QByteArray("id,family,given\r\na,,[]\r\nb,,[]\r\n"));
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.rows, 2);
        QCOMPARE(outcome.badLineCount, 2);
        QCOMPARE(outcome.badLines.size(), 2);
        QCOMPARE(outcome.badLines.at(0).file, u"Patient.1.ndjson"_s);
        QCOMPARE(outcome.badLines.at(0).line, 2);
        QCOMPARE(outcome.badLines.at(1).line, 4);
    }

    void severalValuesRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"Patient.1.ndjson"_s);
        writeFile(file, "{\"resourceType\": \"Patient\", \"id\": \"p1\", \"name\": [{\"family\": "
                        "\"A\"}, {\"family\": \"B\"}]}");
        ViewRunOutcome outcome;
        csv("{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"name\": \"family\", "
            "\"path\": \"name.family\"}]}]}",
            {file}, &outcome);
        QCOMPARE(outcome.error.kind, Error::Kind::Usage);
        QVERIFY2(outcome.error.message.contains(
                     u"Patient.1.ndjson, line 1: select[0].column[0] (family)"_s),
                 qPrintable(outcome.error.message));
    }

    void threadsKeepOrder()
    {
        QTemporaryDir dir;
        QStringList files;
        for (int f = 1; f <= 2; ++f) {
            QByteArray lines;
            for (int i = 0; i < 20000; ++i)
                lines += "{\"resourceType\": \"Patient\", \"id\": \"f" + QByteArray::number(f) +
                         '-' + QByteArray::number(i) +
                         "\", \"name\": [{\"family\": \"Family name\"}]}" + '\n';
            files << dir.filePath(u"Patient.%1.ndjson"_s.arg(f));
            writeFile(files.constLast(), lines);
        }
        ViewRunOutcome outcome;
        const QByteArray one = csv(namesView, files, &outcome, 1);
        QCOMPARE(outcome.rows, 40000);
        QCOMPARE(csv(namesView, files, nullptr, 3), one);
    }

    void builtins()
    {
        QStringList names;
        const QList<ViewSource> views = BuiltinViews::list();
        for (const ViewSource &v : views) {
            if (!v.builtin)
                continue;
            names << v.name;
            const Result<ViewDefinition> d = BuiltinViews::load(v.path);
            QVERIFY2(d.ok(), qPrintable(v.name + u": "_s + d.error().message));
            QCOMPARE(d->name(), v.name);
        }
        QCOMPARE(names, QStringList({u"blood_pressure"_s, u"conditions"_s, u"encounters"_s,
                                     u"medication_requests"_s, u"observations"_s,
                                     u"patient_demographics"_s}));
    }

    void bloodPressure()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"Observation.1.ndjson"_s);
        writeFile(
            file,
            "{\"resourceType\": \"Observation\", \"id\": \"bp1\", \"subject\": {\"reference\": "
            "\"Patient/p1\"}, \"effectiveDateTime\": \"2024-01-02T10:00:00Z\", \"code\": "
            "{\"coding\": [{\"system\": \"http:\\/\\/loinc.org\", \"code\": \"85354-9\"}]}, "
            "\"component\": [{\"code\": {\"coding\": [{\"system\": \"http:\\/\\/loinc.org\", "
            "\"code\": \"8480-6\"}]}, \"valueQuantity\": {\"value\": 120, \"unit\": \"mm[Hg]\"}}, "
            "{\"code\": {\"coding\": [{\"system\": \"http:\\/\\/loinc.org\", \"code\": "
            "\"8462-4\"}]}, \"valueQuantity\": {\"value\": 80, \"unit\": \"mm[Hg]\"}}]}\n"
            "{\"resourceType\": \"Observation\", \"id\": \"w1\", \"code\": {\"coding\": "
            "[{\"system\": \"http:\\/\\/loinc.org\", \"code\": \"29463-7\"}]}, \"valueQuantity\": "
            "{\"value\": 70}}\n"
            "");
        const std::optional<ViewSource> bp = BuiltinViews::find(u"blood_pressure"_s);
        QVERIFY(bp);
        QFile f(bp->path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(csv(f.readAll(), {file}),
                 QByteArray("id,patient_id,effective_date_time,component,loinc_code,value,unit\r\n"
                            "bp1,p1,2024-01-02T10:00:00Z,systolic,8480-6,120,mm[Hg]\r\n"
                            "bp1,p1,2024-01-02T10:00:00Z,diastolic,8462-4,80,mm[Hg]\r\n"));
    }

    void filesOfFolder()
    {
        QTemporaryDir dir;
        for (const char *name : {"Patient.10.ndjson", "Patient.2.ndjson.gz", "Patient.1.ndjson",
                                 "Observation.1.ndjson", "Patient.1.ndjson.part", "notes.txt"})
            writeFile(dir.filePath(QString::fromLatin1(name)), "");
        QString error;
        const QStringList files = ViewFileRun::filesOf(dir.path(), u"Patient"_s, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(files, QStringList({dir.filePath(u"Patient.1.ndjson"_s),
                                     dir.filePath(u"Patient.2.ndjson.gz"_s),
                                     dir.filePath(u"Patient.10.ndjson"_s)}));
        QVERIFY(ViewFileRun::filesOf(dir.filePath(u"missing"_s), u"Patient"_s, &error).isEmpty());
        QVERIFY(error.contains(u"missing"_s));
    }
};

QTEST_GUILESS_MAIN(TestViewDefinition)
#include "tst_viewdefinition.moc"
