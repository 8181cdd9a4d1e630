#pragma once

#include <QCoreApplication>

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

// OpenSSL's key type, kept out of this header so that users of the API need no OpenSSL headers.
struct evp_pkey_st;

namespace fbm::jwt {

/// The translation context of the JSON Web Token and key messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fbm::jwt)
};

/// The JWS algorithms SMART Backend Services allows.
enum class Algorithm
{
    RS384,
    ES384
};

[[nodiscard]] QString algorithmName(Algorithm alg);
[[nodiscard]] std::optional<Algorithm> algorithmFromName(QStringView name);

/// base64url without padding (RFC 7515 section 2).
[[nodiscard]] QByteArray base64UrlEncode(const QByteArray &data);
/// Decodes base64url with or without padding; nullopt on a character outside the alphabet.
[[nodiscard]] std::optional<QByteArray> base64UrlDecode(const QByteArray &text);

/// An asymmetric key (RSA or EC). Holds a private key, or only a public one. Cheap to copy:
/// copies share the OpenSSL object, which is never modified after creation.
class Key
{
public:
    enum class Type
    {
        None,
        Rsa,
        Ec
    };

    Key() = default;

    /// A fresh key for alg: RSA 3072 bits for RS384, EC P-384 for ES384.
    static Result<Key> generate(Algorithm alg);
    /// A private key in PEM (PKCS#8, or the traditional RSA/EC forms). Encrypted keys are
    /// refused: the keychain protects the key, and a passphrase prompt would block the CLI.
    static Result<Key> fromPrivatePem(const QByteArray &pem);
    /// A public key in PEM (SubjectPublicKeyInfo); a private key PEM is accepted too.
    static Result<Key> fromPublicPem(const QByteArray &pem);

    [[nodiscard]] bool isNull() const { return !m_pkey; }
    [[nodiscard]] bool hasPrivateKey() const { return m_private; }
    [[nodiscard]] Type type() const;
    [[nodiscard]] int bits() const;
    /// The algorithm that fits this key (RS384 for RSA, ES384 for P-384), if any.
    [[nodiscard]] std::optional<Algorithm> defaultAlgorithm() const;
    /// Why this key cannot sign or verify with alg (wrong type, RSA below 2048 bits, an EC
    /// curve other than P-384); empty when it can.
    [[nodiscard]] QString unsuitableFor(Algorithm alg) const;

    /// PKCS#8 PEM of the private key (empty for a public-only key). This is a secret.
    [[nodiscard]] QByteArray privatePem() const;
    [[nodiscard]] QByteArray publicPem() const;

    /// The public key as a JWK with kid, alg and use "sig"; never any private member.
    [[nodiscard]] QJsonObject publicJwk(const QString &kid, Algorithm alg) const;
    /// RFC 7638 JWK thumbprint (SHA-256, base64url): a stable default for kid.
    [[nodiscard]] QString thumbprint() const;

    [[nodiscard]] evp_pkey_st *handle() const { return m_pkey.get(); }

private:
    std::shared_ptr<evp_pkey_st> m_pkey;
    bool m_private = false;
};

/// {"keys": [jwk]}: what a server's client registration asks for.
[[nodiscard]] QJsonObject jwks(const Key &key, const QString &kid, Algorithm alg);
/// The same, as indented JSON text for the user to copy.
[[nodiscard]] QByteArray jwksText(const Key &key, const QString &kid, Algorithm alg);

/// A compact JWS: base64url(header) . base64url(claims) . base64url(signature). "alg" is set in
/// the header from alg; ES384 signatures are the raw 96-byte R||S form JWS requires, not DER.
[[nodiscard]] Result<QByteArray> sign(QJsonObject header, const QJsonObject &claims, const Key &key,
                                      Algorithm alg);

struct Decoded
{
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput; ///< the first two parts with their dot
    QByteArray signature;    ///< raw bytes
};

/// Splits and decodes a compact JWS without checking the signature.
[[nodiscard]] Result<Decoded> decode(const QByteArray &token);

/// Checks that token is signed by key with alg (the header's alg must say the same: no "none",
/// no algorithm switching). Claims are not checked here.
[[nodiscard]] Result<Decoded> verify(const QByteArray &token, const Key &key, Algorithm alg);

/// A random identifier (128 bits, base64url), for jti, state and the like.
[[nodiscard]] QString randomId(int bytes = 16);

} // namespace fbm::jwt
