// fbm-bench-engine: benchmarks of the export engine without widgets.
//
//   fbm-bench-engine verify <fhir-base> <urls-file> <work-dir> <rounds>
//       Benchmark 3. The same export downloaded by the JobManager with verification on and off,
//       and by a bare QNetworkAccessManager -> QFile writer (the bytes alone), alternating.
//   fbm-bench-engine poll <fbm-bench-server> <jobs> <seconds> <work-dir>
//       Benchmark 4. <jobs> exports polling a server (another process) that always answers
//       202 + Retry-After: 1; lateness of every poll and this process's CPU.
//   fbm-bench-engine pollbare <fbm-bench-server> <jobs> <seconds> <work-dir>
//       The reference for benchmark 4: as many status URLs polled once a second by a bare
//       QNetworkAccessManager; this process's CPU.
//   fbm-bench-engine pollclient <fbm-bench-server> <jobs> <seconds> <work-dir>
//       The same by the program's HttpClient (libcurl) alone: what the transport costs.
//   fbm-bench-engine writefloor <dir> <files> <bytes> <threads>
//       For benchmark 2: what this machine needs to create <files> files of <bytes> each in
//       <dir> and write them from memory, <threads> at a time, with no network at all (the
//       floor under any downloader). tools/bench.sh times the whole process, as it times curl.
//   fbm-bench-engine manifest <outputs> <rounds>
//       Benchmark 6b. Manifest::parse of a manifest with <outputs> files.
//   fbm-bench-engine joblist <store-dir> <jobs> <large jobs> <files of a large job>
//       For benchmark 9: a job store of <jobs> finished exports (Saved, ended in the last 60
//       days, so none is pruned), <large jobs> of them with <files of a large job> files and
//       the others with 20, written by JobStore::save with their manifests and activity logs
//       and indexed by one loadAll(), as a command leaves them.
//   fbm-bench-engine findjob <store-dir> <rounds>
//       For benchmark 9: what `resume` spends on such a list, JobStore::find() of a status URL
//       it does not hold (every summary looked at), on a copy's hard links; the best of rounds.
//
// Results go to stdout as "RESULT <key> <value>" lines for tools/bench.sh.
#include "httpclient.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "manifest.h"

#include <fcntl.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

void result(const char *key, double value)
{
    std::printf("RESULT %s %.6g\n", key, value);
    std::fflush(stdout);
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// --- benchmark 3 ------------------------------------------------------------------------------

/// One export through the JobManager, from startExport to Saved; seconds, or -1 on failure.
double exportOnce(const QUrl &base, const QString &out, bool verify)
{
    JobManager manager(nullptr);
    RetryPolicy policy;
    policy.minDelayMs = 0;
    policy.backoffBaseMs =
        1; // the kick-off gives no Retry-After: poll at once, as the CLI with FBM_MIN_POLL_MS=0
    manager.setRetryPolicy(policy);
    manager.setVerifyDownloads(verify);
    QEventLoop loop;
    QObject::connect(&manager, &JobManager::jobFinished, &loop, &QEventLoop::quit);
    ExportRequest request;
    request.base = base;
    JobOptions options;
    options.outDir = out;
    QElapsedTimer t;
    t.start();
    const Result<QString> id = manager.startExport(request, options);
    if (!id.ok())
        return -1;
    loop.exec();
    const double secs = double(t.nsecsElapsed()) / 1e9;
    const ExportJob *j = manager.job(id.value());
    if (j->state != JobState::Saved) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(j->lastError));
        return -1;
    }
    return secs;
}

/// The bytes alone: GET every URL, four at a time like the JobManager, straight into files.
double bareOnce(const QList<QUrl> &urls, const QString &out)
{
    QDir().mkpath(out);
    QNetworkAccessManager nam;
    QEventLoop loop;
    int next = 0;
    int active = 0;
    bool failed = false;
    std::function<void()> pump = [&] {
        while (active < 4 && next < urls.size()) {
            const int i = next++;
            auto *file = new QFile(out + u"/f"_s + QString::number(i));
            file->open(QIODevice::WriteOnly | QIODevice::Unbuffered);
            QNetworkReply *reply = nam.get(QNetworkRequest(urls.at(i)));
            ++active;
            QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, file] {
                char buf[1 << 16];
                for (;;) {
                    const qint64 n = reply->read(buf, sizeof buf);
                    if (n <= 0)
                        break;
                    file->write(buf, n);
                }
            });
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, file] {
                Q_EMIT reply->readyRead();
                failed = failed || reply->error() != QNetworkReply::NoError;
                delete file;
                reply->deleteLater();
                --active;
                if (active == 0 && next >= urls.size())
                    loop.quit();
                else
                    pump();
            });
        }
    };
    QElapsedTimer t;
    t.start();
    pump();
    loop.exec();
    return failed ? -1 : double(t.nsecsElapsed()) / 1e9;
}

int verifyBench(const QStringList &args)
{
    const QUrl base(args.at(2));
    QFile urlsFile(args.at(3));
    if (!urlsFile.open(QIODevice::ReadOnly))
        return 2;
    QList<QUrl> urls;
    for (const QByteArray &line : urlsFile.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            urls.append(QUrl::fromEncoded(line.trimmed()));
    }
    const QString work = args.at(4);
    const int rounds = args.at(5).toInt();
    std::vector<double> on;
    std::vector<double> off;
    std::vector<double> bare;
    std::vector<double> cpuOn;
    std::vector<double> cpuOff;
    std::vector<double> cpuBare;
    for (int r = 0; r < rounds; ++r) {
        // Alternate the order so that neither side always follows the other's page-cache state.
        const QList<int> order = r % 2 == 0 ? QList<int>{0, 1, 2} : QList<int>{2, 1, 0};
        for (const int which : order) {
            const QString out = work + u"/verify-"_s + QString::number(which);
            QDir(out).removeRecursively();
            // Every run starts with the previous runs' data on disk: otherwise the kernel's
            // writeback of one run's gigabyte lands in the middle of the next one.
            ::sync();
            double secs = -1;
            const double cpuBefore = cpuSeconds();
            if (which == 0)
                secs = exportOnce(base, out, true);
            else if (which == 1)
                secs = exportOnce(base, out, false);
            else
                secs = bareOnce(urls, out);
            QDir(out).removeRecursively();
            if (secs < 0)
                return 1;
            (which == 0 ? on : which == 1 ? off : bare).push_back(secs);
            const double cpu = cpuSeconds() - cpuBefore;
            (which == 0 ? cpuOn : which == 1 ? cpuOff : cpuBare).push_back(cpu);
            std::fprintf(stderr, "  round %d %s: %.3f s (CPU %.3f s)\n", r + 1,
                         which == 0   ? "verify on "
                         : which == 1 ? "verify off"
                                      : "bare      ",
                         secs, cpu);
        }
    }
    const double bestOn = *std::min_element(on.begin(), on.end());
    const double bestOff = *std::min_element(off.begin(), off.end());
    const double bestBare = *std::min_element(bare.begin(), bare.end());
    result("verify_on_best_s", bestOn);
    result("verify_off_best_s", bestOff);
    result("bare_best_s", bestBare);
    result("verify_on_median_s", median(on));
    result("verify_off_median_s", median(off));
    result("bare_median_s", median(bare));
    result("verify_extra_pct", (bestOn / bestOff - 1) * 100);
    result("verify_extra_median_pct", (median(on) / median(off) - 1) * 100);
    result("engine_vs_bare_pct", (bestOn / bestBare - 1) * 100);
    result("verify_on_cpu_median_s", median(cpuOn));
    result("verify_off_cpu_median_s", median(cpuOff));
    result("bare_cpu_median_s", median(cpuBare));
    return 0;
}

// --- benchmark 4 ------------------------------------------------------------------------------

/// fbm-bench-server in poll mode (its own process); its base URL, invalid when it did not start.
QUrl startPollServer(QProcess &server, const QString &binary, const QString &log)
{
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(binary, {u"poll"_s, log});
    if (!server.waitForStarted() || !server.waitForReadyRead(10000))
        return {};
    return QUrl(QString::fromUtf8(server.readLine().trimmed()));
}

int pollBench(const QStringList &args)
{
    const QString serverBinary = args.at(2);
    const int jobs = args.at(3).toInt();
    const int seconds = args.at(4).toInt();
    const QString work = args.at(5);
    QDir().mkpath(work);
    const QString log = work + u"/server-requests.log"_s;

    QProcess server;
    const QUrl base = startPollServer(server, serverBinary, log);
    if (!base.isValid())
        return 1;

    JobStore store(work + u"/store"_s);
    JobManager manager(&store);
    // Deadlines and send times per status path, as the client saw them.
    struct Seen
    {
        QDateTime deadline;
        std::vector<qint64> deadlines;
        std::vector<qint64> sent;
    };
    QHash<QString, Seen> seen;
    QObject::connect(&manager, &JobManager::jobChanged, &manager,
                     [&](const QString &id, JobFields fields) {
                         if (!(fields & JobField::NextPoll))
                             return;
                         const ExportJob *j = manager.job(id);
                         if (!j || !j->statusUrl.isValid())
                             return;
                         Seen &s = seen[id];
                         if (j->nextPollAt.isValid() && j->nextPollAt != s.deadline) {
                             s.deadline = j->nextPollAt;
                             s.deadlines.push_back(j->nextPollAt.toMSecsSinceEpoch());
                         } else if (!j->nextPollAt.isValid() && s.deadline.isValid() &&
                                    j->state == JobState::Running) {
                             // poll() clears the deadline just before it sends.
                             s.sent.push_back(QDateTime::currentMSecsSinceEpoch());
                             s.deadline = {};
                         }
                     });

    // Kick-offs spread over the first second, as jobs started by people or scripts would be.
    QEventLoop loop;
    int started = 0;
    QTimer kick;
    kick.setInterval(1);
    QObject::connect(&kick, &QTimer::timeout, &manager, [&] {
        for (int k = 0; k < qMax(1, jobs / 1000) && started < jobs; ++k, ++started) {
            ExportRequest request;
            request.base = base;
            JobOptions options;
            options.outDir = work + u"/out/"_s + QString::number(started);
            options.autoDownload = false;
            if (!manager.startExport(request, options).ok())
                std::fprintf(stderr, "kick-off %d refused\n", started);
        }
        if (started >= jobs)
            kick.stop();
    });
    kick.start();
    // Measure from the moment every job waits on its Retry-After.
    const int warmupMs = 4000;
    double cpu0 = 0;
    qint64 wall0 = 0;
    qint64 measureFrom = 0;
    QTimer::singleShot(warmupMs, &manager, [&] {
        cpu0 = cpuSeconds();
        wall0 = QDateTime::currentMSecsSinceEpoch();
        measureFrom = wall0;
    });
    double cpu = 0;
    double wall = 0;
    QTimer::singleShot(warmupMs + seconds * 1000, &manager, [&] {
        cpu = cpuSeconds() - cpu0;
        wall = double(QDateTime::currentMSecsSinceEpoch() - wall0) / 1000;
        loop.quit();
    });
    loop.exec();
    const qint64 measureTo = QDateTime::currentMSecsSinceEpoch();

    int waiting = 0;
    for (const QString &id : manager.jobIds()) {
        if (manager.job(id)->isWaitingForPoll() || manager.job(id)->state == JobState::Running)
            ++waiting;
    }
    // Let the server write its log.
    server.closeWriteChannel();
    server.waitForFinished(30000);

    QFile f(log);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    QHash<QString, std::vector<qint64>> received;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const int space = line.indexOf(' ');
        if (space > 0)
            received[QString::fromUtf8(line.mid(space + 1))].push_back(
                line.left(space).toLongLong());
    }
    // The k-th deadline of a job belongs to its k-th poll.
    std::vector<double> lateServer;
    std::vector<double> lateClient;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        const Seen &s = it.value();
        const ExportJob *j = manager.job(it.key());
        const std::vector<qint64> r =
            j ? received.value(j->statusUrl.path()) : std::vector<qint64>();
        for (size_t k = 0; k < s.deadlines.size(); ++k) {
            if (s.deadlines[k] < measureFrom || s.deadlines[k] > measureTo - 1000)
                continue;
            if (k < r.size())
                lateServer.push_back(double(r[k] - s.deadlines[k]));
            if (k < s.sent.size())
                lateClient.push_back(double(s.sent[k] - s.deadlines[k]));
        }
    }
    std::sort(lateServer.begin(), lateServer.end());
    std::sort(lateClient.begin(), lateClient.end());
    auto pct = [](const std::vector<double> &v, double p) {
        return v.empty() ? -1.0 : v[std::min(v.size() - 1, size_t(double(v.size()) * p))];
    };
    result("poll_jobs", jobs);
    result("poll_jobs_running_at_end", waiting);
    result("poll_count", double(lateServer.size()));
    result("poll_late_server_max_ms", lateServer.empty() ? -1 : lateServer.back());
    result("poll_late_server_p99_ms", pct(lateServer, 0.99));
    result("poll_late_server_p50_ms", pct(lateServer, 0.5));
    result("poll_early_server_min_ms", lateServer.empty() ? -1 : lateServer.front());
    result("poll_late_client_max_ms", lateClient.empty() ? -1 : lateClient.back());
    result("poll_late_client_p99_ms", pct(lateClient, 0.99));
    result("poll_cpu_pct", cpu / wall * 100);
    return 0;
}

/// The references for benchmark 4: the same number of status URLs polled once a second (no jobs,
/// no log, no store) by a bare QNetworkAccessManager, or by the app's HttpClient alone: what
/// the HTTP stack costs.
int pollBareBench(const QStringList &args, bool withHttpClient)
{
    const QString serverBinary = args.at(2);
    const int jobs = args.at(3).toInt();
    const int seconds = args.at(4).toInt();
    const QString work = args.at(5);
    QDir().mkpath(work);
    QProcess server;
    const QUrl base = startPollServer(server, serverBinary, work + u"/server-requests-bare.log"_s);
    if (!base.isValid())
        return 1;
    QNetworkAccessManager nam;
    fbm::HttpClient client(base);
    // One GET; done receives the Content-Location header.
    auto get = [&](const QUrl &url, const QByteArray &accept, bool kickOff,
                   std::function<void(const QByteArray &)> done) {
        if (withHttpClient) {
            fbm::HttpCall call;
            call.url = url;
            call.headers.append({"Accept"_ba, accept});
            if (kickOff)
                call.headers.append({"Prefer"_ba, "respond-async"_ba});
            client.send(call, &nam,
                        [done](const fbm::HttpResponse &r) { done(r.header("Content-Location")); });
            return;
        }
        QNetworkRequest request(url);
        request.setRawHeader("Accept", accept);
        if (kickOff)
            request.setRawHeader("Prefer", "respond-async");
        QNetworkReply *reply = nam.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &nam, [reply, done] {
            reply->readAll();
            reply->deleteLater();
            done(reply->rawHeader("Content-Location"));
        });
    };
    qint64 polls = 0;
    std::function<void(const QUrl &)> pollOnce = [&](const QUrl &status) {
        get(status, "application/json"_ba, false, [&, status](const QByteArray &) {
            ++polls;
            QTimer::singleShot(1000, &nam, [&, status] { pollOnce(status); });
        });
    };
    int started = 0;
    QTimer kick;
    kick.setInterval(1);
    QObject::connect(&kick, &QTimer::timeout, &nam, [&] {
        for (int k = 0; k < qMax(1, jobs / 1000) && started < jobs; ++k, ++started) {
            get(QUrl(base.toString() + u"/$export"_s), "application/fhir+json"_ba, true,
                [&](const QByteArray &location) {
                    const QUrl status = base.resolved(QUrl::fromEncoded(location));
                    QTimer::singleShot(1000, &nam, [&, status] { pollOnce(status); });
                });
        }
        if (started >= jobs)
            kick.stop();
    });
    kick.start();
    QEventLoop loop;
    double cpu0 = 0;
    qint64 wall0 = 0;
    qint64 polls0 = 0;
    QTimer::singleShot(4000, &nam, [&] {
        cpu0 = cpuSeconds();
        wall0 = QDateTime::currentMSecsSinceEpoch();
        polls0 = polls;
    });
    QTimer::singleShot(4000 + seconds * 1000, &nam, [&] {
        const double cpu = cpuSeconds() - cpu0;
        const double wall = double(QDateTime::currentMSecsSinceEpoch() - wall0) / 1000;
        result("pollbare_count", double(polls - polls0));
        result("pollbare_cpu_pct", cpu / wall * 100);
        loop.quit();
    });
    loop.exec();
    server.closeWriteChannel();
    server.waitForFinished(30000);
    return 0;
}

// --- benchmark 2's floor ---------------------------------------------------------------------

int writeFloor(const QStringList &args)
{
    const QByteArray dir = QFile::encodeName(args.at(2));
    const int files = args.at(3).toInt();
    const qsizetype bytes = args.at(4).toLongLong();
    const int threads = qMax(1, args.at(5).toInt());
    QByteArray data(bytes, 'x');
    for (qsizetype i = 255; i < bytes; i += 256)
        data[i] = '\n';
    std::atomic<bool> failed{false};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = t; i < files; i += threads) {
                const QByteArray path = dir + "/f" + QByteArray::number(i) + ".ndjson";
                const int fd =
                    ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
                if (fd < 0 || ::write(fd, data.constData(), size_t(bytes)) != bytes)
                    failed = true;
                if (fd >= 0)
                    ::close(fd);
            }
        });
    }
    for (std::thread &w : workers)
        w.join();
    return failed ? 1 : 0;
}

// --- benchmark 6b -----------------------------------------------------------------------------

int manifestBench(const QStringList &args)
{
    const int outputs = args.at(2).toInt();
    const int rounds = args.at(3).toInt();
    QJsonArray output;
    static const char *types[] = {"Patient", "Observation", "Condition", "Encounter",
                                  "MedicationRequest"};
    for (int i = 0; i < outputs; ++i) {
        output.append(QJsonObject{
            {u"type"_s, QLatin1String(types[i % 5])},
            {u"url"_s,
             u"https://storage.example.org/exports/8f1c2d9e/%1.ndjson?sig=abcdef0123456789"_s.arg(
                 i)},
            {u"count"_s, 1000 + i}});
    }
    const QByteArray json = QJsonDocument(QJsonObject{
                                              {u"transactionTime"_s, u"2024-05-01T10:00:00Z"_s},
                                              {u"request"_s, u"https://fhir.example.org/$export"_s},
                                              {u"requiresAccessToken"_s, true},
                                              {u"output"_s, output},
                                              {u"error"_s, QJsonArray()},
                                          })
                                .toJson(QJsonDocument::Compact);
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        const Result<Manifest> m = Manifest::parse(json);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!m.ok() || m->files.size() != outputs)
            return 1;
    }
    result("manifest_bytes", double(json.size()));
    result("manifest_parse_best_ms", *std::min_element(ms.begin(), ms.end()));
    result("manifest_parse_median_ms", median(ms));
    return 0;
}

// --- benchmark 9 ------------------------------------------------------------------------------

int jobListBench(const QStringList &args)
{
    const QString storeDir = args.at(2);
    const int jobs = args.at(3).toInt();
    const int large = args.at(4).toInt();
    const int largeFiles = args.at(5).toInt();
    QDir(storeDir).removeRecursively();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 bytes = 0;
    {
        JobStore store(storeDir);
        for (int i = 0; i < jobs; ++i) {
            ExportJob j;
            j.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            j.serverName = u"fhir.example.org"_s;
            j.request.base = QUrl(u"https://fhir.example.org/fhir"_s);
            j.kickoffUrl = QUrl(u"https://fhir.example.org/fhir/$export"_s);
            j.statusUrl =
                QUrl(u"https://fhir.example.org/fhir/$export-poll-status?_jobId="_s + j.id);
            j.outDir = u"/srv/exports/nightly/"_s + QString::number(i);
            j.state = JobState::Saved;
            j.createdAt = now.addSecs(-qint64(i % 60) * 86400 - 3600);
            j.completedAt = j.createdAt.addSecs(600);
            j.finishedAt = j.createdAt.addSecs(900);
            j.transactionTime = j.createdAt;
            j.expiresAt = j.completedAt.addSecs(7200);
            j.pollCount = 6;
            // The large ones spread over the list, as months of nightly runs leave them.
            const int files = (large > 0 && i % (jobs / large) == 0) ? largeFiles : 20;
            QJsonArray output;
            for (int f = 0; f < files; ++f) {
                ExportFile file;
                file.type = u"Observation"_s;
                file.url = QUrl(
                    u"https://storage.example.org/exports/%1/Observation.%2.ndjson"_s.arg(j.id).arg(
                        f + 1));
                file.expectedCount = 1000;
                file.relativePath = u"Observation.%1.ndjson"_s.arg(f + 1);
                file.state = FileState::Saved;
                file.bytes = file.totalBytes = 256000;
                file.lines = 1000;
                file.attempts = 1;
                file.modifiedMs = j.finishedAt.toMSecsSinceEpoch();
                j.files.append(file);
                output.append(QJsonObject{
                    {u"type"_s, file.type}, {u"url"_s, file.url.toString()}, {u"count"_s, 1000}});
            }
            j.manifestJson = QJsonDocument(QJsonObject{{u"transactionTime"_s,
                                                        j.transactionTime.toString(Qt::ISODate)},
                                                       {u"request"_s, j.kickoffUrl.toString()},
                                                       {u"requiresAccessToken"_s, true},
                                                       {u"output"_s, output},
                                                       {u"error"_s, QJsonArray()}})
                                 .toJson(QJsonDocument::Compact);
            for (int e = 0; e < 12; ++e) {
                ActivityEntry a;
                a.at = j.createdAt.addSecs(e * 30);
                a.method = "GET";
                a.url = j.statusUrl;
                a.status = e < 6 ? 202 : 200;
                j.activity.append(a);
            }
            if (const Error error = store.save(j); error.isError()) {
                std::fprintf(stderr, "%s\n", qPrintable(error.message));
                return 1;
            }
        }
        const JobStore::Loaded loaded = store.loadAll(); // writes the index
        if (loaded.jobs.size() != jobs)
            return 1;
        store.flush();
    }
    for (const QFileInfo &f : QDir(storeDir).entryInfoList(QDir::Files))
        bytes += f.size();
    result("joblist_jobs", jobs);
    result("joblist_store_mib", double(bytes) / 1048576.0);
    result("joblist_index_kib", double(QFileInfo(storeDir + u"/index.jobs"_s).size()) / 1024.0);
    return 0;
}

int findJobBench(const QStringList &args)
{
    const QString storeDir = args.at(2);
    const int rounds = args.at(3).toInt();
    std::vector<double> ms;
    int read = 0;
    for (int r = 0; r < rounds; ++r) {
        JobStore store(storeDir);
        store.setKeepDays(90);
        QElapsedTimer t;
        t.start();
        const JobStore::Found found =
            store.find(QUrl(u"https://fhir.example.org/fhir/$export-poll-status?_jobId=none"_s),
                       u"/srv/exports/none"_s);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (found.job || !found.pruned.isEmpty())
            return 1;
        read = store.jobFilesRead();
    }
    result("findjob_best_ms", *std::min_element(ms.begin(), ms.end()));
    result("findjob_median_ms", median(ms));
    result("findjob_files_read", read);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == "verify"_L1 && args.size() == 6)
        return verifyBench(args);
    if (mode == "poll"_L1 && args.size() == 6)
        return pollBench(args);
    if (mode == "pollbare"_L1 && args.size() == 6)
        return pollBareBench(args, false);
    if (mode == "pollclient"_L1 && args.size() == 6)
        return pollBareBench(args, true);
    if (mode == "writefloor"_L1 && args.size() == 6)
        return writeFloor(args);
    if (mode == "manifest"_L1 && args.size() == 4)
        return manifestBench(args);
    if (mode == "joblist"_L1 && args.size() == 6)
        return jobListBench(args);
    if (mode == "findjob"_L1 && args.size() == 4)
        return findJobBench(args);
    std::fprintf(stderr, "usage: see the comment at the top of benchengine.cpp\n");
    return 2;
}
