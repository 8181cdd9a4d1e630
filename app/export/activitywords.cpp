#include "activitywords.h"

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString pathOf(const QUrl &url)
{
    return url.path(QUrl::FullyEncoded);
}

bool succeeded(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

ActivityWords::ActivityWords(const ExportJob &job)
    : m_kickoffPath(pathOf(job.kickoffUrl))
    , m_statusPath(pathOf(job.statusUrl))
    , m_statusQuery(job.statusUrl.query(QUrl::FullyEncoded))
{
    m_files.reserve(job.files.size());
    for (const ExportFile &f : job.files)
        m_files.insert(pathOf(f.url), f.relativePath);
}

ActivityWords::Target ActivityWords::targetOf(const ActivityEntry &e, QString *file) const
{
    const QString path = pathOf(e.url);
    if (!m_statusPath.isEmpty() && path == m_statusPath)
        return e.url.query(QUrl::FullyEncoded) == m_statusQuery || e.method == "DELETE"
                   ? Target::Status
                   : Target::ManifestPage;
    if (const auto it = m_files.constFind(path); it != m_files.cend()) {
        *file = it.value();
        return Target::File;
    }
    if ((!m_kickoffPath.isEmpty() && path == m_kickoffPath) || path.endsWith(u"/$export"_s) ||
        path.endsWith(u"/%24export"_s))
        return Target::Kickoff;
    if (path.endsWith(u"/metadata"_s))
        return Target::Metadata;
    if (e.method == "POST" && e.requestBody.contains("grant_type"))
        return Target::Token;
    return Target::Unknown;
}

QString ActivityWords::describe(const ActivityEntry &e) const
{
    if (e.method.isEmpty())
        return {}; // a note: its text says it all
    QString file;
    const Target target = targetOf(e, &file);
    const int status = e.status;
    switch (target) {
    case Target::Kickoff:
        if (status == 202)
            return tr("Asked for the export: the server accepted");
        if (status == 0)
            return tr("Asked for the export: no answer");
        //: %1 is an HTTP status such as 400
        return tr("Asked for the export: refused (HTTP %1)").arg(status);
    case Target::Status:
        if (e.method == "DELETE") {
            if (status == 404)
                return tr("Told the server it may remove the export: it was gone already");
            if (succeeded(status))
                return tr("Told the server it may remove the export");
            return status == 0 ? tr("Told the server it may remove the export: no answer")
                               //: %1 is an HTTP status such as 500
                               : tr("Told the server it may remove the export: refused (HTTP %1)")
                                     .arg(status);
        }
        if (status == 202)
            return tr("Asked how far the server is: still working");
        if (status == 200)
            return tr("Asked how far the server is: the files are ready");
        if (status == 429)
            return tr("Asked how far the server is: asked to wait");
        if (status == 0)
            return tr("Asked how far the server is: no answer");
        //: %1 is an HTTP status such as 503
        return tr("Asked how far the server is: a problem (HTTP %1)").arg(status);
    case Target::ManifestPage:
        if (succeeded(status))
            return tr("Read the next page of the file list");
        return status == 0
                   ? tr("Read the next page of the file list: no answer")
                   //: %1 is an HTTP status such as 500
                   : tr("Read the next page of the file list: a problem (HTTP %1)").arg(status);
    case Target::File:
        if (succeeded(status))
            //: %1 is a file name such as Patient.1.ndjson
            return tr("Downloaded %1").arg(file);
        if (status == 0)
            //: %1 is a file name such as Patient.1.ndjson
            return tr("Downloading %1: no answer").arg(file);
        //: %1 is a file name such as Patient.1.ndjson, %2 an HTTP status such as 404
        return tr("Downloading %1: a problem (HTTP %2)").arg(file).arg(status);
    case Target::Metadata:
        return tr("Asked the server which software it runs");
    case Target::Token:
        if (succeeded(status))
            return tr("Signed in to the server");
        return status == 0 ? tr("Signing in: no answer")
                           //: %1 is an HTTP status such as 401
                           : tr("Signing in: refused (HTTP %1)").arg(status);
    case Target::Unknown:
        break;
    }
    return {};
}

} // namespace fbm
