#include "ndjsonindex.h"

#include "gzipfile.h"
#include "ndjsonreader.h"

#include <QByteArrayMatcher>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QThreadPool>

#include <atomic>
#include <mutex>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

/// A batch goes to the GUI thread at most this often (and the first one at once).
constexpr qint64 kBatchMs = 100;

QByteArrayView lowerAscii(QByteArrayView text, QByteArray &buffer)
{
    buffer.resize(text.size());
    char *out = buffer.data();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        out[i] = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    }
    return buffer;
}

} // namespace

/// What the GUI thread and a worker share: the stop flag, and the decompressed copy of a
/// `.gz` (removed when neither needs it any more).
struct NdjsonIndex::Scan
{
    std::atomic_bool cancel = false;
    QString plain; ///< the file lines are read from
    bool temporary = false;
    std::shared_ptr<Scan> keep; ///< a search keeps the index's copy alive
    /// Who gets the results; null once it no longer wants them (it may be gone).
    NdjsonIndex *owner = nullptr;
    std::mutex mutex;

    /// Runs \a f on the owner's thread, unless the owner has let go of this scan.
    template<typename F> void post(F &&f)
    {
        const std::lock_guard lock(mutex);
        if (owner)
            QMetaObject::invokeMethod(owner, std::forward<F>(f), Qt::QueuedConnection);
    }
    void detach()
    {
        cancel = true;
        const std::lock_guard lock(mutex);
        owner = nullptr;
    }
    ~Scan()
    {
        if (temporary)
            QFile::remove(plain);
    }
};

NdjsonIndex::NdjsonIndex(QObject *parent)
    : QObject(parent)
{}

NdjsonIndex::~NdjsonIndex()
{
    cancel();
}

void NdjsonIndex::cancel()
{
    if (m_scan)
        m_scan->detach();
    if (m_search)
        m_search->detach();
    m_search.reset();
    m_searching = false;
    if (isRunning())
        onScanEnded(false, {});
}

QString NdjsonIndex::readablePath() const
{
    return m_scan ? m_scan->plain : QString();
}

void NdjsonIndex::start(const QString &path)
{
    cancel();
    m_file.close();
    m_offsets.clear();
    m_offsets.shrink_to_fit();
    m_end = 0;
    m_error.clear();
    m_finished = false;
    m_path = path;
    m_scan.reset();
    if (path.isEmpty()) {
        m_finished = true;
        return;
    }
    auto scan = std::make_shared<Scan>();
    scan->owner = this;
    scan->plain = path;
    if (isGzipPath(path)) {
        QTemporaryFile copy(QDir::temp().filePath(u"fbm-browse-XXXXXX.ndjson"_s));
        copy.setAutoRemove(false);
        if (!copy.open()) {
            m_scan = scan;
            //: %1 is the system's reason
            onScanEnded(false, tr("No room for a decompressed copy: %1").arg(copy.errorString()));
            return;
        }
        scan->plain = copy.fileName();
        scan->temporary = true;
    }
    m_scan = scan;
    dataThreadPool()->start([this, scan, path] {
        NdjsonReader reader(path);
        QFile copy;
        if (scan->temporary) {
            copy.setFileName(scan->plain);
            // Unbuffered: the bytes of a line are in the file before its offset is posted.
            if (copy.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
                reader.setDecodedCopy([&copy](const char *data, qint64 size) {
                    return copy.write(data, size) == size;
                });
        }
        std::vector<qint64> batch;
        qint64 end = 0;
        bool first = true;
        QElapsedTimer since;
        since.start();
        const qint64 total = QFileInfo(path).size();
        const auto post = [&] {
            scan->post([this, scan, b = std::move(batch), end] {
                if (m_scan == scan)
                    addBatch(b, end);
            });
            batch = {};
            first = false;
            since.restart();
        };
        const bool ok = reader.read(
            [&](const NdjsonLine &line) {
                batch.push_back(line.offset);
                end = line.offset + line.length;
            },
            &scan->cancel,
            [&](qint64 raw) {
                if (batch.empty() || (!first && since.elapsed() < kBatchMs))
                    return;
                post();
                scan->post([this, scan, raw, total] {
                    if (m_scan == scan)
                        Q_EMIT progress(raw, total);
                });
            });
        if (!batch.empty())
            post();
        QString error = ok || reader.stopped() ? QString() : reader.errorString();
        if (copy.isOpen() && !copy.flush() && error.isEmpty())
            error = copy.errorString();
        scan->post([this, scan, ok, error] {
            if (m_scan == scan)
                onScanEnded(ok && error.isEmpty(), error);
        });
    });
}

void NdjsonIndex::addBatch(const std::vector<qint64> &offsets, qint64 end)
{
    if (offsets.empty())
        return;
    const qint64 first = lineCount();
    m_offsets.insert(m_offsets.end(), offsets.begin(), offsets.end());
    m_end = end;
    Q_EMIT linesAdded(first, lineCount() - 1);
}

void NdjsonIndex::onScanEnded(bool ok, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (ok && !m_searchText.isEmpty())
        startSearch();
    Q_EMIT finished(ok);
}

QByteArray NdjsonIndex::line(qint64 row)
{
    if (row < 0 || row >= lineCount())
        return {};
    const qint64 from = m_offsets[size_t(row)];
    const qint64 to = row + 1 < lineCount() ? m_offsets[size_t(row) + 1] : m_end;
    if (to - from > NdjsonReader::kMaxLine)
        return {};
    if (!m_file.isOpen()) {
        m_file.setFileName(readablePath());
        if (!m_file.open(QIODevice::ReadOnly))
            return {};
    }
    if (!m_file.seek(from))
        return {};
    QByteArray bytes = m_file.read(to - from);
    // The line feed, and any blank lines before the next resource.
    while (!bytes.isEmpty() && (bytes.back() == '\n' || bytes.back() == '\r' ||
                                bytes.back() == ' ' || bytes.back() == '\t'))
        bytes.chop(1);
    return bytes;
}

void NdjsonIndex::search(const QString &text)
{
    if (m_search)
        m_search->detach();
    m_search.reset();
    m_searching = false;
    m_searchText = text;
    if (!text.isEmpty() && m_finished && m_error.isEmpty() && m_scan)
        startSearch();
}

void NdjsonIndex::startSearch()
{
    auto scan = std::make_shared<Scan>();
    scan->plain = m_scan->plain;
    scan->keep = m_scan;
    scan->owner = this;
    m_search = scan;
    m_searching = true;
    QByteArray needle;
    QByteArray lowered = m_searchText.toUtf8();
    needle = lowerAscii(lowered, needle).toByteArray();
    dataThreadPool()->start([this, scan, needle] {
        NdjsonReader reader(scan->plain);
        const QByteArrayMatcher matcher(needle);
        QList<qint64> batch;
        QByteArray buffer;
        qint64 row = 0;
        bool first = true;
        QElapsedTimer since;
        since.start();
        const auto post = [&] {
            scan->post([this, scan, b = std::move(batch)] {
                if (m_search == scan)
                    Q_EMIT matchesFound(b);
            });
            batch = {};
            first = false;
            since.restart();
        };
        reader.read(
            [&](const NdjsonLine &line) {
                if (matcher.indexIn(lowerAscii(line.text, buffer)) >= 0)
                    batch.append(row);
                ++row;
            },
            &scan->cancel,
            [&](qint64) {
                if (!batch.isEmpty() && (first || since.elapsed() >= kBatchMs))
                    post();
            });
        if (!batch.isEmpty())
            post();
        scan->post([this, scan] {
            if (m_search != scan)
                return;
            m_searching = false;
            Q_EMIT searchFinished();
        });
    });
}

} // namespace fbm
