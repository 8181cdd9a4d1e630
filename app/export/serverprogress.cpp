#include "serverprogress.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// A count as servers write it, with or without grouping ("1,000", "1.000", "1 000").
std::optional<double> count(QString digits)
{
    digits.remove(QRegularExpression(u"[,.\\s\\x{00a0}\\x{202f}']"_s));
    bool ok = false;
    const double value = digits.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

std::optional<double> ratio(const std::optional<double> &done, const std::optional<double> &all)
{
    if (!done || !all || *all <= 0 || *done < 0 || *done > *all)
        return std::nullopt;
    return *done / *all;
}

} // namespace

std::optional<double> ServerProgress::fraction(const QString &xProgress)
{
    if (xProgress.size() > 1024)
        return std::nullopt;
    // "45%", "45.5 %", "45,5 %": a percentage, the most common form.
    static const QRegularExpression percent(u"(?<![\\d.,])(\\d{1,3}(?:[.,]\\d+)?)\\s*%"_s);
    if (const auto m = percent.match(xProgress); m.hasMatch()) {
        QString number = m.captured(1);
        number.replace(u',', u'.');
        bool ok = false;
        const double value = number.toDouble(&ok);
        if (ok && value >= 0 && value <= 100)
            return value / 100.0;
        return std::nullopt;
    }
    // "954 of 1,000", "3 out of 7": a count of a whole. Groups of three after a separator
    // only, so that "1,000" is a thousand and "3, 7" is not one number.
    static const QRegularExpression of(
        u"(?<![\\d.,/])(\\d{1,3}(?:[,.\\x{00a0}\\x{202f} ]\\d{3})+|\\d+)\\s+(?:of|out of)\\s+"
        "(\\d{1,3}(?:[,.\\x{00a0}\\x{202f} ]\\d{3})+|\\d+)(?![\\d/])"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = of.match(xProgress); m.hasMatch())
        return ratio(count(m.captured(1)), count(m.captured(2)));
    // "3/7", but not a date such as 12/7/26 or 2026/12/07.
    static const QRegularExpression slash(u"(?<![\\d/.,-])(\\d+)\\s*/\\s*(\\d+)(?![\\d/.,-])"_s);
    if (const auto m = slash.match(xProgress); m.hasMatch())
        return ratio(count(m.captured(1)), count(m.captured(2)));
    return std::nullopt;
}

} // namespace fbm
