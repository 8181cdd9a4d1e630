#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThreadPool;

namespace fbm {

class ContentDecoder;

/// The threads that read data files for the views (overview, index, filter): a pool of their
/// own, so that a long read never holds up the downloads' counting on the global pool.
[[nodiscard]] QThreadPool *dataThreadPool();

/// One line of an NDJSON file, as NdjsonReader hands it over.
struct NdjsonLine
{
    QByteArrayView text;  ///< without its line feed and a carriage return before it
    qint64 offset = 0;    ///< of its first byte in the (decoded) file
    qint64 length = 0;    ///< bytes up to its line feed (the carriage return included)
    qint64 number = 0;    ///< 1-based, blank lines counted, as an editor numbers them
    bool tooLong = false; ///< longer than NdjsonReader::kMaxLine: text is empty
};

/**
 * Reads an NDJSON file, plain or `.gz`, in large blocks and hands over each line that is not
 * blank. Memory stays flat: one block, plus the part of a line that spans two blocks; a line
 * longer than kMaxLine is reported as such (tooLong) and skipped rather than held. Runs on any
 * thread; checks \a stop between blocks.
 */
class NdjsonReader
{
    Q_DECLARE_TR_FUNCTIONS(fbm::NdjsonReader)
    Q_DISABLE_COPY_MOVE(NdjsonReader)

public:
    static constexpr qsizetype kBlock = 4 << 20;
    static constexpr qsizetype kMaxLine = 64 << 20;

    using LineFn = std::function<void(const NdjsonLine &line)>;
    /// Bytes of the file on disk read so far (compressed bytes for `.gz`).
    using ProgressFn = std::function<void(qint64 rawBytes)>;

    explicit NdjsonReader(const QString &path);
    ~NdjsonReader();

    /// Reads the whole file. False when it could not be read to its end (errorString() says
    /// why) or \a stop was set (stopped()).
    bool read(const LineFn &onLine, const std::atomic_bool *stop = nullptr,
              const ProgressFn &progress = {});

    /// Before read(): each decoded block also goes to \a copy (false from it stops the read
    /// with an error), e.g. into a plain file while reading a `.gz`.
    void setDecodedCopy(std::function<bool(const char *data, qint64 size)> copy)
    {
        m_copy = std::move(copy);
    }

    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] bool stopped() const { return m_stopped; }
    /// Decoded bytes seen (the file's size when plain).
    [[nodiscard]] qint64 decodedBytes() const { return m_decoded; }

private:
    void take(const char *data, qint64 size, const LineFn &onLine);
    void emitLine(const char *data, qint64 size, const LineFn &onLine);

    QFile m_file;
    std::function<bool(const char *data, qint64 size)> m_copy;
    bool m_copyFailed = false;
    bool m_gzip = false;
    QString m_error;
    bool m_stopped = false;
    QByteArray m_carry;      ///< the start of a line that continues in the next block
    bool m_skipping = false; ///< inside a line already reported as too long
    qint64 m_lineStart = 0;  ///< decoded offset of the line being assembled
    qint64 m_decoded = 0;
    qint64 m_number = 0;
};

} // namespace fbm
