#include "manifestbuilder.h"

#include "bulk/servedfiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

namespace {

QSet<QString> wantedTypes(const JobInfo &job)
{
    QSet<QString> wanted;
    for (const auto &p : job.parameters) {
        if (p.first != u"_type"_s)
            continue;
        const QStringList types = p.second.split(u',', Qt::SkipEmptyParts);
        for (const QString &t : types)
            wanted.insert(t.trimmed());
    }
    return wanted;
}

} // namespace

QByteArray buildManifest(const JobInfo &job, const Script &s, const ServedFiles &files,
                         const ManifestLinks &links, int page)
{
    QJsonArray output;
    QJsonArray errors;
    QJsonArray deleted;
    const QSet<QString> wanted = s.honourTypeParameter ? wantedTypes(job) : QSet<QString>();
    for (int i = 0; i < files.all().size(); ++i) {
        const ServedFile &f = files.at(i);
        if (!wanted.isEmpty() && f.kind != u"error"_s && !wanted.contains(f.type))
            continue;
        QJsonObject entry{{u"type"_s, f.type}, {u"url"_s, links.fileUrl(i).toString()}};
        if (f.includeCount)
            entry.insert(u"count"_s, files.lines(i));
        if (f.kind == u"error"_s)
            errors.append(entry);
        else if (f.kind == u"deleted"_s)
            deleted.append(entry);
        else
            output.append(entry);
    }
    const int pages = qMax(1, s.manifestPages);
    if (s.emptyWithMessage) {
        output = {};
        errors = {};
        deleted = {};
    }
    // Output split evenly over the pages; the error and deleted files come with the first.
    QJsonArray pageOutput;
    const int perPage = int((output.size() + pages - 1) / pages);
    for (int i = (page - 1) * perPage; i < qMin(int(output.size()), page * perPage); ++i)
        pageOutput.append(output.at(i));

    QJsonObject m{
        {u"transactionTime"_s, job.transactionTime.toString(Qt::ISODateWithMs)},
        {u"request"_s, job.requestUrl.toString()},
        {u"output"_s, pages > 1 ? pageOutput : output},
        {u"error"_s, page == 1 ? errors : QJsonArray{}},
    };
    if (s.requiresAccessTokenAsString)
        m.insert(u"requiresAccessToken"_s, s.requiresAccessToken ? u"true"_s : u"false"_s);
    else
        m.insert(u"requiresAccessToken"_s, s.requiresAccessToken);
    if (page == 1 && !deleted.isEmpty())
        m.insert(u"deleted"_s, deleted);
    if (s.emptyWithMessage) {
        m.insert(u"message"_s,
                 QString(u"Export complete, but no data to generate report for job instance: "_s +
                         job.id));
    }
    if (page < pages) {
        m.insert(u"link"_s,
                 QJsonArray{QJsonObject{{u"relation"_s, u"next"_s},
                                        {u"url"_s, links.pageUrl(page + 1).toString()}}});
    }
    return QJsonDocument(m).toJson(QJsonDocument::Indented);
}

} // namespace fbm::demo::bulk
