#pragma once

#include "auth/jwt.h"
#include "auth/profile.h"
#include "auth/profilesecrets.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace fbm {

class SecretField;

/// The profile editor's Authorization page: the kind of authorization and the fields each kind
/// needs (client ID, a secret or a token, a private key with its public JWKS, scope, endpoints,
/// the sign-in). It knows what the keychain holds for the profile (setSecretState) and what the
/// user changed, never a stored value itself.
class AuthPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthPage)
public:
    /// persistent: secrets go to the keychain (not this session only).
    AuthPage(const Profile &profile, bool persistent, QWidget *parent = nullptr);
    ~AuthPage() override;

    /// Writes the page's fields into p.
    void applyTo(Profile &p) const;
    [[nodiscard]] Profile::AuthKind authKind() const;

    /// What the keychain holds for a secret of the profile.
    void setSecretState(const QString &name, SecretState state);
    [[nodiscard]] SecretState secretState(const QString &name) const;
    /// The stored private key, read only to show its public half.
    void setStoredKey(const QByteArray &pem);

    /// What keeps the authorization of p from being saved, as sentences.
    [[nodiscard]] QStringList problems(const Profile &p) const;
    /// What saving p means for its secrets.
    [[nodiscard]] SecretEdits secretEdits(const Profile &p) const;
    /// A secret typed or made here for p's kind, to try before it is saved.
    [[nodiscard]] std::optional<QByteArray> newSecret(const Profile &p) const;
    /// Whether a stored secret for p's kind is there and not about to be removed.
    [[nodiscard]] bool keepsStoredSecret(const Profile &p) const;

    bool importPrivateKey(const QString &pemFile);
    void generateKey();

    /// Looking for the token endpoint: what was found or why not.
    void setDiscoveryHint(const QString &text);
    void showDiscovered(const QUrl &token, const QUrl &authorize);

Q_SIGNALS:
    void changed();
    /// The kind of authorization changed (time to look for the endpoints).
    void kindChanged();
    /// A short note for the dialog's busy line ("The public key was copied.").
    void note(const QString &text);

private:
    QWidget *buildKeyRow();
    QWidget *buildJwksRow();
    QWidget *buildSignInRow();
    void updateRows();
    void updateKeyView();
    void browsePrivateKey();
    void copyJwks();
    [[nodiscard]] jwt::Algorithm algorithm() const;
    [[nodiscard]] jwt::Key currentKey() const;

    bool m_persistent;
    QHash<QString, SecretState> m_states; ///< by secret name
    jwt::Key m_storedKey;
    jwt::Key m_newKey;
    QString m_storedKeyProblem;
    bool m_removeKey = false;
    bool m_signOut = false;

    QFormLayout *m_form = nullptr;
    /// The rows after the kind (label, field), in form order.
    QList<std::pair<QWidget *, QWidget *>> m_rows;
    QComboBox *m_kind = nullptr;
    QLabel *m_help = nullptr;
    QLineEdit *m_clientId = nullptr;
    SecretField *m_clientSecret = nullptr;
    QComboBox *m_clientAuthMethod = nullptr;
    SecretField *m_token = nullptr;
    QWidget *m_keyRow = nullptr;
    QLabel *m_keyStatus = nullptr;
    QPushButton *m_importKey = nullptr;
    QPushButton *m_removeKeyButton = nullptr;
    QComboBox *m_algorithm = nullptr;
    QLineEdit *m_keyId = nullptr;
    QWidget *m_jwksRow = nullptr;
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
};

} // namespace fbm
