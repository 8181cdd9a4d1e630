#include "fhirpathboundary.h"

#include <QDate>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fbm::fhirpath {

namespace {

/// "12", "12:34", "12:34:56" or "12:34:56.7" filled to milliseconds.
QString fillTime(const QString &t, bool high)
{
    const QStringList parts = t.split(u':');
    QString out = parts.value(0).isEmpty() ? (high ? u"23"_s : u"00"_s) : parts.at(0);
    out += u':' + (parts.size() > 1 ? parts.at(1) : (high ? u"59"_s : u"00"_s));
    QString seconds = parts.size() > 2 ? parts.at(2) : (high ? u"59"_s : u"00"_s);
    const qsizetype dot = seconds.indexOf(u'.');
    QString fraction = dot < 0 ? QString() : seconds.mid(dot + 1);
    if (dot >= 0)
        seconds.truncate(dot);
    while (fraction.size() < 3)
        fraction += high ? u'9' : u'0';
    return out + u':' + seconds + u'.' + fraction;
}

/// "1970", "1970-06" or "1970-06-15" filled to a day; empty when it is no date.
QString fillDate(const QString &d, bool high)
{
    const QStringList parts = d.split(u'-');
    bool ok = false;
    const int year = parts.value(0).toInt(&ok);
    if (!ok || parts.value(0).size() != 4)
        return {};
    const int month = parts.size() > 1 ? parts.at(1).toInt() : (high ? 12 : 1);
    int day = parts.size() > 2 ? parts.at(2).toInt() : 1;
    if (parts.size() < 3 && high)
        day = QDate(year, month, 1).daysInMonth();
    const QDate date(year, month, day);
    return date.isValid() ? date.toString(u"yyyy-MM-dd"_s) : QString();
}

} // namespace

std::optional<Item> boundary(const Item &item, const QString &type, bool high)
{
    QString t = type;
    if (item.value.isDouble() && (t == "integer"_L1 || t.isEmpty()))
        t = u"decimal"_s;
    if (t == "decimal"_L1 && item.value.isDouble()) {
        // The precision is that of the shortest form of the number: JSON keeps no trailing
        // zeros (1.0 reads as 1).
        const double v = item.value.toDouble();
        const QString text = QString::number(v, 'g', QLocale::FloatingPointShortest);
        const qsizetype dot = text.indexOf(u'.');
        const int digits = dot < 0 ? 0 : int(text.size() - dot - 1);
        const double half = 0.5 * std::pow(10.0, -digits);
        const double b = high ? v + half : v - half;
        const double scale = std::pow(10.0, digits + 1);
        return Item{std::round(b * scale) / scale, u"decimal"_s};
    }
    if (!item.value.isString())
        return std::nullopt;
    const QString s = item.value.toString();
    if (t == "string"_L1 || t.isEmpty()) {
        static const QRegularExpression date(u"^\\d{4}(-\\d\\d(-\\d\\d)?)?$"_s);
        static const QRegularExpression dateTime(u"^\\d{4}(-\\d\\d(-\\d\\d)?)?T"_s);
        static const QRegularExpression time(u"^\\d\\d(:\\d\\d(:\\d\\d(\\.\\d+)?)?)?$"_s);
        if (date.match(s).hasMatch())
            t = u"date"_s;
        else if (dateTime.match(s).hasMatch())
            t = u"dateTime"_s;
        else if (time.match(s).hasMatch())
            t = u"time"_s;
        else
            return std::nullopt;
    }
    if (t == "time"_L1)
        return Item{fillTime(s, high), u"time"_s};
    if (t == "date"_L1) {
        const QString d = fillDate(s.left(10), high);
        return d.isEmpty() ? std::nullopt : std::optional<Item>(Item{d, u"date"_s});
    }
    if (t != "dateTime"_L1 && t != "instant"_L1)
        return std::nullopt;
    const qsizetype tpos = s.indexOf(u'T');
    const QString d = fillDate(tpos < 0 ? s : s.left(tpos), high);
    if (d.isEmpty())
        return std::nullopt;
    QString time = tpos < 0 ? QString() : s.mid(tpos + 1);
    QString zone = high ? u"-12:00"_s : u"+14:00"_s;
    static const QRegularExpression zoneAtEnd(u"(Z|[+-]\\d\\d:\\d\\d)$"_s);
    const auto m = zoneAtEnd.match(time);
    if (m.hasMatch()) {
        zone = m.captured(1);
        time.chop(m.capturedLength());
    }
    return Item{QString(d + u'T' + fillTime(time, high) + zone), u"dateTime"_s};
}

} // namespace fbm::fhirpath
