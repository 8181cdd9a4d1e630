// The real OS keychain. Run through tests/support/with-keyring.sh (ctest does), which starts a
// private D-Bus session with an unlocked gnome-keyring and a throw-away HOME.

#include "auth/authfactory.h"
#include "auth/jwt.h"
#include "auth/profile.h"
#include "auth/secretstore.h"
#include "demo/tokenserver.h"
#include "waitfor.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

namespace {

struct ReadResult
{
    QByteArray value;
    bool found = false;
    Error error;
};

ReadResult readNow(SecretStore *store, const QString &key)
{
    return test::waitForCallback<ReadResult>([&](QObject *context, auto deliver) {
               store->read(key, context,
                           [deliver](const QByteArray &v, bool found, const Error &e) {
                               deliver({v, found, e});
                           });
           })
        .value_or(ReadResult{{}, false, Error::make(Error::Kind::Io, u"timed out"_s)});
}

Error doneNow(const std::function<void(QObject *, SecretStore::DoneCallback)> &op)
{
    return test::waitForCallback<Error>(
               [&](QObject *context, auto deliver) { op(context, deliver); })
        .value_or(Error::make(Error::Kind::Io, u"timed out"_s));
}

bool inKeyringSession()
{
    return qEnvironmentVariable("FBM_IN_KEYRING_SESSION") == "1"_L1;
}

} // namespace

class TestKeychainSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void writeReadBack_data();
    void writeReadBack();
    void overwrite();
    void removeKey();
    void missingKey();
    void otherInstanceSeesIt();
    void noSecretInAnyFile();

private:
    KeychainSecretStore *m_store = nullptr;
    QStringList m_keys; ///< to clean up
};

void TestKeychainSecrets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"fhirbulkmonitor-test"_s);
    QCoreApplication::setApplicationName(u"tst_keychain_secrets"_s);
    m_store = new KeychainSecretStore(this);
    QCOMPARE(m_store->service(), QStringLiteral(FBM_APP_ID));
    QVERIFY(m_store->isPersistent());
    const Error probe = doneNow(
        [this](QObject *c, SecretStore::DoneCallback cb) { m_store->probe(c, std::move(cb)); });
    if (probe && !inKeyringSession())
        QSKIP("No keychain here: run through tests/support/with-keyring.sh");
    QVERIFY2(!probe, qPrintable(probe.message + u" / "_s + probe.detail));
}

void TestKeychainSecrets::cleanupTestCase()
{
    if (!m_store)
        return;
    for (const QString &key : std::as_const(m_keys))
        doneNow([&](QObject *c, SecretStore::DoneCallback cb) { m_store->remove(key, c, cb); });
}

void TestKeychainSecrets::writeReadBack_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("text") << "client-secret-value"_ba;
    QTest::newRow("utf8") << "hemmelighed-æøå-秘密"_ba;
    QTest::newRow("pem with newlines")
        << "-----BEGIN PRIVATE KEY-----\nAAAA\nBBBB\n-----END PRIVATE KEY-----\n"_ba;
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe secret", 11);
}

void TestKeychainSecrets::writeReadBack()
{
    QFETCH(QByteArray, value);
    const QString key = SecretStore::keyFor(u"11111111-2222-3333-4444-555555555555"_s,
                                            QString::fromLatin1(QTest::currentDataTag()));
    m_keys << key;
    const Error w = doneNow(
        [&](QObject *c, SecretStore::DoneCallback cb) { m_store->write(key, value, c, cb); });
    QVERIFY2(!w, qPrintable(w.detail));
    const ReadResult r = readNow(m_store, key);
    QVERIFY2(!r.error, qPrintable(r.error.detail));
    QVERIFY(r.found);
    QCOMPARE(r.value, value);
}

void TestKeychainSecrets::overwrite()
{
    const QString key =
        SecretStore::keyFor(u"overwrite"_s, QLatin1String(SecretStore::ClientSecret));
    m_keys << key;
    QVERIFY(!doneNow(
        [&](QObject *c, SecretStore::DoneCallback cb) { m_store->write(key, "first"_ba, c, cb); }));
    QVERIFY(!doneNow([&](QObject *c, SecretStore::DoneCallback cb) {
        m_store->write(key, "second"_ba, c, cb);
    }));
    const ReadResult r = readNow(m_store, key);
    QVERIFY(r.found);
    QCOMPARE(r.value, "second"_ba);
}

void TestKeychainSecrets::removeKey()
{
    const QString key = SecretStore::keyFor(u"remove"_s, QLatin1String(SecretStore::StaticToken));
    QVERIFY(!doneNow([&](QObject *c, SecretStore::DoneCallback cb) {
        m_store->write(key, "gone-soon"_ba, c, cb);
    }));
    QVERIFY(readNow(m_store, key).found);
    const Error e =
        doneNow([&](QObject *c, SecretStore::DoneCallback cb) { m_store->remove(key, c, cb); });
    QVERIFY2(!e, qPrintable(e.detail));
    const ReadResult r = readNow(m_store, key);
    QVERIFY(!r.error);
    QVERIFY(!r.found);
    // Removing it again is not an error.
    QVERIFY(
        !doneNow([&](QObject *c, SecretStore::DoneCallback cb) { m_store->remove(key, c, cb); }));
}

void TestKeychainSecrets::missingKey()
{
    const ReadResult r = readNow(m_store, u"profiles/never-written/client-secret"_s);
    QVERIFY2(!r.error, qPrintable(r.error.detail));
    QVERIFY(!r.found);
    QVERIFY(r.value.isEmpty());
}

void TestKeychainSecrets::otherInstanceSeesIt()
{
    // What one instance (one run of the program) wrote, another reads: it is in the keychain,
    // not in the object.
    const QString key = SecretStore::keyFor(u"shared"_s, QLatin1String(SecretStore::RefreshToken));
    m_keys << key;
    QVERIFY(!doneNow([&](QObject *c, SecretStore::DoneCallback cb) {
        m_store->write(key, "persisted"_ba, c, cb);
    }));
    KeychainSecretStore other;
    const ReadResult r = readNow(&other, key);
    QVERIFY(r.found);
    QCOMPARE(r.value, "persisted"_ba);
}

void TestKeychainSecrets::noSecretInAnyFile()
{
    // A profile of every kind with its secret in the keychain, and one token obtained for each
    // kind that can get one here; then no secret may appear in any file the program writes.
    demo::TokenServer server;
    QVERIFY(server.listen());
    const auto key = jwt::Key::generate(jwt::Algorithm::ES384);
    QVERIFY(key.ok());
    QVERIFY(server.registerJwtClient(u"smart-client"_s, key->publicPem(), u"ES384"_s));
    server.registerSecretClient(u"secret-client"_s, "kc-client-secret-4f9a2b"_ba);

    ProfileStore profiles; // the default path, under the test-mode config folder
    QVERIFY(profiles.path().contains(u".qttest"_s));
    QNetworkAccessManager nam;

    struct Case
    {
        Profile::AuthKind kind;
        QString clientId;
        QByteArray secret;
        bool fetch;
    };
    const QList<Case> cases{
        {Profile::AuthKind::StaticToken, {}, "kc-static-token-77c1e0"_ba, true},
        {Profile::AuthKind::ClientSecret, u"secret-client"_s, "kc-client-secret-4f9a2b"_ba, true},
        {Profile::AuthKind::SmartBackend, u"smart-client"_s, key->privatePem(), true},
        {Profile::AuthKind::Interactive, u"public-client"_s, "kc-refresh-token-9d3e55"_ba, false},
    };
    QList<QByteArray> secrets;
    for (const Case &c : cases) {
        Profile p;
        p.name = u"kc "_s + Profile::authKindName(c.kind);
        p.baseUrl = server.fhirBase();
        p.tokenUrl = server.tokenUrl();
        p.auth = c.kind;
        p.clientId = c.clientId;
        p.algorithm = jwt::Algorithm::ES384;
        p.keyId = u"kc-kid"_s;
        const auto saved = profiles.save(p);
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
        m_keys << saved->secretKey();
        const Error w = doneNow([&](QObject *ctx, SecretStore::DoneCallback cb) {
            m_store->write(saved->secretKey(), c.secret, ctx, cb);
        });
        QVERIFY2(!w, qPrintable(w.detail));
        secrets << c.secret;
        if (!c.fetch)
            continue;
        auto setup = setupForProfile(saved.value(), &nam, m_store);
        QVERIFY(setup.ok());
        QString token;
        Error error;
        bool called = false;
        setup->auth->requestToken(false, this, [&](const QString &t, const Error &e) {
            token = t;
            error = e;
            called = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(called, 20000);
        QVERIFY2(!error, qPrintable(error.message));
        QVERIFY(!token.isEmpty());
        secrets << token.toUtf8();
    }
    QVERIFY(QFile::exists(profiles.path()));

    QStringList roots{
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
    };
    // In the throw-away session the whole home is ours to search, except the keyring file,
    // which is encrypted but is the one place the secrets are meant to be.
    if (inKeyringSession())
        roots << QDir::homePath() << qEnvironmentVariable("XDG_CONFIG_HOME")
              << qEnvironmentVariable("XDG_DATA_HOME");
    int filesSearched = 0;
    for (const QString &root : std::as_const(roots)) {
        if (root.isEmpty())
            continue;
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(u"/keyrings/"_s))
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = f.readAll();
            ++filesSearched;
            for (const QByteArray &secret : std::as_const(secrets)) {
                QVERIFY2(!content.contains(secret), qPrintable(u"secret found in "_s + path));
                QVERIFY2(!content.contains(secret.toBase64()), qPrintable(path));
            }
            QVERIFY2(!content.contains("PRIVATE KEY"), qPrintable(path));
        }
    }
    QVERIFY(filesSearched >= 1); // at least profiles.ini was looked at
}

QTEST_GUILESS_MAIN(TestKeychainSecrets)
#include "tst_keychain_secrets.moc"
