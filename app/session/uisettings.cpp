#include "uisettings.h"

namespace fbm {

std::unique_ptr<QSettings> openUiSettings(const QString &iniPath)
{
    if (iniPath.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
}

} // namespace fbm
