#include "rowwriter.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

constexpr qsizetype flushAt = 1 << 20;

/// A number as JSON writes it: integers without a decimal point, others in their shortest form.
QByteArray number(double d)
{
    if (d == std::trunc(d) && std::abs(d) < 9007199254740992.0)
        return QByteArray::number(qint64(d));
    return QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

QByteArray jsonText(const QJsonValue &v)
{
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    // A lone value: wrapped in an array and unwrapped, so that strings are escaped as JSON does.
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

RowWriter::RowWriter(QIODevice *out, QStringList columns)
    : m_out(out)
    , m_columns(std::move(columns))
{}

bool RowWriter::append(const QByteArray &bytes)
{
    m_buffer += bytes;
    if (m_buffer.size() >= flushAt)
        return finish();
    return m_ok;
}

bool RowWriter::writeRow(const ViewRow &row)
{
    encode(row, &m_buffer);
    return append({});
}

bool RowWriter::finish()
{
    if (m_ok && !m_buffer.isEmpty())
        m_ok = m_out->write(m_buffer) == m_buffer.size();
    m_buffer.clear();
    return m_ok;
}

CsvWriter::CsvWriter(QIODevice *out, QStringList columns)
    : RowWriter(out, std::move(columns))
{}

QByteArray CsvWriter::quoted(const QByteArray &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r'))
        return text;
    QByteArray q = text;
    q.replace('"', "\"\"");
    return '"' + q + '"';
}

QByteArray CsvWriter::field(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::String:
        return quoted(value.toString().toUtf8());
    case QJsonValue::Array:
    case QJsonValue::Object:
        return quoted(jsonText(value));
    }
    return {};
}

bool CsvWriter::writeHeader()
{
    QByteArray line;
    for (qsizetype i = 0; i < columns().size(); ++i) {
        if (i > 0)
            line += ',';
        line += quoted(columns().at(i).toUtf8());
    }
    line += "\r\n";
    return append(line);
}

void CsvWriter::encode(const ViewRow &row, QByteArray *out) const
{
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (i > 0)
            *out += ',';
        *out += field(row.at(i));
    }
    *out += "\r\n";
}

JsonRowWriter::JsonRowWriter(QIODevice *out, QStringList columns)
    : RowWriter(out, std::move(columns))
{}

void JsonRowWriter::encode(const ViewRow &row, QByteArray *out) const
{
    // Written by hand to keep the view's column order (QJsonObject sorts its keys).
    *out += '{';
    for (qsizetype i = 0; i < row.size() && i < columns().size(); ++i) {
        if (i > 0)
            *out += ',';
        *out += jsonText(columns().at(i)) + ':' + jsonText(row.at(i));
    }
    *out += "}\n";
}

} // namespace fbm
