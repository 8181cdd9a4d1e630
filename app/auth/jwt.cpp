#include "jwt.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace fbm::jwt {

namespace {

constexpr int kEcCoordinateBytes = 48; // P-384

/// The last OpenSSL error as text for the log (never contains key material).
QString opensslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return u"unknown OpenSSL error"_s;
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

Error cryptoError(const QString &message)
{
    return Error::make(Error::Kind::Usage, message, opensslError());
}

struct BioDeleter
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

struct BnDeleter
{
    void operator()(BIGNUM *b) const { BN_free(b); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY *k)
{
    return std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free);
}

// Refuses to prompt for a passphrase: OpenSSL's default callback would read the terminal.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

QByteArray bnBytes(const EVP_PKEY *pkey, const char *param, int padTo = 0)
{
    BIGNUM *raw = nullptr;
    if (!EVP_PKEY_get_bn_param(pkey, param, &raw))
        return {};
    BnPtr bn(raw);
    const int len = padTo > 0 ? padTo : BN_num_bytes(bn.get());
    QByteArray out(len, '\0');
    if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char *>(out.data()), len) != len)
        return {};
    return out;
}

QString groupName(const EVP_PKEY *pkey)
{
    char name[80] = {};
    size_t len = 0;
    if (!EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len))
        return {};
    return QString::fromLatin1(name, qsizetype(len));
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// ECDSA in JWS is the fixed-size R||S pair (RFC 7518 section 3.4); OpenSSL speaks DER.
QByteArray derToRaw(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    if (!sig)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig, &r, &s);
    QByteArray raw(2 * kEcCoordinateBytes, '\0');
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    const bool ok =
        BN_bn2binpad(r, out, kEcCoordinateBytes) == kEcCoordinateBytes &&
        BN_bn2binpad(s, out + kEcCoordinateBytes, kEcCoordinateBytes) == kEcCoordinateBytes;
    ECDSA_SIG_free(sig);
    return ok ? raw : QByteArray();
}

QByteArray rawToDer(const QByteArray &raw)
{
    if (raw.size() != 2 * kEcCoordinateBytes)
        return {};
    const auto *in = reinterpret_cast<const unsigned char *>(raw.constData());
    BIGNUM *r = BN_bin2bn(in, kEcCoordinateBytes, nullptr);
    BIGNUM *s = BN_bin2bn(in + kEcCoordinateBytes, kEcCoordinateBytes, nullptr);
    ECDSA_SIG *sig = ECDSA_SIG_new();
    if (!r || !s || !sig || !ECDSA_SIG_set0(sig, r, s)) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return {};
    }
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig, &der);
    QByteArray out;
    if (len > 0)
        out = QByteArray(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

} // namespace

QString algorithmName(Algorithm alg)
{
    switch (alg) {
    case Algorithm::RS384:
        return u"RS384"_s;
    case Algorithm::ES384:
        return u"ES384"_s;
    }
    return {};
}

std::optional<Algorithm> algorithmFromName(QStringView name)
{
    if (name.compare(u"RS384", Qt::CaseInsensitive) == 0)
        return Algorithm::RS384;
    if (name.compare(u"ES384", Qt::CaseInsensitive) == 0)
        return Algorithm::ES384;
    return std::nullopt;
}

QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(const QByteArray &text)
{
    auto r = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return std::nullopt;
    return *r;
}

Result<Key> Key::generate(Algorithm alg)
{
    EVP_PKEY *pkey = nullptr;
    switch (alg) {
    case Algorithm::RS384:
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(3072));
        break;
    case Algorithm::ES384:
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
        break;
    }
    if (!pkey)
        return cryptoError(Text::tr("A new key could not be generated."));
    Key k;
    k.m_pkey = wrap(pkey);
    k.m_private = true;
    return k;
}

Result<Key> Key::fromPrivatePem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr);
    if (!pkey) {
        const QString detail = opensslError();
        if (pem.contains("ENCRYPTED"))
            return Error::make(Error::Kind::Usage,
                               Text::tr("The private key is protected by a passphrase. Export it "
                                        "without one; the keychain keeps it safe."),
                               detail);
        return Error::make(
            Error::Kind::Usage,
            Text::tr("The file does not hold a private key in PEM form (RSA or EC)."), detail);
    }
    Key k;
    k.m_pkey = wrap(pkey);
    k.m_private = true;
    if (k.type() == Type::None)
        return Error::make(Error::Kind::Usage, Text::tr("Only RSA and EC keys are supported."));
    return k;
}

Result<Key> Key::fromPublicPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY *pkey = PEM_read_bio_PUBKEY(bio.get(), nullptr, noPassphrase, nullptr);
    if (!pkey) {
        ERR_clear_error();
        auto priv = fromPrivatePem(pem);
        if (!priv.ok())
            return Error::make(Error::Kind::Usage,
                               Text::tr("The text is not a public key in PEM form (RSA or EC)."),
                               priv.error().detail);
        return Key::fromPublicPem(priv->publicPem());
    }
    Key k;
    k.m_pkey = wrap(pkey);
    k.m_private = false;
    if (k.type() == Type::None)
        return Error::make(Error::Kind::Usage, Text::tr("Only RSA and EC keys are supported."));
    return k;
}

Key::Type Key::type() const
{
    if (!m_pkey)
        return Type::None;
    if (EVP_PKEY_is_a(m_pkey.get(), "RSA"))
        return Type::Rsa;
    if (EVP_PKEY_is_a(m_pkey.get(), "EC"))
        return Type::Ec;
    return Type::None;
}

int Key::bits() const
{
    return m_pkey ? EVP_PKEY_get_bits(m_pkey.get()) : 0;
}

std::optional<Algorithm> Key::defaultAlgorithm() const
{
    if (type() == Type::Rsa)
        return Algorithm::RS384;
    if (type() == Type::Ec && groupName(m_pkey.get()) == "secp384r1"_L1)
        return Algorithm::ES384;
    return std::nullopt;
}

QString Key::unsuitableFor(Algorithm alg) const
{
    switch (alg) {
    case Algorithm::RS384:
        if (type() != Type::Rsa)
            return Text::tr("RS384 needs an RSA key.");
        if (bits() < 2048)
            //: %1 is a number of bits
            return Text::tr("The RSA key has only %1 bits; at least 2048 are needed.").arg(bits());
        return {};
    case Algorithm::ES384:
        if (type() != Type::Ec)
            return Text::tr("ES384 needs an EC key on the P-384 curve.");
        if (groupName(m_pkey.get()) != "secp384r1"_L1)
            //: %1 is the name of an elliptic curve
            return Text::tr("ES384 needs the P-384 curve; this key uses %1.")
                .arg(groupName(m_pkey.get()));
        return {};
    }
    return Text::tr("Unknown algorithm.");
}

QByteArray Key::privatePem() const
{
    if (!m_pkey || !m_private)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(bio.get(), m_pkey.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    return bioContents(bio.get());
}

QByteArray Key::publicPem() const
{
    if (!m_pkey)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PUBKEY(bio.get(), m_pkey.get()))
        return {};
    return bioContents(bio.get());
}

QJsonObject Key::publicJwk(const QString &kid, Algorithm alg) const
{
    QJsonObject jwk;
    switch (type()) {
    case Type::None:
        return {};
    case Type::Rsa:
        jwk.insert(u"kty"_s, u"RSA"_s);
        jwk.insert(u"n"_s, QString::fromLatin1(
                               base64UrlEncode(bnBytes(m_pkey.get(), OSSL_PKEY_PARAM_RSA_N))));
        jwk.insert(u"e"_s, QString::fromLatin1(
                               base64UrlEncode(bnBytes(m_pkey.get(), OSSL_PKEY_PARAM_RSA_E))));
        break;
    case Type::Ec:
        jwk.insert(u"kty"_s, u"EC"_s);
        jwk.insert(u"crv"_s, u"P-384"_s);
        jwk.insert(u"x"_s, QString::fromLatin1(base64UrlEncode(bnBytes(
                               m_pkey.get(), OSSL_PKEY_PARAM_EC_PUB_X, kEcCoordinateBytes))));
        jwk.insert(u"y"_s, QString::fromLatin1(base64UrlEncode(bnBytes(
                               m_pkey.get(), OSSL_PKEY_PARAM_EC_PUB_Y, kEcCoordinateBytes))));
        break;
    }
    if (!kid.isEmpty())
        jwk.insert(u"kid"_s, kid);
    jwk.insert(u"alg"_s, algorithmName(alg));
    jwk.insert(u"use"_s, u"sig"_s);
    jwk.insert(u"key_ops"_s, QJsonArray{u"verify"_s});
    return jwk;
}

QString Key::thumbprint() const
{
    // RFC 7638: only the required members, in lexicographic order, no whitespace.
    const QJsonObject full = publicJwk({}, defaultAlgorithm().value_or(Algorithm::RS384));
    QJsonObject required;
    const QStringList names = type() == Type::Rsa ? QStringList{u"e"_s, u"kty"_s, u"n"_s}
                                                  : QStringList{u"crv"_s, u"kty"_s, u"x"_s, u"y"_s};
    for (const QString &n : names)
        required.insert(n, full.value(n));
    return QString::fromLatin1(base64UrlEncode(
        QCryptographicHash::hash(compactJson(required), QCryptographicHash::Sha256)));
}

QJsonObject jwks(const Key &key, const QString &kid, Algorithm alg)
{
    return QJsonObject{{u"keys"_s, QJsonArray{key.publicJwk(kid, alg)}}};
}

QByteArray jwksText(const Key &key, const QString &kid, Algorithm alg)
{
    return QJsonDocument(jwks(key, kid, alg)).toJson(QJsonDocument::Indented);
}

Result<QByteArray> sign(QJsonObject header, const QJsonObject &claims, const Key &key,
                        Algorithm alg)
{
    if (key.isNull() || !key.hasPrivateKey())
        return Error::make(Error::Kind::Usage, Text::tr("No private key to sign with."));
    if (const QString why = key.unsuitableFor(alg); !why.isEmpty())
        return Error::make(Error::Kind::Usage, why);

    header.insert(u"alg"_s, algorithmName(alg));
    const QByteArray input =
        base64UrlEncode(compactJson(header)) + '.' + base64UrlEncode(compactJson(claims));

    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha384(), nullptr, key.handle()) != 1)
        return cryptoError(Text::tr("The assertion could not be signed."));
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(input.size())) != 1)
        return cryptoError(Text::tr("The assertion could not be signed."));
    QByteArray sig(qsizetype(len), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in,
                       size_t(input.size())) != 1)
        return cryptoError(Text::tr("The assertion could not be signed."));
    sig.resize(qsizetype(len));
    if (alg == Algorithm::ES384) {
        sig = derToRaw(sig);
        if (sig.isEmpty())
            return cryptoError(Text::tr("The assertion could not be signed."));
    }
    return QByteArray(input + '.' + base64UrlEncode(sig));
}

Result<Decoded> decode(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    const auto bad = [](const QString &detail) {
        return Error::make(Error::Kind::Protocol, Text::tr("The token is not a well-formed JWT."),
                           detail);
    };
    if (parts.size() != 3)
        return bad(u"a compact JWS has three parts"_s);
    const auto header = base64UrlDecode(parts[0]);
    const auto claims = base64UrlDecode(parts[1]);
    const auto signature = base64UrlDecode(parts[2]);
    if (!header || !claims || !signature)
        return bad(u"invalid base64url"_s);
    QJsonParseError pe;
    const QJsonDocument h = QJsonDocument::fromJson(*header, &pe);
    if (!h.isObject())
        return bad(u"header is not a JSON object"_s);
    const QJsonDocument c = QJsonDocument::fromJson(*claims, &pe);
    if (!c.isObject())
        return bad(u"claims are not a JSON object"_s);
    Decoded d;
    d.header = h.object();
    d.claims = c.object();
    d.signingInput = parts[0] + '.' + parts[1];
    d.signature = *signature;
    return d;
}

Result<Decoded> verify(const QByteArray &token, const Key &key, Algorithm alg)
{
    auto decoded = decode(token);
    if (!decoded.ok())
        return decoded.error();
    const auto refused = [](const QString &detail) {
        return Error::make(Error::Kind::Auth, Text::tr("The signature of the token is not valid."),
                           detail);
    };
    if (decoded->header.value(u"alg"_s).toString() != algorithmName(alg))
        return refused(u"header alg is not "_s + algorithmName(alg));
    if (const QString why = key.unsuitableFor(alg); !why.isEmpty())
        return refused(why);

    QByteArray sig = decoded->signature;
    if (alg == Algorithm::ES384) {
        sig = rawToDer(sig);
        if (sig.isEmpty())
            return refused(u"ES384 signature is not 96 bytes of R||S"_s);
    }
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha384(), nullptr, key.handle()) != 1)
        return refused(opensslError());
    const int rc = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char *>(sig.constData()), size_t(sig.size()),
        reinterpret_cast<const unsigned char *>(decoded->signingInput.constData()),
        size_t(decoded->signingInput.size()));
    if (rc != 1) {
        ERR_clear_error();
        return refused(u"signature mismatch"_s);
    }
    return decoded;
}

QString randomId(int bytes)
{
    QByteArray buf(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(buf.data()), bytes) != 1) {
        // RAND_bytes fails only without an entropy source; Qt's system generator is the fallback.
        QRandomGenerator::system()->generate(buf.begin(), buf.end());
    }
    return QString::fromLatin1(base64UrlEncode(buf));
}

} // namespace fbm::jwt
