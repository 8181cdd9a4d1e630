#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace fbm {

class HttpClient;

/// What the export log's kickoff row says of the server, as the SMART reference client writes
/// it: softwareName, softwareVersion, softwareReleaseDate and fhirVersion from the server's
/// CapabilityStatement ([base]/metadata, read by ServerProbe's parser). Asked once per server
/// for as long as the program runs; a server that does not answer within a few seconds, or
/// not with a CapabilityStatement, is described by nothing (the row leaves the fields out).
class ServerSoftware final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSoftware)
public:
    using Done = std::function<void(const QJsonObject &)>;
    /// How long the kick-off row waits for the server's answer.
    static constexpr int kTimeoutMs = 10000;
    /// The longest value taken from the server (a name, a version).
    static constexpr qsizetype kMaxValue = 200;

    explicit ServerSoftware(QObject *parent = nullptr);
    ~ServerSoftware() override;

    /// Calls \a done with the fields of the server at \a base (at once when already known).
    void describe(HttpClient *client, const QUrl &base, Done done);
    /// The fields from a CapabilityStatement's JSON (empty when it is none).
    [[nodiscard]] static QJsonObject fieldsOf(const QByteArray &capabilityStatement);

private:
    QHash<QString, QJsonObject> m_known;
    QHash<QString, QList<Done>> m_waiting;
};

} // namespace fbm
