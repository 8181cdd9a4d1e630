#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QIODevice;

namespace fbm {

/// What a ZIP may unpack to before it is taken for a ZIP bomb.
struct ZipLimits
{
    qint64 maxEntryBytes = qint64(2) << 30; ///< one file
    qint64 maxTotalBytes = qint64(8) << 30; ///< all files together
    int maxEntries = 100000;
    /// Uncompressed size over compressed size: deflate reaches about 1000:1 only on
    /// pathological input, while JSON reports stay far below 100:1.
    double maxRatio = 250.0;
    /// Entries smaller than this may have any ratio (a kilobyte of spaces is no bomb).
    qint64 ratioFloorBytes = qint64(4) << 20;
};

/// One entry of the archive's central directory.
struct ZipEntry
{
    QString name;       ///< as stored in the archive
    QString path;       ///< the sanitised relative path it is extracted to; empty when refused
    QString problem;    ///< why it cannot be extracted (a translated sentence), else empty
    quint16 method = 0; ///< 0 stored, 8 deflate
    quint16 flags = 0;
    quint32 crc = 0;
    qint64 compressedSize = 0;
    qint64 size = 0; ///< uncompressed, as declared
    qint64 localHeaderOffset = 0;
    bool isDirectory = false;
    QDateTime modified; ///< local time, as ZIP stores it

    [[nodiscard]] bool isExtractable() const { return problem.isEmpty(); }
};

/// What extractAll() did.
struct ZipExtraction
{
    QStringList written; ///< absolute paths of the files written
    QStringList skipped; ///< one sentence per entry that was not written, with the reason
    qint64 bytes = 0;    ///< bytes written

    [[nodiscard]] bool isComplete() const { return skipped.isEmpty(); }
};

/// Reads a ZIP archive (stored and deflate entries, as report ZIPs use) and extracts it safely:
/// entry names are sanitised (no absolute paths, no "..", no NUL or control characters, no
/// links), sizes are bounded (ZipLimits) while inflating, never only as declared, every CRC-32
/// is checked, and each file is written through QSaveFile so that a refused entry leaves nothing
/// behind. The archive is read from disk piece by piece; memory stays flat whatever its size.
/// Encrypted entries and ZIP64 archives are refused with a readable message.
class ZipReader final
{
    Q_DECLARE_TR_FUNCTIONS(ZipReader)
    Q_DISABLE_COPY_MOVE(ZipReader)
public:
    ZipReader();
    ~ZipReader();

    /// Opens a ZIP file and reads its central directory.
    [[nodiscard]] Error open(const QString &filePath);
    /// The same for an archive in memory (the data is copied).
    [[nodiscard]] Error openData(const QByteArray &data);
    [[nodiscard]] bool isOpen() const;
    void close();

    void setLimits(const ZipLimits &limits) { m_limits = limits; }
    [[nodiscard]] ZipLimits limits() const { return m_limits; }

    [[nodiscard]] const QList<ZipEntry> &entries() const { return m_entries; }
    /// The index of the entry with this stored name, or -1.
    [[nodiscard]] int indexOf(const QString &name) const;

    /// Inflates one entry into out, checking its size, ratio and CRC-32.
    [[nodiscard]] Error extractTo(int index, QIODevice *out) const;
    /// One entry in memory (for small entries: a preview, a test).
    [[nodiscard]] Result<QByteArray> read(int index) const;
    /// Extracts every file entry beneath folder (created when missing). An entry that cannot
    /// be extracted is skipped and described; the Error is for the archive as a whole (a total
    /// size beyond the limits, a folder that cannot be created).
    [[nodiscard]] Result<ZipExtraction> extractAll(const QString &folder) const;

    /// The relative path an entry name may be extracted to: backslashes taken as separators,
    /// leading slashes and drive letters dropped, "." and empty segments removed, characters
    /// other systems forbid replaced by '_'. Empty, with problem set, for a name with "..",
    /// NUL or control characters, or nothing left.
    [[nodiscard]] static QString sanitizedPath(const QString &name, QString *problem = nullptr);

    /// Whether the file starts like a ZIP archive.
    [[nodiscard]] static bool looksLikeZip(const QString &filePath);

private:
    Error readDirectory();
    Error dataOffset(const ZipEntry &entry, qint64 *offset) const;

    std::unique_ptr<QIODevice> m_device;
    QString m_source; ///< the file name, for messages
    ZipLimits m_limits;
    QList<ZipEntry> m_entries;
    qint64 m_directoryOffset = 0;
};

} // namespace fbm
