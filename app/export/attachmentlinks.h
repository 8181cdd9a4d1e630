#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

#include <atomic>
#include <optional>

namespace fbm {

/// One attachment a saved resource names by URL: DocumentReference.content[].attachment and
/// DiagnosticReport.presentedForm[] (the clinical notes and reports of an export). An attachment
/// whose bytes are inline (`data`) is already in the NDJSON and is not a link.
struct AttachmentLink
{
    QUrl url; ///< absolute (a relative `Binary/<id>`, as Epic writes them, resolved on the base)
    QString resourceType;
    QString resourceId;
    QString contentType;        ///< as the resource declares it (may be empty)
    std::optional<qint64> size; ///< Attachment.size: the bytes, when declared
    QByteArray sha1;            ///< Attachment.hash, decoded (20 bytes), when declared
    QString fileName;           ///< under attachments/: <Type>.<id>.<n>.<suffix>, made safe
};

/// Finds the attachments of an export's saved files, off the engine's thread.
class AttachmentLinks
{
    Q_DECLARE_TR_FUNCTIONS(fbm::AttachmentLinks)

public:
    /// The resource types whose attachments are fetched.
    [[nodiscard]] static bool hasAttachments(const QString &resourceType);
    /// The attachments \a resource names by URL, relative ones resolved against \a base, in
    /// the resource's order; fileName is set (not yet made unique across resources).
    [[nodiscard]] static QList<AttachmentLink> of(const QJsonObject &resource, const QUrl &base);
    /// A name for the file of the \a n th (1-based) attachment of a resource: type and id
    /// reduced to letters, digits, '-', '_' and '.', never starting with '.', and a suffix from
    /// the content type (`bin` when it names none this computer knows).
    [[nodiscard]] static QString fileNameFor(const QString &type, const QString &id, int n,
                                             const QString &contentType);

    struct Scan
    {
        QList<AttachmentLink> links; ///< to fetch: each URL once, each file name unique
        int elsewhere = 0;           ///< links to other servers, not fetched
        QString elsewhereHost;       ///< one of them, to name in the message
        QString problem;             ///< a file could not be read (translated); links so far kept
    };
    /// Reads the saved NDJSON files \a relativePaths (plain or .gz) of \a folder and collects
    /// their attachment links. Only links on \a origins (the FHIR server's and the export
    /// files' own) are kept: the token rules stay those of the export, and an export never makes
    /// this program fetch from a server the user did not choose. Stops early when \a stop is set.
    [[nodiscard]] static Scan scan(const QString &folder, const QStringList &relativePaths,
                                   const QUrl &base, const QList<QUrl> &origins,
                                   const std::atomic_bool &stop);
};

} // namespace fbm
