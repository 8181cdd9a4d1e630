#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace fbm {

/// What the files of one resource type (in one part of the folder) hold.
struct TypeOverview
{
    QString type; ///< e.g. "Observation"
    QString kind =
        QStringLiteral("output"); ///< "output", "error" (errors/) or "deleted" (deleted/)
    int files = 0;
    qint64 resources = 0;                   ///< lines that are not blank, problems included
    qint64 bytes = 0;                       ///< on disk (compressed for .gz)
    qint64 patients = 0;                    ///< distinct patients these resources are about
    QString lastUpdatedMin, lastUpdatedMax; ///< meta.lastUpdated, as written
    QString dateMin, dateMax; ///< the clinical date (fields::clinicalDate), as written
};

/// A line the overview could not take as a resource of its file's type.
struct DataProblem
{
    QString file;    ///< relative to the folder, e.g. "errors/OperationOutcome.1.ndjson"
    qint64 line = 0; ///< 1-based
    QString reason;
};

/**
 * An overview of a saved export folder (manifest.json, `<Type>.<n>.ndjson[.gz]`, errors/,
 * deleted/): per type the resources, bytes, files, patients and span of dates, and the lines
 * that are not what their file says. Made by compute() off the GUI thread, reading every file
 * once in large blocks with flat memory but for the patients: a set of 64-bit hashes of the
 * patient ids, one per type and one for the whole export (some 24 bytes per entry: about
 * 250 MB for a million patients referenced from ten types). Two different ids sharing a hash
 * would be counted once; at ten million patients that happens with a chance of about 1 in
 * 300,000.
 */
struct ExportOverview
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ExportOverview)

public:
    static constexpr int kMaxProblems = 100;

    QString folder;
    QString error;               ///< the folder could not be read as an export (nothing else set)
    bool cancelled = false;      ///< stopped before the end: what is here is partial
    QList<TypeOverview> types;   ///< output types by name, then errors/, then deleted/
    qint64 patients = 0;         ///< distinct patients in the whole export
    qint64 bytes = 0;            ///< every file counted, on disk
    QList<DataProblem> problems; ///< the first kMaxProblems
    qint64 problemCount = 0;     ///< all of them

    [[nodiscard]] bool ok() const { return error.isEmpty() && !cancelled; }
    [[nodiscard]] qint64 resources(const QString &kind = QStringLiteral("output")) const;
    /// The overview as one JSON object (the inspect command's --json).
    [[nodiscard]] QJsonObject toJson() const;

    /// Progress: bytes of the folder's files read so far, of all of them.
    using ProgressFn = std::function<void(qint64 done, qint64 total)>;

    /**
     * Reads the export in \a folder. Sets error (and nothing else) when the folder does not
     * exist, cannot be listed or holds neither manifest.json nor an NDJSON file; a file that
     * cannot be read is a problem. Stops when \a cancel is set (cancelled). \a progress is
     * called on the calling thread after each block. Usable from QtConcurrent::run.
     */
    [[nodiscard]] static ExportOverview
    compute(const QString &folder, const std::atomic_bool &cancel, const ProgressFn &progress = {});
    /// compute() on a thread of the data pool; progress in per mille, cancel by the future.
    [[nodiscard]] static QFuture<ExportOverview> computeLater(const QString &folder);
};

/// The NDJSON files of a resource type in an export folder, e.g. ("Observation.1.ndjson",
/// "Observation.2.ndjson.gz"), relative to it, in order: the files a browser can open.
/// errors/ and deleted/ come after the output files, with their folder.
[[nodiscard]] QStringList exportDataFiles(const QString &folder);
/// The resource type a data file's name says ("errors/OperationOutcome.1.ndjson" →
/// "OperationOutcome"); empty when it is not `<Type>.<n>.ndjson[.gz]`.
[[nodiscard]] QString dataFileType(const QString &fileName);

} // namespace fbm
