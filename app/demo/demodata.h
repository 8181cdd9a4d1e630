#pragma once

#include "bulk/script.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

/// Deterministic synthetic FHIR data for the demo server: NDJSON lines, the demo data set and
/// the server's fixed resources (CapabilityStatement, Group search).
namespace fbm::demo::data {

/// Every line of a generated file has this many bytes, '\n' included, so that a byte offset
/// maps to a line without reading what comes before it (Range requests on generated files).
constexpr qint64 kGeneratedLineWidth = 512;

/// Line index of a resource of this type as compact JSON, without a line feed. Deterministic
/// from (type, index); references point at the demo patients.
QByteArray resourceLine(const QString &type, qint64 index);

/// resourceLine() padded with spaces before its closing brace to kGeneratedLineWidth - 1
/// bytes, plus '\n'.
QByteArray generatedLine(const QString &type, qint64 index);

/// Bytes [offset, offset + length) of a generated file of `lines` lines (clamped to its end).
QByteArray generatedSlice(const QString &type, qint64 lines, qint64 offset, qint64 length);

/// The demo data set: Patient, Observation, Condition, Encounter, MedicationRequest and an
/// error file of warning OperationOutcomes.
QList<ServedFile> demoFiles();

/// A script for the demo mode (the demo-server command, the GUI's --demo): standard URLs, a
/// few polls two seconds apart with readable X-Progress texts, and _type honoured so that the
/// user gets the types they chose. Use with BulkServer::setScript() next to seedDemoData().
Script demoScript();

/// Number of patients the demo data set holds (references point at pat-0 .. pat-<n-1>).
constexpr int kDemoPatients = 40;

/// The groups the demo server knows by default: id and name.
QList<QPair<QString, QString>> defaultGroups();

/// A compact OperationOutcome with one issue: how every demo server says what went wrong.
QByteArray operationOutcome(const QString &severity, const QString &code,
                            const QString &diagnostics);

/// The server's CapabilityStatement (FHIR 4.0.1, the three bulk export operations).
QJsonObject capabilityStatement(const QUrl &base);

/// A searchset Bundle of the groups.
QJsonObject groupBundle(const QUrl &base, const QList<QPair<QString, QString>> &groups);

/// One Group resource.
QJsonObject groupResource(const QString &id, const QString &name, int index);

} // namespace fbm::demo::data
