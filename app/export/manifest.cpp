#include "manifest.h"

#include "httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

Error malformed(const QString &what)
{
    //: %1 says what exactly is wrong with the manifest
    return Error::make(
        Error::Kind::Protocol,
        QCoreApplication::translate("fbm::Manifest", "The server's manifest is not valid: %1")
            .arg(what));
}

// 10 million files would be absurd; it bounds the memory a hostile manifest can make us use.
constexpr qsizetype kMaxEntries = 1'000'000;

} // namespace

int Manifest::count(FileKind kind) const
{
    return int(std::count_if(files.cbegin(), files.cend(),
                             [kind](const ManifestFile &f) { return f.kind == kind; }));
}

Result<Manifest> Manifest::parse(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        //: %1 is the JSON parser's message, %2 a byte offset
        return malformed(Manifest::tr("it is not JSON (%1 at byte %2).")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    }
    if (!doc.isObject())
        return malformed(Manifest::tr("it is not a JSON object."));
    const QJsonObject root = doc.object();
    if (root.value("resourceType"_L1).toString() == "OperationOutcome"_L1)
        return malformed(
            Manifest::tr("the server sent an OperationOutcome instead of a manifest."));

    Manifest m;
    const QJsonValue tt = root.value("transactionTime"_L1);
    if (tt.isString()) {
        m.transactionTime = QDateTime::fromString(tt.toString(), Qt::ISODateWithMs);
        if (!m.transactionTime.isValid())
            return malformed(Manifest::tr("\"transactionTime\" is not a date and time."));
    } else if (!tt.isUndefined() && !tt.isNull()) {
        return malformed(Manifest::tr("\"transactionTime\" is not a string."));
    } else {
        m.warnings.append(Manifest::tr("The manifest has no transactionTime."));
    }
    m.request = root.value("request"_L1).toString();

    const QJsonValue rat = root.value("requiresAccessToken"_L1);
    if (rat.isBool()) {
        m.requiresAccessToken = rat.toBool();
    } else if (rat.isString() && (rat.toString() == "true"_L1 || rat.toString() == "false"_L1)) {
        // Oracle Soarian sends the boolean as a string.
        m.requiresAccessToken = rat.toString() == "true"_L1;
        m.warnings.append(Manifest::tr("\"requiresAccessToken\" was sent as a string."));
    } else if (rat.isUndefined()) {
        m.warnings.append(
            Manifest::tr("The manifest does not say whether files need the access token; "
                         "the token is sent to the server's own address only."));
        m.requiresAccessToken = true;
    } else {
        return malformed(Manifest::tr("\"requiresAccessToken\" is neither true nor false."));
    }

    struct Section
    {
        const char *name;
        FileKind kind;
    };
    // v4 renamed "error" to "outcome"; accept both.
    const Section sections[] = {{"output", FileKind::Output},
                                {"error", FileKind::Error},
                                {"outcome", FileKind::Error},
                                {"deleted", FileKind::Deleted}};
    for (const Section &section : sections) {
        const QString name = QString::fromLatin1(section.name);
        const QJsonValue v = root.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (section.kind == FileKind::Output)
                return malformed(Manifest::tr("the \"output\" list is missing."));
            continue;
        }
        if (!v.isArray())
            //: %1 is a field name like "output"
            return malformed(Manifest::tr("\"%1\" is not a list.").arg(name));
        const QJsonArray entries = v.toArray();
        if (m.files.size() + entries.size() > kMaxEntries)
            return malformed(Manifest::tr("it lists more files than this application accepts (%1).")
                                 .arg(kMaxEntries));
        m.files.reserve(m.files.size() + entries.size());
        for (qsizetype i = 0; i < entries.size(); ++i) {
            // Only an error needs the entry's name: translating it for each of 10,000 good
            // entries cost a tenth of the parse time.
            const auto where = [&name, i] {
                //: %1 is a field name like "output", %2 the entry's position
                return Manifest::tr("%1 entry %2").arg(name).arg(i + 1);
            };
            if (!entries.at(i).isObject())
                return malformed(Manifest::tr("%1 is not an object.").arg(where()));
            QJsonObject e = entries.at(i).toObject();
            ManifestFile f;
            f.kind = section.kind;
            const QJsonValue type = e.value("type"_L1);
            if (!type.isUndefined() && !type.isString())
                return malformed(Manifest::tr("%1 has a \"type\" that is not text.").arg(where()));
            f.type = type.toString();
            const QJsonValue url = e.value("url"_L1);
            if (!url.isString() || url.toString().isEmpty())
                return malformed(Manifest::tr("%1 has no \"url\".").arg(where()));
            if (url.toString().size() > kMaxUrlBytes) {
                // No request could carry it: this file fails alone, at once.
                //: %1 names the entry, %2 a size in KiB
                f.problem =
                    Manifest::tr("%1 has a \"url\" longer than %2 KiB; it will not be fetched.")
                        .arg(where())
                        .arg(kMaxUrlBytes >> 10);
            } else {
                f.url = QUrl(url.toString(), QUrl::StrictMode);
            }
            const QString scheme = f.url.scheme().toLower();
            if (!f.problem.isEmpty()) {
                f.url = QUrl();
            } else if (!f.url.isValid() || f.url.host().isEmpty() ||
                       (scheme != "http"_L1 && scheme != "https"_L1)) {
                //: %1 names the entry; HTTP(S) are protocol names
                f.problem =
                    Manifest::tr(
                        "%1 has a \"url\" that is not an HTTP(S) address; it will not be fetched.")
                        .arg(where());
                f.url = QUrl(); // never fetched, never shown as a link
            }
            const QJsonValue count = e.value("count"_L1);
            if (!count.isUndefined() && !count.isNull()) {
                const double d = count.toDouble(-1);
                if (!count.isDouble() || d < 0 || d != std::floor(d) || d > 9.0e15)
                    return malformed(
                        Manifest::tr("%1 has a \"count\" that is not a whole number of resources.")
                            .arg(where()));
                f.count = qint64(d);
            }
            // The entry's other fields. Removing keys detaches the entry from the document, so
            // only entries that have other fields pay for it.
            const qsizetype interpreted =
                (type.isUndefined() ? 0 : 1) + 1 + (count.isUndefined() ? 0 : 1);
            if (e.size() > interpreted) {
                e.remove("type"_L1);
                e.remove("url"_L1);
                e.remove("count"_L1);
                f.extra = e;
            }
            m.files.append(std::move(f));
        }
    }

    const QJsonValue link = root.value("link"_L1);
    if (link.isArray()) {
        for (const QJsonValue &l : link.toArray()) {
            const QJsonObject o = l.toObject();
            if (o.value("relation"_L1).toString() == "next"_L1) {
                if (o.value("url"_L1).toString().size() > kMaxUrlBytes)
                    return malformed(
                        Manifest::tr("the link to the next page is longer than %1 KiB.")
                            .arg(kMaxUrlBytes >> 10));
                const QUrl next(o.value("url"_L1).toString(), QUrl::StrictMode);
                const QString scheme = next.scheme().toLower();
                if (!next.isValid() || (scheme != "http"_L1 && scheme != "https"_L1))
                    return malformed(
                        Manifest::tr("the link to the next page is not an HTTP(S) address."));
                m.nextPage = next;
            }
        }
    } else if (!link.isUndefined()) {
        return malformed(Manifest::tr("\"link\" is not a list."));
    }

    m.extension = root.value("extension"_L1);
    m.message = root.value("message"_L1).toString();
    static const QStringList known = {u"transactionTime"_s, u"request"_s, u"requiresAccessToken"_s,
                                      u"output"_s,          u"error"_s,   u"outcome"_s,
                                      u"deleted"_s,         u"link"_s,    u"extension"_s,
                                      u"message"_s};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!known.contains(it.key()))
            m.unknown.insert(it.key(), it.value());
    }
    return m;
}

void Manifest::appendPage(const Manifest &page)
{
    files.append(page.files);
    warnings.append(page.warnings);
    nextPage = page.nextPage;
}

} // namespace fbm
