#include "i18n.h"
#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

// The translators installTranslations() made are children of the application with this name,
// so that removeTranslations() finds exactly those and no one else's.
constexpr auto translatorName = "fbm-translator"_L1;

QLocale danish(const QLocale &system)
{
    // A Danish system locale keeps its own territory (da_GL formats like da_DK).
    return system.language() == QLocale::Danish ? system
                                                : QLocale(QLocale::Danish, QLocale::Denmark);
}

QLocale english(const QLocale &system)
{
    if (system.language() == QLocale::English)
        return system;
    // English text with the user's regional habits where Qt knows them (en_DK: 22/11/2026),
    // else American English.
    const QLocale regional(QLocale::English, system.territory());
    return regional.language() == QLocale::English ? regional : QLocale(QLocale::English);
}

QString languageCode(const QLocale &locale)
{
    return locale.language() == QLocale::Danish ? u"da"_s : u"en"_s;
}

void install(QCoreApplication &app, const QString &path, const QString &what)
{
    auto *translator = new QTranslator(&app);
    translator->setObjectName(translatorName);
    if (!translator->load(path)) {
        qCDebug(lcI18n) << "no" << what << "translation at" << path;
        delete translator;
        return;
    }
    QCoreApplication::installTranslator(translator);
}

} // namespace

QStringList availableLanguages()
{
    return {u"en"_s, u"da"_s};
}

QString languageSetting(const QSettings &settings)
{
    const QString value = settings.value(QLatin1String(languageSettingKey)).toString();
    return availableLanguages().contains(value) ? value : u"system"_s;
}

void setLanguageSetting(QSettings &settings, const QString &language)
{
    if (availableLanguages().contains(language))
        settings.setValue(QLatin1String(languageSettingKey), language);
    else
        settings.remove(QLatin1String(languageSettingKey));
}

QLocale resolveLocale(const QString &setting, const QLocale &system)
{
    if (setting == u"da")
        return danish(system);
    if (setting == u"en")
        return english(system);
    // uiLanguages() puts LANGUAGE's list first (LANGUAGE=da with LANG=C gives Danish), then the
    // locale of LC_ALL/LANG; the first language we have wins, as in any GNU program.
    const QStringList wanted = system.uiLanguages();
    for (const QString &name : wanted) {
        const QLocale candidate(name);
        if (candidate.language() == QLocale::Danish)
            return danish(system);
        if (candidate.language() == QLocale::English)
            return english(system);
    }
    return english(system);
}

QLocale installTranslations(QCoreApplication &app, const QSettings *settings)
{
    removeTranslations(app);
    QString setting;
    if (settings) {
        setting = languageSetting(*settings);
    } else {
        const QSettings defaults;
        setting = languageSetting(defaults);
    }
    const QLocale locale = resolveLocale(setting, QLocale::system());
    QLocale::setDefault(locale);
    const QString code = languageCode(locale);
    // English has a translation too: the plural forms of "%n file(s)".
    install(app, u":/i18n/fhir-bulk-monitor_"_s + code + u".qm"_s, u"application"_s);
    if (code != u"en") {
        // Qt's own strings: the buttons of standard dialogs, the line edits' context menus.
        install(app,
                QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_"_s + code +
                    u".qm"_s,
                u"Qt"_s);
    }
    qCDebug(lcI18n) << "language" << setting << "->" << locale.name();
    return locale;
}

void removeTranslations(QCoreApplication &app)
{
    const QList<QTranslator *> mine =
        app.findChildren<QTranslator *>(translatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : mine) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::system());
}

namespace {

QString timeFormat(const QLocale &locale, bool seconds)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (locale.language() == QLocale::Danish)
        format.replace(u"HH.mm"_s, u"HH:mm"_s);
    if (seconds && !format.contains(u"ss"_s))
        format.replace(u"mm"_s, u"mm:ss"_s);
    return format;
}

} // namespace

QString dateFormat()
{
    // The locale's short date, with a four-digit year: "12/7/26" is ambiguous, and the date
    // editors showed 2026 while the details said 26.
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(u"yyyy"_s))
        format.replace(u"yy"_s, u"yyyy"_s);
    return format;
}

QString dateTimeFormat(bool seconds)
{
    return dateFormat() + u' ' + timeFormat(QLocale(), seconds);
}

QString formatDateTime(const QDateTime &when)
{
    return QLocale().toString(when, dateTimeFormat(false));
}

QString formatTime(const QTime &when, bool seconds)
{
    const QLocale locale;
    return locale.toString(when, timeFormat(locale, seconds));
}

QString formatDateTimeSeconds(const QDateTime &when)
{
    return QLocale().toString(when, dateTimeFormat(true));
}

} // namespace fbm
