#pragma once

#include "activity.h"
#include "bulk/bodystream.h"
#include "bulk/script.h"

#include <QHash>
#include <QList>

namespace fbm::demo::bulk {

/// The bytes one answer sends for a file: where they come from, how many there are, and the
/// headers that say how they are encoded (Content-Encoding, Vary).
struct FileBody
{
    Source source;
    qint64 total = 0;
    HeaderList headers;
};

/// The export's files: their sizes, line counts and bytes, generated ones computed piece by
/// piece, and the gzip representation of those that have one.
class ServedFiles
{
public:
    void set(const QList<ServedFile> &files); ///< in manifest order
    [[nodiscard]] const QList<ServedFile> &all() const { return m_files; }
    [[nodiscard]] bool contains(int index) const { return index >= 0 && index < m_files.size(); }
    [[nodiscard]] const ServedFile &at(int index) const { return m_files.at(index); }

    /// Bytes of the file as a client must end up with them (decompressed).
    [[nodiscard]] qint64 size(int index) const;
    [[nodiscard]] qint64 lines(int index) const;
    [[nodiscard]] QByteArray slice(int index, qint64 offset, qint64 length) const;

    /// The file as it is.
    [[nodiscard]] FileBody identity(int index) const;
    /// The gzip of the file's content (made once per file), with Content-Encoding and Vary.
    [[nodiscard]] FileBody gzipped(int index);

private:
    QList<ServedFile> m_files;
    QHash<int, QByteArray> m_gzipCache;
};

} // namespace fbm::demo::bulk
