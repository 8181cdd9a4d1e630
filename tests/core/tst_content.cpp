// What a .part and a saved file may hold: only the decoded bytes of the file the manifest
// names. A server that compresses whatever it is asked, that answers a range with a part of a
// compressed body, that sends compressed bytes without saying so, a decompression bomb, an
// encoding nobody asked for, or lines of another type: each gives the exact file or a clear
// error for that file, never raw bytes under a final name, and a bomb is never retried.
#include "demo/http/gzip.h"
#include "exportfixture.h"
#include "servedfiles.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
using fbm::test::FaultyBulkServer;
using fbm::test::FileFault;
namespace served = fbm::test::served;

namespace {

QByteArray patients(int n, const QByteArray &type = "Patient")
{
    QByteArray text;
    for (int i = 0; i < n; ++i)
        text += R"({"resourceType":")" + type + R"(","id":"p)" + QByteArray::number(i) +
                R"(","name":[{"family":"Family)" + QByteArray::number(i % 311) +
                R"("}]})"
                "\n";
    return text;
}

/// One Patient file without a count in the manifest: nothing but the content can tell a bad
/// file from a good one.
ServedFile patientFile(const QByteArray &content)
{
    ServedFile f = served::ndjson(u"Patient"_s, content);
    f.includeCount = false;
    return f;
}

int requestsFor(const ExportFixture &fx, const QUrl &url)
{
    int n = 0;
    for (const FaultyBulkServer::Recorded &r : fx.server.requests())
        n += r.url == url ? 1 : 0;
    return n;
}

QByteArray bomb(int mebibytes)
{
    return http::gzip(QByteArray(1 << 20, '\0')).repeated(mebibytes);
}

} // namespace

class TestContent final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compressedRangeStartsTheFileOver_data();
    void compressedRangeStartsTheFileOver();
    void undeclaredCompressionIsNotSaved();
    void lineOfAnotherTypeIsNotSaved();
    void bombIsAFileErrorNotRetried_data();
    void bombIsAFileErrorNotRetried();
    void unreadableEncodingIsAFileError();
};

void TestContent::compressedRangeStartsTheFileOver_data()
{
    QTest::addColumn<bool>("ignoreRange");
    QTest::addColumn<double>("dropAt"); ///< of the gzip body
    // Early enough that the decoded bytes saved so far are fewer than the gzip body's: the
    // range asked for then exists in the compressed representation too.
    QTest::newRow("range of the gzip bytes (206)") << false << 0.02;
    QTest::newRow("range ignored, whole gzip body (200)") << true << 0.5;
}

void TestContent::compressedRangeStartsTheFileOver()
{
    // The server gzips every answer, also when asked for a range and no encoding; the first
    // attempt drops in the middle. The .part holds decoded bytes; what comes back must not be
    // glued to it raw.
    QFETCH(bool, ignoreRange);
    QFETCH(double, dropAt);
    ExportFixture fx;
    ServedFile f = patientFile(patients(4000));
    fx.server.setFiles({f});
    fx.server.setGzipAlways(0);
    FileFault drop;
    drop.kind = FileFault::Kind::DropAt;
    drop.fraction = dropAt;
    fx.server.setFileFault(0, drop);
    const QString id = fx.start();
    if (ignoreRange) {
        QTRY_VERIFY_WITH_TIMEOUT(fx.job(id).files.value(0).attempts >= 1, 5000);
        FileFault ignore;
        ignore.kind = FileFault::Kind::IgnoreRange;
        fx.server.setFileFault(0, ignore);
    }
    QVERIFY(fx.waitForState(id, JobState::Saved));
    QCOMPARE(fx.saved(u"Patient.1.ndjson"_s).size(), f.content.size());
    QCOMPARE(fx.saved(u"Patient.1.ndjson"_s), f.content);
    QCOMPARE(fx.job(id).files.at(0).lines, qint64(4000));
    QVERIFY(!QFile::exists(fx.outDir() + u"/Patient.1.ndjson.part"_s));
    // After the drop the rest was asked for with Range, without an encoding.
    const QUrl url = fx.job(id).files.at(0).url;
    bool askedForTheRest = false;
    for (const FaultyBulkServer::Recorded &r : fx.server.requests()) {
        if (r.url == url && r.header("Range").startsWith("bytes=")) {
            askedForTheRest = true;
            QCOMPARE(r.header("Accept-Encoding"), "identity"_ba);
        }
    }
    QVERIFY(askedForTheRest);
}

void TestContent::undeclaredCompressionIsNotSaved()
{
    // gzip bytes labelled as plain NDJSON: nothing decodes them, so they must not be saved.
    ExportFixture fx;
    fx.server.setFiles({patientFile(http::gzip(patients(50)))});
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const ExportFile &file = fx.job(id).files.at(0);
    QCOMPARE(file.state, FileState::Failed);
    QVERIFY2(file.error.contains(u"compressed bytes that were never decoded"_s),
             qPrintable(file.error));
    QVERIFY(!QFile::exists(fx.outDir() + u"/Patient.1.ndjson"_s));
}

void TestContent::lineOfAnotherTypeIsNotSaved()
{
    ExportFixture fx;
    fx.server.setFiles({patientFile(patients(2) + patients(1, "Observation") + patients(3))});
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const ExportFile &file = fx.job(id).files.at(0);
    QVERIFY2(file.error.contains(u"Line 3 of Patient.1.ndjson is a Observation, not a Patient"_s),
             qPrintable(file.error));
    QVERIFY(!QFile::exists(fx.outDir() + u"/Patient.1.ndjson"_s));
    QVERIFY(QFile::exists(fx.outDir() + u"/Patient.1.ndjson.part"_s));

    // A file that is not JSON at all says where.
    ExportFixture fx2;
    fx2.server.setFiles({patientFile(patients(1) + "<html><body>Gateway timeout</body></html>\n")});
    const QString id2 = fx2.start();
    QVERIFY(fx2.waitForState(id2, JobState::Failed));
    QVERIFY2(fx2.job(id2).files.at(0).error.contains(
                 u"Line 2 of Patient.1.ndjson is not valid JSON (at byte 1)"_s),
             qPrintable(fx2.job(id2).files.at(0).error));
}

void TestContent::bombIsAFileErrorNotRetried_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("NDJSON that expands 1000 times (5.4 MB to 5 GiB)") << QByteArray();
    QTest::newRow("a FHIR Binary that would expand to 240 MiB") << "application/fhir+json"_ba;
}

void TestContent::bombIsAFileErrorNotRetried()
{
    QFETCH(QByteArray, contentType);
    ExportFixture fx;
    ServedFile f = patientFile(QByteArray());
    f.contentType = contentType;
    fx.server.setFiles({f, patientFile(patients(10))});
    fx.server.setEncodedBody(0, bomb(contentType.isEmpty() ? 5120 : 240));
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed, 60000));
    const ExportFile &file = fx.job(id).files.at(0);
    QCOMPARE(file.state, FileState::Failed);
    QVERIFY2(file.error.contains(u"compressed file that expands beyond 200 times its size"_s),
             qPrintable(file.error));
    QCOMPARE(file.attempts, 1);
    QCOMPARE(requestsFor(fx, file.url), 1);
    // Nothing of it stays on the disk; the other file is saved.
    QVERIFY(QFileInfo(fx.outDir() + u"/Patient.1.ndjson.part"_s).size() == 0);
    QCOMPARE(fx.job(id).files.at(1).state, FileState::Saved);
}

void TestContent::unreadableEncodingIsAFileError()
{
    ExportFixture fx;
    fx.server.setFiles({patientFile(QByteArray())});
    fx.server.setEncodedBody(0, "\x0b\x02\x80ignored"_ba, "br");
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const ExportFile &file = fx.job(id).files.at(0);
    QVERIFY2(file.error.contains(u"compressed as \"br\", which this program cannot read"_s),
             qPrintable(file.error));
    QCOMPARE(file.attempts, 1);
    QVERIFY(!QFile::exists(fx.outDir() + u"/Patient.1.ndjson"_s));
}

QTEST_GUILESS_MAIN(TestContent)
#include "tst_content.moc"
