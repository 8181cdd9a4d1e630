#include "inspectcommand.h"

#include "cli/cli.h"
#include "data/exportoverview.h"

#include <QDir>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>

#include <climits>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fbm::cli {

namespace {

QString dash(const QString &s)
{
    return s.isEmpty() ? u"-"_s : s;
}

/// "2021-03-04 – 2024-11-30": the days of a span, which is what a reader of the table wants.
QString days(const QString &min, const QString &max)
{
    if (min.isEmpty())
        return {};
    const QString a = min.left(10), b = max.left(10);
    return a == b ? a : a + u" – "_s + b;
}

/// Plain-text columns, each as wide as its widest cell, numbers right-aligned; the last one is
/// not padded.
void printTable(QTextStream &out, const QList<QStringList> &rows, int numericFrom, int numericTo)
{
    QList<qsizetype> widths(rows.value(0).size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = qMax(widths[c], row.at(c).size());
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool numeric = c >= numericFrom && c <= numericTo;
            if (c + 1 == row.size())
                line += row.at(c);
            else
                line += (numeric ? row.at(c).rightJustified(widths.at(c))
                                 : row.at(c).leftJustified(widths.at(c))) +
                        u"  "_s;
        }
        out << line << '\n';
    }
}

void printOverview(QTextStream &out, const ExportOverview &o)
{
    const QLocale locale;
    const auto size = [&locale](qint64 bytes) {
        return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    //: %1 is a folder
    out << Text::tr("Export in %1").arg(QDir::toNativeSeparators(o.folder)) << '\n' << '\n';
    QList<QStringList> rows;
    rows << QStringList{Text::tr("Type"),        Text::tr("Resources"), Text::tr("Patients"),
                        Text::tr("Size"),        Text::tr("Files"),     Text::tr("Dates"),
                        Text::tr("Last updated")};
    QList<QStringList> others;
    for (const TypeOverview &t : o.types) {
        if (t.kind != "output"_L1) {
            const QString where = t.kind == "error"_L1 ? u"errors/"_s : u"deleted/"_s;
            others << QStringList{where + t.type, locale.toString(t.resources), size(t.bytes),
                                  locale.toString(t.files)};
            continue;
        }
        rows << QStringList{t.type,
                            locale.toString(t.resources),
                            locale.toString(t.patients),
                            size(t.bytes),
                            locale.toString(t.files),
                            dash(days(t.dateMin, t.dateMax)),
                            dash(days(t.lastUpdatedMin, t.lastUpdatedMax))};
    }
    if (rows.size() == 1)
        out << Text::tr("No resources.") << '\n';
    else
        printTable(out, rows, 1, 4);
    out << '\n';
    //: %1 resources, %2 distinct patients, %3 a size such as 1.2 MB
    out << Text::tr("In all: %1 resources, %2 patients, %3.")
               .arg(locale.toString(o.resources()), locale.toString(o.patients), size(o.bytes))
        << '\n';
    if (!others.isEmpty()) {
        out << '\n';
        others.prepend(QStringList{Text::tr("Other files"), Text::tr("Lines"), Text::tr("Size"),
                                   Text::tr("Files")});
        printTable(out, others, 1, 3);
    }
    out << '\n';
    if (o.problemCount == 0) {
        out << Text::tr("No problems: every line is a resource of its file's type.") << '\n';
        return;
    }
    out << Text::tr("Problems (%n line(s)):", nullptr, int(qMin<qint64>(o.problemCount, INT_MAX)))
        << '\n';
    for (const DataProblem &p : o.problems) {
        if (p.line > 0)
            out << u"  %1:%2: %3"_s.arg(p.file).arg(p.line).arg(p.reason) << '\n';
        else
            out << u"  %1: %2"_s.arg(p.file, p.reason) << '\n';
    }
    if (o.problemCount > o.problems.size())
        //: %1 is a number of lines
        out << "  "
            << Text::tr("… and %1 more.").arg(locale.toString(o.problemCount - o.problems.size()))
            << '\n';
}

} // namespace

int runInspectCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandParser p(args.value(0));
    p.setApplicationDescription(
        Text::tr("Show what a saved export folder holds: per resource type the resources, "
                 "patients, size, files and dates, and the lines that are not resources of "
                 "their file's type."));
    p.addHelpOption();
    p.addOption({u"json"_s, Text::tr("Print one JSON object instead of a table.")});
    p.addPositionalArgument(u"DIR"_s, Text::tr("The export folder (with manifest.json)."));
    int exit = Success;
    if (!parse(p, args, out, err, &exit))
        return exit;
    const QStringList dirs = p.positionalArguments();
    if (dirs.size() != 1)
        return usage(err, Text::tr("Name one export folder."), p);
    const std::atomic_bool never = false;
    // On a terminal, how far the reading is (gigabytes take a while); never into a pipe.
    int shown = -1;
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    const auto progress = [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (!terminal || percent == shown)
            return;
        shown = percent;
        //: Progress of the inspect command; %1 is a percentage such as 45
        err << '\r' << Text::tr("Reading… %1 %").arg(percent);
        err.flush();
    };
    const ExportOverview o = ExportOverview::compute(dirs.constFirst(), never, progress);
    if (shown >= 0) {
        err << "\r\033[K"; // the progress line erased
        err.flush();
    }
    if (!o.error.isEmpty()) {
        err << o.error << '\n';
        err.flush();
        if (p.isSet(u"json"_s)) {
            out << QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact) << '\n';
            out.flush();
        }
        return Failure;
    }
    if (p.isSet(u"json"_s))
        out << QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact) << '\n';
    else
        printOverview(out, o);
    out.flush();
    return Success;
}

} // namespace fbm::cli
