#include "serverrelease.h"

#include "bulkprotocol.h"
#include "clock.h"
#include "httpclient.h"
#include "jobhost.h"
#include "operationoutcome.h"

#include <QFile>
#include <QPointer>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {
/// A server that does not answer a DELETE in this long keeps the files until they expire.
constexpr int kDeleteTimeoutMs = 15000;
} // namespace

ServerRelease::ServerRelease(JobHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

ServerRelease::~ServerRelease()
{
    for (QThread *t : std::as_const(m_syncs)) {
        t->wait();
        delete t;
    }
}

QString ServerRelease::syncToDisk(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return qt_error_string(errno);
    const int rc = ::syncfs(fd);
    const int error = errno;
    ::close(fd);
    return rc == 0 ? QString() : qt_error_string(error);
}

bool ServerRelease::stillReleasing(const QString &id) const
{
    const ExportJob *j = m_host->mutableJob(id);
    return j && (j->state == JobState::Downloading || j->state == JobState::Completed) &&
           !j->cancelRequested;
}

void ServerRelease::release(const QString &id)
{
    ExportJob *j = m_host->mutableJob(id);
    if (!j)
        return;
    j->removalProblem.clear();
    if (j->keepOnServer || !j->statusUrl.isValid() || j->removedFromServerAt.isValid()) {
        finish(id);
        return;
    }
    if (j->attachmentsFailed > 0) {
        // They may be on the export's storage, which the server would then remove.
        j->removalProblem = tr("The files were left on the server because some attachments "
                               "could not be saved.");
        m_host->note(id, j->removalProblem);
        finish(id);
        return;
    }
    if (m_syncs.contains(id))
        return;
    // syncfs can take seconds after gigabytes: off the thread that runs the engine (and, in
    // the desktop app, the window).
    auto problem = std::make_shared<QString>();
    QThread *t = QThread::create([dir = j->outDir, problem] { *problem = syncToDisk(dir); });
    m_syncs.insert(id, t);
    connect(t, &QThread::finished, this, [this, id, problem] {
        QThread *done = m_syncs.take(id);
        done->wait(); // finished is sent just before the thread ends
        delete done;
        onSynced(id, *problem);
    });
    t->start();
}

void ServerRelease::onSynced(const QString &id, const QString &problem)
{
    if (!stillReleasing(id))
        return;
    ExportJob *j = m_host->mutableJob(id);
    if (!problem.isEmpty()) {
        //: %1 is the system's reason
        j->removalProblem = tr("The files could not be confirmed on the disk (%1), so the server "
                               "was not told that it may remove them.")
                                .arg(problem);
        m_host->note(id, j->removalProblem);
        finish(id);
        return;
    }
    // On the disk now: a reboot need not check them. The record is written before the server
    // hears from us, so that a crash meanwhile never leaves it expecting files from a server
    // that has removed them.
    j->unsyncedBootId.clear();
    m_host->changed(id, JobField::Files, true);
    HttpCall call = BulkProtocol::cancel(j->statusUrl);
    call.timeoutMs = kDeleteTimeoutMs;
    call.log = m_host->logger(id);
    HttpClient *client = m_host->clientFor(*j);
    client->send(call, this, [this, id](const HttpResponse &r) { onAnswer(id, r); });
}

void ServerRelease::onAnswer(const QString &id, const HttpResponse &r)
{
    if (!stillReleasing(id))
        return;
    ExportJob *j = m_host->mutableJob(id);
    using Kind = BulkProtocol::Cancel::Kind;
    const Kind kind = BulkProtocol::classifyCancel(r).kind;
    if (kind == Kind::Cancelled || kind == Kind::Gone) {
        j->removedFromServerAt = m_host->clock()->now();
        m_host->note(id, kind == Kind::Cancelled
                             ? tr("The server was told that the files may be removed.")
                             : tr("The server had already removed the export."));
    } else {
        const QString why =
            r.error.isError() ? r.error.message : describeErrorBody(r.status, r.body);
        //: %1 is why
        j->removalProblem = m_host->clientFor(*j)->redact(
            tr("The server did not remove the files (%1); it keeps them until they expire.")
                .arg(why));
        m_host->note(id, j->removalProblem);
    }
    finish(id);
}

void ServerRelease::finish(const QString &id)
{
    ExportJob *j = m_host->mutableJob(id);
    j->lastError.clear();
    m_host->changed(id, JobField::Error);
    m_host->setState(id, JobState::Saved);
}

} // namespace fbm
