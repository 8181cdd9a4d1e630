// LineCounter against a plain reference on the same bytes: random mixes of text, newlines, CRs
// and empty lines, fed in random pieces, so that the state carried from one piece to the next
// (a line just begun, a lone '\r') is checked everywhere; AsyncLineCounter the same way.
#include "bufferpool.h"
#include "linecounter.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace fbm;

using namespace Qt::StringLiterals;

namespace {

/// Non-empty lines, the definition written out: split on '\n', drop a trailing '\r', count what
/// is not empty (an unterminated last line included).
qint64 referenceCount(const QByteArray &data)
{
    qint64 n = 0;
    for (QByteArray line : data.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty())
            ++n;
    }
    return n;
}

qint64 countInPieces(const QByteArray &data, QRandomGenerator &random)
{
    LineCounter counter;
    qint64 at = 0;
    while (at < data.size()) {
        // Pieces of a few bytes up to a few KiB.
        const int most = random.bounded(2) == 0 ? 300 : 3000;
        const qint64 piece = qMin<qint64>(data.size() - at, 1 + random.bounded(most));
        counter.feed(data.constData() + at, piece);
        at += piece;
    }
    return counter.lines();
}

} // namespace

class TestLineCounter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixedCases_data();
    void fixedCases();
    void matchesTheReference();
    void asyncMatchesTheReference();
    void buffersComeBackForReuse();
    void writesBlocksInOrderFromTheOffset();
};

void TestLineCounter::fixedCases_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("lines");
    QTest::newRow("nothing") << QByteArray() << qint64(0);
    QTest::newRow("one, no newline") << QByteArray("{}") << qint64(1);
    QTest::newRow("one") << QByteArray("{}\n") << qint64(1);
    QTest::newRow("crlf") << QByteArray("{}\r\n{}\r\n") << qint64(2);
    QTest::newRow("empty lines") << QByteArray("\n\n{}\n\n\n{}\n\n") << qint64(2);
    QTest::newRow("lone cr lines") << QByteArray("\r\n{}\n\r\n\r") << qint64(1);
    QTest::newRow("cr inside") << QByteArray("a\rb\n\r\r\n") << qint64(2);
    QTest::newRow("last line only cr") << QByteArray("{}\n\r") << qint64(1);
    QByteArray longLines;
    for (int i = 0; i < 1000; ++i)
        longLines += QByteArray(255, 'x') + '\n';
    QTest::newRow("1000 x 256 bytes") << longLines << qint64(1000);
}

void TestLineCounter::fixedCases()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, lines);
    QCOMPARE(referenceCount(data), lines);
    LineCounter whole;
    whole.feed(data.constData(), data.size());
    QCOMPARE(whole.lines(), lines);
    LineCounter bytes;
    for (const char c : std::as_const(data))
        bytes.feed(&c, 1);
    QCOMPARE(bytes.lines(), lines);
    // Split anywhere in its first bytes, the rest fed as one large piece, which then starts
    // with what the first piece left: a line just begun, a lone '\r'...
    const QByteArray padded = data + QByteArray(1100, 'p') + '\n' + data;
    for (qsizetype split = 0; split <= qMin<qsizetype>(data.size(), 8); ++split) {
        LineCounter two;
        two.feed(padded.constData(), split);
        two.feed(padded.constData() + split, padded.size() - split);
        QCOMPARE(two.lines(), referenceCount(padded));
    }
}

void TestLineCounter::matchesTheReference()
{
    QRandomGenerator random(20261129);
    const char alphabet[] = {'\n', '\n', '\r', 'x', 'y', '{', '}'};
    for (int round = 0; round < 600; ++round) {
        QByteArray data(qsizetype(random.bounded(6000)), Qt::Uninitialized);
        // Some rounds mostly text, some mostly line ends ('\n' and '\r' on both sides of many
        // piece boundaries).
        const int textWeight = random.bounded(0, 60);
        for (char &c : data) {
            const int r = random.bounded(textWeight + 3);
            c = r < textWeight ? 'a' : alphabet[random.bounded(int(sizeof alphabet))];
        }
        const qint64 expected = referenceCount(data);
        LineCounter whole;
        whole.feed(data.constData(), data.size());
        QCOMPARE(whole.lines(), expected);
        QCOMPARE(countInPieces(data, random), expected);
    }
}

void TestLineCounter::asyncMatchesTheReference()
{
    // Blocks on either side of the size counted in place, handed over as a FileDownload does:
    // the next data goes into a spare block the counter is done with.
    QRandomGenerator random(20261130);
    const char alphabet[] = {'\n', '\n', '\r', 'x'};
    QByteArray all;
    AsyncLineCounter counter;
    int reused = 0;
    for (int block = 0; block < 80; ++block) {
        const qsizetype size = qsizetype(random.bounded(1, 600000));
        QByteArray data = counter.spare();
        QVERIFY(data.isEmpty() || data.isDetached()); // nobody else holds it
        const char *before = data.constData();
        const bool fits = data.capacity() >= size;
        data.resize(size);
        if (fits && data.constData() == before)
            ++reused;
        for (char &c : data)
            c = random.bounded(40) == 0 ? alphabet[random.bounded(4)] : 'a';
        all += data;
        counter.start(data);
        QVERIFY(counter.linesSoFar() <= referenceCount(all));
        data = QByteArray(); // as the caller drops its copy once written
        if (block % 10 == 0)
            counter.wait(); // now and then the counter is idle when the next block comes
    }
    QVERIFY(reused > 0);
    QCOMPARE(counter.counter().lines(), referenceCount(all));
    QCOMPARE(counter.linesSoFar(), referenceCount(all));
    // Counting in place after the blocks, and a reset to a resumed count.
    counter.feed("\nlast", 5);
    QCOMPARE(counter.counter().lines(), referenceCount(all + "\nlast"));
    LineCounter resumed;
    resumed.feed("a\nb", 3);
    counter.reset(resumed);
    QCOMPARE(counter.counter().lines(), 2);
}

void TestLineCounter::buffersComeBackForReuse()
{
    // What a download gives back, the next one receives into: the same allocation, empty.
    constexpr qsizetype kSize = 1 << 20;
    while (BufferPool::keptCount() > 0)
        (void)BufferPool::take(0);
    QByteArray first = BufferPool::take(kSize);
    QVERIFY(first.capacity() >= kSize);
    first.append(QByteArray(1000, 'x'));
    const char *memory = first.constData();
    BufferPool::give(std::move(first));
    QVERIFY(first.isNull());
    QCOMPARE(BufferPool::keptCount(), 1);
    QByteArray again = BufferPool::take(kSize);
    QCOMPARE(again.constData(), memory);
    QVERIFY(again.isEmpty());
    QCOMPARE(BufferPool::keptCount(), 0);
    // Too small for what is asked: a new one, and the kept one stays.
    BufferPool::give(std::move(again));
    QVERIFY(BufferPool::take(4 * kSize).constData() != memory);
    QCOMPARE(BufferPool::keptCount(), 1);
    (void)BufferPool::take(kSize);

    // A block somebody still reads (being counted) is not handed out again.
    QByteArray shared = BufferPool::take(kSize);
    shared.append('x');
    const QByteArray reader = shared;
    BufferPool::give(std::move(shared));
    QCOMPARE(BufferPool::keptCount(), 0);
    QCOMPARE(reader, QByteArray("x"));
    // Small buffers are not kept, and no more than kMaxKept are.
    BufferPool::give(QByteArray(100, 'x'));
    QCOMPARE(BufferPool::keptCount(), 0);
    for (int i = 0; i < BufferPool::kMaxKept + 3; ++i)
        BufferPool::give(BufferPool::take(kSize));
    QCOMPARE(BufferPool::keptCount(), 1); // each take reused the one given back
    std::vector<QByteArray> many;
    for (int i = 0; i < BufferPool::kMaxKept + 3; ++i)
        many.push_back(BufferPool::take(kSize));
    for (QByteArray &b : many)
        BufferPool::give(std::move(b));
    QCOMPARE(BufferPool::keptCount(), BufferPool::kMaxKept);

    // The counter gives its spare blocks back when it is done with them.
    while (BufferPool::keptCount() > 0)
        (void)BufferPool::take(0);
    {
        AsyncLineCounter counter;
        for (int i = 0; i < 4; ++i) {
            QByteArray block = BufferPool::take(kSize);
            block.append(QByteArray("{}\n").repeated(140000)); // counted on the task
            counter.start(block);
        }
        QCOMPARE(counter.counter().lines(), 4 * 140000);
    }
    QVERIFY2(BufferPool::keptCount() >= 2, QByteArray::number(BufferPool::keptCount()).constData());
}

void TestLineCounter::writesBlocksInOrderFromTheOffset()
{
    // Blocks of every size (written here or on the task) land in order after what the file held,
    // and the first failed write stops the writing and is reported.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"f.part"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite | QIODevice::Unbuffered));
    QCOMPARE(file.write("kept\n"), 5);
    QRandomGenerator random(7);
    QByteArray expected = "kept\n";
    {
        AsyncLineCounter writer;
        writer.setOutput(int(file.handle()), 5, true);
        for (int i = 0; i < 60; ++i) {
            QByteArray block = writer.spare();
            const qsizetype size = qsizetype(random.bounded(1, 700000));
            block.resize(size);
            for (char &c : block)
                c = random.bounded(50) == 0 ? '\n' : 'a';
            expected += block;
            writer.start(block);
        }
        QCOMPARE(writer.counter().lines(), referenceCount(expected.mid(5)));
        QCOMPARE(writer.writeError(), 0);
    }
    QCOMPARE(file.size(), expected.size());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected);
    file.close();

    // A file that cannot be written: the error, and no block after it written.
    QVERIFY(file.open(QIODevice::ReadOnly));
    AsyncLineCounter failing;
    failing.setOutput(int(file.handle()), 0, false);
    failing.start(QByteArray(300000, 'x'));
    failing.wait();
    QCOMPARE(failing.writeError(), EBADF);
    failing.start(QByteArray(10, 'y'));
    failing.wait();
    QCOMPARE(failing.writeError(), EBADF);
    QCOMPARE(failing.counter().lines(), 0); // counting was off
    file.close();
    QCOMPARE(QFileInfo(path).size(), expected.size());
}

QTEST_GUILESS_MAIN(TestLineCounter)
#include "tst_linecounter.moc"
