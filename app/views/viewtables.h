#pragma once

#include "builtinviews.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace fbm {

/// One view's table of an export, as written.
struct ViewTable
{
    QString name; ///< the view's name
    QString path; ///< the CSV file (written whole, or not at all)
    qint64 rows = 0;
    qint64 badLines = 0; ///< lines left out because they are not JSON
    QString error;       ///< why it was not written (translated); empty when it was
    bool stopped = false;
};

/// The views of an export folder as spreadsheets: `tables/<view>.csv` in the folder, UTF-8 CSV
/// with a header row (CsvWriter), one per view whose resource type the export holds. What the
/// window's "Open as spreadsheet" and "Save all tables" write.
class ViewTables
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ViewTables)
public:
    /// <exportFolder>/tables
    [[nodiscard]] static QString folderOf(const QString &exportFolder);
    /// The views (built-in, then the user's) whose resource type has files in the folder.
    [[nodiscard]] static QList<ViewSource> applicable(const QString &exportFolder);
    /// Writes the view's table into tables/. \a progress: bytes read of its files so far, and
    /// their size on the disk. Checks \a stop between blocks.
    [[nodiscard]] static ViewTable write(const ViewSource &view, const QString &exportFolder,
                                         const std::atomic_bool &stop,
                                         const std::function<void(qint64, qint64)> &progress = {});
    /// write() for each of \a views in turn, off the calling thread; progress in 0..1000 over
    /// them all; cancelling the future stops at the next block (the table being written is not
    /// kept).
    [[nodiscard]] static QFuture<QList<ViewTable>> writeLater(const QList<ViewSource> &views,
                                                              const QString &exportFolder);
};

} // namespace fbm
