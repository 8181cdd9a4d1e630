#include "reportoperations.h"
#include "logging.h"

#include "httpclient.h"
#include "reportrequests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

QString normalizedReportName(const QString &name)
{
    QString n = name.trimmed();
    if (n.startsWith(u'$'))
        n.remove(0, 1);
    if (n.startsWith("execute-"_L1))
        n.remove(0, 8);
    return n;
}

ReportInputDefinition anonymizationInput()
{
    ReportInputDefinition d;
    d.name = u"anonymization"_s;
    d.type = u"string"_s;
    d.min = 1;
    d.max = u"1"_s;
    return d;
}

} // namespace

QJsonObject ReportInput::toParameter() const
{
    return QJsonObject{{u"name"_s, name}, {QString(u"value"_s + valueType), value}};
}

ReportInput ReportInput::string(const QString &name, const QString &value)
{
    return {name, u"String"_s, value};
}

ReportInput ReportInput::reference(const QString &name, const QString &reference)
{
    return {name, u"Reference"_s, QJsonObject{{u"reference"_s, reference}}};
}

ReportInput ReportInput::period(const QString &name, const QDate &start, const QDate &end)
{
    QJsonObject p;
    if (start.isValid())
        p.insert(u"start"_s, start.toString(Qt::ISODate));
    if (end.isValid())
        p.insert(u"end"_s, end.toString(Qt::ISODate));
    return {name, u"Period"_s, p};
}

ReportInput ReportInput::coding(const QString &name, const QString &system, const QString &code)
{
    QJsonObject c{{u"code"_s, code}};
    if (!system.isEmpty())
        c.insert(u"system"_s, system);
    return {name, u"Coding"_s, c};
}

ReportInput ReportInput::integer(const QString &name, int value)
{
    return {name, u"Integer"_s, value};
}

// ---------------------------------------------------------------------------------------------

ReportOperations::ReportOperations(const ReportRequests *requests, QObject *parent)
    : QObject(parent)
    , m_requests(requests)
{}

ReportOperations::~ReportOperations() = default;

void ReportOperations::list()
{
    if (m_listing || !m_requests->http())
        return;
    m_listing = true;
    const HttpCall call = m_requests->call(m_requests->endpoint(u"metadata"_s));
    m_requests->http()->send(call, this, [this](const HttpResponse &r) { onMetadata(r); });
}

void ReportOperations::onMetadata(const HttpResponse &response)
{
    const QString what = tr("Reading the reports the server offers");
    if (!response.isSuccess()) {
        m_listing = false;
        Q_EMIT operationsFailed(m_requests->httpError(response, what));
        return;
    }
    const QJsonObject cs = QJsonDocument::fromJson(response.body).object();
    if (cs.value("resourceType"_L1).toString() != "CapabilityStatement"_L1) {
        m_listing = false;
        Q_EMIT operationsFailed(Error::make(
            Error::Kind::Protocol,
            tr("The server's metadata is not a CapabilityStatement, so its reports are unknown."),
            u"metadata resourceType: "_s + cs.value("resourceType"_L1).toString(),
            response.status));
        return;
    }

    QList<ReportOperation> ops;
    auto collect = [&ops](const QJsonArray &list) {
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            QString code = o.value("name"_L1).toString();
            if (code.startsWith(u'$'))
                code.remove(0, 1);
            if (!code.startsWith("execute-"_L1) || code.size() <= 8)
                continue;
            const bool known =
                std::any_of(ops.cbegin(), ops.cend(),
                            [&code](const ReportOperation &op) { return op.code == code; });
            if (known)
                continue;
            ReportOperation op;
            op.code = code;
            op.name = code.mid(8);
            op.canonical = o.value("definition"_L1).toString();
            op.inputs = {anonymizationInput()};
            ops.append(op);
        }
    };
    const QJsonArray rest = cs.value("rest"_L1).toArray();
    for (const QJsonValue &r : rest) {
        collect(r.toObject().value("operation"_L1).toArray());
        const QJsonArray resources = r.toObject().value("resource"_L1).toArray();
        for (const QJsonValue &res : resources)
            collect(res.toObject().value("operation"_L1).toArray());
    }
    std::sort(ops.begin(), ops.end(),
              [](const ReportOperation &a, const ReportOperation &b) { return a.name < b.name; });
    m_operations = ops;

    m_definitionsPending = 0;
    for (const ReportOperation &op : std::as_const(m_operations)) {
        if (!op.canonical.isEmpty())
            ++m_definitionsPending;
    }
    if (m_definitionsPending == 0) {
        finishListing();
        return;
    }
    for (int i = 0; i < m_operations.size(); ++i) {
        if (!m_operations.at(i).canonical.isEmpty())
            fetchDefinition(i);
    }
}

void ReportOperations::fetchDefinition(int index)
{
    const QUrl canonical(m_operations.at(index).canonical);
    QUrl url;
    if (canonical.isValid() && !canonical.isRelative() &&
        HttpClient::sameOrigin(canonical, m_requests->http()->base())) {
        url = canonical;
    } else if (canonical.isValid() && canonical.isRelative()) {
        url = m_requests->endpoint(canonical.toString());
    } else {
        // A canonical URL is a name, not an address: ask the server for the definition by it.
        url = m_requests->endpoint(u"OperationDefinition"_s);
        QUrlQuery q;
        q.addQueryItem(u"url"_s, canonical.toString());
        url.setQuery(q);
    }
    const HttpCall call = m_requests->call(url);
    m_requests->http()->send(call, this,
                             [this, index](const HttpResponse &r) { onDefinition(index, r); });
}

void ReportOperations::onDefinition(int index, const HttpResponse &response)
{
    if (index < m_operations.size() && response.isSuccess()) {
        QJsonObject def = QJsonDocument::fromJson(response.body).object();
        if (def.value("resourceType"_L1).toString() == "Bundle"_L1) {
            const QJsonArray entries = def.value("entry"_L1).toArray();
            def = {};
            for (const QJsonValue &e : entries) {
                const QJsonObject res = e.toObject().value("resource"_L1).toObject();
                if (res.value("resourceType"_L1).toString() == "OperationDefinition"_L1) {
                    def = res;
                    break;
                }
            }
        }
        if (def.value("resourceType"_L1).toString() == "OperationDefinition"_L1) {
            ReportOperation &op = m_operations[index];
            op.definitionFound = true;
            op.title = def.value("title"_L1).toString();
            op.description = def.value("description"_L1).toString();
            QList<ReportInputDefinition> inputs;
            const QJsonArray params = def.value("parameter"_L1).toArray();
            for (const QJsonValue &p : params) {
                const QJsonObject po = p.toObject();
                if (po.value("use"_L1).toString() != "in"_L1)
                    continue;
                ReportInputDefinition d;
                d.name = po.value("name"_L1).toString();
                d.type = po.value("type"_L1).toString();
                d.min = po.value("min"_L1).toInt();
                d.max = po.value("max"_L1).toString(u"1"_s);
                d.documentation = po.value("documentation"_L1).toString();
                inputs.append(d);
            }
            const bool hasAnonymization =
                std::any_of(inputs.cbegin(), inputs.cend(), [](const ReportInputDefinition &d) {
                    return d.name == "anonymization"_L1;
                });
            if (!hasAnonymization)
                inputs.prepend(anonymizationInput());
            op.inputs = inputs;
        }
    } else if (index < m_operations.size()) {
        qCInfo(lcReports) << "no OperationDefinition for" << m_operations.at(index).code
                          << response.status;
    }
    if (--m_definitionsPending == 0)
        finishListing();
}

void ReportOperations::finishListing()
{
    m_listing = false;
    Q_EMIT operationsListed(m_operations);
}

void ReportOperations::execute(const QString &name, const QList<ReportInput> &inputs)
{
    const QString report = normalizedReportName(name);
    if (!m_requests->http() || report.isEmpty()) {
        Q_EMIT executeFailed(report, Error::make(Error::Kind::Usage, tr("No report was chosen.")));
        return;
    }
    QJsonArray params;
    for (const ReportInput &in : inputs)
        params.append(in.toParameter());
    QJsonObject body{{u"resourceType"_s, u"Parameters"_s}};
    if (!params.isEmpty())
        body.insert(u"parameter"_s, params);

    HttpCall call = m_requests->call(m_requests->endpoint(u"$execute-"_s + report));
    call.method = "POST";
    call.headers.append({"Content-Type", ReportRequests::kFhirJson});
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_requests->http()->send(call, this, [this, report](const HttpResponse &response) {
        if (!response.isSuccess()) {
            //: %1 the report's name
            Q_EMIT executeFailed(
                report, m_requests->httpError(response, tr("Starting the report %1").arg(report)));
            return;
        }
        Q_EMIT reportExecuted(report);
    });
}

} // namespace fbm
