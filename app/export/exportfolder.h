#pragma once

#include "exportrequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fbm {

class JobManager;

/**
 * Where an export started in the window saves its files: a folder of its own inside the folder
 * the user chose ("Save in"), named by when it started and what it holds, such as
 * `2026-12-07 10.03 System, all types`, `2026-12-07 10.03 Patient, Observation` or
 * `2026-12-07 10.03 Group Heart failure telemonitoring`. The first export and every later one
 * follow the same rule, so a folder never holds one export's files loose beside the dated
 * folders of others. (The command line saves into exactly its --out folder.)
 */
class ExportFolder
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ExportFolder)

public:
    /// The longest folder name made (before a " (2)"): short enough for any file system, with
    /// room for the files' own names in a path.
    static constexpr int kMaxNameLength = 80;

    /**
     * The folder name for @p request started at @p when (shown in local time, to the minute):
     * the level unless it is the whole server ("All patients", "Group <name or id>"), the types
     * when some are chosen (up to three by name, else "5 types"), and "System, all types" when
     * neither says anything. Made safe by safeName().
     */
    [[nodiscard]] static QString name(const ExportRequest &request, const QDateTime &when);

    /**
     * @p text as one folder name on every file system: no `/ \ : * ? " < > |` or control
     * characters (each run becomes "_"), one space for a run of white space, no leading dot, no
     * trailing dot or space, at most kMaxNameLength characters; "export" when nothing is left.
     */
    [[nodiscard]] static QString safeName(const QString &text);

    /**
     * The folder @p name inside @p saveIn, or `name (2)`, `name (3)`… when it is taken: it
     * exists and holds something, a file has that name, or it is in @p inUse (the folders of
     * other exports, which may not exist yet). Paths compare clean and absolute.
     */
    [[nodiscard]] static QString pick(const QString &saveIn, const QString &name,
                                      const QStringList &inUse);

    /**
     * The rule the New export dialog shows and the main window applies: pick() in @p saveIn
     * for name() of @p request at the manager's clock's now, past the folders of the
     * manager's jobs. An empty @p saveIn gives an empty string; @p manager may be null (the
     * system clock, no other jobs).
     */
    [[nodiscard]] static QString forExport(const QString &saveIn, const ExportRequest &request,
                                           const JobManager *manager);
};

} // namespace fbm
