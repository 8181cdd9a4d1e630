#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

namespace fbm::demo::http {
struct Request;
}

namespace fbm::demo::bulk {

/// The bulk server's second origin, standing for a pre-signed object store such as S3: its
/// file URLs carry a signature (an HMAC with a key of this server) that it checks, and it
/// refuses what S3 refuses, in S3's words.
class StorageOrigin
{
public:
    /// What a request on the storage origin gets: a file to serve, or S3's refusal.
    struct Verdict
    {
        int index = -1; ///< >= 0: serve this file
        int status = 0;
        QByteArray code;
        QByteArray message;
    };
    /// Whose file a request on this origin asks for, by which link number (0: none).
    struct Link
    {
        QString jobId;
        int number = 0;
    };

    StorageOrigin();

    void setPort(quint16 port) { m_port = port; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl origin() const;
    /// A pre-signed URL of file `index` of job `jobId`; `link` > 0: the link number of the
    /// manifest that gives it (Script::expiredLinkManifests), signed with it.
    [[nodiscard]] QUrl fileUrl(const QString &jobId, int index, int link = 0) const;
    [[nodiscard]] static Link linkOf(const http::Request &in);
    /// S3's refusal of a pre-signed URL whose time is up.
    [[nodiscard]] static Verdict expired();

    /// servable(jobId, index): the job exists, is not cancelled and has that file.
    [[nodiscard]] Verdict check(const http::Request &in,
                                const std::function<bool(const QString &, int)> &servable) const;
    /// S3's XML error document.
    [[nodiscard]] static QByteArray errorBody(const QByteArray &code, const QByteArray &message);

private:
    [[nodiscard]] QString signature(const QString &jobId, int index, int link) const;

    quint16 m_port = 0;
    QByteArray m_key;
};

} // namespace fbm::demo::bulk
