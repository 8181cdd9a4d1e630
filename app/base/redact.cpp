#include "redact.h"

#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

bool isSecretKey(const QString &key)
{
    static const QStringList keys = {u"x-amz-signature"_s,
                                     u"x-amz-credential"_s,
                                     u"x-amz-security-token"_s,
                                     u"sig"_s,
                                     u"signature"_s,
                                     u"sharedaccesssignature"_s,
                                     u"access_token"_s,
                                     u"token"_s,
                                     u"code"_s,
                                     u"client_secret"_s,
                                     u"client_assertion"_s,
                                     u"refresh_token"_s,
                                     u"code_verifier"_s,
                                     u"password"_s,
                                     u"x-goog-signature"_s};
    return keys.contains(key.toLower());
}

} // namespace

QUrl redactUrl(const QUrl &url)
{
    if (url.userInfo().isEmpty() && !url.hasQuery())
        return url; // nothing to hide, and no copy
    QUrl out = url;
    out.setUserInfo(QString());
    if (!out.hasQuery())
        return out;
    QUrlQuery q(out);
    bool changed = false;
    auto items = q.queryItems(QUrl::FullyEncoded);
    for (auto &item : items) {
        if (isSecretKey(QUrl::fromPercentEncoding(item.first.toLatin1()))) {
            item.second = QString::fromLatin1(kRedacted);
            changed = true;
        }
    }
    if (changed) {
        q.setQueryItems(items);
        out.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    return out;
}

HeaderList redactHeaders(const HeaderList &headers)
{
    HeaderList out = headers;
    for (auto &h : out) {
        const QByteArray name = h.first.toLower();
        if (name == "authorization" || name == "proxy-authorization") {
            const int space = h.second.indexOf(' ');
            h.second = (space > 0 ? h.second.left(space + 1) : QByteArray()) + kRedacted;
        } else if (name == "cookie" || name == "set-cookie" || name == "x-api-key") {
            h.second = kRedacted;
        }
    }
    return out;
}

QByteArray redactBody(const QByteArray &body)
{
    if (body.isEmpty())
        return body;
    QString text = QString::fromUtf8(body);
    // form-encoded: key=value&…
    static const QRegularExpression form(
        u"(^|&)(client_secret|client_assertion|refresh_token|code|code_verifier|access_token|password)=[^&]*"_s,
        QRegularExpression::CaseInsensitiveOption);
    text.replace(form, u"\\1\\2="_s + QLatin1String(kRedacted));
    // JSON: "key": "value"
    static const QRegularExpression json(
        u"\"(client_secret|client_assertion|refresh_token|access_token|id_token|code_verifier|password)\"\\s*:\\s*\"[^\"]*\""_s,
        QRegularExpression::CaseInsensitiveOption);
    text.replace(json, u"\"\\1\": \""_s + QLatin1String(kRedacted) + u'"');
    return redactText(text).toUtf8();
}

QString redactText(QString text, const QStringList &secrets)
{
    for (const QString &s : secrets) {
        // Very short "secrets" would blank out ordinary words; real ones are long.
        if (s.size() >= 6)
            text.replace(s, QLatin1String(kRedacted));
    }
    static const QRegularExpression bearer(u"(Bearer)\\s+[A-Za-z0-9\\-._~+/]+=*"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    text.replace(bearer, u"\\1 "_s + QLatin1String(kRedacted));
    // A JWT anywhere (three base64url parts) is an assertion or a token.
    static const QRegularExpression jwt(
        u"eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"_s);
    text.replace(jwt, QLatin1String(kRedacted));
    return text;
}

} // namespace fbm
