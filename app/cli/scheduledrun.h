#pragma once

#include "schedule/schedulestore.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace fbm {
class Session;
}

namespace fbm::cli {

/// One run of a schedule (`export --schedule NAME`, what the timer starts): it holds the
/// schedule's lock while it works and records how it ended for the window and `schedule list`.
class ScheduledRun final
{
public:
    /// \a name: the schedule; empty when the export is not a scheduled run (then nothing is
    /// locked or recorded).
    explicit ScheduledRun(QString name, ScheduleStore store = ScheduleStore());

    [[nodiscard]] bool isScheduled() const { return !m_name.isEmpty(); }
    /// Takes the schedule's lock; the sentence that says why not (the previous run still
    /// works), or an empty string.
    [[nodiscard]] QString begin();
    /// Records the end of the run.
    void record(int exitCode, const QString &message, const QString &jobId = {},
                const QString &folder = {});

    /// The sentence for a run whose profile's secret the keychain does not give (it is locked,
    /// absent, or holds no such secret), or an empty string when the secret can be read (or
    /// the profile needs none). Waits for the keychain.
    [[nodiscard]] static QString keychainProblem(Session &session, const QString &profileName);

private:
    QString m_name;
    ScheduleStore m_store;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace fbm::cli
