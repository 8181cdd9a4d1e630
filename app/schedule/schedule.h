#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace fbm {

struct ExportRequest;

/**
 * One recurring export: what `schedule add` and the Repeat dialog make, kept as one JSON file
 * in the ScheduleStore (the one source of truth; the systemd units are rendered from it).
 */
struct Schedule
{
    Q_DECLARE_TR_FUNCTIONS(fbm::Schedule)

public:
    enum class Repeat
    {
        Daily,
        Weekly
    };

    QString name;    ///< letters, digits, - and _ (it is part of the unit names)
    QString profile; ///< the profile's name, as --profile takes it
    Repeat repeat = Repeat::Daily;
    int weekday = 1; ///< Qt's numbering, 1 = Monday … 7 = Sunday (weekly only)
    QTime time{2, 0};
    QString saveIn; ///< each run saves into a dated folder of its own inside this one
    /// The export's request options as the command line takes them (--level, --group, --type,
    /// --type-filter, …), without --profile, --since, --out or --save-in.
    QStringList exportArguments;
    bool full = false;    ///< every run a whole export, not --since auto
    QString profilesFile; ///< empty: the application's profiles file

    /// Why \a name cannot name a schedule (translated), or an empty string.
    [[nodiscard]] static QString nameProblem(const QString &name);
    /// What is wrong with the schedule (translated, the first problem), or an empty string.
    [[nodiscard]] QString problem() const;

    /// systemd's OnCalendar= value: "*-*-* 02:30:00" or "Mon *-*-* 02:30:00".
    [[nodiscard]] QString onCalendar() const;
    /// "daily 02:30" or "weekly Mon 02:30": the command line's words, not translated.
    [[nodiscard]] QString calendarWords() const;
    /// The same for people, translated: "Every day at 02:30", "Every Monday at 02:30".
    [[nodiscard]] QString calendarText() const;
    /// The crontab's five time fields: "30 2 * * *" or "30 2 * * 1".
    [[nodiscard]] QString cronTime() const;

    /// The command every run executes: \a program, then `export` with the profile, --since
    /// auto (unless full), the export arguments, --save-in and --schedule.
    [[nodiscard]] QStringList command(const QString &program) const;

    /// The export options that ask for \a request again (its level, group, types, filters and
    /// other parameters; not its since or until), and the saving choices on.
    [[nodiscard]] static QStringList argumentsFor(const ExportRequest &request, bool keepOnServer,
                                                  bool gzip, bool attachments);

    /// "mon" … "sun" (or "monday" …) to 1 … 7.
    [[nodiscard]] static std::optional<int> weekdayFromName(const QString &name);
    /// 1 … 7 to "Mon" … "Sun" (systemd's and the command line's spelling).
    [[nodiscard]] static QString weekdayName(int weekday);

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Schedule> fromJson(const QJsonObject &o);

    friend bool operator==(const Schedule &a, const Schedule &b);
};

/// How one scheduled run ended, written by the run (`export --schedule NAME`) for the window
/// and `schedule list` to show.
struct ScheduleRun
{
    QDateTime at;       ///< when the run ended
    int exitCode = 0;   ///< the export command's exit code
    QString message;    ///< the run's last sentence (why it failed, or where it saved)
    QString jobId;      ///< the export's job in the command line's job list, when there is one
    QString folder;     ///< where it saved
    bool seen = false;  ///< the window has told the user about it
    QStringList jobIds; ///< every run's job, oldest first (the window lists their exports)

    [[nodiscard]] bool ok() const { return exitCode == 0; }
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ScheduleRun fromJson(const QJsonObject &o);
};

} // namespace fbm
