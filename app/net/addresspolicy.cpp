#include "addresspolicy.h"

namespace fbm {

namespace {

AddressPolicy::Class classifyV4(quint32 a)
{
    using C = AddressPolicy::Class;
    const auto in = [a](quint32 net, int bits) {
        return bits == 0 || (a >> (32 - bits)) == (net >> (32 - bits));
    };
    if (in(0x00000000, 8))
        return C::ThisHost;
    if (in(0x7f000000, 8))
        return C::Loopback;
    if (in(0xa9fe0000, 16))
        return C::LinkLocal;
    if (in(0xe0000000, 4))
        return C::Multicast;
    if (in(0xf0000000, 4))
        return C::Reserved; // 240/4, 255.255.255.255 among them
    if (in(0x0a000000, 8) || in(0xac100000, 12) || in(0xc0a80000, 16) || in(0x64400000, 10))
        return C::Private;
    return C::Public;
}

} // namespace

AddressPolicy::Class AddressPolicy::classify(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return classifyV4(address.toIPv4Address());
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return Class::ThisHost; // not an address at all
    const Q_IPV6ADDR a = address.toIPv6Address();
    const auto v4At12 = [&a] {
        return (quint32(a[12]) << 24) | (quint32(a[13]) << 16) | (quint32(a[14]) << 8) | a[15];
    };
    bool zeroTo10 = true;
    for (int i = 0; i < 10; ++i)
        zeroTo10 = zeroTo10 && a[i] == 0;
    // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address inside.
    if (zeroTo10 && a[10] == 0xff && a[11] == 0xff)
        return classifyV4(v4At12());
    if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b) {
        bool zero = true;
        for (int i = 4; i < 12; ++i)
            zero = zero && a[i] == 0;
        if (zero)
            return classifyV4(v4At12());
    }
    if (address == QHostAddress(QHostAddress::AnyIPv6))
        return Class::ThisHost;
    if (address.isLoopback())
        return Class::Loopback;
    if (a[0] == 0xff)
        return Class::Multicast;
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
        return Class::LinkLocal;
    if ((a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0))
        return Class::Private; // unique local, and the old site-local
    return Class::Public;
}

QString AddressPolicy::refusal(const QHostAddress &address, bool serverOrigin) const
{
    switch (classify(address)) {
    case Class::Public:
        return {};
    case Class::Private:
    case Class::Loopback:
        if (m_allowPrivate || serverOrigin || m_serverIsLocal)
            return {};
        return tr("it is in a private network, and the export's server is not; allow private "
                  "networks in the server profile if the files really are there");
    case Class::LinkLocal:
        return tr("it is a link-local address, where cloud metadata and credential services "
                  "answer");
    case Class::Multicast:
        return tr("it is a multicast address");
    case Class::ThisHost:
        return tr("it is an unspecified (\"this host\") address");
    case Class::Reserved:
        return tr("it is a reserved or broadcast address");
    }
    return {};
}

QString AddressPolicy::refusal(const QUrl &url, bool serverOrigin) const
{
    QString host = url.host();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (address.isNull())
        return {}; // a name: checked once it resolves
    return refusal(address, serverOrigin);
}

} // namespace fbm
