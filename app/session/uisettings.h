#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace fbm {

/// The one way the application opens its own settings (window layout, language, report pages):
/// the INI file at iniPath when one is given (tests, SessionOptions::settingsPath), else the
/// platform's default QSettings, the ones installTranslations() reads.
[[nodiscard]] std::unique_ptr<QSettings> openUiSettings(const QString &iniPath);

} // namespace fbm
