#pragma once

#include "gzipfile.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <atomic>

/// A small saved export written by hand, for the tests of what the data views read: every
/// count, date, patient and problem below is known.
namespace fbm::test::sample {

/// Writes \a bytes to \a path (folders made); false when it could not.
inline bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// Writes \a bytes as the gzip file \a path.
inline bool writeGzip(const QString &path, const QByteArray &bytes)
{
    const QString plain = path + QStringLiteral(".plain");
    if (!write(plain, bytes))
        return false;
    const std::atomic_bool stop = false;
    const bool ok = gzipFile(plain, path, stop).ok();
    QFile::remove(plain);
    return ok;
}

inline QByteArray patients()
{
    return R"({"resourceType":"Patient","id":"p1","meta":{"lastUpdated":"2024-01-02T10:00:00Z"},"name":[{"family":"Hansen","given":["Karen"]}],"gender":"female","birthDate":"1950-03-04"})"
           "\n"
           R"({"resourceType":"Patient","id":"p2","meta":{"lastUpdated":"2024-02-03T10:00:00+01:00"},"name":[{"text":"Ole Jensen"}],"gender":"male","birthDate":"1961-07-08"})"
           "\n";
}

/// Observation.1.ndjson: three Observations of p1, p2 and p3 (a patient not in Patient.1), a
/// blank line (line 3) and a line that is not JSON (line 5).
inline QByteArray observations1()
{
    return R"({"resourceType":"Observation","id":"o1","meta":{"lastUpdated":"2024-03-01T00:00:00Z"},"code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2020-05-06T08:00:00+02:00","valueQuantity":{"value":72,"unit":"/min"}})"
           "\n"
           R"({"resourceType":"Observation","id":"o2","code":{"coding":[{"code":"29463-7"}]},"subject":{"reference":"Patient/p2"},"effectivePeriod":{"start":"2019-01-01"}})"
           "\n"
           "\n"
           R"({"resourceType":"Observation","id":"o3","code":{"text":"Weight"},"subject":{"reference":"https://fhir.example/Patient/p3/_history/1"},"issued":"2021-12-31T23:00:00Z","valueQuantity":{"value":80.5,"unit":"kg"}})"
           "\r\n"
           "{\"resourceType\":\"Observation\",\"id\":\"o4\"\n";
}

/// Observation.2.ndjson.gz: one Observation of p1 and one Condition (wrong type, line 2).
inline QByteArray observations2()
{
    return R"({"resourceType":"Observation","id":"o5","subject":{"reference":"Patient/p1"},"effectiveDateTime":"2022-06-01"})"
           "\n"
           R"({"resourceType":"Condition","id":"c9","subject":{"reference":"Patient/p2"}})"
           "\n";
}

inline QByteArray conditions()
{
    return R"({"resourceType":"Condition","id":"c1","code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006","display":"Diabetes mellitus type 2"}]},"subject":{"reference":"Patient/p2"},"onsetDateTime":"2015-09-10"})"
           "\n";
}

/// The whole export in \a dir: manifest.json, Patient.1.ndjson, Observation.1.ndjson,
/// Observation.2.ndjson.gz, Condition.1.ndjson, errors/OperationOutcome.1.ndjson, log.ndjson.
inline bool writeExport(const QString &dir)
{
    const QDir d(dir);
    return write(d.filePath(QStringLiteral("manifest.json")),
                 R"({"transactionTime":"2024-04-01T00:00:00Z","request":"x","output":[]})") &&
           write(d.filePath(QStringLiteral("Patient.1.ndjson")), patients()) &&
           write(d.filePath(QStringLiteral("Observation.1.ndjson")), observations1()) &&
           writeGzip(d.filePath(QStringLiteral("Observation.2.ndjson.gz")), observations2()) &&
           write(d.filePath(QStringLiteral("Condition.1.ndjson")), conditions()) &&
           write(
               d.filePath(QStringLiteral("errors/OperationOutcome.1.ndjson")),
               R"({"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"processing"}]})"
               "\n") &&
           write(d.filePath(QStringLiteral("log.ndjson")), R"({"event":"started"})"
                                                           "\n");
}

} // namespace fbm::test::sample
