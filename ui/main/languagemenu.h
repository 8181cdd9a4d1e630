#pragma once

#include <QMenu>
#include <QString>

class QActionGroup;

namespace fbm {

/// "Language" menu: System language / English / Dansk. The choice is stored in the settings
/// (key "language", read by installTranslations()) and applies at the next start: a running
/// window keeps its texts, so the menu says so.
class LanguageMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageMenu)
public:
    /// @p settingsPath: an INI file (tests); empty: the application's default QSettings, the
    /// ones installTranslations() reads.
    explicit LanguageMenu(const QString &settingsPath = {}, QWidget *parent = nullptr);
    ~LanguageMenu() override;

    /// "system", "en" or "da": the checked entry.
    [[nodiscard]] QString currentLanguage() const;

Q_SIGNALS:
    /// The user picked another language; it applies after a restart.
    void languageChosen(const QString &language);

private:
    void onTriggered(QAction *action);

    QString m_settingsPath;
    QActionGroup *m_group = nullptr;
};

} // namespace fbm
