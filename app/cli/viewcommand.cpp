#include "viewcommand.h"

#include "builtinviews.h"
#include "cli.h"
#include "rowwriter.h"
#include "stopsignals.h"
#include "viewfilerun.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QTextStream>

#include <unistd.h>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

int listViews(QTextStream &out)
{
    const QList<ViewSource> views = BuiltinViews::list();
    qsizetype width = 4;
    for (const ViewSource &v : views)
        width = std::max(width, v.name.size());
    for (const ViewSource &v : views) {
        out << v.name.leftJustified(width + 2)
            << (v.builtin ? Text::tr("built-in") : Text::tr("yours")).leftJustified(10) << v.title
            << '\n';
    }
    //: %1 is a folder
    out << '\n'
        << Text::tr("Your own views (NAME.json) are read from %1").arg(BuiltinViews::userFolder())
        << '\n';
    out.flush();
    return Success;
}

} // namespace

int runViewCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        Text::tr("Run a SQL on FHIR ViewDefinition over the NDJSON files of an export folder "
                 "and write its rows as CSV (UTF-8, a header row)."));
    p.addHelpOption();
    p.addOption({u"builtin"_s, Text::tr("A built-in view, or one of yours, by name (see --list)."),
                 Text::tr("NAME")});
    p.addOption({u"view"_s, Text::tr("A ViewDefinition in a JSON file."), Text::tr("FILE")});
    p.addOption({u"in"_s,
                 Text::tr("The export folder: the view reads its <Type>.<n>.ndjson and "
                          ".ndjson.gz files."),
                 Text::tr("FOLDER")});
    p.addOption({u"out"_s, Text::tr("Write the rows to this file (default: standard output)."),
                 Text::tr("FILE")});
    p.addOption({u"json"_s, Text::tr("Write one JSON object per row (NDJSON) instead of CSV.")});
    p.addOption({u"list"_s, Text::tr("List the built-in views and yours.")});
    p.addOption({u"threads"_s, Text::tr("Threads that read the files (default: one per core)."),
                 Text::tr("N"), u"0"_s});
    // `view --builtin` without a name lists the views, as --list does.
    QStringList arguments = args;
    if (arguments.constLast() == "--builtin"_L1)
        arguments.last() = u"--list"_s;
    int exit = Success;
    if (!parse(p, arguments, out, err, &exit))
        return exit;
    if (p.isSet(u"list"_s))
        return listViews(out);
    if (p.isSet(u"builtin"_s) == p.isSet(u"view"_s))
        return usage(err, Text::tr("Give a view: --builtin NAME or --view FILE."), p);
    if (!p.isSet(u"in"_s))
        return usage(err, Text::tr("Give the export folder with --in FOLDER."), p);
    bool ok = false;
    const int threads = p.value(u"threads"_s).toInt(&ok);
    if (!ok || threads < 0 || threads > 64)
        return usage(err, Text::tr("--threads must be a number from 0 to 64."), p);

    QString path = p.value(u"view"_s);
    if (p.isSet(u"builtin"_s)) {
        const std::optional<ViewSource> source = BuiltinViews::find(p.value(u"builtin"_s));
        if (!source) {
            //: %1 is a view's name
            err << Text::tr("There is no view called '%1'; 'fhir-bulk-monitor view --list' "
                            "lists them.")
                       .arg(p.value(u"builtin"_s))
                << '\n';
            err.flush();
            return UsageError;
        }
        path = source->path;
    }
    const Result<ViewDefinition> view = BuiltinViews::load(path);
    if (!view.ok()) {
        //: %1 is why the view was refused
        err << Text::tr("The view cannot be used: %1").arg(view.error().message) << '\n';
        err.flush();
        return UsageError;
    }
    QString folderError;
    const QStringList files =
        ViewFileRun::filesOf(p.value(u"in"_s), view->resource(), &folderError);
    if (!folderError.isEmpty()) {
        err << folderError << '\n';
        err.flush();
        return Failure;
    }
    if (files.isEmpty())
        //: %1 is a resource type such as Patient, %2 a folder
        err << Text::tr("No %1 files in %2; the view has no rows.")
                   .arg(view->resource(), p.value(u"in"_s))
            << '\n';

    // Where the rows go: a file written whole or not at all, or standard output.
    std::unique_ptr<QSaveFile> file;
    QBuffer buffer;
    QIODevice *device = nullptr;
    if (p.isSet(u"out"_s)) {
        file = std::make_unique<QSaveFile>(p.value(u"out"_s));
        if (!file->open(QIODevice::WriteOnly)) {
            //: %1 is a file name, %2 the system's reason
            err << Text::tr("Cannot write %1: %2").arg(p.value(u"out"_s), file->errorString())
                << '\n';
            err.flush();
            return Failure;
        }
        device = file.get();
    } else if (out.device()) {
        out.flush();
        device = out.device();
    } else {
        buffer.open(QIODevice::WriteOnly);
        device = &buffer;
    }
    const ViewRunner runner(view.value());
    std::unique_ptr<RowWriter> writer;
    if (p.isSet(u"json"_s)) {
        writer = std::make_unique<JsonRowWriter>(device, view->columnNames());
    } else {
        auto csv = std::make_unique<CsvWriter>(device, view->columnNames());
        csv->writeHeader();
        writer = std::move(csv);
    }

    std::atomic_bool stop = false;
    int signal = 0;
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::received, &stopSignals, [&](int number) {
        signal = number;
        stop = true;
    });
    const bool terminal = isatty(STDERR_FILENO) == 1;
    QElapsedTimer shown;
    shown.start();
    bool progressShown = false;
    ViewRunOptions options;
    options.threads = threads;
    options.stop = &stop;
    options.progress = [&](qint64 bytes, qint64 rows) {
        QCoreApplication::processEvents(); // Ctrl+C arrives through the event loop
        if (!terminal || shown.elapsed() < 1000)
            return;
        shown.restart();
        progressShown = true;
        //: %1 is a number of megabytes, %2 of rows
        err << '\r' << Text::tr("%1 MB read, %2 rows").arg(bytes / 1000000).arg(rows);
        err.flush();
    };
    const ViewRunOutcome outcome = ViewFileRun::run(runner, files, *writer, options);
    const bool written = writer->finish();
    if (progressShown)
        err << '\r' << QString(40, u' ') << '\r';

    if (outcome.badLineCount > 0) {
        //: %n is a number of lines
        err << Text::tr("%n line(s) are not JSON and were left out:", nullptr,
                        int(std::min<qint64>(outcome.badLineCount, INT_MAX)))
            << '\n';
        for (const BadLine &b : outcome.badLines)
            //: %1 is a file name, %2 a line number, %3 why the line is not JSON
            err << "  " << Text::tr("%1, line %2: %3").arg(b.file).arg(b.line).arg(b.reason)
                << '\n';
        if (outcome.badLineCount > outcome.badLines.size())
            err << "  " << Text::tr("…") << '\n';
    }
    int code = Success;
    if (outcome.stopped) {
        //: %1 is a signal name such as SIGINT
        err << Text::tr("Stopped (%1); %2 was not written.")
                   .arg(StopSignals::name(signal), file ? p.value(u"out"_s) : Text::tr("the rest"))
            << '\n';
        code = 128 + signal;
    } else if (outcome.error) {
        err << outcome.error.message << '\n';
        code = outcome.error.kind == Error::Kind::Usage ? UsageError : Failure;
    } else if (!written || (file && !file->commit())) {
        //: %1 is a file name
        err << Text::tr("Cannot write %1.").arg(file ? p.value(u"out"_s) : Text::tr("the rows"))
            << '\n';
        code = Failure;
    } else if (file) {
        //: %n is a number of rows, %1 a file name
        err << Text::tr("%n row(s) written to %1.", nullptr,
                        int(std::min<qint64>(outcome.rows, INT_MAX)))
                   .arg(p.value(u"out"_s))
            << '\n';
    }
    err.flush();
    if (file && code != Success)
        file->cancelWriting();
    if (buffer.isOpen())
        out << QString::fromUtf8(buffer.data());
    out.flush();
    return code;
}

} // namespace fbm::cli
