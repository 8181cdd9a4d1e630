#include "flavor.h"

#include "ehealth.h"
#include "hapi.h"
#include "oracle.h"
#include "standard.h"

using namespace Qt::StringLiterals;

namespace fbm::demo::bulk {

QString ServerFlavor::kickoffText(const QString &id) const
{
    return u"Bulk export job %1 accepted"_s.arg(id);
}

bool ServerFlavor::redirectsToStorage(const QString &) const
{
    return false;
}

const ServerFlavor &serverFlavor(Flavor flavor)
{
    static const StandardFlavor standard;
    static const HapiFlavor hapi;
    static const OracleFlavor oracle;
    static const EHealthFlavor ehealth;
    switch (flavor) {
    case Flavor::Hapi:
        return hapi;
    case Flavor::Oracle:
        return oracle;
    case Flavor::EHealth:
        return ehealth;
    case Flavor::Standard:
        break;
    }
    return standard;
}

QUrl below(const QUrl &base, const QString &path, const QString &query)
{
    QUrl u = base;
    u.setPath(base.path() + path);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

} // namespace fbm::demo::bulk
