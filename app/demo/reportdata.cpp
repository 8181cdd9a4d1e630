#include "reportdata.h"

#include "http/gzip.h"

#include <array>

using namespace Qt::StringLiterals;

namespace fbm::demo::reportdata {

namespace {

const auto kForeignCanonicalBase = "http://ehealth.sundhed.dk/fhir/OperationDefinition/"_L1;

// The IG's example answer of $get-report-job-status, verbatim but for the quotes.
const char kSeedExample[] =
    R"({ "resourceType": "Bundle", "type": "collection", "entry": [ { "fullUrl": "ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc", "resource": { "resourceType": "Parameters", "id": "ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc", "parameter": [ { "name": "reportJob", "part": [ { "name": "reportClass", "valueString": "com.systematic.ehealth.reporting.reports.PatientsUsageReport" }, { "name": "userId", "valueString": "0aaca7cd-67c3-48dd-a8c4-0cceecb5d276" }, { "name": "status", "valueString": "DONE" }, { "name": "binary", "valueReference": { "reference": "https://reporting.local.ehealth.sundhed.dk/fhir/Binary/7" } }, { "name": "parameters", "resource": { "resourceType": "Parameters", "parameter": [ { "name": "anonymization", "valueString": "None" } ] } }, { "name": "created", "valueDateTime": "2023-10-12T09:51:50+00:00" }, { "name": "started", "valueDateTime": "2023-10-12T09:51:50+00:00" }, { "name": "ended", "valueDateTime": "2023-10-12T09:51:51+00:00" } ] } ] } } ] })";

QJsonObject input(const QString &name, int min, const QString &max, const QString &type,
                  const QString &doc)
{
    return QJsonObject{{u"name"_s, name}, {u"use"_s, u"in"_s}, {u"min"_s, min},
                       {u"max"_s, max},   {u"type"_s, type},   {u"documentation"_s, doc}};
}

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v & 0xFF)).append(char(v >> 8));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xFFFF));
    put16(out, quint16(v >> 16));
}

/// The fields a ZIP's local header and its central directory record share, from "version
/// needed" to "extra field length".
void putEntry(QByteArray &out, const QByteArray &name, const QByteArray &data)
{
    const quint16 dosTime = (9 << 11) | (51 << 5) | (50 / 2);
    const quint16 dosDate = ((2023 - 1980) << 9) | (10 << 5) | 12;
    put16(out, 20);
    put16(out, 0x0800); // UTF-8 names
    put16(out, 0);      // stored
    put16(out, dosTime);
    put16(out, dosDate);
    put32(out, http::crc32(data));
    put32(out, quint32(data.size()));
    put32(out, quint32(data.size()));
    put16(out, quint16(name.size()));
    put16(out, 0);
}

/// A fixture job of the demo user, finished or on its way.
ReportJob fixtureJob(const QString &id, const QString &className, const QString &status,
                     const QString &binaryRef, const QJsonArray &inputs,
                     const std::array<QString, 3> &createdStartedEnded)
{
    ReportJob job;
    job.id = job.fullUrl = id;
    job.reportClass = reportClass(className);
    job.userId = demoUser();
    job.status = status;
    job.binaryRef = binaryRef;
    job.inputs = inputs;
    job.created = createdStartedEnded[0];
    job.started = createdStartedEnded[1];
    job.ended = createdStartedEnded[2];
    return job;
}

} // namespace

const QList<ReportKind> &reportKinds()
{
    static const QList<ReportKind> kinds = [] {
        const QJsonObject anonymization =
            input(u"anonymization"_s, 1, u"1"_s, u"string"_s,
                  u"None, NONE or ANONYMIZED. NONE needs the report-non-anonymized permission."_s);
        const QJsonObject organization = input(u"organization"_s, 0, u"1"_s, u"Reference"_s,
                                               u"Limit the report to this organization."_s);
        const QJsonObject period =
            input(u"period"_s, 0, u"1"_s, u"Period"_s, u"Limit the report to this period."_s);
        return QList<ReportKind>{
            {u"patient-usage-stats"_s,
             u"PatientsUsageReport"_s,
             false,
             true,
             {anonymization, organization, period}},
            {u"measurement-stats"_s,
             u"MeasurementStatsReport"_s,
             true,
             true,
             {anonymization, organization, period}},
            {u"patient-gdpr"_s,
             u"PatientGdprReport"_s,
             false,
             true,
             {anonymization, input(u"patient"_s, 1, u"1"_s, u"Reference"_s,
                                   u"The patient the report is about."_s)}},
            {u"ssl-orders"_s,
             u"SslOrdersReport"_s,
             false,
             false,
             {anonymization,
              input(u"seller"_s, 0, u"1"_s, u"Reference"_s, u"The seller's organization."_s)}},
        };
    }();
    return kinds;
}

const ReportKind *findReport(const QString &name)
{
    for (const ReportKind &k : reportKinds()) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

QString reportClass(const QString &className)
{
    return u"com.systematic.ehealth.reporting.reports."_s + className;
}

QString demoUser()
{
    return u"0aaca7cd-67c3-48dd-a8c4-0cceecb5d276"_s;
}

QJsonObject part(const QString &name, const QString &valueKey, const QJsonValue &value)
{
    return QJsonObject{{u"name"_s, name}, {valueKey, value}};
}

QList<ReportJob> fixtureJobs()
{
    const QJsonObject anonNone = part(u"anonymization"_s, u"valueString"_s, u"None"_s);
    const QJsonArray csvInputs{
        part(u"anonymization"_s, u"valueString"_s, u"ANONYMIZED"_s),
        part(u"organization"_s, u"valueReference"_s,
             QJsonObject{{u"reference"_s, u"Organization/42"_s}}),
        part(u"period"_s, u"valuePeriod"_s,
             QJsonObject{{u"start"_s, u"2023-01-01"_s}, {u"end"_s, u"2023-06-30"_s}})};
    QList<ReportJob> jobs{
        fixtureJob(u"ce35bcd5-4bb2-4c6e-b230-5347df1fe9bc"_s, u"PatientsUsageReport"_s, u"DONE"_s,
                   u"{base}Binary/7"_s, {anonNone},
                   {u"2023-10-12T09:51:50+00:00"_s, u"2023-10-12T09:51:50+00:00"_s,
                    u"2023-10-12T09:51:51+00:00"_s}),
        fixtureJob(u"2b7c4f0e-5a61-4f8e-9d0c-1f2a3b4c5d6e"_s, u"PractitionerStatsReport"_s,
                   u"DONE"_s, u"Binary/8"_s, csvInputs,
                   {u"2023-10-13T08:00:00+00:00"_s, u"2023-10-13T08:00:05+00:00"_s,
                    u"2023-10-13T08:02:17+00:00"_s}),
        fixtureJob(u"5e0d1c2b-3a49-4f5e-8d7c-6b5a49382716"_s, u"CareplanDurationStatsReport"_s,
                   u"FAILED"_s, {}, {part(u"anonymization"_s, u"valueString"_s, u"NONE"_s)},
                   {u"2023-10-14T10:00:00+00:00"_s, u"2023-10-14T10:00:01+00:00"_s,
                    u"2023-10-14T10:00:03+00:00"_s}),
        fixtureJob(u"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"_s, u"MeasurementStatsReport"_s,
                   u"RUNNING"_s, u"Binary/9"_s, {anonNone},
                   {u"2023-10-15T07:30:00+00:00"_s, u"2023-10-15T07:30:02+00:00"_s, {}}),
        // Only what a queued job may have: no user, no inputs, no Binary, no times but created.
        fixtureJob(u"0f1e2d3c-4b5a-4697-8877-665544332211"_s, u"PatientTotalReport"_s, u"QUEUED"_s,
                   {}, {}, {u"2023-10-15T07:31:00+00:00"_s, {}, {}}),
        // Parts in reverse order, two parts no client knows, an absolute Binary URL, raw bytes.
        fixtureJob(u"77aa88bb-99cc-4dde-8eff-001122334455"_s, u"CareteamStatsReport"_s, u"DONE"_s,
                   u"{base}Binary/10"_s, {anonNone},
                   {u"2023-10-16T12:00:00+00:00"_s, u"2023-10-16T12:00:00+00:00"_s,
                    u"2023-10-16T13:01:05+00:00"_s}),
        // A urn:uuid fullUrl, no resource id, and the payload under `content`.
        fixtureJob(u"c0ffee00-1234-4abc-9def-0123456789ab"_s, u"PatientDevicesReport"_s, u"DONE"_s,
                   u"Binary/11"_s, {anonNone},
                   {u"2023-10-17T06:00:00+00:00"_s, u"2023-10-17T06:00:01+00:00"_s,
                    u"2023-10-17T06:00:09+00:00"_s}),
    };
    jobs[4].userId.clear();
    jobs[5].extraParts = {part(u"priority"_s, u"valueInteger"_s, 3),
                          part(u"node"_s, u"valueString"_s, u"reporting-worker-2"_s)};
    jobs[5].reverseParts = true;
    jobs[6].fullUrl = u"urn:uuid:"_s + jobs[6].id;
    jobs[6].omitResourceId = true;
    return jobs;
}

QHash<QString, Binary> fixtureBinaries()
{
    return {{u"7"_s, {sampleZip(), "application/gzip-json", BinaryForm::Data}},
            {u"8"_s, {sampleCsv(), "text/csv", BinaryForm::Data}},
            {u"9"_s, {placeholderText(), "text/plain", BinaryForm::Data}},
            {u"10"_s, {samplePdf(), "application/pdf", BinaryForm::Raw}},
            {u"11"_s, {sampleZip(), "application/gzip-json", BinaryForm::Content}}};
}

QByteArray seedExampleAnswer()
{
    return kSeedExample;
}

QJsonObject jobEntry(const ReportJob &job, const QString &base)
{
    QJsonArray parts;
    // A part only for what the job has: a queued job has few.
    const auto add = [&parts](const QString &name, const QString &valueKey, const QString &value) {
        if (!value.isEmpty())
            parts.append(part(name, valueKey, value));
    };
    add(u"reportClass"_s, u"valueString"_s, job.reportClass);
    add(u"userId"_s, u"valueString"_s, job.userId);
    add(u"status"_s, u"valueString"_s, job.status);
    if (!job.binaryRef.isEmpty()) {
        QString ref = job.binaryRef;
        ref.replace(u"{base}"_s, base);
        parts.append(part(u"binary"_s, u"valueReference"_s, QJsonObject{{u"reference"_s, ref}}));
    }
    if (!job.inputs.isEmpty()) {
        parts.append(QJsonObject{{u"name"_s, u"parameters"_s},
                                 {u"resource"_s, QJsonObject{{u"resourceType"_s, u"Parameters"_s},
                                                             {u"parameter"_s, job.inputs}}}});
    }
    add(u"created"_s, u"valueDateTime"_s, job.created);
    add(u"started"_s, u"valueDateTime"_s, job.started);
    add(u"ended"_s, u"valueDateTime"_s, job.ended);
    for (const QJsonValue &extra : job.extraParts)
        parts.append(extra);
    if (job.reverseParts) {
        QJsonArray reversed;
        for (qsizetype i = parts.size() - 1; i >= 0; --i)
            reversed.append(parts.at(i));
        parts = reversed;
    }
    QJsonObject resource{
        {u"resourceType"_s, u"Parameters"_s},
        {u"parameter"_s, QJsonArray{QJsonObject{{u"name"_s, u"reportJob"_s}, {u"part"_s, parts}}}}};
    if (!job.omitResourceId)
        resource.insert(u"id"_s, job.id);
    return QJsonObject{{u"fullUrl"_s, job.fullUrl}, {u"resource"_s, resource}};
}

QJsonObject capabilityStatement(const QString &base)
{
    QJsonArray ops{QJsonObject{
        {u"name"_s, u"get-report-job-status"_s},
        {u"definition"_s, QString(base + u"OperationDefinition/-s-get-report-job-status"_s)}}};
    for (const ReportKind &k : reportKinds()) {
        const QString canonical =
            k.foreignCanonical ? QString(kForeignCanonicalBase + u"-s-execute-"_s + k.name)
                               : QString(base + u"OperationDefinition/-s-execute-"_s + k.name);
        QJsonObject op{{u"name"_s, QString(u"execute-"_s + k.name)}};
        if (k.hasDefinition)
            op.insert(u"definition"_s, canonical);
        ops.append(op);
        if (k.name == "patient-usage-stats"_L1) {
            ops.append(QJsonObject{{u"name"_s, QString(u"schedule-"_s + k.name)}});
            ops.append(QJsonObject{{u"name"_s, QString(u"fetch-"_s + k.name)}});
        }
    }
    const QJsonObject binary{{u"type"_s, u"Binary"_s},
                             {u"interaction"_s, QJsonArray{QJsonObject{{u"code"_s, u"read"_s}},
                                                           QJsonObject{{u"code"_s, u"vread"_s}},
                                                           QJsonObject{{u"code"_s, u"delete"_s}}}}};
    return QJsonObject{{u"resourceType"_s, u"CapabilityStatement"_s},
                       {u"status"_s, u"active"_s},
                       {u"kind"_s, u"instance"_s},
                       {u"fhirVersion"_s, u"4.0.1"_s},
                       {u"format"_s, QJsonArray{u"json"_s}},
                       {u"rest"_s, QJsonArray{QJsonObject{{u"mode"_s, u"server"_s},
                                                          {u"resource"_s, QJsonArray{binary}},
                                                          {u"operation"_s, ops}}}}};
}

QJsonObject operationDefinition(const QString &report, const QString &base)
{
    const ReportKind *k = findReport(report);
    if (!k)
        return {};
    QJsonArray params;
    for (const QJsonObject &in : k->inputs)
        params.append(in);
    params.append(
        QJsonObject{{u"name"_s, u"return"_s},
                    {u"use"_s, u"out"_s},
                    {u"min"_s, 1},
                    {u"max"_s, u"1"_s},
                    {u"type"_s, u"Binary"_s},
                    {u"documentation"_s, u"A Base64 encoded .zip file containing a JSon file"_s}});
    const QString id = u"-s-execute-"_s + k->name;
    const QString url = k->foreignCanonical ? QString(kForeignCanonicalBase + id)
                                            : QString(base + u"OperationDefinition/"_s + id);
    return QJsonObject{
        {u"resourceType"_s, u"OperationDefinition"_s},
        {u"id"_s, id},
        {u"url"_s, url},
        {u"name"_s, QString(u"execute-"_s + k->name)},
        {u"title"_s, QString(u"Execute "_s + k->className)},
        {u"status"_s, u"active"_s},
        {u"kind"_s, u"operation"_s},
        {u"description"_s, QString(u"Runs the "_s + k->name + u" report asynchronously."_s)},
        {u"code"_s, QString(u"execute-"_s + k->name)},
        {u"system"_s, true},
        {u"type"_s, false},
        {u"instance"_s, false},
        {u"parameter"_s, params}};
}

QByteArray makeZip(const QList<QPair<QString, QByteArray>> &files)
{
    // A stored ZIP (no compression) is all a client needs to recognise and save.
    QByteArray out;
    QByteArray central;
    for (const auto &file : files) {
        const QByteArray name = file.first.toUtf8();
        const QByteArray &data = file.second;
        const auto offset = quint32(out.size());
        put32(out, 0x04034b50);
        putEntry(out, name, data);
        out.append(name).append(data);

        put32(central, 0x02014b50);
        put16(central, 20); // made by
        putEntry(central, name, data);
        put16(central, 0); // comment length
        put16(central, 0); // disk
        put16(central, 0); // internal attributes
        put32(central, 0); // external attributes
        put32(central, offset);
        central.append(name);
    }
    const auto centralOffset = quint32(out.size());
    out.append(central);
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(files.size()));
    put16(out, quint16(files.size()));
    put32(out, quint32(central.size()));
    put32(out, centralOffset);
    put16(out, 0);
    return out;
}

QByteArray sampleZip()
{
    const QByteArray json =
        R"({"report":"PatientsUsageReport","generated":"2023-10-12T09:51:51+00:00",)"
        R"("rows":[{"organization":"Organization/42","patients":17,"activeUsers":12},)"
        R"({"organization":"Organization/43","patients":5,"activeUsers":5}]})"
        "\n";
    return makeZip({{u"PatientsUsageReport.json"_s, json}});
}

QByteArray sampleCsv()
{
    return "practitioner;organization;logins\r\nPractitioner/1;Organization/42;31\r\n"
           "Practitioner/2;Organization/42;7\r\n"_ba;
}

QByteArray samplePdf()
{
    return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 "
           "obj<</Type/Pages/Kids[]/Count 0>>"
           "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"_ba;
}

QByteArray placeholderText()
{
    return "*NOT GENERATED YET*"_ba;
}

} // namespace fbm::demo::reportdata
