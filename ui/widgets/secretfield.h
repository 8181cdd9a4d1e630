#pragma once

#include "auth/profilesecrets.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fbm {

/// One secret in a form: a password field for a new value, or, when one is stored, only the
/// fact that it is there with Replace and Remove. The stored value is never read into it.
class SecretField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretField)
public:
    /// objectPrefix names the parts ("clientSecret" → clientSecretEdit, clientSecretReplace…).
    SecretField(const QString &objectPrefix, const QString &placeholder, QWidget *parent = nullptr);
    ~SecretField() override;

    /// The name screen readers give the field and its buttons, e.g. "Client secret".
    void setAccessibleLabel(const QString &name);
    /// What the keychain holds; persistent: the keychain (else this session only).
    void setState(SecretState state, bool persistent);
    [[nodiscard]] QWidget *edit() const;
    /// A value typed in the form, to be written on accept.
    [[nodiscard]] std::optional<QByteArray> newValue() const;
    [[nodiscard]] bool removeRequested() const { return m_removing; }
    /// Whether, after accept, a secret will be there (or may be: an unreadable keychain).
    [[nodiscard]] bool hasSecret() const;

Q_SIGNALS:
    void changed();

private:
    void refresh();

    QLabel *m_status;
    QLineEdit *m_edit;
    QPushButton *m_replace;
    QPushButton *m_remove;
    QPushButton *m_undo;
    SecretState m_state = SecretState::Absent;
    bool m_persistent = true;
    bool m_replacing = false;
    bool m_removing = false;
};

} // namespace fbm
