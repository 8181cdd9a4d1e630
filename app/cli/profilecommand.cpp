#include "profilecommand.h"

#include "auth/jwt.h"
#include "auth/profile.h"
#include "auth/profilesecrets.h"
#include "auth/secretstore.h"
#include "cli.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

enum Exit
{
    Ok = 0,
    Failed = 1,
    Usage = 2
};

int failed(QTextStream &err, const QString &message)
{
    err << message << '\n';
    err.flush();
    return Failed;
}

// The command line runs one thing at a time: waiting here for the keychain is simpler than
// threading callbacks through a command that has nothing else to do meanwhile. start(context,
// answer) begins the asynchronous call; its answer is returned.
template<typename Result, typename Start> Result waitFor(Start start)
{
    QEventLoop loop;
    std::optional<Result> result;
    start(&loop, [&](Result r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

Error writeSecret(SecretStore *store, const QString &key, const QByteArray &value)
{
    return waitFor<Error>(
        [&](QObject *context, auto answer) { store->write(key, value, context, answer); });
}

/// Every secret the profile may have; the distinct errors of the removals that failed.
QList<Error> removeSecrets(SecretStore *store, const QString &profileId)
{
    return waitFor<QList<Error>>([&](QObject *context, auto answer) {
        ProfileSecrets::removeAll(store, profileId, context, answer);
    });
}

struct ReadResult
{
    QByteArray value;
    bool found = false;
    Error error;
};

ReadResult readSecret(SecretStore *store, const QString &key)
{
    return waitFor<ReadResult>([&](QObject *context, auto answer) {
        store->read(key, context, [answer](const QByteArray &v, bool found, const Error &e) {
            answer({v, found, e});
        });
    });
}

QJsonObject profileJson(const Profile &p)
{
    QJsonArray headers;
    for (const auto &[name, value] : p.extraHeaders)
        headers.append(QString(QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value)));
    QJsonObject o{
        {u"id"_s, p.id},
        {u"name"_s, p.name},
        {u"base"_s, p.baseUrl.toString()},
        {u"auth"_s, Profile::authKindName(p.auth)},
        {u"reporting"_s, p.reporting},
        {u"keepFilesOnServer"_s, p.keepFilesOnServer},
        {u"gzipOutputs"_s, p.gzipOutputs},
        {u"downloadAttachments"_s, p.downloadAttachments},
    };
    if (p.auth != Profile::AuthKind::None && p.auth != Profile::AuthKind::StaticToken) {
        o.insert(u"clientId"_s, p.clientId);
        o.insert(u"scope"_s, p.scope);
        if (!p.tokenUrl.isEmpty())
            o.insert(u"tokenUrl"_s, p.tokenUrl.toString());
    }
    if (p.auth == Profile::AuthKind::SmartBackend) {
        o.insert(u"keyId"_s, p.keyId);
        o.insert(u"alg"_s, jwt::algorithmName(p.algorithm));
    }
    if (p.auth == Profile::AuthKind::ClientSecret)
        o.insert(u"clientAuth"_s,
                 p.clientAuthMethod == Profile::ClientAuthMethod::Post ? u"post"_s : u"basic"_s);
    if (!headers.isEmpty())
        o.insert(u"headers"_s, headers);
    if (!p.outputDir.isEmpty())
        o.insert(u"outDir"_s, p.outputDir);
    return o;
}

int runAdd(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err,
           ProfileStore *profiles, SecretStore *secrets, QIODevice *input)
{
    p.addOptions({
        {u"name"_s, Text::tr("The profile's name."), Text::tr("NAME")},
        {u"base"_s, Text::tr("The server's FHIR base URL."), Text::tr("URL")},
        {u"auth"_s, Text::tr("How to authorize: none, token, client-secret, smart or interactive."),
         Text::tr("KIND"), u"none"_s},
        {u"client-id"_s, Text::tr("The client id (client-secret, smart, interactive)."),
         Text::tr("ID")},
        {u"scope"_s, Text::tr("The scope to ask for (default: system/*.read)."), Text::tr("SCOPE")},
        {u"key-id"_s, Text::tr("The key id (kid) registered for the key (smart)."),
         Text::tr("KID")},
        {u"alg"_s, Text::tr("RS384 or ES384 (smart; default: the key's)."), Text::tr("ALG")},
        {u"token-url"_s, Text::tr("The token endpoint (default: discovered)."), Text::tr("URL")},
        {u"authorization-url"_s, Text::tr("The sign-in page (interactive; default: discovered)."),
         Text::tr("URL")},
        {u"client-auth"_s,
         Text::tr("basic or post: how the client secret is sent (default basic)."),
         Text::tr("METHOD")},
        {u"header"_s,
         Text::tr("An extra header sent with every request, \"Name: value\" (repeatable)."),
         Text::tr("HEADER")},
        {u"out-dir"_s, Text::tr("The folder exports from this server are saved in."),
         Text::tr("DIR")},
        {u"reporting"_s, Text::tr("The server is a reporting server (report jobs).")},
        {u"allow-insecure-token"_s,
         Text::tr("Send the token over plain HTTP too (not recommended).")},
        {u"allow-private-networks"_s,
         Text::tr(
             "Let files and redirects reach private networks (10.x, 172.16-31.x, 192.168.x) on "
             "other hosts than the server's own.")},
        {u"keep-on-server"_s,
         Text::tr("Leave the files on the server once they are saved (no DELETE to the status "
                  "URL).")},
        {u"gzip"_s, Text::tr("Store the export's files compressed, as <Type>.<n>.ndjson.gz.")},
        {u"attachments"_s,
         Text::tr("Also save the attachments that DocumentReference and DiagnosticReport "
                  "resources name on the same server, into attachments/.")},
        {u"ca-certificate"_s, Text::tr("An extra CA certificate (PEM) to trust for this server."),
         Text::tr("FILE")},
        {u"secret-file"_s,
         Text::tr("Read the secret (token, client secret or private key) from FILE."),
         Text::tr("FILE")},
        {u"private-key"_s, Text::tr("Read the private key (PEM) from FILE (smart)."),
         Text::tr("FILE")},
        {u"secret-stdin"_s, Text::tr("Read the secret from standard input.")},
        {u"generate-key"_s,
         Text::tr("Generate a new key for smart (RSA 3072 for RS384, EC P-384 for ES384) and print "
                  "its public JWKS for registration.")},
    });
    if (int exit = Ok; !parse(p, args, out, err, &exit))
        return exit;
    if (p.positionalArguments().size() > 1)
        //: %1 the unexpected words
        return usage(
            err,
            Text::tr("Unexpected arguments: %1").arg(p.positionalArguments().mid(1).join(u' ')), p);
    if (!p.isSet(u"name"_s) || !p.isSet(u"base"_s))
        return usage(err, Text::tr("profile add needs --name and --base."), p);
    const auto kind = Profile::authKindFromName(p.value(u"auth"_s));
    if (!kind)
        //: %1 what the user typed
        return usage(err,
                     Text::tr("--auth must be none, token, client-secret, smart or interactive, "
                              "not \"%1\".")
                         .arg(p.value(u"auth"_s)),
                     p);

    Profile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = p.value(u"name"_s).trimmed();
    // As strict as export's --base: QUrl::fromUserInput() would make "notaurl" http://notaurl.
    profile.baseUrl = QUrl(p.value(u"base"_s).trimmed(), QUrl::StrictMode);
    if (!profile.baseUrl.isValid() || profile.baseUrl.host().isEmpty() ||
        (profile.baseUrl.scheme() != "https"_L1 && profile.baseUrl.scheme() != "http"_L1))
        //: %1 is what the user typed
        return usage(err,
                     Text::tr("The base URL must start with https:// or http://, not \"%1\".")
                         .arg(p.value(u"base"_s)),
                     p);
    profile.auth = *kind;
    profile.clientId = p.value(u"client-id"_s).trimmed();
    if (p.isSet(u"scope"_s))
        profile.scope = p.value(u"scope"_s);
    profile.keyId = p.value(u"key-id"_s);
    if (p.isSet(u"token-url"_s))
        profile.tokenUrl = QUrl::fromUserInput(p.value(u"token-url"_s));
    if (p.isSet(u"authorization-url"_s))
        profile.authorizationUrl = QUrl::fromUserInput(p.value(u"authorization-url"_s));
    if (p.isSet(u"client-auth"_s)) {
        const QString m = p.value(u"client-auth"_s);
        if (m == "post"_L1)
            profile.clientAuthMethod = Profile::ClientAuthMethod::Post;
        else if (m != "basic"_L1)
            return usage(err, Text::tr("--client-auth must be basic or post."), p);
    }
    const QStringList headers = p.values(u"header"_s);
    for (const QString &h : headers) {
        const auto parsed = Profile::parseHeader(h);
        if (!parsed)
            //: %1 what the user typed
            return usage(
                err, Text::tr("--header must look like \"Name: value\", not \"%1\".").arg(h), p);
        profile.extraHeaders.append(*parsed);
    }
    profile.outputDir = p.value(u"out-dir"_s);
    profile.reporting = p.isSet(u"reporting"_s);
    profile.allowInsecureToken = p.isSet(u"allow-insecure-token"_s);
    profile.allowPrivateNetworks = p.isSet(u"allow-private-networks"_s);
    profile.keepFilesOnServer = p.isSet(u"keep-on-server"_s);
    profile.gzipOutputs = p.isSet(u"gzip"_s);
    profile.downloadAttachments = p.isSet(u"attachments"_s);
    profile.caCertificateFile = p.value(u"ca-certificate"_s);
    if (const QStringList problems = profile.problems(); !problems.isEmpty())
        return usage(err, problems.join(u'\n'), p);
    if (profiles->byName(profile.name))
        //: %1 a profile name
        return failed(
            err,
            Text::tr("A profile named \"%1\" exists already; remove it first.").arg(profile.name));

    // Where the secret comes from.
    const int sources = int(p.isSet(u"secret-file"_s)) + int(p.isSet(u"private-key"_s)) +
                        int(p.isSet(u"secret-stdin"_s)) + int(p.isSet(u"generate-key"_s));
    if (sources > 1)
        return usage(err,
                     Text::tr("Give only one of --secret-file, --private-key, --secret-stdin and "
                              "--generate-key."),
                     p);
    const bool needsSecret = profile.auth == Profile::AuthKind::StaticToken ||
                             profile.auth == Profile::AuthKind::ClientSecret ||
                             profile.auth == Profile::AuthKind::SmartBackend;
    if (!needsSecret && sources > 0)
        //: %1 the kind of authorization
        return usage(err,
                     Text::tr("A profile with --auth %1 keeps no secret.")
                         .arg(Profile::authKindName(profile.auth)),
                     p);
    if (needsSecret && sources == 0)
        return usage(err,
                     Text::tr("This kind of authorization needs a secret: give --secret-file, "
                              "--secret-stdin, or for smart --private-key or --generate-key."),
                     p);
    if (profile.auth != Profile::AuthKind::SmartBackend &&
        (p.isSet(u"private-key"_s) || p.isSet(u"generate-key"_s)))
        return usage(err, Text::tr("--private-key and --generate-key are for --auth smart."), p);

    QByteArray secret;
    if (p.isSet(u"secret-file"_s) || p.isSet(u"private-key"_s)) {
        const QString path =
            p.value(p.isSet(u"secret-file"_s) ? u"secret-file"_s : u"private-key"_s);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            //: %1 a file path, %2 the system's reason
            return failed(err, Text::tr("Cannot read %1: %2").arg(path, f.errorString()));
        secret = f.readAll();
    } else if (p.isSet(u"secret-stdin"_s)) {
        QFile stdinFile;
        QIODevice *in = input;
        if (!in) {
            if (!stdinFile.open(stdin, QIODevice::ReadOnly))
                return failed(err, Text::tr("Cannot read standard input."));
            in = &stdinFile;
        }
        secret = in->readAll();
    }
    if (profile.auth == Profile::AuthKind::ClientSecret ||
        profile.auth == Profile::AuthKind::StaticToken)
        secret = secret.trimmed(); // the newline a file or echo adds is not part of it
    if (needsSecret && !p.isSet(u"generate-key"_s) && secret.isEmpty())
        return failed(err, Text::tr("The secret is empty."));

    QByteArray jwks;
    if (profile.auth == Profile::AuthKind::SmartBackend) {
        if (profile.clientId.isEmpty())
            return usage(err, Text::tr("--auth smart needs --client-id."), p);
        std::optional<jwt::Algorithm> alg;
        if (p.isSet(u"alg"_s)) {
            alg = jwt::algorithmFromName(p.value(u"alg"_s));
            if (!alg)
                return usage(err, Text::tr("--alg must be RS384 or ES384."), p);
        }
        jwt::Key key;
        if (p.isSet(u"generate-key"_s)) {
            auto generated = jwt::Key::generate(alg.value_or(jwt::Algorithm::RS384));
            if (!generated.ok())
                return failed(err, generated.error().message);
            key = generated.value();
            secret = key.privatePem();
        } else {
            auto loaded = jwt::Key::fromPrivatePem(secret);
            if (!loaded.ok())
                return failed(err, loaded.error().message);
            key = loaded.value();
        }
        if (!alg)
            alg = key.defaultAlgorithm();
        if (!alg)
            return failed(err, Text::tr("The key fits neither RS384 nor ES384."));
        if (const QString why = key.unsuitableFor(*alg); !why.isEmpty())
            return failed(err, why);
        profile.algorithm = *alg;
        if (profile.keyId.isEmpty())
            profile.keyId = key.thumbprint();
        jwks = jwt::jwksText(key, profile.keyId, profile.algorithm);
    }

    // The secret first: a profile whose secret could not be kept is not saved at all.
    if (needsSecret) {
        const Error e = writeSecret(secrets, profile.secretKey(), secret);
        if (e)
            return failed(err, e.message);
    }
    const auto saved = profiles->save(profile);
    if (!saved.ok()) {
        if (needsSecret)
            removeSecrets(secrets, profile.id);
        return failed(err, saved.error().message);
    }
    //: %1 a profile name
    err << Text::tr("Profile \"%1\" added.").arg(profile.name) << '\n';
    if (needsSecret)
        err << (secrets->isPersistent() ? Text::tr("Its secret is stored in the keychain.")
                                        : Text::tr("Its secret is kept for this session only."))
            << '\n';
    if (!jwks.isEmpty()) {
        err << Text::tr("Register this public key (JWKS) with the server:") << '\n';
        out << jwks;
    }
    out.flush();
    err.flush();
    return Ok;
}

int runList(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err,
            ProfileStore *profiles)
{
    p.addOption({u"json"_s, Text::tr("Print JSON.")});
    if (int exit = Ok; !parse(p, args, out, err, &exit))
        return exit;
    const QList<Profile> all = profiles->profiles();
    if (p.isSet(u"json"_s)) {
        QJsonArray a;
        for (const Profile &pr : all)
            a.append(profileJson(pr));
        out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else if (all.isEmpty()) {
        err << Text::tr("No profiles yet. Add one with 'fhir-bulk-monitor profile add'.") << '\n';
    } else {
        for (const Profile &pr : all)
            out << pr.name << '\t' << Profile::authKindName(pr.auth) << '\t'
                << pr.baseUrl.toString() << '\n';
    }
    out.flush();
    err.flush();
    return Ok;
}

int runShow(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err,
            ProfileStore *profiles, SecretStore *secrets)
{
    p.addOption({u"json"_s, Text::tr("Print JSON.")});
    p.addOption({u"jwks"_s, Text::tr("Print the public key set (JWKS) of a smart profile.")});
    p.addPositionalArgument(u"name"_s, Text::tr("The profile's name."));
    if (int exit = Ok; !parse(p, args, out, err, &exit))
        return exit;
    const QStringList pos = p.positionalArguments().mid(1);
    if (pos.size() != 1)
        return usage(err, Text::tr("profile show needs the profile's name."), p);
    const auto profile = profiles->byName(pos.first());
    if (!profile)
        //: %1 a profile name
        return failed(err, Text::tr("There is no profile named \"%1\".").arg(pos.first()));

    // Only whether the secret is there is shown, never the secret.
    QString secretState;
    ReadResult stored;
    if (!profile->secretKey().isEmpty()) {
        stored = readSecret(secrets, profile->secretKey());
        secretState = stored.error   ? stored.error.message
                      : stored.found ? Text::tr("stored in the keychain")
                                     : Text::tr("not stored");
    }
    if (p.isSet(u"jwks"_s)) {
        if (profile->auth != Profile::AuthKind::SmartBackend)
            return failed(err, Text::tr("Only a smart profile has a key."));
        if (!stored.found)
            return failed(err, stored.error ? stored.error.message : Text::tr("No key is stored."));
        const auto key = jwt::Key::fromPrivatePem(stored.value);
        if (!key.ok())
            return failed(err, key.error().message);
        out << jwt::jwksText(key.value(), profile->keyId, profile->algorithm);
        out.flush();
        return Ok;
    }
    if (p.isSet(u"json"_s)) {
        QJsonObject o = profileJson(*profile);
        if (!secretState.isEmpty())
            o.insert(u"secret"_s, stored.found ? u"stored"_s : u"missing"_s);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        out.flush();
        return Ok;
    }
    const QJsonObject o = profileJson(*profile);
    for (auto it = o.begin(); it != o.end(); ++it) {
        QString v = it.value().isArray()  ? QString()
                    : it.value().isBool() ? (it.value().toBool() ? u"yes"_s : u"no"_s)
                                          : it.value().toString();
        if (it.value().isArray()) {
            QStringList parts;
            const QJsonArray a = it.value().toArray();
            for (const QJsonValue &e : a)
                parts << e.toString();
            v = parts.join(u"; "_s);
        }
        out << it.key() << ": " << v << '\n';
    }
    if (!secretState.isEmpty())
        out << "secret: " << secretState << '\n';
    out.flush();
    return Ok;
}

int runRemove(CommandParser &p, const QStringList &args, QTextStream &out, QTextStream &err,
              ProfileStore *profiles, SecretStore *secrets)
{
    p.addPositionalArgument(u"name"_s, Text::tr("The profile's name."));
    if (int exit = Ok; !parse(p, args, out, err, &exit))
        return exit;
    const QStringList pos = p.positionalArguments().mid(1);
    if (pos.size() != 1)
        return usage(err, Text::tr("profile remove needs the profile's name."), p);
    const auto profile = profiles->byName(pos.first());
    if (!profile)
        //: %1 a profile name
        return failed(err, Text::tr("There is no profile named \"%1\".").arg(pos.first()));
    // Every secret name, not only the current kind's: an earlier kind may have left one.
    QStringList problems;
    for (const Error &e : removeSecrets(secrets, profile->id))
        problems << e.message;
    profiles->remove(profile->id);
    //: %1 a profile name
    err << Text::tr("Profile \"%1\" removed.").arg(profile->name) << '\n';
    for (const QString &problem : std::as_const(problems))
        err << problem << '\n';
    out.flush();
    err.flush();
    return problems.isEmpty() ? Ok : Failed;
}

} // namespace

int runProfileCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runProfileCommand(args, out, err, nullptr, nullptr, nullptr);
}

int runProfileCommand(const QStringList &args, QTextStream &out, QTextStream &err,
                      ProfileStore *profiles, SecretStore *secrets, QIODevice *input)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(Text::tr("Add, list, show or remove server profiles."));
    p.addHelpOption();
    p.addPositionalArgument(u"subcommand"_s, Text::tr("add, list, show or remove"));
    p.addOption({u"profiles-file"_s, Text::tr("The profiles file (default: the application's)."),
                 Text::tr("FILE")});
    const QString sub = args.value(1);
    const QStringList subs{u"add"_s, u"list"_s, u"show"_s, u"remove"_s};
    if (!subs.contains(sub)) {
        if (sub == "--help"_L1 || sub == "-h"_L1 || sub == "help"_L1) {
            out << p.commandHelpText();
            out.flush();
            return Ok;
        }
        return usage(err, Text::tr("Use profile add, list, show or remove."), p);
    }

    // The option is parsed before the subcommand's own parser runs, to open the right file.
    std::unique_ptr<Session> session;
    if (!profiles || !secrets) {
        QString file;
        const qsizetype i = args.indexOf(u"--profiles-file"_s);
        if (i >= 0)
            file = args.value(i + 1);
        for (const QString &a : args) {
            if (a.startsWith(u"--profiles-file="_s))
                file = a.mid(16);
        }
        session = std::make_unique<Session>(commandLineSession(file));
        if (!profiles)
            profiles = session->profileStore();
        if (!secrets)
            secrets = session->secrets();
    }

    // The subcommand's help names it ("fhir-bulk-monitor profile add [options]").
    p.setProgram(args.value(0) + u' ' + sub);
    p.clearPositionalArguments();
    if (sub == "add"_L1)
        return runAdd(p, args, out, err, profiles, secrets, input);
    if (sub == "list"_L1)
        return runList(p, args, out, err, profiles);
    if (sub == "show"_L1)
        return runShow(p, args, out, err, profiles, secrets);
    return runRemove(p, args, out, err, profiles, secrets);
}

} // namespace fbm::cli
