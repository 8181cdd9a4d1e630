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

/// Writes \a data as the whole content of a file; false when it cannot.
inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

} // namespace fbm::test
