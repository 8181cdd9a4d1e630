#pragma once

#include "tokenauth.h"

#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;

namespace fbm {

class HttpClient;
class LoopbackReplyHandler;
class SecretStore;

/// Authorization code with PKCE (S256) in the system browser, the redirect caught by a loopback
/// server on 127.0.0.1. The refresh token is kept in the SecretStore, so the person signs in
/// once and later sessions refresh silently.
class InteractiveLoginAuth final : public AuthProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteractiveLoginAuth)
public:
    /// authorizationUrl/tokenUrl empty: discovered from base through \a http. The sign-in
    /// flow itself runs on \a nam (Qt's QOAuth2AuthorizationCodeFlow needs one).
    /// refreshTokenKey: the store key (SecretStore::keyFor(profile id, RefreshToken)); store
    /// may be null (no persistence).
    InteractiveLoginAuth(QNetworkAccessManager *nam, HttpClient *http, const QUrl &base,
                         const QUrl &authorizationUrl, const QUrl &tokenUrl, QString clientId,
                         QString scope, SecretStore *store, QString refreshTokenKey,
                         QObject *parent = nullptr);
    ~InteractiveLoginAuth() override;

    void requestToken(bool forceRefresh, QObject *context, TokenCallback callback,
                      const ActivitySink &log = {}) override;
    [[nodiscard]] QStringList secrets() const override;

    void setClock(const Clock *clock) { m_clock = clock; }
    /// The loopback port for the redirect (0: any free port; some servers register a fixed one).
    void setRedirectPort(quint16 port) { m_redirectPort = port; }
    /// How long to wait for the person to finish signing in.
    void setLoginTimeout(int ms) { m_loginTimeoutMs = ms; }

Q_SIGNALS:
    /// Open url in the system browser (the UI uses QDesktopServices, the CLI prints it).
    void authorizeWithBrowser(const QUrl &url);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        TokenCallback callback;
    };
    void begin();
    void withEndpoints();
    void startFlow();
    void login();
    void onGranted();
    void deliver(const QString &token, const Error &error);
    [[nodiscard]] QString redacted(QString text) const;

    QNetworkAccessManager *m_nam;
    QPointer<HttpClient> m_http;
    QUrl m_base;
    QUrl m_authorizationUrl;
    QUrl m_tokenUrl;
    QString m_clientId;
    QString m_scope;
    QPointer<SecretStore> m_store;
    QString m_refreshTokenKey;
    const Clock *m_clock = Clock::system();
    quint16 m_redirectPort = 0;
    int m_loginTimeoutMs = 5 * 60 * 1000;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    LoopbackReplyHandler *m_handler = nullptr;
    QString m_token;
    QDateTime m_issuedAt;
    QDateTime m_expiresAt;
    QString m_refreshToken;
    bool m_refreshLoaded = false;
    bool m_busy = false;
    bool m_refreshing = false;
    QString m_codeVerifier;
    QString m_state;
    QList<Waiter> m_waiters;
    QObject *m_attempt = nullptr; ///< parent of this attempt's timers; deleted when it ends
};

} // namespace fbm
