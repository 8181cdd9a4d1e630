#pragma once

#include "faultybulkserver.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "manualclock.h"
#include "session.h"
#include "waitfor.h"

#include <QTemporaryDir>

#include <memory>

namespace fbm::test {

/// A bulk server on loopback (the tests' FaultyBulkServer) and the application's Session over a
/// temporary folder (job store, profiles file and settings there, secrets in memory), the
/// engine's timing shrunk so that a whole export runs in milliseconds. The engine runs on
/// `clock`, which follows the real time until a test stops or moves it, and its jitter is
/// fixed (none): every deadline is now plus exactly what the policy or the server says.
struct ExportFixture
{
    ExportFixture();
    ~ExportFixture();

    /// A new Session over the same folder (a restart of the application: the old one saves what
    /// it held back, as at exit). Its manager has not restored the store yet: restore() is the
    /// test's call.
    void restartManager();
    [[nodiscard]] RetryPolicy fastPolicy() const;

    ExportRequest request(ExportLevel level = ExportLevel::System) const;
    JobOptions options(bool autoDownload = true) const;
    /// Starts an export and returns its id (fails the test on error).
    QString start(const ExportRequest &request);
    QString start() { return start(request()); }
    /// Starts an export whose files stay on the server once saved (no DELETE): their URLs
    /// serve again, as the good files of a second manifest, or for files fetched again.
    QString startKeepingFiles();
    /// Serves \a files with the manifest at the first status check (no "in progress" first).
    void serveAtOnce(const QList<demo::ServedFile> &files);
    /// Serves \a files at once, exports them and waits until they are saved: the job's id, or
    /// an empty string (and why, in the log) when it did not get there.
    QString savedExport(const QList<demo::ServedFile> &files);

    /// Every job's requests go through one client with \a auth (none: no authorization), as
    /// with the command line's --token (Session::useAuthForEveryJob), until restartManager().
    /// The session owns both; returns the client.
    HttpClient *authorizeEveryJob(std::unique_ptr<AuthProvider> auth);

    /// Waits until the job is in \a state; false (and why, in the log) after \a timeoutMs.
    [[nodiscard]] bool waitForState(const QString &id, JobState state, int timeoutMs = kWaitMs);
    [[nodiscard]] bool waitForTerminal(const QString &id, int timeoutMs = kWaitMs);
    /// Waits until the job waits for a status check, then moves the clock to it: the check goes
    /// out at once. False when the job never waited for one.
    [[nodiscard]] bool advanceToNextPoll(const QString &id, int timeoutMs = kWaitMs);
    /// Moves the clock to each status check of the job as soon as it waits for one, until the
    /// job is past polling (the manifest came, or it ended): for a clock that stands still.
    [[nodiscard]] bool advanceThroughPolls(const QString &id, int timeoutMs = kWaitMs);
    /// Waits until the job has ended, moving the clock to each wake-up of the engine as soon as
    /// it sleeps for one: waits for status checks and for files tried again pass at once.
    [[nodiscard]] bool runToEnd(const QString &id, int timeoutMs = kWaitMs);
    [[nodiscard]] const ExportJob &job(const QString &id) const { return *manager->job(id); }
    [[nodiscard]] QString outDir() const { return dir.path() + QStringLiteral("/out"); }
    [[nodiscard]] QByteArray saved(const QString &relativePath) const;
    /// Every saved file equals what the server served, and line counts match the manifest.
    [[nodiscard]] QString compareAllFiles(const QString &id) const;

    QTemporaryDir dir;
    FaultyBulkServer server;
    ManualClock clock{ManualClock::Mode::Following};
    std::unique_ptr<Session> session;
    JobStore *store = nullptr;     ///< the session's
    JobManager *manager = nullptr; ///< the session's
};

} // namespace fbm::test
