#pragma once

#include "activity.h"
#include "result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace fbm {

/// Supplies bearer tokens for one server profile. Implementations cache the token in memory,
/// renew it shortly before it expires, and renew it on request after a 401.
class AuthProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~AuthProvider() override = default;

    /// token empty and error empty: send no Authorization header.
    using TokenCallback = std::function<void(const QString &token, const Error &error)>;

    /// Calls back (possibly at once) with a valid token. forceRefresh after a 401: the cached
    /// token is dropped and a new one fetched. The callback is dropped if context dies first.
    /// The token request's exchanges are logged to \a log (the requesting job's activity log;
    /// secrets redacted), when it is sent.
    virtual void requestToken(bool forceRefresh, QObject *context, TokenCallback callback,
                              const ActivitySink &log = {}) = 0;

    /// Every secret this provider knows (tokens, assertions, client secrets), so that logs and
    /// error texts can be scrubbed of them.
    [[nodiscard]] virtual QStringList secrets() const { return {}; }
};

/// No authorization at all.
class NoAuth final : public AuthProvider
{
    Q_OBJECT
public:
    using AuthProvider::AuthProvider;
    void requestToken(bool, QObject *, TokenCallback callback, const ActivitySink &) override
    {
        callback({}, {});
    }
};

/// A token the user pasted. It cannot be renewed: a 401 is final.
class StaticTokenAuth final : public AuthProvider
{
    Q_OBJECT
public:
    explicit StaticTokenAuth(QString token, QObject *parent = nullptr)
        : AuthProvider(parent)
        , m_token(std::move(token))
    {}
    void requestToken(bool, QObject *, TokenCallback callback, const ActivitySink &) override
    {
        callback(m_token, {});
    }
    [[nodiscard]] QStringList secrets() const override { return {m_token}; }

private:
    QString m_token;
};

} // namespace fbm
