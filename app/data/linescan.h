#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <vector>

namespace fbm {

/**
 * Checks one NDJSON line as JSON (RFC 8259, UTF-8) in a single pass without building a
 * document, and picks out the string members asked for: "name" at the top level or
 * "name.member" one level down (the overview's resourceType, id, meta.lastUpdated,
 * references and dates). Several times faster than QJsonDocument, which the overview keeps
 * for what this does not answer: a line that fails (for the parser's own message) and a value
 * written with escapes.
 */
class LineScan
{
public:
    /// Members to pick, each "name" or "name.member"; value(i) answers for paths[i].
    explicit LineScan(const QList<QByteArray> &paths);

    /// Whether \a line is one JSON object and nothing else. The values found stay valid as
    /// long as \a line does.
    [[nodiscard]] bool scan(QByteArrayView line);
    /// The raw text of string member \a i (between the quotes; null when absent or not a
    /// string).
    [[nodiscard]] QByteArrayView value(int i) const { return m_values[size_t(i)]; }
    /// A value picked holds an escape (\n, \u00e6…): value() is not its text.
    [[nodiscard]] bool escaped() const { return m_escaped; }

private:
    struct Want
    {
        QByteArray parent; ///< empty: a top-level member
        QByteArray key;
    };
    bool value(const char *&p, int depth, int parent);
    bool object(const char *&p, int depth, int parent);
    bool array(const char *&p, int depth);
    /// After an element or member: the closing \a close (*closed) or a comma and the space
    /// after it; false when neither comes.
    bool separator(const char *&p, char close, bool *closed);
    bool string(const char *&p, QByteArrayView *text, bool *escaped);
    bool number(const char *&p);
    void space(const char *&p) const;

    std::vector<Want> m_wants;
    std::vector<QByteArrayView> m_values;
    const char *m_end = nullptr;
    bool m_escaped = false;
};

} // namespace fbm
