#pragma once

#include "activity.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <memory>

class QFile;

namespace fbm {

struct ExportRequest;

/// The SMART "Bulk Data Export Log" of one export folder: `log.ndjson`, one JSON object per
/// line (`exportId`, `timestamp`, `eventId`, `eventDetail`), as the SMART reference client
/// writes it and Cumulus and SMART Fetch read it. Rows are only ever appended, each in one
/// write that reaches the system at once, so that a kill loses no more than the row being
/// written, and a resume or a restart goes on at its end. The file stays open between rows
/// (an export of 20,000 files writes 40,000 of them) until close(). What is given to append() must
/// already be free of secrets; the helpers here drop what must never be logged (the `patient`
/// parameter, credential headers).
class ExportLog
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ExportLog)
public:
    explicit ExportLog(QString folder);
    ~ExportLog();
    Q_DISABLE_COPY_MOVE(ExportLog)

    [[nodiscard]] const QString &folder() const { return m_folder; }
    /// Closes the file; the next append() opens it again.
    void close();

    /// The file name inside the export folder.
    static constexpr char kFileName[] = "log.ndjson";
    [[nodiscard]] QString path() const;

    /// Appends one row (the folder is made when missing); returns why it could not (translated),
    /// or an empty string.
    QString append(const QString &exportId, const QDateTime &at, const QString &eventId,
                   const QJsonObject &detail);
    /// The time of the first row of \a exportId (its kick-off, or the first row a resume wrote),
    /// or an invalid time: where an export's duration starts.
    [[nodiscard]] QDateTime firstTimestamp(const QString &exportId) const;

    /// The kick-off's parameters by their FHIR names, without `patient` (the specification of
    /// the log says the patient list must not be logged).
    [[nodiscard]] static QJsonObject requestParameters(const ExportRequest &request);
    /// Response headers as an object (names lower-case; repeated ones joined with ", "), without
    /// any that may carry a credential (Authorization, cookies, names with token, secret, key,
    /// auth or session in them).
    [[nodiscard]] static QJsonObject responseHeaders(const HeaderList &headers);
    /// Whether a header may carry a credential (never logged).
    [[nodiscard]] static bool isSensitiveHeader(QByteArrayView name);
    /// A body as text for errorBody/body: JSON as JSON, anything else as (UTF-8) text, cut at
    /// 16 KiB; credentials in JSON or form bodies replaced.
    [[nodiscard]] static QJsonValue body(const QByteArray &body);

private:
    QString m_folder;
    std::unique_ptr<QFile> m_file; ///< open for appending since the first row written
};

} // namespace fbm
