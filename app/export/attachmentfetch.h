#pragma once

#include "attachmentlinks.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

namespace fbm {

class JobHost;
class Transfer;
struct HttpResponse;

/// The attachments of an export whose every file is saved, when the job asks for them (the
/// profile's choice, --attachments): the files that its DocumentReference and DiagnosticReport
/// resources name by URL on the export's own server are saved into `attachments/`, with the
/// export's token rules (the client sends the token only to the FHIR server's origin), a size
/// limit, and names made from the resource (`DocumentReference.<id>.<n>.pdf`). A declared size
/// or SHA-1 hash is checked; a FHIR Binary resource answered instead of the bytes is decoded.
/// Fetched before the server is told that the export may go, since the export's storage may
/// hold them too. One that cannot be fetched is named in attachmentProblem and the job still
/// ends Saved: the export's files are whole. Saved attachments are not fetched again (a
/// restart repeats only what is missing).
class AttachmentFetch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentFetch)
public:
    /// The largest attachment saved; a larger one fails (a scanned chart is tens of MB).
    static constexpr qint64 kMaxBytes = qint64(1) << 30;
    /// Attachments fetched at once per export.
    static constexpr int kParallel = 2;
    /// Failures named one by one in attachmentProblem; the rest are counted.
    static constexpr int kNamedFailures = 3;

    explicit AttachmentFetch(JobHost *host, QObject *parent = nullptr);
    ~AttachmentFetch() override;

    /// Every file of the job is saved: fetch its attachments (if it asks for them), then done().
    void fetch(const QString &id);

Q_SIGNALS:
    /// The job's attachments are saved or given up on (or it asks for none).
    void done(const QString &id);

private:
    struct Run;
    struct Active;
    void onScanned(const QString &id, const AttachmentLinks::Scan &scan);
    void pump(const QString &id);
    void start(const QString &id, const AttachmentLink &link);
    void onReadyRead(Transfer *t);
    void onFinished(Transfer *t, const HttpResponse &r);
    /// Why the saved bytes are not the attachment (empty when they are); may rewrite the .part
    /// (a Binary resource decoded).
    [[nodiscard]] QString check(Active &a, const HttpResponse &r);
    void failed(const QString &id, const AttachmentLink &link, const QString &why, int status);
    void finish(const QString &id);
    /// The job still waits for its attachments (not cancelled, retried or removed since).
    [[nodiscard]] bool stillFetching(const QString &id) const;

    JobHost *m_host;
    QHash<QString, std::shared_ptr<Run>> m_runs; ///< by job
    QHash<Transfer *, std::shared_ptr<Active>> m_active;
};

} // namespace fbm
