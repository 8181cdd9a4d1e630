#pragma once

#include "auth/authfactory.h"
#include "auth/profile.h"
#include "jobmanager.h"

#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QSettings;

namespace fbm {

class JobStore;
class KeychainSecretStore;
class MemorySecretStore;
class SecretStore;

namespace demo {
class BulkServer;
class ReportServer;
} // namespace demo

/// Where the desktop application keeps its things; empty fields mean the platform defaults.
/// Tests point everything into a temporary folder.
struct SessionOptions
{
    QString jobStoreDirectory;   ///< empty: JobStore::defaultDirectory()
    QString profilesPath;        ///< empty: ProfileStore::defaultPath()
    QString settingsPath;        ///< window layout (INI); empty: the default QSettings
    bool sessionSecrets = false; ///< secrets in memory only (tests), never the keychain
    bool demo = false;           ///< start the built-in demo server and its profile
    /// Opens a URL in the person's browser (interactive sign-in). The desktop passes the
    /// desktop's opener; the command line prints the address instead.
    std::function<void(const QUrl &)> openUrl;
};

/// The composition root of the desktop application as one object: network, secrets, profiles,
/// the job store and the job manager with an authorized client per profile, and in demo mode
/// the built-in demo server. main() and the GUI tests build exactly the same objects.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)
public:
    enum class KeychainState
    {
        Checking,    ///< the keychain has not answered yet
        Available,   ///< secrets are kept in the OS keychain
        Unavailable, ///< no keychain: secrets are kept for this session only
        SessionOnly, ///< asked for session secrets (tests)
    };
    Q_ENUM(KeychainState)

    explicit Session(SessionOptions options = {}, QObject *parent = nullptr);
    ~Session() override;

    /// Starts the demo server (in demo mode), checks the keychain and restores the saved jobs.
    /// Returns the problems met, translated (an unreadable job file, a demo server that cannot
    /// listen).
    QStringList start();

    [[nodiscard]] QNetworkAccessManager *network() const { return m_nam.get(); }
    /// The secret store to use now: the keychain, or the session store when there is none.
    [[nodiscard]] SecretStore *secrets() const;
    /// Secrets kept in memory for this session (when the keychain fails, or by choice).
    [[nodiscard]] SecretStore *sessionSecrets() const;
    [[nodiscard]] ProfileStore *profileStore() const { return m_profiles.get(); }
    [[nodiscard]] JobStore *jobStore() const { return m_store.get(); }
    [[nodiscard]] JobManager *manager() const { return m_manager.get(); }
    [[nodiscard]] demo::BulkServer *demoServer() const { return m_demo.get(); }
    [[nodiscard]] const SessionOptions &options() const { return m_options; }

    /// The id of the in-memory "Demo server" profile (never saved).
    [[nodiscard]] static QString demoProfileId();
    /// The id of the in-memory "Demo reporting server" profile (never saved).
    [[nodiscard]] static QString demoReportsProfileId();
    [[nodiscard]] bool isDemoProfile(const QString &id) const;
    /// Whether \a job was made on the demo server of an earlier run of the program. That server
    /// kept its exports in memory and stopped with the program (this run's listens elsewhere),
    /// so the job's status address leads nowhere: it can only be started again, on this run's
    /// demo server if there is one.
    [[nodiscard]] bool isFromEndedDemo(const ExportJob &job) const;
    /// The demo profile first (in demo mode), then the saved ones by name.
    [[nodiscard]] QList<Profile> profiles() const;
    [[nodiscard]] std::optional<Profile> profile(const QString &id) const;
    /// Removes a saved profile and its secrets.
    void removeProfile(const QString &id);

    /// The client (auth, extra headers, TLS) the jobs of a profile use; base is the job's base
    /// URL (it may differ from the profile's after an edit). Null when the profile is unknown
    /// (deleted): the manager then talks to the server without authorization.
    HttpClient *clientFor(const QString &profileId, const QUrl &base);
    HttpClient *clientFor(const Profile &profile);
    /// Every job's requests go through \a setup's client, whatever its profile: the command
    /// line's authorization options (--base with --token, SMART, a client secret, --profile).
    void useAuthForEveryJob(std::unique_ptr<AuthSetup> setup);

    /**
     * The folder in Documents that holds the exports by default: "FHIR exports" in the
     * language in use ("FHIR-eksporter" in Danish), unless a folder of another language's name
     * is already there: then that one, so that switching the language never splits one user's
     * exports over two trees (walkthrough #29). @p documents: the Documents folder (empty:
     * the user's).
     */
    [[nodiscard]] static QString exportsRoot(const QString &documents = {});

    /// `<profile folder or exportsRoot()>/<server>/<date time>`: a new folder per
    /// export, so two exports never write into each other.
    [[nodiscard]] QString defaultOutputDirectory(const Profile &profile,
                                                 const QDateTime &when) const;
    [[nodiscard]] JobOptions defaultJobOptions(const Profile &profile) const;

    /// The settings file for the window layout.
    [[nodiscard]] std::unique_ptr<QSettings> uiSettings() const;

    [[nodiscard]] KeychainState keychainState() const { return m_keychainState; }
    /// One line for the status bar, translated.
    [[nodiscard]] QString keychainText() const;

Q_SIGNALS:
    void keychainStateChanged();
    /// The list of profiles changed (saved, removed, or the demo profile appeared).
    void profilesChanged();

private:
    void startDemo(QStringList &problems);
    void probeKeychain();
    void onProfilesChanged();

    SessionOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<MemorySecretStore> m_sessionSecrets;
    bool m_useSession = false;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<demo::BulkServer> m_demo;
    std::optional<Profile> m_demoProfile;
    std::unique_ptr<demo::ReportServer> m_demoReports;
    std::optional<Profile> m_demoReportsProfile;
    // Clients per profile and base. Replaced ones are retired, not destroyed: a request in
    // flight may still hold them.
    std::map<QString, std::unique_ptr<AuthSetup>> m_clients;
    std::vector<std::unique_ptr<AuthSetup>> m_retired;
    std::unique_ptr<AuthSetup> m_everyJob; ///< useAuthForEveryJob()
    KeychainState m_keychainState = KeychainState::Checking;
    // Declared last so that it is destroyed first: its jobs use the clients above.
    std::unique_ptr<JobManager> m_manager;
};

} // namespace fbm
