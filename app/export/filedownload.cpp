#include "filedownload.h"

#include "binaryresource.h"
#include "bufferpool.h"
#include "clock.h"
#include "downloadproblems.h"
#include "gzipfile.h"
#include "httpclient.h"
#include "operationoutcome.h"
#include "retrypolicy.h"
#include "transfer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr qint64 kChunk = 256 << 10;
// What the network layer may hold for us before libcurl is paused (and TCP flow control makes
// the server wait). Without a bound memory would grow with the file whenever the disk is slower
// than the network (280 MiB for a 1 GiB file once); 1 MiB keeps a loopback nginx at full speed.
constexpr qint64 kReadBuffer = 1 << 20;
// A Binary JSON answer must be decoded in memory; beyond this it is refused, not decoded.
constexpr qint64 kMaxBinaryJson = qint64(1) << 30;

} // namespace

LineCounter countLinesOfFile(const QString &path, LineCounter counter, bool *ok)
{
    // A .gz (a compressed output) counts as the lines it holds.
    std::unique_ptr<QIODevice> f;
    if (isGzipPath(path)) {
        f = openDecoded(path);
    } else {
        auto plain = std::make_unique<QFile>(path);
        if (plain->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            f = std::move(plain);
    }
    if (!f) {
        if (ok)
            *ok = false;
        return counter;
    }
    QByteArray buf(kChunk, Qt::Uninitialized);
    bool read = true;
    for (;;) {
        const qint64 n = f->read(buf.data(), buf.size());
        if (n < 0)
            read = false;
        if (n <= 0)
            break;
        counter.feed(buf.constData(), n);
    }
    if (ok)
        *ok = read;
    return counter;
}

FileTarget FileTarget::of(const ExportFile &file)
{
    return {file.kind,         file.type,          file.url,
            file.relativePath, file.expectedCount, file.discardPart};
}

FileDownload::FileDownload(HttpClient *client, FileTarget file, QString folder, Options options,
                           std::function<void(const ActivityEntry &)> log, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_file(std::move(file))
    , m_folder(std::move(folder))
    , m_options(options)
    , m_log(std::move(log))
{}

FileDownload::~FileDownload()
{
    if (m_transfer) {
        m_transfer->disconnect(this);
        m_transfer->abort(QString());
    }
    if (m_compressor) {
        // Stopped between two pieces: the plain .part stays, and a next start compresses again.
        m_stopCompressing = true;
        m_compressor->disconnect(this);
        m_compressor->wait();
        delete m_compressor;
        QFile::remove(finalPath() + u".part"_s);
    }
}

QString FileDownload::finalPath() const
{
    return QDir(m_folder).filePath(m_file.relativePath);
}

bool FileDownload::compresses() const
{
    return isGzipPath(m_file.relativePath);
}

QString FileDownload::partPathOf(const QString &finalPath)
{
    return (isGzipPath(finalPath) ? finalPath.chopped(3) : finalPath) + u".part"_s;
}

void FileDownload::start()
{
    if (const QString scheme = m_file.url.scheme().toLower();
        !m_file.url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1)) {
        fail(Error::make(Error::Kind::Protocol,
                         tr("The manifest gave no HTTP(S) address for this file; it is not "
                            "fetched.")));
        return;
    }
    const QString part = partPath();
    if (!QDir().mkpath(QFileInfo(part).absolutePath())) {
        fail(Error::make(Error::Kind::Io,
                         //: %1 is a folder
                         tr("Cannot create the folder %1.").arg(QFileInfo(part).absolutePath())));
        return;
    }
    m_part.setFileName(part);
    m_resumeFrom = 0;
    if (const QFileInfo found(part); found.exists() && found.size() > 0) {
        if (m_file.discardPart) {
            logNote(tr("The saved part of %1 failed verification; it is downloaded again from the "
                       "start.")
                        .arg(m_file.relativePath));
        } else if (m_options.partsFrom.isValid() && found.lastModified() < m_options.partsFrom) {
            // Resuming it would glue another export's bytes to the front of this one's file.
            logNote(tr("%1 was left in the folder by an earlier export; it is downloaded again "
                       "from the start.")
                        .arg(found.fileName()));
        } else {
            m_resumeFrom = found.size();
        }
    }
    m_file.discardPart = false;
    m_outcome.discardPart = false;
    // A .part not resumed is emptied, but a new (empty) file is not truncated: on ext4 a
    // truncation to zero makes the close start writing the whole file out (auto_da_alloc), and a
    // GiB then took half a second longer to save.
    if (!m_part.open(QIODevice::ReadWrite | QIODevice::Unbuffered) ||
        (m_resumeFrom == 0 && m_part.size() > 0 && !m_part.resize(0))) {
        fail(Error::make(Error::Kind::Io,
                         //: %1 is a file, %2 the system's reason
                         tr("Cannot write %1: %2").arg(part, m_part.errorString())));
        return;
    }
    m_counter.reset(freshCounter());
    if (m_resumeFrom > 0 && m_options.verify)
        m_counter.reset(countLinesOfFile(part, freshCounter()));
    m_part.seek(m_resumeFrom);

    HttpCall call;
    call.url = m_file.url;
    call.withAuth = m_options.withToken;
    call.timeoutMs = m_options.timeoutMs;
    call.headers.append({"Accept"_ba, "application/fhir+ndjson"_ba});
    call.readBufferSize = kReadBuffer;
    // The body is decoded here, not by the network library: what a .part holds is always the
    // decoded file, and a compressed body is bounded by the decoder's limits.
    if (m_resumeFrom > 0) {
        // Byte offsets only mean something in the unencoded representation.
        call.headers.append(
            {"Range"_ba, QByteArray("bytes=" + QByteArray::number(m_resumeFrom) + "-")});
        call.headers.append({"Accept-Encoding"_ba, "identity"_ba});
    } else {
        call.headers.append({"Accept-Encoding"_ba, "gzip, deflate"_ba});
    }
    call.log = m_log;
    m_transfer = m_client->stream(call);
    connect(m_transfer, &Transfer::responseStarted, this, &FileDownload::onResponseStarted);
    connect(m_transfer, &Transfer::readyRead, this, &FileDownload::onReadyRead);
    connect(m_transfer, &Transfer::finished, this, &FileDownload::onFinished);
    m_transfer->start();
}

void FileDownload::abort(const QString &why)
{
    if (m_transfer) {
        m_transfer->abort(why);
    } else if (m_compressor) {
        m_abortReason = why;
        m_stopCompressing = true; // onCompressed() reports it
    }
}

void FileDownload::onResponseStarted(int status)
{
    m_accepting = false;
    m_encodingName = m_transfer->header("Content-Encoding").trimmed();
    const auto named = ContentDecoder::encodingOf(m_encodingName);
    const bool success = status == 200 || status == 206;
    if (success && !named) {
        m_contentError = Error::make(
            Error::Kind::Protocol,
            //: %1 is a Content-Encoding such as br
            tr("The server sent the file compressed as \"%1\", which this program cannot read; "
               "it was not saved.")
                .arg(QString::fromLatin1(m_encodingName.left(40))));
        m_transfer->abort(m_contentError.message);
        return;
    }
    m_encoding = named.value_or(ContentDecoder::Encoding::Identity);
    if (status == 206 && m_encoding != ContentDecoder::Encoding::Identity) {
        // Asked for the rest of the decoded file, and given a part of a compressed one: its
        // bytes do not continue the .part. Start the file over (once).
        if (m_restarts == 0) {
            m_restartFromZero = true;
            m_transfer->abort(tr("The server answered the request for the rest of the file with "
                                 "a compressed part; the download starts over."));
            return;
        }
        m_contentError = Error::make(Error::Kind::Protocol,
                                     tr("The server sends a compressed part of the file where "
                                        "the whole file was asked for; it was not saved."),
                                     {}, 206, true);
        m_transfer->abort(m_contentError.message);
        return;
    }
    if (status == 200) {
        if (m_resumeFrom > 0) {
            // The server ignored Range: start over, or the file would hold the beginning twice.
            m_part.resize(0);
            m_part.seek(0);
            m_resumeFrom = 0;
            m_counter.reset(freshCounter());
        }
        m_accepting = true;
    } else if (status == 206) {
        const QByteArray range = m_transfer->header("Content-Range");
        if (!range.startsWith(QByteArray("bytes " + QByteArray::number(m_resumeFrom) + "-"))) {
            // Not the part we asked for; throw the .part away and start over next time.
            m_part.resize(0);
            m_resumeFrom = 0;
            m_rangeMismatch = true;
            m_transfer->abort(tr("The server sent a different part of the file than asked for; "
                                 "the download starts over."));
            return;
        }
        m_accepting = true;
    } else if (status == 416 && m_resumeFrom > 0) {
        // Killed after the last byte but before the rename: the server says our offset is the
        // end of the file. Then the .part is complete and only needs verifying and renaming.
        const QByteArray range = m_transfer->header("Content-Range").trimmed();
        m_partComplete = range == QByteArray("bytes */" + QByteArray::number(m_resumeFrom));
    }
    if (m_accepting) {
        const QByteArray type = m_transfer->header("Content-Type").toLower();
        m_binaryJson =
            type.startsWith("application/fhir+json") || type.startsWith("application/json");
        const QByteArray length = m_transfer->header("Content-Length");
        const QByteArray encoding = m_transfer->header("Content-Encoding").toLower();
        m_outcome.totalBytes = (!length.isEmpty() && (encoding.isEmpty() || encoding == "identity"))
                                   ? m_resumeFrom + length.toLongLong()
                                   : -1;
        // The body goes into the .part from where it stands, written (and counted, unless it
        // is a Binary to decode first) by the counter's task.
        m_received = m_resumeFrom;
        std::unique_ptr<ContentDecoder> decoder;
        if (m_encoding != ContentDecoder::Encoding::Identity)
            decoder = std::make_unique<ContentDecoder>(m_encoding, m_options.decodeLimits);
        m_counter.setOutput(m_part.handle(), m_resumeFrom, m_options.verify && !m_binaryJson,
                            std::move(decoder));
    }
}

void FileDownload::onReadyRead()
{
    if (!m_transfer)
        return;
    if (!m_accepting) {
        const QByteArrayView data = m_transfer->peek();
        // An error answer: keep a little of it for the message.
        if (m_buffer.size() < 65536)
            m_buffer.append(data.first(qMin(data.size(), 65536 - m_buffer.size())));
        m_transfer->consume();
        return;
    }
    // Writing and counting go to another thread while this one receives: the transfer hands its
    // block over and receives the next into a block the writer is done with (a few take turns).
    if (const int error = m_counter.writeError()) {
        m_writeError = DownloadProblems::writeFailure(m_part.fileName(), error);
        m_transfer->abort(m_writeError.message);
        return;
    }
    if (const auto failure = m_counter.decodeFailure(); failure != ContentDecoder::Failure::None) {
        m_contentError =
            DownloadProblems::decodeFailure(failure, m_encodingName, m_options.decodeLimits);
        m_transfer->abort(m_contentError.message);
        return;
    }
    QByteArray block = m_transfer->take(m_counter.spare());
    m_counter.start(block);
    m_received += block.size();
    BufferPool::give(std::move(block)); // written already, or the writer lets go of it
    m_outcome.bytes = m_received;
    Q_EMIT progress(m_outcome.bytes, m_outcome.totalBytes, m_counter.linesSoFar());
}

void FileDownload::onFinished(const HttpResponse &response)
{
    m_transfer = nullptr;
    m_counter.wait(); // every block received is in the .part
    if (const int error = m_counter.writeError(); error != 0 && !m_writeError.isError())
        m_writeError = DownloadProblems::writeFailure(m_part.fileName(), error);
    if (m_writeError.isError()) {
        fail(m_writeError);
        return;
    }
    if (const auto failure = m_counter.decodeFailure();
        failure != ContentDecoder::Failure::None && !m_contentError.isError())
        m_contentError =
            DownloadProblems::decodeFailure(failure, m_encodingName, m_options.decodeLimits);
    if (m_contentError.isError()) {
        if (!m_contentError.transient) {
            // Nothing of it is worth resuming (a bomb can have written gigabytes): the disk
            // space goes back now, and a Retry starts over.
            m_part.resize(0);
            m_outcome.discardPart = true;
        }
        fail(m_contentError);
        return;
    }
    if (m_restartFromZero) {
        m_restartFromZero = false;
        ++m_restarts;
        m_part.close();
        m_file.discardPart = true; // start() starts over instead of resuming
        start();
        return;
    }
    if (response.error.isError()) {
        Error e = response.error;
        if (e.kind == Error::Kind::Network)
            e.transient = true;
        if (m_rangeMismatch) {
            e.kind = Error::Kind::Protocol;
            e.transient = true;
        }
        fail(e);
        return;
    }
    if (m_partComplete) {
        m_outcome.totalBytes = m_resumeFrom;
        completeAndFinish();
        return;
    }
    if (!m_accepting) {
        const int status = response.status;
        Error e;
        e.kind = Error::Kind::Http;
        e.httpStatus = status;
        if (status == 404 || status == 410) {
            e.message = tr("The server no longer has this file; it may have expired.");
        } else if (status == 401 || status == 403) {
            e.kind = Error::Kind::Auth;
            //: %1 is the server's explanation
            e.message = tr("The server refused access to this file: %1")
                            .arg(describeErrorBody(status, m_buffer));
        } else if (status == 416) {
            m_part.resize(0); // our .part does not fit the file any more: start over
            e.message =
                tr("The saved part does not fit the file on the server; the download starts over.");
            e.transient = true;
        } else {
            e.message = describeErrorBody(status, m_buffer);
            e.transient = status >= 500 || status == 429 || status == 408;
            // Storage behind pre-signed URLs (S3 "SlowDown", Azure "ServerBusy") says how long.
            e.retryAfterMs =
                parseRetryAfterMs(response.header("Retry-After"), response.header("Date"), now());
        }
        fail(e);
        return;
    }
    if (m_accepting && !m_counter.finishDecoding()) {
        fail(DownloadProblems::decodeFailure(m_counter.decodeFailure(), m_encodingName,
                                             m_options.decodeLimits));
        return;
    }
    completeAndFinish();
}

void FileDownload::completeAndFinish()
{
    if (const Error e = complete(); e.isError()) {
        fail(e);
        return;
    }
    if (compresses()) {
        startCompressing();
        return;
    }
    m_done = true;
    Q_EMIT finished({});
}

void FileDownload::startCompressing()
{
    // Gigabytes take a while: off the thread that runs the engine (and, in the desktop app, the
    // window). The verified .part stays until the .gz is complete under its final name.
    auto outcome = std::make_shared<GzipOutcome>();
    m_stopCompressing = false;
    const QString to = finalPath() + u".part"_s; // a QString, not a builder of a temporary
    m_compressor = QThread::create([from = partPath(), to, outcome, stop = &m_stopCompressing] {
        *outcome = gzipFile(from, to, *stop);
    });
    connect(m_compressor, &QThread::finished, this, [this, outcome] {
        m_compressor->wait(); // finished is sent just before the thread ends
        delete m_compressor;
        m_compressor = nullptr;
        onCompressed(*outcome);
    });
    m_compressor->start();
}

void FileDownload::onCompressed(const GzipOutcome &outcome)
{
    const QString gzPart = finalPath() + u".part"_s;
    m_outcome.bytes = QFileInfo(partPath()).size(); // what a failure keeps
    if (!outcome.ok()) {
        QFile::remove(gzPart); // the space goes back; the plain .part is complete and kept
        if (outcome.stopped) {
            fail(Error::make(Error::Kind::Cancelled, m_abortReason));
            return;
        }
        const QString reason = QString::fromLocal8Bit(strerror(outcome.error));
        if (outcome.reading) {
            //: %1 is a file, %2 the system's reason
            fail(Error::make(Error::Kind::Io, tr("Cannot read %1: %2").arg(partPath(), reason)));
            return;
        }
        //: %1 is a file, %2 the system's reason (e.g. no space left), %3 a file
        fail(Error::make(Error::Kind::Io,
                         tr("Cannot write %1: %2. The downloaded file is kept as %3; free some "
                            "space and choose Retry.")
                             .arg(gzPart, reason, partPath())));
        return;
    }
    const QByteArray from = QFile::encodeName(gzPart);
    const QByteArray to = QFile::encodeName(finalPath());
    if (::rename(from.constData(), to.constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        QFile::remove(gzPart);
        fail(Error::make(Error::Kind::Io,
                         tr("Cannot rename %1 to %2: %3").arg(gzPart, finalPath(), reason)));
        return;
    }
    // Only now: until the .gz is complete under its name, the .part is what a restart resumes.
    QFile::remove(partPath());
    const QFileInfo saved(finalPath());
    m_outcome.bytes = saved.size();
    m_outcome.modifiedMs = saved.lastModified().toMSecsSinceEpoch();
    m_done = true;
    Q_EMIT finished({});
}

LineCounter FileDownload::freshCounter() const
{
    LineCounter counter;
    if (m_options.verify && m_options.validateContent)
        counter.validate(DownloadProblems::expectedType(m_file));
    return counter;
}

Error FileDownload::decodeBinaryJson()
{
    // Lines were not counted on the way in: the answer was labelled as one JSON resource. When it
    // is not a Binary after all (NDJSON sent as application/json), its lines count as they are.
    const auto keepAsItIs = [this](const QByteArray &bytes) {
        m_counter.reset(bytes.isNull() ? countLinesOfFile(partPath(), freshCounter())
                                       : freshCounter());
        if (!bytes.isNull())
            m_counter.feed(bytes.constData(), bytes.size());
        return Error();
    };
    if (m_part.size() > kMaxBinaryJson) {
        m_part.seek(0);
        static const QRegularExpression binary(uR"("resourceType"\s*:\s*"Binary")"_s);
        if (!binary.match(QString::fromUtf8(m_part.read(4096))).hasMatch())
            return keepAsItIs({});
        return Error::make(Error::Kind::Protocol,
                           tr("The server sent the file wrapped in a very large FHIR Binary; "
                              "it was not decoded."));
    }
    m_part.seek(0);
    const QByteArray json = m_part.readAll();
    QJsonParseError pe{};
    const QJsonObject o = QJsonDocument::fromJson(json, &pe).object();
    if (pe.error != QJsonParseError::NoError)
        return keepAsItIs(json); // not one JSON value: a mislabelled NDJSON file
    if (!BinaryResource::is(o))
        return keepAsItIs(json); // one JSON resource on one line is valid NDJSON too
    const Result<QByteArray> decoded = BinaryResource::decode(o);
    if (!decoded.ok()) {
        m_outcome.discardPart = true;
        //: %1 is a file name, %2 what is wrong with the Binary resource
        return Error::make(Error::Kind::Protocol,
                           tr("The server sent %1 wrapped in a FHIR Binary that could not be "
                              "read: %2")
                               .arg(m_file.relativePath, decoded.error().message));
    }
    const QByteArray &data = decoded.value();
    m_part.resize(0);
    m_part.seek(0);
    if (m_part.write(data) != data.size())
        return Error::make(Error::Kind::Io,
                           tr("Cannot write %1: %2").arg(m_part.fileName(), m_part.errorString()));
    m_counter.reset(freshCounter());
    m_counter.feed(data.constData(), data.size());
    m_outcome.bytes = data.size();
    m_outcome.totalBytes = data.size();
    return {};
}

Error FileDownload::complete()
{
    if (m_binaryJson) {
        if (Error e = decodeBinaryJson(); e.isError())
            return e;
    }
    m_outcome.bytes = m_part.size();
    m_outcome.lines = m_counter.counter().lines();
    if (const auto problem = m_counter.counter().problem(); m_options.verify && problem) {
        m_part.close();
        m_outcome.discardPart = true;
        return DownloadProblems::contentFailure(*problem, m_file);
    }
    if (m_options.verify && m_file.expectedCount && *m_file.expectedCount != m_outcome.lines) {
        m_part.close();
        m_outcome.discardPart = true; // a Range request would only bring back the same bytes
        //: %1 and %2 are numbers of resources
        return Error::make(
            Error::Kind::Protocol,
            tr("The manifest promised %1 resources but the file holds %2. The download is kept "
               "as a .part file until Retry downloads it again from the start.")
                .arg(*m_file.expectedCount)
                .arg(m_outcome.lines));
    }
    m_part.close();
    if (compresses())
        return {}; // compressed next; the .part stays until the .gz is complete
    const QByteArray from = QFile::encodeName(partPath());
    const QByteArray to = QFile::encodeName(finalPath());
    if (::rename(from.constData(), to.constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        //: %1 and %2 are file names, %3 the system's reason
        return Error::make(Error::Kind::Io,
                           tr("Cannot rename %1 to %2: %3").arg(partPath(), finalPath(), reason));
    }
    m_outcome.modifiedMs = QFileInfo(finalPath()).lastModified().toMSecsSinceEpoch();
    return {};
}

QDateTime FileDownload::now() const
{
    return (m_options.clock ? m_options.clock : Clock::system())->now();
}

void FileDownload::logNote(const QString &text) const
{
    if (!m_log)
        return;
    ActivityEntry e;
    e.at = now();
    e.note = text;
    m_log(e);
}

void FileDownload::fail(Error error)
{
    if (m_done)
        return;
    m_done = true;
    m_counter.wait(); // what was received is in the .part before its size is taken
    if (m_part.isOpen()) {
        m_outcome.bytes = m_part.size();
        m_part.close();
    }
    Q_EMIT finished(error);
}

} // namespace fbm
