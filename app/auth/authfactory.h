#pragma once

#include "authprovider.h"
#include "httpclient.h"
#include "profile.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace fbm {

class SecretStore;

/// The translation context of the factory functions below.
struct AuthFactory
{
    Q_DECLARE_TR_FUNCTIONS(fbm::AuthFactory)
};

/// What a command or a window needs to talk to one server: its base URL, the token provider
/// and a client configured for it. The client is declared last so it is destroyed first.
struct AuthSetup
{
    QUrl base;
    std::optional<Profile> profile; ///< when the setup came from a profile
    std::unique_ptr<AuthProvider> auth;
    std::unique_ptr<HttpClient> client;
};

/// Builds a provider from a profile and its secret, already read: the PEM private key for
/// SMART, the client secret, the pasted token. Interactive login reads and writes its refresh
/// token through store itself (store may be null).
[[nodiscard]] Result<std::unique_ptr<AuthProvider>> createAuthProvider(const Profile &profile,
                                                                       const QByteArray &secret,
                                                                       QNetworkAccessManager *nam,
                                                                       SecretStore *store);

/// For a profile's requests outside its HttpClient (token requests, SMART discovery, the
/// interactive login): a QNetworkAccessManager that trusts the profile's CA certificate as well
/// as the system's. Null when the profile names none, or when it cannot be read (that error
/// comes from createAuthProvider() and createHttpClient()).
[[nodiscard]] std::unique_ptr<QNetworkAccessManager>
networkAccessForProfile(const Profile &profile);

/// A client for profile's base with its extra headers, its consent to plain-HTTP tokens and its
/// extra CA certificate; auth may be null.
[[nodiscard]] Result<std::unique_ptr<HttpClient>> createHttpClient(const Profile &profile,
                                                                   AuthProvider *auth);

/// Provider and client for a profile, without waiting for the keychain: the secret is read on
/// the first token request.
[[nodiscard]] Result<AuthSetup> setupForProfile(const Profile &profile, QNetworkAccessManager *nam,
                                                SecretStore *store);

/// An AuthProvider for a stored profile that reads the profile's secret from the SecretStore
/// when the first token is needed, then hands every request to the real provider. A keychain
/// that is locked or missing shows up as that request's error, not as a failure to start.
class ProfileAuth final : public AuthProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileAuth)
public:
    ProfileAuth(Profile profile, QNetworkAccessManager *nam, SecretStore *store,
                QObject *parent = nullptr);
    ~ProfileAuth() override;

    void requestToken(bool forceRefresh, QObject *context, TokenCallback callback,
                      const ActivitySink &log = {}) override;
    [[nodiscard]] QStringList secrets() const override;
    /// The real provider, once the secret has been read (null before).
    [[nodiscard]] AuthProvider *inner() const { return m_inner.get(); }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        bool forceRefresh = false;
        TokenCallback callback;
        ActivitySink log;
    };
    void loaded(const QByteArray &secret, bool found, const Error &error);

    Profile m_profile;
    QNetworkAccessManager *m_nam;
    QPointer<SecretStore> m_store;
    std::unique_ptr<AuthProvider> m_inner;
    QList<Waiter> m_waiters;
    bool m_loading = false;
    QString m_secret; ///< the raw secret, kept only so that it can be scrubbed from texts
};

} // namespace fbm
