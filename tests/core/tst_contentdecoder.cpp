// ContentDecoder: gzip (several members too), zlib and raw deflate decoded exactly however the
// body is cut, and a body that expands beyond the limits (a decompression bomb) stopped after
// at most one chunk beyond them, with memory flat.
#include "contentdecoder.h"
#include "demo/http/gzip.h"

#include <QRandomGenerator>
#include <QTest>

using namespace fbm;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ContentDecoder::Encoding)
Q_DECLARE_METATYPE(std::optional<ContentDecoder::Encoding>)

namespace {

QByteArray zlib(const QByteArray &data)
{
    return qCompress(data, 6).mid(4); // qCompress: a 4-byte length, then the zlib stream
}

QByteArray rawDeflate(const QByteArray &data)
{
    const QByteArray z = zlib(data);
    return z.mid(2, z.size() - 2 - 4); // without the zlib header and the Adler-32
}

QByteArray sampleText()
{
    QByteArray text;
    for (int i = 0; i < 5000; ++i)
        text += R"({"resourceType":"Observation","id":"o)" + QByteArray::number(i) +
                R"(","valueQuantity":{"value":)" + QByteArray::number(i % 97) + "}}\n";
    return text;
}

struct Decoded
{
    QByteArray out;
    bool ok = false;
    ContentDecoder::Failure failure = ContentDecoder::Failure::None;
    qint64 largestPiece = 0;
};

Decoded decodeInPieces(ContentDecoder &decoder, const QByteArray &body, quint32 seed,
                       bool keep = true)
{
    Decoded d;
    QRandomGenerator random(seed);
    qint64 at = 0;
    d.ok = true;
    const auto sink = [&d, keep](const char *data, qint64 size) {
        d.largestPiece = qMax(d.largestPiece, size);
        if (keep)
            d.out.append(data, size);
        return true;
    };
    while (d.ok && at < body.size()) {
        const qint64 piece =
            qMin<qint64>(body.size() - at, 1 + random.bounded(seed % 2 ? 13 : 70000));
        d.ok = decoder.decode(body.constData() + at, piece, sink);
        at += piece;
    }
    d.ok = d.ok && decoder.finish();
    d.failure = decoder.failure();
    return d;
}

/// A gzip body of \a mebibytes MiB of zeros, small enough to send: many gzip members of one
/// MiB each, one after the other (which gzip allows).
QByteArray bomb(int mebibytes)
{
    const QByteArray member = demo::http::gzip(QByteArray(1 << 20, '\0'));
    return member.repeated(mebibytes);
}

} // namespace

class TestContentDecoder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodingOf_data();
    void encodingOf();
    void decodesExactly_data();
    void decodesExactly();
    void truncatedStreamIsNotComplete();
    void corruptStreamIsRefused();
    void bombStopsAtTheRatio();
    void absoluteLimit();
    void writeFailureStops();
};

void TestContentDecoder::encodingOf_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<std::optional<ContentDecoder::Encoding>>("expected");
    using E = ContentDecoder::Encoding;
    QTest::newRow("none") << QByteArray() << std::optional(E::Identity);
    QTest::newRow("identity") << "identity"_ba << std::optional(E::Identity);
    QTest::newRow("gzip") << "gzip"_ba << std::optional(E::Gzip);
    QTest::newRow("x-gzip, any case") << " X-GZIP "_ba << std::optional(E::Gzip);
    QTest::newRow("gzip, identity") << "gzip, identity"_ba << std::optional(E::Gzip);
    QTest::newRow("deflate") << "deflate"_ba << std::optional(E::Deflate);
    QTest::newRow("br") << "br"_ba << std::optional<E>();
    QTest::newRow("zstd") << "zstd"_ba << std::optional<E>();
    QTest::newRow("compress") << "compress"_ba << std::optional<E>();
    QTest::newRow("gzip twice") << "gzip, gzip"_ba << std::optional<E>();
}

void TestContentDecoder::encodingOf()
{
    QFETCH(QByteArray, header);
    QFETCH(std::optional<ContentDecoder::Encoding>, expected);
    QCOMPARE(ContentDecoder::encodingOf(header), expected);
}

void TestContentDecoder::decodesExactly_data()
{
    QTest::addColumn<ContentDecoder::Encoding>("encoding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray text = sampleText();
    using E = ContentDecoder::Encoding;
    QTest::newRow("gzip") << E::Gzip << demo::http::gzip(text) << text;
    QTest::newRow("gzip, three members")
        << E::Gzip << demo::http::gzip(text) + demo::http::gzip("x") + demo::http::gzip(text)
        << text + "x" + text;
    QTest::newRow("deflate as RFC 9110 says (zlib)") << E::Deflate << zlib(text) << text;
    QTest::newRow("deflate as some servers send it (raw)")
        << E::Deflate << rawDeflate(text) << text;
    QTest::newRow("identity") << E::Identity << text << text;
    QTest::newRow("empty body") << E::Gzip << QByteArray() << QByteArray();
}

void TestContentDecoder::decodesExactly()
{
    QFETCH(ContentDecoder::Encoding, encoding);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    for (quint32 seed = 1; seed <= 12; ++seed) {
        ContentDecoder decoder(encoding, {});
        const Decoded d = decodeInPieces(decoder, body, seed);
        QVERIFY(d.ok);
        QCOMPARE(d.out.size(), expected.size());
        QCOMPARE(d.out, expected);
        QVERIFY(d.largestPiece <= qMax<qint64>(ContentDecoder::kChunk, 70000));
    }
}

void TestContentDecoder::truncatedStreamIsNotComplete()
{
    const QByteArray gz = demo::http::gzip(sampleText());
    ContentDecoder decoder(ContentDecoder::Encoding::Gzip, {});
    const Decoded d = decodeInPieces(decoder, gz.left(gz.size() - 9), 3);
    QVERIFY(!d.ok);
    QCOMPARE(int(d.failure), int(ContentDecoder::Failure::Truncated));
}

void TestContentDecoder::corruptStreamIsRefused()
{
    const QList<QByteArray> bodies = {"not gzip at all, just text\n"_ba,
                                      demo::http::gzip("abc").left(10) + "garbage!!"_ba,
                                      demo::http::gzip("abc") + "trailing text"_ba};
    for (const QByteArray &body : bodies) {
        ContentDecoder decoder(ContentDecoder::Encoding::Gzip, {});
        const Decoded d = decodeInPieces(decoder, body, 1);
        QVERIFY(!d.ok);
        QCOMPARE(int(d.failure), int(ContentDecoder::Failure::Corrupt));
    }
}

void TestContentDecoder::bombStopsAtTheRatio()
{
    // 5.4 MB that expand to 5 GiB: stopped at the floor plus one chunk, not at 5 GiB.
    const QByteArray body = bomb(5120);
    QVERIFY(body.size() < 6 << 20);
    ContentDecoder decoder(ContentDecoder::Encoding::Gzip, {});
    const Decoded d = decodeInPieces(decoder, body, 4, false);
    QVERIFY(!d.ok);
    QCOMPARE(int(d.failure), int(ContentDecoder::Failure::Expansive));
    const ContentDecoder::Limits limits;
    QVERIFY(decoder.decodedBytes() <= limits.ratioFloor + ContentDecoder::kChunk);
    QVERIFY(decoder.decodedBytes() > limits.ratioFloor);
}

void TestContentDecoder::absoluteLimit()
{
    // The ratio of real text stays far below the limit; the absolute limit still holds.
    ContentDecoder::Limits limits;
    limits.maxBytes = 100000;
    ContentDecoder decoder(ContentDecoder::Encoding::Gzip, limits);
    const Decoded d = decodeInPieces(decoder, demo::http::gzip(sampleText()), 2);
    QVERIFY(!d.ok);
    QCOMPARE(int(d.failure), int(ContentDecoder::Failure::TooLarge));
    QVERIFY(d.out.size() <= 100000);
}

void TestContentDecoder::writeFailureStops()
{
    ContentDecoder decoder(ContentDecoder::Encoding::Gzip, {});
    int calls = 0;
    const QByteArray gz = demo::http::gzip(QByteArray(3 << 20, 'a'));
    QVERIFY(!decoder.decode(gz.constData(), gz.size(),
                            [&calls](const char *, qint64) { return ++calls < 2; }));
    QCOMPARE(calls, 2);
    QCOMPARE(int(decoder.failure()), int(ContentDecoder::Failure::Stopped));
    QVERIFY(!decoder.decode(gz.constData(), 10, [](const char *, qint64) { return true; }));
}

QTEST_GUILESS_MAIN(TestContentDecoder)
#include "tst_contentdecoder.moc"
