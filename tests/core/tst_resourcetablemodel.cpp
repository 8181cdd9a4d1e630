// The resource browser's core: NdjsonIndex and ResourceTableModel (under
// QAbstractItemModelTester) on plain and .gz files written here, a file large enough to come
// in several batches, the filter, and JsonTreeModel.
#include "jsontreemodel.h"
#include "ndjsonindex.h"
#include "resourcetablemodel.h"
#include "sampleexport.h"
#include "waitfor.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using fbm::test::waitFor;

namespace {

QString cell(const QAbstractItemModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

/// \a n Observations o0..o<n-1>; every tenth has the code "Body weight", the rest "Heart rate".
QByteArray manyObservations(int n)
{
    QByteArray out;
    for (int i = 0; i < n; ++i) {
        const QByteArray name = i % 10 == 0 ? "Body weight" : "Heart rate";
        out += R"({"resourceType":"Observation","id":"o)" + QByteArray::number(i) +
               R"(","code":{"coding":[{"display":")" + name +
               R"("}]},"effectiveDateTime":"2020-01-01","valueQuantity":{"value":)" +
               QByteArray::number(i) + R"(,"unit":"kg"}})" + '\n';
    }
    return out;
}

} // namespace

class TestResourceTableModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainFile();
    void gzipFile();
    void largeFileInBatches();
    void filter();
    void filterBeforeIndexed();
    void cancelAndSwitch();
    void missingFile();
    void jsonTree();
};

void TestResourceTableModel::plainFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Observation.1.ndjson"_s);
    QVERIFY(test::sample::write(path, test::sample::observations1()));
    ResourceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(path);
    QVERIFY(waitFor([&] { return !model.isIndexing(); }));
    QCOMPARE(model.rowCount(), 4); // the blank line is no row; the bad line is one
    QCOMPARE(cell(model, 0, ResourceTableModel::Id), u"o1"_s);
    QCOMPARE(cell(model, 0, ResourceTableModel::Date), u"2020-05-06T08:00:00+02:00"_s);
    QCOMPARE(cell(model, 0, ResourceTableModel::Summary), u"Heart rate · 72 /min"_s);
    QCOMPARE(cell(model, 1, ResourceTableModel::Summary), u"29463-7"_s);
    // The line after the blank one, written with CRLF.
    QCOMPARE(cell(model, 2, ResourceTableModel::Id), u"o3"_s);
    QCOMPARE(cell(model, 2, ResourceTableModel::Summary), u"Weight · 80.5 kg"_s);
    QCOMPARE(cell(model, 3, ResourceTableModel::Id), QString());
    QVERIFY(!cell(model, 3, ResourceTableModel::Summary).isEmpty());
    QCOMPARE(model.resource(2).value("id"_L1).toString(), u"o3"_s);
    QCOMPARE(model.headerData(2, Qt::Vertical, Qt::DisplayRole).toInt(), 3);
    QCOMPARE(model.totalRows(), 4);
}

void TestResourceTableModel::gzipFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Patient.1.ndjson.gz"_s);
    QVERIFY(test::sample::writeGzip(path, test::sample::patients()));
    ResourceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(path);
    QVERIFY(waitFor([&] { return !model.isIndexing(); }));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, ResourceTableModel::Summary), u"Karen Hansen · female · 1950-03-04"_s);
    QCOMPARE(cell(model, 1, ResourceTableModel::Summary), u"Ole Jensen · male · 1961-07-08"_s);
    QCOMPARE(cell(model, 1, ResourceTableModel::Date), u"1961-07-08"_s);
    // The decompressed copy goes with the model's file.
    const QStringList before = QDir::temp().entryList({u"fbm-browse-*"_s});
    model.setFile({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(waitFor(
        [&] { return QDir::temp().entryList({u"fbm-browse-*"_s}).size() < before.size(); }));
}

void TestResourceTableModel::largeFileInBatches()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Observation.1.ndjson"_s);
    const int n = 200000; // some 30 MB: several blocks of the reader
    QVERIFY(test::sample::write(path, manyObservations(n)));
    ResourceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setFile(path);
    QVERIFY(waitFor([&] { return !model.isIndexing(); }));
    QCOMPARE(model.rowCount(), n);
    QVERIFY(inserted.size() >= 2);
    // Rows far apart read by seeking.
    QCOMPARE(cell(model, n - 1, ResourceTableModel::Id), u"o199999"_s);
    QCOMPARE(cell(model, 12345, ResourceTableModel::Summary), u"Heart rate · 12345 kg"_s);
    QCOMPARE(cell(model, 0, ResourceTableModel::Id), u"o0"_s);
}

void TestResourceTableModel::filter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Observation.1.ndjson"_s);
    QVERIFY(test::sample::write(path, manyObservations(1000)));
    ResourceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(path);
    QVERIFY(waitFor([&] { return !model.isIndexing(); }));
    model.setFilterText(u"BODY weight"_s); // ASCII letters in any case
    QVERIFY(waitFor([&] { return !model.isFiltering(); }));
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(cell(model, 3, ResourceTableModel::Id), u"o30"_s);
    QCOMPARE(model.index(3, 0).data(ResourceTableModel::FileRowRole).toLongLong(), 30);
    QCOMPARE(model.headerData(3, Qt::Vertical, Qt::DisplayRole).toInt(), 31);
    QCOMPARE(model.resource(3).value("id"_L1).toString(), u"o30"_s);
    model.setFilterText(u"\"id\":\"o999\""_s);
    QVERIFY(waitFor([&] { return !model.isFiltering(); }));
    QCOMPARE(model.rowCount(), 1);
    model.setFilterText(u"nothing like this"_s);
    QVERIFY(waitFor([&] { return !model.isFiltering(); }));
    QCOMPARE(model.rowCount(), 0);
    model.setFilterText({});
    QCOMPARE(model.rowCount(), 1000);
}

void TestResourceTableModel::filterBeforeIndexed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Observation.1.ndjson.gz"_s);
    QVERIFY(test::sample::writeGzip(path, manyObservations(5000)));
    ResourceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilterText(u"body weight"_s);
    model.setFile(path);
    QVERIFY(waitFor([&] { return !model.isIndexing() && !model.isFiltering(); }));
    QCOMPARE(model.rowCount(), 500);
    QCOMPARE(model.totalRows(), 5000);
    QCOMPARE(cell(model, 499, ResourceTableModel::Id), u"o4990"_s);
}

void TestResourceTableModel::cancelAndSwitch()
{
    QTemporaryDir dir;
    const QString big = dir.filePath(u"Observation.1.ndjson"_s);
    QVERIFY(test::sample::write(big, manyObservations(100000)));
    const QString small = dir.filePath(u"Patient.1.ndjson"_s);
    QVERIFY(test::sample::write(small, test::sample::patients()));
    ResourceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Switching files while one is indexed: nothing of the first reaches the model.
    model.setFile(big);
    model.setFile(small);
    QVERIFY(waitFor([&] { return !model.isIndexing(); }));
    QCOMPARE(model.rowCount(), 2);
    // Cancelling keeps what was indexed.
    NdjsonIndex index;
    QSignalSpy finished(&index, &NdjsonIndex::finished);
    index.start(big);
    index.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!index.isRunning());
    // A model going away while its file is read.
    auto gone = std::make_unique<ResourceTableModel>();
    gone->setFile(big);
    gone.reset();
    ResourceTableModel after;
    after.setFile(small);
    QVERIFY(waitFor([&] { return !after.isIndexing(); }));
    QCOMPARE(after.rowCount(), 2);
}

void TestResourceTableModel::missingFile()
{
    ResourceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(u"/nonexistent/Patient.1.ndjson"_s);
    QVERIFY(waitFor([&] { return !model.isIndexing(); }));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.lineIndex()->errorString().isEmpty());
}

void TestResourceTableModel::jsonTree()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonObject r =
        QJsonDocument::fromJson(test::sample::observations1().split('\n').at(0)).object();
    model.setValue(r);
    QCOMPARE(model.rowCount(), r.size());
    QModelIndex code;
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.index(i, 0).data().toString() == "code"_L1)
            code = model.index(i, 0);
    }
    QVERIFY(code.isValid());
    QCOMPARE(model.rowCount(code), 1); // coding
    const QModelIndex coding = model.index(0, 0, code);
    const QModelIndex first = model.index(0, 0, coding);
    QCOMPARE(first.data().toString(), u"0"_s);
    QCOMPARE(model.rowCount(first), 3);
    QCOMPARE(model.parent(first), coding);
    // A number as the file has it, not as a double's 17 digits ("95.400000000000006").
    model.setValue(QJsonObject{{u"value"_s, 95.4}, {u"count"_s, 3}});
    for (int i = 0; i < model.rowCount(); ++i) {
        const QString key = model.index(i, JsonTreeModel::Key).data().toString();
        const QString value = model.index(i, JsonTreeModel::Value).data().toString();
        QCOMPARE(value, key == "value"_L1 ? u"95.4"_s : u"3"_s);
    }
    model.setValue(QJsonValue());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestResourceTableModel)
#include "tst_resourcetablemodel.moc"
