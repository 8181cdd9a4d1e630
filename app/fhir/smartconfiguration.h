#pragma once

#include <QCoreApplication>

#include "activity.h"
#include "result.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QObject;

namespace fbm {

class HttpClient;

/// The parts of [base]/.well-known/smart-configuration this application uses.
struct SmartConfiguration
{
    Q_DECLARE_TR_FUNCTIONS(fbm::SmartConfiguration)

public:
    QUrl tokenEndpoint;
    QUrl authorizationEndpoint; ///< empty when the server offers no interactive login
    QStringList grantTypesSupported;
    QStringList tokenEndpointAuthMethodsSupported;
    QStringList signingAlgorithmsSupported; ///< token_endpoint_auth_signing_alg_values_supported
    QStringList scopesSupported;
    QStringList codeChallengeMethodsSupported;
    QJsonObject raw;

    /// [base]/.well-known/smart-configuration
    [[nodiscard]] static QUrl wellKnownUrl(const QUrl &base);
    /// Resolves an endpoint the way the document means it: absolute URLs as they are, a path
    /// starting with "/" against the base's origin, any other relative reference against the
    /// base taken as a folder ("auth/token" on https://h/fhir is https://h/fhir/auth/token).
    [[nodiscard]] static QUrl resolveEndpoint(const QUrl &base, const QString &endpoint);
    /// Parses the document; a missing or unusable token_endpoint is an error.
    [[nodiscard]] static Result<SmartConfiguration> parse(const QByteArray &json, const QUrl &base);

    using Callback = std::function<void(const Result<SmartConfiguration> &)>;
    /// Fetches and parses the document through \a client, the one HTTP door (GET,
    /// Accept: application/json, no credentials, no redirect to another origin), logged to
    /// \a log. The callback runs once, unless context dies first.
    static void discover(HttpClient *client, const QUrl &base, QObject *context, Callback callback,
                         int timeoutMs = 30000, ActivitySink log = {});
};

} // namespace fbm
