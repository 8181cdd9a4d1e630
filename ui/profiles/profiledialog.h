#pragma once

#include "auth/jwt.h"
#include "auth/profile.h"
#include "result.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace fbm {
class AuthProvider;
class HttpClient;
class SecretStore;
class ServerProbe;
struct ProbeResult;
} // namespace fbm

/// Adds or edits a server profile: the address, the kind of server, how to authorize (with the
/// fields each kind needs), extra headers, the export folder and TLS settings. Secrets typed or
/// imported here go to the SecretStore when the dialog is accepted, never to settings; a stored
/// secret is shown only as "stored in the keychain". "Test connection" asks the server what it
/// offers.
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
    class SecretField;
    enum class SecretState
    {
        Checking,
        Absent,
        Stored,
        Unreadable
    };

    void buildServerTab(QTabWidget *tabs);
    void buildAuthTab(QTabWidget *tabs);
    void buildConnectionTab(QTabWidget *tabs);
    void loadSecrets();
    void onSecretRead(const QString &name, const QByteArray &value, bool found,
                      const fbm::Error &error);
    void updateAuthRows();
    void updateKeyView();
    void growToFit();
    void updateValidation();
    void updateInsecureWarning();
    void discoverEndpoints();
    void showDiscovered(const QUrl &token, const QUrl &authorize);
    void showProbeResult(const fbm::ProbeResult &result);
    void showKeychainProblem(const QString &message);
    void keepForSession();
    void browseOutputDir();
    void browseCaFile();
    void browsePrivateKey();
    void copyJwks();
    void addHeaderRow(const QString &name = {}, const QString &value = {});
    void removeHeaderRow();

    struct SecretWrite
    {
        QString key;
        std::optional<QByteArray> value; ///< nullopt: remove
    };
    [[nodiscard]] QList<SecretWrite> pendingSecretWrites() const;
    void writeNext(fbm::SecretStore *store, QList<SecretWrite> writes);
    void setBusy(bool busy, const QString &message = {});
    [[nodiscard]] fbm::Profile::AuthKind authKind() const;
    [[nodiscard]] fbm::jwt::Algorithm algorithm() const;
    [[nodiscard]] fbm::jwt::Key currentKey() const;
    [[nodiscard]] QString headersProblem() const;

    fbm::Profile m_original;
    QPointer<fbm::SecretStore> m_secrets;
    QPointer<fbm::SecretStore> m_sessionStore;
    QNetworkAccessManager *m_nam;
    std::unique_ptr<QNetworkAccessManager> m_discoveryNam; ///< trusts the profile's CA, if any
    QHash<QString, SecretState> m_secretStates;            ///< by secret name
    QHash<QString, QByteArray> m_sessionSecrets;
    bool m_isNew = false;
    bool m_sessionOnly = false;
    bool m_saving = false;
    bool m_keychainProblem = false;

    // private key: the stored one (read to show its public half) and a new one
    fbm::jwt::Key m_storedKey;
    fbm::jwt::Key m_newKey;
    QString m_storedKeyProblem;
    bool m_removeKey = false;
    bool m_signOut = false;

    // test connection
    std::unique_ptr<fbm::AuthProvider> m_testAuth;
    std::unique_ptr<fbm::HttpClient> m_testClient;
    std::unique_ptr<fbm::ServerProbe> m_probe;
    QUrl m_discoveredFor;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_outputDir = nullptr;

    QFormLayout *m_authForm = nullptr;
    QComboBox *m_authKind = nullptr;
    QLabel *m_authHelp = nullptr;
    QLineEdit *m_clientId = nullptr;
    SecretField *m_clientSecret = nullptr;
    QComboBox *m_clientAuthMethod = nullptr;
    SecretField *m_token = nullptr;
    QWidget *m_keyRow = nullptr;
    QLabel *m_keyStatus = nullptr;
    QPushButton *m_importKey = nullptr;
    QPushButton *m_generateKey = nullptr;
    QPushButton *m_removeKeyButton = nullptr;
    QComboBox *m_algorithm = nullptr;
    QLineEdit *m_keyId = nullptr;
    QWidget *m_jwksRow = nullptr;
    /// The authorization rows after the kind (label, field), in form order.
    QList<std::pair<QWidget *, QWidget *>> m_authRows;
    QPlainTextEdit *m_jwks = nullptr;
    QPushButton *m_copyJwks = nullptr;
    QLineEdit *m_scope = nullptr;
    QWidget *m_tokenUrlRow = nullptr;
    QLineEdit *m_tokenUrl = nullptr;
    QLabel *m_tokenUrlHint = nullptr;
    QLineEdit *m_authorizeUrl = nullptr;
    QSpinBox *m_redirectPort = nullptr;
    QWidget *m_signInRow = nullptr;
    QLabel *m_signInStatus = nullptr;
    QPushButton *m_signOutButton = nullptr;

    QTableWidget *m_headers = nullptr;
    QLineEdit *m_caFile = nullptr;
    QCheckBox *m_insecureToken = nullptr;
    QCheckBox *m_privateNetworks = nullptr;
    QLabel *m_insecureWarning = nullptr;

    QFrame *m_keychainBanner = nullptr;
    QLabel *m_keychainMessage = nullptr;
    QPushButton *m_keepSession = nullptr;
    QLabel *m_problems = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testIcon = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
