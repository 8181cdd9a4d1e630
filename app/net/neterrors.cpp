#include "neterrors.h"

#include <curl/curl.h>

namespace fbm {

/// The one place that turns libcurl's failures into sentences.
Error NetErrors::fromCurl(const QUrl &url, int curlCode, const char *errorText)
{
    const QString host = url.host();
    QString detail = QString::fromUtf8(errorText).trimmed();
    if (detail.isEmpty())
        detail = QString::fromUtf8(curl_easy_strerror(CURLcode(curlCode)));
    QString message;
    bool transient = true;
    switch (curlCode) {
    case CURLE_COULDNT_CONNECT:
        //: %1 is a host name
        message = tr("The server %1 refused the connection. Is the address right and "
                     "the server running?")
                      .arg(host);
        break;
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        message =
            tr("The server %1 closed the connection before the answer was complete.").arg(host);
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
        message = tr("The server name %1 could not be found. Check the address and the network.")
                      .arg(host);
        break;
    case CURLE_OPERATION_TIMEDOUT:
        message = tr("The server %1 did not answer in time.").arg(host);
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        message =
            tr("The secure connection to %1 failed: %2. The server's certificate is not trusted; "
               "if your organisation uses its own certificate authority, add its certificate to "
               "the server profile.")
                .arg(host, detail);
        transient = false;
        break;
    default:
        //: %1 is a host name, %2 the network library's description of the failure
        message = tr("The connection to %1 failed: %2").arg(host, detail);
        break;
    }
    return Error::make(Error::Kind::Network, message, detail, 0, transient);
}

/// No byte arrived for timeoutMs.
Error NetErrors::stalled(const QUrl &url, int timeoutMs)
{
    //: %1 is a host name, %2 a number of seconds
    return Error::make(Error::Kind::Network,
                       tr("Nothing arrived from %1 for %2 seconds; the transfer was stopped.")
                           .arg(url.host())
                           .arg(timeoutMs / 1000),
                       {}, 0, true);
}

} // namespace fbm
