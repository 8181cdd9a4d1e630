#include "exportfixture.h"

#include "authprovider.h"
#include "httpclient.h"
#include "testutil.h"
#include "waitfor.h"

#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm::test {

ExportFixture::ExportFixture()
{
    server.listen();
    // A moved clock is looked at at once, not when the timer armed before wakes up.
    clock.onMoved([this] {
        if (manager)
            manager->setClock(&clock);
    });
    restartManager();
}

ExportFixture::~ExportFixture()
{
    session.reset();
    clock.onMoved({});
}

RetryPolicy ExportFixture::fastPolicy() const
{
    RetryPolicy p;
    p.minDelayMs = 5;
    p.backoffBaseMs = 10;
    p.backoffMaxMs = 50;
    p.maxRetryAfterMs = 3000;
    p.transientGiveUpMs = 50;
    return p;
}

void ExportFixture::restartManager()
{
    manager = nullptr;
    store = nullptr;
    session.reset();
    SessionOptions o;
    o.jobStoreDirectory = dir.filePath(u"store"_s);
    o.profilesPath = dir.filePath(u"profiles.ini"_s);
    o.settingsPath = dir.filePath(u"ui.ini"_s);
    o.sessionSecrets = true;
    session = std::make_unique<Session>(o);
    store = session->jobStore();
    manager = session->manager();
    manager->setClock(&clock);
    manager->setJitter([] { return 0.0; });
    manager->setRetryPolicy(fastPolicy());
    manager->setFileRetryDelayMs(10);
    manager->setTransferTimeoutMs(3000);
}

ExportRequest ExportFixture::request(ExportLevel level) const
{
    ExportRequest r;
    r.base = server.baseUrl();
    r.level = level;
    if (level == ExportLevel::Group)
        r.groupId = u"demo-group-1"_s;
    return r;
}

QString ExportFixture::startKeepingFiles()
{
    JobOptions o = options();
    o.keepOnServer = true;
    const Result<QString> id = manager->startExport(request(), o);
    return id.ok() ? id.value() : QString();
}

JobOptions ExportFixture::options(bool autoDownload) const
{
    JobOptions o;
    o.outDir = outDir();
    o.autoDownload = autoDownload;
    o.serverName = u"Test server"_s;
    return o;
}

QString ExportFixture::start(const ExportRequest &request)
{
    const Result<QString> id = manager->startExport(request, options());
    if (!id.ok()) {
        qWarning() << "startExport failed:" << id.error().message;
        return {};
    }
    return id.value();
}

void ExportFixture::serveAtOnce(const QList<demo::ServedFile> &files)
{
    server.setFiles(files);
    demo::Script quick;
    quick.pollsBeforeDone = 0;
    server.setScript(quick);
}

QString ExportFixture::savedExport(const QList<demo::ServedFile> &files)
{
    serveAtOnce(files);
    const QString id = start();
    return waitForState(id, JobState::Saved) ? id : QString();
}

HttpClient *ExportFixture::authorizeEveryJob(std::unique_ptr<AuthProvider> auth)
{
    auto setup = std::make_unique<AuthSetup>();
    setup->base = server.baseUrl();
    setup->auth = std::move(auth);
    setup->client = std::make_unique<HttpClient>(server.baseUrl());
    setup->client->setAuth(setup->auth.get());
    HttpClient *client = setup->client.get();
    session->useAuthForEveryJob(std::move(setup));
    return client;
}

bool ExportFixture::waitForState(const QString &id, JobState state, int timeoutMs)
{
    if (waitFor(
            [&] {
                const ExportJob *j = manager->job(id);
                return j && j->state == state;
            },
            timeoutMs))
        return true;
    const ExportJob *j = manager->job(id);
    qWarning() << "job" << id << "is" << (j ? jobStateName(j->state) : u"gone"_s) << "not"
               << jobStateName(state) << (j ? j->lastError : QString());
    return false;
}

bool ExportFixture::waitForTerminal(const QString &id, int timeoutMs)
{
    return waitFor(
        [&] {
            const ExportJob *j = manager->job(id);
            return j && j->isTerminal();
        },
        timeoutMs);
}

bool ExportFixture::advanceToNextPoll(const QString &id, int timeoutMs)
{
    if (!waitFor(
            [&] {
                const ExportJob *j = manager->job(id);
                return j && j->isWaitingForPoll();
            },
            timeoutMs))
        return false;
    clock.set(std::max(clock.now(), job(id).nextPollAt));
    return true;
}

bool ExportFixture::advanceThroughPolls(const QString &id, int timeoutMs)
{
    return waitFor(
        [&] {
            const ExportJob *j = manager->job(id);
            if (!j)
                return false;
            if (j->state != JobState::Starting && j->state != JobState::Running)
                return true;
            if (j->isWaitingForPoll() && clock.now() < j->nextPollAt)
                clock.set(j->nextPollAt);
            return false;
        },
        timeoutMs);
}

bool ExportFixture::runToEnd(const QString &id, int timeoutMs)
{
    return waitFor(
        [&] {
            const ExportJob *j = manager->job(id);
            if (j && j->isTerminal())
                return true;
            const qint64 wakeUp = manager->nextWakeUpMs();
            if (wakeUp > clock.nowMs())
                clock.set(QDateTime::fromMSecsSinceEpoch(wakeUp, Qt::UTC));
            return false;
        },
        timeoutMs);
}

QByteArray ExportFixture::saved(const QString &relativePath) const
{
    return readFile(QDir(outDir()).filePath(relativePath));
}

QString ExportFixture::compareAllFiles(const QString &id) const
{
    const ExportJob &j = job(id);
    if (j.files.size() != server.files().size())
        return u"file count %1 != served %2"_s.arg(j.files.size()).arg(server.files().size());
    for (int i = 0; i < j.files.size(); ++i) {
        const ExportFile &f = j.files.at(i);
        if (f.state != FileState::Saved)
            return u"%1 not saved: %2"_s.arg(f.relativePath, f.error);
        if (saved(f.relativePath) != server.expectedContent(i))
            return u"%1 differs from what the server sent"_s.arg(f.relativePath);
        if (f.lines != server.lineCount(i))
            return u"%1 has %2 lines, server %3"_s.arg(f.relativePath)
                .arg(f.lines)
                .arg(server.lineCount(i));
        if (QFile::exists(QDir(outDir()).filePath(f.relativePath + u".part"_s)))
            return u"%1.part left behind"_s.arg(f.relativePath);
    }
    return {};
}

} // namespace fbm::test
