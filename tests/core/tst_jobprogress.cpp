// How far an export is: the server's X-Progress read as a fraction when it carries one, and
// the download's speed and time left, smoothed.
#include "export/downloadrate.h"
#include "export/serverprogress.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fbm;

class TestJobProgress final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serverFraction_data();
    void serverFraction();
    void steadyDownloadGivesItsRateAndTimeLeft();
    void noTimeLeftBeforeItSettles();
    void burstsAreSmoothed();
    void aStartOverStartsTheEstimateOver();
    void stalledDownloadHasNoTimeLeft();
};

void TestJobProgress::serverFraction_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("expected"); // -1: no fraction

    QTest::newRow("percent") << u"45%"_s << 0.45;
    QTest::newRow("percent with words") << u"45.5 % complete"_s << 0.455;
    QTest::newRow("decimal comma") << u"Eksport 12,5 %"_s << 0.125;
    QTest::newRow("hundred") << u"100% complete"_s << 1.0;
    QTest::newRow("over a hundred") << u"120%"_s << -1.0;
    QTest::newRow("found x of y") << u"found 954 of 1,000"_s << 0.954;
    QTest::newRow("grouped both") << u"12,000 of 48,000 resources"_s << 0.25;
    QTest::newRow("out of") << u"3 out of 7 types"_s << 3.0 / 7.0;
    QTest::newRow("slash") << u"step 3/7"_s << 3.0 / 7.0;
    QTest::newRow("slash spaced") << u"3 / 4"_s << 0.75;
    QTest::newRow("more done than all") << u"8 of 7"_s << -1.0;
    QTest::newRow("of zero") << u"0 of 0"_s << -1.0;
    QTest::newRow("us date") << u"queued 12/7/26"_s << -1.0;
    QTest::newRow("iso date") << u"Build in progress - Status set to IN_PROGRESS at "
                                 "2026-12-07T10:01:06Z"_s
                              << -1.0;
    QTest::newRow("slashed date") << u"since 2026/12/07"_s << -1.0;
    QTest::newRow("words only") << u"in-progress"_s << -1.0;
    QTest::newRow("empty") << QString() << -1.0;
}

void TestJobProgress::serverFraction()
{
    QFETCH(QString, text);
    QFETCH(double, expected);
    const std::optional<double> f = ServerProgress::fraction(text);
    if (expected < 0) {
        QVERIFY2(!f, qPrintable(u"read %1 from \"%2\""_s.arg(f.value_or(-1)).arg(text)));
        return;
    }
    QVERIFY2(f, qPrintable(text));
    QVERIFY2(qAbs(*f - expected) < 1e-9, qPrintable(QString::number(*f)));
}

void TestJobProgress::steadyDownloadGivesItsRateAndTimeLeft()
{
    // 1 MB a second of a 20 MB download, read every half second.
    DownloadRate rate;
    qint64 t = 1'000'000;
    for (int i = 0; i <= 10; ++i)
        rate.sample(t + i * 500, i * 500'000, i * 500'000 / 20e6);
    QVERIFY(qAbs(rate.bytesPerSecond() - 1e6) < 1.0);
    // 5 MB of 20 saved: 15 s left.
    QCOMPARE(rate.secondsLeft(), std::optional<qint64>(15));
}

void TestJobProgress::noTimeLeftBeforeItSettles()
{
    DownloadRate rate;
    rate.sample(0, 0, 0);
    QCOMPARE(rate.bytesPerSecond(), 0.0);
    rate.sample(1000, 1000, 0.1);
    QCOMPARE(rate.bytesPerSecond(), 1000.0);
    QVERIFY(!rate.secondsLeft()); // a second of readings is not enough to promise a time
    rate.sample(2000, 2000, 0.2);
    rate.sample(3000, 3000, 0.3);
    QCOMPARE(rate.secondsLeft(), std::optional<qint64>(7));
    // Readings closer than a quarter second wait for the next.
    rate.sample(3100, 100'000, 0.9);
    QCOMPARE(rate.bytesPerSecond(), 1000.0);
}

void TestJobProgress::burstsAreSmoothed()
{
    // Steady 1000 B/s, then one second in which 10000 bytes arrive: the shown speed moves
    // towards the burst but by a fifth of the way (1 - e^-1/5), not all of it.
    DownloadRate rate;
    for (int i = 0; i <= 5; ++i)
        rate.sample(i * 1000, i * 1000, i / 100.0);
    rate.sample(6000, 15000, 0.15);
    const double expected = 1000 + (1 - std::exp(-0.2)) * (10000 - 1000);
    QVERIFY2(qAbs(rate.bytesPerSecond() - expected) < 1e-6,
             qPrintable(QString::number(rate.bytesPerSecond())));
    QVERIFY(rate.bytesPerSecond() < 3000);
}

void TestJobProgress::aStartOverStartsTheEstimateOver()
{
    DownloadRate rate;
    for (int i = 0; i <= 4; ++i)
        rate.sample(i * 1000, i * 1000, i / 10.0);
    QVERIFY(rate.secondsLeft());
    rate.sample(5000, 100, 0.01); // a file started over: fewer bytes than before
    QCOMPARE(rate.bytesPerSecond(), 0.0);
    QVERIFY(!rate.secondsLeft());
}

void TestJobProgress::stalledDownloadHasNoTimeLeft()
{
    DownloadRate rate;
    for (int i = 0; i <= 4; ++i)
        rate.sample(i * 1000, 1000, 0.5); // nothing moves
    QVERIFY(!rate.secondsLeft());
}

QTEST_GUILESS_MAIN(TestJobProgress)
#include "tst_jobprogress.moc"
