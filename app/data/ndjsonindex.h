#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace fbm {

/**
 * Where each resource of one NDJSON file starts, found in the background so that a file of
 * gigabytes can be browsed at once: the lines that are not blank, in order, as byte offsets
 * (8 bytes a line: 8 MB per million resources). The offsets come in batches (linesAdded())
 * while the scan goes on, the first as soon as the first block is read.
 *
 * A `.gz` file is decompressed once, while it is indexed, into a temporary file next to the
 * system's other temporary files (as large as the data it holds), removed when the index
 * goes: random access into a gzip stream would otherwise mean decompressing from its start
 * for every row.
 *
 * search() finds the lines that hold a text, also in the background, in batches of row
 * numbers (matchesFound()).
 */
class NdjsonIndex final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NdjsonIndex)
public:
    explicit NdjsonIndex(QObject *parent = nullptr);
    /// Stops the scans; a worker that is still reading notices within one block.
    ~NdjsonIndex() override;

    /// Starts indexing \a path (plain or `.gz`; empty: none), dropping what was indexed before.
    void start(const QString &path);
    /// Stops the scans (finished() comes with ok false).
    void cancel();

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] qint64 lineCount() const { return qint64(m_offsets.size()); }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] bool isRunning() const { return !m_path.isEmpty() && !m_finished; }
    /// Why the scan failed (empty: it did not).
    [[nodiscard]] QString errorString() const { return m_error; }

    /// The bytes of line \a row (read from the file now: a seek and one read), without the
    /// line feed; empty when \a row is out of range or the file cannot be read.
    [[nodiscard]] QByteArray line(qint64 row);

    /**
     * Finds the rows whose text holds \a text (ASCII letters case-insensitive, other
     * characters as they are) in the background once the index is finished; a new search
     * stops the previous one. Empty text: no search.
     */
    void search(const QString &text);
    [[nodiscard]] bool isSearching() const { return m_searching; }

Q_SIGNALS:
    /// Rows first..last are indexed.
    void linesAdded(qint64 first, qint64 last);
    /// Bytes of the file read so far (compressed bytes for `.gz`) of its size.
    void progress(qint64 done, qint64 total);
    void finished(bool ok);
    /// More rows that hold the searched text, ascending, after those found before.
    void matchesFound(const QList<qint64> &rows);
    void searchFinished();

private:
    struct Scan;
    void addBatch(const std::vector<qint64> &offsets, qint64 end);
    void onScanEnded(bool ok, const QString &error);
    void startSearch();
    [[nodiscard]] QString readablePath() const;

    QString m_path;
    std::shared_ptr<Scan> m_scan;   ///< shared with the worker reading the file
    std::shared_ptr<Scan> m_search; ///< the same for the running search
    std::vector<qint64> m_offsets;
    qint64 m_end = 0; ///< where the last indexed line ends
    bool m_finished = false;
    QString m_error;
    QFile m_file; ///< the readable file, for line()
    QString m_searchText;
    bool m_searching = false;
};

} // namespace fbm
