// AddressPolicy: which addresses an export's requests may reach, decided on the address
// itself (IPv4, IPv6, IPv4 inside IPv6), for the server's own origin and for others.
#include "addresspolicy.h"

#include <QTest>

using namespace fbm;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(AddressPolicy::Class)

class TestAddressPolicy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void refusal_data();
    void refusal();
};

void TestAddressPolicy::classify_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<AddressPolicy::Class>("expected");
    using C = AddressPolicy::Class;
    const QList<QPair<QString, C>> rows = {
        {u"93.184.216.34"_s, C::Public},
        {u"8.8.8.8"_s, C::Public},
        {u"169.254.169.254"_s, C::LinkLocal},
        {u"169.254.170.2"_s, C::LinkLocal},
        {u"169.253.255.255"_s, C::Public},
        {u"127.0.0.1"_s, C::Loopback},
        {u"127.9.9.9"_s, C::Loopback},
        {u"10.1.2.3"_s, C::Private},
        {u"172.16.0.1"_s, C::Private},
        {u"172.31.255.255"_s, C::Private},
        {u"172.32.0.1"_s, C::Public},
        {u"192.168.1.1"_s, C::Private},
        {u"100.64.0.1"_s, C::Private},
        {u"0.0.0.0"_s, C::ThisHost},
        {u"0.1.2.3"_s, C::ThisHost},
        {u"224.0.0.1"_s, C::Multicast},
        {u"239.255.255.250"_s, C::Multicast},
        {u"255.255.255.255"_s, C::Reserved},
        {u"240.0.0.1"_s, C::Reserved},
        {u"::1"_s, C::Loopback},
        {u"::"_s, C::ThisHost},
        {u"fe80::1"_s, C::LinkLocal},
        {u"febf::1"_s, C::LinkLocal},
        {u"fc00::1"_s, C::Private},
        {u"fd00:ec2::254"_s, C::Private},
        {u"ff02::1"_s, C::Multicast},
        {u"2001:db8::1"_s, C::Public},
        {u"::ffff:169.254.169.254"_s, C::LinkLocal},
        {u"::ffff:10.0.0.1"_s, C::Private},
        {u"64:ff9b::169.254.169.254"_s, C::LinkLocal},
        {u"::ffff:93.184.216.34"_s, C::Public},
    };
    for (const auto &[address, c] : rows)
        QTest::newRow(qPrintable(address)) << address << c;
}

void TestAddressPolicy::classify()
{
    QFETCH(QString, address);
    QFETCH(AddressPolicy::Class, expected);
    const QHostAddress parsed(address);
    QVERIFY(!parsed.isNull());
    QCOMPARE(int(AddressPolicy::classify(parsed)), int(expected));
}

void TestAddressPolicy::refusal_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("serverOrigin");
    QTest::addColumn<bool>("serverIsLocal");
    QTest::addColumn<bool>("allowPrivate");
    QTest::addColumn<bool>("refused");
    QTest::newRow("public") << u"https://93.184.216.34/f"_s << false << false << false << false;
    QTest::newRow("a name (checked once resolved)")
        << u"https://storage.example/f"_s << false << false << false << false;
    QTest::newRow("metadata, even allowed private")
        << u"http://169.254.169.254/latest/meta-data/"_s << false << true << true << true;
    QTest::newRow("metadata as the server's origin")
        << u"http://169.254.169.254/fhir"_s << true << false << true << true;
    QTest::newRow("link-local IPv6") << u"http://[fe80::1]/x"_s << false << false << true << true;
    QTest::newRow("mapped metadata")
        << u"http://[::ffff:a9fe:a9fe]/x"_s << false << false << true << true;
    QTest::newRow("multicast") << u"http://224.0.0.1/x"_s << false << false << true << true;
    QTest::newRow("this host") << u"http://0.0.0.0:8080/x"_s << false << false << true << true;
    QTest::newRow("private, public server")
        << u"http://10.0.0.5/f"_s << false << false << false << true;
    QTest::newRow("private, allowed by the profile")
        << u"http://10.0.0.5/f"_s << false << false << true << false;
    QTest::newRow("private, server in a private network")
        << u"http://10.0.0.5/f"_s << false << true << false << false;
    QTest::newRow("private, the server itself")
        << u"http://10.0.0.5/fhir"_s << true << false << false << false;
    QTest::newRow("loopback, public server")
        << u"http://127.0.0.1:8080/f"_s << false << false << false << true;
}

void TestAddressPolicy::refusal()
{
    QFETCH(QString, url);
    QFETCH(bool, serverOrigin);
    QFETCH(bool, serverIsLocal);
    QFETCH(bool, allowPrivate);
    QFETCH(bool, refused);
    AddressPolicy policy;
    policy.setServerIsLocal(serverIsLocal);
    policy.setAllowPrivate(allowPrivate);
    const QString why = policy.refusal(QUrl(url), serverOrigin);
    QCOMPARE(!why.isEmpty(), refused);
}

QTEST_GUILESS_MAIN(TestAddressPolicy)
#include "tst_addresspolicy.moc"
