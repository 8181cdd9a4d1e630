#pragma once

#include "bulk/script.h"

#include <QByteArray>
#include <QUrl>

#include <functional>

namespace fbm::demo::bulk {

class ServedFiles;

/// Where a manifest points: the URL of each file and of each page after the first.
struct ManifestLinks
{
    std::function<QUrl(int index)> fileUrl;
    std::function<QUrl(int page)> pageUrl;
};

/// Page `page` (1 for the first) of the job's completion manifest: the files the job asked for
/// (all of them unless the script honours _type), the output spread over the script's pages
/// with a "next" link, the error and deleted files on the first page.
[[nodiscard]] QByteArray buildManifest(const JobInfo &job, const Script &script,
                                       const ServedFiles &files, const ManifestLinks &links,
                                       int page);

} // namespace fbm::demo::bulk
