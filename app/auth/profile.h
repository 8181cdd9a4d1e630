#pragma once

#include <QCoreApplication>

#include "activity.h"
#include "jwt.h"
#include "result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace fbm {

/// One server the user works with: where it is and how to authorize. Holds no secret: those
/// live in the SecretStore under SecretStore::keyFor(id, name).
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(fbm::Profile)

public:
    enum class AuthKind
    {
        None,
        StaticToken,  ///< a pasted bearer token (secret "token")
        ClientSecret, ///< OAuth2 client credentials (secret "client-secret")
        SmartBackend, ///< SMART Backend Services (secret "private-key", PEM)
        Interactive,  ///< authorization code + PKCE in the browser (secret "refresh-token")
    };
    enum class ClientAuthMethod
    {
        Basic,
        Post
    };

    QString id; ///< a UUID without braces; assigned by ProfileStore::save() when empty
    QString name;
    QUrl baseUrl;
    AuthKind auth = AuthKind::None;
    QString clientId;
    QString scope = QStringLiteral("system/*.read");
    QString keyId;
    jwt::Algorithm algorithm = jwt::Algorithm::RS384;
    ClientAuthMethod clientAuthMethod = ClientAuthMethod::Basic;
    QUrl tokenUrl;            ///< empty: discovered from the base
    QUrl authorizationUrl;    ///< interactive login; empty: discovered
    quint16 redirectPort = 0; ///< interactive login's loopback port; 0: any
    HeaderList extraHeaders;
    QString outputDir;
    bool reporting = false; ///< a reporting server (report jobs) rather than a bulk export one
    bool allowInsecureToken = false; ///< send the token over plain HTTP (explicit consent)
    /// Files and redirects may reach private networks on other hosts than the server's own
    /// (storage inside the hospital's network). Never link-local addresses.
    bool allowPrivateNetworks = false;
    /// Leave an export's files on the server once they are saved, instead of telling it that
    /// they may be removed (DELETE on the status URL).
    bool keepFilesOnServer = false;
    /// Store the export's files compressed (<Type>.<n>.ndjson.gz) instead of plain NDJSON.
    bool gzipOutputs = false;
    /// Also save the attachments that DocumentReference and DiagnosticReport resources name on
    /// the same server (into attachments/).
    bool downloadAttachments = false;
    QString caCertificateFile; ///< an extra CA (PEM) trusted for this server

    /// "none", "token", "client-secret", "smart", "interactive" (the command line's words).
    [[nodiscard]] static QString authKindName(AuthKind kind);
    [[nodiscard]] static std::optional<AuthKind> authKindFromName(QStringView name);
    /// A readable, translated name for the kind ("SMART Backend Services").
    [[nodiscard]] static QString authKindTitle(AuthKind kind);

    /// The secret that this kind of auth keeps in the SecretStore; empty for None.
    [[nodiscard]] QString secretName() const;
    [[nodiscard]] QString secretKey() const;

    /// What is wrong with the profile (translated sentences), empty when it can be used.
    [[nodiscard]] QStringList problems() const;

    /// Parses "Name: value" (the command line's --header).
    [[nodiscard]] static std::optional<QPair<QByteArray, QByteArray>>
    parseHeader(const QString &text);

    friend bool operator==(const Profile &a, const Profile &b);
    friend bool operator!=(const Profile &a, const Profile &b) { return !(a == b); }
};

/// The profiles, in an INI file (no secrets in it, ever: the keychain holds those).
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)
public:
    /// path: the INI file; defaultPath() when empty.
    explicit ProfileStore(const QString &path = {}, QObject *parent = nullptr);
    ~ProfileStore() override;

    /// <AppConfigLocation>/profiles.ini
    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] QString path() const;

    [[nodiscard]] QList<Profile> profiles() const; ///< sorted by name
    [[nodiscard]] std::optional<Profile> byId(const QString &id) const;
    /// Case-insensitive; a profile id is accepted too.
    [[nodiscard]] std::optional<Profile> byName(const QString &nameOrId) const;

    /// Adds or replaces (by id) a profile; assigns an id to a new one. Refuses an empty name,
    /// a name another profile has, or an invalid base URL.
    Result<Profile> save(Profile profile);
    /// False when there was no such profile. The caller removes the profile's secrets.
    bool remove(const QString &id);

Q_SIGNALS:
    void profilesChanged();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace fbm
