#pragma once

#include "exportjob.h"
#include "manifest.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QUrl>

namespace fbm {

/// Puts a manifest together from its pages (link "next"), as they come: each page parsed once,
/// pages that link back not read again, a bound on their number, and the document that goes
/// into manifest.json (one page as received, several merged into one). Then names the files.
class ManifestAssembler
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ManifestAssembler)

public:
    /// A new manifest, whose first page is the status URL's answer.
    void start(const QUrl &statusUrl);

    struct Step
    {
        enum class Kind
        {
            NextPage, ///< fetch \a next and accept() its body
            Complete, ///< manifest() and json() are ready
            Failed,   ///< error says why
        };
        Kind kind = Kind::Failed;
        QUrl next;
        QString error;     ///< translated
        QStringList notes; ///< tolerated oddities, for the activity log (translated)
    };
    /// The body of the next page (the first after start()).
    Step accept(const QByteArray &body);
    [[nodiscard]] bool atFirstPage() const { return m_pages.isEmpty(); }

    /// The manifest with every page's files (after Complete).
    [[nodiscard]] const Manifest &manifest() const { return m_manifest; }
    /// The manifest as saved in manifest.json (after Complete).
    [[nodiscard]] const QByteArray &json() const { return m_json; }
    /// Forgets the pages (they can be large) once the manifest is taken.
    void clear();

    /// The export's files in the folder's order (outputs, then errors, then deleted, each in
    /// manifest order also across pages), named <Type>.<n>.ndjson from the type made safe
    /// (<Type>.<n>.ndjson.gz with \a gzip); an entry that cannot be fetched is failed with its
    /// reason. \a notes gets what is worth a line in the activity log.
    [[nodiscard]] static QList<ExportFile> files(const Manifest &manifest, QStringList *notes,
                                                 bool gzip);

    static constexpr int kMaxPages = 1000;

private:
    Manifest m_manifest;
    QSet<QString> m_visited;
    QList<QByteArray> m_pages; ///< each page's body as received; parsed again only to merge
    QByteArray m_json;
};

} // namespace fbm
