#pragma once

#include "activity.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

class QTcpSocket;

namespace fbm::demo::http {

struct Request;

/// The reason phrase for an HTTP status; a generic one for codes outside the usual table,
/// because scripted answers may use any status a misbehaving server could send.
[[nodiscard]] QByteArray reasonPhrase(int status);

/// Status line, headers and the blank line that ends them (HTTP/1.1).
[[nodiscard]] QByteArray responseHead(int status, const HeaderList &headers);

/// A whole answer, built before it is written.
struct Reply
{
    int status = 200;
    HeaderList headers; ///< without Content-Length
    QByteArray body;
};

/// Writes a whole answer as it is: the status line, headers, Content-Length and the body, to a
/// HEAD too, leaving the connection open whatever the client asked (as Qt HttpServer's
/// responder did for the report and token servers, which keep that). Nothing when the
/// connection is gone.
void write(QTcpSocket *socket, const Reply &reply);

/// As write(), minding the request: no body to a HEAD, and the connection ends after the
/// answer when the client asked for that.
void respond(QTcpSocket *socket, const Request &request, int status, HeaderList headers,
             const QByteArray &body = {});

/// One byte range of a representation of `total` bytes, already checked against it.
struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; ///< inclusive
};

/// The outcome of reading a Range header.
struct RangeRequest
{
    enum class Kind
    {
        None,
        Satisfiable,
        Unsatisfiable
    };
    Kind kind = Kind::None; ///< None: no usable single byte range, answer the whole body
    ByteRange range;
};

/// Reads "bytes=N-", "bytes=N-M" and "bytes=-S". Several ranges, other units or garbage are
/// ignored (a server may always answer 200 with the whole body instead).
[[nodiscard]] RangeRequest parseRange(QByteArrayView header, qint64 total);

/// Whether an Accept/Accept-Encoding style list names token (case-insensitive, parameters such
/// as ";q=" ignored, a q=0 entry counts as refused).
[[nodiscard]] bool listAccepts(QByteArrayView headerValue, QByteArrayView token);

/// The media types of an Accept header, in the order given, without parameters, lower case.
[[nodiscard]] QList<QByteArray> mediaTypes(QByteArrayView acceptHeader);

} // namespace fbm::demo::http
