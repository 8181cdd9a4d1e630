#pragma once

#include "auth/profile.h"
#include "result.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QTabWidget;

namespace fbm {
class AuthPage;
class AuthProvider;
class ConnectionPage;
class HttpClient;
class MessageBar;
class SecretStore;
class ServerPage;
class ServerProbe;
struct ProbeResult;
} // namespace fbm

/// Adds or edits a server profile on three pages: Server (address, kind, export folder),
/// Authorization (the kind and the fields each kind needs) and Connection (extra headers, TLS,
/// networks). Secrets typed or imported here go to the SecretStore when the dialog is
/// accepted, never to settings (fbm::ProfileSecrets decides which to write and which stale
/// ones to delete); a stored secret is shown only as "stored in the keychain". "Test
/// connection" asks the server what it offers.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)
public:
    /// profile: the one to edit, or a default Profile for a new one (an id is assigned then, so
    /// that its secrets have a key before the profile is first saved).
    ProfileDialog(fbm::Profile profile, fbm::SecretStore *secrets, QNetworkAccessManager *nam,
                  QWidget *parent = nullptr);
    ~ProfileDialog() override;

    /// The profile as the form describes it (never holds a secret).
    [[nodiscard]] fbm::Profile profile() const;

    /// Where the secrets go when the keychain fails and the user keeps them for this session
    /// only. Without one they are only collected, see sessionOnlySecrets().
    void setSessionStore(fbm::SecretStore *store);
    /// Secrets (by SecretStore::keyFor key) that the user kept for this session only and that
    /// no session store took; the caller puts them in its in-memory store.
    [[nodiscard]] QHash<QString, QByteArray> sessionOnlySecrets() const { return m_sessionSecrets; }

    /// What stops the profile from being saved, as sentences; empty when it can be saved.
    [[nodiscard]] QStringList problems() const;

    // What the buttons do after their file dialogs; public so that tests can drive them.
    bool importPrivateKey(const QString &pemFile);
    void generateKey();
    void testConnection();

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    /// "Test connection" finished; its findings are in the dialog.
    void connectionTested(bool ok);

private:
    void loadSecrets();
    void onSecretRead(const QString &name, const QByteArray &value, bool found,
                      const fbm::Error &error);
    void growToFit();
    void updateValidation();
    void discoverEndpoints();
    void showProbeResult(const fbm::ProbeResult &result);
    void showKeychainProblem(const QString &message);
    void keepForSession();
    void setBusy(bool busy, const QString &message = {});

    fbm::Profile m_original;
    QPointer<fbm::SecretStore> m_secrets;
    QPointer<fbm::SecretStore> m_sessionStore;
    QNetworkAccessManager *m_nam;
    std::unique_ptr<fbm::HttpClient> m_discoveryClient; ///< with the profile's settings (its CA)
    QHash<QString, QByteArray> m_sessionSecrets;
    bool m_isNew = false;
    bool m_sessionOnly = false;
    bool m_saving = false;
    bool m_keychainProblem = false;

    // test connection
    std::unique_ptr<fbm::AuthProvider> m_testAuth;
    std::unique_ptr<fbm::HttpClient> m_testClient;
    std::unique_ptr<fbm::ServerProbe> m_probe;
    QUrl m_discoveredFor;

    QTabWidget *m_tabs = nullptr;
    fbm::ServerPage *m_server = nullptr;
    fbm::AuthPage *m_auth = nullptr;
    fbm::ConnectionPage *m_connection = nullptr;
    fbm::MessageBar *m_keychainBanner = nullptr;
    QLabel *m_problems = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testIcon = nullptr;
    QLabel *m_testResult = nullptr;
    QString m_testedBase; ///< the address the last test asked, as typed
    QLabel *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
