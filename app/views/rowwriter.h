#pragma once

#include "viewrunner.h"

#include <QByteArray>
#include <QStringList>

class QIODevice;

namespace fbm {

/// Buffers rows into a device, a MiB at a time.
class RowWriter : public RowSink
{
public:
    RowWriter(QIODevice *out, QStringList columns);
    /// Writes what is buffered; false when the device refused it.
    bool finish();
    bool writeRow(const ViewRow &row) override;
    [[nodiscard]] bool canEncode() const override { return true; }
    bool writeEncoded(const QByteArray &bytes) override { return append(bytes); }
    [[nodiscard]] const QStringList &columns() const { return m_columns; }

protected:
    bool append(const QByteArray &bytes);
    QByteArray m_buffer;

private:
    QIODevice *m_out;
    QStringList m_columns;
    bool m_ok = true;
};

/// CSV as RFC 4180 has it: UTF-8, a header row with the view's column names, CRLF line ends,
/// a field in double quotes when it holds a comma, a quote or a line break (quotes doubled).
/// Null is an empty field; a `collection: true` column (or an object) is its JSON text.
class CsvWriter final : public RowWriter
{
public:
    CsvWriter(QIODevice *out, QStringList columns);
    bool writeHeader();
    void encode(const ViewRow &row, QByteArray *out) const override;
    /// One field as it is written, quoted when it needs it.
    [[nodiscard]] static QByteArray field(const QJsonValue &value);
    [[nodiscard]] static QByteArray quoted(const QByteArray &text);
};

/// One JSON object per row and line (NDJSON), the column names as keys in the view's order.
class JsonRowWriter final : public RowWriter
{
public:
    JsonRowWriter(QIODevice *out, QStringList columns);
    void encode(const ViewRow &row, QByteArray *out) const override;
};

} // namespace fbm
