#include "standard.h"

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

QUrl StandardFlavor::statusUrl(const QUrl &base, const QString &id) const
{
    return below(base, u"/jobs/"_s + id + u"/status"_s);
}

QUrl StandardFlavor::fileUrl(const QUrl &base, const QString &id, int index) const
{
    return below(base, u"/files/"_s + id + u'/' + QString::number(index) + u".ndjson"_s);
}

QByteArray StandardFlavor::retryAfter() const
{
    return QByteArrayLiteral("0");
}

QByteArray StandardFlavor::progressText(const Progress &progress) const
{
    const int percent = (progress.poll + 1) * 100 / (progress.pollsBeforeDone + 1);
    return QByteArray::number(percent) + "% complete";
}

} // namespace fbm::demo::bulk
