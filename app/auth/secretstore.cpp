#include "secretstore.h"
#include "logging.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// Remembers the caller's context: a null context means "always call back".
class Guard
{
public:
    explicit Guard(QObject *context)
        : m_context(context)
        , m_had(context != nullptr)
    {}
    [[nodiscard]] bool alive() const { return !m_had || m_context; }

private:
    QPointer<QObject> m_context;
    bool m_had;
};

/// Runs f later on the event loop, unless context has died by then.
void later(QObject *context, std::function<void()> f)
{
    const Guard guard(context);
    QTimer::singleShot(0, [guard, f = std::move(f)] {
        if (guard.alive())
            f();
    });
}

// The keychain's own errorString() is kept for the log: it names the backend, never the secret.
Error keychainError(QKeychain::Error code, const QString &backendText, const QString &key)
{
    const QString detail = u"keychain: "_s + backendText + u" (key "_s + key + u')';
    switch (code) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error::make(Error::Kind::Io,
                           KeychainSecretStore::tr(
                               "No keychain is available on this computer, so secrets cannot be "
                               "saved. They can be kept for this session only, until the "
                               "program closes."),
                           detail);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(Error::Kind::Io,
                           KeychainSecretStore::tr("The keychain refused access. Unlock it, or "
                                                   "allow this program to use it, and try again."),
                           detail);
    default:
        return Error::make(Error::Kind::Io,
                           KeychainSecretStore::tr("The keychain could not be used."), detail);
    }
}

} // namespace

QString SecretStore::keyFor(const QString &profileId, const QString &name)
{
    return u"profiles/"_s + profileId + u'/' + name;
}

QStringList SecretStore::secretNames()
{
    return {QLatin1String(ClientSecret), QLatin1String(PrivateKey), QLatin1String(StaticToken),
            QLatin1String(RefreshToken)};
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(QStringLiteral(FBM_APP_ID), parent)
{}

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

bool KeychainSecretStore::isUnavailable(const Error &error)
{
    return error.kind == Error::Kind::Io && error.detail.startsWith(u"keychain: "_s) &&
           error.message == tr("No keychain is available on this computer, so secrets cannot be "
                               "saved. They can be kept for this session only, until the "
                               "program closes.");
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    const Guard guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, callback] {
        if (job->error() == QKeychain::EntryNotFound) {
            if (guard.alive())
                callback({}, false, {});
            return;
        }
        if (job->error() != QKeychain::NoError) {
            const Error e = keychainError(job->error(), job->errorString(), key);
            qCWarning(lcSecrets).noquote() << "read failed:" << e.detail;
            if (isUnavailable(e))
                Q_EMIT unavailable(e.message);
            if (guard.alive())
                callback({}, false, e);
            return;
        }
        if (guard.alive())
            callback(job->binaryData(), true, {});
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QByteArray &value, QObject *context,
                                DoneCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(value);
    const Guard guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, callback] {
        Error e;
        if (job->error() != QKeychain::NoError) {
            e = keychainError(job->error(), job->errorString(), key);
            qCWarning(lcSecrets).noquote() << "write failed:" << e.detail;
            if (isUnavailable(e))
                Q_EMIT unavailable(e.message);
        }
        if (guard.alive())
            callback(e);
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    const Guard guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, callback] {
        Error e;
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            e = keychainError(job->error(), job->errorString(), key);
            qCWarning(lcSecrets).noquote() << "remove failed:" << e.detail;
            if (isUnavailable(e))
                Q_EMIT unavailable(e.message);
        }
        if (guard.alive())
            callback(e);
    });
    job->start();
}

void KeychainSecretStore::probe(QObject *context, DoneCallback callback)
{
    read(u"probe/availability"_s, context,
         [callback](const QByteArray &, bool, const Error &error) { callback(error); });
}

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    const auto it = m_values.constFind(key);
    const bool found = it != m_values.constEnd();
    const QByteArray value = found ? it.value() : QByteArray();
    later(context, [callback, value, found] { callback(value, found, {}); });
}

void MemorySecretStore::write(const QString &key, const QByteArray &value, QObject *context,
                              DoneCallback callback)
{
    m_values.insert(key, value);
    later(context, [callback] { callback({}); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    m_values.remove(key);
    later(context, [callback] { callback({}); });
}

} // namespace fbm
