#include "profile.h"

#include "secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr int kFormatVersion = 1;

} // namespace

QString Profile::authKindName(AuthKind kind)
{
    switch (kind) {
    case AuthKind::None:
        return u"none"_s;
    case AuthKind::StaticToken:
        return u"token"_s;
    case AuthKind::ClientSecret:
        return u"client-secret"_s;
    case AuthKind::SmartBackend:
        return u"smart"_s;
    case AuthKind::Interactive:
        return u"interactive"_s;
    }
    return {};
}

std::optional<Profile::AuthKind> Profile::authKindFromName(QStringView name)
{
    for (AuthKind k : {AuthKind::None, AuthKind::StaticToken, AuthKind::ClientSecret,
                       AuthKind::SmartBackend, AuthKind::Interactive}) {
        if (name.compare(authKindName(k), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

QString Profile::authKindTitle(AuthKind kind)
{
    switch (kind) {
    case AuthKind::None:
        return Profile::tr("No authorization");
    case AuthKind::StaticToken:
        return Profile::tr("Bearer token");
    case AuthKind::ClientSecret:
        return Profile::tr("Client credentials (client secret)");
    case AuthKind::SmartBackend:
        return Profile::tr("SMART Backend Services");
    case AuthKind::Interactive:
        return Profile::tr("Sign in with a browser");
    }
    return {};
}

QString Profile::secretName() const
{
    switch (auth) {
    case AuthKind::None:
        return {};
    case AuthKind::StaticToken:
        return QLatin1String(SecretStore::StaticToken);
    case AuthKind::ClientSecret:
        return QLatin1String(SecretStore::ClientSecret);
    case AuthKind::SmartBackend:
        return QLatin1String(SecretStore::PrivateKey);
    case AuthKind::Interactive:
        return QLatin1String(SecretStore::RefreshToken);
    }
    return {};
}

QString Profile::secretKey() const
{
    const QString name = secretName();
    return name.isEmpty() || id.isEmpty() ? QString() : SecretStore::keyFor(id, name);
}

QStringList Profile::problems() const
{
    QStringList out;
    if (name.trimmed().isEmpty())
        out << Profile::tr("The profile needs a name.");
    if (!baseUrl.isValid() || baseUrl.host().isEmpty() ||
        (baseUrl.scheme() != "https"_L1 && baseUrl.scheme() != "http"_L1))
        out << Profile::tr("The server address must be a web address starting with https:// (or "
                           "http://).");
    const bool needsClient = auth == AuthKind::ClientSecret || auth == AuthKind::SmartBackend ||
                             auth == AuthKind::Interactive;
    if (needsClient && clientId.trimmed().isEmpty())
        out << Profile::tr("The client id is missing.");
    if (!tokenUrl.isEmpty() && (!tokenUrl.isValid() || tokenUrl.isRelative()))
        out << Profile::tr("The token URL is not a complete web address.");
    return out;
}

std::optional<QPair<QByteArray, QByteArray>> Profile::parseHeader(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    const QByteArray name = text.left(colon).trimmed().toLatin1();
    const QByteArray value = text.mid(colon + 1).trimmed().toUtf8();
    // A header name is a token (RFC 9110): no spaces or separators.
    for (char c : name) {
        if (!(QChar::isLetterOrNumber(uchar(c)) || QByteArrayView("!#$%&'*+-.^_`|~").contains(c)))
            return std::nullopt;
    }
    if (name.isEmpty() || value.contains('\n') || value.contains('\r'))
        return std::nullopt;
    return qMakePair(name, value);
}

bool operator==(const Profile &a, const Profile &b)
{
    return a.id == b.id && a.name == b.name && a.baseUrl == b.baseUrl && a.auth == b.auth &&
           a.clientId == b.clientId && a.scope == b.scope && a.keyId == b.keyId &&
           a.algorithm == b.algorithm && a.clientAuthMethod == b.clientAuthMethod &&
           a.tokenUrl == b.tokenUrl && a.authorizationUrl == b.authorizationUrl &&
           a.redirectPort == b.redirectPort && a.extraHeaders == b.extraHeaders &&
           a.outputDir == b.outputDir && a.reporting == b.reporting &&
           a.allowInsecureToken == b.allowInsecureToken &&
           a.allowPrivateNetworks == b.allowPrivateNetworks &&
           a.keepFilesOnServer == b.keepFilesOnServer && a.gzipOutputs == b.gzipOutputs &&
           a.downloadAttachments == b.downloadAttachments &&
           a.caCertificateFile == b.caCertificateFile;
}

// ---------------------------------------------------------------------------------------------

ProfileStore::ProfileStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_settings(
          std::make_unique<QSettings>(path.isEmpty() ? defaultPath() : path, QSettings::IniFormat))
{}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(u"profiles.ini"_s);
}

QString ProfileStore::path() const
{
    return m_settings->fileName();
}

QList<Profile> ProfileStore::profiles() const
{
    m_settings->sync();
    QList<Profile> out;
    m_settings->beginGroup(u"profiles"_s);
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        Profile p;
        p.id = id;
        p.name = m_settings->value(u"name"_s).toString();
        p.baseUrl = QUrl(m_settings->value(u"baseUrl"_s).toString());
        p.auth = Profile::authKindFromName(m_settings->value(u"auth"_s).toString())
                     .value_or(Profile::AuthKind::None);
        p.clientId = m_settings->value(u"clientId"_s).toString();
        p.scope = m_settings->value(u"scope"_s, p.scope).toString();
        p.keyId = m_settings->value(u"keyId"_s).toString();
        p.algorithm = jwt::algorithmFromName(m_settings->value(u"algorithm"_s).toString())
                          .value_or(jwt::Algorithm::RS384);
        p.clientAuthMethod = m_settings->value(u"clientAuthMethod"_s).toString() == "post"_L1
                                 ? Profile::ClientAuthMethod::Post
                                 : Profile::ClientAuthMethod::Basic;
        p.tokenUrl = QUrl(m_settings->value(u"tokenUrl"_s).toString());
        p.authorizationUrl = QUrl(m_settings->value(u"authorizationUrl"_s).toString());
        p.redirectPort = quint16(m_settings->value(u"redirectPort"_s, 0).toUInt());
        const QStringList headers = m_settings->value(u"extraHeaders"_s).toStringList();
        for (const QString &h : headers) {
            if (const auto parsed = Profile::parseHeader(h))
                p.extraHeaders.append(*parsed);
        }
        p.outputDir = m_settings->value(u"outputDir"_s).toString();
        p.reporting = m_settings->value(u"reporting"_s, false).toBool();
        p.allowInsecureToken = m_settings->value(u"allowInsecureToken"_s, false).toBool();
        p.allowPrivateNetworks = m_settings->value(u"allowPrivateNetworks"_s, false).toBool();
        p.keepFilesOnServer = m_settings->value(u"keepFilesOnServer"_s, false).toBool();
        p.gzipOutputs = m_settings->value(u"gzipOutputs"_s, false).toBool();
        p.downloadAttachments = m_settings->value(u"downloadAttachments"_s, false).toBool();
        p.caCertificateFile = m_settings->value(u"caCertificateFile"_s).toString();
        m_settings->endGroup();
        out.append(p);
    }
    m_settings->endGroup();
    std::sort(out.begin(), out.end(), [](const Profile &a, const Profile &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return out;
}

std::optional<Profile> ProfileStore::byId(const QString &id) const
{
    const QList<Profile> all = profiles();
    for (const Profile &p : all) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

std::optional<Profile> ProfileStore::byName(const QString &nameOrId) const
{
    const QList<Profile> all = profiles();
    for (const Profile &p : all) {
        if (p.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
            return p;
    }
    return byId(nameOrId);
}

Result<Profile> ProfileStore::save(Profile profile)
{
    profile.name = profile.name.trimmed();
    if (const QStringList problems = profile.problems(); !problems.isEmpty())
        return Error::make(Error::Kind::Usage, problems.join(u' '));
    const QList<Profile> all = profiles();
    for (const Profile &p : all) {
        if (p.id != profile.id && p.name.compare(profile.name, Qt::CaseInsensitive) == 0)
            return Error::make(
                Error::Kind::Usage,
                //: %1 is a profile name
                Profile::tr("A profile named \"%1\" exists already.").arg(profile.name));
    }
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    m_settings->setValue(u"formatVersion"_s, kFormatVersion);
    m_settings->beginGroup(u"profiles/"_s + profile.id);
    m_settings->remove(QString()); // start from a clean group: no stale keys
    m_settings->setValue(u"name"_s, profile.name);
    m_settings->setValue(u"baseUrl"_s, profile.baseUrl.toString());
    m_settings->setValue(u"auth"_s, Profile::authKindName(profile.auth));
    m_settings->setValue(u"clientId"_s, profile.clientId);
    m_settings->setValue(u"scope"_s, profile.scope);
    m_settings->setValue(u"keyId"_s, profile.keyId);
    m_settings->setValue(u"algorithm"_s, jwt::algorithmName(profile.algorithm));
    m_settings->setValue(u"clientAuthMethod"_s,
                         profile.clientAuthMethod == Profile::ClientAuthMethod::Post ? u"post"_s
                                                                                     : u"basic"_s);
    m_settings->setValue(u"tokenUrl"_s, profile.tokenUrl.toString());
    m_settings->setValue(u"authorizationUrl"_s, profile.authorizationUrl.toString());
    m_settings->setValue(u"redirectPort"_s, uint(profile.redirectPort));
    QStringList headers;
    for (const auto &[name, value] : std::as_const(profile.extraHeaders))
        headers << QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value);
    m_settings->setValue(u"extraHeaders"_s, headers);
    m_settings->setValue(u"outputDir"_s, profile.outputDir);
    m_settings->setValue(u"reporting"_s, profile.reporting);
    m_settings->setValue(u"allowInsecureToken"_s, profile.allowInsecureToken);
    m_settings->setValue(u"allowPrivateNetworks"_s, profile.allowPrivateNetworks);
    m_settings->setValue(u"keepFilesOnServer"_s, profile.keepFilesOnServer);
    m_settings->setValue(u"gzipOutputs"_s, profile.gzipOutputs);
    m_settings->setValue(u"downloadAttachments"_s, profile.downloadAttachments);
    m_settings->setValue(u"caCertificateFile"_s, profile.caCertificateFile);
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return Error::make(Error::Kind::Io,
                           //: %1 is a file path
                           Profile::tr("The profiles could not be saved to %1.").arg(path()));
    Q_EMIT profilesChanged();
    return profile;
}

bool ProfileStore::remove(const QString &id)
{
    if (id.isEmpty() || !byId(id))
        return false;
    m_settings->remove(u"profiles/"_s + id);
    m_settings->sync();
    Q_EMIT profilesChanged();
    return true;
}

} // namespace fbm
