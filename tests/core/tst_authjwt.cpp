#include "auth/jwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Qt::StringLiterals;
using namespace fbm;
using jwt::Algorithm;

Q_DECLARE_METATYPE(fbm::jwt::Algorithm)

class TestAuthJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void base64Url_data();
    void base64Url();
    void signVerify_data();
    void signVerify();
    void esSignatureIsRawRS();
    void tamperedRejected_data();
    void tamperedRejected();
    void algorithmConfusionRejected();
    void pemRoundTrip_data();
    void pemRoundTrip();
    void jwksHasNoPrivateParts_data();
    void jwksHasNoPrivateParts();
    void unsuitableKeys();
    void badPem();
    void randomIds();

private:
    jwt::Key m_rsa;
    jwt::Key m_ec;
    const jwt::Key &keyFor(Algorithm alg) const { return alg == Algorithm::RS384 ? m_rsa : m_ec; }
};

void TestAuthJwt::initTestCase()
{
    auto rsa = jwt::Key::generate(Algorithm::RS384);
    QVERIFY2(rsa.ok(), qPrintable(rsa.error().detail));
    m_rsa = rsa.value();
    auto ec = jwt::Key::generate(Algorithm::ES384);
    QVERIFY2(ec.ok(), qPrintable(ec.error().detail));
    m_ec = ec.value();
    QCOMPARE(m_rsa.type(), jwt::Key::Type::Rsa);
    QCOMPARE(m_rsa.bits(), 3072);
    QCOMPARE(m_ec.type(), jwt::Key::Type::Ec);
    QCOMPARE(m_ec.bits(), 384);
}

void TestAuthJwt::base64Url_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("one byte, no padding") << "f"_ba
                                          << "Zg"_ba;
    QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << "-_-_"_ba;
    QTest::newRow("json") << R"({"alg":"RS384"})"_ba
                          << "eyJhbGciOiJSUzM4NCJ9"_ba;
}

void TestAuthJwt::base64Url()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, encoded);
    QCOMPARE(jwt::base64UrlEncode(raw), encoded);
    const auto back = jwt::base64UrlDecode(encoded);
    QVERIFY(back.has_value());
    QCOMPARE(*back, raw);
    QVERIFY(!jwt::base64UrlDecode("a*b"_ba).has_value());
}

void TestAuthJwt::signVerify_data()
{
    QTest::addColumn<Algorithm>("alg");
    QTest::newRow("RS384") << Algorithm::RS384;
    QTest::newRow("ES384") << Algorithm::ES384;
}

void TestAuthJwt::signVerify()
{
    QFETCH(Algorithm, alg);
    const QJsonObject claims{{u"iss"_s, u"client-1"_s},
                             {u"sub"_s, u"client-1"_s},
                             {u"aud"_s, u"https://example.org/token"_s},
                             {u"exp"_s, 1700000300},
                             {u"jti"_s, u"abc"_s}};
    const auto token =
        jwt::sign(QJsonObject{{u"typ"_s, u"JWT"_s}, {u"kid"_s, u"k1"_s}}, claims, keyFor(alg), alg);
    QVERIFY2(token.ok(), qPrintable(token.error().message));
    QCOMPARE(token->count('.'), 2);

    const auto verified = jwt::verify(token.value(), keyFor(alg), alg);
    QVERIFY2(verified.ok(), qPrintable(verified.error().detail));
    QCOMPARE(verified->claims, claims);
    QCOMPARE(verified->header.value(u"alg"_s).toString(), jwt::algorithmName(alg));
    QCOMPARE(verified->header.value(u"kid"_s).toString(), u"k1"_s);
    QCOMPARE(verified->header.value(u"typ"_s).toString(), u"JWT"_s);

    // A verifier that knows only the public half accepts it too.
    const auto pub = jwt::Key::fromPublicPem(keyFor(alg).publicPem());
    QVERIFY(pub.ok());
    QVERIFY(!pub->hasPrivateKey());
    QVERIFY(jwt::verify(token.value(), pub.value(), alg).ok());

    // Another key of the same kind does not.
    const auto other = jwt::Key::generate(alg);
    QVERIFY(other.ok());
    QVERIFY(!jwt::verify(token.value(), other.value(), alg).ok());
}

void TestAuthJwt::esSignatureIsRawRS()
{
    // JWS wants R||S (96 bytes for P-384); a DER signature would be 102-104 bytes and start
    // with 0x30. Check it with OpenSSL directly, independent of our verify().
    const auto token = jwt::sign({}, QJsonObject{{u"a"_s, 1}}, m_ec, Algorithm::ES384);
    QVERIFY(token.ok());
    const auto decoded = jwt::decode(token.value());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->signature.size(), 96);

    const auto *raw = reinterpret_cast<const unsigned char *>(decoded->signature.constData());
    ECDSA_SIG *sig = ECDSA_SIG_new();
    ECDSA_SIG_set0(sig, BN_bin2bn(raw, 48, nullptr), BN_bin2bn(raw + 48, 48, nullptr));
    unsigned char *der = nullptr;
    const int derLen = i2d_ECDSA_SIG(sig, &der);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    QCOMPARE(EVP_DigestVerifyInit(ctx, nullptr, EVP_sha384(), nullptr, m_ec.handle()), 1);
    const int rc =
        EVP_DigestVerify(ctx, der, size_t(derLen),
                         reinterpret_cast<const unsigned char *>(decoded->signingInput.constData()),
                         size_t(decoded->signingInput.size()));
    EVP_MD_CTX_free(ctx);
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    QCOMPARE(rc, 1);
}

void TestAuthJwt::tamperedRejected_data()
{
    QTest::addColumn<Algorithm>("alg");
    QTest::addColumn<int>("part");
    QTest::newRow("RS384 header") << Algorithm::RS384 << 0;
    QTest::newRow("RS384 claims") << Algorithm::RS384 << 1;
    QTest::newRow("RS384 signature") << Algorithm::RS384 << 2;
    QTest::newRow("ES384 header") << Algorithm::ES384 << 0;
    QTest::newRow("ES384 claims") << Algorithm::ES384 << 1;
    QTest::newRow("ES384 signature") << Algorithm::ES384 << 2;
}

void TestAuthJwt::tamperedRejected()
{
    QFETCH(Algorithm, alg);
    QFETCH(int, part);
    const auto token = jwt::sign({{u"kid"_s, u"k"_s}}, {{u"sub"_s, u"alice"_s}}, keyFor(alg), alg);
    QVERIFY(token.ok());
    QList<QByteArray> parts = token->split('.');
    if (part == 2) {
        QByteArray sig = *jwt::base64UrlDecode(parts[2]);
        sig[sig.size() / 2] = char(sig[sig.size() / 2] ^ 0x01);
        parts[2] = jwt::base64UrlEncode(sig);
    } else {
        QJsonObject o = QJsonDocument::fromJson(*jwt::base64UrlDecode(parts[part])).object();
        o.insert(u"sub"_s, u"mallory"_s);
        parts[part] = jwt::base64UrlEncode(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    const QByteArray tampered = parts.join('.');
    QVERIFY(tampered != token.value());
    const auto r = jwt::verify(tampered, keyFor(alg), alg);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Auth);
}

void TestAuthJwt::algorithmConfusionRejected()
{
    const auto token = jwt::sign({}, {{u"a"_s, 1}}, m_rsa, Algorithm::RS384);
    QVERIFY(token.ok());
    QVERIFY(!jwt::verify(token.value(), m_ec, Algorithm::ES384).ok());
    // "alg": "none" with an empty signature is never accepted.
    const QByteArray none = jwt::base64UrlEncode(R"({"alg":"none"})"_ba) + '.' +
                            jwt::base64UrlEncode(R"({"a":1})"_ba) + '.';
    QVERIFY(!jwt::verify(none, m_rsa, Algorithm::RS384).ok());
}

void TestAuthJwt::pemRoundTrip_data()
{
    signVerify_data();
}

void TestAuthJwt::pemRoundTrip()
{
    QFETCH(Algorithm, alg);
    const QByteArray pem = keyFor(alg).privatePem();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
    const auto loaded = jwt::Key::fromPrivatePem(pem);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().detail));
    QVERIFY(loaded->hasPrivateKey());
    QCOMPARE(loaded->defaultAlgorithm(), std::optional<Algorithm>(alg));
    QCOMPARE(loaded->publicPem(), keyFor(alg).publicPem());
    QCOMPARE(loaded->thumbprint(), keyFor(alg).thumbprint());
    // Signed with the loaded key, verified with the original's public half.
    const auto token = jwt::sign({}, {{u"x"_s, 1}}, loaded.value(), alg);
    QVERIFY(token.ok());
    QVERIFY(jwt::verify(token.value(), keyFor(alg), alg).ok());
}

void TestAuthJwt::jwksHasNoPrivateParts_data()
{
    signVerify_data();
}

void TestAuthJwt::jwksHasNoPrivateParts()
{
    QFETCH(Algorithm, alg);
    const QJsonObject set = jwt::jwks(keyFor(alg), u"my-kid"_s, alg);
    const QJsonArray keys = set.value(u"keys"_s).toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject jwk = keys.first().toObject();
    QCOMPARE(jwk.value(u"kid"_s).toString(), u"my-kid"_s);
    QCOMPARE(jwk.value(u"alg"_s).toString(), jwt::algorithmName(alg));
    QCOMPARE(jwk.value(u"use"_s).toString(), u"sig"_s);
    for (const char *priv : {"d", "p", "q", "dp", "dq", "qi"})
        QVERIFY2(!jwk.contains(QLatin1String(priv)), priv);
    if (alg == Algorithm::RS384) {
        QCOMPARE(jwk.value(u"kty"_s).toString(), u"RSA"_s);
        QCOMPARE(jwk.value(u"e"_s).toString(), u"AQAB"_s);
        QCOMPARE(jwt::base64UrlDecode(jwk.value(u"n"_s).toString().toLatin1())->size(), 384);
    } else {
        QCOMPARE(jwk.value(u"kty"_s).toString(), u"EC"_s);
        QCOMPARE(jwk.value(u"crv"_s).toString(), u"P-384"_s);
        QCOMPARE(jwt::base64UrlDecode(jwk.value(u"x"_s).toString().toLatin1())->size(), 48);
        QCOMPARE(jwt::base64UrlDecode(jwk.value(u"y"_s).toString().toLatin1())->size(), 48);
    }
    const QByteArray text = jwt::jwksText(keyFor(alg), u"my-kid"_s, alg);
    QCOMPARE(QJsonDocument::fromJson(text).object(), set);
    QVERIFY(!text.contains("PRIVATE"));
}

void TestAuthJwt::unsuitableKeys()
{
    QVERIFY(!m_rsa.unsuitableFor(Algorithm::ES384).isEmpty());
    QVERIFY(!m_ec.unsuitableFor(Algorithm::RS384).isEmpty());
    QVERIFY(!jwt::sign({}, {}, m_rsa, Algorithm::ES384).ok());

    EVP_PKEY *p256 = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    QVERIFY(p256);
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, p256, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    const auto key = jwt::Key::fromPrivatePem(QByteArray(data, int(len)));
    BIO_free(bio);
    EVP_PKEY_free(p256);
    QVERIFY(key.ok());
    QVERIFY(!key->defaultAlgorithm().has_value());
    QVERIFY(key->unsuitableFor(Algorithm::ES384).contains(u"P-384"_s));
}

void TestAuthJwt::badPem()
{
    const auto r = jwt::Key::fromPrivatePem("not a key"_ba);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Usage);
    QVERIFY(!r.error().message.isEmpty());
    // A public key is not a private key.
    QVERIFY(!jwt::Key::fromPrivatePem(m_rsa.publicPem()).ok());
}

void TestAuthJwt::randomIds()
{
    QSet<QString> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(jwt::randomId());
    QCOMPARE(seen.size(), 100);
    QCOMPARE(jwt::randomId().size(), 22); // 16 bytes, base64url without padding
}

QTEST_GUILESS_MAIN(TestAuthJwt)
#include "tst_authjwt.moc"
