#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;
class QSettings;

namespace fbm {

/// The settings key of the language choice: "system" (or absent), "en" or "da".
inline constexpr char languageSettingKey[] = "language";

/// The languages the application is translated into, as setting values ("en", "da").
[[nodiscard]] QStringList availableLanguages();

/// The language chosen in the settings: "system", "en" or "da". An unknown value reads as
/// "system".
[[nodiscard]] QString languageSetting(const QSettings &settings);
/// Stores the choice; it applies at the next start.
void setLanguageSetting(QSettings &settings, const QString &language);

/**
 * The locale the application speaks, from a setting value and the system's locale: "en" or
 * "da" pick that language (keeping the system's territory when it has that language), "system"
 * the first of the system's UI languages (`LANGUAGE`, then `LC_ALL`/`LANG`) that has a
 * translation, else English. Pure: the tests feed it any system locale.
 */
[[nodiscard]] QLocale resolveLocale(const QString &setting, const QLocale &system);

/**
 * Installs the translators for the chosen language on @p app: the application's own
 * (:/i18n/fhir-bulk-monitor_<lang>.qm, embedded in the executable) and Qt's qtbase strings
 * (dialog buttons, context menus) from Qt's translations folder, and makes the chosen locale the
 * default QLocale, so that dates and numbers read the Danish way in Danish (22.11.2026,
 * 12.030). The choice is read from the default QSettings (@p settings overrides it, for
 * tests). Call it once, after the organization and application names are set and before any
 * window or command output. Returns the locale in force.
 */
QLocale installTranslations(QCoreApplication &app, const QSettings *settings = nullptr);

/// Removes what installTranslations() installed (tests switch languages).
void removeTranslations(QCoreApplication &app);

/// A date and time for people in the default locale, short, with a four-digit year:
/// "22.11.2026 10:15" in Danish, "11/22/2026 10:15 AM" in American English. Qt's Danish short time
/// uses a dot ("10.15"); clinicians read the colon form on every screen, so Danish gets hh:mm.
[[nodiscard]] QString formatDateTime(const QDateTime &when);
/// Like formatDateTime(), with seconds ("22.11.2026 10:15:09").
[[nodiscard]] QString formatDateTimeSeconds(const QDateTime &when);
/// A time of day in the same style ("10:15", or "10:15:09" with seconds).
[[nodiscard]] QString formatTime(const QTime &when, bool seconds = false);
/// The QDateTime format string behind formatDateTime() (for date-time editors).
[[nodiscard]] QString dateTimeFormat(bool seconds = false);
/// Its date part, for date editors: every date on screen has one form.
[[nodiscard]] QString dateFormat();

} // namespace fbm
