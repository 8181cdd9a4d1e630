#pragma once

#include "contentdecoder.h"

#include <QFile>
#include <QIODevice>
#include <QString>

#include <atomic>
#include <memory>

namespace fbm {

/// What came of gzipFile().
struct GzipOutcome
{
    int error = 0;        ///< errno of a read or write that failed (0: none)
    bool reading = false; ///< the error was reading the source, not writing the copy
    bool stopped = false; ///< \a stop was set before the end
    qint64 bytes = 0;     ///< the compressed file's size
    [[nodiscard]] bool ok() const { return error == 0 && !stopped; }
};

/// Compresses \a from into \a to (created or emptied) as one gzip member, level 6, streaming
/// in 256 KiB pieces so that memory stays flat whatever the size. Nothing is removed or renamed:
/// the caller owns both files. Checks \a stop between pieces (runs on a thread of its own).
[[nodiscard]] GzipOutcome gzipFile(const QString &from, const QString &to,
                                   const std::atomic_bool &stop);

/// Reads a gzip file as the bytes it holds (a sequential device: readLine(), readAll()); a
/// corrupt or truncated file ends with read() returning -1 and errorString() saying so.
class GzipReader final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GzipReader)
public:
    explicit GzipReader(const QString &path, QObject *parent = nullptr);
    ~GzipReader() override;

    bool open(OpenMode mode) override;
    void close() override;
    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] bool atEnd() const override;
    [[nodiscard]] qint64 bytesAvailable() const override;
    /// The file ended cleanly (false while reading, or after damage).
    [[nodiscard]] bool complete() const { return m_ended && !m_failed; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    bool fill();

    QFile m_file;
    std::unique_ptr<ContentDecoder> m_decoder;
    QByteArray m_pending; ///< decoded, not read yet
    qsizetype m_offset = 0;
    bool m_ended = false; ///< the file is read to its end
    bool m_failed = false;
};

/// Whether \a path names a gzip file of ours (`.gz`).
[[nodiscard]] bool isGzipPath(const QString &path);
/// Opens \a path for reading as the NDJSON it holds: a GzipReader for `.gz`, else the file;
/// null when it cannot be opened.
[[nodiscard]] std::unique_ptr<QIODevice> openDecoded(const QString &path);

} // namespace fbm
