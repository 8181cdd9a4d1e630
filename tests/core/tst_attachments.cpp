// Attachments (--attachments, the profile's "Also save attachments"): the files that
// DocumentReference and DiagnosticReport resources name by URL on the export's own server are
// saved into attachments/ under names made from the resource, with the token only where the
// export sends it, checked against a declared size and hash, and counted in the export log.
// One that fails leaves the job Saved with the reason, and the export on the server.
#include "attachmentlinks.h"
#include "authprovider.h"
#include "exportfixture.h"
#include "servedfiles.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::ExportFixture;
namespace served = fbm::test::served;

namespace {

const QByteArray kToken = "attachment-test-token-42";
const QByteArray kPdf = "%PDF-1.4\n% a discharge letter\n%%EOF\n";
const QByteArray kNote = "Patient seen today. Doing well.\n";
const QByteArray kPng = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(3000, '\x42');

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject attachment(const QString &url, const QString &type, const QByteArray &content = {})
{
    QJsonObject a{{u"url"_s, url}, {u"contentType"_s, type}};
    if (!content.isNull()) {
        a.insert(u"size"_s, content.size());
        a.insert(u"hash"_s,
                 QString::fromLatin1(
                     QCryptographicHash::hash(content, QCryptographicHash::Sha1).toBase64()));
    }
    return a;
}

QByteArray documentReference(const QString &id, const QJsonObject &att)
{
    return line({{u"resourceType"_s, u"DocumentReference"_s},
                 {u"id"_s, id},
                 {u"status"_s, u"current"_s},
                 {u"content"_s, QJsonArray{QJsonObject{{u"attachment"_s, att}}}}});
}

QByteArray diagnosticReport(const QString &id, const QJsonObject &att)
{
    return line({{u"resourceType"_s, u"DiagnosticReport"_s},
                 {u"id"_s, id},
                 {u"status"_s, u"final"_s},
                 {u"code"_s, QJsonObject{{u"text"_s, u"X-ray"_s}}},
                 {u"presentedForm"_s, QJsonArray{att}}});
}

QList<QJsonObject> logRows(const QString &folder, const QString &eventId)
{
    QList<QJsonObject> rows;
    const QByteArray log = test::readFile(QDir(folder).filePath(u"log.ndjson"_s));
    for (const QByteArray &l : log.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        if (o.value("eventId"_L1).toString() == eventId)
            rows.append(o);
    }
    return rows;
}

int countRequests(const ExportFixture &fx, QLatin1StringView pathPart)
{
    int n = 0;
    for (const auto &r : fx.server.requests())
        n += r.path.contains(pathPart) ? 1 : 0;
    return n;
}

/// An export whose files are on the storage origin, a token the FHIR server checks, and these
/// outputs: the job's id once it ended.
QString exportWith(ExportFixture &fx, const QList<ServedFile> &files, bool attachments = true)
{
    fx.server.setTokenValidator([](const QByteArray &t) { return t == kToken; });
    Script s;
    s.filesOnOtherOrigin = true;
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    fx.server.setFiles(files);
    fx.authorizeEveryJob(std::make_unique<StaticTokenAuth>(QString::fromLatin1(kToken)));
    JobOptions o = fx.options();
    o.attachments = attachments;
    const QString id = fx.manager->startExport(fx.request(), o).value();
    return fx.runToEnd(id) ? id : QString();
}

} // namespace

class TestAttachments final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linksOfAResource();
    void namesAreSafe();
    void savedWithSafeNamesAndTheTokenOnlyWhereItGoes();
    void aBinaryResourceIsDecoded();
    void failuresAreNamedAndKeepTheExportOnTheServer();
    void offByDefault();
};

void TestAttachments::linksOfAResource()
{
    const QUrl base(u"https://ehr.example/fhir"_s);
    QJsonObject doc{
        {u"resourceType"_s, u"DocumentReference"_s},
        {u"id"_s, u"d1"_s},
        {u"content"_s,
         QJsonArray{
             QJsonObject{{u"attachment"_s, attachment(u"Binary/b1"_s, u"application/pdf"_s)}},
             QJsonObject{{u"attachment"_s, QJsonObject{{u"contentType"_s, u"text/plain"_s},
                                                       {u"data"_s, u"aGk="_s}}}},
             QJsonObject{{u"attachment"_s,
                          attachment(u"https://cdn.example/x.txt"_s, u"text/plain"_s, "hi")}}}}};
    const QList<AttachmentLink> links = AttachmentLinks::of(doc, base);
    QCOMPARE(links.size(), 2); // the inline one is not a link
    // Relative, as Epic writes them: on the FHIR base, not the origin's root.
    QCOMPARE(links[0].url, QUrl(u"https://ehr.example/fhir/Binary/b1"_s));
    QCOMPARE(links[0].fileName, u"DocumentReference.d1.1.pdf"_s);
    QVERIFY(!links[0].size.has_value());
    QCOMPARE(links[1].url, QUrl(u"https://cdn.example/x.txt"_s));
    QCOMPARE(links[1].fileName, u"DocumentReference.d1.2.txt"_s);
    QCOMPARE(links[1].size, std::optional<qint64>(2));
    QCOMPARE(links[1].sha1, QCryptographicHash::hash("hi", QCryptographicHash::Sha1));
    // Other resource types and other schemes name nothing to fetch.
    QVERIFY(AttachmentLinks::of({{u"resourceType"_s, u"Patient"_s}}, base).isEmpty());
    doc[u"content"_s] = QJsonArray{
        QJsonObject{{u"attachment"_s, attachment(u"file:///etc/passwd"_s, u"text/plain"_s)}}};
    QVERIFY(AttachmentLinks::of(doc, base).isEmpty());
}

void TestAttachments::namesAreSafe()
{
    const QString name = AttachmentLinks::fileNameFor(u"DocumentReference"_s, u"../../etc/x"_s, 1,
                                                      u"text/plain; charset=utf-8"_s);
    QVERIFY2(!name.contains(u'/') && !name.startsWith(u'.'), qPrintable(name));
    QCOMPARE(name, u"DocumentReference._._.._etc_x.1.txt"_s);
    QCOMPARE(AttachmentLinks::fileNameFor(u"DiagnosticReport"_s, u"r1"_s, 2, u"x-unknown/zz"_s),
             u"DiagnosticReport.r1.2.bin"_s);
    QCOMPARE(AttachmentLinks::fileNameFor(u"DocumentReference"_s, QString(), 1, {}),
             u"DocumentReference._.1.bin"_s);
    QCOMPARE(AttachmentLinks::fileNameFor(u"DocumentReference"_s, QString(200, u'a'), 1, {}).size(),
             QString(u"DocumentReference."_s).size() + 64 + 6);
}

void TestAttachments::savedWithSafeNamesAndTheTokenOnlyWhereItGoes()
{
    ExportFixture fx;
    fx.server.setAttachments({{u"note-1"_s, kPdf, "application/pdf"},
                              {u"note-2"_s, kNote, "text/plain"},
                              {u"scan-1"_s, kPng, "image/png"}});
    const QString base = fx.server.baseUrl().toString();
    const QByteArray docs =
        documentReference(u"d1"_s,
                          attachment(base + u"/Binary/note-1"_s, u"application/pdf"_s, kPdf)) +
        // Relative (Epic), an id that would climb out of the folder, no size or hash.
        documentReference(u"../evil"_s, attachment(u"Binary/note-2"_s, u"text/plain"_s)) +
        // The same note named twice: fetched once.
        documentReference(u"d3"_s, attachment(u"Binary/note-2"_s, u"text/plain"_s)) +
        // Another server's: not fetched.
        documentReference(u"d4"_s, attachment(u"http://127.0.0.2:9/x.pdf"_s, u"application/pdf"_s));
    const QByteArray reports =
        diagnosticReport(u"r1"_s, attachment(fx.server.storageAttachmentUrl(u"scan-1"_s).toString(),
                                             u"image/png"_s, kPng));
    const QString id = exportWith(fx, {served::ndjson(u"Patient"_s, served::twoPatients()),
                                       served::ndjson(u"DocumentReference"_s, docs),
                                       served::ndjson(u"DiagnosticReport"_s, reports)});
    QVERIFY(!id.isEmpty());
    const ExportJob &j = fx.job(id);
    QCOMPARE(jobStateName(j.state), jobStateName(JobState::Saved));
    QVERIFY2(j.attachmentProblem.isEmpty(), qPrintable(j.attachmentProblem));
    QCOMPARE(j.attachmentsSaved, 3);
    QCOMPARE(j.attachmentsFailed, 0);
    QCOMPARE(j.attachmentBytes, kPdf.size() + kNote.size() + kPng.size());

    const QDir att(QDir(fx.outDir()).filePath(u"attachments"_s));
    QCOMPARE(att.entryList(QDir::Files, QDir::Name),
             (QStringList{u"DiagnosticReport.r1.1.png"_s, u"DocumentReference._._evil.1.txt"_s,
                          u"DocumentReference.d1.1.pdf"_s}));
    QCOMPARE(test::readFile(att.filePath(u"DocumentReference.d1.1.pdf"_s)), kPdf);
    QCOMPARE(test::readFile(att.filePath(u"DocumentReference._._evil.1.txt"_s)), kNote);
    QCOMPARE(test::readFile(att.filePath(u"DiagnosticReport.r1.1.png"_s)), kPng);

    // The token went to the FHIR server's Binary reads, never to the storage origin.
    QCOMPARE(countRequests(fx, "/Binary/note-2"_L1), 1);
    for (const auto &r : fx.server.requests()) {
        if (r.path.contains("/Binary/"_L1))
            QCOMPARE(r.header("Authorization"), "Bearer " + kToken);
        if (r.path.startsWith("/attachments/"_L1))
            QVERIFY(r.header("Authorization").isEmpty());
        QVERIFY2(!r.url.toString().contains("127.0.0.2"_L1), "another server was asked");
    }
    // Asked for the declared type, so that a FHIR server answers the bytes, not a Binary.
    for (const auto &r : fx.server.requests()) {
        if (r.path.endsWith("/Binary/note-1"_L1))
            QCOMPARE(r.header("Accept"), QByteArray("application/pdf"));
    }
    // Fetched before the server was told that the export may go.
    const auto requests = fx.server.requests();
    int lastAttachment = -1;
    int del = -1;
    for (int i = 0; i < requests.size(); ++i) {
        if (requests[i].path.contains("note-"_L1) || requests[i].path.contains("scan-"_L1))
            lastAttachment = i;
        if (requests[i].method == "DELETE")
            del = i;
    }
    QVERIFY(lastAttachment >= 0 && del > lastAttachment);

    // The export log: one request and one completion per attachment, and the count.
    int requested = 0;
    for (const QJsonObject &row : logRows(fx.outDir(), u"download_request"_s))
        requested += row.value("eventDetail"_L1).toObject().value("itemType"_L1) == "attachment"_L1;
    QCOMPARE(requested, 3);
    int nullCounts = 0;
    for (const QJsonObject &row : logRows(fx.outDir(), u"download_complete"_s))
        nullCounts += row.value("eventDetail"_L1).toObject().value("resourceCount"_L1).isNull();
    QCOMPARE(nullCounts, 3);
    const QList<QJsonObject> complete = logRows(fx.outDir(), u"export_complete"_s);
    QCOMPARE(complete.size(), 1);
    QCOMPARE(complete[0].value("eventDetail"_L1).toObject().value("attachments"_L1).toInt(), 3);
    QVERIFY(!test::readFile(QDir(fx.outDir()).filePath(u"log.ndjson"_s)).contains(kToken));
}

void TestAttachments::aBinaryResourceIsDecoded()
{
    ExportFixture fx;
    ServedAttachment a{u"b1"_s, kPdf, "application/pdf"};
    a.asBinaryResource = true;
    fx.server.setAttachments({a});
    const QString id = exportWith(
        fx, {served::ndjson(u"DocumentReference"_s,
                            documentReference(
                                u"d1"_s, attachment(u"Binary/b1"_s, u"application/pdf"_s, kPdf)))});
    QVERIFY(!id.isEmpty());
    QVERIFY2(fx.job(id).attachmentProblem.isEmpty(), qPrintable(fx.job(id).attachmentProblem));
    QCOMPARE(
        test::readFile(QDir(fx.outDir()).filePath(u"attachments/DocumentReference.d1.1.pdf"_s)),
        kPdf);
}

void TestAttachments::failuresAreNamedAndKeepTheExportOnTheServer()
{
    ExportFixture fx;
    fx.server.setAttachments(
        {{u"short"_s, kNote, "text/plain"}, {u"good"_s, kPdf, "application/pdf"}});
    QByteArray docs =
        documentReference(u"missing"_s, attachment(u"Binary/nope"_s, u"text/plain"_s)) +
        // Declares the PDF's size and hash, but the server has the note under that name.
        documentReference(u"changed"_s, attachment(u"Binary/short"_s, u"text/plain"_s, kPdf)) +
        documentReference(u"fine"_s, attachment(u"Binary/good"_s, u"application/pdf"_s, kPdf));
    const QString id = exportWith(fx, {served::ndjson(u"DocumentReference"_s, docs)});
    QVERIFY(!id.isEmpty());
    const ExportJob &j = fx.job(id);
    // The export's files are whole: Saved, with what was not.
    QCOMPARE(jobStateName(j.state), jobStateName(JobState::Saved));
    QCOMPARE(j.attachmentsSaved, 1);
    QCOMPARE(j.attachmentsFailed, 2);
    QVERIFY2(j.attachmentProblem.contains("DocumentReference/missing"_L1) &&
                 j.attachmentProblem.contains("404"_L1),
             qPrintable(j.attachmentProblem));
    QVERIFY2(j.attachmentProblem.contains("DocumentReference/changed"_L1),
             qPrintable(j.attachmentProblem));
    const QDir att(QDir(fx.outDir()).filePath(u"attachments"_s));
    QCOMPARE(att.entryList(QDir::Files), QStringList{u"DocumentReference.fine.1.pdf"_s});
    // No DELETE: attachments on the export's storage would go with it.
    for (const auto &r : fx.server.requests())
        QVERIFY(r.method != "DELETE");
    QVERIFY(!j.removalProblem.isEmpty());
    QCOMPARE(logRows(fx.outDir(), u"download_error"_s).size(), 2);
}

void TestAttachments::offByDefault()
{
    ExportFixture fx;
    fx.server.setAttachments({{u"b1"_s, kPdf, "application/pdf"}});
    const QString id =
        exportWith(fx,
                   {served::ndjson(u"DocumentReference"_s,
                                   documentReference(
                                       u"d1"_s, attachment(u"Binary/b1"_s, u"application/pdf"_s)))},
                   false);
    QVERIFY(!id.isEmpty());
    QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState::Saved));
    QCOMPARE(countRequests(fx, "/Binary/b1"_L1), 0);
    QVERIFY(!QDir(QDir(fx.outDir()).filePath(u"attachments"_s)).exists());
    QCOMPARE(logRows(fx.outDir(), u"export_complete"_s)
                 .value(0)
                 .value("eventDetail"_L1)
                 .toObject()
                 .value("attachments"_L1)
                 .toInt(-1),
             0);
}

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
