#pragma once

#include "demo/bulkserver.h"
#include "demo/http/frontend.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

namespace fbm::test {

/// Misbehaviour of one file's download.
struct FileFault
{
    enum class Kind
    {
        None,
        DropAt,
        Stall,
        ServerError,
        IgnoreRange,
        Slow,
        Redirect, ///< 302 to `location`
        /// Serves the file cut after the last whole line before `fraction`, as a complete body:
        /// fewer resources than the manifest's count promised.
        Truncate,
    };
    Kind kind = Kind::None;
    double fraction = 0.5; ///< DropAt/Stall/Truncate: where in the body to abort, stop or cut
    int stallMs = -1;      ///< Stall: resume after this many ms (-1: never)
    int status = 503;      ///< ServerError status (with an OperationOutcome body)
    /// How many requests for this file are faulted before it behaves (IgnoreRange/Slow: always).
    int times = 1;
    qint64 bytesPerSecond = 0; ///< Slow
    QByteArray location;       ///< Redirect
};

/// The tests' bulk server: the demo's BulkServer, which also records every request it receives
/// and serves files the way broken servers and object stores do when told to. None of this
/// ships: the demo mode and the demo-server command run the plain BulkServer.
class FaultyBulkServer final : public demo::BulkServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultyBulkServer)
public:
    /// A request as received, on either origin.
    using Recorded = demo::http::Request;

    explicit FaultyBulkServer(QObject *parent = nullptr);
    ~FaultyBulkServer() override;

    /// fileIndex: an index into files().
    void setFileFault(int fileIndex, const FileFault &fault);
    /// Gzips the file whatever the request accepts, a Range applied to the gzip bytes (as a
    /// misconfigured server or object store does).
    void setGzipAlways(int fileIndex);
    /// Serves exactly `body` for the file, with Content-Encoding: contentEncoding (a bomb, or an
    /// encoding the client cannot read); the file's content is then what it decodes to, if
    /// anything.
    void setEncodedBody(int fileIndex, const QByteArray &body,
                        const QByteArray &contentEncoding = QByteArrayLiteral("gzip"));

    [[nodiscard]] QList<Recorded> requests() const { return m_recorded; } ///< in order
    void clearRequests() { m_recorded.clear(); }
    [[nodiscard]] QString lastJobId() const { return m_lastJobId; }

Q_SIGNALS:
    void requestReceived(const QByteArray &method, const QUrl &url);

protected:
    void requestArrived(const demo::http::Request &request) override;
    void jobStarted(const QString &id) override;
    void answerFile(const demo::http::Request &request, QTcpSocket *socket, int index) override;
    void answerBinaryResource(const demo::http::Request &request, QTcpSocket *socket,
                              const QString &jobId, int index) override;

private:
    /// The fault to apply to this request for file index (and count it).
    FileFault takeFault(int index);

    struct Encoded
    {
        QByteArray body;
        QByteArray contentEncoding;
    };

    QHash<int, FileFault> m_faults;
    QHash<int, int> m_faultsLeft;
    QSet<int> m_gzipAlways;
    QHash<int, Encoded> m_encoded;
    QList<Recorded> m_recorded;
    QString m_lastJobId;
};

} // namespace fbm::test

Q_DECLARE_METATYPE(fbm::test::FileFault)
