#pragma once

#include "viewdefinition.h"

#include <QByteArray>
#include <QList>

namespace fbm {

/// The top-level elements of a resource that a view can read, found from its FHIRPath
/// expressions, so that the rest of each NDJSON line (narrative, identifiers, meta…) is skipped
/// by a byte scanner instead of being parsed into JSON values. A view that may read the whole
/// resource ($this or %resource at its root, a function that hands the resource on) keeps
/// every element.
class ViewProjection
{
public:
    explicit ViewProjection(const ViewDefinition &view);

    /// Whether every element is kept (reduce() is then not worth calling).
    [[nodiscard]] bool keepsAll() const { return m_all; }
    /// The element names kept; a name also keeps its choice forms (value: valueQuantity…).
    [[nodiscard]] const QList<QByteArray> &names() const { return m_names; }

    /// \a line (one JSON object) with only the kept top-level members, into \a out. False when
    /// the line is not an object this scanner reads; the caller then parses it whole (and so
    /// reports it the same way).
    bool reduce(const char *begin, const char *end, QByteArray *out) const;

private:
    [[nodiscard]] bool wanted(const char *key, qsizetype size) const;

    QList<QByteArray> m_names;
    bool m_all = false;
};

} // namespace fbm
