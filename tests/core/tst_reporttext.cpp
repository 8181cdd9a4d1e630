// Report jobs in words: a report class as a name, users as the shortest unique id (or their
// name), the jobs as an RFC 4180 CSV table, and the file a save dialog's answer means.
#include "reports/reportclient.h"
#include "reports/reportcsv.h"
#include "reports/reportjob.h"
#include "reports/reportjobmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;
using fbm::ReportJob;

namespace {

const QString kUserA = u"0aaca7cd-67c3-48dd-a8c4-0cceecb5d276"_s;
const QString kUserB = u"0aaca7cd-99ff-4000-8000-000000000001"_s; // shares "0aaca7cd-"
const QString kUserC = u"5f3e2d1c-0000-4000-8000-000000000002"_s;

/// A small RFC 4180 reader, written apart from the writer, so that the two check each other.
QList<QStringList> readCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << std::exchange(field, QString());
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << std::exchange(field, QString());
            rows << std::exchange(row, QStringList());
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

ReportJob job(const QString &id, const QString &reportClass, const QString &user)
{
    ReportJob j;
    j.id = id;
    j.reportClass = reportClass;
    j.shortName = fbm::reportShortName(reportClass);
    j.userId = user;
    j.status = u"DONE"_s;
    return j;
}

} // namespace

class TestReportText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void title_data();
    void title();
    void shortIds_data();
    void shortIds();
    void userColumn();
    void userNameFromServer();
    void csvRecord_data();
    void csvRecord();
    void jobsTable();
    void statusFile_data();
    void statusFile();
};

void TestReportText::title_data()
{
    QTest::addColumn<QString>("reportClass");
    QTest::addColumn<QString>("title");
    QTest::newRow("java class") << u"com.systematic.ehealth.reporting.reports.PatientsUsageReport"_s
                                << u"Patients usage report"_s;
    QTest::newRow("short package") << u"dk.foo.PatientsUsageReport"_s << u"Patients usage report"_s;
    QTest::newRow("bare") << u"PatientDevicesReport"_s << u"Patient devices report"_s;
    QTest::newRow("acronym first") << u"CSVExportReport"_s << u"CSV export report"_s;
    QTest::newRow("acronym inside") << u"PatientKOLReport"_s << u"Patient KOL report"_s;
    QTest::newRow("digits") << u"Top10PatientsReport"_s << u"Top 10 patients report"_s;
    QTest::newRow("kebab") << u"measurement-stats"_s << u"Measurement stats"_s;
    QTest::newRow("snake") << u"x.patient_usage_stats"_s << u"Patient usage stats"_s;
    QTest::newRow("lower camel") << u"careplanReport"_s << u"Careplan report"_s;
    QTest::newRow("spaces") << u"  a.b.PatientTotalReport "_s << u"Patient total report"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestReportText::title()
{
    QFETCH(QString, reportClass);
    QFETCH(QString, title);
    QCOMPARE(fbm::reportTitle(reportClass), title);
    ReportJob j;
    j.reportClass = reportClass;
    QCOMPARE(j.title(), title);
}

void TestReportText::shortIds_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("shown"); // in the order of ids

    QTest::newRow("one user") << QStringList{kUserA, kUserA}
                              << QStringList{u"0aaca7cd…"_s, u"0aaca7cd…"_s};
    QTest::newRow("distinct at 8")
        << QStringList{kUserA, kUserC} << QStringList{u"0aaca7cd…"_s, u"5f3e2d1c…"_s};
    // They share "0aaca7cd-": the cut never ends on the hyphen, so both need 10 characters.
    QTest::newRow("shared prefix")
        << QStringList{kUserA, kUserB, kUserC}
        << QStringList{u"0aaca7cd-6…"_s, u"0aaca7cd-9…"_s, u"5f3e2d1c…"_s};
    QTest::newRow("short ids whole")
        << QStringList{u"admin"_s, u"12345678"_s} << QStringList{u"admin"_s, u"12345678"_s};
    QTest::newRow("prefix of another") << QStringList{u"user-000001"_s, u"user-0000012"_s}
                                       << QStringList{u"user-000001"_s, u"user-0000012"_s};
    QTest::newRow("nine characters") << QStringList{u"abcdefghi"_s, u"abcdefghj"_s}
                                     << QStringList{u"abcdefghi"_s, u"abcdefghj"_s};
}

void TestReportText::shortIds()
{
    QFETCH(QStringList, ids);
    QFETCH(QStringList, shown);
    const QHash<QString, QString> map = fbm::shortUniqueIds(ids);
    QStringList got;
    for (const QString &id : std::as_const(ids))
        got << map.value(id);
    QCOMPARE(got, shown);
    // Whatever is shown, no two users look the same.
    QSet<QString> distinct(map.cbegin(), map.cend());
    QCOMPARE(distinct.size(), map.size());
    QVERIFY(!map.contains(QString()));
}

void TestReportText::userColumn()
{
    using M = fbm::ReportJobModel;
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ReportJob a = job(u"1"_s, u"x.PatientsUsageReport"_s, kUserA);
    const ReportJob c = job(u"2"_s, u"x.PatientDevicesReport"_s, kUserC);
    model.setJobs({a, c});
    const auto user = [&model](int row, int role = Qt::DisplayRole) {
        return model.data(model.index(row, M::UserColumn), role).toString();
    };
    QCOMPARE(user(0), u"0aaca7cd…"_s);
    QCOMPARE(user(0, Qt::ToolTipRole), kUserA);
    QCOMPARE(user(1), u"5f3e2d1c…"_s);
    QCOMPARE(model.data(model.index(1, M::ReportColumn)).toString(), u"Patient devices report"_s);

    // A new user sharing the first one's prefix lengthens the old row too, and says so.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const ReportJob b = job(u"3"_s, u"x.PatientsUsageReport"_s, kUserB);
    model.setJobs({a, c, b});
    QCOMPARE(user(0), u"0aaca7cd-6…"_s);
    QCOMPARE(user(2), u"0aaca7cd-9…"_s);
    QCOMPARE(user(1), u"5f3e2d1c…"_s);
    bool userColumnReported = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        userColumnReported =
            userColumnReported || (from.row() == 0 && to.row() == 2 &&
                                   from.column() <= M::UserColumn && to.column() >= M::UserColumn);
    }
    QVERIFY(userColumnReported);

    // Unchanged users: nothing is reported.
    changed.clear();
    model.setJobs({a, c, b});
    QCOMPARE(changed.count(), 0);
}

void TestReportText::userNameFromServer()
{
    // The server names the user with a Reference's display: the name is shown, the id kept.
    const QJsonArray parts{
        QJsonObject{{u"name"_s, u"reportClass"_s}, {u"valueString"_s, u"a.PatientsUsageReport"_s}},
        QJsonObject{{u"name"_s, u"userId"_s},
                    {u"valueReference"_s,
                     QJsonObject{{u"reference"_s, QString(u"Practitioner/"_s + kUserA)},
                                 {u"display"_s, u"Jens Hansen"_s}}}},
        QJsonObject{{u"name"_s, u"status"_s}, {u"valueString"_s, u"DONE"_s}}};
    const QJsonObject resource{
        {u"resourceType"_s, u"Parameters"_s},
        {u"id"_s, u"j1"_s},
        {u"parameter"_s, QJsonArray{QJsonObject{{u"name"_s, u"reportJob"_s}, {u"part"_s, parts}}}}};
    const QJsonObject bundle{{u"resourceType"_s, u"Bundle"_s},
                             {u"entry"_s, QJsonArray{QJsonObject{{u"resource"_s, resource}}}}};
    const auto parsed = fbm::parseReportJobBundle(QJsonDocument(bundle).toJson(),
                                                  QUrl(u"https://r.example/fhir"_s));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().size(), 1);
    const ReportJob j = parsed.value().first();
    QCOMPARE(j.userId, QString(u"Practitioner/"_s + kUserA));
    QCOMPARE(j.userName, u"Jens Hansen"_s);
    QVERIFY(j.otherParts.isEmpty());

    fbm::ReportJobModel model;
    model.setJobs({j});
    const QModelIndex cell = model.index(0, fbm::ReportJobModel::UserColumn);
    QCOMPARE(cell.data().toString(), u"Jens Hansen"_s);
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(),
             QString(u"Jens Hansen\nPractitioner/"_s + kUserA));

    // A separate userName part does the same.
    ReportJob k = job(u"k"_s, u"a.B"_s, kUserC);
    k.userName = u"Søren Ærø"_s;
    QCOMPARE(fbm::ReportJobModel::userText(k, fbm::shortUniqueIds({kUserC})), u"Søren Ærø"_s);
    k.userName.clear();
    QCOMPARE(fbm::ReportJobModel::userText(k, fbm::shortUniqueIds({kUserC})), u"5f3e2d1c…"_s);
}

void TestReportText::csvRecord_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QByteArray>("csv");
    QTest::newRow("plain") << QStringList{u"a"_s, u"b c"_s, QString()} << "a,b c,\r\n"_ba;
    QTest::newRow("comma") << QStringList{u"anonymization: None, period: 2023"_s}
                           << "\"anonymization: None, period: 2023\"\r\n"_ba;
    QTest::newRow("quotes doubled")
        << QStringList{u"say \"hi\""_s, u"x"_s} << "\"say \"\"hi\"\"\",x\r\n"_ba;
    QTest::newRow("line break") << QStringList{u"one\ntwo"_s, u"cr\rlf"_s}
                                << "\"one\ntwo\",\"cr\rlf\"\r\n"_ba;
    QTest::newRow("utf-8") << QStringList{u"Søren Ærø"_s}
                           << "S\xc3\xb8ren \xc3\x86r\xc3\xb8\r\n"_ba;
    QTest::newRow("empty record") << QStringList{} << "\r\n"_ba;
}

void TestReportText::csvRecord()
{
    QFETCH(QStringList, fields);
    QFETCH(QByteArray, csv);
    QCOMPARE(fbm::csvRecord(fields), csv);
    if (!fields.isEmpty())
        QCOMPARE(readCsv(csv), QList<QStringList>{fields});
}

void TestReportText::jobsTable()
{
    ReportJob a = job(u"j-1"_s, u"com.x.PatientsUsageReport"_s, kUserA);
    a.parameters = {{u"anonymization"_s, u"None"_s}, {u"note"_s, u"he said \"no\", twice"_s}};
    a.started = QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC);
    a.ended = a.started.addSecs(97960);
    a.binaryReference = u"Binary/7"_s;
    a.binaryUrl = QUrl(u"https://r.example/fhir/Binary/7"_s);
    ReportJob q = job(u"j-2"_s, QString(), QString());
    q.status = u"QUEUED"_s;
    q.userName = u"Jens Hansen"_s;

    const QList<QStringList> table = fbm::reportJobsTable({a, q});
    QCOMPARE(table.size(), 3);
    const QStringList header = table.at(0);
    QCOMPARE(header.first(), u"Report"_s);
    for (const QStringList &row : table)
        QCOMPARE(row.size(), header.size());
    const auto at = [&](int row, const QString &column) {
        return table.at(row).at(header.indexOf(column));
    };
    QCOMPARE(at(1, u"Report"_s), u"Patients usage report"_s);
    QCOMPARE(at(1, u"Report class"_s), u"com.x.PatientsUsageReport"_s);
    QCOMPARE(at(1, u"Status"_s), u"Done"_s);
    QCOMPARE(at(1, u"User ID"_s), kUserA); // the full id: a table is for looking things up
    QCOMPARE(at(1, u"Run time"_s), u"1 d 03:12"_s);
    QCOMPARE(at(1, u"Run time (seconds)"_s), u"97960"_s);
    QCOMPARE(at(1, u"Started"_s), fbm::ReportJobModel::timeText(a.started));
    QCOMPARE(at(1, u"Parameters"_s), u"anonymization: None, note: he said \"no\", twice"_s);
    QCOMPARE(at(1, u"Report file"_s), u"https://r.example/fhir/Binary/7"_s);
    QCOMPARE(at(1, u"Job ID"_s), u"j-1"_s);
    QCOMPARE(at(2, u"Status"_s), u"Queued"_s);
    QCOMPARE(at(2, u"User"_s), u"Jens Hansen"_s);
    QCOMPARE(at(2, u"Run time"_s), QString());

    // Written and read back, the awkward parameters survive whole.
    QCOMPARE(readCsv(fbm::csvTable(table)), table);
}

void TestReportText::statusFile_data()
{
    using F = fbm::ReportClient::StatusFormat;
    QTest::addColumn<QString>("picked");
    QTest::addColumn<int>("chosen"); // -1 none (All files)
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format");

    QTest::newRow("json as json") << u"/d/s.json"_s << int(F::FhirJson) << u"/d/s.json"_s
                                  << int(F::FhirJson);
    QTest::newRow("csv type, json name")
        << u"/d/s.json"_s << int(F::CsvTable) << u"/d/s.csv"_s << int(F::CsvTable);
    QTest::newRow("csv type, no suffix")
        << u"/d/s"_s << int(F::CsvTable) << u"/d/s.csv"_s << int(F::CsvTable);
    QTest::newRow("csv type, CSV name")
        << u"/d/S.CSV"_s << int(F::CsvTable) << u"/d/S.CSV"_s << int(F::CsvTable);
    QTest::newRow("json type, csv name")
        << u"/d/s.csv"_s << int(F::FhirJson) << u"/d/s.json"_s << int(F::FhirJson);
    QTest::newRow("json type, other suffix")
        << u"/d/s.txt"_s << int(F::FhirJson) << u"/d/s.txt.json"_s << int(F::FhirJson);
    QTest::newRow("all files, csv") << u"/d/s.csv"_s << -1 << u"/d/s.csv"_s << int(F::CsvTable);
    QTest::newRow("all files, other") << u"/d/s.txt"_s << -1 << u"/d/s.txt"_s << int(F::FhirJson);
}

void TestReportText::statusFile()
{
    using F = fbm::ReportClient::StatusFormat;
    QFETCH(QString, picked);
    QFETCH(int, chosen);
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto file = fbm::ReportClient::statusFileFor(
        picked, chosen < 0 ? std::nullopt : std::optional<F>(F(chosen)));
    QCOMPARE(file.path, path);
    QCOMPARE(int(file.format), format);
}

QTEST_GUILESS_MAIN(TestReportText)
#include "tst_reporttext.moc"
