#include "retrypolicy.h"

#include <QList>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace fbm {

namespace {

int monthFromName(QByteArrayView name)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    const QByteArray lower = name.toByteArray().toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == months[i])
            return i + 1;
    }
    return 0;
}

QDateTime makeUtc(int year, int month, int day, int h, int m, int s)
{
    const QDate date(year, month, day);
    const QTime time(h, m, s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime parseHttpDate(QByteArrayView value)
{
    const QString s = QString::fromLatin1(value.toByteArray()).simplified();
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    static const QRegularExpression imf(QStringLiteral(
        "^[A-Za-z]{3}, (\\d{1,2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) (GMT|UTC)$"));
    // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
    static const QRegularExpression rfc850(QStringLiteral(
        "^[A-Za-z]+, (\\d{1,2})-([A-Za-z]{3})-(\\d{2,4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    // asctime: Sun Nov  6 08:49:37 1994
    static const QRegularExpression asctime(QStringLiteral(
        "^[A-Za-z]{3} ([A-Za-z]{3}) (\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$"));

    if (auto m = imf.match(s); m.hasMatch()) {
        return makeUtc(m.captured(3).toInt(), monthFromName(m.captured(2).toLatin1()),
                       m.captured(1).toInt(), m.captured(4).toInt(), m.captured(5).toInt(),
                       m.captured(6).toInt());
    }
    if (auto m = rfc850.match(s); m.hasMatch()) {
        int year = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            year += year < 70 ? 2000 : 1900; // RFC 9110 7.1.1.1: interpret as the nearest century
        return makeUtc(year, monthFromName(m.captured(2).toLatin1()), m.captured(1).toInt(),
                       m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    }
    if (auto m = asctime.match(s); m.hasMatch()) {
        return makeUtc(m.captured(6).toInt(), monthFromName(m.captured(1).toLatin1()),
                       m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(),
                       m.captured(5).toInt());
    }
    return {};
}

QByteArray formatHttpDate(const QDateTime &when)
{
    return QLocale::c()
        .toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

std::optional<qint64> parseRetryAfterMs(QByteArrayView retryAfter, QByteArrayView dateHeader,
                                        const QDateTime &now)
{
    const QByteArray v = retryAfter.toByteArray().trimmed();
    if (v.isEmpty())
        return std::nullopt;
    // The whole value must be digits: a date also contains digits (the reference client's bug).
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (v.size() > 12) // beyond any sane delay and beyond qint64 ms; cap as "very large"
            return std::numeric_limits<qint64>::max() / 2;
        return v.toLongLong() * 1000;
    }
    const QDateTime when = parseHttpDate(v);
    if (!when.isValid())
        return std::nullopt;
    QDateTime reference = parseHttpDate(dateHeader);
    if (!reference.isValid())
        reference = now;
    return std::max<qint64>(0, reference.msecsTo(when));
}

qint64 RetryPolicy::nextDelayMs(int attempt, std::optional<qint64> retryAfterMs,
                                double jitterUnit) const
{
    if (retryAfterMs)
        return std::clamp(*retryAfterMs, minDelayMs, std::max(minDelayMs, maxRetryAfterMs));
    const int exponent = std::clamp(attempt, 0, 30);
    double delay = double(backoffBaseMs) * std::pow(2.0, exponent);
    delay = std::min(delay, double(backoffMaxMs));
    delay *= 1.0 + jitter * std::clamp(jitterUnit, -1.0, 1.0);
    return std::clamp<qint64>(qint64(delay), minDelayMs,
                              std::max(minDelayMs, backoffMaxMs + qint64(backoffMaxMs * jitter)));
}

} // namespace fbm
