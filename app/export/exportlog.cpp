#include "exportlog.h"

#include "activity.h"
#include "exportrequest.h"
#include "redact.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {
constexpr qsizetype kMaxBody = 16 * 1024;
} // namespace

ExportLog::ExportLog(QString folder)
    : m_folder(std::move(folder))
{}

ExportLog::~ExportLog() = default;

void ExportLog::close()
{
    m_file.reset();
}

QString ExportLog::path() const
{
    return QDir(m_folder).filePath(QLatin1StringView(kFileName));
}

QString ExportLog::append(const QString &exportId, const QDateTime &at, const QString &eventId,
                          const QJsonObject &detail)
{
    // Written directly rather than through a QJsonObject of the whole row: a row per file
    // request and per saved file, and the nested conversion cost more than the file write
    // (perf, 20,000 small files). The members in the order QJsonDocument wrote them (sorted).
    QByteArray line;
    line.reserve(256);
    line.append("{\"eventDetail\":");
    line.append(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    line.append(",\"eventId\":");
    appendJsonString(line, eventId);
    line.append(",\"exportId\":");
    appendJsonString(line, exportId);
    line.append(",\"timestamp\":");
    appendJsonString(line, at.toUTC().toString(Qt::ISODateWithMs));
    line.append("}\n");
    // Appended, never rewritten (QSaveFile would replace the file): one write of the whole
    // line, so that a reader sees whole rows, and a crash leaves at worst a last line cut short.
    bool ok = true;
    if (!m_file) {
        QDir().mkpath(m_folder);
        m_file = std::make_unique<QFile>(path());
        ok = m_file->open(QIODevice::ReadWrite | QIODevice::Append);
        if (ok && m_file->size() > 0) {
            // A row cut short by a crash is ended first, so that it spoils no more than itself.
            char last = '\n';
            if (m_file->seek(m_file->size() - 1) && m_file->getChar(&last) && last != '\n')
                line.prepend('\n');
        }
    }
    ok = ok && m_file->write(line) == line.size() && m_file->flush();
    if (!ok) {
        const QString why = m_file->errorString();
        m_file.reset(); // opened again for the next row
        //: %1 is a file path, %2 the system's reason
        return tr("The export log %1 could not be written: %2. The export goes on without it.")
            .arg(QDir::toNativeSeparators(path()), why);
    }
    return {};
}

QDateTime ExportLog::firstTimestamp(const QString &exportId) const
{
    QFile file(path());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    while (!file.atEnd()) {
        const QJsonObject row = QJsonDocument::fromJson(file.readLine()).object();
        if (row.value("exportId"_L1).toString() == exportId)
            return QDateTime::fromString(row.value("timestamp"_L1).toString(), Qt::ISODateWithMs);
    }
    return {};
}

QJsonObject ExportLog::requestParameters(const ExportRequest &request)
{
    QJsonObject p;
    if (!request.outputFormat.isEmpty())
        p.insert("_outputFormat"_L1, request.outputFormat);
    if (request.since.isValid())
        p.insert("_since"_L1, request.since.toUTC().toString(Qt::ISODateWithMs));
    if (request.until.isValid())
        p.insert("_until"_L1, request.until.toUTC().toString(Qt::ISODateWithMs));
    if (!request.types.isEmpty())
        p.insert("_type"_L1, request.types.join(u','));
    if (!request.elements.isEmpty())
        p.insert("_elements"_L1, request.elements.join(u','));
    if (!request.typeFilters.isEmpty())
        p.insert("_typeFilter"_L1, QJsonArray::fromStringList(request.typeFilters));
    if (!request.includeAssociatedData.isEmpty())
        p.insert("includeAssociatedData"_L1, request.includeAssociatedData.join(u','));
    // `patient` is left out on purpose: the log is meant to be shared, and holds no patient.
    return p;
}

bool ExportLog::isSensitiveHeader(QByteArrayView name)
{
    const QByteArray n = name.toByteArray().toLower();
    static const char *const kParts[] = {"auth",    "cookie",    "token",      "secret",  "key",
                                         "session", "signature", "credential", "password"};
    for (const char *part : kParts) {
        if (n.contains(part))
            return true;
    }
    return false;
}

QJsonObject ExportLog::responseHeaders(const HeaderList &headers)
{
    QJsonObject out;
    for (const auto &[name, value] : headers) {
        if (isSensitiveHeader(name))
            continue;
        const QString key = QString::fromLatin1(name).toLower();
        const QString text = redactText(QString::fromUtf8(value));
        const QString before = out.value(key).toString();
        out.insert(key, before.isEmpty() ? text : before + u", "_s + text);
    }
    return out;
}

QJsonValue ExportLog::body(const QByteArray &body)
{
    if (body.isEmpty())
        return QJsonValue::Null;
    const QByteArray clean = redactBody(body);
    if (clean.size() <= kMaxBody) {
        const QJsonDocument doc = QJsonDocument::fromJson(clean);
        if (doc.isObject())
            return doc.object();
        if (doc.isArray())
            return doc.array();
    }
    return redactText(QString::fromUtf8(clean.left(kMaxBody)));
}

} // namespace fbm
