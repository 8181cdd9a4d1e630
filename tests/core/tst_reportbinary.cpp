// Decoding a report download: Binary JSON (data / content), raw bytes, the placeholder, the
// extension, and the file name a report is saved under.
#include "demo/reportserver.h"
#include "reports/reportbinary.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using fbm::ReportPayload;

namespace {

QByteArray binaryJson(const QByteArray &bytes, const QString &contentType,
                      const QString &key = u"data"_s)
{
    QJsonObject o{{u"resourceType"_s, u"Binary"_s}, {u"id"_s, u"7"_s}};
    if (!contentType.isEmpty())
        o.insert(u"contentType"_s, contentType);
    o.insert(key, QString::fromLatin1(bytes.toBase64()));
    return QJsonDocument(o).toJson();
}

} // namespace

class TestReportBinary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data();
    void decode();
    void errors_data();
    void errors();
    void placeholder_data();
    void placeholder();
    void extension_data();
    void extension();
    void safeName_data();
    void safeName();
    void fileBaseName();
    void zipIsWellFormed();
};

void TestReportBinary::decode_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("httpContentType");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<bool>("fromBinary");

    const QByteArray zip = fbm::demo::ReportServer::sampleZip();
    const QByteArray csv = fbm::demo::ReportServer::sampleCsv();
    const QByteArray pdf = fbm::demo::ReportServer::samplePdf();

    QTest::newRow("Binary data, gzip-json ZIP")
        << binaryJson(zip, u"application/gzip-json"_s) << "application/fhir+json"_ba << zip
        << u".zip"_s << true;
    QTest::newRow("Binary content (IG spelling)")
        << binaryJson(zip, u"application/gzip-json"_s, u"content"_s)
        << "application/fhir+json;charset=UTF-8"_ba << zip << u".zip"_s << true;
    QTest::newRow("Binary application/zip")
        << binaryJson(zip, u"application/zip"_s) << QByteArray() << zip << u".zip"_s << true;
    QTest::newRow("Binary without contentType, ZIP magic")
        << binaryJson(zip, QString()) << "application/fhir+json"_ba << zip << u".zip"_s << true;
    QTest::newRow("Binary CSV") << binaryJson(csv, u"text/csv"_s) << "application/fhir+json"_ba
                                << csv << u".csv"_s << true;
    QTest::newRow("Binary PDF") << binaryJson(pdf, u"application/pdf"_s) << QByteArray() << pdf
                                << u".pdf"_s << true;
    QTest::newRow("Binary JSON report") << binaryJson("{\"a\":1}", u"application/json"_s)
                                        << QByteArray() << "{\"a\":1}"_ba << u".json"_s << true;
    QTest::newRow("Binary text") << binaryJson("hello\n", u"text/plain; charset=utf-8"_s)
                                 << QByteArray() << "hello\n"_ba << u".txt"_s << true;
    QTest::newRow("Binary unknown type")
        << binaryJson("\x01\x02\x03", u"application/octet-stream"_s) << QByteArray()
        << "\x01\x02\x03"_ba << u".bin"_s << true;
    QTest::newRow("Binary with wrapped base64") << [&]() -> QByteArray {
        QByteArray b64 = csv.toBase64();
        b64.insert(20, "\n  ");
        return R"({"resourceType":"Binary","contentType":"text/csv","data":")" + b64 + "\"}";
    }() << QByteArray()
        << csv << u".csv"_s << true;
    QTest::newRow("empty Binary data") << binaryJson(QByteArray(), u"text/plain"_s) << QByteArray()
                                       << QByteArray() << u".txt"_s << true;
    QTest::newRow("raw ZIP") << zip << "application/gzip-json"_ba << zip << u".zip"_s << false;
    QTest::newRow("raw ZIP, octet-stream")
        << zip << "application/octet-stream"_ba << zip << u".zip"_s << false;
    QTest::newRow("raw PDF, no type") << pdf << QByteArray() << pdf << u".pdf"_s << false;
    QTest::newRow("raw CSV") << csv << "text/csv; charset=utf-8"_ba << csv << u".csv"_s << false;
    QTest::newRow("raw JSON report") << "{\"rows\":[]}"_ba
                                     << "application/json"_ba
                                     << "{\"rows\":[]}"_ba << u".json"_s << false;
    QTest::newRow("raw gzip") << "\x1f\x8b\x08\x00rest"_ba
                              << "application/gzip"_ba
                              << "\x1f\x8b\x08\x00rest"_ba << u".gz"_s << false;
}

void TestReportBinary::decode()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, httpContentType);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, extension);
    QFETCH(bool, fromBinary);

    const auto r = fbm::decodeReportDownload(body, httpContentType);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(r->kind, ReportPayload::Kind::Report);
    QCOMPARE(r->bytes, bytes);
    QCOMPARE(r->extension, extension);
    QCOMPARE(r->fromBinaryResource, fromBinary);
}

void TestReportBinary::errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("OperationOutcome")
        << R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden","diagnostics":"Binary belongs to another user"}]})"_ba
        << u"error (forbidden): Binary belongs to another user"_s;
    QTest::newRow("Binary without payload")
        << R"({"resourceType":"Binary","contentType":"application/zip"})"_ba << u"no data"_s;
    QTest::newRow("Binary with broken base64")
        << R"({"resourceType":"Binary","contentType":"application/zip","data":"@@not base64@@"})"_ba
        << u"not valid base64"_s;
}

void TestReportBinary::errors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const auto r = fbm::decodeReportDownload(body, "application/fhir+json");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, fbm::Error::Kind::Protocol);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
}

void TestReportBinary::placeholder_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("isPlaceholder");

    QTest::newRow("Binary with asterisks")
        << binaryJson("*NOT GENERATED YET*", u"text/plain"_s) << true;
    QTest::newRow("Binary without asterisks")
        << binaryJson("NOT GENERATED YET", u"text/plain"_s) << true;
    QTest::newRow("Binary, lower case, newline")
        << binaryJson("not generated yet\n", u"text/plain"_s) << true;
    QTest::newRow("raw placeholder") << "*NOT GENERATED YET*"_ba << true;
    QTest::newRow("raw, quoted") << "\"NOT GENERATED YET\""_ba << true;
    QTest::newRow("a report that mentions it")
        << binaryJson("status;NOT GENERATED YET\nrow;1\n", u"text/csv"_s) << false;
    QTest::newRow("a real ZIP") << binaryJson(fbm::demo::ReportServer::sampleZip(),
                                              u"application/zip"_s)
                                << false;
}

void TestReportBinary::placeholder()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, isPlaceholder);
    const auto r = fbm::decodeReportDownload(body, {});
    QVERIFY(r.ok());
    QCOMPARE(r->isPlaceholder(), isPlaceholder);
}

void TestReportBinary::extension_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("extension");

    QTest::newRow("zip type") << u"application/zip"_s << "abc"_ba << u".zip"_s;
    QTest::newRow("gzip-json type") << u"application/gzip-json"_s << "abc"_ba << u".zip"_s;
    QTest::newRow("PK magic, any type") << u"text/plain"_s << "PK\x03\x04rest"_ba << u".zip"_s;
    QTest::newRow("csv") << u"text/csv"_s << "a;b"_ba << u".csv"_s;
    QTest::newRow("CSV upper case with charset")
        << u"Text/CSV; charset=UTF-8"_s << "a"_ba << u".csv"_s;
    QTest::newRow("pdf") << u"application/pdf"_s << "x"_ba << u".pdf"_s;
    QTest::newRow("json") << u"application/json"_s << "{}"_ba << u".json"_s;
    QTest::newRow("fhir+json") << u"application/fhir+json"_s << "{}"_ba << u".json"_s;
    QTest::newRow("ndjson") << u"application/fhir+ndjson"_s << "{}"_ba << u".ndjson"_s;
    QTest::newRow("text") << u"text/plain"_s << "x"_ba << u".txt"_s;
    QTest::newRow("xml") << u"application/xml"_s << "<a/>"_ba << u".xml"_s;
    QTest::newRow("unknown") << u"application/x-thing"_s << "x"_ba << u".bin"_s;
    QTest::newRow("none") << QString() << "x"_ba << u".bin"_s;
}

void TestReportBinary::extension()
{
    QFETCH(QString, contentType);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, extension);
    QCOMPARE(fbm::reportExtension(contentType, bytes), extension);
    QVERIFY(fbm::knownReportExtensions().contains(extension));
}

void TestReportBinary::safeName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("safe");

    QTest::newRow("plain") << u"PatientsUsageReport"_s << u"PatientsUsageReport"_s;
    QTest::newRow("uuid") << u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s
                          << u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s;
    QTest::newRow("path traversal") << u"../../etc/passwd"_s << u"etc_passwd"_s;
    QTest::newRow("windows separators") << u"a\\b:c*d?"_s << u"a_b_c_d"_s;
    QTest::newRow("hidden file") << u".bashrc"_s << u"bashrc"_s;
    QTest::newRow("spaces and unicode") << u"Rapport år 2023"_s << u"Rapport_r_2023"_s;
    QTest::newRow("nothing left") << u"///"_s << u"report"_s;
    QTest::newRow("empty") << QString() << u"report"_s;
    QTest::newRow("long") << QString(200, u'x') << QString(80, u'x');
}

void TestReportBinary::safeName()
{
    QFETCH(QString, text);
    QFETCH(QString, safe);
    QCOMPARE(fbm::safeFileNamePart(text), safe);
}

void TestReportBinary::fileBaseName()
{
    fbm::ReportJob job;
    job.shortName = u"PatientsUsageReport"_s;
    job.id = u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s;
    QCOMPARE(fbm::reportFileBaseName(job),
             u"PatientsUsageReport-ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s);

    // Built from the job's fields only: a hostile id cannot leave the folder.
    job.id = u"../../x"_s;
    job.shortName = u"/abs"_s;
    QCOMPARE(fbm::reportFileBaseName(job), u"abs-x"_s);

    fbm::ReportJob bare;
    bare.binaryUrl = QUrl(u"http://h/fhir/Binary/9"_s);
    QCOMPARE(fbm::reportFileBaseName(bare), u"report-9"_s);
}

void TestReportBinary::zipIsWellFormed()
{
    // The demo's ZIP must be a real archive: local header, central directory, end record.
    const QByteArray zip = fbm::demo::ReportServer::sampleZip();
    QVERIFY(zip.startsWith("PK\x03\x04"));
    QVERIFY(zip.contains("PK\x01\x02"));
    const qsizetype eocd = zip.lastIndexOf("PK\x05\x06");
    QCOMPARE(eocd, zip.size() - 22);
    QVERIFY(zip.contains("PatientsUsageReport.json"));
    QVERIFY(zip.contains(R"("report":"PatientsUsageReport")"));
}

QTEST_GUILESS_MAIN(TestReportBinary)
#include "tst_reportbinary.moc"
