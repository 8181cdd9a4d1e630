#include "uisettings.h"

namespace fbm {

std::unique_ptr<QSettings> openUiSettings(const QString &iniPath)
{
    if (iniPath.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
}

int keepJobsDays(const QSettings &settings)
{
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("FBM_KEEP_JOBS_DAYS", &ok);
    if (ok)
        return qMax(0, fromEnvironment);
    const int fromSettings =
        settings.value(QStringLiteral("jobs/keepDays"), kDefaultKeepJobsDays).toInt(&ok);
    return ok ? qMax(0, fromSettings) : kDefaultKeepJobsDays;
}

} // namespace fbm
