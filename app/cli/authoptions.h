#pragma once

#include "auth/authfactory.h"
#include "result.h"

#include <QUrl>

class QCommandLineParser;
class QNetworkAccessManager;

namespace fbm {

class Session;

/// Adds the authorization options every server command shares:
/// --profile NAME, --token T, --client-id ID, --private-key PEM_FILE, --key-id KID,
/// --alg RS384|ES384, --scope S, --token-url URL, --client-secret-file FILE.
void addAuthOptions(QCommandLineParser &parser);

/// Builds the base URL, the token provider and a configured client from those options.
/// - --profile: the stored profile (its secret read from store on the first token request);
///   base, when not empty, overrides the profile's base URL.
/// - --token: a pasted bearer token.
/// - --client-id with --private-key: SMART Backend Services (token endpoint discovered unless
///   --token-url is given; the algorithm follows the key unless --alg says otherwise).
/// - --client-id with --client-secret-file: client credentials (client_secret_basic).
/// - nothing: no authorization.
/// Contradictory or incomplete options are Error::Kind::Usage errors.
/// The session gives the network, the secrets, the profiles and the opener of a sign-in page.
[[nodiscard]] Result<AuthSetup> authFromOptions(const QCommandLineParser &parser, Session &session,
                                                QUrl base);

} // namespace fbm
