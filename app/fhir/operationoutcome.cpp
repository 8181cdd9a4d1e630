#include "operationoutcome.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

// Bounded, so a hostile answer cannot flood a log line or a dialog.
constexpr int kMaxIssues = 20;
constexpr int kMaxText = 500;

QString clip(QString s)
{
    s = s.simplified();
    if (s.size() > kMaxText)
        s = s.left(kMaxText) + u"…"_s;
    return s;
}

} // namespace

std::optional<OperationOutcome> OperationOutcome::fromObject(const QJsonObject &object)
{
    if (object.value("resourceType"_L1).toString() != "OperationOutcome"_L1)
        return std::nullopt;
    OperationOutcome outcome;
    const QJsonArray issues = object.value("issue"_L1).toArray();
    for (const QJsonValue &v : issues) {
        if (outcome.issues.size() >= kMaxIssues)
            break;
        const QJsonObject o = v.toObject();
        OutcomeIssue issue;
        issue.severity = clip(o.value("severity"_L1).toString());
        issue.code = clip(o.value("code"_L1).toString());
        issue.diagnostics = clip(o.value("diagnostics"_L1).toString());
        const QJsonObject details = o.value("details"_L1).toObject();
        issue.details = clip(details.value("text"_L1).toString());
        if (issue.details.isEmpty()) {
            const QJsonObject coding = details.value("coding"_L1).toArray().first().toObject();
            issue.details = clip(coding.value("display"_L1).toString());
            if (issue.details.isEmpty())
                issue.details = clip(coding.value("code"_L1).toString());
        }
        outcome.issues.append(issue);
    }
    return outcome;
}

std::optional<OperationOutcome> OperationOutcome::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return fromObject(doc.object());
}

bool OperationOutcome::isTransient() const
{
    static const QStringList transientCodes = {u"transient"_s, u"lock-error"_s, u"no-store"_s,
                                               u"exception"_s, u"timeout"_s,    u"incomplete"_s,
                                               u"throttled"_s};
    bool sawProblem = false;
    for (const OutcomeIssue &issue : issues) {
        if (issue.severity != "error"_L1 && issue.severity != "fatal"_L1)
            continue;
        sawProblem = true;
        if (!transientCodes.contains(issue.code))
            return false;
    }
    return sawProblem;
}

QString OperationOutcome::toText() const
{
    QStringList lines;
    for (const OutcomeIssue &issue : issues) {
        QString text = issue.diagnostics;
        if (text.isEmpty())
            text = issue.details;
        else if (!issue.details.isEmpty() && issue.details != text)
            text += u" ("_s + issue.details + u')';
        QString head = issue.severity.isEmpty() ? u"issue"_s : issue.severity;
        if (!issue.code.isEmpty())
            head += u" ("_s + issue.code + u')';
        lines.append(text.isEmpty() ? head : head + u": "_s + text);
    }
    return lines.join(u'\n');
}

QString describeErrorBody(int httpStatus, const QByteArray &body)
{
    if (const auto outcome = OperationOutcome::fromJson(body);
        outcome && !outcome->issues.isEmpty()) {
        //: %1 is an HTTP status code, %2 the server's explanation
        return QCoreApplication::translate("fbm", "The server answered %1: %2")
            .arg(httpStatus)
            .arg(outcome->toText());
    }
    QString excerpt;
    if (!body.isEmpty() && !body.trimmed().startsWith('<')) { // not an HTML error page
        excerpt = clip(QString::fromUtf8(body.left(kMaxText)));
        for (QChar &c : excerpt) {
            if (!c.isPrint())
                c = u'?';
        }
    }
    if (excerpt.isEmpty()) {
        //: %1 is an HTTP status code
        return QCoreApplication::translate("fbm", "The server answered %1 without an explanation.")
            .arg(httpStatus);
    }
    return QCoreApplication::translate("fbm", "The server answered %1: %2")
        .arg(httpStatus)
        .arg(excerpt);
}

} // namespace fbm
