#pragma once

#include "cli.h"
#include "session.h"
#include "stopsignals.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonObject>
#include <QObject>
#include <QTextStream>

namespace fbm::cli {

/// How long a stop signal waits for the server to answer a kick-off in flight.
constexpr int kKickoffWaitMs = 20000;

/// Drives one job to its end and reports it: human lines on err, JSON events on out.
class Runner final : public QObject
{
public:
    /// profilesFile: where --profile looks (empty: the application's profiles file).
    Runner(QTextStream &out, QTextStream &err, bool json, const QString &profilesFile);

    /// Non-zero (128 + the signal, as a shell reports it) when Ctrl+C or another stop signal
    /// came before the job was started; the command then says so and ends with it.
    int stoppedBeforeStart();

    /// Authorization from the command line's options (--profile, --token, SMART, secret): every
    /// request of the job goes through its client.
    Error setUpAuth(const QCommandLineParser &parser, const QUrl &base);
    [[nodiscard]] QUrl base() const { return m_base; }
    /// The job options the profile and the command's options choose: the profile, the server's
    /// name, and the files left on the server (--keep-on-server), stored compressed (--gzip),
    /// attachments fetched (--attachments), each on when the option or the profile says so.
    [[nodiscard]] JobOptions jobOptions(const QCommandLineParser &parser) const;

    JobManager &manager() { return m_manager; }
    JobStore &store() { return *m_session.jobStore(); }
    Session &session() { return m_session; }

    int waitFor(const QString &id);

    /// `--since auto`: the transaction time of the newest export of the same request whose
    /// files were all saved (ExportHistory::lastComplete() over the job store), said in a
    /// line and a `since-auto` event; an invalid time, said too, when there is none (a full
    /// export).
    QDateTime continueFromLastExport(const ExportRequest &request);

private:
    void event(QJsonObject o);

    void human(const QString &line);

    void announce(const ExportJob &j);

    void onChanged(const QString &id, JobFields fields);

    /// --no-download: the job stays Completed (not terminal: the files can still be fetched,
    /// which is what `resume` does), so no jobFinished comes; the command is done here.
    /// A manifest without files goes on to Saved and ends in onFinished() instead.
    static bool isManifestOnlyDone(const ExportJob &j);

    void onManifestOnlyDone(const ExportJob &j);

    void onFile(const QString &id, int index);

    /// A file `resume` finds no longer as it was saved (nothing is announced yet: m_id is the
    /// job being resumed, set by resumeExport()'s caller afterwards, so any job counts).
    void onFileLost(const QString &id, int index, bool missing);

    void onStopSignal(int signalNumber);

    /// Stopped by a signal: what is known is saved and the job is left for `resume`. The export
    /// goes on at the server (only `cancel` stops it there).
    void interrupt();

    void onFinished(const QString &id);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json;
    Session m_session;
    JobManager &m_manager;
    QUrl m_base;
    JobOptions m_profileOptions; ///< what the profile chose (setUpAuth())
    QEventLoop m_loop;
    StopSignals m_stopSignals;
    int m_interrupted = 0; ///< the stop signal received, or 0
    QString m_id;
    QString m_lastProgress;
    bool m_announced = false;
    bool m_manifestShown = false;
    bool m_done = false;
    int m_exit = Failure;
};

/// The command that continues \a j, quoted for a POSIX shell (the command's words are not
/// translated).
[[nodiscard]] QString resumeCommand(const ExportJob &j);

} // namespace fbm::cli
