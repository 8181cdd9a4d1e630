// A kick-off the server refuses as asked (400 + OperationOutcome): the parameters its answer
// names are kept with the job, `Prefer: handling=lenient` is sent only when asked for, and the
// same job can be sent again leniently or without the refused parameter (checklist #4), from
// the window's banner (RunAgain::afterRefusal, JobManager::retryAs) and the command line
// (--lenient, and what the error says).
#include "bulkprotocol.h"
#include "cliprocess.h"
#include "exportfixture.h"
#include "jobcellformat.h"
#include "jobtablemodel.h"
#include "runagain.h"
#include "servedfiles.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace fbm;
using namespace fbm::demo;
using fbm::test::CliProcess;
using fbm::test::CliRun;
using fbm::test::ExportFixture;
using fbm::test::FaultyBulkServer;
namespace served = fbm::test::served;

namespace {

QList<FaultyBulkServer::Recorded> kickoffs(const ExportFixture &fx)
{
    QList<FaultyBulkServer::Recorded> found;
    for (const auto &r : fx.server.requests()) {
        if (r.path.endsWith("$export"_L1))
            found.append(r);
    }
    return found;
}

HttpResponse refusal(const QByteArray &diagnostics, int status = 400)
{
    HttpResponse r;
    r.status = status;
    r.body =
        R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-supported","diagnostics":")" +
        diagnostics + R"("}]})";
    return r;
}

} // namespace

class TestRefusedRequest final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lenientIsSentOnlyWhenAsked();
    void refusedParametersAreThoseTheAnswerNames();
    void lenientGetsPastAnUnsupportedParameter();
    void withoutTheRefusedParameterWhenLenientWasNotEnough();
    void otherFailuresOfferNothingChanged();
    void commandLineSaysWhatToTry();
};

void TestRefusedRequest::lenientIsSentOnlyWhenAsked()
{
    ExportRequest r;
    r.base = QUrl(u"https://fhir.example.org/fhir"_s);
    QCOMPARE(headerValue(BulkProtocol::kickoff(r, r.kickoffUrl()).headers, "Prefer"),
             "respond-async"_ba);
    r.lenient = true;
    QCOMPARE(headerValue(BulkProtocol::kickoff(r, r.kickoffUrl()).headers, "Prefer"),
             "respond-async, handling=lenient"_ba);
    // Stored with the job.
    QVERIFY(ExportRequest::fromJson(r.toJson()).lenient);
}

void TestRefusedRequest::refusedParametersAreThoseTheAnswerNames()
{
    ExportRequest r;
    r.base = QUrl(u"https://fhir.example.org/fhir"_s);
    r.types = {u"Patient"_s, u"Foo"_s};
    r.typeFilters = {u"Patient?active=true"_s};
    r.elements = {u"id"_s};
    // "_typeFilter" does not name "_type"; the type name does.
    QCOMPARE(BulkProtocol::refusedParameters(r, refusal("_typeFilter is not supported")),
             QStringList{u"_typeFilter"_s});
    QCOMPARE(BulkProtocol::refusedParameters(r, refusal("Resource type Foo is not supported")),
             QStringList{u"_type"_s});
    QCOMPARE(BulkProtocol::refusedParameters(r, refusal("Neither _ELEMENTS nor _type, sorry")),
             (QStringList{u"_type"_s, u"_elements"_s}));
    QCOMPARE(BulkProtocol::refusedParameters(r, refusal("Something else", 422)), QStringList());
    // Not a refusal of the request: a server error, a throttle.
    QCOMPARE(BulkProtocol::refusedParameters(r, refusal("_elements", 500)), QStringList());
    QVERIFY(!BulkProtocol::refusedAsAsked(refusal("x", 429)));
    QVERIFY(BulkProtocol::refusedAsAsked(refusal("x", 422)));
}

void TestRefusedRequest::lenientGetsPastAnUnsupportedParameter()
{
    // Oracle Health refuses _elements, and honours lenient handling.
    ExportFixture fx;
    Script s;
    s.flavor = Flavor::Oracle;
    s.pollsBeforeDone = 0;
    s.retryAfterRaw = "0";
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    ExportRequest request = fx.request();
    request.elements = {u"id"_s, u"name"_s};
    const QString id = fx.start(request);
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const ExportJob &j = fx.job(id);
    QVERIFY(j.requestRefused);
    QCOMPARE(j.refusedParameters, QStringList{u"_elements"_s});
    QVERIFY2(j.lastError.contains("_elements parameter is not supported"_L1),
             qPrintable(j.lastError));

    const std::optional<RunAgain::Changed> next = RunAgain::afterRefusal(j);
    QVERIFY(next);
    QVERIFY(next->without.isEmpty()); // leniently first: it keeps what was asked
    QVERIFY(next->request.lenient);
    QCOMPARE(next->request.elements, request.elements);
    const QString outDir = j.outDir;
    // Eight minutes later the person sends it again: Started and Elapsed count from then,
    // not from the refused kick-off (walkthrough #14).
    fx.clock.advance(8 * 60 * 1000);
    const QDateTime resent = fx.clock.now();
    QCOMPARE(fx.manager->retryAs(id, next->request), QString());
    // The clock follows real time: the kick-off is stamped a moment after `resent`.
    QVERIFY(fx.job(id).createdAt >= resent);
    QVERIFY(resent.msecsTo(fx.job(id).createdAt) < 60 * 1000);
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(JobCellFormat::display(fx.job(id), JobTableModel::Elapsed, fx.clock.now()).toString(),
             u"< 1 min"_s);
    QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState::Saved));
    QCOMPARE(fx.job(id).outDir, outDir); // the same row, the same folder
    QVERIFY(!fx.job(id).requestRefused);
    const auto sent = kickoffs(fx);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).header("Prefer"), "respond-async"_ba);
    QCOMPARE(sent.at(1).header("Prefer"), "respond-async, handling=lenient"_ba);
    QVERIFY(fx.compareAllFiles(id).isEmpty());
}

void TestRefusedRequest::withoutTheRefusedParameterWhenLenientWasNotEnough()
{
    ExportFixture fx;
    Script s;
    s.kickoffStatus = 400;
    s.kickoffBody =
        R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-supported","diagnostics":"_typeFilter is not supported, lenient or not"}]})"_ba;
    s.kickoffRefusals = 1;
    s.pollsBeforeDone = 0;
    fx.server.setScript(s);
    fx.server.setFiles(served::mixedExport().mid(0, 1));
    ExportRequest request = fx.request();
    request.lenient = true;
    request.typeFilters = {u"Patient?active=true"_s};
    const QString id = fx.start(request);
    QVERIFY(fx.waitForState(id, JobState::Failed));
    const std::optional<RunAgain::Changed> next = RunAgain::afterRefusal(fx.job(id));
    QVERIFY(next);
    QCOMPARE(next->without, u"_typeFilter"_s);
    QVERIFY(next->request.typeFilters.isEmpty());
    QVERIFY(next->request.lenient);
    QCOMPARE(fx.manager->retryAs(id, next->request), QString());
    QVERIFY(fx.runToEnd(id));
    QCOMPARE(jobStateName(fx.job(id).state), jobStateName(JobState::Saved));
    const auto sent = kickoffs(fx);
    QCOMPARE(sent.size(), 2);
    QVERIFY(sent.at(0).query.hasQueryItem(u"_typeFilter"_s));
    QVERIFY(!sent.at(1).query.hasQueryItem(u"_typeFilter"_s));
    QCOMPARE(fx.job(id).kickoffUrl, next->request.kickoffUrl());
}

void TestRefusedRequest::otherFailuresOfferNothingChanged()
{
    // 429 (another export runs) and a started export that failed later: the plain Retry.
    ExportFixture fx;
    Script s;
    s.kickoffStatus = 429;
    fx.server.setScript(s);
    const QString id = fx.start();
    QVERIFY(fx.waitForState(id, JobState::Failed));
    QVERIFY(!fx.job(id).requestRefused);
    QVERIFY(!RunAgain::afterRefusal(fx.job(id)));
    // A request without parameters, refused: nothing to skip or leave out.
    ExportJob bare = fx.job(id);
    bare.requestRefused = true;
    QVERIFY(!RunAgain::afterRefusal(bare));
    bare.request.types = {u"Patient"_s};
    QVERIFY(RunAgain::afterRefusal(bare));
    ExportRequest r = fx.job(id).request;
    r.lenient = true;
    QCOMPARE(fx.manager->retryAs(id, r), QString()); // allowed: the server never started it

    ExportFixture started;
    Script fails;
    fails.pollsBeforeDone = 0;
    fails.pollQueue = {{400, refusal("_elements").body, {}, {}}};
    started.server.setScript(fails);
    const QString other = started.start();
    QVERIFY(started.waitForState(other, JobState::Failed));
    QVERIFY(!RunAgain::afterRefusal(started.job(other)));
    QVERIFY(!started.manager->retryAs(other, started.job(other).request).isEmpty());
}

void TestRefusedRequest::commandLineSaysWhatToTry()
{
    QTemporaryDir dir;
    FaultyBulkServer server;
    QVERIFY(server.listen());
    Script s;
    s.flavor = Flavor::Oracle;
    s.pollsBeforeDone = 0;
    s.retryAfterRaw = "0";
    server.setScript(s);
    server.setFiles(served::mixedExport().mid(0, 1));
    CliProcess cli(dir.path());
    const QStringList args{u"export"_s,     u"--base"_s, server.baseUrl().toString(),
                           u"--elements"_s, u"id"_s,     u"--json"_s};
    const CliRun refused = cli.run(args + QStringList{u"--out"_s, dir.filePath(u"a"_s)});
    QCOMPARE(refused.exitCode, 1);
    const QJsonObject error = refused.event(u"error"_s);
    QCOMPARE(error.value("refusedParameters"_L1).toArray(), QJsonArray{u"_elements"_s});
    QVERIFY2(refused.err.contains("--lenient lets it skip what it does not support"),
             refused.err.constData());
    QVERIFY2(refused.err.contains("names _elements: try again without it"),
             refused.err.constData());

    const CliRun lenient =
        cli.run(args + QStringList{u"--lenient"_s, u"--out"_s, dir.filePath(u"b"_s)});
    QVERIFY2(lenient.exitCode == 0, lenient.err.constData());
    QCOMPARE(server.requests().last().method, "DELETE"_ba); // saved, and released
    bool sawLenient = false;
    for (const auto &r : server.requests())
        sawLenient |= r.header("Prefer") == "respond-async, handling=lenient";
    QVERIFY(sawLenient);
}

QTEST_GUILESS_MAIN(TestRefusedRequest)
#include "tst_refusedrequest.moc"
