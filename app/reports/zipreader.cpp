#include "zipreader.h"
#include "logging.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>

#include <zlib.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr quint32 kLocalHeaderSignature = 0x04034b50;
constexpr quint32 kCentralHeaderSignature = 0x02014b50;
constexpr quint32 kEndOfDirectorySignature = 0x06054b50;
constexpr qint64 kEndOfDirectorySize = 22;
constexpr qint64 kMaxCommentSize = 0xffff;
constexpr qint64 kChunk = 64 * 1024;
constexpr quint16 kFlagEncrypted = 0x0001;
constexpr quint16 kFlagUtf8 = 0x0800;
constexpr quint16 kMethodStored = 0;
constexpr quint16 kMethodDeflate = 8;

quint16 le16(const char *p)
{
    return quint16(uchar(p[0]) | (uchar(p[1]) << 8));
}

quint32 le32(const char *p)
{
    return quint32(uchar(p[0])) | (quint32(uchar(p[1])) << 8) | (quint32(uchar(p[2])) << 16) |
           (quint32(uchar(p[3])) << 24);
}

QDateTime dosDateTime(quint16 date, quint16 time)
{
    const QDate d(1980 + (date >> 9), (date >> 5) & 0x0f, date & 0x1f);
    const QTime t((time >> 11) & 0x1f, (time >> 5) & 0x3f, (time & 0x1f) * 2);
    if (!d.isValid() || !t.isValid())
        return {};
    return QDateTime(d, t);
}

QString decodeName(const QByteArray &raw, quint16 flags)
{
    // Most tools write UTF-8 even without the flag; CP437 names are rare and mostly ASCII.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString name = utf8(raw);
    if (!utf8.hasError() || (flags & kFlagUtf8))
        return name;
    return QString::fromLatin1(raw);
}

bool readExactly(QIODevice *device, qint64 offset, char *buffer, qint64 size)
{
    return device->seek(offset) && device->read(buffer, size) == size;
}

} // namespace

ZipReader::ZipReader() = default;

ZipReader::~ZipReader() = default;

bool ZipReader::isOpen() const
{
    return m_device && m_device->isOpen();
}

void ZipReader::close()
{
    m_device.reset();
    m_entries.clear();
    m_directoryOffset = 0;
}

Error ZipReader::open(const QString &filePath)
{
    close();
    m_source = QFileInfo(filePath).fileName();
    auto file = std::make_unique<QFile>(filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        //: %1 a file name, %2 the system's reason
        return Error::make(Error::Kind::Io,
                           tr("Could not open %1: %2").arg(filePath, file->errorString()));
    }
    m_device = std::move(file);
    const Error e = readDirectory();
    if (e)
        close();
    return e;
}

Error ZipReader::openData(const QByteArray &data)
{
    close();
    m_source = tr("the archive");
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    m_device = std::move(buffer);
    const Error e = readDirectory();
    if (e)
        close();
    return e;
}

bool ZipReader::looksLikeZip(const QString &filePath)
{
    QFile f(filePath);
    return f.open(QIODevice::ReadOnly) && f.read(4) == "PK\x03\x04";
}

int ZipReader::indexOf(const QString &name) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).name == name)
            return i;
    }
    return -1;
}

Error ZipReader::readDirectory()
{
    const auto notZip = [this](const QString &detail) {
        //: %1 a file name
        return Error::make(Error::Kind::Protocol,
                           tr("%1 is not a ZIP archive, or it is damaged.").arg(m_source), detail);
    };
    const qint64 fileSize = m_device->size();
    if (fileSize < kEndOfDirectorySize)
        return notZip(u"too short for an end of central directory record"_s);

    // The end record is the last 22 bytes plus a comment of up to 64 KiB: search backwards.
    const qint64 tailSize = qMin(fileSize, kEndOfDirectorySize + kMaxCommentSize);
    QByteArray tail(tailSize, Qt::Uninitialized);
    if (!readExactly(m_device.get(), fileSize - tailSize, tail.data(), tailSize))
        return notZip(u"cannot read the end of the file"_s);
    qint64 eocd = -1;
    for (qint64 i = tailSize - kEndOfDirectorySize; i >= 0; --i) {
        if (le32(tail.constData() + i) == kEndOfDirectorySignature) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        return notZip(u"no end of central directory record"_s);
    const char *end = tail.constData() + eocd;
    const quint16 disk = le16(end + 4);
    const quint16 directoryDisk = le16(end + 6);
    const quint16 count = le16(end + 10);
    const quint32 directorySize = le32(end + 12);
    const quint32 directoryOffset = le32(end + 16);
    if (disk != 0 || directoryDisk != 0) {
        return Error::make(
            Error::Kind::Protocol,
            tr("%1 is one part of a split ZIP archive, which cannot be opened.").arg(m_source),
            u"multi-disk archive"_s);
    }
    if (count == 0xffff || directorySize == 0xffffffff || directoryOffset == 0xffffffff) {
        return Error::make(Error::Kind::Protocol,
                           //: %1 a file name; ZIP64 is the format for archives over 4 GB
                           tr("%1 is a ZIP64 archive, which this program cannot open. Use an "
                              "archive tool to extract it.")
                               .arg(m_source),
                           u"ZIP64"_s);
    }
    if (count > m_limits.maxEntries) {
        //: %1 a file name, %2 a number of files
        return Error::make(Error::Kind::Protocol,
                           tr("%1 holds more than %2 files; it was not opened.")
                               .arg(m_source)
                               .arg(m_limits.maxEntries),
                           u"too many entries: %1"_s.arg(count));
    }
    const qint64 endOffset = fileSize - tailSize + eocd;
    if (qint64(directoryOffset) + directorySize > endOffset)
        return notZip(u"central directory beyond its end record"_s);

    QByteArray directory(directorySize, Qt::Uninitialized);
    if (!readExactly(m_device.get(), directoryOffset, directory.data(), directorySize))
        return notZip(u"cannot read the central directory"_s);

    QList<ZipEntry> entries;
    QSet<QString> paths;
    qint64 pos = 0;
    for (int i = 0; i < count; ++i) {
        if (pos + 46 > directory.size())
            return notZip(u"central directory truncated at entry %1"_s.arg(i));
        const char *h = directory.constData() + pos;
        if (le32(h) != kCentralHeaderSignature)
            return notZip(u"bad central header signature at entry %1"_s.arg(i));
        ZipEntry e;
        e.flags = le16(h + 8);
        e.method = le16(h + 10);
        e.modified = dosDateTime(le16(h + 14), le16(h + 12));
        e.crc = le32(h + 16);
        e.compressedSize = le32(h + 20);
        e.size = le32(h + 24);
        const quint16 nameLength = le16(h + 28);
        const quint16 extraLength = le16(h + 30);
        const quint16 commentLength = le16(h + 32);
        const quint32 externalAttributes = le32(h + 38);
        e.localHeaderOffset = le32(h + 42);
        const qint64 next = pos + 46 + nameLength + extraLength + commentLength;
        if (next > directory.size())
            return notZip(u"central directory truncated at entry %1"_s.arg(i));
        const QByteArray rawName = directory.mid(pos + 46, nameLength);
        pos = next;

        if (rawName.contains('\0')) {
            e.name = QString::fromLatin1(rawName).replace(QChar(0), u"\\0"_s);
            e.problem = tr("its name contains a NUL character");
        } else {
            e.name = decodeName(rawName, e.flags);
        }
        e.isDirectory = e.name.endsWith(u'/') || e.name.endsWith(u'\\');
        const quint32 unixMode = externalAttributes >> 16;
        const bool isLink = (unixMode & 0170000) == 0120000;

        if (e.problem.isEmpty()) {
            QString why;
            e.path = sanitizedPath(e.name, &why);
            if (e.path.isEmpty())
                e.problem = why;
        }
        if (e.problem.isEmpty() && isLink)
            e.problem = tr("it is a symbolic link");
        if (e.problem.isEmpty() && (e.flags & kFlagEncrypted))
            e.problem = tr("it is encrypted");
        if (e.problem.isEmpty() && !e.isDirectory && e.method != kMethodStored &&
            e.method != kMethodDeflate) {
            //: %1 a ZIP compression method number
            e.problem = tr("it uses compression method %1, which is not supported").arg(e.method);
        }
        if (e.problem.isEmpty() && e.compressedSize == 0xffffffff)
            e.problem = tr("it needs ZIP64, which is not supported");
        if (e.problem.isEmpty() && e.localHeaderOffset + e.compressedSize > directoryOffset)
            e.problem = tr("its data lies outside the archive");
        if (e.problem.isEmpty() && !e.isDirectory) {
            if (e.size > m_limits.maxEntryBytes) {
                e.problem = tr("it would unpack to more than the allowed size");
            } else if (e.size > m_limits.ratioFloorBytes &&
                       double(e.size) >
                           m_limits.maxRatio * double(qMax<qint64>(1, e.compressedSize))) {
                e.problem = tr("it is compressed suspiciously well (a possible ZIP bomb)");
            }
        }
        if (e.problem.isEmpty() && !e.isDirectory) {
            // Two entries for one file (or one differing only in case, on some systems) would
            // silently replace each other.
            const QString folded = e.path.toCaseFolded();
            if (paths.contains(folded))
                e.problem = tr("another entry has the same name");
            paths.insert(folded);
        }
        entries.append(e);
    }
    m_entries = entries;
    m_directoryOffset = directoryOffset;
    qCDebug(lcZip) << "opened" << m_source << "with" << m_entries.size() << "entries";
    return {};
}

QString ZipReader::sanitizedPath(const QString &name, QString *problem)
{
    const auto refuse = [problem](const QString &why) {
        if (problem)
            *problem = why;
        return QString();
    };
    for (const QChar c : name) {
        if (c.unicode() == 0)
            return refuse(tr("its name contains a NUL character"));
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return refuse(tr("its name contains a control character"));
    }
    QString n = name;
    n.replace(u'\\', u'/');
    // "C:/x" and "//server/share/x" name places outside the folder; keep only the inside part.
    if (n.size() >= 3 && n.at(1) == u':' && n.at(2) == u'/' && n.at(0).isLetter())
        n.remove(0, 2);
    QStringList kept;
    const QStringList segments = n.split(u'/');
    for (QString segment : segments) {
        if (segment.isEmpty() || segment == "."_L1)
            continue;
        if (segment == ".."_L1)
            return refuse(tr("its name climbs out of the folder (\"..\")"));
        for (QChar &c : segment) {
            if (QStringView(u":*?\"<>|").contains(c))
                c = u'_';
        }
        // Windows drops trailing dots and spaces, which could make "a." collide with "a".
        while (segment.endsWith(u'.') || segment.endsWith(u' '))
            segment.chop(1);
        if (segment.isEmpty())
            return refuse(tr("its name has an empty part"));
        kept << segment;
    }
    if (kept.isEmpty())
        return refuse(tr("its name is empty"));
    if (problem)
        problem->clear();
    return kept.join(u'/');
}

Error ZipReader::dataOffset(const ZipEntry &entry, qint64 *offset) const
{
    char header[30];
    if (!readExactly(m_device.get(), entry.localHeaderOffset, header, sizeof header) ||
        le32(header) != kLocalHeaderSignature) {
        //: %1 an entry name in a ZIP archive
        return Error::make(
            Error::Kind::Protocol,
            tr("The archive is damaged: the entry %1 cannot be found.").arg(entry.name),
            u"bad local header for "_s + entry.name);
    }
    *offset = entry.localHeaderOffset + 30 + le16(header + 26) + le16(header + 28);
    if (*offset + entry.compressedSize > m_directoryOffset) {
        return Error::make(
            Error::Kind::Protocol,
            tr("The archive is damaged: the entry %1 cannot be found.").arg(entry.name),
            u"entry data overlaps the central directory: "_s + entry.name);
    }
    return {};
}

Error ZipReader::extractTo(int index, QIODevice *out) const
{
    if (!isOpen() || index < 0 || index >= m_entries.size())
        return Error::make(Error::Kind::Usage, tr("There is no such entry in the archive."));
    const ZipEntry &entry = m_entries.at(index);
    const auto failed = [&entry](const QString &why, const QString &detail) {
        //: %1 an entry name in a ZIP archive, %2 the reason
        return Error::make(Error::Kind::Protocol,
                           tr("%1 was not extracted: %2").arg(entry.name, why), detail);
    };
    if (!entry.isExtractable())
        return failed(entry.problem, u"refused entry: "_s + entry.name);
    if (entry.isDirectory)
        return {};

    qint64 offset = 0;
    if (const Error e = dataOffset(entry, &offset))
        return e;
    if (!m_device->seek(offset))
        return failed(tr("the archive could not be read"), m_device->errorString());

    // The declared size is a claim: what is actually produced is counted and bounded too.
    const qint64 cap = qMin(entry.size, m_limits.maxEntryBytes);
    qint64 produced = 0;
    qint64 remaining = entry.compressedSize;
    uLong crc = crc32(0L, Z_NULL, 0);
    QByteArray in(kChunk, Qt::Uninitialized);
    QByteArray buffer(kChunk, Qt::Uninitialized);

    const auto emitBytes = [&](const char *data, qint64 size) -> Error {
        produced += size;
        if (produced > cap) {
            return failed(tr("it unpacks to more than it declares (a possible ZIP bomb)"),
                          u"inflated beyond %1 bytes"_s.arg(cap));
        }
        crc = crc32(crc, reinterpret_cast<const Bytef *>(data), uInt(size));
        if (out->write(data, size) != size)
            return failed(tr("writing failed: %1").arg(out->errorString()), out->errorString());
        return {};
    };

    if (entry.method == kMethodStored) {
        if (entry.compressedSize != entry.size)
            return failed(tr("its sizes do not agree"), u"stored entry size mismatch"_s);
        while (remaining > 0) {
            const qint64 n = m_device->read(in.data(), qMin(remaining, kChunk));
            if (n <= 0)
                return failed(tr("the archive ends early"), u"short read"_s);
            remaining -= n;
            if (const Error e = emitBytes(in.constData(), n))
                return e;
        }
    } else {
        z_stream zs;
        std::memset(&zs, 0, sizeof zs);
        // Negative window bits: raw deflate, as ZIP stores it (no zlib header).
        if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
            return failed(tr("the decompressor could not start"), u"inflateInit2 failed"_s);
        struct Guard
        {
            z_stream *zs;
            ~Guard() { inflateEnd(zs); }
        } guard{&zs};
        int status = Z_OK;
        while (status != Z_STREAM_END) {
            if (zs.avail_in == 0) {
                if (remaining <= 0)
                    return failed(tr("its compressed data ends early"), u"truncated deflate"_s);
                const qint64 n = m_device->read(in.data(), qMin(remaining, kChunk));
                if (n <= 0)
                    return failed(tr("the archive ends early"), u"short read"_s);
                remaining -= n;
                zs.next_in = reinterpret_cast<Bytef *>(in.data());
                zs.avail_in = uInt(n);
            }
            zs.next_out = reinterpret_cast<Bytef *>(buffer.data());
            zs.avail_out = uInt(buffer.size());
            status = inflate(&zs, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END) {
                return failed(tr("its compressed data is damaged"),
                              u"inflate: %1"_s.arg(QString::fromLatin1(zs.msg ? zs.msg : "?")));
            }
            const qint64 n = buffer.size() - zs.avail_out;
            if (n > 0) {
                if (const Error e = emitBytes(buffer.constData(), n))
                    return e;
            }
        }
    }
    if (produced != entry.size) {
        return failed(tr("it unpacks to a different size than it declares"),
                      u"size %1, declared %2"_s.arg(produced).arg(entry.size));
    }
    if (crc != entry.crc) {
        return failed(tr("its checksum (CRC-32) does not match: the archive is damaged"),
                      u"crc %1, declared %2"_s.arg(quint32(crc), 8, 16, QChar(u'0'))
                          .arg(entry.crc, 8, 16, QChar(u'0')));
    }
    return {};
}

Result<QByteArray> ZipReader::read(int index) const
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (const Error e = extractTo(index, &buffer))
        return e;
    return data;
}

Result<ZipExtraction> ZipReader::extractAll(const QString &folder) const
{
    if (!isOpen())
        return Error::make(Error::Kind::Usage, tr("No archive is open."));
    qint64 declared = 0;
    for (const ZipEntry &e : m_entries) {
        if (e.isExtractable() && !e.isDirectory)
            declared += e.size;
    }
    if (declared > m_limits.maxTotalBytes) {
        //: %1 a file name
        return Error::make(Error::Kind::Protocol,
                           tr("%1 would unpack to more than the allowed size; nothing was "
                              "extracted.")
                               .arg(m_source),
                           u"declared total %1 bytes"_s.arg(declared));
    }
    if (!QDir().mkpath(folder)) {
        //: %1 a folder path
        return Error::make(Error::Kind::Io, tr("Could not create the folder %1.").arg(folder));
    }
    const QString root = QFileInfo(folder).canonicalFilePath();
    const QDir rootDir(root);

    ZipExtraction result;
    for (int i = 0; i < m_entries.size(); ++i) {
        const ZipEntry &entry = m_entries.at(i);
        const auto skip = [&result, &entry](const QString &why) {
            //: %1 an entry name in a ZIP archive, %2 the reason
            result.skipped << tr("%1 was skipped: %2").arg(entry.name, why);
            qCInfo(lcZip) << "skipped" << entry.name << why;
        };
        if (!entry.isExtractable()) {
            skip(entry.problem);
            continue;
        }
        const QString target = rootDir.filePath(entry.path);
        const QString parent = entry.isDirectory ? target : QFileInfo(target).path();
        if (!QDir().mkpath(parent)) {
            skip(tr("its folder could not be created"));
            continue;
        }
        // A link already in the folder must not carry the file somewhere else.
        const QString realParent = QFileInfo(parent).canonicalFilePath();
        if (realParent != root && !realParent.startsWith(root + u'/')) {
            skip(tr("its folder leads outside the chosen folder"));
            continue;
        }
        if (entry.isDirectory)
            continue;
        if (QFileInfo(target).isSymLink()) {
            skip(tr("a link with its name is in the way"));
            continue;
        }
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly)) {
            skip(file.errorString());
            continue;
        }
        if (const Error e = extractTo(i, &file)) {
            file.cancelWriting();
            result.skipped << e.message;
            continue;
        }
        if (!file.commit()) {
            skip(file.errorString());
            continue;
        }
        result.written << target;
        result.bytes += entry.size;
    }
    return result;
}

} // namespace fbm
