// fbm-bench-gui: benchmarks of the desktop window (offscreen platform).
//
//   fbm-bench-gui table <jobs> <seconds> <work-dir>
//       Benchmark 5. The main window with <jobs> running jobs counting down to polls hours
//       away: this process's CPU over <seconds>, and which cells each tick signals.
//   fbm-bench-gui prepare <jobs> <store-dir>
//       Writes <jobs> finished jobs (files, manifest, activity) with JobStore::save.
//   fbm-bench-gui startup <store-dir> <work-dir>
//       Benchmark 6. Time from before the Session loads the store until the main window
//       has been shown and painted, and the peak RSS of the process.
//   fbm-bench-gui prepare-big <files> <store-dir>
//       Writes one finished job of <files> saved files (an export split as some servers do).
//   fbm-bench-gui details <store-dir> <work-dir>
//       Benchmark 10's window row: the main window on that store; the time from choosing the
//       job until its details are painted, and until its Files tab is painted with every row.
//   fbm-bench-gui browser <folder>
//       Benchmark 7's window: the resource browser on the first data file of <folder> (made
//       by fbm-bench-data), shown; the time until its table holds 50 rows, until the whole
//       file is in the table, and the peak RSS (the view's header keeps a little per row).
//
// Results go to stdout as "RESULT <key> <value>" lines for tools/bench.sh.
#include "jobstore.h"
#include "jobtablemodel.h"
#include "mainwindow.h"
#include "ndjsonindex.h"
#include "resourcebrowser.h"
#include "resourcetablemodel.h"
#include "session.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

void result(const char *key, double value)
{
    std::printf("RESULT %s %.6g\n", key, value);
    std::fflush(stdout);
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// VmHWM (peak resident set) or VmRSS of this process, in MiB.
double memoryMiB(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toDouble() / 1024;
    }
    return -1;
}

SessionOptions optionsIn(const QString &work, const QString &store)
{
    SessionOptions o;
    o.jobStoreDirectory = store;
    o.profilesPath = work + u"/profiles.ini"_s;
    o.settingsPath = work + u"/ui.ini"_s;
    o.sessionSecrets = true;
    return o;
}

ExportJob baseJob(int i, const QDateTime &now)
{
    static const char *hosts[] = {"ehealth.example.dk", "fhir.oracle.example.com",
                                  "hapi.example.org"};
    ExportJob j;
    j.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    j.serverName = QLatin1String(hosts[i % 3]);
    j.request.base = QUrl(u"https://"_s + j.serverName + u"/fhir"_s);
    j.request.types = {u"Patient"_s, u"Observation"_s, u"Condition"_s};
    j.kickoffUrl =
        QUrl(j.request.base.toString() + u"/$export?_type=Patient,Observation,Condition"_s);
    j.statusUrl = QUrl(j.request.base.toString() + u"/$export-poll-status?_jobId="_s + j.id);
    j.outDir = u"/home/user/FHIR exports/"_s + j.serverName + u'/' + QString::number(i);
    j.createdAt = now.addSecs(-qint64(QRandomGenerator::global()->bounded(3600)));
    return j;
}

// --- benchmark 5 ------------------------------------------------------------------------------

int tableBench(const QStringList &args)
{
    const int jobs = args.at(2).toInt();
    const int seconds = args.at(3).toInt();
    const QString work = args.at(4);
    const QString storeDir = work + u"/table-store"_s;
    QDir(storeDir).removeRecursively();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        JobStore store(storeDir);
        for (int i = 0; i < jobs; ++i) {
            ExportJob j = baseJob(i, now);
            j.state = JobState::Running;
            j.progressText = u"Build in progress - Status set to IN_PROGRESS"_s;
            j.pollCount = 3;
            // Hours away: nothing is polled while we measure, every row counts down.
            j.nextPollAt = now.addSecs(7200 + i);
            if (store.save(j).isError())
                return 1;
        }
    }
    Session root(optionsIn(work, storeDir));
    root.start();
    MainWindow window(&root);
    window.resize(1400, 900);
    window.show();
    JobTableModel *model = window.jobModel();
    if (model->rowCount() != jobs || !model->isTicking()) {
        std::fprintf(stderr, "rows %d, ticking %d\n", model->rowCount(), model->isTicking());
        return 1;
    }
    QCoreApplication::processEvents();

    // What each tick signals: columns, signals, cells; and whether a signalled cell really
    // changed its text (the cache starts with every cell).
    std::map<std::pair<int, int>, QString> shown;
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < JobTableModel::Count; ++c) {
            if (c != JobTableModel::NextCheck)
                shown[{r, c}] = model->index(r, c).data().toString();
        }
    }
    bool measuring = false;
    int ticks = 0;
    int signalsNextCheck = 0;
    int signalsOther = 0;
    int multiColumn = 0;
    qint64 cellsNextCheck = 0;
    qint64 cellsOther = 0;
    qint64 spurious = 0;
    int maxColumnsInTick = 0;
    std::set<int> tickColumns;
    QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                     [&](const QModelIndex &tl, const QModelIndex &br) {
                         if (!measuring)
                             return;
                         if (tl.column() != br.column())
                             ++multiColumn;
                         for (int c = tl.column(); c <= br.column(); ++c) {
                             tickColumns.insert(c);
                             const qint64 cells = br.row() - tl.row() + 1;
                             if (c == JobTableModel::NextCheck) {
                                 cellsNextCheck += cells;
                                 continue;
                             }
                             cellsOther += cells;
                             for (int r = tl.row(); r <= br.row(); ++r) {
                                 const QString text = model->index(r, c).data().toString();
                                 QString &before = shown[{r, c}];
                                 if (text == before)
                                     ++spurious;
                                 before = text;
                             }
                         }
                         if (tl.column() == JobTableModel::NextCheck &&
                             br.column() == JobTableModel::NextCheck)
                             ++signalsNextCheck;
                         else
                             ++signalsOther;
                     });
    QObject::connect(model, &JobTableModel::ticked, model, [&] {
        if (!measuring)
            return;
        ++ticks;
        maxColumnsInTick = std::max(maxColumnsInTick, int(tickColumns.size()));
        tickColumns.clear();
    });

    QElapsedTimer wall;
    double cpu0 = 0;
    QTimer::singleShot(1500, &window, [&] {
        measuring = true;
        cpu0 = cpuSeconds();
        wall.start();
    });
    QTimer::singleShot(1500 + seconds * 1000, &window, [&] {
        const double cpu = cpuSeconds() - cpu0;
        const double secs = double(wall.nsecsElapsed()) / 1e9;
        measuring = false;
        result("table_jobs", jobs);
        result("table_cpu_pct", cpu / secs * 100);
        result("table_ticks", ticks);
        result("table_nextcheck_signals_per_tick", double(signalsNextCheck) / qMax(1, ticks));
        result("table_nextcheck_cells_per_tick", double(cellsNextCheck) / qMax(1, ticks));
        result("table_other_signals", signalsOther);
        result("table_other_cells", double(cellsOther));
        result("table_multicolumn_signals", multiColumn);
        result("table_spurious_cells", double(spurious));
        result("table_max_columns_in_a_tick", maxColumnsInTick);
        QCoreApplication::quit();
    });
    return QApplication::exec();
}

// --- benchmark 6 ------------------------------------------------------------------------------

int prepare(const QStringList &args)
{
    const int jobs = args.at(2).toInt();
    const QString storeDir = args.at(3);
    QDir(storeDir).removeRecursively();
    JobStore store(storeDir);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    static const char *types[] = {"Patient", "Observation", "Condition", "Encounter",
                                  "MedicationRequest"};
    for (int i = 0; i < jobs; ++i) {
        ExportJob j = baseJob(i, now.addDays(-(i % 60)));
        j.state = JobState::Saved;
        j.completedAt = j.createdAt.addSecs(600);
        j.finishedAt = j.createdAt.addSecs(660);
        j.transactionTime = j.createdAt;
        j.expiresAt = j.completedAt.addSecs(7200);
        j.pollCount = 6;
        QJsonArray output;
        for (int f = 0; f < 5; ++f) {
            ExportFile file;
            file.type = QLatin1String(types[f]);
            file.url = QUrl(j.request.base.toString() + u"/Binary/"_s +
                            QUuid::createUuid().toString(QUuid::WithoutBraces));
            file.expectedCount = 1000 + f;
            file.relativePath = file.type + u".1.ndjson"_s;
            file.state = FileState::Saved;
            file.bytes = file.totalBytes = 1234567 + f;
            file.lines = 1000 + f;
            j.files.append(file);
            output.append(QJsonObject{{u"type"_s, file.type},
                                      {u"url"_s, file.url.toString()},
                                      {u"count"_s, double(*file.expectedCount)}});
        }
        j.manifestJson = QJsonDocument(QJsonObject{{u"transactionTime"_s,
                                                    j.transactionTime.toString(Qt::ISODate)},
                                                   {u"request"_s, j.kickoffUrl.toString()},
                                                   {u"requiresAccessToken"_s, true},
                                                   {u"output"_s, output},
                                                   {u"error"_s, QJsonArray()}})
                             .toJson(QJsonDocument::Compact);
        // The exchanges of a short export: kick-off, polls, manifest, five files.
        const int entries = qEnvironmentVariableIsSet("FBM_BENCH_ACTIVITY")
                                ? qEnvironmentVariableIntValue("FBM_BENCH_ACTIVITY")
                                : 13;
        for (int a = 0; a < entries; ++a) {
            ActivityEntry e;
            e.at = j.createdAt.addSecs(a * 60);
            e.method = "GET";
            e.url = a == 0 ? j.kickoffUrl : a < 8 ? j.statusUrl : j.files.at((a - 8) % 5).url;
            e.status = a == 0 ? 202 : a < 7 ? 202 : 200;
            e.elapsedMs = 40 + a;
            e.requestHeaders = {{"Accept", "application/fhir+json"},
                                {"Authorization", "Bearer [redacted]"}};
            j.activity.append(e);
        }
        if (store.save(j).isError())
            return 1;
    }
    return 0;
}

int startup(const QStringList &args)
{
    const QString storeDir = args.at(2);
    const QString work = args.at(3);
    QElapsedTimer t;
    t.start();
    Session root(optionsIn(work, storeDir));
    root.start();
    const double loadedMs = double(t.nsecsElapsed()) / 1e6;
    MainWindow window(&root);
    window.resize(1400, 900);
    window.show();
    // Shown means painted: flush the first paint of the window and its table.
    window.jobView()->viewport()->repaint();
    QCoreApplication::processEvents();
    const double shownMs = double(t.nsecsElapsed()) / 1e6;
    result("startup_jobs", window.jobModel()->rowCount());
    result("startup_store_restore_ms", loadedMs);
    result("startup_window_shown_ms", shownMs);
    result("startup_peak_rss_mib", memoryMiB("VmHWM:"));
    return window.jobModel()->rowCount() > 0 ? 0 : 1;
}

int prepareBig(const QStringList &args)
{
    const int files = args.at(2).toInt();
    const QString storeDir = args.at(3);
    QDir(storeDir).removeRecursively();
    JobStore store(storeDir);
    ExportJob j = baseJob(0, QDateTime::currentDateTimeUtc());
    j.state = JobState::Saved;
    j.completedAt = j.createdAt.addSecs(600);
    j.finishedAt = j.createdAt.addSecs(900);
    j.transactionTime = j.createdAt;
    QJsonArray output;
    for (int f = 0; f < files; ++f) {
        ExportFile file;
        file.type = u"Observation"_s;
        file.url = QUrl(u"https://storage.example/export/"_s + j.id + u"/Observation."_s +
                        QString::number(f + 1) + u".ndjson?X-Amz-Signature=0123456789abcdef"_s);
        file.expectedCount = 80;
        file.relativePath = u"Observation."_s + QString::number(f + 1) + u".ndjson"_s;
        file.state = FileState::Saved;
        file.bytes = file.totalBytes = 20480;
        file.lines = 80;
        j.files.append(file);
        output.append(
            QJsonObject{{u"type"_s, file.type}, {u"url"_s, file.url.toString()}, {u"count"_s, 80}});
    }
    j.manifestJson =
        QJsonDocument(QJsonObject{{u"transactionTime"_s, j.transactionTime.toString(Qt::ISODate)},
                                  {u"request"_s, j.kickoffUrl.toString()},
                                  {u"requiresAccessToken"_s, true},
                                  {u"output"_s, output},
                                  {u"error"_s, QJsonArray()}})
            .toJson(QJsonDocument::Compact);
    for (int a = 0; a < files + 8; ++a) {
        ActivityEntry e;
        e.at = j.createdAt.addMSecs(a * 20);
        e.method = "GET";
        e.url = a == 0 ? j.kickoffUrl : a < 8 ? j.statusUrl : j.files.at(a - 8).url;
        e.status = a == 0 ? 202 : a < 7 ? 202 : 200;
        e.elapsedMs = 3;
        j.activity.append(e);
    }
    return store.save(j).isError() ? 1 : 0;
}

int details(const QStringList &args)
{
    Session root(optionsIn(args.at(3), args.at(2)));
    root.start();
    MainWindow window(&root);
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();
    const QString id = root.manager()->jobIds().value(0);
    auto *tabs = window.findChild<QTabWidget *>(u"detailsTabs"_s);
    auto *filesTable = window.findChild<QTableView *>(u"filesTable"_s);
    if (id.isEmpty() || !tabs || !filesTable)
        return 1;
    tabs->setCurrentIndex(0);
    QElapsedTimer t;
    t.start();
    window.selectJob(id);
    QCoreApplication::processEvents();
    tabs->currentWidget()->repaint();
    result("details_shown_ms", double(t.nsecsElapsed()) / 1e6);
    t.restart();
    tabs->setCurrentWidget(window.findChild<QWidget *>(u"filesPage"_s));
    QCoreApplication::processEvents();
    filesTable->viewport()->repaint();
    result("details_files_tab_ms", double(t.nsecsElapsed()) / 1e6);
    result("details_files", filesTable->model()->rowCount());
    result("details_peak_rss_mib", memoryMiB("VmHWM:"));
    return filesTable->model()->rowCount() > 0 ? 0 : 1;
}

/// JobStore::loadAll alone, for finding where start-up goes.
int loadOnly(const QStringList &args)
{
    QElapsedTimer t;
    t.start();
    const JobStore::Loaded loaded = JobStore(args.at(2)).loadAll();
    result("load_jobs", double(loaded.jobs.size()));
    result("load_ms", double(t.nsecsElapsed()) / 1e6);
    result("load_peak_rss_mib", memoryMiB("VmHWM:"));
    result("load_rss_mib", memoryMiB("VmRSS:"));
    return 0;
}

} // namespace

int browserBench(const QStringList &args)
{
    QElapsedTimer t;
    t.start();
    ResourceBrowser browser;
    browser.open(args.at(2), u"output"_s, u"Observation"_s);
    browser.show();
    ResourceTableModel *model = browser.model();
    const auto waitUntil = [](const std::function<bool()> &done) {
        while (!done())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    };
    waitUntil([&] { return browser.table()->model()->rowCount() >= 50 || !model->isIndexing(); });
    browser.table()->viewport()->repaint();
    result("browser_first_page_ms", double(t.nsecsElapsed()) / 1e6);
    waitUntil([&] { return !model->isIndexing(); });
    browser.table()->scrollToBottom();
    browser.table()->viewport()->repaint();
    result("browser_all_rows_s", double(t.nsecsElapsed()) / 1e9);
    result("browser_rows", browser.table()->model()->rowCount());
    result("browser_peak_rss_mib", memoryMiB("VmHWM:"));
    return 0;
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"FHIR Bulk Monitor Bench"_s);
    QCoreApplication::setApplicationName(u"fbm-bench-gui"_s);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == "table"_L1 && args.size() == 5)
        return tableBench(args);
    if (mode == "prepare"_L1 && args.size() == 4)
        return prepare(args);
    if (mode == "load"_L1 && args.size() == 3)
        return loadOnly(args);
    if (mode == "startup"_L1 && args.size() == 4)
        return startup(args);
    if (mode == "prepare-big"_L1 && args.size() == 4)
        return prepareBig(args);
    if (mode == "details"_L1 && args.size() == 4)
        return details(args);
    if (mode == "browser"_L1 && args.size() == 3)
        return browserBench(args);
    std::fprintf(stderr, "usage: see the comment at the top of benchgui.cpp\n");
    return 2;
}
