#include "filenames.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace fbm {

QString safeTypeName(const QString &type)
{
    QString out;
    out.reserve(qMin<qsizetype>(type.size(), 64));
    for (const QChar c : type) {
        if (out.size() >= 64)
            break;
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                        (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (ok)
            out.append(c);
    }
    // A name made only of dashes or underscores is legal but useless; keep it recognisable.
    if (out.isEmpty())
        return u"Resource"_s;
    return out;
}

QString exportFileName(FileKind kind, const QString &type, int index, bool gzip)
{
    const QString name = safeTypeName(type) + u'.' + QString::number(index) +
                         (gzip ? u".ndjson.gz"_s : u".ndjson"_s);
    switch (kind) {
    case FileKind::Output:
        return name;
    case FileKind::Error:
        return u"errors/"_s + name;
    case FileKind::Deleted:
        return u"deleted/"_s + name;
    }
    return name;
}

bool isContainedRelativePath(const QString &relativePath)
{
    if (relativePath.isEmpty() || relativePath.contains(QChar(0)) ||
        QDir::isAbsolutePath(relativePath) || relativePath.startsWith(u'/') ||
        relativePath.startsWith(u'\\'))
        return false;
    const QString clean = QDir::cleanPath(relativePath);
    return clean != ".."_L1 && !clean.startsWith("../"_L1) && !clean.contains("/../"_L1);
}

} // namespace fbm
