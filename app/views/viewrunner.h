#pragma once

#include "viewdefinition.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <vector>

namespace fbm {

/// One row of a view: a value per column, in the view's column order (null: no value; an
/// array for a `collection: true` column).
using ViewRow = QList<QJsonValue>;

/// Where rows go, one call per row in the order of the input.
class RowSink
{
public:
    virtual ~RowSink() = default;
    /// False to stop the run (a write failed).
    virtual bool writeRow(const ViewRow &row) = 0;

    /// Whether encode() may turn rows into bytes on the worker threads, leaving only
    /// writeEncoded() to the calling thread.
    [[nodiscard]] virtual bool canEncode() const { return false; }
    /// Appends \a row as it is written; thread-safe (const, no shared state).
    virtual void encode(const ViewRow &row, QByteArray *out) const
    {
        Q_UNUSED(row);
        Q_UNUSED(out);
    }
    /// Writes rows encode() made; false to stop the run.
    virtual bool writeEncoded(const QByteArray &bytes)
    {
        Q_UNUSED(bytes);
        return false;
    }
};

/// Evaluates a ViewDefinition on one resource at a time: its `where`, then `select` with
/// column, forEach, forEachOrNull, repeat, unionAll and nested select, as the specification's
/// processing model says. Const and free of shared state: one runner serves several threads.
class ViewRunner
{
    Q_DECLARE_TR_FUNCTIONS(fbm::ViewRunner)
public:
    explicit ViewRunner(ViewDefinition view);

    [[nodiscard]] const ViewDefinition &view() const { return m_view; }

    /// Appends the rows of \a resource to \a rows (none when it is of another type or `where`
    /// leaves it out). False with *error set when the view cannot be evaluated on it: a
    /// column that is not a collection gives several values, a `where` gives no boolean.
    bool evaluate(const QJsonObject &resource, std::vector<ViewRow> *rows, QString *error) const;

private:
    struct Frame;
    bool selectRows(const ViewSelect &s, const fhirpath::Item &focus, qint64 rowIndex,
                    const Frame &frame, std::vector<ViewRow> *out) const;
    bool focusRows(const ViewSelect &s, const fhirpath::Item &focus, qint64 rowIndex,
                   const Frame &frame, std::vector<ViewRow> *out) const;
    bool columnValues(const std::vector<ViewColumn> &columns, const fhirpath::Collection &input,
                      qint64 rowIndex, const Frame &frame, ViewRow *row) const;

    ViewDefinition m_view;
    int m_width = 0;
};

} // namespace fbm
