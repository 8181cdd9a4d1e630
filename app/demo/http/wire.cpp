#include "wire.h"

#include "frontend.h"

#include <QTcpSocket>

#include <optional>

namespace fbm::demo::http {

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

QByteArray responseHead(int status, const HeaderList &headers)
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

static bool writeHead(QTcpSocket *socket, int status, HeaderList headers, qint64 length)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return false;
    headers.append({"Content-Length", QByteArray::number(length)});
    socket->write(responseHead(status, headers));
    return true;
}

void write(QTcpSocket *socket, const Reply &reply)
{
    if (writeHead(socket, reply.status, reply.headers, reply.body.size()))
        socket->write(reply.body);
}

void respond(QTcpSocket *socket, const Request &request, int status, HeaderList headers,
             const QByteArray &body)
{
    if (!writeHead(socket, status, std::move(headers), body.size()))
        return;
    if (!request.isHead())
        socket->write(body);
    if (request.closeAfter())
        socket->disconnectFromHost();
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

} // namespace fbm::demo::http
