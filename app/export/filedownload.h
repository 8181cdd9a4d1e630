#pragma once

#include "exportjob.h"
#include "linecounter.h"
#include "result.h"

#include <QFile>
#include <QObject>
#include <QPointer>

#include <atomic>

class QThread;

namespace fbm {

class Clock;
class HttpClient;
class Transfer;

/// What a FileDownload fetches: one manifest entry of a job, as the job has it.
struct FileTarget
{
    FileKind kind = FileKind::Output;
    QString type; ///< as the server wrote it
    QUrl url;
    QString relativePath; ///< inside the export folder
    std::optional<qint64> expectedCount;
    /// The .part failed verification before: start over instead of resuming it.
    bool discardPart = false;

    [[nodiscard]] static FileTarget of(const ExportFile &file);
};

/// What came of a FileDownload: the job's file takes these over (it alone holds the file's
/// truth).
struct FileOutcome
{
    qint64 bytes = 0;       ///< in the .part, or the saved file
    qint64 totalBytes = -1; ///< when the server said (Content-Length of an unencoded body)
    qint64 lines = 0;
    bool discardPart = false; ///< the next attempt starts over (the .part cannot be resumed)
    qint64 modifiedMs = 0;    ///< the saved file's time (saved only)
};

/// Saves one manifest file: streams it into `<name>.part` (memory stays flat whatever the size),
/// counts NDJSON lines on the way, resumes a previous `.part` with Range when it can, decodes a
/// FHIR Binary answer, checks the count against the manifest, and only then renames (atomic:
/// the final name never holds a partial file). A file whose name ends in `.gz` is downloaded
/// and verified the same way (as the plain `<name>.part`), then compressed on a thread of its
/// own into `<name>.gz.part`, renamed to `<name>.gz`, and the plain .part removed: a crash or a
/// full disk at any point leaves a .part that resumes.
class FileDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileDownload)
public:
    struct Options
    {
        bool withToken = false; ///< requiresAccessToken (the client still checks the origin)
        int timeoutMs = 120000; ///< no data for this long aborts the attempt
        bool verify = true;     ///< count lines and compare (benchmarks switch it off)
        /// Check that each line is a resource of the file's type (NDJSON output formats).
        bool validateContent = true;
        ContentDecoder::Limits decodeLimits; ///< how far a compressed body may expand
        /// A .part last written before this is not this export's (an earlier export into the
        /// same folder left it): it is started over, never resumed. Invalid: any .part is.
        QDateTime partsFrom;
        const Clock *clock = nullptr; ///< null: the system's
    };

    FileDownload(HttpClient *client, FileTarget file, QString folder, Options options,
                 std::function<void(const ActivityEntry &)> log, QObject *parent = nullptr);
    ~FileDownload() override;

    void start();
    void abort(const QString &why);
    [[nodiscard]] const FileOutcome &outcome() const { return m_outcome; }
    /// The file's link this download asked for.
    [[nodiscard]] const QUrl &url() const { return m_file.url; }
    /// The saved file's path (`.ndjson.gz` when compressed).
    [[nodiscard]] QString finalPath() const;
    /// The plain file the body is downloaded into, verified, then compressed (or renamed).
    [[nodiscard]] QString partPath() const { return partPathOf(finalPath()); }
    /// The .part of the file saved as \a finalPath: `X.ndjson.part` for `X.ndjson` and for
    /// `X.ndjson.gz` alike.
    [[nodiscard]] static QString partPathOf(const QString &finalPath);

Q_SIGNALS:
    void progress(qint64 bytes, qint64 total, qint64 lines);
    /// error empty: saved. Otherwise the file stays as .part; error.transient says whether an
    /// automatic retry makes sense.
    void finished(const fbm::Error &error);

private:
    void onResponseStarted(int status);
    void onReadyRead();
    void onFinished(const struct HttpResponse &response);
    Error complete();
    /// complete() and then the end: finished() now, or once the file is compressed.
    void completeAndFinish();
    [[nodiscard]] bool compresses() const;
    void startCompressing();
    void onCompressed(const struct GzipOutcome &outcome);
    Error decodeBinaryJson();
    /// The counter for this file: counting, and checking each line when verifying.
    [[nodiscard]] LineCounter freshCounter() const;
    void fail(Error error);
    void logNote(const QString &text) const;

    QPointer<HttpClient> m_client;
    [[nodiscard]] QDateTime now() const;

    FileTarget m_file;
    FileOutcome m_outcome;
    QString m_folder;
    Options m_options;
    std::function<void(const ActivityEntry &)> m_log;
    QPointer<Transfer> m_transfer;
    QFile m_part;
    AsyncLineCounter m_counter;
    qint64 m_resumeFrom = 0;
    qint64 m_received = 0; ///< the file's bytes handed to m_counter's writer, with the resumed part
    bool m_accepting = false;  ///< this response's body is the file's content
    bool m_binaryJson = false; ///< the server answered a FHIR Binary resource instead of raw bytes
    bool m_done = false;
    bool m_rangeMismatch = false; ///< we stopped the transfer: the server sent another range
    bool m_partComplete = false;  ///< 416 for our offset: the .part already holds the whole file
    /// The answer to a Range request was a compressed part: useless for a .part that holds
    /// decoded bytes. The file is started over from its first byte, once.
    bool m_restartFromZero = false;
    int m_restarts = 0;
    ContentDecoder::Encoding m_encoding = ContentDecoder::Encoding::Identity;
    QByteArray m_encodingName; ///< the Content-Encoding header, for messages
    Error m_writeError;
    Error m_contentError; ///< the body is not something to save (encoding, bomb)
    QByteArray m_buffer;
    QThread *m_compressor = nullptr; ///< compressing the verified .part (gzip outputs)
    std::atomic_bool m_stopCompressing{false};
    QString m_abortReason; ///< abort() while compressing
};

/// Lines of an existing file (a resumed .part), fed to \a counter (which may validate).
[[nodiscard]] LineCounter countLinesOfFile(const QString &path, LineCounter counter = {},
                                           bool *ok = nullptr);

} // namespace fbm
