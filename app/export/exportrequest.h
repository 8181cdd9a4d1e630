#pragma once

#include <QCoreApplication>

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace fbm {

enum class ExportLevel
{
    System,
    Patient,
    Group
};

/// What the user asked to export, as the kick-off will send it.
struct ExportRequest
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ExportRequest)

public:
    QUrl base; ///< the FHIR base URL, e.g. https://server/fhir
    ExportLevel level = ExportLevel::System;
    QString groupId;         ///< Group level only
    QString groupName;       ///< the group's name when picked from the server's list (display)
    QStringList types;       ///< _type, sent comma-joined (HAPI declares _type max=1)
    QDateTime since;         ///< _since (an instant)
    QDateTime until;         ///< _until (Bulk Data v3)
    QStringList typeFilters; ///< _typeFilter, repeated, each percent-encoded on GET
    QStringList elements;    ///< _elements, comma-joined
    QString outputFormat;    ///< _outputFormat; empty = the server's default (ndjson)
    bool usePost = false;    ///< POST with a Parameters body instead of GET
    QStringList patients;    ///< patient references (POST only, Patient/Group level)
    QStringList includeAssociatedData;
    bool noCache = false; ///< send Cache-Control: no-cache (HAPI reuses identical jobs otherwise)
    /// Prefer: handling=lenient: the server may skip parameters it does not support (and
    /// should say so in the error files) instead of refusing the export.
    bool lenient = false;

    /// The kick-off parameters this request sets, by their names in the specification
    /// (_type, _since, _until, _typeFilter, _elements, _outputFormat, includeAssociatedData,
    /// patient).
    [[nodiscard]] QStringList parameterNames() const;
    /// This request without the parameter \a name (one of parameterNames()).
    [[nodiscard]] ExportRequest without(const QString &name) const;

    /// A user-facing reason why this request cannot be sent, or an empty string.
    [[nodiscard]] QString validate() const;
    /// `[base]/$export`, `[base]/Patient/$export` or `[base]/Group/<id>/$export`, with the query
    /// parameters when sent by GET.
    [[nodiscard]] QUrl kickoffUrl() const;
    /// Whether this request, once saved, holds everything \a like asks for up to its
    /// transaction time: the same server, level, group, types, type filters, elements and
    /// patients (in any order), and no _until (for "changes since my last export").
    [[nodiscard]] bool coversTheSameDataAs(const ExportRequest &like) const;
    /// The FHIR Parameters resource for a POST kick-off.
    [[nodiscard]] QByteArray parametersBody() const;
    /// "System", "Patient", "Group <name or id>", the types, and the changes asked for ("changes
    /// since 12/7/26 10:01 AM"), for lists and tables.
    [[nodiscard]] QString summary() const;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ExportRequest fromJson(const QJsonObject &o);
};

[[nodiscard]] QString levelName(ExportLevel level);
[[nodiscard]] std::optional<ExportLevel> levelFromName(const QString &name);

} // namespace fbm
