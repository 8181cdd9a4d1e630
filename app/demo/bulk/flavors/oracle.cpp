#include "oracle.h"

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

QUrl OracleFlavor::statusUrl(const QUrl &base, const QString &id) const
{
    return below(base, u"/bulk-export/jobs/"_s + id);
}

QUrl OracleFlavor::fileUrl(const QUrl &base, const QString &id, int index) const
{
    return below(base, u"/bulk-export/files/"_s + id + u'-' + QString::number(index));
}

QByteArray OracleFlavor::retryAfter() const
{
    return QByteArrayLiteral("600");
}

QByteArray OracleFlavor::progressText(const Progress &) const
{
    return QByteArrayLiteral("in-progress");
}

bool OracleFlavor::redirectsToStorage(const QString &path) const
{
    // Oracle hands out a short-lived pre-signed storage URL.
    return path.contains(u"/bulk-export/files/"_s);
}

} // namespace fbm::demo::bulk
