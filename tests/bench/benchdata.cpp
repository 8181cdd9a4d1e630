// Benchmarks of what the data views read (issue 22), run by tools/bench.sh:
//
//   fbm-bench-data overview <dir> <MiB>   an export of one Observation file of about <MiB>
//                                         (made when missing), read by ExportOverview::compute
//   fbm-bench-data browse <file> <MiB>    an NDJSON file of about <MiB> (made when missing)
//                                         opened in a ResourceTableModel: the time until its
//                                         first 50 rows are read, the time to index it all,
//                                         and the peak RSS
//
// The files are the demo server's Observations (some 480 bytes a line). The page cache is warm
// after they were made; a cold cache measures the disk instead.
// Results go to stdout as "RESULT <key> <value>" lines.
#include "data/exportoverview.h"
#include "data/ndjsonindex.h"
#include "data/resourcetablemodel.h"
#include "demo/demodata.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

void result(const char *key, double value)
{
    std::printf("RESULT %s %.6g\n", key, value);
    std::fflush(stdout);
}

double peakRssMib()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

/// Makes \a path of about \a mib MiB of Observation lines unless it is at least that large.
bool makeFile(const QString &path, qint64 mib)
{
    const qint64 want = mib << 20;
    if (QFileInfo(path).size() >= want)
        return true;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray block;
    qint64 written = 0;
    for (qint64 i = 0; written < want; ++i) {
        block += demo::data::resourceLine(u"Observation"_s, i);
        block += '\n';
        if (block.size() >= (4 << 20)) {
            if (f.write(block) != block.size())
                return false;
            written += block.size();
            block.clear();
        }
    }
    return f.write(block) == block.size();
}

int overview(const QStringList &args)
{
    const QString dir = args.at(2);
    const qint64 mib = args.at(3).toLongLong();
    if (!makeFile(QDir(dir).filePath(u"Observation.1.ndjson"_s), mib))
        return 1;
    const std::atomic_bool never = false;
    QElapsedTimer t;
    t.start();
    const ExportOverview o = ExportOverview::compute(dir, never);
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (!o.ok())
        return 1;
    result("overview_mib", double(o.bytes) / (1 << 20));
    result("overview_resources", double(o.resources()));
    result("overview_seconds", seconds);
    result("overview_mib_per_s", double(o.bytes) / (1 << 20) / seconds);
    result("overview_peak_rss_mib", peakRssMib());
    return 0;
}

int browse(const QStringList &args)
{
    const QString path = args.at(2);
    const qint64 mib = args.at(3).toLongLong();
    if (!makeFile(path, mib))
        return 1;
    const double before = peakRssMib();
    QElapsedTimer t;
    t.start();
    ResourceTableModel model;
    model.setFile(path);
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (model.rowCount() >= 50 || !model.isIndexing())
            loop.quit();
    });
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &loop, [&] {
        if (model.rowCount() >= 50)
            loop.quit();
    });
    check.start(1);
    loop.exec();
    int cells = 0;
    for (int r = 0; r < qMin(50, model.rowCount()); ++r) {
        for (int c = 0; c < ResourceTableModel::Count; ++c)
            cells += model.index(r, c).data().toString().isEmpty() ? 0 : 1;
    }
    const double firstPage = double(t.nsecsElapsed()) / 1e6;
    if (cells == 0)
        return 1;
    result("browse_file_mib", double(QFileInfo(path).size()) / (1 << 20));
    result("browse_first_page_ms", firstPage);
    QObject::disconnect(&check, nullptr, &loop, nullptr);
    QObject::disconnect(&model, nullptr, &loop, nullptr);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (!model.isIndexing())
            loop.quit();
    });
    check.start(5);
    loop.exec();
    result("browse_indexed_s", double(t.nsecsElapsed()) / 1e9);
    result("browse_rows", model.rowCount());
    result("browse_indexed_lines", double(model.lineIndex()->lineCount()));
    if (!model.lineIndex()->errorString().isEmpty())
        std::fprintf(stderr, "index: %s\n", qPrintable(model.lineIndex()->errorString()));
    // Rows at the far end, read by seeking.
    QElapsedTimer last;
    last.start();
    for (int r = model.rowCount() - 50; r < model.rowCount(); ++r)
        (void)model.index(r, ResourceTableModel::Summary).data();
    result("browse_last_page_ms", double(last.nsecsElapsed()) / 1e6);
    result("browse_rss_before_mib", before);
    result("browse_peak_rss_mib", peakRssMib());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == "overview"_L1 && args.size() == 4)
        return overview(args);
    if (mode == "browse"_L1 && args.size() == 4)
        return browse(args);
    std::fprintf(stderr, "usage: see the comment at the top of benchdata.cpp\n");
    return 2;
}
