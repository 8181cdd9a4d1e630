#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace fbm {

/// What is wrong with an NDJSON file, found by NdjsonValidator: the first bad line only.
struct NdjsonProblem
{
    enum class Kind
    {
        NotJson,        ///< the line is not valid JSON (column says where it stops being JSON)
        NotAnObject,    ///< valid JSON perhaps, but not one object on the line
        NoResourceType, ///< an object without a top-level "resourceType" string
        WrongType,      ///< "resourceType" is not the manifest's type (found says which)
        Compressed,     ///< the bytes start as gzip or zlib data: compressed, never decoded
        TooDeep,        ///< nested deeper than any FHIR resource is
    };
    Kind kind = Kind::NotJson;
    qint64 line = 0;   ///< 1-based, counting every line of the file (empty ones too)
    qint64 column = 0; ///< 1-based byte in the line where the problem was seen
    QByteArray found;  ///< WrongType: the resourceType the line has (at most 64 bytes)
};

/// Checks an NDJSON byte stream fed in arbitrary pieces, the way a download arrives: each
/// non-empty line must be one JSON object (RFC 8259, strictly) whose top-level "resourceType"
/// is the expected type. It counts lines by the same rule as LineCounter (a line is non-empty
/// once a trailing '\r' is dropped) and keeps counting after the first problem, which it
/// remembers. Memory stays flat: nothing of a line is kept but its nesting (a bit per level).
class NdjsonValidator
{
public:
    /// \a expectedType: the resourceType every line must have; empty: any type.
    explicit NdjsonValidator(QByteArray expectedType = {});

    void feed(const char *data, qint64 size);
    /// Lines so far, counting an unterminated last line.
    [[nodiscard]] qint64 lines() const;
    /// The first problem, with an unterminated last line judged as it stands (a file that ends
    /// in the middle of a line ends there).
    [[nodiscard]] std::optional<NdjsonProblem> problem() const;
    [[nodiscard]] const QByteArray &expectedType() const { return m_expected; }

    /// The deepest nesting accepted; FHIR resources stay far below it.
    static constexpr int kMaxDepth = 512;

private:
    enum class State : quint8
    {
        LineStart,  ///< whitespace before the line's object
        Value,      ///< a value must come
        ArrayFirst, ///< a value or ']'
        KeyOrEnd,   ///< a key or '}'
        Key,        ///< a key must come
        Colon,      ///< ':' must come
        AfterValue, ///< ',' or the container's end
        String,     ///< inside a string
        Escape,     ///< after '\' in a string
        Unicode,    ///< in the 4 hex digits of \u
        Number,     ///< inside a number (m_numberState says where)
        Literal,    ///< inside true, false or null
        LineEnd,    ///< after the line's object: only whitespace
        SkipLine,   ///< a problem was found: count the rest of the lines only
    };

    void lineEnded();
    void setProblem(NdjsonProblem::Kind kind, qint64 column);
    void endOfString();
    void valueEnded();
    void appendTypeByte(char c);
    bool stepNumber(char c);

    QByteArray m_expected;
    std::optional<NdjsonProblem> m_problem;
    State m_state = State::LineStart;
    State m_afterString = State::AfterValue; ///< a key string is followed by Colon
    std::vector<quint64> m_stack;            ///< one bit per open container: 1 object, 0 array
    int m_depth = 0;
    qint64 m_lines = 0;      ///< complete non-empty lines
    qint64 m_lineNumber = 1; ///< of the current line, empty lines included
    qint64 m_lineLength = 0; ///< bytes of the current line so far
    char m_lastChar = 0;     ///< of the current line
    // The key just read at depth 1 is "resourceType": its value is checked.
    bool m_keyIsType = false;
    bool m_valueIsType = false;
    bool m_sawType = false;
    int m_keyPos = 0;       ///< bytes of a depth-1 key matched against "resourceType" (-1: no)
    QByteArray m_typeValue; ///< the resourceType string as read (bounded)
    int m_hexLeft = 0;
    quint32 m_unicode = 0; ///< the \u escape read so far
    int m_numberState = 0;
    const char *m_literal = nullptr;
    int m_literalPos = 0;
    quint8 m_firstBytes[2] = {0, 0}; ///< of the file: gzip and zlib have magic numbers
    int m_firstCount = 0;
};

} // namespace fbm
