#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fbm {

struct OutcomeIssue
{
    QString severity; ///< fatal | error | warning | information
    QString code;     ///< IssueType code, e.g. processing, transient, throttled
    QString diagnostics;
    QString details; ///< details.text, or the first coding's display/code
};

/// A FHIR OperationOutcome as far as the user needs it.
struct OperationOutcome
{
    QList<OutcomeIssue> issues;

    /// Parses a JSON OperationOutcome; std::nullopt for anything else (HTML, another resource).
    [[nodiscard]] static std::optional<OperationOutcome> fromJson(const QByteArray &json);
    [[nodiscard]] static std::optional<OperationOutcome> fromObject(const QJsonObject &object);

    /// True when every issue with severity error/fatal carries a "try again later" code
    /// (transient, lock-error, no-store, exception, timeout, incomplete, throttled).
    [[nodiscard]] bool isTransient() const;
    /// One line per issue: "error (processing): An internal timeout has occurred".
    [[nodiscard]] QString toText() const;
};

/// The message for an HTTP error answer: the OperationOutcome's issues when the body is one,
/// otherwise the status and a short, printable excerpt of the body.
[[nodiscard]] QString describeErrorBody(int httpStatus, const QByteArray &body);

} // namespace fbm
