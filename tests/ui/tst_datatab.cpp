// The Data tab of the job details and the resource browser, on an export the engine saved from
// the simulated bulk server over real HTTP: the tab's counts, the browser's pages and filter,
// and one resource's JSON.
#include "datatab.h"
#include "exportfixture.h"
#include "exportoverviewmodel.h"
#include "filteredit.h"
#include "jobdetailspane.h"
#include "jobtablemodel.h"
#include "jsontreemodel.h"
#include "resourcebrowser.h"
#include "resourcetablemodel.h"
#include "sampleexport.h"
#include "servedfiles.h"
#include "tablesbox.h"
#include "waitfor.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;
using fbm::test::waitFor;
namespace served = fbm::test::served;

namespace {

/// The row of \a type (an output type) in the tab's table.
int rowOf(const QAbstractItemModel *m, const QString &type)
{
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, OverviewTypesModel::Type).data().toString() == type)
            return r;
    }
    return -1;
}

QString cell(const QAbstractItemModel *m, int row, int column)
{
    return m->index(row, column).data().toString();
}

/// Lines of a saved file, and the distinct Patient references among them: the oracle.
struct FileFacts
{
    int lines = 0;
    int heartRate = 0; ///< lines holding "heart rate", in any case
    QString firstId;
    QSet<QString> patients;
};

FileFacts factsOf(const QString &path)
{
    FileFacts f;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return f;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        ++f.lines;
        if (line.toLower().contains("heart rate"))
            ++f.heartRate;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (f.firstId.isEmpty())
            f.firstId = o.value("id"_L1).toString();
        f.patients.insert(o.value("subject"_L1).toObject().value("reference"_L1).toString());
    }
    return f;
}

} // namespace

class TestDataTab final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsBrowsingAndFilter();
    void notReadUntilSaved();
    void tabLeftOpenIsKept();
    void aViewOpensAsASpreadsheet();
    void saveAllTablesWritesOnePerView();
};

void TestDataTab::countsBrowsingAndFilter()
{
    test::ExportFixture f;
    const QString id = f.savedExport({served::ndjson(u"Patient"_s, served::twoPatients()),
                                      served::generated(u"Observation"_s, 300), served::errors()});
    QVERIFY(!id.isEmpty());
    const FileFacts obs = factsOf(QDir(f.job(id).outDir).filePath(u"Observation.1.ndjson"_s));
    QCOMPARE(obs.lines, 300);

    JobTableModel table(f.manager);
    JobDetailsPane pane(f.manager, &table);
    pane.show();
    pane.setJob(id);
    const int tab = pane.indexOf(pane.dataTab());
    QCOMPARE(tab, pane.indexOf(pane.findChild<QWidget *>(u"dataTab"_s)));
    QCOMPARE(pane.tabText(tab), u"Da&ta"_s);
    QCOMPARE(pane.tabText(tab - 1), u"Re&sources"_s);
    DataTab *data = pane.dataTab();
    // Nothing is read for an export clicked on while another tab is shown.
    QCOMPARE(data->typesModel()->rowCount(), 0);
    QVERIFY(!data->isReading());
    pane.setCurrentIndex(tab);
    QVERIFY(waitFor([&] { return data->typesModel()->rowCount() == 3; }));
    QVERIFY(!data->isReading());

    const QAbstractItemModel *types = data->findChild<QTableView *>(u"dataTypes"_s)->model();
    const int o = rowOf(types, u"Observation"_s);
    const int p = rowOf(types, u"Patient"_s);
    QVERIFY(o >= 0 && p >= 0);
    QCOMPARE(cell(types, o, OverviewTypesModel::Resources), QLocale().toString(300));
    QCOMPARE(cell(types, o, OverviewTypesModel::Patients), QLocale().toString(obs.patients.size()));
    QCOMPARE(cell(types, o, OverviewTypesModel::Files), u"1"_s);
    QVERIFY(!cell(types, o, OverviewTypesModel::Dates).isEmpty());
    QCOMPARE(cell(types, p, OverviewTypesModel::Resources), u"2"_s);
    QCOMPARE(cell(types, p, OverviewTypesModel::Patients), u"2"_s);
    QVERIFY(rowOf(types, u"errors/OperationOutcome"_s) >= 0);
    const QString status = data->findChild<QLabel *>(u"dataStatus"_s)->text();
    QVERIFY2(status.contains(QLocale().toString(302)), qPrintable(status));
    QVERIFY(!data->findChild<QTableView *>(u"dataProblems"_s)->isVisibleTo(data));

    // The browser opens on the double-clicked type.
    data->browse(o);
    ResourceBrowser *browser = data->browser();
    QVERIFY(browser);
    QVERIFY(browser->isVisible());
    QCOMPARE(browser->filePicker()->currentText(), u"Observation.1.ndjson"_s);
    ResourceTableModel *model = browser->model();
    QVERIFY(waitFor([&] { return !model->isIndexing(); }));
    QTableView *view = browser->table();
    QCOMPARE(view->model()->rowCount(), 300);
    QCOMPARE(cell(view->model(), 0, ResourceTableModel::Id), obs.firstId);
    QVERIFY(!cell(view->model(), 0, ResourceTableModel::Summary).isEmpty());
    // The last page.
    view->scrollToBottom();
    QVERIFY(!cell(view->model(), 299, ResourceTableModel::Id).isEmpty());
    QVERIFY(!cell(view->model(), 299, ResourceTableModel::Date).isEmpty());

    // Opening one resource shows its JSON.
    view->setCurrentIndex(view->model()->index(5, 0));
    JsonTreeModel *json = browser->jsonModel();
    QVERIFY(json->rowCount() > 3);
    QString resourceType, resourceId;
    for (int r = 0; r < json->rowCount(); ++r) {
        const QString key = json->index(r, JsonTreeModel::Key).data().toString();
        if (key == "resourceType"_L1)
            resourceType = json->index(r, JsonTreeModel::Value).data().toString();
        if (key == "id"_L1)
            resourceId = json->index(r, JsonTreeModel::Value).data().toString();
    }
    QCOMPARE(resourceType, u"Observation"_s);
    QCOMPARE(resourceId, cell(view->model(), 5, ResourceTableModel::Id));

    // The filter, typed as a user would.
    QTest::keyClicks(browser->filterEdit(), u"HEART rate"_s);
    QVERIFY(
        waitFor([&] { return model->filterText() == "HEART rate"_L1 && !model->isFiltering(); }));
    QCOMPARE(view->model()->rowCount(), obs.heartRate);
    QVERIFY(obs.heartRate > 0 && obs.heartRate < 300);
    QVERIFY(cell(view->model(), 0, ResourceTableModel::Summary).contains(u"Heart rate"_s));
    const QString shown = browser->findChild<QLabel *>(u"browserStatus"_s)->text();
    QVERIFY2(shown.contains(QString::number(obs.heartRate)), qPrintable(shown));
    browser->filterEdit()->clearNow();
    QVERIFY(waitFor([&] { return view->model()->rowCount() == 300; }));

    // Another file of the export, from the picker.
    browser->filePicker()->setCurrentIndex(browser->filePicker()->findText(u"Patient.1.ndjson"_s));
    QVERIFY(waitFor([&] { return !model->isIndexing() && view->model()->rowCount() == 2; }));
    QCOMPARE(cell(view->model(), 1, ResourceTableModel::Id), u"p2"_s);

    // Closed, it lets go of the file; Browse… opens it again.
    browser->close();
    QCOMPARE(model->file(), QString());
    QCOMPARE(view->model()->rowCount(), 0);
    data->browse(p);
    QVERIFY(browser->isVisible());
    QVERIFY(waitFor([&] { return !model->isIndexing() && view->model()->rowCount() == 2; }));
}

void TestDataTab::notReadUntilSaved()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"out"_s);
    DataTab tab;
    tab.show();
    tab.setActive(true);
    tab.setFolder(folder, false);
    QVERIFY(!tab.isReading());
    QCOMPARE(tab.typesModel()->rowCount(), 0);
    QVERIFY(!tab.findChild<QPushButton *>(u"dataBrowse"_s)->isEnabled());
    // A folder that holds no export says so.
    QVERIFY(QDir().mkpath(folder));
    tab.setFolder(folder, true);
    QVERIFY(waitFor([&] {
        return !tab.isReading() &&
               tab.findChild<QLabel *>(u"dataStatus"_s)->text().contains(u"no export"_s);
    }));
    QCOMPARE(tab.typesModel()->rowCount(), 0);
}

void TestDataTab::tabLeftOpenIsKept()
{
    test::ExportFixture f;
    JobTableModel table(f.manager);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"ui.ini"_s), QSettings::IniFormat);
    {
        // Saved before the Data tab came: 3 was Activity.
        settings.setValue(u"detailsTab"_s, 3);
        JobDetailsPane pane(f.manager, &table);
        pane.loadSettings(settings);
        QCOMPARE(pane.currentWidget()->objectName(), u"activityPage"_s);
        pane.setCurrentWidget(pane.dataTab());
        pane.saveSettings(settings);
    }
    JobDetailsPane pane(f.manager, &table);
    pane.loadSettings(settings);
    QCOMPARE(pane.currentWidget(), pane.dataTab());
}

void TestDataTab::aViewOpensAsASpreadsheet()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"out"_s);
    QVERIFY(test::sample::writeExport(folder));
    DataTab tab;
    tab.show();
    tab.setFolder(folder, true);
    TablesBox *tables = tab.tables();
    QVERIFY(tables && tables->isVisible());
    // Only the views whose type the export holds: Patient, Observation and Condition.
    const QStringList names = tables->viewNames();
    QVERIFY2(names.contains(u"patient_demographics"_s) && names.contains(u"observations"_s) &&
                 names.contains(u"conditions"_s),
             qPrintable(names.join(u", "_s)));
    QVERIFY2(!names.contains(u"encounters"_s), qPrintable(names.join(u", "_s)));
    QList<QUrl> opened;
    tables->setUrlOpener([&opened](const QUrl &url) {
        opened << url;
        return true;
    });
    tables->openAsSpreadsheet(u"patient_demographics"_s);
    QVERIFY(waitFor([&] { return !opened.isEmpty(); }));
    const QString csv = QDir(folder).filePath(u"tables/patient_demographics.csv"_s);
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(csv)});
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    // A header row, then the two patients, in the file's order.
    QVERIFY2(lines.value(0).startsWith("id,"), lines.value(0).constData());
    QVERIFY(lines.value(1).startsWith("p1,"));
    QVERIFY(lines.value(1).contains("Hansen"));
    QVERIFY(lines.value(2).startsWith("p2,"));
    QVERIFY(!tables->isWriting());
    QVERIFY2(tab.findChild<QLabel *>(u"tablesStatus"_s)->text().contains(u"2 row"_s),
             qPrintable(tab.findChild<QLabel *>(u"tablesStatus"_s)->text()));
}

void TestDataTab::saveAllTablesWritesOnePerView()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"out"_s);
    QVERIFY(test::sample::writeExport(folder));
    DataTab tab;
    tab.show();
    tab.setFolder(folder, true);
    TablesBox *tables = tab.tables();
    QList<QUrl> opened;
    tables->setUrlOpener([&opened](const QUrl &url) {
        opened << url;
        return true;
    });
    QSignalSpy written(tables, &TablesBox::tablesWritten);
    tables->saveAll();
    QVERIFY(written.wait(20000));
    QStringList expected;
    for (const QString &name : tables->viewNames())
        expected << name + u".csv"_s;
    expected.sort();
    QCOMPARE(QDir(QDir(folder).filePath(u"tables"_s)).entryList(QDir::Files, QDir::Name), expected);
    QVERIFY(opened.isEmpty()); // saved, not opened
    // A folder whose files are not all saved offers nothing.
    tab.setFolder(folder, false);
    QVERIFY(!tables->isVisible());
}

QTEST_MAIN(TestDataTab)
#include "tst_datatab.moc"
