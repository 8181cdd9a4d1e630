#pragma once

#include <QCoreApplication>

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace fbm {

/// A (name, display value) pair: one input of a report, or one part the client does not know.
using NamedValue = QPair<QString, QString>;
using NamedValueList = QList<NamedValue>;

/// One report job as the eHealth reporting server's `$get-report-job-status` describes it: one
/// `Parameters` entry of the answer Bundle, holding one `reportJob` parameter whose parts are
/// `reportClass`, `userId`, `status`, `binary`, `parameters`, `created`, `started`, `ended`.
/// Every part may be missing; parts the client does not know are kept in otherParts.
struct ReportJob
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ReportJob)

public:
    /// DONE and FAILED are the only statuses the IG shows; anything else is taken as unfinished.
    enum class State
    {
        Unfinished,
        Done,
        Failed,
    };

    QString fullUrl;     ///< the entry's fullUrl as given (often a bare UUID, not a URL)
    QString id;          ///< the entry resource's id, else the fullUrl
    QString reportClass; ///< e.g. com.systematic.ehealth.reporting.reports.PatientsUsageReport
    QString shortName;   ///< the last dot segment of reportClass
    QString userId;
    QString userName;          ///< the user's display name, when the server gives one
    QString status;            ///< trimmed, as the server wrote it (may be empty)
    QString binaryReference;   ///< the Binary reference as written
    QUrl binaryUrl;            ///< binaryReference made absolute against the server base
    NamedValueList parameters; ///< the nested Parameters, as (name, display value) pairs
    QDateTime created;
    QDateTime started;
    QDateTime ended;
    NamedValueList otherParts; ///< unknown parts, and dates that could not be read, as given

    [[nodiscard]] State state() const;
    [[nodiscard]] bool isDone() const { return state() == State::Done; }
    [[nodiscard]] bool isFailed() const { return state() == State::Failed; }
    [[nodiscard]] bool isFinished() const { return state() != State::Unfinished; }
    /// Whether there is a report to fetch: done and with a Binary reference.
    [[nodiscard]] bool hasReport() const { return isDone() && binaryUrl.isValid(); }

    /// The identity used to match a job across refreshes: id, else fullUrl, else the Binary
    /// reference, else the report class with the creation time.
    [[nodiscard]] QString key() const;

    /// The report's name in words, from its class ("Patients usage report"); empty when the
    /// server named no class.
    [[nodiscard]] QString title() const;

    /// The job's inputs in one line, e.g. "anonymization: None, period: 2023-01-01 – 2023-12-31".
    [[nodiscard]] QString parameterSummary() const;

    /// Seconds from started to ended, or -1 when either is unknown (or ended is before started).
    [[nodiscard]] qint64 runTimeSeconds() const;

    /// The id of the referenced Binary (the last path segment), empty when there is none.
    [[nodiscard]] QString binaryId() const;

    /// The job as one JSON object (for `report-jobs --json` and the details view).
    [[nodiscard]] QJsonObject toJson() const;

    bool operator==(const ReportJob &other) const;
    bool operator!=(const ReportJob &other) const { return !(*this == other); }
};

/// The last dot-separated segment of a Java-style class name ("…reports.PatientsUsageReport" ->
/// "PatientsUsageReport"); the whole text when it has no dot.
[[nodiscard]] QString reportShortName(const QString &reportClass);

/// A report class's name in words: the last dot segment split where the words of a
/// CamelCase (or snake_case, kebab-case) name meet, as a sentence: "dk.foo.PatientsUsageReport"
/// -> "Patients usage report"; acronyms stay ("CSVExport" -> "CSV export").
[[nodiscard]] QString reportTitle(const QString &reportClass);

/// For each distinct non-empty id, the shortest prefix of at least minLength characters that no
/// other id of the list starts with, followed by "…"; an id that needs all its characters (or
/// is no longer than minLength) is given whole. A prefix never ends on a separator such as "-".
[[nodiscard]] QHash<QString, QString> shortUniqueIds(const QStringList &ids, int minLength = 8);

/// A duration as "h:mm:ss" (or "m:ss" under an hour), and from one day as days and "hh:mm"
/// ("1 d 03:12"); empty for a negative value.
[[nodiscard]] QString formatRunTime(qint64 seconds);

/// The display text of one FHIR Parameters parameter (or part): its value[x], its resource, or
/// its nested parts, as one readable line.
[[nodiscard]] QString parameterDisplayValue(const QJsonObject &parameter);

/// Text for the user from an OperationOutcome: one line per issue ("error (processing): …").
[[nodiscard]] QString operationOutcomeText(const QJsonObject &outcome);

/// The server base with a trailing slash, so that relative references resolve beneath it.
[[nodiscard]] QUrl reportBaseUrl(const QUrl &base);

/// Parses the answer of `$get-report-job-status`. Robust to parts in any order, missing parts,
/// unknown parts, a Bundle with no `entry` (no jobs), bare-UUID fullUrls and relative or
/// absolute Binary references. A non-JSON answer, a resource other than a Bundle, or an
/// OperationOutcome (its issues become the message) give an Error. Entries that carry no report
/// job are skipped and described in warnings, when given.
[[nodiscard]] Result<QList<ReportJob>>
parseReportJobBundle(const QByteArray &json, const QUrl &base, QStringList *warnings = nullptr);

} // namespace fbm
