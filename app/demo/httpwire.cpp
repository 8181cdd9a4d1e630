#include "httpwire.h"

#include <QLocale>
#include <QtEndian>

#include <array>

namespace fbm::demo::wire {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 206:
        return QByteArrayLiteral("Partial Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 303:
        return QByteArrayLiteral("See Other");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 308:
        return QByteArrayLiteral("Permanent Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 406:
        return QByteArrayLiteral("Not Acceptable");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 416:
        return QByteArrayLiteral("Range Not Satisfiable");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        break;
    }
    if (status >= 500)
        return QByteArrayLiteral("Server Error");
    if (status >= 400)
        return QByteArrayLiteral("Client Error");
    if (status >= 300)
        return QByteArrayLiteral("Redirection");
    return QByteArrayLiteral("Status");
}

QByteArray responseHead(int status, const Headers &headers)
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 ";
    head += QByteArray::number(status);
    head += ' ';
    head += reasonPhrase(status);
    head += "\r\n";
    for (const auto &h : headers) {
        head += h.first;
        head += ": ";
        head += h.second;
        head += "\r\n";
    }
    head += "\r\n";
    return head;
}

QByteArray httpDate(const QDateTime &when)
{
    return QLocale::c()
        .toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

static std::optional<qint64> parseDigits(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

RangeRequest parseRange(QByteArrayView header, qint64 total)
{
    RangeRequest result;
    const QByteArray h = header.toByteArray().trimmed();
    if (!h.toLower().startsWith("bytes="))
        return result;
    const QByteArray spec = h.mid(6).trimmed();
    if (spec.contains(','))
        return result;
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return result;
    const QByteArray a = spec.left(dash).trimmed();
    const QByteArray b = spec.mid(dash + 1).trimmed();
    if (a.isEmpty()) {
        // suffix range: the last S bytes
        const auto suffix = parseDigits(b);
        if (!suffix)
            return result;
        if (*suffix == 0 || total == 0) {
            result.kind = RangeRequest::Kind::Unsatisfiable;
            return result;
        }
        result.kind = RangeRequest::Kind::Satisfiable;
        result.range.first = qMax<qint64>(0, total - *suffix);
        result.range.last = total - 1;
        return result;
    }
    const auto first = parseDigits(a);
    if (!first)
        return result;
    std::optional<qint64> last;
    if (!b.isEmpty()) {
        last = parseDigits(b);
        if (!last || *last < *first)
            return result; // syntactically invalid: ignore the header
    }
    if (*first >= total) {
        result.kind = RangeRequest::Kind::Unsatisfiable;
        return result;
    }
    result.kind = RangeRequest::Kind::Satisfiable;
    result.range.first = *first;
    result.range.last = last ? qMin(*last, total - 1) : total - 1;
    return result;
}

static QList<QPair<QByteArray, double>> qualityList(QByteArrayView headerValue)
{
    QList<QPair<QByteArray, double>> out;
    const QList<QByteArray> parts = headerValue.toByteArray().split(',');
    for (const QByteArray &part : parts) {
        const QList<QByteArray> pieces = part.split(';');
        const QByteArray name = pieces.value(0).trimmed().toLower();
        if (name.isEmpty())
            continue;
        double q = 1.0;
        for (qsizetype i = 1; i < pieces.size(); ++i) {
            const QByteArray param = pieces.at(i).trimmed().toLower();
            if (param.startsWith("q=")) {
                bool ok = false;
                const double v = param.mid(2).toDouble(&ok);
                if (ok)
                    q = v;
            }
        }
        out.append({name, q});
    }
    return out;
}

bool listAccepts(QByteArrayView headerValue, QByteArrayView token)
{
    const QByteArray wanted = token.toByteArray().toLower();
    const auto list = qualityList(headerValue);
    for (const auto &entry : list) {
        if (entry.first == wanted)
            return entry.second > 0.0;
    }
    return false;
}

QList<QByteArray> mediaTypes(QByteArrayView acceptHeader)
{
    QList<QByteArray> out;
    const auto list = qualityList(acceptHeader);
    for (const auto &entry : list) {
        if (entry.second > 0.0)
            out.append(entry.first);
    }
    return out;
}

static const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

quint32 crc32(const QByteArray &data)
{
    const auto &table = crcTable();
    quint32 c = 0xFFFFFFFFu;
    for (char ch : data)
        c = table[(c ^ quint8(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray gzip(const QByteArray &data)
{
    // qCompress = 4-byte big-endian length + zlib stream (2-byte header, raw deflate, 4-byte
    // Adler-32). gzip wants the same raw deflate between its own header and trailer.
    const QByteArray z = qCompress(data, 9);
    const QByteArray deflate = z.mid(4 + 2, z.size() - 4 - 2 - 4);
    QByteArray out;
    out.reserve(deflate.size() + 18);
    static const char header[10] = {'\x1f', '\x8b', '\x08', 0, 0, 0, 0, 0, '\x02', '\x03'};
    out.append(header, sizeof header);
    out.append(deflate);
    char trailer[8];
    qToLittleEndian<quint32>(crc32(data), trailer);
    qToLittleEndian<quint32>(quint32(data.size()), trailer + 4);
    out.append(trailer, sizeof trailer);
    return out;
}

} // namespace fbm::demo::wire
