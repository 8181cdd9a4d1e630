#include "issuereader.h"

#include "gzipfile.h"
#include "operationoutcome.h"

#include <QDir>
#include <QFile>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace fbm {

QList<JobIssue> IssueReader::read(const QString &folder, const QStringList &relativePaths,
                                  int maxIssues, qint64 maxBytesPerFile)
{
    QList<JobIssue> issues;
    const QDir dir(folder);
    for (const QString &path : relativePaths) {
        // errors/*.ndjson.gz of an export saved compressed read as the lines they hold.
        const std::unique_ptr<QIODevice> file = openDecoded(dir.filePath(path));
        if (!file)
            continue;
        qint64 read = 0;
        while (!file->atEnd() && read < maxBytesPerFile && issues.size() < maxIssues) {
            const QByteArray line = file->readLine(1 << 20);
            if (line.isEmpty() && !file->atEnd())
                break; // a damaged .gz
            read += line.size();
            const std::optional<OperationOutcome> oo = OperationOutcome::fromJson(line);
            if (!oo)
                continue;
            for (const OutcomeIssue &issue : oo->issues) {
                if (issues.size() >= maxIssues)
                    break;
                issues.append({issue.severity, issue.code,
                               issue.diagnostics.isEmpty() ? issue.details : issue.diagnostics,
                               path});
            }
        }
    }
    return issues;
}

QFuture<QList<JobIssue>> IssueReader::readLater(const QString &folder,
                                                const QStringList &relativePaths)
{
    // QThreadPool takes a copyable function; the promise is not, so it is shared.
    auto promise = std::make_shared<QPromise<QList<JobIssue>>>();
    QFuture<QList<JobIssue>> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, folder, relativePaths] {
        promise->addResult(read(folder, relativePaths));
        promise->finish();
    });
    return future;
}

} // namespace fbm
