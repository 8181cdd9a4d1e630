// `fhir-bulk-monitor view` with the real executable on real files: the exact CSV of a small
// export folder, --out, .ndjson.gz input, exit 2 naming the field of an invalid view, exit 1
// for a folder that cannot be read, the list of built-in and user views, a stop by SIGTERM.
#include "cliprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace Qt::StringLiterals;
using fbm::test::CliProcess;
using fbm::test::CliRun;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

void writeGzip(const QString &path, const QByteArray &bytes)
{
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
    QVERIFY(gz);
    QCOMPARE(gzwrite(gz, bytes.constData(), unsigned(bytes.size())), int(bytes.size()));
    QCOMPARE(gzclose(gz), Z_OK);
}

const QByteArray patients1 =
    "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\",\"birthDate\":"
    "\"1970-06-01\",\"name\":[{\"family\":\"S\xc3\xb8rensen\",\"given\":[\"Anne\",\"Marie\"]}],"
    "\"address\":[{\"city\":\"Aarhus, C\",\"postalCode\":\"8000\",\"country\":\"DK\"}]}\n"
    "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"gender\":\"male\",\"deceasedDateTime\":"
    "\"2020-01-01\",\"name\":[{\"family\":\"O\\\"Brien\"}]}\n";
const QByteArray patients2 = "{\"resourceType\":\"Patient\",\"id\":\"p3\"}\n";

const QByteArray expectedCsv =
    "id,gender,birth_date,deceased_date_time,family_name,given_names,city,postal_code,country\r\n"
    "p1,female,1970-06-01,,S\xc3\xb8rensen,Anne Marie,\"Aarhus, C\",8000,DK\r\n"
    "p2,male,,2020-01-01,\"O\"\"Brien\",,,,\r\n"
    "p3,,,,,,,,\r\n";

} // namespace

class TestCliView final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_cli = std::make_unique<CliProcess>(m_dir->filePath(u"home"_s));
        m_in = m_dir->filePath(u"export"_s);
        writeFile(m_in + u"/Patient.1.ndjson"_s, patients1);
        writeGzip(m_in + u"/Patient.2.ndjson.gz"_s, patients2);
        writeFile(m_in + u"/Observation.1.ndjson"_s,
                  "{\"resourceType\":\"Observation\",\"id\":\"o1\"}\n");
    }

    void csvOnStandardOutput()
    {
        const CliRun r =
            m_cli->run({u"view"_s, u"--builtin"_s, u"patient_demographics"_s, u"--in"_s, m_in});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, expectedCsv);
    }

    void outWritesTheFile()
    {
        const QString out = m_dir->filePath(u"patients.csv"_s);
        const CliRun r = m_cli->run({u"view"_s, u"--builtin"_s, u"patient_demographics"_s,
                                     u"--in"_s, m_in, u"--out"_s, out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("3 row"), r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), expectedCsv);
    }

    void jsonRows()
    {
        const CliRun r = m_cli->run(
            {u"view"_s, u"--builtin"_s, u"patient_demographics"_s, u"--in"_s, m_in, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(2).startsWith("{\"id\":\"p3\",\"gender\":null,"));
    }

    void invalidViewNamesTheField()
    {
        const QString view = m_dir->filePath(u"bad.json"_s);
        writeFile(view, "{\"resource\": \"Patient\", \"select\": [{\"column\": [{\"name\": \"id\", "
                        "\"path\": \"id\"}]}, {\"column\": [{\"name\": \"x\"}]}]}");
        const QString out = m_dir->filePath(u"never.csv"_s);
        const CliRun r =
            m_cli->run({u"view"_s, u"--view"_s, view, u"--in"_s, m_in, u"--out"_s, out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("select[1].column[0]: 'path' is missing"), r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no view") << QStringList{u"view"_s, u"--in"_s, u"x"_s};
        QTest::newRow("both") << QStringList{u"view"_s,   u"--builtin"_s, u"observations"_s,
                                             u"--view"_s, u"f.json"_s,    u"--in"_s,
                                             u"x"_s};
        QTest::newRow("no folder") << QStringList{u"view"_s, u"--builtin"_s, u"observations"_s};
        QTest::newRow("unknown view")
            << QStringList{u"view"_s, u"--builtin"_s, u"nope"_s, u"--in"_s, u"x"_s};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QCOMPARE(m_cli->run(args).exitCode, 2);
    }

    void unreadableFolder()
    {
        const CliRun r = m_cli->run({u"view"_s, u"--builtin"_s, u"observations"_s, u"--in"_s,
                                     m_dir->filePath(u"missing"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("missing"));
    }

    void badLineReported()
    {
        writeFile(m_in + u"/Patient.3.ndjson"_s,
                  "{\"resourceType\":\"Patient\",\"id\":\"p4\"}\n{oops\n");
        const CliRun r =
            m_cli->run({u"view"_s, u"--builtin"_s, u"patient_demographics"_s, u"--in"_s, m_in});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.endsWith("p3,,,,,,,,\r\np4,,,,,,,,\r\n"));
        QVERIFY2(r.err.contains("Patient.3.ndjson, line 2"), r.err.constData());
    }

    void listsBuiltinAndUserViews()
    {
        writeFile(m_dir->filePath(u"home/data/FHIR Bulk Monitor/fhir-bulk-monitor/views/"
                                  "mine.json"_s),
                  "{\"title\": \"My view\", \"resource\": \"Observation\", \"select\": "
                  "[{\"column\": [{\"name\": \"id\", \"path\": \"id\"}]}]}");
        for (const QStringList &args :
             {QStringList{u"view"_s, u"--list"_s}, QStringList{u"view"_s, u"--builtin"_s}}) {
            const CliRun r = m_cli->run(args);
            QCOMPARE(r.exitCode, 0);
            for (const char *name : {"patient_demographics", "observations", "conditions",
                                     "encounters", "medication_requests", "blood_pressure"})
                QVERIFY2(r.out.contains(name), r.out.constData());
            QVERIFY2(r.out.contains("My view"), r.out.constData());
        }
        const CliRun r = m_cli->run({u"view"_s, u"--builtin"_s, u"mine"_s, u"--in"_s, m_in});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("id\r\no1\r\n"));
    }

    void stopsOnSignal()
    {
        // About 130 MB of patients with long names: seconds of parsing, so that the signal
        // arrives mid-run (once the first MiB of rows is out).
        QByteArray block;
        const QByteArray line =
            "{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"" +
            QByteArray(480, 'x') + "\"}]}\n";
        while (block.size() < (1 << 20))
            block += line;
        QFile f(m_in + u"/Patient.9.ndjson"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 130; ++i)
            QCOMPARE(f.write(block), block.size());
        f.close();
        QProcess *p = m_cli->start({u"view"_s, u"--builtin"_s, u"patient_demographics"_s, u"--in"_s,
                                    m_in, u"--threads"_s, u"1"_s});
        QTRY_VERIFY_WITH_TIMEOUT(p->bytesAvailable() > 0, 30000);
        p->terminate();
        const CliRun r = CliProcess::finish(p);
        QCOMPARE(r.exitCode, 143);
        QVERIFY2(r.err.contains("SIGTERM"), r.err.constData());
        QVERIFY(r.out.size() < 130 << 20);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliProcess> m_cli;
    QString m_in;
};

QTEST_GUILESS_MAIN(TestCliView)
#include "tst_cli_view.moc"
