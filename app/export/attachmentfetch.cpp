#include "attachmentfetch.h"

#include "binaryresource.h"
#include "httpclient.h"
#include "jobhost.h"
#include "redact.h"
#include "transfer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr qint64 kReadBuffer = qint64(1) << 20;
/// A FHIR Binary resource answered instead of the bytes is read whole, up to this size.
constexpr qint64 kMaxBinaryResource = qint64(64) << 20;

QString attachmentsDir(const QString &outDir)
{
    return QDir(outDir).filePath(u"attachments"_s);
}

bool isJsonType(QByteArrayView contentType)
{
    const QByteArray t = contentType.toByteArray().toLower();
    return t.startsWith("application/fhir+json") || t.startsWith("application/json") ||
           t.startsWith("application/json+fhir");
}

} // namespace

struct AttachmentFetch::Run
{
    std::shared_ptr<std::atomic_bool> stop = std::make_shared<std::atomic_bool>(false);
    QList<AttachmentLink> queue;
    int inFlight = 0;
    QStringList failures; ///< the first few, named
};

struct AttachmentFetch::Active
{
    QString id;
    AttachmentLink link;
    QFile part;
    qint64 bytes = 0;
    QCryptographicHash sha1{QCryptographicHash::Sha1};
    QPointer<Transfer> transfer;
    QString abortReason; ///< why it was stopped here (too large, a write failed)
};

AttachmentFetch::AttachmentFetch(JobHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

AttachmentFetch::~AttachmentFetch()
{
    for (const std::shared_ptr<Run> &run : std::as_const(m_runs))
        run->stop->store(true);
    for (auto it = m_active.begin(); it != m_active.end(); ++it) {
        if (it.value()->transfer)
            it.value()->transfer->disconnect(this);
    }
}

bool AttachmentFetch::stillFetching(const QString &id) const
{
    const ExportJob *j = m_host->mutableJob(id);
    return j && m_runs.contains(id) &&
           (j->state == JobState::Downloading || j->state == JobState::Completed) &&
           !j->cancelRequested;
}

void AttachmentFetch::fetch(const QString &id)
{
    ExportJob *j = m_host->mutableJob(id);
    if (!j)
        return;
    if (!j->attachments) {
        Q_EMIT done(id);
        return;
    }
    if (m_runs.contains(id))
        return;
    j->attachmentsSaved = 0;
    j->attachmentBytes = 0;
    j->attachmentsFailed = 0;
    j->attachmentProblem.clear();
    QStringList paths;
    QList<QUrl> origins{j->kickoffUrl};
    for (const ExportFile &f : std::as_const(j->files)) {
        if (f.kind != FileKind::Output || f.state != FileState::Saved)
            continue;
        if (!origins.contains(f.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery)))
            origins.append(f.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery));
        if (AttachmentLinks::hasAttachments(f.type))
            paths.append(f.relativePath);
    }
    if (paths.isEmpty()) {
        Q_EMIT done(id);
        return;
    }
    auto run = std::make_shared<Run>();
    m_runs.insert(id, run);
    m_host->note(id, tr("Looking for attachments in the saved files."));
    // The files may be gigabytes: read off the engine's thread (and the window's).
    const QUrl base = m_host->clientFor(*j)->base();
    QPointer<AttachmentFetch> self(this);
    QThreadPool::globalInstance()->start(
        [self, id, folder = j->outDir, paths, base, origins, stop = run->stop] {
            const AttachmentLinks::Scan scan =
                AttachmentLinks::scan(folder, paths, base, origins, *stop);
            if (stop->load())
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, id, scan] {
                    if (self)
                        self->onScanned(id, scan);
                },
                Qt::QueuedConnection);
        });
}

void AttachmentFetch::onScanned(const QString &id, const AttachmentLinks::Scan &scan)
{
    if (!stillFetching(id)) {
        m_runs.remove(id);
        return;
    }
    Run &run = *m_runs.value(id);
    run.queue = scan.links;
    ExportJob *j = m_host->mutableJob(id);
    if (!scan.problem.isEmpty()) {
        ++j->attachmentsFailed;
        run.failures.append(scan.problem);
    }
    if (scan.elsewhere > 0)
        //: %1 is a host name
        m_host->note(id, tr("%n attachment(s) on another server (%1) were not fetched: only "
                            "the export's own server is asked.",
                            nullptr, scan.elsewhere)
                             .arg(scan.elsewhereHost));
    if (!scan.links.isEmpty())
        m_host->note(id, tr("%n attachment(s) to fetch.", nullptr, int(scan.links.size())));
    QDir().mkpath(attachmentsDir(j->outDir));
    pump(id);
}

void AttachmentFetch::pump(const QString &id)
{
    const std::shared_ptr<Run> run = m_runs.value(id);
    if (!run)
        return;
    if (!stillFetching(id)) {
        run->stop->store(true);
        if (run->inFlight == 0)
            m_runs.remove(id);
        return;
    }
    ExportJob *j = m_host->mutableJob(id);
    while (run->inFlight < kParallel && !run->queue.isEmpty()) {
        const AttachmentLink link = run->queue.takeFirst();
        const QString target = QDir(attachmentsDir(j->outDir)).filePath(link.fileName);
        if (QFileInfo(target).isFile()) { // saved before a restart
            ++j->attachmentsSaved;
            j->attachmentBytes += QFileInfo(target).size();
            continue;
        }
        start(id, link);
    }
    if (run->inFlight == 0 && run->queue.isEmpty())
        finish(id);
}

void AttachmentFetch::start(const QString &id, const AttachmentLink &link)
{
    ExportJob *j = m_host->mutableJob(id);
    auto a = std::make_shared<Active>();
    a->id = id;
    a->link = link;
    a->part.setFileName(QDir(attachmentsDir(j->outDir)).filePath(link.fileName + u".part"_s));
    if (!a->part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        //: %1 is a file, %2 the system's reason
        failed(id, link, tr("Cannot write %1: %2").arg(a->part.fileName(), a->part.errorString()),
               0);
        return;
    }
    QJsonObject request;
    request.insert("fileUrl"_L1, redactUrl(link.url).toString());
    request.insert("itemType"_L1, "attachment"_L1);
    request.insert("resourceType"_L1, link.resourceType);
    m_host->logEvent(id, u"download_request"_s, request);

    HttpCall call;
    call.url = link.url;
    // The FHIR server's Binary endpoint wants the client's token whatever the manifest said of
    // its files; the client sends it to that origin only, never to storage elsewhere.
    call.withAuth = true;
    call.headers.append(
        {"Accept"_ba, link.contentType.isEmpty() ? "*/*"_ba : link.contentType.toUtf8()});
    call.readBufferSize = kReadBuffer;
    call.log = m_host->logger(id);
    Transfer *t = m_host->clientFor(*j)->stream(call);
    a->transfer = t;
    m_active.insert(t, a);
    ++m_runs.value(id)->inFlight;
    connect(t, &Transfer::readyRead, this, [this, t] { onReadyRead(t); });
    connect(t, &Transfer::finished, this, [this, t](const HttpResponse &r) { onFinished(t, r); });
    t->start();
}

void AttachmentFetch::onReadyRead(Transfer *t)
{
    const std::shared_ptr<Active> a = m_active.value(t);
    if (!a)
        return;
    const QByteArrayView data = t->peek();
    if (!a->abortReason.isEmpty()) {
        t->consume();
        return;
    }
    if (!stillFetching(a->id)) {
        a->abortReason = tr("The export was stopped.");
        t->abort(a->abortReason);
        return;
    }
    if (a->bytes + data.size() > kMaxBytes) {
        //: %1 is a size such as "1.0 GiB"
        a->abortReason = tr("It is larger than %1, the most an attachment may have.")
                             .arg(QLocale().formattedDataSize(kMaxBytes));
        t->abort(a->abortReason);
        return;
    }
    if (a->part.write(data.data(), data.size()) != data.size()) {
        //: %1 is a file, %2 the system's reason
        a->abortReason = tr("Cannot write %1: %2").arg(a->part.fileName(), a->part.errorString());
        t->abort(a->abortReason);
        return;
    }
    a->sha1.addData(data);
    a->bytes += data.size();
    t->consume();
}

QString AttachmentFetch::check(Active &a, const HttpResponse &r)
{
    // Asked for the bytes, a FHIR server may still answer the Binary resource as JSON.
    if (isJsonType(r.header("content-type")) && !isJsonType(a.link.contentType.toUtf8()) &&
        a.bytes <= kMaxBinaryResource) {
        a.part.close();
        QFile in(a.part.fileName());
        if (in.open(QIODevice::ReadOnly)) {
            const QJsonDocument doc = QJsonDocument::fromJson(in.readAll());
            in.close();
            if (doc.isObject() && BinaryResource::is(doc.object())) {
                const Result<QByteArray> payload = BinaryResource::decode(doc.object());
                if (!payload.ok())
                    return payload.error().message;
                if (!a.part.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                    a.part.write(payload.value()) != payload.value().size())
                    //: %1 is a file, %2 the system's reason
                    return tr("Cannot write %1: %2").arg(a.part.fileName(), a.part.errorString());
                a.bytes = payload.value().size();
                a.sha1.reset();
                a.sha1.addData(payload.value());
            }
        }
    }
    if (a.link.size && *a.link.size != a.bytes)
        //: %1 and %2 are numbers of bytes
        return tr("%1 bytes came, the resource says %2.").arg(a.bytes).arg(*a.link.size);
    if (!a.link.sha1.isEmpty() && a.sha1.result() != a.link.sha1)
        return tr("The bytes that came do not have the hash the resource gives.");
    a.part.close();
    if (a.part.error() != QFileDevice::NoError)
        //: %1 is a file, %2 the system's reason
        return tr("Cannot write %1: %2").arg(a.part.fileName(), a.part.errorString());
    return {};
}

void AttachmentFetch::onFinished(Transfer *t, const HttpResponse &r)
{
    const std::shared_ptr<Active> a = m_active.take(t);
    if (!a)
        return;
    const QString id = a->id;
    if (const std::shared_ptr<Run> run = m_runs.value(id))
        --run->inFlight;
    const auto discard = [&a] {
        a->part.close();
        a->part.remove();
    };
    if (!stillFetching(id)) {
        discard();
        pump(id);
        return;
    }
    ExportJob *j = m_host->mutableJob(id);
    QString why = a->abortReason;
    if (why.isEmpty() && r.error.isError())
        why = r.error.message;
    else if (why.isEmpty() && !r.isSuccess())
        //: %1 is an HTTP status code
        why = tr("The server answered HTTP %1.").arg(r.status);
    if (why.isEmpty())
        why = check(*a, r);
    if (!why.isEmpty()) {
        discard();
        failed(id, a->link, m_host->clientFor(*j)->redact(why), r.status);
        pump(id);
        return;
    }
    const QString target = QDir(attachmentsDir(j->outDir)).filePath(a->link.fileName);
    const QByteArray from = QFile::encodeName(a->part.fileName());
    const QByteArray to = QFile::encodeName(target);
    if (::rename(from.constData(), to.constData()) != 0) {
        discard();
        //: %1 is a file, %2 the system's reason
        failed(id, a->link, tr("Cannot rename %1: %2").arg(a->part.fileName(), qt_error_string()),
               0);
        pump(id);
        return;
    }
    ++j->attachmentsSaved;
    j->attachmentBytes += a->bytes;
    QJsonObject complete;
    complete.insert("fileUrl"_L1, redactUrl(a->link.url).toString());
    complete.insert("resourceCount"_L1, QJsonValue::Null);
    complete.insert("fileSize"_L1, a->bytes);
    m_host->logEvent(id, u"download_complete"_s, complete);
    m_host->changedLazily(id, JobField::Files);
    pump(id);
}

void AttachmentFetch::failed(const QString &id, const AttachmentLink &link, const QString &why,
                             int status)
{
    ExportJob *j = m_host->mutableJob(id);
    ++j->attachmentsFailed;
    const QString text = link.resourceType + u'/' + link.resourceId + u": "_s + why;
    if (const std::shared_ptr<Run> run = m_runs.value(id);
        run && run->failures.size() < kNamedFailures)
        run->failures.append(text);
    //: %1 names the resource and why its attachment was not saved
    m_host->note(id, tr("An attachment was not saved: %1").arg(text));
    QJsonObject error;
    error.insert("fileUrl"_L1, redactUrl(link.url).toString());
    error.insert("body"_L1, QJsonValue::Null);
    error.insert("code"_L1, status > 0 ? QJsonValue(status) : QJsonValue(QJsonValue::Null));
    error.insert("message"_L1, why);
    error.insert("responseHeaders"_L1, QJsonObject());
    m_host->logEvent(id, u"download_error"_s, error);
}

void AttachmentFetch::finish(const QString &id)
{
    const std::shared_ptr<Run> run = m_runs.take(id);
    ExportJob *j = m_host->mutableJob(id);
    if (j->attachmentsFailed > 0) {
        QString named = run ? run->failures.join(u"; "_s) : QString();
        const int unnamed = j->attachmentsFailed - int(run ? run->failures.size() : 0);
        if (unnamed > 0)
            //: %n is how many more failures there were
            named += tr(" (and %n more)", nullptr, unnamed);
        //: %1 names the failed attachments and why
        j->attachmentProblem =
            tr("%n attachment(s) could not be saved: %1", nullptr, j->attachmentsFailed).arg(named);
    } else if (j->attachmentsSaved > 0) {
        m_host->note(id, tr("%n attachment(s) saved in the attachments folder.", nullptr,
                            j->attachmentsSaved));
    }
    m_host->changed(id, JobField::Files, true);
    Q_EMIT done(id);
}

} // namespace fbm
