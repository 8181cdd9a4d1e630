#pragma once

#include "activity.h"
#include "bulk/script.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace fbm {
class Clock;
}

namespace fbm::demo {

namespace http {
struct Request;
}
namespace bulk {
class BodyStream;
struct FileBody;
class ServedFiles;
} // namespace bulk

/// A simulated FHIR Bulk Data server on 127.0.0.1: the app's demo mode, the demo-server
/// command and the tests' server.
///
/// Two origins: the FHIR base (baseUrl()) and a "storage" origin (fileOrigin()) standing for a
/// pre-signed object store. Endpoints on the base: GET|POST $export, Patient/$export,
/// Group/<id>/$export, the flavor's status URL (GET, DELETE), the file URLs, metadata,
/// .well-known/smart-configuration, Group (search) and Group/<id> (read).
///
/// It answers as a server that works. The protected hooks let a subclass (the tests'
/// FaultyBulkServer) watch the requests and answer file requests the way a broken server does.
class BulkServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkServer)
public:
    using JobInfo = demo::JobInfo;

    explicit BulkServer(QObject *parent = nullptr);
    ~BulkServer() override;

    /// Listens on 127.0.0.1 only (port 0: any free port) and starts the storage origin on
    /// another free port. False when the port cannot be bound or the server already listens.
    bool listen(quint16 port = 0);
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] QUrl baseUrl() const;    ///< http://127.0.0.1:<port>/fhir (no trailing slash)
    [[nodiscard]] QUrl fileOrigin() const; ///< http://127.0.0.1:<otherport>
    /// <fileOrigin>/attachments/<id>: an attachment on the storage origin.
    [[nodiscard]] QUrl storageAttachmentUrl(const QString &id) const;
    [[nodiscard]] quint16 port() const;

    void setScript(const Script &script); ///< applies to jobs kicked off afterwards
    [[nodiscard]] Script script() const;
    void setFiles(const QList<ServedFile> &files); ///< the export's files, in manifest order
    [[nodiscard]] QList<ServedFile> files() const;
    /// Files the export's resources name as attachments (see ServedAttachment).
    void setAttachments(const QList<ServedAttachment> &attachments);
    /// A small synthetic data set (Patient, Observation, Condition, Encounter,
    /// MedicationRequest, an error file with a warning OperationOutcome), deterministic, a few
    /// hundred lines. Sets the files only; the script is left as it is.
    void seedDemoData();
    /// The groups Group search and Group/<id>/$export know; by default demo-group-1 and
    /// demo-group-2. Pairs of id and name.
    void setGroups(const QList<QPair<QString, QString>> &idAndName);
    [[nodiscard]] QList<QPair<QString, QString>> groups() const;

    /// Bytes of file i exactly as a client must end up with them (decompressed; generated ones
    /// too, built in memory, so keep those small).
    [[nodiscard]] QByteArray expectedContent(int fileIndex) const;
    /// length bytes of expectedContent(fileIndex) from offset, without building the whole file.
    [[nodiscard]] QByteArray contentSlice(int fileIndex, qint64 offset, qint64 length) const;
    [[nodiscard]] qint64 expectedSize(int fileIndex) const;
    [[nodiscard]] qint64 lineCount(int fileIndex) const;

    /// Authorization: when a validator is set, every request except
    /// /.well-known/smart-configuration, /metadata and the storage origin must carry
    /// "Authorization: Bearer <t>" with validator(t) == true, else 401 + OperationOutcome.
    /// File downloads on the base need it only when the job's manifest says requiresAccessToken.
    void setTokenValidator(std::function<bool(const QByteArray &token)> validator);
    /// Served at <base>/.well-known/smart-configuration (404 while empty).
    void setSmartConfiguration(const QJsonObject &config);
    /// The source of "now" for transactionTime, Expires, Date and X-Progress times; the
    /// system clock unless set (nullptr sets it back). Not owned: it must outlive the server.
    void setClock(const Clock *clock);

    [[nodiscard]] int jobCount() const;
    [[nodiscard]] bool jobCancelled(const QString &id) const;
    [[nodiscard]] JobInfo jobInfo(const QString &id) const; ///< a default JobInfo when unknown
    [[nodiscard]] QUrl statusUrl(const QString &id) const;  ///< the job's absolute status URL

protected:
    /// A request arrived on either origin and is about to be answered. An override may delete
    /// the server: the request is then dropped.
    virtual void requestArrived(const http::Request &request);
    /// A kick-off started job `id`.
    virtual void jobStarted(const QString &id);
    /// A GET or HEAD for the bytes of file `index`, on the base or the storage origin. The
    /// default sends fileBody() with sendFile().
    virtual void answerFile(const http::Request &request, QTcpSocket *socket, int index);
    /// A request for file `index` of job `jobId` as a FHIR Binary resource (HAPI's Binary read
    /// with a FHIR JSON Accept). The default sends the resource.
    virtual void answerBinaryResource(const http::Request &request, QTcpSocket *socket,
                                      const QString &jobId, int index);

    // For the hooks.
    [[nodiscard]] bulk::ServedFiles &servedFiles();
    /// The representation a working server sends: gzip when the file has one and the client
    /// takes it, else the file as it is.
    [[nodiscard]] bulk::FileBody fileBody(const http::Request &request, int index);
    /// Writes the head of the answer (206 for a satisfiable Range when honourRange, else 200;
    /// 416 for an unsatisfiable one) and returns the body's stream, not started; nullptr when
    /// there is no body to send.
    [[nodiscard]] bulk::BodyStream *sendFile(const http::Request &request, QTcpSocket *socket,
                                             int index, bulk::FileBody body,
                                             bool honourRange = true);
    /// A whole answer with the server's Date header, Content-Type when given.
    void respond(QTcpSocket *socket, const http::Request &request, int status, HeaderList headers,
                 const QByteArray &body = {}, const QByteArray &contentType = {});
    /// An answer with an OperationOutcome of one issue.
    void respondOutcome(QTcpSocket *socket, const http::Request &request, int status,
                        const QString &severity, const QString &code, const QString &diagnostics,
                        HeaderList headers = {});

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace fbm::demo
