// NdjsonValidator: every line one JSON object of the expected resourceType, judged exactly
// (RFC 8259) and the same however the bytes are cut into pieces; lines counted as LineCounter
// counts them, also after the first problem.
#include "linecounter.h"
#include "ndjsonvalidator.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <cctype>

using namespace fbm;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(NdjsonProblem::Kind)

namespace {

NdjsonValidator fedInPieces(const QByteArray &data, const QByteArray &type, quint32 seed)
{
    NdjsonValidator v(type);
    QRandomGenerator random(seed);
    qint64 at = 0;
    while (at < data.size()) {
        const qint64 piece = qMin<qint64>(data.size() - at, 1 + random.bounded(seed % 2 ? 7 : 300));
        v.feed(data.constData() + at, piece);
        at += piece;
    }
    return v;
}

/// A backslash inside a string followed by something RFC 8259 does not list.
bool hasInvalidEscape(const QByteArray &line)
{
    bool inString = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '"') {
            inString = false;
        } else if (c == '\\') {
            const char next = i + 1 < line.size() ? line.at(i + 1) : '\0';
            if (next == 'u') {
                for (int h = 2; h < 6; ++h) {
                    if (i + h >= line.size() ||
                        !std::isxdigit(static_cast<unsigned char>(line.at(i + h))))
                        return true;
                }
                i += 5;
            } else if (QByteArrayView("\"\\/bfnrt").contains(next)) {
                ++i;
            } else {
                return true;
            }
        }
    }
    return false;
}

qint64 plainCount(const QByteArray &data)
{
    LineCounter c;
    c.feed(data.constData(), data.size());
    return c.lines();
}

} // namespace

class TestNdjsonValidator final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodFiles_data();
    void goodFiles();
    void badFiles_data();
    void badFiles();
    void agreesWithQtOnEveryLine();
    void countsLikeLineCounterAfterAProblem();
};

void TestNdjsonValidator::goodFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<qint64>("lines");
    QTest::newRow("empty") << QByteArray() << "Patient"_ba << qint64(0);
    QTest::newRow("one") << R"({"resourceType":"Patient","id":"a"})"_ba
                         << "Patient"_ba << qint64(1);
    QTest::newRow("crlf and blank lines")
        << "\r\n{\"resourceType\":\"Patient\"}\r\n\n{ \"id\" : \"b\", \"resourceType\" : \"Patient\" }\n\r"_ba
        << "Patient"_ba << qint64(2);
    QTest::newRow("type not first, nested resourceTypes")
        << R"({"contained":[{"resourceType":"Observation"}],"resourceType":"Patient","x":{"resourceType":"Bundle"}})"
           "\n"_ba
        << "Patient"_ba << qint64(1);
    QTest::newRow("every JSON value kind")
        << R"({"resourceType":"Observation","a":[],"b":{},"c":[1,-2.5e+10,0.0,1E3,true,false,null],"d":"\"\\\/\b\f\n\r\t\u00e6"})"
           "\n"_ba
        << "Observation"_ba << qint64(1);
    QTest::newRow("escaped type") << R"({"resourceType":"Pa\u0074ient"})"_ba
                                  << "Patient"_ba << qint64(1);
    QTest::newRow("any type") << R"({"resourceType":"Whatever"})"_ba << QByteArray() << qint64(1);
    QTest::newRow("utf-8 text") << "{\"resourceType\":\"Patient\",\"name\":\"Søren Ærø\"}\n"_ba
                                << "Patient"_ba << qint64(1);
}

void TestNdjsonValidator::goodFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, type);
    QFETCH(qint64, lines);
    for (quint32 seed = 1; seed < 30; ++seed) {
        const NdjsonValidator v = fedInPieces(data, type, seed);
        QVERIFY2(
            !v.problem(),
            qPrintable(u"line %1 column %2"_s.arg(v.problem()->line).arg(v.problem()->column)));
        QCOMPARE(v.lines(), lines);
    }
}

void TestNdjsonValidator::badFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<NdjsonProblem::Kind>("kind");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QByteArray>("found");
    using K = NdjsonProblem::Kind;
    const QByteArray good = R"({"resourceType":"Patient"})"
                            "\n"_ba;
    QTest::newRow("gzip bytes") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10)
                                << K::Compressed << qint64(1) << qint64(1) << QByteArray();
    QTest::newRow("zlib bytes") << QByteArray("\x78\x9c\x01\x02", 4) << K::Compressed << qint64(1)
                                << qint64(1) << QByteArray();
    QTest::newRow("html") << "<html>oops</html>\n"_ba << K::NotJson << qint64(1) << qint64(1)
                          << QByteArray();
    QTest::newRow("array line") << good + "[1,2]\n"
                                << K::NotAnObject << qint64(2) << qint64(1) << QByteArray();
    QTest::newRow("two objects") << good + R"({"resourceType":"Patient"} {})" << K::NotAnObject
                                 << qint64(2) << qint64(28) << QByteArray();
    QTest::newRow("wrong type") << good + good + R"({"id":"x","resourceType":"Observation"})"
                                << K::WrongType << qint64(3) << qint64(1) << "Observation"_ba;
    QTest::newRow("no type") << good + R"({"id":"x","contained":[{"resourceType":"Patient"}]})"
                             << K::NoResourceType << qint64(2) << qint64(1) << QByteArray();
    QTest::newRow("type not text") << R"({"resourceType":7})"_ba << K::NoResourceType << qint64(1)
                                   << qint64(1) << QByteArray();
    QTest::newRow("cut off") << good + R"({"resourceType":"Patient","na)" << K::NotJson << qint64(2)
                             << qint64(30) << QByteArray();
    QTest::newRow("line ends inside") << R"({"resourceType":"Pat)"
                                         "\nient\"}\n"_ba
                                      << K::NotJson << qint64(1) << qint64(21) << QByteArray();
    QTest::newRow("trailing comma") << R"({"resourceType":"Patient",})"_ba << K::NotJson
                                    << qint64(1) << qint64(27) << QByteArray();
    QTest::newRow("single quotes") << R"({'resourceType':'Patient'})"_ba << K::NotJson << qint64(1)
                                   << qint64(2) << QByteArray();
    QTest::newRow("leading zero") << R"({"resourceType":"Patient","n":01})"_ba << K::NotJson
                                  << qint64(1) << qint64(32) << QByteArray();
    QTest::newRow("bad escape") << R"({"resourceType":"Patient","s":"\x"})"_ba << K::NotJson
                                << qint64(1) << qint64(33) << QByteArray();
    QTest::newRow("raw tab in string") << "{\"resourceType\":\"Patient\",\"s\":\"a\tb\"}"_ba
                                       << K::NotJson << qint64(1) << qint64(33) << QByteArray();
    QTest::newRow("bad literal") << R"({"resourceType":"Patient","b":tru})"_ba << K::NotJson
                                 << qint64(1) << qint64(34) << QByteArray();
    QTest::newRow("mismatched bracket") << R"({"resourceType":"Patient","a":[1}})"_ba << K::NotJson
                                        << qint64(1) << qint64(33) << QByteArray();
    QTest::newRow("whitespace line")
        << good + "   \n" + good << K::NotAnObject << qint64(2) << qint64(1) << QByteArray();
    QByteArray deep = R"({"resourceType":"Patient","a":)";
    deep += QByteArray(NdjsonValidator::kMaxDepth + 5, '[');
    QTest::newRow("too deep") << deep << K::TooDeep << qint64(1)
                              << qint64(30 + NdjsonValidator::kMaxDepth) << QByteArray();
}

void TestNdjsonValidator::badFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(NdjsonProblem::Kind, kind);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QByteArray, found);
    for (quint32 seed = 1; seed < 30; ++seed) {
        const NdjsonValidator v = fedInPieces(data, "Patient", seed);
        const auto problem = v.problem();
        QVERIFY(problem);
        QCOMPARE(int(problem->kind), int(kind));
        QCOMPARE(problem->line, line);
        QCOMPARE(problem->column, column);
        QCOMPARE(problem->found, found);
        QCOMPARE(v.lines(), plainCount(data));
    }
}

void TestNdjsonValidator::agreesWithQtOnEveryLine()
{
    // Random mutations of a real resource: wherever Qt's parser (strict RFC 8259 on these)
    // says a line is one object, the validator agrees, and the other way round.
    const QByteArray base =
        R"({"resourceType":"Observation","id":"o1","valueQuantity":{"value":-12.5e3,"unit":"mm[Hg]"},"flags":[true,false,null],"note":"a\"b\\c\u00e6"})";
    QRandomGenerator random(42);
    static const char alphabet[] = "{}[]\",:.-+eE0123456789tfnrul \\/abx";
    int disagreements = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray line = base;
        const int edits = 1 + random.bounded(3);
        for (int e = 0; e < edits; ++e) {
            const int at = random.bounded(int(line.size()));
            const char c = alphabet[random.bounded(int(sizeof(alphabet) - 1))];
            switch (random.bounded(3)) {
            case 0:
                line[at] = c;
                break;
            case 1:
                line.insert(at, c);
                break;
            default:
                line.remove(at, 1);
                break;
            }
        }
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        const bool qtSaysObject = error.error == QJsonParseError::NoError && doc.isObject();
        NdjsonValidator v; // any type: only the syntax is compared
        v.feed(line.constData(), line.size());
        const auto problem = v.problem();
        const bool validatorSaysObject =
            !problem || problem->kind == NdjsonProblem::Kind::NoResourceType;
        if (qtSaysObject == validatorSaysObject)
            continue;
        // Qt reads "\\c" as "c" and 12.e3 as a number; RFC 8259 allows neither.
        static const QRegularExpression dotWithoutDigits(uR"([0-9]\.([^0-9]|$))"_s);
        if (qtSaysObject &&
            (hasInvalidEscape(line) || dotWithoutDigits.match(QString::fromUtf8(line)).hasMatch()))
            continue;
        if (++disagreements < 10)
            qWarning() << line << qtSaysObject;
    }
    QCOMPARE(disagreements, 0);
}

void TestNdjsonValidator::countsLikeLineCounterAfterAProblem()
{
    QRandomGenerator random(7);
    for (int round = 0; round < 200; ++round) {
        QByteArray data;
        const int lines = random.bounded(20);
        for (int i = 0; i < lines; ++i) {
            switch (random.bounded(5)) {
            case 0:
                data += "\n";
                break;
            case 1:
                data += "\r\n";
                break;
            case 2:
                data += "garbage\n";
                break;
            default:
                data += R"({"resourceType":"Patient"})"
                        "\n";
                break;
            }
        }
        if (random.bounded(2))
            data += R"({"resourceType":"Pat)";
        const NdjsonValidator v = fedInPieces(data, "Patient", quint32(round + 1));
        QCOMPARE(v.lines(), plainCount(data));
    }
}

QTEST_GUILESS_MAIN(TestNdjsonValidator)
#include "tst_ndjsonvalidator.moc"
