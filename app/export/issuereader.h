#pragma once

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

namespace fbm {

/// One issue of an OperationOutcome the server wrote into an export's error files.
struct JobIssue
{
    QString severity; ///< as the server wrote it: fatal | error | warning | information
    QString code;     ///< IssueType code, e.g. processing
    QString text;     ///< the diagnostics, or the details when there are none
    QString where;    ///< the error file it came from, relative to the export folder

    friend bool operator==(const JobIssue &a, const JobIssue &b)
    {
        return a.severity == b.severity && a.code == b.code && a.text == b.text &&
               a.where == b.where;
    }
};

/// Reads the OperationOutcomes of an export's saved error files (errors/*.ndjson, one resource
/// per line, or errors/*.ndjson.gz). Bounded: at most maxIssues issues and maxBytes read per file,
/// so a huge error file costs neither memory nor time. Lines that are not OperationOutcomes are
/// skipped.
class IssueReader
{
public:
    static constexpr int kMaxIssues = 200;
    static constexpr qint64 kMaxBytesPerFile = 4 << 20;

    /// Reads now, on the calling thread.
    [[nodiscard]] static QList<JobIssue> read(const QString &folder,
                                              const QStringList &relativePaths,
                                              int maxIssues = kMaxIssues,
                                              qint64 maxBytesPerFile = kMaxBytesPerFile);
    /// Reads on the global thread pool: the GUI thread never touches the disk for them.
    [[nodiscard]] static QFuture<QList<JobIssue>> readLater(const QString &folder,
                                                            const QStringList &relativePaths);
};

} // namespace fbm
