#pragma once

#include "demo/bulk/script.h"

#include <QByteArray>
#include <QList>
#include <QString>

/// The files the tests' bulk servers serve: one way to write each kind, and the sets several
/// tests share. Byte for byte what the tests wrote by hand before, so counts and sizes the tests
/// check stay as they were.
namespace fbm::test::served {

using demo::ServedFile;

/// `{"resourceType":"<type>","id":"<id>"}` and a newline.
[[nodiscard]] inline QByteArray resource(const QByteArray &type, const QByteArray &id)
{
    return R"({"resourceType":")" + type + R"(","id":")" + id + "\"}\n";
}

/// An OperationOutcome line with one issue (and its diagnostics, when given).
[[nodiscard]] inline QByteArray outcome(const QByteArray &severity, const QByteArray &code,
                                        const QByteArray &diagnostics = {})
{
    QByteArray line = R"({"resourceType":"OperationOutcome","issue":[{"severity":")" + severity +
                      R"(","code":")" + code + '"';
    if (!diagnostics.isEmpty())
        line += R"(,"diagnostics":")" + diagnostics + '"';
    return line + "}]}\n";
}

/// The two Patients p1 and p2.
[[nodiscard]] inline QByteArray twoPatients()
{
    return resource("Patient", "p1") + resource("Patient", "p2");
}

/// An output file of exactly these bytes.
[[nodiscard]] inline ServedFile ndjson(const QString &type, const QByteArray &content)
{
    ServedFile f;
    f.type = type;
    f.content = content;
    return f;
}

/// An output file the server generates line by line (never held in memory): lines of a fixed
/// width, each a resource of \a type.
[[nodiscard]] inline ServedFile generated(const QString &type, qint64 lines)
{
    ServedFile f;
    f.type = type;
    f.generatedLines = lines;
    return f;
}

/// An error file (OperationOutcome lines); by default one warning.
[[nodiscard]] inline ServedFile errors(const QByteArray &content = outcome("warning", "processing"))
{
    ServedFile f = ndjson(QStringLiteral("OperationOutcome"), content);
    f.kind = QStringLiteral("error");
    return f;
}

/// A deleted file: one Bundle that deletes Patient/p0.
[[nodiscard]] inline ServedFile deleted()
{
    ServedFile f = ndjson(
        QStringLiteral("Bundle"),
        R"({"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"DELETE","url":"Patient/p0"}}]})"
        "\n");
    f.kind = QStringLiteral("deleted");
    return f;
}

/// The export the engine tests serve: the two Patients, 500 generated Observations, one
/// Observation written with CRLF, an error file (one warning) and a deleted file. Saved as
/// Patient.1, Observation.1, Observation.2, errors/OperationOutcome.1 and deleted/Bundle.1.
[[nodiscard]] inline QList<ServedFile> mixedExport()
{
    return {ndjson(QStringLiteral("Patient"), twoPatients()),
            generated(QStringLiteral("Observation"), 500),
            ndjson(QStringLiteral("Observation"), R"({"resourceType":"Observation","id":"o9"})"
                                                  "\r\n"),
            errors(), deleted()};
}

/// The export the command-line tests serve: generated Patients and Observations (\a
/// observations lines, enough to stop a download in its middle) and an error file; saved as
/// Patient.1, Observation.1 and errors/OperationOutcome.1.
[[nodiscard]] inline QList<ServedFile> cliExport(qint64 patients = 300, qint64 observations = 60000)
{
    return {generated(QStringLiteral("Patient"), patients),
            generated(QStringLiteral("Observation"), observations), errors()};
}

} // namespace fbm::test::served
