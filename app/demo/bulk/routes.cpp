#include "routes.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

namespace {

/// "<job>-<n>" of a Binary or Oracle file URL.
bool splitFileId(const QString &id, Route &r)
{
    const qsizetype dash = id.lastIndexOf(u'-');
    bool ok = false;
    const int n = dash > 0 ? id.mid(dash + 1).toInt(&ok) : -1;
    if (!ok)
        return false;
    r.jobId = id.left(dash);
    r.number = n;
    return true;
}

} // namespace

Route route(const QString &path, const QUrlQuery &query)
{
    Route r;
    if (path != kBasePath && !path.startsWith(kBasePath + u'/')) {
        r.kind = Route::Kind::OutsideBase;
        return r;
    }
    const QString rest = path.mid(kBasePath.size());
    const QStringList seg = rest.split(u'/', Qt::SkipEmptyParts);
    const auto is = [&seg](qsizetype size, qsizetype at, const QString &text) {
        return seg.size() == size && seg[at] == text;
    };

    if (rest == u"/.well-known/smart-configuration"_s) {
        r.kind = Route::Kind::SmartConfiguration;
    } else if (rest == u"/metadata"_s) {
        r.kind = Route::Kind::Metadata;
    } else if (is(1, 0, u"$export"_s)) {
        r.kind = Route::Kind::Kickoff;
        r.level = u"system"_s;
    } else if (is(2, 0, u"Patient"_s) && seg[1] == u"$export"_s) {
        r.kind = Route::Kind::Kickoff;
        r.level = u"patient"_s;
    } else if (is(3, 0, u"Group"_s) && seg[2] == u"$export"_s) {
        r.kind = Route::Kind::Kickoff;
        r.level = u"group"_s;
        r.groupId = seg[1];
    } else if (is(3, 0, u"jobs"_s) && seg[2] == u"status"_s) {
        r.kind = Route::Kind::Status;
        r.jobId = seg[1];
    } else if (is(3, 0, u"bulk-export"_s) && seg[1] == u"jobs"_s) {
        r.kind = Route::Kind::Status;
        r.jobId = seg[2];
    } else if (is(1, 0, u"$export-poll-status"_s)) {
        r.kind = Route::Kind::Status;
        r.jobId = query.queryItemValue(u"_jobId"_s, QUrl::FullyDecoded);
    } else if (is(4, 0, u"jobs"_s) && seg[2] == u"manifest"_s) {
        r.kind = Route::Kind::ManifestPage;
        r.jobId = seg[1];
        r.number = seg[3].toInt();
    } else if (is(3, 0, u"files"_s) && seg[2].endsWith(u".ndjson"_s)) {
        bool ok = false;
        r.number = seg[2].chopped(7).toInt(&ok);
        r.jobId = seg[1];
        r.kind = ok ? Route::Kind::File : Route::Kind::Unknown;
    } else if (is(2, 0, u"Binary"_s) || (is(3, 0, u"bulk-export"_s) && seg[1] == u"files"_s)) {
        r.binary = seg[0] == u"Binary"_s;
        r.kind = splitFileId(seg.last(), r) ? Route::Kind::File : Route::Kind::Unknown;
    } else if (is(1, 0, u"Group"_s)) {
        r.kind = Route::Kind::GroupSearch;
    } else if (is(2, 0, u"Group"_s)) {
        r.kind = Route::Kind::GroupRead;
        r.groupId = seg[1];
    }
    return r;
}

} // namespace fbm::demo::bulk
