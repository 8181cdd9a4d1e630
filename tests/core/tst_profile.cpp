#include "auth/authfactory.h"
#include "auth/profile.h"
#include "auth/secretstore.h"
#include "auth/tokenauth.h"
#include "demo/tokenserver.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authKindNames_data();
    void authKindNames();
    void parseHeader_data();
    void parseHeader();
    void problems();
    void roundTrip();
    void uniqueNamesAndLookup();
    void removeProfile();
    void noSecretInSettings();
    void profileAuthReadsSecretLazily();
    void profileAuthMissingSecret();
    void clientFromProfile();
};

void TestProfile::authKindNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::newRow("none") << u"none"_s << int(Profile::AuthKind::None);
    QTest::newRow("token") << u"token"_s << int(Profile::AuthKind::StaticToken);
    QTest::newRow("client-secret") << u"client-secret"_s << int(Profile::AuthKind::ClientSecret);
    QTest::newRow("smart") << u"SMART"_s << int(Profile::AuthKind::SmartBackend);
    QTest::newRow("interactive") << u"interactive"_s << int(Profile::AuthKind::Interactive);
    QTest::newRow("unknown") << u"kerberos"_s << -1;
}

void TestProfile::authKindNames()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    const auto parsed = Profile::authKindFromName(name);
    QCOMPARE(parsed.has_value(), kind >= 0);
    if (parsed) {
        QCOMPARE(int(*parsed), kind);
        QCOMPARE(Profile::authKindName(*parsed), name.toLower());
        QVERIFY(!Profile::authKindTitle(*parsed).isEmpty());
    }
}

void TestProfile::parseHeader_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("plain") << u"X-Tenant: abc"_s << true << "X-Tenant"_ba
                           << "abc"_ba;
    QTest::newRow("no space") << u"X-A:b:c"_s << true << "X-A"_ba
                              << "b:c"_ba;
    QTest::newRow("empty value") << u"X-Empty:"_s << true << "X-Empty"_ba << QByteArray();
    QTest::newRow("no colon") << u"X-Tenant abc"_s << false << QByteArray() << QByteArray();
    QTest::newRow("space in name") << u"X Tenant: a"_s << false << QByteArray() << QByteArray();
    QTest::newRow("header injection")
        << u"X-A: b\r\nX-B: c"_s << false << QByteArray() << QByteArray();
}

void TestProfile::parseHeader()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    const auto h = Profile::parseHeader(text);
    QCOMPARE(h.has_value(), ok);
    if (ok) {
        QCOMPARE(h->first, name);
        QCOMPARE(h->second, value);
    }
}

void TestProfile::problems()
{
    Profile p;
    QVERIFY(p.problems().size() >= 2); // no name, no base
    p.name = u"x"_s;
    p.baseUrl = QUrl(u"ftp://h/fhir"_s);
    QCOMPARE(p.problems().size(), 1);
    p.baseUrl = QUrl(u"https://h/fhir"_s);
    QVERIFY(p.problems().isEmpty());
    p.auth = Profile::AuthKind::SmartBackend;
    QCOMPARE(p.problems().size(), 1); // client id missing
    p.clientId = u"c"_s;
    QVERIFY(p.problems().isEmpty());
}

void TestProfile::roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"profiles.ini"_s);
    Profile p;
    p.name = u"eHealth DK"_s;
    p.baseUrl = QUrl(u"https://ehealth.example/fhir"_s);
    p.auth = Profile::AuthKind::SmartBackend;
    p.clientId = u"backend-client"_s;
    p.scope = u"system/*.rs"_s;
    p.keyId = u"key-2024"_s;
    p.algorithm = jwt::Algorithm::ES384;
    p.clientAuthMethod = Profile::ClientAuthMethod::Post;
    p.tokenUrl = QUrl(u"https://auth.example/token"_s);
    p.authorizationUrl = QUrl(u"https://auth.example/authorize"_s);
    p.redirectPort = 8765;
    p.extraHeaders = {{"X-Tenant"_ba, "tenant-7"_ba}, {"X-Api-Key-Id"_ba, "k: v"_ba}};
    p.outputDir = u"/data/exports"_s;
    p.reporting = true;
    p.allowInsecureToken = true;
    p.allowPrivateNetworks = true;
    p.keepFilesOnServer = true;
    p.gzipOutputs = true;
    p.caCertificateFile = u"/etc/ssl/hospital-ca.pem"_s;

    Profile saved;
    {
        ProfileStore store(path);
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);
        const auto r = store.save(p);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        saved = r.value();
        QVERIFY(!saved.id.isEmpty());
        QVERIFY(!saved.id.startsWith(u'{'));
        QCOMPARE(changed.size(), 1);
    }
    // A new store on the same file reads back every field.
    ProfileStore again(path);
    const auto loaded = again.byId(saved.id);
    QVERIFY(loaded.has_value());
    QCOMPARE(*loaded, saved);
    QCOMPARE(loaded->extraHeaders, p.extraHeaders);
    QVERIFY(loaded->gzipOutputs);
    QCOMPARE(again.profiles().size(), 1);

    // Replacing by id keeps one profile, with the new values.
    Profile changedProfile = saved;
    changedProfile.auth = Profile::AuthKind::None;
    changedProfile.extraHeaders.clear();
    QVERIFY(again.save(changedProfile).ok());
    QCOMPARE(again.profiles().size(), 1);
    QCOMPARE(again.byId(saved.id)->auth, Profile::AuthKind::None);
    QVERIFY(again.byId(saved.id)->extraHeaders.isEmpty());
}

void TestProfile::uniqueNamesAndLookup()
{
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(u"p.ini"_s));
    Profile a;
    a.name = u"Oracle"_s;
    a.baseUrl = QUrl(u"https://oracle.example/r4"_s);
    Profile b = a;
    b.name = u"HAPI"_s;
    const auto ra = store.save(a);
    const auto rb = store.save(b);
    QVERIFY(ra.ok() && rb.ok());
    Profile dup = a;
    dup.name = u"oracle"_s; // case-insensitive clash
    const auto rd = store.save(dup);
    QVERIFY(!rd.ok());
    QCOMPARE(rd.error().kind, Error::Kind::Usage);
    QVERIFY(rd.error().message.contains(u"oracle"_s));
    Profile bad = a;
    bad.name = u"Bad"_s;
    bad.baseUrl = QUrl(u"not a url"_s);
    QVERIFY(!store.save(bad).ok());

    QCOMPARE(store.byName(u"ORACLE"_s)->id, ra->id);
    QCOMPARE(store.byName(rb->id)->name, u"HAPI"_s); // an id works too
    QVERIFY(!store.byName(u"nobody"_s).has_value());
    const QList<Profile> all = store.profiles();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.first().name, u"HAPI"_s); // sorted by name
}

void TestProfile::removeProfile()
{
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(u"p.ini"_s));
    Profile a;
    a.name = u"One"_s;
    a.baseUrl = QUrl(u"https://one.example"_s);
    const auto r = store.save(a);
    QVERIFY(r.ok());
    QVERIFY(store.remove(r->id));
    QVERIFY(!store.remove(r->id));
    QVERIFY(store.profiles().isEmpty());
}

void TestProfile::noSecretInSettings()
{
    // A profile of every kind, with its secret in the (memory) secret store: the settings file
    // holds none of the secrets.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"p.ini"_s);
    ProfileStore store(path);
    MemorySecretStore secrets;
    const auto key = jwt::Key::generate(jwt::Algorithm::RS384);
    QVERIFY(key.ok());
    const QMap<Profile::AuthKind, QByteArray> secretFor{
        {Profile::AuthKind::StaticToken, "static-token-value-123"_ba},
        {Profile::AuthKind::ClientSecret, "client-secret-value-456"_ba},
        {Profile::AuthKind::SmartBackend, key->privatePem()},
        {Profile::AuthKind::Interactive, "refresh-token-value-789"_ba},
    };
    for (auto it = secretFor.cbegin(); it != secretFor.cend(); ++it) {
        Profile p;
        p.name = Profile::authKindName(it.key());
        p.baseUrl = QUrl(u"https://server.example/fhir"_s);
        p.auth = it.key();
        p.clientId = u"client"_s;
        const auto saved = store.save(p);
        QVERIFY(saved.ok());
        QVERIFY(!saved->secretKey().isEmpty());
        QVERIFY(saved->secretKey().startsWith(u"profiles/"_s + saved->id + u'/'));
        bool done = false;
        secrets.write(saved->secretKey(), it.value(), this, [&done](const Error &e) {
            QVERIFY(!e);
            done = true;
        });
        QTRY_VERIFY(done);
    }
    QCOMPARE(secrets.values().size(), 4);
    const QByteArray ini = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(ini.contains("client-secret")); // the kind's name is there, as it should be
    for (const QByteArray &secret : secretFor) {
        QVERIFY(!ini.contains(secret));
        QVERIFY(!ini.contains(secret.left(20)));
    }
    QVERIFY(!ini.contains("PRIVATE KEY"));
}

void TestProfile::profileAuthReadsSecretLazily()
{
    demo::TokenServer server;
    QVERIFY(server.listen());
    server.registerSecretClient(u"cli"_s, "lazy-secret"_ba);
    QNetworkAccessManager nam;
    MemorySecretStore secrets;
    Profile p;
    p.id = u"p1"_s;
    p.name = u"Lazy"_s;
    p.baseUrl = server.fhirBase();
    p.auth = Profile::AuthKind::ClientSecret;
    p.clientId = u"cli"_s;
    p.tokenUrl = server.tokenUrl();
    p.clientAuthMethod = Profile::ClientAuthMethod::Post;
    secrets.insert(p.secretKey(), "lazy-secret\n"_ba); // as read from a file, newline and all

    auto setup = setupForProfile(p, &nam, &secrets);
    QVERIFY2(setup.ok(), qPrintable(setup.error().message));
    QVERIFY(setup->client);
    QCOMPARE(setup->client->base(), p.baseUrl);
    QCOMPARE(setup->client->auth(), setup->auth.get());
    auto *lazy = qobject_cast<ProfileAuth *>(setup->auth.get());
    QVERIFY(lazy);
    QVERIFY(!lazy->inner());

    QString token;
    Error error;
    int calls = 0;
    QObject context;
    for (int i = 0; i < 2; ++i)
        setup->auth->requestToken(false, &context, [&](const QString &t, const Error &e) {
            token = t;
            error = e;
            ++calls;
        });
    QTRY_COMPARE(calls, 2);
    QVERIFY2(!error, qPrintable(error.message));
    QVERIFY(server.isValid(token.toLatin1()));
    QCOMPARE(server.tokenRequests(), 1);
    QVERIFY(qobject_cast<ClientCredentialsAuth *>(lazy->inner()));
    QVERIFY(setup->auth->secrets().contains(u"lazy-secret"_s));
}

void TestProfile::profileAuthMissingSecret()
{
    QNetworkAccessManager nam;
    MemorySecretStore secrets;
    Profile p;
    p.id = u"p2"_s;
    p.name = u"Nothing stored"_s;
    p.baseUrl = QUrl(u"https://h.example/fhir"_s);
    p.auth = Profile::AuthKind::StaticToken;
    auto setup = setupForProfile(p, &nam, &secrets);
    QVERIFY(setup.ok());
    Error error;
    bool called = false;
    setup->auth->requestToken(false, this, [&](const QString &, const Error &e) {
        error = e;
        called = true;
    });
    QTRY_VERIFY(called);
    QCOMPARE(error.kind, Error::Kind::Auth);
    QVERIFY(error.message.contains(u"Nothing stored"_s));
}

void TestProfile::clientFromProfile()
{
    Profile p;
    p.name = u"CA"_s;
    p.baseUrl = QUrl(u"https://h.example/fhir"_s);
    p.extraHeaders = {{"X-Tenant"_ba, "t"_ba}};
    p.caCertificateFile = u"/nonexistent/ca.pem"_s;
    QVERIFY(!createHttpClient(p, nullptr).ok());

    QTemporaryDir dir;
    const QString notPem = dir.filePath(u"ca.pem"_s);
    QFile f(notPem);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a certificate");
    f.close();
    p.caCertificateFile = notPem;
    const auto bad = createHttpClient(p, nullptr);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind, Error::Kind::Usage);

    p.caCertificateFile.clear();
    const auto ok = createHttpClient(p, nullptr);
    QVERIFY(ok.ok());
    QCOMPARE(ok.value()->base(), p.baseUrl);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
