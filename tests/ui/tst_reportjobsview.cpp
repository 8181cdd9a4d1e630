// The report jobs page against the simulated reporting server over HTTP, on the offscreen
// platform: the table fills, refreshes in place, notifies, saves reports and the status, opens
// and extracts a saved ZIP, starts a report, and shows every malformed answer as an error.

#include "demo/reportserver.h"
#include "filechooser.h"
#include "httpclient.h"
#include "reportjobsview.h"
#include "reports/reportbinary.h"
#include "reports/reportclient.h"
#include "reports/reportjobmodel.h"
#include "startreportdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using fbm::ReportJob;
using fbm::ReportJobModel;
using fbm::ReportJobsView;
using fbm::demo::ReportServer;

namespace {

const auto kSeedKey = u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s;    // DONE, Binary/7 (ZIP)
const auto kCsvKey = u"2b7c4f0e-5a61-4f8e-9d0c-1f2a3b4c5d6e"_s;     // DONE, Binary/8 (CSV)
const auto kRunningKey = u"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"_s; // RUNNING
const auto kOddKey = u"77aa88bb-99cc-4dde-8eff-001122334455"_s;     // unknown parts, raw PDF
constexpr int kMixedJobs = 7;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Answers the page's questions for files and folders as a user would in the dialogs.
struct Answers final : fbm::FileChooser
{
    QString existingFolder(QWidget *, const QString &, const QString &) override
    {
        return nextFolder.isEmpty() ? downloadFolder : std::exchange(nextFolder, QString());
    }
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &filter,
                         QString *selectedFilter) override
    {
        offeredFilters = filter;
        if (selectedFilter && !statusFilter.isEmpty()) {
            const QStringList filters = filter.split(u";;"_s);
            for (const QString &f : filters) {
                if (f.contains(statusFilter))
                    *selectedFilter = f;
            }
        }
        return statusFile;
    }
    QString openFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return {};
    }

    QString downloadFolder; ///< every time a folder is asked for
    QString nextFolder;     ///< the next time only
    QString statusFile;
    QString statusFilter;   ///< e.g. "*.csv": the type picked in the save dialog
    QString offeredFilters; ///< the types the save dialog offered
};

/// One page on one server, with its own settings file and folders.
struct Page
{
    QTemporaryDir dir;
    ReportServer server;
    std::unique_ptr<fbm::HttpClient> http;
    Answers answers;
    std::unique_ptr<ReportJobsView> view;
    QList<QUrl> opened;

    bool start(bool demo = false)
    {
        if (!dir.isValid() || !server.listen())
            return false;
        if (demo)
            server.seedDemo();
        http = std::make_unique<fbm::HttpClient>(server.baseUrl());
        fbm::Profile profile;
        profile.id = u"reports-1"_s;
        profile.name = u"eHealth reporting (demo)"_s;
        profile.baseUrl = server.baseUrl();
        profile.reporting = true;
        view = std::make_unique<ReportJobsView>(profile, http.get());
        view->setSettingsPath(dir.filePath(u"settings.ini"_s));
        view->setFileChooser(&answers);
        view->setUrlOpener([this](const QUrl &url) {
            opened << url;
            return true;
        });
        view->resize(1280, 720);
        return true;
    }

    [[nodiscard]] ReportJobModel *model() const { return view->model(); }
    [[nodiscard]] QAction *action(const QString &name) const
    {
        return view->findChild<QAction *>(name);
    }
    [[nodiscard]] int statusRequests() const
    {
        return server.requestCount(u"$get-report-job-status"_s);
    }
    /// The proxy index of a job's cell.
    [[nodiscard]] QModelIndex cell(const QString &key, int column) const
    {
        const int row = model()->rowOfKey(key);
        return view->proxyModel()->mapFromSource(model()->index(row, column));
    }
    /// Fetches once more and waits for the answer.
    bool refreshOnce()
    {
        QSignalSpy fetched(view->reportClient(), &fbm::ReportClient::jobsFetched);
        QSignalSpy failed(view->reportClient(), &fbm::ReportClient::fetchFailed);
        view->refresh();
        return fetched.wait(10000) || !failed.isEmpty();
    }
};

QStringList detailTexts(const QTreeWidget *tree)
{
    QStringList out;
    QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree));
    for (; *it; ++it)
        out << (*it)->text(0) + u": "_s + (*it)->text(1);
    return out;
}

} // namespace

class TestReportJobsView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tableFills();
    void detailsShowEveryPart();
    void refreshKeepsRowsSelectionAndScroll();
    void autoRefreshRunsToTheEndAndNotifies();
    void downloadSavesDecodedBytes_data();
    void downloadSavesDecodedBytes();
    void unfinishedJobCannotBeDownloaded();
    void downloadAllSkipsSavedOnes();
    void saveStatusWritesTheBundle();
    void saveStatusOffersACsvTable();
    void openAndExtractSavedZip();
    void startReportAddsJob();
    void startReportShowsRefusal();
    void networkErrorIsShown();
    void errorsAreShown_data();
    void errorsAreShown();
    void filterIsDebounced();
    void aNarrowPageKeepsEveryButton();
    void screenshot();
};

void TestReportJobsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
}

void TestReportJobsView::tableFills()
{
    Page p;
    QVERIFY(p.start());
    QCOMPARE(p.model()->rowCount(), 0);
    p.view->show(); // the first show asks the server
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);
    QCOMPARE(p.statusRequests(), 1);
    QCOMPARE(p.server.requests().constLast().method, "POST"_ba);

    const QModelIndex report = p.cell(kSeedKey, ReportJobModel::ReportColumn);
    QCOMPARE(report.data().toString(), u"Patients usage report"_s);
    QVERIFY(report.data(Qt::ToolTipRole)
                .toString()
                .contains(u"com.systematic.ehealth.reporting.reports.PatientsUsageReport"_s));
    const QModelIndex status = p.cell(kSeedKey, ReportJobModel::StatusColumn);
    QCOMPARE(status.data().toString(), u"Done"_s);
    QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!p.cell(kRunningKey, ReportJobModel::StatusColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    // Known statuses in the user's language; the server's own word stays in the tooltip.
    QCOMPARE(p.cell(kRunningKey, ReportJobModel::StatusColumn).data().toString(), u"Running"_s);
    QVERIFY(p.cell(kRunningKey, ReportJobModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"RUNNING"_s));
    QCOMPARE(p.cell(kSeedKey, ReportJobModel::ParametersColumn).data().toString(),
             u"anonymization: None"_s);
    QCOMPARE(p.cell(kSeedKey, ReportJobModel::RunTimeColumn).data().toString(), u"0:01"_s);
    QVERIFY(p.view->messageText().isEmpty());
}

void TestReportJobsView::detailsShowEveryPart()
{
    Page p;
    QVERIFY(p.start());
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);
    p.view->selectJob(kOddKey);
    QCOMPARE(p.view->currentJobKey(), kOddKey);
    auto *tree = p.view->findChild<QTreeWidget *>(u"reportJobDetails"_s);
    QVERIFY(tree);
    QVERIFY(tree->isVisible());
    const QString all = detailTexts(tree).join(u'\n');
    QVERIFY2(all.contains(u"priority: 3"_s), qPrintable(all)); // parts nobody knows
    QVERIFY(all.contains(u"node: reporting-worker-2"_s));
    QVERIFY(all.contains(u"CareteamStatsReport"_s));
    QVERIFY(all.contains(u"anonymization: None"_s));
    QVERIFY(all.contains(u"Binary/10"_s));

    p.view->selectJob(kCsvKey);
    const QString csv = detailTexts(tree).join(u'\n');
    QVERIFY2(csv.contains(u"organization: Organization/42"_s), qPrintable(csv));
    QVERIFY(csv.contains(u"period: 2023-01-01 – 2023-06-30"_s));
}

void TestReportJobsView::refreshKeepsRowsSelectionAndScroll()
{
    Page p;
    QVERIFY(p.start(true)); // the demo: unfinished jobs finish after a few status requests
    p.view->setAutoRefreshSeconds(0);
    p.view->resize(900, 260); // small enough to scroll
    p.view->show();
    QTRY_VERIFY_WITH_TIMEOUT(p.model()->rowCount() >= kMixedJobs, 10000);
    const int rows = p.model()->rowCount();
    QTableView *table = p.view->tableView();
    p.view->selectJob(kRunningKey);
    QScrollBar *bar = table->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());
    const int scroll = bar->value();

    QSignalSpy reset(p.model(), &QAbstractItemModel::modelReset);
    QSignalSpy removed(p.model(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(p.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(p.model(), &QAbstractItemModel::dataChanged);
    QSignalSpy notified(p.view.get(), &ReportJobsView::notify);

    for (int i = 0; i < 6; ++i)
        QVERIFY(p.refreshOnce());
    QCOMPARE(p.cell(kRunningKey, ReportJobModel::StatusColumn).data().toString(), u"Done"_s);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QVERIFY(changed.count() > 0); // updated in place
    QCOMPARE(p.model()->rowCount(), rows);
    QCOMPARE(p.view->currentJobKey(), kRunningKey);
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(p.view->proxyModel()->mapToSource(selected.first()).row(),
             p.model()->rowOfKey(kRunningKey));
    QCOMPARE(bar->value(), scroll);

    // The running and the queued job, and the report the demo started, finished.
    QVERIFY(notified.count() >= 2);
    bool sawRunning = false;
    for (const QList<QVariant> &n : std::as_const(notified)) {
        QCOMPARE(n.at(0).toString(), u"Report done"_s);
        sawRunning = sawRunning || n.at(1).toString().contains(u"Measurement stats report"_s);
    }
    QVERIFY(sawRunning);
}

void TestReportJobsView::autoRefreshRunsToTheEndAndNotifies()
{
    Page p;
    QVERIFY(p.start(true));
    QSignalSpy notified(p.view.get(), &ReportJobsView::notify);
    p.view->setAutoRefreshSeconds(1);
    QCOMPARE(p.view->findChild<QSpinBox *>(u"autoRefreshSeconds"_s)->value(), 1);
    p.view->show();
    QTRY_VERIFY_WITH_TIMEOUT(p.model()->rowCount() > 0, 10000);
    QVERIFY(p.model()->hasUnfinishedJobs());
    QTRY_VERIFY_WITH_TIMEOUT(!p.model()->hasUnfinishedJobs(), 20000);
    QVERIFY(notified.count() >= 2);
    // Nothing left to wait for: no refresh armed and none under way, so no request can follow.
    const int requests = p.statusRequests();
    QVERIFY(!p.view->reportClient()->isAutoRefreshPending());
    QVERIFY(!p.view->reportClient()->isFetching());
    QCoreApplication::processEvents();
    QVERIFY(!p.view->reportClient()->isAutoRefreshPending());
    QCOMPARE(p.statusRequests(), requests);
}

void TestReportJobsView::downloadSavesDecodedBytes_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("binaryId");
    QTest::addColumn<QString>("extension");
    QTest::newRow("Binary JSON, ZIP") << kSeedKey << u"7"_s << u".zip"_s;
    QTest::newRow("Binary JSON, CSV") << kCsvKey << u"8"_s << u".csv"_s;
    QTest::newRow("raw PDF") << kOddKey << u"10"_s << u".pdf"_s;
}

void TestReportJobsView::downloadSavesDecodedBytes()
{
    QFETCH(QString, key);
    QFETCH(QString, binaryId);
    QFETCH(QString, extension);

    Page p;
    QVERIFY(p.start());
    const QString folder = p.dir.filePath(u"reports"_s);
    p.answers.downloadFolder = folder;
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);
    p.view->selectJob(key);
    QAction *download = p.action(u"downloadReport"_s);
    QVERIFY(download->isEnabled());
    download->trigger();

    const ReportJob job = *p.model()->jobAt(p.model()->rowOfKey(key));
    const QString path = QDir(folder).filePath(fbm::reportFileBaseName(job) + extension);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
    const QByteArray expected = p.server.reportBytes(binaryId);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(readFile(path), expected);
    QTRY_VERIFY(p.view->messageText().contains(QDir::toNativeSeparators(path)));
    QCOMPARE(p.view->messageKind(), ReportJobsView::MessageKind::Information);
    QCOMPARE(p.view->savedReportPath(), path);
    QVERIFY(p.action(u"openReport"_s)->isEnabled());
    QCOMPARE(p.action(u"extractReport"_s)->isEnabled(), extension == ".zip"_L1);
    // The folder is remembered for this profile.
    QCOMPARE(p.view->downloadFolder(), folder);
}

void TestReportJobsView::unfinishedJobCannotBeDownloaded()
{
    Page p;
    QVERIFY(p.start());
    p.answers.downloadFolder = p.dir.filePath(u"reports"_s);
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);
    p.view->selectJob(kRunningKey);
    QVERIFY(!p.action(u"downloadReport"_s)->isEnabled());
    QVERIFY(!p.action(u"openReport"_s)->isEnabled());
    // Asked anyway (a menu, a script): said plainly, nothing fetched, nothing saved.
    const int before = int(p.server.requests().size());
    p.view->downloadReport();
    QVERIFY(p.view->messageText().contains(u"not finished"_s));
    QCOMPARE(int(p.server.requests().size()), before);
    QVERIFY(!QDir(p.dir.filePath(u"reports"_s)).exists());
}

void TestReportJobsView::downloadAllSkipsSavedOnes()
{
    Page p;
    QVERIFY(p.start());
    const QString folder = p.dir.filePath(u"all"_s);
    p.answers.downloadFolder = folder;
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);

    QSignalSpy done(p.view->reportClient(), &fbm::ReportClient::allDownloadsFinished);
    p.action(u"downloadAllReports"_s)->trigger();
    QVERIFY(done.wait(10000));
    // Done jobs: the seed (ZIP), the CSV, the raw PDF, the `content` ZIP.
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 4);
    QVERIFY2(p.view->messageText().contains(u"4 report"_s), qPrintable(p.view->messageText()));

    p.action(u"downloadAllReports"_s)->trigger();
    QVERIFY(done.wait(10000));
    const QString again = p.view->messageText();
    QVERIFY2(again.startsWith(u"0 report"_s), qPrintable(again));
    QVERIFY2(again.contains(u"4 already saved"_s), qPrintable(again));
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 4);
    QCOMPARE(p.view->messageKind(), ReportJobsView::MessageKind::Information);
}

void TestReportJobsView::saveStatusWritesTheBundle()
{
    Page p;
    QVERIFY(p.start());
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);
    const QString suggested = p.view->reportClient()->defaultStatusFileName();
    QVERIFY(suggested.startsWith(u"report-jobs-127.0.0.1_"_s));
    QVERIFY(suggested.endsWith(u".json"_s));

    const QString path = p.dir.filePath(suggested);
    p.answers.statusFile = path;
    QAction *save = p.action(u"saveReportStatus"_s);
    QVERIFY(save->isEnabled());
    save->trigger();
    QVERIFY(QFile::exists(path));
    const QByteArray saved = readFile(path);
    QCOMPARE(saved, fbm::ReportClient::prettyJson(p.view->reportClient()->lastBundle()));
    QVERIFY(saved.count('\n') > 20); // pretty-printed
    const QJsonObject bundle = QJsonDocument::fromJson(saved).object();
    QCOMPARE(bundle.value("resourceType"_L1).toString(), u"Bundle"_s);
    // The same document as received, only re-indented.
    QCOMPARE(QJsonDocument::fromJson(saved),
             QJsonDocument::fromJson(p.view->reportClient()->lastBundle()));
    QVERIFY(p.view->messageText().contains(QDir::toNativeSeparators(path)));

    // A folder that cannot be written: an error in the message area, not silence.
    p.answers.statusFile = p.dir.filePath(u"missing/dir/x.json"_s);
    save->trigger();
    QCOMPARE(p.view->messageKind(), ReportJobsView::MessageKind::Error);
    QVERIFY(!p.view->messageText().isEmpty());
}

void TestReportJobsView::saveStatusOffersACsvTable()
{
    Page p;
    QVERIFY(p.start());
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);

    // The user keeps the suggested name but picks the table: the name follows the type.
    const QString suggested = p.view->reportClient()->defaultStatusFileName();
    p.answers.statusFile = p.dir.filePath(suggested);
    p.answers.statusFilter = u"*.csv"_s;
    p.action(u"saveReportStatus"_s)->trigger();
    QVERIFY(p.answers.offeredFilters.contains(u"CSV table (*.csv)"_s));
    QVERIFY(p.answers.offeredFilters.contains(u"FHIR JSON (*.json)"_s));
    QVERIFY(!QFile::exists(p.answers.statusFile));
    QString csvPath = p.answers.statusFile;
    csvPath.replace(u".json"_s, u".csv"_s);
    QVERIFY(QFile::exists(csvPath));
    const QByteArray saved = readFile(csvPath);
    QVERIFY(saved.startsWith("\xEF\xBB\xBF"
                             "Report,"));
    QCOMPARE(saved.count("\r\n"), 1 + kMixedJobs);
    QVERIFY(saved.contains("\r\nPatients usage report,"));
    QVERIFY(!saved.contains("\"resourceType\""));
    QCOMPARE(p.view->messageKind(), ReportJobsView::MessageKind::Information);
    QVERIFY(p.view->messageText().contains(QDir::toNativeSeparators(csvPath)));

    // The JSON type with a .csv name writes JSON, to a .json file.
    p.answers.statusFile = p.dir.filePath(u"again.csv"_s);
    p.answers.statusFilter = u"*.json"_s;
    p.action(u"saveReportStatus"_s)->trigger();
    const QByteArray json = readFile(p.dir.filePath(u"again.json"_s));
    QCOMPARE(QJsonDocument::fromJson(json),
             QJsonDocument::fromJson(p.view->reportClient()->lastBundle()));
}

void TestReportJobsView::openAndExtractSavedZip()
{
    Page p;
    QVERIFY(p.start());
    const QString folder = p.dir.filePath(u"reports"_s);
    p.answers.downloadFolder = folder;
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);
    p.view->selectJob(kSeedKey);
    QVERIFY(!p.action(u"openReport"_s)->isEnabled());
    p.action(u"downloadReport"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(p.action(u"extractReport"_s)->isEnabled(), 10000);

    const QString saved = p.view->savedReportPath();
    p.action(u"openReport"_s)->trigger();
    QCOMPARE(p.opened.size(), 1);
    QCOMPARE(p.opened.first(), QUrl::fromLocalFile(saved));

    // Into a folder of its own inside the one chosen, named after the report.
    p.answers.nextFolder = p.dir.filePath(u"extracted"_s);
    const QString out = QDir(p.answers.nextFolder).filePath(QFileInfo(saved).completeBaseName());
    p.action(u"extractReport"_s)->trigger();
    const QStringList files = QDir(out).entryList(QDir::Files);
    QCOMPARE(files, QStringList{u"PatientsUsageReport.json"_s});
    QVERIFY(QJsonDocument::fromJson(readFile(QDir(out).filePath(files.first()))).isArray() ||
            QJsonDocument::fromJson(readFile(QDir(out).filePath(files.first()))).isObject());
    QVERIFY2(p.view->messageText().contains(u"1 file"_s), qPrintable(p.view->messageText()));

    // A damaged ZIP: said in the message area.
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() - 10));
    f.close();
    p.action(u"extractReport"_s)->trigger();
    QCOMPARE(p.view->messageKind(), ReportJobsView::MessageKind::Error);
}

void TestReportJobsView::startReportAddsJob()
{
    Page p;
    QVERIFY(p.start());
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);

    p.action(u"startReport"_s)->trigger();
    auto *dialog = p.view->findChild<fbm::StartReportDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
    QVERIFY(dialog->operations().size() >= 4);
    QVERIFY(dialog->selectReport(u"patient-usage-stats"_s));
    auto *anonymization = dialog->findChild<QComboBox *>(u"input_anonymization"_s);
    QVERIFY(anonymization);
    QVERIFY(anonymization->isEditable());
    QCOMPARE(anonymization->itemText(0), u"None"_s);
    anonymization->setCurrentText(u"ANONYMIZED"_s);
    auto *organization = dialog->findChild<QLineEdit *>(u"input_organization"_s);
    QVERIFY(organization);
    organization->setText(u"Organization/42"_s);
    auto *usePeriod = dialog->findChild<QCheckBox *>(u"period_use"_s);
    QVERIFY(usePeriod);
    usePeriod->setChecked(true);
    dialog->findChild<QDateEdit *>(u"period_start"_s)->setDate(QDate(2024, 1, 1));
    dialog->findChild<QDateEdit *>(u"period_end"_s)->setDate(QDate(2024, 3, 31));

    QSignalSpy started(dialog, &fbm::StartReportDialog::reportStarted);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(started.wait(10000));
    QCOMPARE(started.first().first().toString(), u"patient-usage-stats"_s);

    // The request carried the form's values.
    const auto requests = p.server.requests();
    QByteArray body;
    for (const auto &r : requests) {
        if (r.path.endsWith(u"$execute-patient-usage-stats"_s))
            body = r.body;
    }
    const QByteArray compact = QJsonDocument::fromJson(body).toJson(QJsonDocument::Compact);
    QVERIFY2(compact.contains(R"("valueString":"ANONYMIZED")"), compact.constData());
    QVERIFY(compact.contains(R"("reference":"Organization/42")"));
    QVERIFY(compact.contains(R"("start":"2024-01-01")"));
    QVERIFY(compact.contains(R"("end":"2024-03-31")"));

    // The view refreshed and the new job is there, selected.
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs + 1, 10000);
    const QString id = p.server.executedJobIds().constLast();
    QTRY_COMPARE(p.view->currentJobKey(), id);
    QVERIFY(p.view->messageText().contains(u"patient-usage-stats"_s));
}

void TestReportJobsView::startReportShowsRefusal()
{
    Page p;
    QVERIFY(p.start());
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);
    fbm::StartReportDialog dialog(p.view->reportClient());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), 10000);
    QVERIFY(dialog.selectReport(u"patient-gdpr"_s)); // `patient` is required
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    ok->click();
    QVERIFY(dialog.messageText().contains(u"must be given"_s));
    QVERIFY(!dialog.isStarting());

    // anonymization is required too, even though its box is editable.
    dialog.findChild<QLineEdit *>(u"input_patient"_s)->setText(u"Patient/1"_s);
    dialog.findChild<QComboBox *>(u"input_anonymization"_s)->setCurrentText(QString());
    ok->click();
    QVERIFY(dialog.messageText().contains(u"Anonymization must be given"_s));
    QVERIFY(!dialog.isStarting());

    // The server refuses (here: the token): its answer stays in the dialog, which stays open
    // with the form enabled for another try.
    dialog.findChild<QComboBox *>(u"input_anonymization"_s)->setCurrentText(u"None"_s);
    p.server.setTokenValidator([](const QByteArray &) { return false; });
    QSignalSpy started(&dialog, &fbm::StartReportDialog::reportStarted);
    QSignalSpy failed(p.view->reportClient(), &fbm::ReportClient::executeFailed);
    ok->click();
    QVERIFY(dialog.isStarting());
    QVERIFY(!ok->isEnabled());
    QVERIFY(failed.wait(10000));
    QVERIFY(!dialog.isStarting());
    QVERIFY(ok->isEnabled());
    QCOMPARE(started.count(), 0);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.messageText().contains(u"401"_s) || dialog.messageText().contains(u"sign-in"_s),
             qPrintable(dialog.messageText()));
}

void TestReportJobsView::networkErrorIsShown()
{
    // A port nobody listens on.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    QUrl base(u"http://127.0.0.1/fhir/"_s);
    base.setPort(port);
    fbm::HttpClient http(base);
    fbm::Profile profile;
    profile.name = u"Nowhere"_s;
    profile.baseUrl = base;
    profile.reporting = true;
    QTemporaryDir dir;
    ReportJobsView view(profile, &http);
    view.setSettingsPath(dir.filePath(u"settings.ini"_s));
    QSignalSpy failed(view.reportClient(), &fbm::ReportClient::fetchFailed);
    view.show();
    QVERIFY(failed.wait(10000));
    QCOMPARE(view.messageKind(), ReportJobsView::MessageKind::Error);
    QVERIFY(!view.messageText().isEmpty());
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(!view.findChild<QAction *>(u"saveReportStatus"_s)->isEnabled());
}

void TestReportJobsView::errorsAreShown_data()
{
    QTest::addColumn<int>("fixture");
    QTest::addColumn<QString>("expected");
    QTest::newRow("OperationOutcome") << int(ReportServer::Fixture::OperationOutcome) << u""_s;
    QTest::newRow("not a Bundle") << int(ReportServer::Fixture::NotBundle) << u"Patient"_s;
    QTest::newRow("not JSON") << int(ReportServer::Fixture::NotJson) << u""_s;
}

void TestReportJobsView::errorsAreShown()
{
    QFETCH(int, fixture);
    QFETCH(QString, expected);
    Page p;
    QVERIFY(p.start());
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);

    p.server.setFixture(ReportServer::Fixture(fixture));
    QVERIFY(p.refreshOnce());
    QCOMPARE(p.view->messageKind(), ReportJobsView::MessageKind::Error);
    const QString text = p.view->messageText();
    QVERIFY(!text.isEmpty());
    QVERIFY2(text.contains(expected), qPrintable(text));
    // The last good list stays: a failed refresh is not "no jobs".
    QCOMPARE(p.model()->rowCount(), kMixedJobs);
    auto *status = p.view->findChild<QLabel *>(u"reportStatusLine"_s);
    QVERIFY(status->text().contains(u"failed"_s));

    // Fixed on the server: the next refresh clears the error.
    p.server.setFixture(ReportServer::Fixture::Mixed);
    QVERIFY(p.refreshOnce());
    QVERIFY(p.view->messageText().isEmpty());
}

void TestReportJobsView::filterIsDebounced()
{
    Page p;
    QVERIFY(p.start());
    p.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(p.model()->rowCount(), kMixedJobs, 10000);
    auto *filter = p.view->findChild<QLineEdit *>(u"reportFilter"_s);
    QVERIFY(filter);
    filter->setText(u"practitioner"_s);
    QCOMPARE(p.view->proxyModel()->rowCount(), kMixedJobs); // not on every key press
    QTRY_COMPARE(p.view->proxyModel()->rowCount(), 1);
    filter->setText(u"done anonymization: none"_s); // every word, anywhere in the row
    QTRY_COMPARE(p.view->proxyModel()->rowCount(), 3);
    filter->setText(u"running"_s); // the server's own status word
    QTRY_COMPARE(p.view->proxyModel()->rowCount(), 1);
    filter->clear();
    QTRY_COMPARE(p.view->proxyModel()->rowCount(), kMixedJobs);
}

void TestReportJobsView::aNarrowPageKeepsEveryButton()
{
    Page p;
    QVERIFY(p.start());
    // The report page of a 1024-pixel window: nothing falls into the toolbar's "»" menu; the
    // plainest buttons lose their words instead, and get them back on a wide page.
    p.view->resize(820, 600);
    p.view->show();
    QVERIFY(QTest::qWaitForWindowExposed(p.view.get()));
    auto *bar = p.view->findChild<QToolBar *>(u"reportToolBar"_s);
    QVERIFY(bar);
    const auto everyButtonShown = [bar] {
        for (QAction *a : bar->actions()) {
            QWidget *w = bar->widgetForAction(a);
            if (a->isVisible() && !a->isSeparator() && w && !w->isVisible())
                return false;
        }
        return true;
    };
    QTRY_VERIFY(everyButtonShown());
    QVERIFY(p.view->findChild<QWidget *>(u"reportFilter"_s)->isVisible());
    auto *refresh =
        qobject_cast<QToolButton *>(bar->widgetForAction(p.action(u"refreshReportJobs"_s)));
    QVERIFY(refresh);
    QCOMPARE(refresh->toolButtonStyle(), Qt::ToolButtonIconOnly);
    p.view->resize(1800, 600);
    QTRY_COMPARE(refresh->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    QVERIFY(everyButtonShown());
}

void TestReportJobsView::screenshot()
{
    const QString out = qEnvironmentVariable("FBM_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("Set FBM_SCREENSHOT_DIR to write docs/screenshots/report-jobs.png.");
    Page p;
    QVERIFY(p.start(true));
    p.view->setAutoRefreshSeconds(0);
    p.view->resize(1360, 760);
    p.view->show();
    QTRY_VERIFY_WITH_TIMEOUT(p.model()->rowCount() > 0, 10000);
    QVERIFY(p.refreshOnce()); // the demo's running jobs move on
    p.answers.downloadFolder = p.dir.filePath(u"reports"_s);
    p.view->selectJob(kSeedKey);
    p.action(u"downloadReport"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(p.view->messageText().contains(u"saved"_s), 10000);
    p.view->selectJob(kOddKey);
    p.view->tableView()->setFocus();
    QVERIFY(QDir().mkpath(out));
    QVERIFY(p.view->grab().save(QDir(out).filePath(u"report-jobs.png"_s)));
}

QTEST_MAIN(TestReportJobsView)
#include "tst_reportjobsview.moc"
