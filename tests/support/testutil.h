#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace fbm::test {

/// The whole content of a file, or a null QByteArray when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace fbm::test
