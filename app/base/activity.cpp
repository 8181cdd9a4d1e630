#include "activity.h"

#include <QJsonArray>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace fbm {

QJsonObject ActivityEntry::toJson() const
{
    QJsonObject o;
    o.insert(u"at"_s, at.toString(Qt::ISODateWithMs));
    o.insert(u"method"_s, QString::fromLatin1(method));
    o.insert(u"url"_s, url.toString(QUrl::FullyEncoded));
    o.insert(u"status"_s, status);
    o.insert(u"ms"_s, elapsedMs);
    QJsonArray headers;
    for (const auto &h : requestHeaders)
        headers.append(QJsonArray{QString::fromLatin1(h.first), QString::fromLatin1(h.second)});
    o.insert(u"headers"_s, headers);
    if (!requestBody.isEmpty())
        o.insert(u"body"_s, QString::fromUtf8(requestBody));
    if (!note.isEmpty())
        o.insert(u"note"_s, note);
    return o;
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendJsonString(QByteArray &out, const QString &text)
{
    appendJsonString(out, QByteArrayView(text.toUtf8()));
}

namespace {

/// Method and header bytes are Latin-1 (as toJson() reads them); JSON wants UTF-8.
void appendLatin1JsonString(QByteArray &out, const QByteArray &latin1)
{
    appendJsonString(out, QString::fromLatin1(latin1));
}

} // namespace

void ActivityEntry::appendJson(QByteArray &out) const
{
    out += "{\"at\":";
    if (at.timeSpec() == Qt::UTC && at.isValid() && at.date().year() >= 1000 &&
        at.date().year() <= 9999) {
        // What toString(Qt::ISODateWithMs) gives for UTC, without its general formatter.
        const QDate d = at.date();
        const QTime t = at.time();
        char buf[32];
        const int n =
            std::snprintf(buf, sizeof buf, "\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"", d.year(),
                          d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec());
        out.append(buf, n);
    } else {
        appendJsonString(out, at.toString(Qt::ISODateWithMs));
    }
    out += ",\"method\":";
    appendLatin1JsonString(out, method);
    out += ",\"url\":";
    appendJsonString(out, url.toString(QUrl::FullyEncoded));
    out += ",\"status\":" + QByteArray::number(status);
    out += ",\"ms\":" + QByteArray::number(elapsedMs);
    out += ",\"headers\":[";
    for (qsizetype i = 0; i < requestHeaders.size(); ++i) {
        if (i > 0)
            out += ',';
        out += '[';
        appendLatin1JsonString(out, requestHeaders[i].first);
        out += ',';
        appendLatin1JsonString(out, requestHeaders[i].second);
        out += ']';
    }
    out += ']';
    if (!requestBody.isEmpty()) {
        out += ",\"body\":";
        appendJsonString(out, QString::fromUtf8(requestBody));
    }
    if (!note.isEmpty()) {
        out += ",\"note\":";
        appendJsonString(out, note);
    }
    out += '}';
}

ActivityEntry ActivityEntry::fromJson(const QJsonObject &o)
{
    ActivityEntry e;
    e.at = QDateTime::fromString(o.value("at"_L1).toString(), Qt::ISODateWithMs);
    e.method = o.value("method"_L1).toString().toLatin1();
    e.url = QUrl(o.value("url"_L1).toString(), QUrl::StrictMode);
    e.status = o.value("status"_L1).toInt();
    e.elapsedMs = qint64(o.value("ms"_L1).toDouble());
    for (const QJsonValue &h : o.value("headers"_L1).toArray()) {
        const QJsonArray pair = h.toArray();
        e.requestHeaders.append(
            {pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
    }
    e.requestBody = o.value("body"_L1).toString().toUtf8();
    e.note = o.value("note"_L1).toString();
    return e;
}

namespace {
QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(u'\'', u"'\\''"_s);
    return u'\'' + q + u'\'';
}
} // namespace

QString ActivityEntry::toCurl() const
{
    QStringList parts{u"curl"_s};
    if (method != "GET")
        parts << u"-X"_s << QString::fromLatin1(method);
    for (const auto &h : requestHeaders) {
        QString value = QString::fromLatin1(h.second);
        if (h.first.compare("authorization", Qt::CaseInsensitive) == 0)
            value = u"Bearer $TOKEN"_s; // the token is never stored; the user supplies it
        const QString header = QString::fromLatin1(h.first) + u": "_s + value;
        parts << u"-H"_s << (value.contains(u'$') ? u'"' + header + u'"' : shellQuote(header));
    }
    if (!requestBody.isEmpty())
        parts << u"--data-binary"_s << shellQuote(QString::fromUtf8(requestBody));
    parts << shellQuote(url.toString(QUrl::FullyEncoded));
    return parts.join(u' ');
}

} // namespace fbm
