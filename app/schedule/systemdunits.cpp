#include "systemdunits.h"

using namespace Qt::StringLiterals;

namespace fbm::SystemdUnits {

QString unitBaseName(const QString &scheduleName)
{
    return u"fhir-bulk-monitor-"_s + scheduleName;
}

QString serviceName(const QString &scheduleName)
{
    return unitBaseName(scheduleName) + u".service"_s;
}

QString timerName(const QString &scheduleName)
{
    return unitBaseName(scheduleName) + u".timer"_s;
}

QString quoted(const QString &word)
{
    QString q;
    q.reserve(word.size() + 2);
    q += u'"';
    for (const QChar c : word) {
        switch (c.unicode()) {
        case u'\\':
            q += u"\\\\"_s;
            break;
        case u'"':
            q += u"\\\""_s;
            break;
        case u'%':
            q += u"%%"_s;
            break;
        case u'$':
            q += u"$$"_s;
            break;
        case u'\n':
            q += u"\\n"_s;
            break;
        case u'\t':
            q += u"\\t"_s;
            break;
        default:
            q += c;
        }
    }
    q += u'"';
    return q;
}

QString execLine(const QStringList &argv)
{
    QStringList words;
    words.reserve(argv.size());
    for (const QString &w : argv)
        words << quoted(w);
    return words.join(u' ');
}

std::optional<QStringList> parseExecLine(const QString &line)
{
    QStringList words;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && line.at(i) == u' ')
            ++i;
        if (i == n)
            break;
        if (line.at(i) != u'"')
            return std::nullopt;
        ++i;
        QString word;
        bool closed = false;
        while (i < n) {
            const QChar c = line.at(i++);
            if (c == u'"') {
                closed = true;
                break;
            }
            if (c == u'\\' && i < n) {
                const QChar e = line.at(i++);
                word += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e;
            } else if ((c == u'%' || c == u'$') && i < n && line.at(i) == c) {
                word += c;
                ++i;
            } else {
                word += c;
            }
        }
        if (!closed)
            return std::nullopt;
        words << word;
    }
    return words;
}

QString service(const Schedule &schedule, const QString &program)
{
    // Description= expands specifiers too: the name has none (nameProblem() allows no %).
    return u"[Unit]\n"
           "Description=FHIR Bulk Monitor: scheduled export %1\n"
           "\n"
           "[Service]\n"
           "Type=oneshot\n"
           "ExecStart=%2\n"_s.arg(schedule.name, execLine(schedule.command(program)));
}

QString timer(const Schedule &schedule)
{
    return u"[Unit]\n"
           "Description=FHIR Bulk Monitor: scheduled export %1 (%2)\n"
           "\n"
           "[Timer]\n"
           "OnCalendar=%3\n"
           "Persistent=true\n"
           "Unit=%4\n"
           "\n"
           "[Install]\n"
           "WantedBy=timers.target\n"_s.arg(schedule.name, schedule.calendarWords(),
                                            schedule.onCalendar(), serviceName(schedule.name));
}

QString crontabLine(const Schedule &schedule, const QString &program)
{
    QStringList words;
    for (const QString &w : schedule.command(program)) {
        QString q = w;
        q.replace(u"'"_s, u"'\\''"_s);
        q.replace(u"%"_s, u"\\%"_s);
        words << u'\'' + q + u'\'';
    }
    return schedule.cronTime() + u' ' + words.join(u' ');
}

} // namespace fbm::SystemdUnits
