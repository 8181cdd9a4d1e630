#include "ndjsonvalidator.h"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <QString>

namespace fbm {

namespace {

constexpr char kResourceType[] = "resourceType";
constexpr int kResourceTypeLength = sizeof(kResourceType) - 1;
constexpr qsizetype kMaxTypeShown = 64;

// Bytes that end the fast scan through a string: its end, an escape, and the control
// characters JSON forbids inside strings (a newline among them: the line ended too early).
constexpr std::array<bool, 256> kStringStops = [] {
    std::array<bool, 256> stops{};
    for (int c = 0; c < 0x20; ++c)
        stops[std::size_t(c)] = true;
    stops['"'] = true;
    stops['\\'] = true;
    return stops;
}();

/// The first byte at or after p that ends the fast scan through a string (kStringStops).
const char *skipStringBytes(const char *p, const char *end)
{
#if defined(__SSE2__)
    // Sixteen bytes at a time: the scan through strings is most of the work (most of a FHIR
    // resource's bytes are in its strings), a byte at a time it was half the validator's time.
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1f);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i stops =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_cmpeq_epi8(_mm_max_epu8(v, control), control)); // unsigned v <= 0x1f
        if (const int mask = _mm_movemask_epi8(stops))
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end && !kStringStops[quint8(*p)])
        ++p;
    return p;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

NdjsonValidator::NdjsonValidator(QByteArray expectedType)
    : m_expected(std::move(expectedType))
    , m_stack(std::size_t(kMaxDepth / 64 + 1), 0)
{}

qint64 NdjsonValidator::lines() const
{
    bool current = false;
    if (m_state == State::LineStart || m_state == State::SkipLine)
        current = m_lineLength > 1 || (m_lineLength == 1 && m_lastChar != '\r');
    else
        current = true; // the line has begun with its object
    return m_lines + (current ? 1 : 0);
}

std::optional<NdjsonProblem> NdjsonValidator::problem() const
{
    if (m_problem && m_problem->line == 1 && m_problem->column == 1 && m_firstCount == 2 &&
        ((m_firstBytes[0] == 0x1f && m_firstBytes[1] == 0x8b) ||
         (m_firstBytes[0] == 0x78 && (m_firstBytes[1] == 0x01 || m_firstBytes[1] == 0x5e ||
                                      m_firstBytes[1] == 0x9c || m_firstBytes[1] == 0xda)))) {
        // The file starts as gzip or zlib data does: say that, not "not JSON".
        NdjsonProblem compressed = *m_problem;
        compressed.kind = NdjsonProblem::Kind::Compressed;
        return compressed;
    }
    if (m_problem || m_state == State::SkipLine)
        return m_problem;
    // The file ends here: a last line without a newline is judged as it stands.
    if (m_state == State::LineStart) {
        if (m_lineLength > 1 || (m_lineLength == 1 && m_lastChar != '\r'))
            return NdjsonProblem{NdjsonProblem::Kind::NotAnObject, m_lineNumber, 1, {}};
        return std::nullopt;
    }
    if (m_state != State::LineEnd) {
        // Ends inside the object: cut off (or a number or literal not finished).
        return NdjsonProblem{NdjsonProblem::Kind::NotJson, m_lineNumber, m_lineLength + 1, {}};
    }
    NdjsonValidator copy = *this;
    copy.lineEnded();
    return copy.m_problem;
}

void NdjsonValidator::setProblem(NdjsonProblem::Kind kind, qint64 column)
{
    if (!m_problem) {
        m_problem = NdjsonProblem{kind, m_lineNumber, column, {}};
        if (kind == NdjsonProblem::Kind::WrongType)
            m_problem->found = m_typeValue.left(kMaxTypeShown);
    }
}

void NdjsonValidator::lineEnded()
{
    // A complete object: its type is checked now that every key has been seen. The line is
    // what is wrong, not a place in it.
    if (!m_sawType)
        setProblem(NdjsonProblem::Kind::NoResourceType, 1);
    else if (!m_expected.isEmpty() && m_typeValue != m_expected)
        setProblem(NdjsonProblem::Kind::WrongType, 1);
    ++m_lines;
    ++m_lineNumber;
    m_lineLength = 0;
    m_lastChar = 0;
    m_state = m_problem ? State::SkipLine : State::LineStart;
}

void NdjsonValidator::appendTypeByte(char c)
{
    // One byte more than the expected type: a longer value never equals it.
    if (m_typeValue.size() <= qMax(kMaxTypeShown, m_expected.size()))
        m_typeValue.append(c);
}

void NdjsonValidator::valueEnded()
{
    m_state = m_depth == 0 ? State::LineEnd : State::AfterValue;
}

void NdjsonValidator::endOfString()
{
    if (m_afterString == State::Colon) {
        m_keyIsType = m_keyPos == kResourceTypeLength;
        m_state = State::Colon;
        return;
    }
    if (m_valueIsType) {
        m_valueIsType = false;
        m_sawType = true;
    }
    valueEnded();
}

bool NdjsonValidator::stepNumber(char c)
{
    // 0 after '-', 1 after a leading 0, 2 in the integer, 3 after '.', 4 in the fraction,
    // 5 after 'e', 6 after the exponent's sign, 7 in the exponent.
    switch (m_numberState) {
    case 0:
        if (c == '0') {
            m_numberState = 1;
            return true;
        }
        if (isDigit(c)) {
            m_numberState = 2;
            return true;
        }
        return false;
    case 1:
    case 2:
        if (m_numberState == 2 && isDigit(c))
            return true;
        if (c == '.') {
            m_numberState = 3;
            return true;
        }
        if (c == 'e' || c == 'E') {
            m_numberState = 5;
            return true;
        }
        return false;
    case 3:
    case 4:
        if (isDigit(c)) {
            m_numberState = 4;
            return true;
        }
        if (m_numberState == 4 && (c == 'e' || c == 'E')) {
            m_numberState = 5;
            return true;
        }
        return false;
    case 5:
        if (c == '+' || c == '-') {
            m_numberState = 6;
            return true;
        }
        [[fallthrough]];
    case 6:
    case 7:
        if (isDigit(c)) {
            m_numberState = 7;
            return true;
        }
        return false;
    default:
        return false;
    }
}

void NdjsonValidator::feed(const char *data, qint64 size)
{
    const char *p = data;
    const char *const end = data + size;
    for (qint64 i = 0; m_firstCount < 2 && i < size; ++i)
        m_firstBytes[m_firstCount++] = quint8(data[i]);

    // The column of p in its line, for a problem's position.
    qint64 lineStartsAt = -m_lineLength; // relative to data
    const auto column = [&] {
        return qint64(p - data) - lineStartsAt + 1;
    };
    const auto fail = [&](NdjsonProblem::Kind kind) {
        setProblem(kind, column());
        // The rest of this line is skipped; it has content, so it counts.
        m_state = State::SkipLine;
        m_lineLength = 2;
        m_lastChar = 0;
    };
    const auto push = [&](bool object) {
        if (m_depth >= kMaxDepth) {
            fail(NdjsonProblem::Kind::TooDeep);
            return false;
        }
        quint64 &word = m_stack[std::size_t(m_depth / 64)];
        const quint64 bit = quint64(1) << (m_depth % 64);
        word = object ? (word | bit) : (word & ~bit);
        ++m_depth;
        return true;
    };
    const auto topIsObject = [&] {
        const int d = m_depth - 1;
        return (m_stack[std::size_t(d / 64)] >> (d % 64)) & 1;
    };

    while (p < end) {
        if (m_state == State::SkipLine) {
            // Counting only, by LineCounter's rule.
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            const char *stop = nl ? nl : end;
            if (stop > p) {
                m_lineLength += stop - p;
                m_lastChar = *(stop - 1);
            }
            if (!nl)
                break;
            if (m_lineLength > 1 || (m_lineLength == 1 && m_lastChar != '\r'))
                ++m_lines;
            m_lineLength = 0;
            m_lastChar = 0;
            p = nl + 1;
            continue;
        }
        const char c = *p;
        if (c == '\n') {
            if (m_state == State::LineStart) {
                if (m_lineLength > 1 || (m_lineLength == 1 && m_lastChar != '\r')) {
                    // Whitespace only: counted as a line, and not a resource.
                    setProblem(NdjsonProblem::Kind::NotAnObject, 1);
                    ++m_lines;
                    m_state = State::SkipLine;
                }
                ++m_lineNumber;
                m_lineLength = 0;
                m_lastChar = 0;
            } else if (m_state == State::LineEnd) {
                lineEnded();
            } else {
                fail(NdjsonProblem::Kind::NotJson); // the line ends inside its object
                continue;                           // SkipLine counts it
            }
            ++p;
            lineStartsAt = qint64(p - data);
            continue;
        }
        switch (m_state) {
        case State::LineStart:
            if (isSpace(c)) {
                ++m_lineLength;
                m_lastChar = c;
                ++p;
                break;
            }
            lineStartsAt = qint64(p - data) - m_lineLength;
            if (c == '{') {
                m_sawType = false;
                m_keyIsType = false;
                m_valueIsType = false;
                m_typeValue.clear();
                push(true);
                m_state = State::KeyOrEnd;
                ++p;
                break;
            }
            if (c == '[' || c == '"' || c == '-' || isDigit(c) || c == 't' || c == 'f' || c == 'n')
                fail(NdjsonProblem::Kind::NotAnObject);
            else
                fail(NdjsonProblem::Kind::NotJson);
            break;
        case State::Value:
        case State::ArrayFirst: {
            if (isSpace(c)) {
                ++p;
                break;
            }
            const bool typeValue = std::exchange(m_valueIsType, false);
            if (c == '"') {
                m_valueIsType = typeValue;
                if (typeValue)
                    m_typeValue.clear();
                m_afterString = State::AfterValue;
                m_state = State::String;
            } else if (c == '{') {
                if (!push(true))
                    break;
                m_state = State::KeyOrEnd;
            } else if (c == '[') {
                if (!push(false))
                    break;
                m_state = State::ArrayFirst;
            } else if (c == '-' || isDigit(c)) {
                m_numberState = 0;
                m_state = State::Number;
                if (c == '-') {
                    ++p;
                    break;
                }
                continue; // the digit is the number's first
            } else if (c == 't' || c == 'f' || c == 'n') {
                m_literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
                m_literalPos = 1;
                m_state = State::Literal;
            } else if (c == ']' && m_state == State::ArrayFirst) {
                --m_depth;
                valueEnded();
            } else {
                fail(NdjsonProblem::Kind::NotJson);
                break;
            }
            ++p;
            break;
        }
        case State::KeyOrEnd:
        case State::Key:
            if (isSpace(c)) {
                ++p;
                break;
            }
            if (c == '"') {
                m_afterString = State::Colon;
                m_keyPos = m_depth == 1 ? 0 : -1;
                m_state = State::String;
            } else if (c == '}' && m_state == State::KeyOrEnd) {
                --m_depth;
                valueEnded();
            } else {
                fail(NdjsonProblem::Kind::NotJson);
                break;
            }
            ++p;
            break;
        case State::Colon:
            if (isSpace(c)) {
                ++p;
                break;
            }
            if (c != ':') {
                fail(NdjsonProblem::Kind::NotJson);
                break;
            }
            m_valueIsType = std::exchange(m_keyIsType, false);
            m_state = State::Value;
            ++p;
            break;
        case State::AfterValue:
            if (isSpace(c)) {
                ++p;
                break;
            }
            if (c == ',') {
                m_state = topIsObject() ? State::Key : State::Value;
            } else if ((c == '}' && topIsObject()) || (c == ']' && !topIsObject())) {
                --m_depth;
                valueEnded();
            } else {
                fail(NdjsonProblem::Kind::NotJson);
                break;
            }
            ++p;
            break;
        case State::String: {
            if (m_keyPos >= 0 && m_afterString == State::Colon) {
                // A key of the resource itself: is it "resourceType"?
                if (c != '"' && c != '\\' && quint8(c) >= 0x20) {
                    m_keyPos = (m_keyPos < kResourceTypeLength && c == kResourceType[m_keyPos])
                                   ? m_keyPos + 1
                                   : -1;
                    ++p;
                    break;
                }
            } else if (m_valueIsType) {
                if (c != '"' && c != '\\' && quint8(c) >= 0x20) {
                    appendTypeByte(c);
                    ++p;
                    break;
                }
            } else {
                p = skipStringBytes(p, end);
                if (p == end)
                    break;
            }
            const char s = *p;
            if (s == '"') {
                ++p;
                endOfString();
            } else if (s == '\\') {
                ++p;
                m_state = State::Escape;
                if (m_afterString == State::Colon)
                    m_keyPos = -1; // an escaped key is not spelled "resourceType"
            } else if (s != '\n') {
                fail(NdjsonProblem::Kind::NotJson); // a raw control character
            } else {
                continue; // the line ends inside the string: handled above
            }
            break;
        }
        case State::Escape:
            if (c == 'u') {
                m_hexLeft = 4;
                m_unicode = 0;
                m_state = State::Unicode;
            } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' ||
                       c == 'r' || c == 't') {
                if (m_valueIsType && m_afterString != State::Colon) {
                    static constexpr char from[] = "\"\\/bfnrt";
                    static constexpr char to[] = "\"\\/\b\f\n\r\t";
                    appendTypeByte(to[std::strchr(from, c) - from]);
                }
                m_state = State::String;
            } else {
                fail(NdjsonProblem::Kind::NotJson);
                break;
            }
            ++p;
            break;
        case State::Unicode:
            if (!isHex(c)) {
                fail(NdjsonProblem::Kind::NotJson);
                break;
            }
            m_unicode = m_unicode * 16 + quint32(isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
            if (--m_hexLeft == 0) {
                m_state = State::String;
                if (m_valueIsType && m_afterString != State::Colon) {
                    // The type as text, for comparing and for the message (UTF-8).
                    const QByteArray utf8 = QString(QChar(char16_t(m_unicode))).toUtf8();
                    for (const char b : utf8)
                        appendTypeByte(b);
                }
            }
            ++p;
            break;
        case State::Number:
            if (stepNumber(c)) {
                ++p;
                break;
            }
            if (m_numberState == 0 || m_numberState == 3 || m_numberState == 5 ||
                m_numberState == 6) {
                fail(NdjsonProblem::Kind::NotJson);
                break;
            }
            valueEnded(); // c belongs to what follows the number
            break;
        case State::Literal:
            if (c != m_literal[m_literalPos]) {
                fail(NdjsonProblem::Kind::NotJson);
                break;
            }
            ++p;
            if (m_literal[++m_literalPos] == '\0')
                valueEnded();
            break;
        case State::LineEnd:
            if (isSpace(c)) {
                ++p;
                break;
            }
            fail(NdjsonProblem::Kind::NotAnObject); // more than one value on the line
            break;
        case State::SkipLine:
            break;
        }
    }
    if (m_state != State::SkipLine && m_state != State::LineStart)
        m_lineLength = qint64(end - data) - lineStartsAt; // the line goes on in the next piece
}

} // namespace fbm
