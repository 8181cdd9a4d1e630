#include "demodata.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>

namespace fbm::demo::data {

namespace {

// A stable hash: qHash() is seeded per process, and the data must be the same in every run.
quint64 mix(const QString &type, qint64 index, quint64 salt = 0)
{
    quint64 h = 1469598103934665603ull; // FNV-1a over the type name
    for (QChar c : type) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    quint64 z = h ^ (quint64(index) * 0x9E3779B97F4A7C15ull) ^ (salt * 0xBF58476D1CE4E5B9ull);
    // splitmix64 finaliser
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

QByteArray pick(const std::initializer_list<const char *> &list, quint64 h)
{
    return QByteArray(*(list.begin() + h % list.size()));
}

QByteArray num(qint64 v)
{
    return QByteArray::number(v);
}

QByteArray twoDigits(qint64 v)
{
    return QByteArray::number(v).rightJustified(2, '0');
}

QByteArray day(const QString &type, qint64 index, quint64 salt)
{
    const QDate d = QDate(2023, 1, 1).addDays(qint64(mix(type, index, salt) % 700));
    return d.toString(Qt::ISODate).toLatin1();
}

QByteArray instant(const QString &type, qint64 index, quint64 salt)
{
    const quint64 h = mix(type, index, salt + 100);
    return day(type, index, salt) + 'T' + twoDigits(h % 24) + ':' + twoDigits((h / 24) % 60) + ':' +
           twoDigits((h / 1440) % 60) + 'Z';
}

QByteArray prefixFor(const QString &type)
{
    if (type == QLatin1String("Patient"))
        return QByteArrayLiteral("pat");
    if (type == QLatin1String("Observation"))
        return QByteArrayLiteral("obs");
    if (type == QLatin1String("Condition"))
        return QByteArrayLiteral("cond");
    if (type == QLatin1String("Encounter"))
        return QByteArrayLiteral("enc");
    if (type == QLatin1String("MedicationRequest"))
        return QByteArrayLiteral("medreq");
    if (type == QLatin1String("OperationOutcome"))
        return QByteArrayLiteral("oo");
    if (type == QLatin1String("Bundle"))
        return QByteArrayLiteral("del");
    return type.toLower().toLatin1();
}

QByteArray patientRef(const QString &type, qint64 index)
{
    return "{\"reference\":\"Patient/pat-" + num(qint64(mix(type, index, 7) % kDemoPatients)) +
           "\"}";
}

QByteArray meta(const QString &type, qint64 index)
{
    return "\"meta\":{\"lastUpdated\":\"" + instant(type, index, 1) + "\"}";
}

} // namespace

QByteArray resourceLine(const QString &type, qint64 index)
{
    const QByteArray id = prefixFor(type) + '-' + num(index);
    const QByteArray t = type.toLatin1();
    const quint64 h = mix(type, index);
    QByteArray line = "{\"resourceType\":\"" + t + "\",\"id\":\"" + id + "\",";

    if (type == QLatin1String("Patient")) {
        const bool female = h % 2 == 0;
        const QByteArray given =
            female ? pick({"Anna", "Karen", "Mette", "Sofie", "Ida", "Grace", "Olivia", "Freja"},
                          h >> 8)
                   : pick({"Lars", "Jens", "Peter", "Mikkel", "Noah", "Jack", "William", "Oliver"},
                          h >> 8);
        const QByteArray family = pick({"Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen",
                                        "Smith", "Brown", "Wilson", "Larsen", "Christensen"},
                                       h >> 16);
        const QDate birth = QDate(1930, 1, 1).addDays(qint64((h >> 24) % 32000));
        line += meta(type, index) +
                ",\"identifier\":[{\"system\":\"urn:oid:1.2.208.176.1.2\",\"value\":\"" +
                QByteArray::number(1000000000ull + (h >> 20) % 8999999999ull) +
                "\"}],\"name\":[{\"use\":\"official\",\"family\":\"" + family + "\",\"given\":[\"" +
                given + "\"]}],\"gender\":\"" +
                (female ? QByteArrayLiteral("female") : QByteArrayLiteral("male")) +
                "\",\"birthDate\":\"" + birth.toString(Qt::ISODate).toLatin1() + "\"}";
        return line;
    }
    if (type == QLatin1String("Observation")) {
        struct Kind
        {
            const char *code, *display, *unit;
            int base, spread;
        };
        static const Kind kinds[] = {{"8867-4", "Heart rate", "/min", 55, 50},
                                     {"29463-7", "Body weight", "kg", 50, 70},
                                     {"8310-5", "Body temperature", "Cel", 36, 3},
                                     {"2708-6", "Oxygen saturation", "%", 88, 12}};
        const Kind &k = kinds[h % 4];
        const quint64 v = (h >> 8) % quint64(k.spread * 10);
        const QByteArray value = num(k.base + qint64(v / 10)) + '.' + num(qint64(v % 10));
        line += meta(type, index) + ",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":" +
                "\"http://loinc.org\",\"code\":\"" + k.code + "\",\"display\":\"" + k.display +
                "\"}]},\"subject\":" + patientRef(type, index) + ",\"effectiveDateTime\":\"" +
                instant(type, index, 2) + "\",\"valueQuantity\":{\"value\":" + value +
                ",\"unit\":\"" + k.unit +
                "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + k.unit + "\"}}";
        return line;
    }
    if (type == QLatin1String("Condition")) {
        static const char *const codes[][2] = {{"44054006", "Diabetes mellitus type 2"},
                                               {"38341003", "Hypertensive disorder"},
                                               {"13645005", "Chronic obstructive lung disease"},
                                               {"84114007", "Heart failure"}};
        const auto &c = codes[h % 4];
        line += meta(type, index) +
                ",\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/"
                "CodeSystem/condition-clinical\",\"code\":\"active\"}]},\"code\":{\"coding\":[{"
                "\"system\":\"http://snomed.info/sct\",\"code\":\"" +
                c[0] + "\",\"display\":\"" + c[1] + "\"}]},\"subject\":" + patientRef(type, index) +
                ",\"onsetDateTime\":\"" + day(type, index, 3) + "\"}";
        return line;
    }
    if (type == QLatin1String("Encounter")) {
        static const char *const classes[][2] = {
            {"AMB", "ambulatory"}, {"VR", "virtual"}, {"HH", "home health"}};
        const auto &c = classes[h % 3];
        const QByteArray start = instant(type, index, 4);
        line += meta(type, index) +
                ",\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/"
                "CodeSystem/v3-ActCode\",\"code\":\"" +
                c[0] + "\",\"display\":\"" + c[1] + "\"},\"subject\":" + patientRef(type, index) +
                ",\"period\":{\"start\":\"" + start + "\",\"end\":\"" + start.left(11) +
                twoDigits(qint64(23)) + ":59:00Z\"}}";
        return line;
    }
    if (type == QLatin1String("MedicationRequest")) {
        static const char *const meds[][2] = {{"A10BA02", "metformin"},
                                              {"C09AA05", "ramipril"},
                                              {"C03CA01", "furosemide"},
                                              {"R03AC02", "salbutamol"}};
        const auto &m = meds[h % 4];
        line += meta(type, index) +
                ",\"status\":\"active\",\"intent\":\"order\",\"medicationCodeableConcept\":{"
                "\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"" +
                m[0] + "\",\"display\":\"" + m[1] + "\"}]},\"subject\":" + patientRef(type, index) +
                ",\"authoredOn\":\"" + day(type, index, 5) + "\"}";
        return line;
    }
    if (type == QLatin1String("OperationOutcome")) {
        line += "\"issue\":[{\"severity\":\"warning\",\"code\":\"processing\",\"diagnostics\":"
                "\"Observation/obs-" +
                num(qint64(h % 100000)) +
                " was left out of the export: its subject could not be resolved (demo warning " +
                num(index) + ")\"}]}";
        return line;
    }
    if (type == QLatin1String("Bundle")) {
        line += "\"type\":\"transaction\",\"entry\":[{\"request\":{\"method\":\"DELETE\","
                "\"url\":\"Observation/obs-deleted-" +
                num(index) + "\"}}]}";
        return line;
    }
    line += meta(type, index) + '}';
    return line;
}

QByteArray generatedLine(const QString &type, qint64 index)
{
    QByteArray line = resourceLine(type, index);
    const qint64 width = kGeneratedLineWidth - 1;
    if (line.size() > width) {
        // Only a type name of hundreds of characters gets here: fall back to the bare minimum
        // rather than produce a line of the wrong width.
        line = "{\"resourceType\":\"Basic\",\"id\":\"gen-" + num(index) + "\"}";
    }
    line.insert(line.size() - 1, QByteArray(width - line.size(), ' '));
    line += '\n';
    return line;
}

QByteArray generatedSlice(const QString &type, qint64 lines, qint64 offset, qint64 length)
{
    const qint64 total = lines * kGeneratedLineWidth;
    if (offset < 0 || offset >= total || length <= 0)
        return {};
    length = qMin(length, total - offset);
    QByteArray out;
    out.reserve(length);
    qint64 pos = offset;
    while (pos < offset + length) {
        const qint64 lineIndex = pos / kGeneratedLineWidth;
        const qint64 inLine = pos % kGeneratedLineWidth;
        const qint64 take = qMin(kGeneratedLineWidth - inLine, offset + length - pos);
        out += generatedLine(type, lineIndex).mid(inLine, take);
        pos += take;
    }
    return out;
}

static ServedFile textFile(const QString &kind, const QString &type, qint64 from, qint64 count)
{
    ServedFile f;
    f.kind = kind;
    f.type = type;
    for (qint64 i = from; i < from + count; ++i) {
        f.content += resourceLine(type, i);
        f.content += '\n';
    }
    return f;
}

QList<ServedFile> demoFiles()
{
    using namespace Qt::StringLiterals;
    // Observations come in two files, as servers split large types.
    return {
        textFile(u"output"_s, u"Patient"_s, 0, kDemoPatients),
        textFile(u"output"_s, u"Observation"_s, 0, 120),
        textFile(u"output"_s, u"Observation"_s, 120, 80),
        textFile(u"output"_s, u"Condition"_s, 0, 55),
        textFile(u"output"_s, u"Encounter"_s, 0, 70),
        textFile(u"output"_s, u"MedicationRequest"_s, 0, 45),
        textFile(u"error"_s, u"OperationOutcome"_s, 0, 2),
    };
}

Script demoScript()
{
    using namespace Qt::StringLiterals;
    Script s;
    s.flavor = Flavor::Standard;
    s.pollsBeforeDone = 4;
    s.retryAfterSeconds = 2;
    s.honourTypeParameter = true;
    // The texts real servers send (Health Connect's counter, HAPI's build state).
    s.progressTexts = {u"Export queued"_s, u"Search in progress - found 118 of 412 resources"_s,
                       u"Search in progress - found 297 of 412 resources"_s,
                       u"Writing files - 412 of 412 resources"_s};
    return s;
}

QList<QPair<QString, QString>> defaultGroups()
{
    using namespace Qt::StringLiterals;
    return {{u"demo-group-1"_s, u"Heart failure telemonitoring"_s},
            {u"demo-group-2"_s, u"COPD home programme"_s}};
}

QByteArray operationOutcome(const QString &severity, const QString &code,
                            const QString &diagnostics)
{
    using namespace Qt::StringLiterals;
    const QJsonObject issue{
        {u"severity"_s, severity}, {u"code"_s, code}, {u"diagnostics"_s, diagnostics}};
    return QJsonDocument(QJsonObject{{u"resourceType"_s, u"OperationOutcome"_s},
                                     {u"issue"_s, QJsonArray{issue}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject capabilityStatement(const QUrl &base)
{
    using namespace Qt::StringLiterals;
    const QString baseText = base.toString();
    auto op = [](const QString &name, const QString &definition) {
        return QJsonObject{
            {u"name"_s, name},
            {u"definition"_s,
             QString(u"http://hl7.org/fhir/uv/bulkdata/OperationDefinition/"_s + definition)}};
    };
    const QJsonArray searchInteraction{QJsonObject{{u"code"_s, u"read"_s}},
                                       QJsonObject{{u"code"_s, u"search-type"_s}}};
    QJsonArray resources;
    resources.append(QJsonObject{{u"type"_s, u"Group"_s},
                                 {u"interaction"_s, searchInteraction},
                                 {u"operation"_s, QJsonArray{op(u"export"_s, u"group-export"_s)}}});
    resources.append(
        QJsonObject{{u"type"_s, u"Patient"_s},
                    {u"operation"_s, QJsonArray{op(u"export"_s, u"patient-export"_s)}}});
    resources.append(
        QJsonObject{{u"type"_s, u"Binary"_s},
                    {u"interaction"_s, QJsonArray{QJsonObject{{u"code"_s, u"read"_s}}}}});
    QJsonObject security{
        {u"service"_s,
         QJsonArray{
             QJsonObject{{u"coding"_s,
                          QJsonArray{QJsonObject{
                              {u"system"_s,
                               u"http://terminology.hl7.org/CodeSystem/restful-security-service"_s},
                              {u"code"_s, u"SMART-on-FHIR"_s}}}}}}}};
    QJsonObject rest{{u"mode"_s, u"server"_s},
                     {u"security"_s, security},
                     {u"resource"_s, resources},
                     {u"operation"_s, QJsonArray{op(u"export"_s, u"export"_s),
                                                 op(u"patient-export"_s, u"patient-export"_s),
                                                 op(u"group-export"_s, u"group-export"_s)}}};
    return QJsonObject{
        {u"resourceType"_s, u"CapabilityStatement"_s},
        {u"status"_s, u"active"_s},
        {u"date"_s, u"2024-01-01"_s},
        {u"kind"_s, u"instance"_s},
        {u"software"_s, QJsonObject{{u"name"_s, u"FHIR Bulk Monitor demo server"_s},
                                    {u"version"_s, QStringLiteral(FBM_VERSION)},
                                    {u"releaseDate"_s, u"2026-12-01"_s}}},
        {u"implementation"_s, QJsonObject{{u"description"_s, u"Simulated FHIR Bulk Data server"_s},
                                          {u"url"_s, baseText}}},
        {u"fhirVersion"_s, u"4.0.1"_s},
        {u"format"_s, QJsonArray{u"application/fhir+json"_s}},
        {u"instantiates"_s,
         QJsonArray{u"http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data"_s}},
        {u"rest"_s, QJsonArray{rest}},
    };
}

QJsonObject groupResource(const QString &id, const QString &name, int index)
{
    using namespace Qt::StringLiterals;
    QJsonArray members;
    // Each group holds a deterministic slice of the demo patients.
    for (int i = index; i < kDemoPatients; i += 3) {
        members.append(QJsonObject{
            {u"entity"_s,
             QJsonObject{{u"reference"_s, QString(u"Patient/pat-"_s + QString::number(i))}}}});
    }
    return QJsonObject{{u"resourceType"_s, u"Group"_s},
                       {u"id"_s, id},
                       {u"type"_s, u"person"_s},
                       {u"actual"_s, true},
                       {u"name"_s, name},
                       {u"quantity"_s, members.size()},
                       {u"member"_s, members}};
}

QJsonObject groupBundle(const QUrl &base, const QList<QPair<QString, QString>> &groups)
{
    using namespace Qt::StringLiterals;
    QJsonArray entries;
    int index = 0;
    for (const auto &g : groups) {
        entries.append(
            QJsonObject{{u"fullUrl"_s, QString(base.toString() + u"/Group/"_s + g.first)},
                        {u"resource"_s, groupResource(g.first, g.second, index++)},
                        {u"search"_s, QJsonObject{{u"mode"_s, u"match"_s}}}});
    }
    return QJsonObject{
        {u"resourceType"_s, u"Bundle"_s},
        {u"type"_s, u"searchset"_s},
        {u"total"_s, entries.size()},
        {u"link"_s, QJsonArray{QJsonObject{{u"relation"_s, u"self"_s},
                                           {u"url"_s, QString(base.toString() + u"/Group"_s)}}}},
        {u"entry"_s, entries}};
}

} // namespace fbm::demo::data
