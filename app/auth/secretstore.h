#pragma once

#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace fbm {

/// Where secrets live: client secrets, private keys, pasted tokens, refresh tokens. Never a
/// settings file. All calls are asynchronous, as the OS keychain is; callbacks run once, later
/// (never inside the call), and are dropped when context is destroyed first.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~SecretStore() override = default;

    /// found is false (and error empty) when the key has no secret.
    using ReadCallback =
        std::function<void(const QByteArray &value, bool found, const Error &error)>;
    using DoneCallback = std::function<void(const Error &error)>;

    virtual void read(const QString &key, QObject *context, ReadCallback callback) = 0;
    virtual void write(const QString &key, const QByteArray &value, QObject *context,
                       DoneCallback callback) = 0;
    /// Removing a key that has no secret is not an error.
    virtual void remove(const QString &key, QObject *context, DoneCallback callback) = 0;
    /// Whether secrets outlive this session (false for the in-memory store).
    [[nodiscard]] virtual bool isPersistent() const = 0;

    /// "profiles/<profile id>/<name>": one key per profile and secret.
    [[nodiscard]] static QString keyFor(const QString &profileId, const QString &name);

    // The secret names a profile uses.
    static constexpr const char *ClientSecret = "client-secret";
    static constexpr const char *PrivateKey = "private-key";
    static constexpr const char *StaticToken = "token";
    static constexpr const char *RefreshToken = "refresh-token";
    /// Every secret name, e.g. to remove them all with a profile.
    [[nodiscard]] static QStringList secretNames();
};

/// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential
/// Manager on Windows). The insecure plaintext fallback is off: without a keychain, operations
/// fail with a clear error and the caller may offer a MemorySecretStore for the session.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)
public:
    /// service: the keychain's service name, the application id by default.
    explicit KeychainSecretStore(QObject *parent = nullptr);
    KeychainSecretStore(QString service, QObject *parent);

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QByteArray &value, QObject *context,
               DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;
    [[nodiscard]] bool isPersistent() const override { return true; }
    [[nodiscard]] QString service() const { return m_service; }

    /// Checks that a keychain answers (reading a key that does not exist is fine).
    void probe(QObject *context, DoneCallback callback);

    /// Whether error means "there is no keychain to use", rather than a failed operation.
    [[nodiscard]] static bool isUnavailable(const Error &error);

Q_SIGNALS:
    /// Emitted when an operation finds no usable keychain, so the UI can say so once.
    void unavailable(const QString &message);

private:
    QString m_service;
};

/// Secrets kept in memory for this session only: when no keychain is available, and in tests.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)
public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QByteArray &value, QObject *context,
               DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;
    [[nodiscard]] bool isPersistent() const override { return false; }

    /// Synchronous access, for tests and for seeding.
    [[nodiscard]] QHash<QString, QByteArray> values() const { return m_values; }
    void insert(const QString &key, const QByteArray &value) { m_values.insert(key, value); }

private:
    QHash<QString, QByteArray> m_values;
};

} // namespace fbm
