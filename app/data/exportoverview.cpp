#include "exportoverview.h"

#include "linescan.h"
#include "ndjsonreader.h"
#include "resourcefields.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QPromise>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

const QRegularExpression &dataFileName()
{
    static const QRegularExpression re(u"^([A-Za-z][A-Za-z0-9]*)\\.\\d+\\.ndjson(\\.gz)?$"_s);
    return re;
}

/// FNV-1a, 64 bits: the patients' sets hold these instead of the ids (see ExportOverview).
quint64 hash64(const QString &id)
{
    quint64 h = 14695981039346656037ull;
    for (const QChar c : id) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    return h;
}

/// Numbered files in order: Observation.2 before Observation.10.
bool fileOrder(const QString &a, const QString &b)
{
    const QString ta = dataFileType(a), tb = dataFileType(b);
    if (ta != tb)
        return ta < tb;
    const auto number = [](const QString &name) {
        return QStringView(name).mid(name.indexOf(u'.') + 1).split(u'.').value(0).toLongLong();
    };
    return number(a) < number(b);
}

QStringList filesIn(const QDir &dir, const QString &prefix)
{
    QStringList names;
    const QStringList all = dir.entryList({u"*.ndjson"_s, u"*.ndjson.gz"_s}, QDir::Files);
    for (const QString &name : all) {
        if (dataFileName().match(name).hasMatch())
            names << name;
    }
    std::sort(names.begin(), names.end(), fileOrder);
    for (QString &name : names)
        name.prepend(prefix);
    return names;
}

QString kindOf(const QString &relativePath)
{
    if (relativePath.startsWith("errors/"_L1))
        return u"error"_s;
    if (relativePath.startsWith("deleted/"_L1))
        return u"deleted"_s;
    return u"output"_s;
}

/// The per-type state while reading.
struct TypeState
{
    TypeOverview overview;
    QSet<quint64> patients;
};

void widen(QString &min, QString &max, const QString &value)
{
    if (value.isEmpty())
        return;
    if (min.isEmpty() || fields::compareDates(value, min) < 0)
        min = value;
    if (max.isEmpty() || fields::compareDates(value, max) > 0)
        max = value;
}

QJsonObject span(const QString &min, const QString &max)
{
    if (min.isEmpty())
        return {};
    return {{u"min"_s, min}, {u"max"_s, max}};
}

} // namespace

QString dataFileType(const QString &fileName)
{
    const QRegularExpressionMatch m = dataFileName().match(QFileInfo(fileName).fileName());
    return m.hasMatch() ? m.captured(1) : QString();
}

QStringList exportDataFiles(const QString &folder)
{
    const QDir dir(folder);
    return filesIn(dir, {}) + filesIn(QDir(dir.filePath(u"errors"_s)), u"errors/"_s) +
           filesIn(QDir(dir.filePath(u"deleted"_s)), u"deleted/"_s);
}

qint64 ExportOverview::resources(const QString &kind) const
{
    qint64 n = 0;
    for (const TypeOverview &t : types) {
        if (t.kind == kind)
            n += t.resources;
    }
    return n;
}

ExportOverview ExportOverview::compute(const QString &folder, const std::atomic_bool &cancel,
                                       const ProgressFn &progress)
{
    ExportOverview out;
    out.folder = folder;
    const QFileInfo info(folder);
    if (!info.exists()) {
        //: %1 is a folder
        out.error = tr("%1 does not exist.").arg(QDir::toNativeSeparators(folder));
        return out;
    }
    if (!info.isDir() || !info.isReadable()) {
        //: %1 is a folder
        out.error =
            tr("%1 is not a folder that can be read.").arg(QDir::toNativeSeparators(folder));
        return out;
    }
    const QDir dir(folder);
    const QStringList files = exportDataFiles(folder);
    if (files.isEmpty() && !dir.exists(u"manifest.json"_s)) {
        //: %1 is a folder
        out.error = tr("%1 holds no export: no manifest.json and no NDJSON files.")
                        .arg(QDir::toNativeSeparators(folder));
        return out;
    }

    qint64 total = 0;
    for (const QString &f : files)
        total += QFileInfo(dir.filePath(f)).size();
    // Keyed by kind and type so that the output types come first, each part sorted by name.
    std::map<std::pair<int, QString>, TypeState> states;
    QSet<quint64> allPatients;
    qint64 done = 0;
    const auto problem = [&out](const QString &file, qint64 line, const QString &reason) {
        ++out.problemCount;
        if (out.problems.size() < kMaxProblems)
            out.problems.append({file, line, reason});
    };

    for (const QString &relative : files) {
        const QString kind = kindOf(relative);
        const QString type = dataFileType(relative);
        const int order = kind == "output"_L1 ? 0 : (kind == "error"_L1 ? 1 : 2);
        TypeState &state = states[{order, type}];
        TypeOverview &t = state.overview;
        t.type = type;
        t.kind = kind;
        ++t.files;
        const QString path = dir.filePath(relative);
        const qint64 size = QFileInfo(path).size();
        t.bytes += size;
        out.bytes += size;

        NdjsonReader reader(path);
        const bool clinical = kind == "output"_L1;
        // The fast path: resourceType, id, meta.lastUpdated, the references and the type's
        // dates picked out while the line is checked; QJsonDocument for what it cannot tell.
        QList<QByteArray> paths{"resourceType", "id", "meta.lastUpdated", "subject.reference",
                                "patient.reference"};
        const QList<const char *> &datePaths = fields::clinicalDatePaths(type);
        for (const char *d : datePaths)
            paths.append(QByteArray(d));
        LineScan scan(paths);
        const QByteArray typeUtf8 = type.toUtf8();
        const auto note = [&](const QString &lastUpdated, const QString &date,
                              const QString &patient) {
            widen(t.lastUpdatedMin, t.lastUpdatedMax, lastUpdated);
            widen(t.dateMin, t.dateMax, date);
            if (!patient.isEmpty()) {
                const quint64 h = hash64(patient);
                state.patients.insert(h);
                allPatients.insert(h);
            }
        };
        const bool read = reader.read(
            [&](const NdjsonLine &line) {
                ++t.resources;
                if (line.tooLong) {
                    problem(
                        relative, line.number,
                        tr("The line is longer than %1 MiB.").arg(NdjsonReader::kMaxLine >> 20));
                    return;
                }
                if (scan.scan(line.text) && !scan.escaped()) {
                    const QByteArrayView resourceType = scan.value(0);
                    if (!resourceType.isEmpty() && resourceType == typeUtf8) {
                        if (!clinical)
                            return;
                        QString date;
                        for (int i = 0; i < datePaths.size() && date.isEmpty(); ++i)
                            date = QString::fromUtf8(scan.value(5 + i));
                        QString patient;
                        if (type == "Patient"_L1) {
                            patient = QString::fromUtf8(scan.value(1));
                        } else {
                            patient = fields::patientIdOf(QString::fromUtf8(scan.value(3)));
                            if (patient.isEmpty())
                                patient = fields::patientIdOf(QString::fromUtf8(scan.value(4)));
                        }
                        note(QString::fromUtf8(scan.value(2)), date, patient);
                        return;
                    }
                    // A problem: the slow path below words it.
                }
                QJsonParseError error;
                const QJsonDocument doc = QJsonDocument::fromJson(
                    QByteArray::fromRawData(line.text.data(), line.text.size()), &error);
                if (error.error != QJsonParseError::NoError) {
                    //: %1 is the JSON parser's message, %2 a position in the line
                    problem(relative, line.number,
                            tr("Not valid JSON: %1 (at character %2).")
                                .arg(error.errorString())
                                .arg(error.offset + 1));
                    return;
                }
                if (!doc.isObject()) {
                    problem(relative, line.number, tr("Not a JSON object."));
                    return;
                }
                const QJsonObject r = doc.object();
                const QString resourceType = r.value("resourceType"_L1).toString();
                if (resourceType.isEmpty()) {
                    problem(relative, line.number, tr("The resource has no resourceType."));
                    return;
                }
                if (resourceType != type) {
                    //: %1 is the type the line has, %2 the type its file holds
                    problem(
                        relative, line.number,
                        tr("The resource is %1, but the file holds %2.").arg(resourceType, type));
                    return;
                }
                if (clinical)
                    note(r.value("meta"_L1).toObject().value("lastUpdated"_L1).toString(),
                         fields::clinicalDate(r, type), fields::patientId(r, type));
            },
            &cancel,
            [&](qint64 raw) {
                if (progress)
                    progress(done + raw, total);
            });
        done += size;
        if (reader.stopped()) {
            out.cancelled = true;
            break;
        }
        if (!read)
            //: %1 is why (from the system or the gzip reader)
            problem(relative, 0,
                    tr("The file could not be read to its end: %1").arg(reader.errorString()));
    }
    for (auto &[key, state] : states) {
        state.overview.patients = state.patients.size();
        out.types.append(state.overview);
    }
    out.patients = allPatients.size();
    return out;
}

QFuture<ExportOverview> ExportOverview::computeLater(const QString &folder)
{
    // QThreadPool takes a copyable function; the promise is not, so it is shared.
    auto promise = std::make_shared<QPromise<ExportOverview>>();
    QFuture<ExportOverview> future = promise->future();
    promise->setProgressRange(0, 1000);
    promise->start();
    dataThreadPool()->start([promise, folder] {
        // QFuture::cancel() reaches the promise; the reader looks at a flag between blocks.
        std::atomic_bool cancel = false;
        int last = -1;
        ExportOverview o = compute(folder, cancel, [&](qint64 done, qint64 total) {
            if (promise->isCanceled())
                cancel = true;
            const int permille = total > 0 ? int(done * 1000 / total) : 0;
            if (permille != last) {
                last = permille;
                promise->setProgressValue(permille);
            }
        });
        if (promise->isCanceled())
            o.cancelled = true;
        promise->addResult(std::move(o));
        promise->finish();
    });
    return future;
}

QJsonObject ExportOverview::toJson() const
{
    QJsonObject o;
    o.insert(u"folder"_s, folder);
    if (!error.isEmpty())
        o.insert(u"error"_s, error);
    if (cancelled)
        o.insert(u"cancelled"_s, true);
    QJsonArray typeList;
    for (const TypeOverview &t : types) {
        QJsonObject j{{u"type"_s, t.type},
                      {u"kind"_s, t.kind},
                      {u"files"_s, t.files},
                      {u"resources"_s, t.resources},
                      {u"bytes"_s, t.bytes}};
        if (t.kind == "output"_L1) {
            j.insert(u"patients"_s, t.patients);
            const QJsonObject updated = span(t.lastUpdatedMin, t.lastUpdatedMax);
            if (!updated.isEmpty())
                j.insert(u"lastUpdated"_s, updated);
            const QJsonObject dates = span(t.dateMin, t.dateMax);
            if (!dates.isEmpty())
                j.insert(u"dates"_s, dates);
        }
        typeList.append(j);
    }
    o.insert(u"types"_s, typeList);
    o.insert(u"resources"_s, resources());
    o.insert(u"patients"_s, patients);
    o.insert(u"bytes"_s, bytes);
    QJsonArray problemList;
    for (const DataProblem &p : problems)
        problemList.append(
            QJsonObject{{u"file"_s, p.file}, {u"line"_s, p.line}, {u"reason"_s, p.reason}});
    o.insert(u"problems"_s, problemList);
    o.insert(u"problemCount"_s, problemCount);
    return o;
}

} // namespace fbm
