#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QUrl>

namespace fbm {

/// Which network addresses a request may reach. An export names its own server, and the
/// server names file and storage URLs and redirects: a hostile or compromised server could
/// point those at the cloud's metadata service (169.254.169.254, which hands out credentials)
/// or at services inside the hospital's network. Checked for every hop, on the address in the
/// URL and on the address a host name resolves to, before connecting.
class AddressPolicy
{
    Q_DECLARE_TR_FUNCTIONS(fbm::AddressPolicy)

public:
    enum class Class
    {
        Public,
        Private,   ///< 10/8, 172.16/12, 192.168/16, 100.64/10 (shared), fc00::/7, fec0::/10
        Loopback,  ///< 127/8, ::1
        LinkLocal, ///< 169.254/16, fe80::/10: cloud metadata and credential endpoints live there
        Multicast, ///< 224/4, ff00::/8
        ThisHost,  ///< 0/8, :: (unspecified)
        Reserved,  ///< 240/4, the broadcast address
    };
    [[nodiscard]] static Class classify(const QHostAddress &address);

    /// Private and loopback addresses are reached only when allowed: for the server's own
    /// origin, when the server itself is on such an address, or by the profile's choice.
    /// Link-local, multicast, this-host and reserved addresses are never reached.
    void setAllowPrivate(bool allow) { m_allowPrivate = allow; }
    [[nodiscard]] bool allowPrivate() const { return m_allowPrivate; }
    void setServerIsLocal(bool local) { m_serverIsLocal = local; }
    [[nodiscard]] bool serverIsLocal() const { return m_serverIsLocal; }

    /// Why \a address may not be reached (translated), or an empty string.
    /// \a serverOrigin: the request goes to the export's own server.
    [[nodiscard]] QString refusal(const QHostAddress &address, bool serverOrigin) const;
    /// The same for a URL whose host is an address (host names are checked once resolved).
    [[nodiscard]] QString refusal(const QUrl &url, bool serverOrigin) const;

private:
    bool m_allowPrivate = false;
    bool m_serverIsLocal = false;
};

} // namespace fbm
