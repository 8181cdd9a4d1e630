#include "manifestassembler.h"

#include "filenames.h"
#include "redact.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

void ManifestAssembler::start(const QUrl &statusUrl)
{
    clear();
    m_visited = {statusUrl.toString()};
}

void ManifestAssembler::clear()
{
    m_manifest = Manifest();
    m_pages.clear();
    m_json.clear();
}

ManifestAssembler::Step ManifestAssembler::accept(const QByteArray &body)
{
    Step step;
    Result<Manifest> parsed = Manifest::parse(body);
    if (!parsed.ok()) {
        step.error = parsed.error().message;
        return step;
    }
    if (m_pages.isEmpty())
        m_manifest = parsed.value();
    else
        m_manifest.appendPage(parsed.value());
    m_pages.append(body);
    step.notes = parsed->warnings;

    if (const QUrl next = parsed->nextPage; next.isValid()) {
        if (m_visited.contains(next.toString())) {
            step.notes.append(
                tr("The manifest's pages link back to a page already read; stopping there."));
        } else if (m_visited.size() >= kMaxPages) {
            step.error = tr("The manifest has more pages than this application accepts.");
            return step;
        } else {
            m_visited.insert(next.toString());
            step.kind = Step::Kind::NextPage;
            step.next = next;
            return step;
        }
    }
    if (m_pages.size() == 1) {
        m_json = body;
    } else {
        // Pages merged into one document: the first page's fields, every page's files.
        QList<QJsonObject> pageObjects;
        for (const QByteArray &page : std::as_const(m_pages))
            pageObjects.append(QJsonDocument::fromJson(page).object());
        QJsonObject merged = pageObjects.first();
        for (const char *key : {"output", "error", "deleted"}) {
            QJsonArray all;
            for (const QJsonObject &page : std::as_const(pageObjects)) {
                for (const QJsonValue &v : page.value(QLatin1String(key)).toArray())
                    all.append(v);
            }
            merged.insert(QLatin1String(key), all);
        }
        merged.remove(u"link"_s);
        m_json = QJsonDocument(merged).toJson(QJsonDocument::Indented);
    }
    m_pages.clear();
    step.kind = Step::Kind::Complete;
    return step;
}

QList<ExportFile> ManifestAssembler::files(const Manifest &manifest, QStringList *notes, bool gzip)
{
    QList<ExportFile> files;
    QHash<QString, int> counters;
    QList<ManifestFile> ordered = manifest.files;
    std::stable_sort(
        ordered.begin(), ordered.end(),
        [](const ManifestFile &a, const ManifestFile &b) { return int(a.kind) < int(b.kind); });
    files.reserve(ordered.size());
    for (const ManifestFile &mf : std::as_const(ordered)) {
        ExportFile f;
        f.kind = mf.kind;
        f.type = mf.type;
        f.url = mf.url;
        f.expectedCount = mf.count;
        const QString safe = safeTypeName(
            mf.type.isEmpty() && mf.kind == FileKind::Error ? u"OperationOutcome"_s : mf.type);
        if (!mf.type.isEmpty() && safe != mf.type)
            //: %1 is a resource type as the server wrote it, %2 the file name used
            notes->append(
                tr("The resource type \"%1\" is not a safe file name; the file is saved as \"%2\".")
                    .arg(redactText(mf.type.left(80)), safe));
        const QString key = QString::number(int(mf.kind)) + u'/' + safe;
        f.relativePath = exportFileName(mf.kind, safe, ++counters[key], gzip);
        Q_ASSERT(isContainedRelativePath(f.relativePath));
        if (!mf.problem.isEmpty()) {
            f.state = FileState::Failed;
            f.error = mf.problem;
            notes->append(mf.problem);
        }
        files.append(f);
    }
    return files;
}

} // namespace fbm
