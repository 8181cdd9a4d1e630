#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

namespace fbm {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// Appends a JSON string literal (quotes, escapes) for UTF-8 text, as QJsonDocument would read
/// it back: for the writers that build JSON text directly because QJsonObject costs ten times as
/// much.
void appendJsonString(QByteArray &out, QByteArrayView utf8);
void appendJsonString(QByteArray &out, const QString &text);

/// One HTTP exchange as the activity log shows it. Built only from redacted data: the
/// Authorization header, tokens, assertions and signed-URL signatures never reach it.
struct ActivityEntry
{
    QDateTime at; ///< when the request was sent (UTC)
    QByteArray method;
    QUrl url;       ///< redacted (no signatures, no tokens in the query)
    int status = 0; ///< HTTP status, 0 when no answer came
    qint64 elapsedMs = 0;
    HeaderList requestHeaders; ///< redacted
    QByteArray requestBody;    ///< redacted; empty for GET
    QString note; ///< error text or a remark ("redirect to another origin: token dropped")

    [[nodiscard]] QJsonObject toJson() const;
    /// Appends toJson() as compact JSON text, written directly: a thousand jobs' logs are
    /// rewritten with their jobs, and QJsonObject costs ten times as much.
    void appendJson(QByteArray &out) const;
    static ActivityEntry fromJson(const QJsonObject &o);
    /// A curl command line that repeats the request; the token appears as $TOKEN.
    [[nodiscard]] QString toCurl() const;
};

/// Where a request's exchanges are logged (a job's activity log).
using ActivitySink = std::function<void(const ActivityEntry &)>;

} // namespace fbm
