#pragma once

#include "result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>

namespace fbm {

class ReportRequests;
struct HttpResponse;

/// One input an `$execute-<report>` operation takes, from its OperationDefinition.
struct ReportInputDefinition
{
    QString name;
    QString type; ///< FHIR type: string, Reference, Period, Coding, integer, …
    int min = 0;
    QString max = QStringLiteral("1");
    QString documentation;

    [[nodiscard]] bool isRequired() const { return min > 0; }
    [[nodiscard]] bool repeats() const { return max == QLatin1String("*") || max.toInt() > 1; }
    bool operator==(const ReportInputDefinition &o) const
    {
        return name == o.name && type == o.type && min == o.min && max == o.max &&
               documentation == o.documentation;
    }
};

/// A report the server can start: `$execute-<name>`.
struct ReportOperation
{
    QString name;      ///< e.g. "patient-usage-stats"
    QString code;      ///< the operation as named, e.g. "execute-patient-usage-stats"
    QString canonical; ///< the OperationDefinition's canonical URL, when the server gives one
    QString title;
    QString description;
    /// The definition's `in` parameters; when no definition could be read, just `anonymization`
    /// (1..1 string), which every eHealth report takes.
    QList<ReportInputDefinition> inputs;
    bool definitionFound = false;
};

/// One value for `$execute-<report>`: a Parameters parameter with one value[x].
struct ReportInput
{
    QString name;
    QString valueType; ///< the [x] of value[x]: "String", "Reference", "Period", "Coding", …
    QJsonValue value;

    [[nodiscard]] QJsonObject toParameter() const;

    static ReportInput string(const QString &name, const QString &value);
    static ReportInput reference(const QString &name, const QString &reference);
    /// A period of whole days; an invalid date leaves that end open.
    static ReportInput period(const QString &name, const QDate &start, const QDate &end);
    static ReportInput coding(const QString &name, const QString &system, const QString &code);
    static ReportInput integer(const QString &name, int value);
};

/// The reports a server can start (`$execute-<report>` operations) and starting one: the
/// CapabilityStatement's operations with, where it names them, their OperationDefinitions'
/// inputs, and `POST [base]/$execute-<name>`. A part of ReportClient, which owns the requests
/// it sends.
class ReportOperations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportOperations)
public:
    /// requests must outlive the operations.
    explicit ReportOperations(const ReportRequests *requests, QObject *parent = nullptr);
    ~ReportOperations() override;

    /// Reads `[base]/metadata` for `$execute-<report>` operations and, where the
    /// CapabilityStatement names them, their OperationDefinitions (read directly when on the
    /// server, else searched by canonical URL). Emits operationsListed() or operationsFailed().
    /// Ignored while a listing is running.
    void list();
    [[nodiscard]] QList<ReportOperation> operations() const { return m_operations; }

    /// `POST [base]/$execute-<name>` with a Parameters body of inputs. name may be given as
    /// "patient-usage-stats", "execute-patient-usage-stats" or "$execute-…". Emits
    /// reportExecuted() or executeFailed().
    void execute(const QString &name, const QList<ReportInput> &inputs);

Q_SIGNALS:
    void operationsListed(const QList<fbm::ReportOperation> &operations);
    void operationsFailed(const fbm::Error &error);
    void reportExecuted(const QString &name);
    void executeFailed(const QString &name, const fbm::Error &error);

private:
    void onMetadata(const HttpResponse &response);
    void fetchDefinition(int index);
    void onDefinition(int index, const HttpResponse &response);
    void finishListing();

    const ReportRequests *m_requests;
    bool m_listing = false;
    int m_definitionsPending = 0;
    QList<ReportOperation> m_operations;
};

} // namespace fbm

Q_DECLARE_METATYPE(fbm::ReportOperation)
