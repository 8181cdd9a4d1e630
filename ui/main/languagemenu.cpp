#include "languagemenu.h"

#include "i18n.h"
#include "uisettings.h"

#include <QActionGroup>
using namespace Qt::StringLiterals;

namespace fbm {

LanguageMenu::LanguageMenu(const QString &settingsPath, QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_settingsPath(settingsPath)
    , m_group(new QActionGroup(this))
{
    setObjectName(u"languageMenu"_s);
    m_group->setExclusive(true);
    const QString current = languageSetting(*openUiSettings(m_settingsPath));
    // Each language is named in itself, so that someone who cannot read the current one still
    // finds theirs.
    const struct
    {
        QString value;
        QString text;
    } entries[] = {
        {u"system"_s, tr("&System language")},
        {u"en"_s, u"English"_s},
        {u"da"_s, u"Dansk"_s},
    };
    for (const auto &entry : entries) {
        QAction *action = addAction(entry.text);
        action->setObjectName(u"language_"_s + entry.value);
        action->setData(entry.value);
        action->setCheckable(true);
        action->setChecked(entry.value == current);
        m_group->addAction(action);
    }
    addSeparator();
    QAction *note = addAction(tr("Applies after a restart"));
    note->setObjectName(u"languageNote"_s);
    note->setEnabled(false);
    connect(m_group, &QActionGroup::triggered, this, &LanguageMenu::onTriggered);
}

LanguageMenu::~LanguageMenu() = default;

QString LanguageMenu::currentLanguage() const
{
    const QAction *checked = m_group->checkedAction();
    return checked ? checked->data().toString() : u"system"_s;
}

void LanguageMenu::onTriggered(QAction *action)
{
    const QString language = action->data().toString();
    auto settings = openUiSettings(m_settingsPath);
    if (languageSetting(*settings) == language)
        return;
    setLanguageSetting(*settings, language);
    settings->sync();
    Q_EMIT languageChosen(language);
}

} // namespace fbm
