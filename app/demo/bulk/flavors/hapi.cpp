#include "hapi.h"

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

QUrl HapiFlavor::statusUrl(const QUrl &base, const QString &id) const
{
    return below(base, u"/$export-poll-status"_s, u"_jobId="_s + id);
}

QUrl HapiFlavor::fileUrl(const QUrl &base, const QString &id, int index) const
{
    return below(base, u"/Binary/"_s + id + u'-' + QString::number(index));
}

QByteArray HapiFlavor::retryAfter() const
{
    return QByteArrayLiteral("120");
}

QByteArray HapiFlavor::progressText(const Progress &progress) const
{
    // HAPI writes the time as an ISO offset date-time with milliseconds.
    const QByteArray at = progress.now.toString(u"yyyy-MM-ddThh:mm:ss.zzz'+00:00'"_s).toLatin1();
    return QByteArrayLiteral("Build in progress - Status set to ") +
           (progress.cancelled ? QByteArrayLiteral("CANCELLED")
                               : QByteArrayLiteral("IN_PROGRESS")) +
           " at " + at;
}

QString HapiFlavor::kickoffText(const QString &id) const
{
    return u"$export-poll-status?_jobId="_s + id;
}

} // namespace fbm::demo::bulk
