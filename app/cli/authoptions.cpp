#include "authoptions.h"

#include "cli.h"

#include "auth/interactivelogin.h"
#include "auth/jwt.h"
#include "auth/profile.h"
#include "auth/secretstore.h"
#include "auth/tokenauth.h"
#include "session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

Error usage(const QString &message)
{
    return Error::make(Error::Kind::Usage, message);
}

Result<QByteArray> readSecretFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        //: %1 is a file path, %2 the system's reason
        return usage(cli::Text::tr("Cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray data = f.readAll();
    if (data.trimmed().isEmpty())
        //: %1 is a file path
        return usage(cli::Text::tr("The file %1 is empty.").arg(path));
    return data;
}

bool validBase(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == "https"_L1 || url.scheme() == "http"_L1);
}

} // namespace

void addAuthOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"profile"_s,
         cli::Text::tr("Use the stored server profile NAME (base URL, authorization)."),
         cli::Text::tr("NAME")},
        {u"token"_s, cli::Text::tr("A bearer token to send to the server."),
         cli::Text::tr("TOKEN")},
        {u"client-id"_s,
         cli::Text::tr("The client id for SMART Backend Services (with --private-key) or client "
                       "credentials (with --client-secret-file)."),
         cli::Text::tr("ID")},
        {u"private-key"_s,
         cli::Text::tr("The private key (PEM, RSA or EC P-384) that signs SMART Backend Services "
                       "assertions."),
         cli::Text::tr("PEM_FILE")},
        {u"key-id"_s, cli::Text::tr("The key id (kid) registered with the server for the key."),
         cli::Text::tr("KID")},
        {u"alg"_s, cli::Text::tr("The signing algorithm: RS384 or ES384 (default: the key's)."),
         cli::Text::tr("ALG")},
        {u"scope"_s, cli::Text::tr("The scope to ask for (default: system/*.read)."),
         cli::Text::tr("SCOPE")},
        {u"token-url"_s,
         cli::Text::tr("The token endpoint (default: discovered from the server's "
                       ".well-known/smart-configuration)."),
         cli::Text::tr("URL")},
        {u"client-secret-file"_s,
         cli::Text::tr("A file holding the client secret (client credentials grant)."),
         cli::Text::tr("FILE")},
        {u"allow-private-networks"_s,
         cli::Text::tr(
             "Let files and redirects reach private networks (10.x, 172.16-31.x, 192.168.x) on "
             "other hosts than the server's own.")},
    });
}

Result<AuthSetup> authFromOptions(const QCommandLineParser &parser, Session &session, QUrl base)
{
    QNetworkAccessManager *nam = session.network();
    SecretStore *store = session.secrets();
    ProfileStore *profiles = session.profileStore();
    const auto has = [&parser](const char *name) {
        return parser.isSet(QLatin1String(name));
    };
    const auto value = [&parser](const char *name) {
        return parser.value(QLatin1String(name));
    };
    const bool smartOptions = has("private-key") || has("key-id") || has("alg");
    const bool oauthOptions =
        has("client-id") || has("client-secret-file") || smartOptions || has("token-url");

    if (has("profile")) {
        if (has("token") || oauthOptions)
            return usage(
                cli::Text::tr("--profile already says how to authorize; leave out --token, "
                              "--client-id and the other authorization options."));
        if (!profiles)
            return usage(cli::Text::tr("Profiles are not available here."));
        auto profile = profiles->byName(value("profile"));
        if (!profile)
            //: %1 is a profile name
            return usage(
                cli::Text::tr("There is no profile named \"%1\". See 'fhir-bulk-monitor profile "
                              "list'.")
                    .arg(value("profile")));
        if (!base.isEmpty())
            profile->baseUrl = base;
        if (has("scope"))
            profile->scope = value("scope");
        if (has("allow-private-networks"))
            profile->allowPrivateNetworks = true;
        auto setup = setupForProfile(*profile, nam, store);
        if (setup.ok()) {
            if (auto *login = qobject_cast<InteractiveLoginAuth *>(setup->auth.get()))
                QObject::connect(login, &InteractiveLoginAuth::authorizeWithBrowser, login,
                                 session.options().openUrl);
        }
        return setup;
    }

    if (base.isEmpty())
        return usage(cli::Text::tr("Give the server's base URL, or --profile."));
    if (!validBase(base))
        //: %1 is what the user typed
        return usage(cli::Text::tr("The base URL must start with https:// or http://, not \"%1\".")
                         .arg(base.toString()));

    Profile p; // a profile that lives only for this command; nothing is stored
    p.name = cli::Text::tr("command line");
    p.baseUrl = base;
    p.allowPrivateNetworks = has("allow-private-networks");
    QByteArray secret;
    if (has("token")) {
        if (oauthOptions)
            return usage(
                cli::Text::tr("--token cannot be combined with --client-id, --private-key or "
                              "--client-secret-file."));
        if (value("token").trimmed().isEmpty())
            return usage(cli::Text::tr("--token is empty."));
        p.auth = Profile::AuthKind::StaticToken;
        secret = value("token").toUtf8();
    } else if (oauthOptions) {
        if (!has("client-id") || value("client-id").trimmed().isEmpty())
            return usage(
                cli::Text::tr("--client-id is needed with --private-key or --client-secret-file."));
        if (has("private-key") == has("client-secret-file"))
            return usage(
                cli::Text::tr("Give either --private-key (SMART Backend Services) or "
                              "--client-secret-file (client credentials) with --client-id."));
        p.clientId = value("client-id").trimmed();
        if (has("scope"))
            p.scope = value("scope");
        if (has("token-url")) {
            p.tokenUrl = QUrl::fromUserInput(value("token-url"));
            if (!validBase(p.tokenUrl))
                //: %1 is what the user typed
                return usage(cli::Text::tr("--token-url must be an https:// address, not \"%1\".")
                                 .arg(value("token-url")));
        }
        if (has("client-secret-file")) {
            if (smartOptions)
                return usage(cli::Text::tr("--key-id and --alg belong to --private-key, not to "
                                           "--client-secret-file."));
            auto read = readSecretFile(value("client-secret-file"));
            if (!read.ok())
                return read.error();
            p.auth = Profile::AuthKind::ClientSecret;
            secret = read.value();
        } else {
            auto read = readSecretFile(value("private-key"));
            if (!read.ok())
                return read.error();
            auto key = jwt::Key::fromPrivatePem(read.value());
            if (!key.ok())
                return usage(key.error().message);
            std::optional<jwt::Algorithm> alg = key->defaultAlgorithm();
            if (has("alg")) {
                alg = jwt::algorithmFromName(value("alg"));
                if (!alg)
                    //: %1 is what the user typed
                    return usage(cli::Text::tr("--alg must be RS384 or ES384, not \"%1\".")
                                     .arg(value("alg")));
            }
            if (!alg)
                return usage(
                    cli::Text::tr("The key fits neither RS384 nor ES384 (use RSA, or EC on the "
                                  "P-384 curve)."));
            if (const QString why = key->unsuitableFor(*alg); !why.isEmpty())
                return usage(why);
            p.auth = Profile::AuthKind::SmartBackend;
            p.algorithm = *alg;
            p.keyId = has("key-id") ? value("key-id") : key->thumbprint();
            secret = read.value();
        }
    }

    AuthSetup setup;
    setup.base = base;
    auto provider = createAuthProvider(p, secret, nam, store);
    if (!provider.ok())
        return provider.error();
    setup.auth = std::move(provider.value());
    auto client = createHttpClient(p, setup.auth.get());
    if (!client.ok())
        return client.error();
    setup.client = std::move(client.value());
    return setup;
}

} // namespace fbm
