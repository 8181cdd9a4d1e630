#include "retrypolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

class TestRetryPolicy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void httpDate_data();
    void httpDate();
    void retryAfter_data();
    void retryAfter();
    void nextDelay_data();
    void nextDelay();
    void backoffGrowsAndIsCapped();
};

void TestRetryPolicy::httpDate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime nov6(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("imf-fixdate") << "Sun, 06 Nov 1994 08:49:37 GMT"_ba << nov6;
    QTest::newRow("rfc850") << "Sunday, 06-Nov-94 08:49:37 GMT"_ba << nov6;
    QTest::newRow("asctime") << "Sun Nov  6 08:49:37 1994"_ba << nov6;
    QTest::newRow("spec example 1999")
        << "Fri, 31 Dec 1999 23:59:59 GMT"_ba
        << QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59), Qt::UTC);
    QTest::newRow("garbage") << "soon"_ba << QDateTime();
    QTest::newRow("bad month") << "Sun, 06 Foo 1994 08:49:37 GMT"_ba << QDateTime();
    QTest::newRow("bad day") << "Sun, 31 Feb 1994 08:49:37 GMT"_ba << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void TestRetryPolicy::httpDate()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = parseHttpDate(value);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parseHttpDate(formatHttpDate(parsed)), expected);
    }
}

void TestRetryPolicy::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<qint64>("expectedMs"); // -1: not understood
    const QDateTime now(QDate(2026, 11, 24), QTime(10, 0, 0), Qt::UTC);
    QTest::newRow("seconds") << "120"_ba << QByteArray() << now << qint64(120000);
    QTest::newRow("zero") << "0"_ba << QByteArray() << now << qint64(0);
    QTest::newRow("spaces") << " 7 "_ba << QByteArray() << now << qint64(7000);
    QTest::newRow("oracle 600") << "600"_ba << QByteArray() << now << qint64(600000);
    QTest::newRow("negative") << "-5"_ba << QByteArray() << now << qint64(-1);
    QTest::newRow("fraction") << "1.5"_ba << QByteArray() << now << qint64(-1);
    QTest::newRow("garbage") << "soon"_ba << QByteArray() << now << qint64(-1);
    QTest::newRow("absent") << QByteArray() << QByteArray() << now << qint64(-1);
    QTest::newRow("date in the past")
        << "Fri, 31 Dec 1999 23:59:59 GMT"_ba << QByteArray() << now << qint64(0);
    QTest::newRow("date vs local now")
        << "Tue, 24 Nov 2026 10:05:00 GMT"_ba << QByteArray() << now << qint64(300000);
    // The server's Date header is the reference: a local clock 10 minutes fast does not matter.
    QTest::newRow("date vs Date header, skewed clock")
        << "Tue, 24 Nov 2026 10:05:00 GMT"_ba
        << "Tue, 24 Nov 2026 10:00:00 GMT"_ba << now.addSecs(600) << qint64(300000);
}

void TestRetryPolicy::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, date);
    QFETCH(QDateTime, now);
    QFETCH(qint64, expectedMs);
    const auto ms = parseRetryAfterMs(value, date, now);
    if (expectedMs < 0) {
        QVERIFY(!ms.has_value());
    } else {
        QVERIFY(ms.has_value());
        QCOMPARE(*ms, expectedMs);
    }
}

void TestRetryPolicy::nextDelay_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("server asks 120 s") << 0 << qint64(120000) << qint64(120000);
    QTest::newRow("oracle 600 s is never shortened") << 3 << qint64(600000) << qint64(600000);
    QTest::newRow("zero becomes the floor") << 0 << qint64(0) << qint64(1000);
    QTest::newRow("absurd is capped at an hour")
        << 0 << qint64(10LL * 24 * 3600 * 1000) << qint64(3600000);
    QTest::newRow("no header, first") << 0 << qint64(-1) << qint64(2000);
    QTest::newRow("no header, third") << 2 << qint64(-1) << qint64(8000);
    QTest::newRow("no header, capped") << 20 << qint64(-1) << qint64(120000);
}

void TestRetryPolicy::nextDelay()
{
    QFETCH(int, attempt);
    QFETCH(qint64, retryAfterMs);
    QFETCH(qint64, expectedMs);
    const RetryPolicy policy;
    const auto ra = retryAfterMs < 0 ? std::nullopt : std::optional<qint64>(retryAfterMs);
    QCOMPARE(policy.nextDelayMs(attempt, ra, 0.0), expectedMs);
}

void TestRetryPolicy::backoffGrowsAndIsCapped()
{
    const RetryPolicy policy;
    qint64 previous = 0;
    for (int attempt = 0; attempt < 40; ++attempt) {
        const qint64 low = policy.nextDelayMs(attempt, std::nullopt, -1.0);
        const qint64 high = policy.nextDelayMs(attempt, std::nullopt, 1.0);
        QVERIFY(low >= policy.minDelayMs);
        QVERIFY(high <= policy.backoffMaxMs * 11 / 10);
        QVERIFY(low <= high);
        QVERIFY(policy.nextDelayMs(attempt, std::nullopt, 0.0) >= previous);
        previous = policy.nextDelayMs(attempt, std::nullopt, 0.0);
    }
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
