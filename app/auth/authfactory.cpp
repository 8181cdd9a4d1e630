#include "authfactory.h"

#include "interactivelogin.h"
#include "secretstore.h"
#include "tokenauth.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <optional>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// The system's CA certificates and the profile's extra one; none when the profile names no
/// file (then the defaults apply as they are).
Result<std::optional<QSslConfiguration>> profileSsl(const Profile &profile)
{
    if (profile.caCertificateFile.isEmpty())
        return std::optional<QSslConfiguration>();
    if (!QFile::exists(profile.caCertificateFile))
        return Error::make(Error::Kind::Io,
                           //: %1 is a file path
                           AuthFactory::tr("The CA certificate file %1 does not exist.")
                               .arg(profile.caCertificateFile));
    const QList<QSslCertificate> certs =
        QSslCertificate::fromPath(profile.caCertificateFile, QSsl::Pem);
    if (certs.isEmpty())
        return Error::make(Error::Kind::Usage,
                           //: %1 is a file path
                           AuthFactory::tr("The file %1 holds no certificate in PEM form.")
                               .arg(profile.caCertificateFile));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(certs);
    return std::optional<QSslConfiguration>(ssl);
}

/// Sends every request with one TLS configuration: the token requests, the SMART discovery and
/// the interactive login of a profile with its own CA certificate trust that CA, as the
/// HttpClient does for the FHIR requests (a hospital's token endpoint is usually signed by the
/// same internal CA as its FHIR server).
class TrustingNetworkAccess final : public QNetworkAccessManager
{
public:
    explicit TrustingNetworkAccess(QSslConfiguration ssl)
        : m_ssl(std::move(ssl))
    {}

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &original,
                                 QIODevice *data) override
    {
        QNetworkRequest request(original);
        request.setSslConfiguration(m_ssl);
        return QNetworkAccessManager::createRequest(op, request, data);
    }

private:
    QSslConfiguration m_ssl;
};

} // namespace

Result<std::unique_ptr<AuthProvider>> createAuthProvider(const Profile &profile,
                                                         const QByteArray &secret,
                                                         QNetworkAccessManager *nam,
                                                         SecretStore *store)
{
    using Kind = Profile::AuthKind;
    const auto ssl = profileSsl(profile);
    if (!ssl.ok())
        return ssl.error();
    // Token requests and discovery go through a client of their own with the profile's
    // settings (TLS trust, proxies, address rules), without the provider's token; owned by the
    // provider. Only the interactive sign-in needs Qt Network (QOAuth2AuthorizationCodeFlow).
    std::unique_ptr<HttpClient> http;
    if (profile.auth == Kind::ClientSecret || profile.auth == Kind::SmartBackend ||
        profile.auth == Kind::Interactive) {
        auto made = createHttpClient(profile, nullptr);
        if (!made.ok())
            return made.error();
        http = std::move(made.value());
    }
    std::unique_ptr<QNetworkAccessManager> trusting;
    if (ssl.value() && profile.auth == Kind::Interactive) {
        trusting = std::make_unique<TrustingNetworkAccess>(*ssl.value());
        nam = trusting.get();
    }
    std::unique_ptr<AuthProvider> provider;
    switch (profile.auth) {
    case Kind::None:
        provider = std::make_unique<NoAuth>();
        break;
    case Kind::StaticToken:
        if (secret.trimmed().isEmpty())
            return Error::make(Error::Kind::Usage, AuthFactory::tr("The profile has no token."));
        provider = std::make_unique<StaticTokenAuth>(QString::fromUtf8(secret.trimmed()));
        break;
    case Kind::ClientSecret:
        if (secret.isEmpty())
            return Error::make(Error::Kind::Usage,
                               AuthFactory::tr("The profile has no client secret."));
        provider = std::make_unique<ClientCredentialsAuth>(
            http.get(), profile.baseUrl, profile.tokenUrl, profile.clientId,
            // A secret read from a file usually ends with a newline that is not part of it.
            QString::fromUtf8(secret).trimmed(), profile.scope,
            profile.clientAuthMethod == Profile::ClientAuthMethod::Post
                ? ClientCredentialsAuth::Method::Post
                : ClientCredentialsAuth::Method::Basic);
        break;
    case Kind::SmartBackend: {
        auto key = jwt::Key::fromPrivatePem(secret);
        if (!key.ok())
            return key.error();
        if (const QString why = key->unsuitableFor(profile.algorithm); !why.isEmpty())
            return Error::make(Error::Kind::Usage, why);
        provider = std::make_unique<SmartBackendAuth>(http.get(), profile.baseUrl, profile.tokenUrl,
                                                      profile.clientId, key.value(), profile.keyId,
                                                      profile.algorithm, profile.scope);
        break;
    }
    case Kind::Interactive: {
        auto login = std::make_unique<InteractiveLoginAuth>(
            nam, http.get(), profile.baseUrl, profile.authorizationUrl, profile.tokenUrl,
            profile.clientId, profile.scope, store, profile.secretKey());
        login->setRedirectPort(profile.redirectPort);
        provider = std::move(login);
        break;
    }
    }
    if (trusting)
        trusting.release()->setParent(provider.get());
    if (http)
        http.release()->setParent(provider.get());
    return provider;
}

std::unique_ptr<QNetworkAccessManager> networkAccessForProfile(const Profile &profile)
{
    const auto ssl = profileSsl(profile);
    if (!ssl.ok() || !ssl.value())
        return {};
    return std::make_unique<TrustingNetworkAccess>(*ssl.value());
}

Result<std::unique_ptr<HttpClient>> createHttpClient(const Profile &profile, AuthProvider *auth)
{
    auto client = std::make_unique<HttpClient>(profile.baseUrl);
    client->setAuth(auth);
    client->setExtraHeaders(profile.extraHeaders);
    client->setAllowInsecureToken(profile.allowInsecureToken);
    client->setAllowPrivateNetworks(profile.allowPrivateNetworks);
    const auto ssl = profileSsl(profile);
    if (!ssl.ok())
        return ssl.error();
    if (ssl.value())
        client->setSslConfiguration(*ssl.value());
    return client;
}

Result<AuthSetup> setupForProfile(const Profile &profile, QNetworkAccessManager *nam,
                                  SecretStore *store)
{
    if (const QStringList problems = profile.problems(); !problems.isEmpty())
        return Error::make(Error::Kind::Usage, problems.join(u' '));
    AuthSetup setup;
    setup.base = profile.baseUrl;
    setup.profile = profile;
    if (profile.auth == Profile::AuthKind::None) {
        setup.auth = std::make_unique<NoAuth>();
    } else if (profile.auth == Profile::AuthKind::Interactive) {
        auto provider = createAuthProvider(profile, {}, nam, store);
        if (!provider.ok())
            return provider.error();
        setup.auth = std::move(provider.value());
    } else {
        setup.auth = std::make_unique<ProfileAuth>(profile, nam, store);
    }
    auto client = createHttpClient(profile, setup.auth.get());
    if (!client.ok())
        return client.error();
    setup.client = std::move(client.value());
    return setup;
}

// ---------------------------------------------------------------------------------------------

ProfileAuth::ProfileAuth(Profile profile, QNetworkAccessManager *nam, SecretStore *store,
                         QObject *parent)
    : AuthProvider(parent)
    , m_profile(std::move(profile))
    , m_nam(nam)
    , m_store(store)
{}

ProfileAuth::~ProfileAuth() = default;

QStringList ProfileAuth::secrets() const
{
    QStringList s = m_inner ? m_inner->secrets() : QStringList();
    if (!m_secret.isEmpty())
        s.append(m_secret);
    return s;
}

void ProfileAuth::requestToken(bool forceRefresh, QObject *context, TokenCallback callback,
                               const ActivitySink &log)
{
    if (m_inner) {
        m_inner->requestToken(forceRefresh, context, std::move(callback), log);
        return;
    }
    m_waiters.append({context, context != nullptr, forceRefresh, std::move(callback), log});
    if (m_loading)
        return;
    m_loading = true;
    if (!m_store) {
        loaded({}, false, {});
        return;
    }
    m_store->read(m_profile.secretKey(), this,
                  [this](const QByteArray &secret, bool found, const Error &error) {
                      loaded(secret, found, error);
                  });
}

void ProfileAuth::loaded(const QByteArray &secret, bool found, const Error &error)
{
    m_loading = false;
    Error e = error;
    if (!e && !found)
        e = Error::make(
            Error::Kind::Auth,
            //: %1 is a profile name
            AuthFactory::tr("No secret is stored for the profile \"%1\". Enter it again in the "
                            "profile.")
                .arg(m_profile.name));
    if (!e) {
        m_secret = QString::fromUtf8(secret);
        auto provider = createAuthProvider(m_profile, secret, m_nam, m_store);
        if (provider.ok()) {
            m_inner = std::move(provider.value());
            m_inner->setParent(nullptr);
        } else {
            e = provider.error();
        }
    }
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (w.hadContext && !w.context)
            continue;
        if (e)
            w.callback({}, e);
        else
            m_inner->requestToken(w.forceRefresh, w.context, w.callback, w.log);
    }
}

} // namespace fbm
