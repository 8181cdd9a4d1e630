#include "viewtables.h"

#include "rowwriter.h"
#include "viewfilerun.h"

#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;

namespace fbm {

QString ViewTables::folderOf(const QString &exportFolder)
{
    return QDir(exportFolder).filePath(u"tables"_s);
}

QList<ViewSource> ViewTables::applicable(const QString &exportFolder)
{
    QList<ViewSource> out;
    for (const ViewSource &source : BuiltinViews::list()) {
        const Result<ViewDefinition> view = BuiltinViews::load(source.path);
        QString error;
        if (view.ok() &&
            !ViewFileRun::filesOf(exportFolder, view.value().resource(), &error).isEmpty())
            out.append(source);
    }
    return out;
}

ViewTable ViewTables::write(const ViewSource &source, const QString &exportFolder,
                            const std::atomic_bool &stop,
                            const std::function<void(qint64, qint64)> &progress)
{
    ViewTable table;
    table.name = source.name;
    table.path = QDir(folderOf(exportFolder)).filePath(source.name + u".csv"_s);
    const Result<ViewDefinition> view = BuiltinViews::load(source.path);
    if (!view.ok()) {
        //: %1 is why the view was refused
        table.error = tr("The view cannot be used: %1").arg(view.error().message);
        return table;
    }
    QString folderError;
    const QStringList files = ViewFileRun::filesOf(exportFolder, view->resource(), &folderError);
    if (!folderError.isEmpty()) {
        table.error = folderError;
        return table;
    }
    qint64 total = 0;
    for (const QString &f : files)
        total += QFileInfo(f).size();
    if (!QDir().mkpath(folderOf(exportFolder))) {
        //: %1 is a folder
        table.error = tr("Cannot make the folder %1.").arg(folderOf(exportFolder));
        return table;
    }
    QSaveFile out(table.path);
    if (!out.open(QIODevice::WriteOnly)) {
        //: %1 is a file, %2 the system's reason
        table.error = tr("Cannot write %1: %2").arg(table.path, out.errorString());
        return table;
    }
    CsvWriter csv(&out, view->columnNames());
    csv.writeHeader();
    const ViewRunner runner(view.value());
    ViewRunOptions options;
    options.stop = &stop;
    options.progress = [&](qint64 bytes, qint64) {
        if (progress)
            progress(bytes, total);
    };
    const ViewRunOutcome outcome = ViewFileRun::run(runner, files, csv, options);
    const bool written = csv.finish();
    table.rows = outcome.rows;
    table.badLines = outcome.badLineCount;
    if (outcome.stopped) {
        table.stopped = true;
        out.cancelWriting();
    } else if (outcome.error.isError()) {
        table.error = outcome.error.message;
        out.cancelWriting();
    } else if (!written || !out.commit()) {
        //: %1 is a file, %2 the system's reason
        table.error = tr("Cannot write %1: %2").arg(table.path, out.errorString());
    }
    return table;
}

QFuture<QList<ViewTable>> ViewTables::writeLater(const QList<ViewSource> &views,
                                                 const QString &exportFolder)
{
    // QThreadPool takes a copyable function; the promise is not, so it is shared.
    auto promise = std::make_shared<QPromise<QList<ViewTable>>>();
    QFuture<QList<ViewTable>> future = promise->future();
    promise->setProgressRange(0, 1000);
    promise->start();
    QThreadPool::globalInstance()->start([promise, views, exportFolder] {
        std::atomic_bool stop = false;
        QList<ViewTable> tables;
        const qsizetype n = views.size();
        for (qsizetype i = 0; i < n && !stop; ++i) {
            tables.append(write(views.at(i), exportFolder, stop, [&](qint64 done, qint64 total) {
                if (promise->isCanceled())
                    stop = true;
                const qint64 share = total > 0 ? qMin<qint64>(1000, done * 1000 / total) : 0;
                promise->setProgressValue(int((i * 1000 + share) / n));
            }));
            if (promise->isCanceled())
                stop = true;
        }
        promise->addResult(std::move(tables));
        promise->finish();
    });
    return future;
}

} // namespace fbm
