#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace fbm {

/// The one way the application opens its own settings (window layout, language, report pages):
/// the INI file at iniPath when one is given (tests, SessionOptions::settingsPath), else the
/// platform's default QSettings, the ones installTranslations() reads.
[[nodiscard]] std::unique_ptr<QSettings> openUiSettings(const QString &iniPath);

inline constexpr int kDefaultKeepJobsDays = 90;

/// How many days a finished job stays in the job list before its entry (not its export folder)
/// is removed: the environment variable FBM_KEEP_JOBS_DAYS when set to a number, else the
/// setting `jobs/keepDays`, else 90. 0 keeps every job forever. The desktop application and
/// every command read it the same way.
[[nodiscard]] int keepJobsDays(const QSettings &settings);

} // namespace fbm
