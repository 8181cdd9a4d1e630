#include "viewfilerun.h"

#include "gzipfile.h"
#include "viewprojection.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr qint64 blockSize = 1 << 20;

/// Whole lines of one file.
struct Chunk
{
    qint64 seq = 0;
    int file = 0;
    qint64 firstLine = 1;
    QByteArray data;
};

struct ChunkResult
{
    std::vector<ViewRow> rows;
    QByteArray encoded; ///< the rows as the sink writes them, when it can encode
    qint64 encodedRows = 0;
    qint64 bytes = 0;
    qint64 resources = 0;
    qint64 badCount = 0;
    QList<BadLine> bad;
    QString error;
};

void process(const ViewRunner &runner, const ViewProjection *projection, const RowSink *encoder,
             const Chunk &chunk, const QString &fileName, ChunkResult *out)
{
    QByteArray reduced;
    out->bytes = chunk.data.size();
    const char *p = chunk.data.constData();
    const char *end = p + chunk.data.size();
    qint64 line = chunk.firstLine;
    for (; p < end; ++line) {
        const char *nl = static_cast<const char *>(memchr(p, '\n', size_t(end - p)));
        const char *stop = nl ? nl : end;
        const char *from = p;
        p = nl ? nl + 1 : end;
        while (from < stop && (*from == ' ' || *from == '\t' || *from == '\r'))
            ++from;
        const char *to = stop;
        while (to > from && (to[-1] == '\r' || to[-1] == ' ' || to[-1] == '\t'))
            --to;
        if (from == to)
            continue;
        // Only the members the view reads are parsed. The scanner checks strings and brackets
        // but not the words and numbers it skips; a line it cannot read is parsed whole, so a
        // line that is not JSON is reported as the parser says.
        QJsonParseError e;
        const bool small = projection && projection->reduce(from, to, &reduced);
        const QJsonDocument doc =
            QJsonDocument::fromJson(small ? reduced : QByteArray::fromRawData(from, to - from), &e);
        if (e.error != QJsonParseError::NoError || !doc.isObject()) {
            ++out->badCount;
            if (out->bad.size() < ViewRunOutcome::maxBadLines)
                out->bad.append({fileName, line,
                                 e.error != QJsonParseError::NoError
                                     ? e.errorString()
                                     : ViewFileRun::tr("not a JSON object")});
            continue;
        }
        ++out->resources;
        QString error;
        if (!runner.evaluate(doc.object(), &out->rows, &error)) {
            //: %1 is a file name, %2 a line number, %3 what went wrong
            out->error = ViewFileRun::tr("%1, line %2: %3").arg(fileName).arg(line).arg(error);
            return;
        }
        // Encoded here, on the worker, the rows let go of the parsed document at once.
        if (encoder) {
            for (const ViewRow &row : out->rows)
                encoder->encode(row, &out->encoded);
            out->encodedRows += qint64(out->rows.size());
            out->rows.clear();
        }
    }
}

/// The worker threads: chunks in, results out by sequence number.
class Pool
{
public:
    Pool(const ViewRunner &runner, const ViewProjection *projection, const RowSink *encoder,
         const QStringList &names, int threads)
        : m_runner(runner)
        , m_projection(projection)
        , m_encoder(encoder)
        , m_names(names)
    {
        for (int i = 0; i < threads; ++i)
            m_threads.emplace_back([this] { work(); });
    }
    ~Pool()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
        }
        m_jobsChanged.notify_all();
        for (std::thread &t : m_threads)
            t.join();
    }
    Q_DISABLE_COPY_MOVE(Pool)

    void submit(Chunk chunk)
    {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(chunk));
        }
        m_jobsChanged.notify_one();
    }
    /// The result of chunk \a seq, waiting for it.
    ChunkResult take(qint64 seq)
    {
        std::unique_lock lock(m_mutex);
        m_resultsChanged.wait(lock, [&] { return m_results.count(seq) > 0; });
        ChunkResult r = std::move(m_results.at(seq));
        m_results.erase(seq);
        return r;
    }

private:
    void work()
    {
        while (true) {
            Chunk c;
            {
                std::unique_lock lock(m_mutex);
                m_jobsChanged.wait(lock, [&] { return m_closing || !m_jobs.empty(); });
                if (m_jobs.empty())
                    return;
                c = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            ChunkResult r;
            process(m_runner, m_projection, m_encoder, c, m_names.at(c.file), &r);
            {
                std::lock_guard lock(m_mutex);
                m_results.emplace(c.seq, std::move(r));
            }
            m_resultsChanged.notify_all();
        }
    }

    const ViewRunner &m_runner;
    const ViewProjection *m_projection;
    const RowSink *m_encoder;
    const QStringList &m_names;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_jobsChanged;
    std::condition_variable m_resultsChanged;
    std::deque<Chunk> m_jobs;
    std::map<qint64, ChunkResult> m_results;
    bool m_closing = false;
};

} // namespace

ViewRunOutcome ViewFileRun::run(const ViewRunner &runner, const QStringList &files, RowSink &sink,
                                const ViewRunOptions &options)
{
    ViewRunOutcome outcome;
    const int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    QStringList names;
    for (const QString &f : files)
        names << QFileInfo(f).fileName();
    const RowSink *encoder = sink.canEncode() ? &sink : nullptr;
    const ViewProjection reading(runner.view());
    const ViewProjection *projection = reading.keepsAll() ? nullptr : &reading;
    std::unique_ptr<Pool> pool;
    if (threads > 1)
        pool = std::make_unique<Pool>(runner, projection, encoder, names, threads);
    const qint64 maxInFlight = qint64(threads) * 2;
    qint64 submitted = 0, delivered = 0;
    bool failed = false;

    const auto consume = [&](ChunkResult r) {
        outcome.bytes += r.bytes;
        outcome.resources += r.resources;
        outcome.badLineCount += r.badCount;
        for (const BadLine &b : std::as_const(r.bad)) {
            if (outcome.badLines.size() < ViewRunOutcome::maxBadLines)
                outcome.badLines.append(b);
        }
        if (!r.encoded.isEmpty() && !failed) {
            if (!sink.writeEncoded(r.encoded)) {
                failed = true;
                outcome.error = Error::make(Error::Kind::Io, tr("The rows could not be written."));
            }
            outcome.rows += r.encodedRows;
        }
        for (const ViewRow &row : r.rows) {
            if (failed)
                break;
            if (!sink.writeRow(row)) {
                failed = true;
                outcome.error = Error::make(Error::Kind::Io, tr("The rows could not be written."));
            }
            ++outcome.rows;
        }
        if (!r.error.isEmpty() && !failed) {
            failed = true;
            outcome.error = Error::make(Error::Kind::Usage, r.error);
        }
        if (options.progress)
            options.progress(outcome.bytes, outcome.rows);
    };
    const auto handOver = [&](Chunk c) {
        if (!pool) {
            ChunkResult r;
            process(runner, projection, encoder, c, names.at(c.file), &r);
            consume(std::move(r));
            return;
        }
        while (submitted - delivered >= maxInFlight && !failed)
            consume(pool->take(delivered++));
        c.seq = submitted++;
        pool->submit(std::move(c));
    };

    for (int f = 0; f < files.size() && !failed; ++f) {
        const std::unique_ptr<QIODevice> in = openDecoded(files.at(f));
        if (!in) {
            //: %1 is a file name
            outcome.error = Error::make(Error::Kind::Io, tr("Cannot open %1.").arg(files.at(f)));
            failed = true;
            break;
        }
        QByteArray carry;
        qint64 line = 1;
        while (!failed) {
            if (options.stop && options.stop->load()) {
                outcome.stopped = true;
                failed = true;
                break;
            }
            QByteArray block = carry;
            const qsizetype had = block.size();
            block.resize(had + blockSize);
            const qint64 n = in->read(block.data() + had, blockSize);
            if (n < 0) {
                //: %1 is a file name, %2 the system's reason
                outcome.error = Error::make(
                    Error::Kind::Io, tr("Cannot read %1: %2").arg(files.at(f), in->errorString()));
                failed = true;
                break;
            }
            block.resize(had + n);
            if (n == 0) {
                if (!block.isEmpty())
                    handOver(Chunk{0, f, line, block});
                break;
            }
            const qsizetype last = block.lastIndexOf('\n');
            if (last < 0) {
                carry = block;
                continue;
            }
            carry = block.mid(last + 1);
            block.truncate(last + 1);
            const qint64 lines = std::count(block.cbegin(), block.cend(), '\n');
            handOver(Chunk{0, f, line, std::move(block)});
            line += lines;
        }
    }
    while (pool && delivered < submitted) {
        ChunkResult r = pool->take(delivered++);
        if (!failed)
            consume(std::move(r));
    }
    return outcome;
}

QStringList ViewFileRun::filesOf(const QString &folder, const QString &resourceType, QString *error)
{
    const QDir dir(folder);
    if (!dir.exists() || !QFileInfo(folder).isReadable()) {
        //: %1 is a folder
        *error = tr("Cannot read the folder %1.").arg(folder);
        return {};
    }
    const QRegularExpression name(
        u"^%1(?:\\.(\\d+))?\\.ndjson(?:\\.gz)?$"_s.arg(QRegularExpression::escape(resourceType)));
    std::vector<std::pair<qint64, QString>> found;
    const QStringList entries = dir.entryList(QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &e : entries) {
        const QRegularExpressionMatch m = name.match(e);
        if (m.hasMatch())
            found.emplace_back(m.captured(1).toLongLong(), dir.filePath(e));
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList files;
    for (const auto &f : found)
        files << f.second;
    return files;
}

} // namespace fbm
