#pragma once

#include "result.h"
#include "schedule.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace fbm {

/**
 * The schedules on disk: one `NAME.json` per schedule (the one source of truth), beside it
 * `NAME.result.json` (how the last run ended, written by the run) and `NAME.lock` (held by a
 * run while it works, so that two runs of one schedule never overlap). The systemd units in
 * unitDirectory() are rendered from the JSON whenever it is saved.
 */
class ScheduleStore final
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ScheduleStore)

public:
    /// Empty arguments: defaultDirectory() and defaultUnitDirectory().
    explicit ScheduleStore(QString directory = {}, QString unitDirectory = {});

    /// `<AppDataLocation>/schedules`
    [[nodiscard]] static QString defaultDirectory();
    /// `$XDG_CONFIG_HOME/systemd/user`, where systemd looks for a user's own units.
    [[nodiscard]] static QString defaultUnitDirectory();
    /// `<AppDataLocation>/cli-jobs`: the command line's own job list, where the runs' exports
    /// are (the window lists them from there).
    [[nodiscard]] static QString commandLineJobDirectory();
    [[nodiscard]] QString directory() const { return m_dir; }
    [[nodiscard]] QString unitDirectory() const { return m_unitDir; }

    /// Every schedule, by name.
    [[nodiscard]] QList<Schedule> list() const;
    [[nodiscard]] std::optional<Schedule> load(const QString &name) const;
    /// Writes the schedule's JSON and its two unit files (\a program runs each export).
    [[nodiscard]] Error save(const Schedule &schedule, const QString &program) const;
    /// Removes the schedule's JSON, its last result and its unit files.
    [[nodiscard]] Error remove(const QString &name) const;

    [[nodiscard]] QString servicePath(const QString &name) const;
    [[nodiscard]] QString timerPath(const QString &name) const;
    [[nodiscard]] QString lockPath(const QString &name) const;

    /// How the last run ended; nullopt before the first run.
    [[nodiscard]] std::optional<ScheduleRun> lastRun(const QString &name) const;
    /// Records how a run ended: \a run with the job ids of the earlier runs kept.
    [[nodiscard]] Error recordRun(const QString &name, ScheduleRun run) const;
    /// Marks the last run of \a name as told to the user.
    void markSeen(const QString &name) const;
    /// The runs' jobs the window has taken into its list already (it takes each once, so that
    /// one removed there stays removed).
    [[nodiscard]] QStringList takenJobs() const;
    void addTakenJobs(const QStringList &ids) const;

private:
    [[nodiscard]] QString jsonPath(const QString &name) const;
    [[nodiscard]] QString resultPath(const QString &name) const;
    [[nodiscard]] QString takenPath() const;

    QString m_dir;
    QString m_unitDir;
};

} // namespace fbm
