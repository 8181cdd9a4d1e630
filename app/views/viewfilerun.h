#pragma once

#include "result.h"
#include "viewrunner.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace fbm {

/// A line of an NDJSON file that is not a JSON object: left out of the view and reported.
struct BadLine
{
    QString file;
    qint64 line = 0; ///< 1-based
    QString reason;
};

/// What a run over NDJSON files did.
struct ViewRunOutcome
{
    qint64 bytes = 0;     ///< NDJSON read (after decompression)
    qint64 resources = 0; ///< JSON objects read
    qint64 rows = 0;      ///< rows written
    qint64 badLineCount = 0;
    QList<BadLine> badLines; ///< the first ones (at most maxBadLines)
    Error error;             ///< Io: a file could not be read; Usage: the view failed on data
    bool stopped = false;    ///< the stop flag was set
    static constexpr int maxBadLines = 100;
};

struct ViewRunOptions
{
    /// Threads that parse and evaluate (0: one per core); the rows keep the files' order.
    int threads = 0;
    const std::atomic_bool *stop = nullptr;
    /// Called on the calling thread after each piece of about a MiB: bytes read, rows so far.
    std::function<void(qint64, qint64)> progress;
};

/// Runs a view over NDJSON files (plain, or gzip when the name ends in .gz): reads them in
/// blocks, splits the lines, and parses and evaluates them on worker threads, handing the rows
/// to a RowSink on the calling thread in the order of the files and lines. Memory stays flat:
/// only a few blocks are in flight at a time.
class ViewFileRun
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ViewFileRun)
public:
    [[nodiscard]] static ViewRunOutcome run(const ViewRunner &runner, const QStringList &files,
                                            RowSink &sink, const ViewRunOptions &options = {});

    /// The files of \a resourceType in an export folder: <Type>.<n>.ndjson and
    /// <Type>.<n>.ndjson.gz (and <Type>.ndjson), in the order of n. *error is set when the
    /// folder cannot be read.
    [[nodiscard]] static QStringList filesOf(const QString &folder, const QString &resourceType,
                                             QString *error);
};

} // namespace fbm
