#pragma once

#include "result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace fbm {

class HttpClient;

/// What "Test connection" found out about a server: its CapabilityStatement, its SMART
/// configuration and whether a token could be had. Every text is for the user.
struct ProbeResult
{
    enum class TokenCheck
    {
        NotTried, ///< no credentials to try, or not asked to
        Obtained,
        Failed
    };

    QUrl base;

    // [base]/metadata
    Error metadataError; ///< a network failure, an HTTP error, or an answer that is not FHIR
    int metadataStatus = 0;
    bool metadataNeededToken = false; ///< answered only once a token was sent
    bool isFhir = false;              ///< a CapabilityStatement came back
    QString fhirVersion;              ///< as declared, e.g. "4.0.1"
    QString softwareName;
    QString softwareVersion;
    QString softwareReleaseDate;
    QString implementationDescription;
    bool systemExport = false;
    bool patientExport = false;
    bool groupExport = false;
    bool declaresBulkData = false; ///< instantiates the Bulk Data CapabilityStatement

    // [base]/.well-known/smart-configuration
    bool smartFound = false;
    int smartStatus = 0;
    Error smartError; ///< why no usable document came back (404 is the common, harmless case)
    QUrl tokenEndpoint;
    QUrl authorizationEndpoint;
    QStringList authMethods;       ///< token_endpoint_auth_methods_supported
    QStringList signingAlgorithms; ///< token_endpoint_auth_signing_alg_values_supported
    QStringList grantTypes;
    QStringList scopes;

    // the profile's credentials
    TokenCheck token = TokenCheck::NotTried;
    Error tokenError;

    /// A FHIR server answered and, if a token was tried, one was obtained.
    [[nodiscard]] bool ok() const;
    [[nodiscard]] bool exportOffered() const
    {
        return systemExport || patientExport || groupExport;
    }
    /// Plain sentences, one per finding, failures first.
    [[nodiscard]] QStringList findings() const;
    /// "R4 (4.0.1)" for "4.0.1"; the version as it is when the release is not known.
    [[nodiscard]] static QString fhirReleaseName(const QString &version);
    /// Fills the metadata part from a CapabilityStatement; false (and metadataError set) when
    /// json is not one.
    static bool parseCapabilityStatement(const QByteArray &json, ProbeResult *result);
    /// Fills the SMART part; false (and smartError set) when json is not a usable document.
    static bool parseSmartConfiguration(const QByteArray &json, ProbeResult *result);
};

/// One Group the server lists, for the new-export dialog's picker.
struct GroupSummary
{
    QString id;
    QString name;     ///< may be empty
    qint64 size = -1; ///< Group.quantity, or the member count; -1 when not given

    friend bool operator==(const GroupSummary &a, const GroupSummary &b)
    {
        return a.id == b.id && a.name == b.name && a.size == b.size;
    }
};

/// Talks to a server before any export: the profile editor's "Test connection" and the
/// new-export dialog's list of groups. Uses the profile's HttpClient, so the token rules, the
/// extra headers and the extra CA certificate are the ones the exports will meet.
class ServerProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProbe)
public:
    /// client is not owned; it must outlive the probe's requests or the callbacks never run.
    explicit ServerProbe(HttpClient *client, QObject *parent = nullptr);
    ~ServerProbe() override;

    /// Also ask the client's AuthProvider for a token (never shown, only whether it worked).
    void setCheckToken(bool check) { m_checkToken = check; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    using ProbeCallback = std::function<void(const ProbeResult &)>;
    /// GET [base]/metadata, then [base]/.well-known/smart-configuration, then a token if asked.
    /// callback runs once, later, unless this probe or context is destroyed first.
    void probe(QObject *context, ProbeCallback callback);

    using GroupsCallback = std::function<void(const Result<QList<GroupSummary>> &)>;
    /// GET [base]/Group?_summary=true&_count=200. A refusal (403, 404, not a Bundle) is an error
    /// with a plain message: the caller lets the user type the id instead.
    void listGroups(QObject *context, GroupsCallback callback);

    /// The groups of a searchset Bundle (ids without a resource are skipped).
    [[nodiscard]] static Result<QList<GroupSummary>> parseGroupBundle(const QByteArray &json);
    [[nodiscard]] static QUrl metadataUrl(const QUrl &base);
    [[nodiscard]] static QUrl smartConfigurationUrl(const QUrl &base);
    [[nodiscard]] static QUrl groupSearchUrl(const QUrl &base);

private:
    struct Run;
    void fetchMetadata(const std::shared_ptr<Run> &run, bool withAuth);
    void fetchSmart(const std::shared_ptr<Run> &run);
    void checkToken(const std::shared_ptr<Run> &run);
    void finish(const std::shared_ptr<Run> &run);

    QPointer<HttpClient> m_client;
    bool m_checkToken = false;
    int m_timeoutMs = 20000;
};

} // namespace fbm
