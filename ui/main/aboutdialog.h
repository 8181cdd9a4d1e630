#pragma once

#include <QDialog>
#include <QString>

namespace fbm {

/// Help > About: the version, the license (GPL-3.0-or-later), and the Qt and QtKeychain
/// versions, the first things a bug report needs.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    /// The application's version ("0.1.0").
    [[nodiscard]] static QString version();
    /// "Qt 6.4.2 (built with 6.4.2) · QtKeychain 0.13.2", untranslated: for bug reports.
    [[nodiscard]] static QString componentVersions();
};

} // namespace fbm
