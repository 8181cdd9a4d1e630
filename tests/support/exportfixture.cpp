#include "exportfixture.h"

#include "testutil.h"
#include "waitfor.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace fbm::test {

ExportFixture::ExportFixture()
{
    server.listen();
    store = std::make_unique<JobStore>(dir.path() + u"/store"_s);
    restartManager();
}

ExportFixture::~ExportFixture() = default;

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
    manager.reset();
    manager = std::make_unique<JobManager>(store.get());
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
