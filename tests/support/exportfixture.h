#pragma once

#include "faultybulkserver.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "waitfor.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

namespace fbm::test {

/// A bulk server on loopback (the tests' FaultyBulkServer), a job store and a job manager in a
/// temporary folder, with timing shrunk so that a whole export runs in milliseconds.
struct ExportFixture
{
    ExportFixture();
    ~ExportFixture();

    /// A new manager over the same store (a restart of the application).
    void restartManager();
    [[nodiscard]] RetryPolicy fastPolicy() const;

    ExportRequest request(ExportLevel level = ExportLevel::System) const;
    JobOptions options(bool autoDownload = true) const;
    /// Starts an export and returns its id (fails the test on error).
    QString start(const ExportRequest &request);
    QString start() { return start(request()); }

    /// Waits until the job is in \a state; false (and why, in the log) after \a timeoutMs.
    [[nodiscard]] bool waitForState(const QString &id, JobState state, int timeoutMs = kWaitMs);
    [[nodiscard]] bool waitForTerminal(const QString &id, int timeoutMs = kWaitMs);
    [[nodiscard]] const ExportJob &job(const QString &id) const { return *manager->job(id); }
    [[nodiscard]] QString outDir() const { return dir.path() + QStringLiteral("/out"); }
    [[nodiscard]] QByteArray saved(const QString &relativePath) const;
    /// Every saved file equals what the server served, and line counts match the manifest.
    [[nodiscard]] QString compareAllFiles(const QString &id) const;

    QTemporaryDir dir;
    FaultyBulkServer server;
    QNetworkAccessManager nam;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<JobManager> manager;
};

} // namespace fbm::test
