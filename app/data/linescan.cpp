#include "linescan.h"

#include <cstring>

namespace fbm {

namespace {

/// Deeper than any FHIR resource; QJsonDocument decides about the rare line beyond.
constexpr int kMaxDepth = 256;

bool digit(char c)
{
    return c >= '0' && c <= '9';
}

bool hex(char c)
{
    return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Bytes a string cannot simply go on with: the closing quote, an escape, a control
/// character, or the start of a multi-byte UTF-8 sequence.
struct Special
{
    bool table[256] = {};
    constexpr Special()
    {
        for (int c = 0; c < 0x20; ++c)
            table[c] = true;
        for (int c = 0x80; c < 256; ++c)
            table[c] = true;
        table[int('"')] = true;
        table[int('\\')] = true;
    }
};
constexpr Special kSpecial;

} // namespace

LineScan::LineScan(const QList<QByteArray> &paths)
{
    for (const QByteArray &path : paths) {
        const qsizetype dot = path.indexOf('.');
        m_wants.push_back(dot < 0 ? Want{{}, path} : Want{path.left(dot), path.mid(dot + 1)});
    }
    m_values.resize(m_wants.size());
}

void LineScan::space(const char *&p) const
{
    while (p < m_end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        ++p;
}

bool LineScan::scan(QByteArrayView line)
{
    std::fill(m_values.begin(), m_values.end(), QByteArrayView());
    m_escaped = false;
    const char *p = line.data();
    m_end = p + line.size();
    space(p);
    if (p == m_end || *p != '{')
        return false;
    if (!object(p, 1, -1))
        return false;
    space(p);
    return p == m_end;
}

bool LineScan::string(const char *&p, QByteArrayView *text, bool *escaped)
{
    ++p; // the opening quote
    const char *start = p;
    while (p < m_end) {
        // Plain ASCII text, most of every line, a table look-up a byte.
        while (p < m_end && !kSpecial.table[static_cast<unsigned char>(*p)])
            ++p;
        if (p == m_end)
            return false;
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            if (text)
                *text = QByteArrayView(start, p - start);
            ++p;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            if (escaped)
                *escaped = true;
            if (++p == m_end)
                return false;
            const char e = *p;
            if (e == 'u') {
                if (m_end - p < 5 || !hex(p[1]) || !hex(p[2]) || !hex(p[3]) || !hex(p[4]))
                    return false;
                p += 5;
            } else if (std::strchr("\"\\/bfnrt", e) && e != 0) {
                ++p;
            } else {
                return false;
            }
            continue;
        }
        if (c < 0x80) {
            ++p;
            continue;
        }
        // UTF-8: a lead byte and its continuation bytes, no overlong forms or surrogates.
        int more = 0;
        unsigned char lo = 0x80, hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            more = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            more = 2;
            if (c == 0xe0)
                lo = 0xa0;
            if (c == 0xed)
                hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            more = 3;
            if (c == 0xf0)
                lo = 0x90;
            if (c == 0xf4)
                hi = 0x8f;
        } else {
            return false;
        }
        if (m_end - p <= more)
            return false;
        for (int i = 1; i <= more; ++i) {
            const auto b = static_cast<unsigned char>(p[i]);
            if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xbf))
                return false;
        }
        p += more + 1;
    }
    return false;
}

bool LineScan::number(const char *&p)
{
    if (*p == '-')
        ++p;
    if (p == m_end)
        return false;
    if (*p == '0') {
        ++p;
    } else if (digit(*p)) {
        while (p < m_end && digit(*p))
            ++p;
    } else {
        return false;
    }
    if (p < m_end && *p == '.') {
        ++p;
        if (p == m_end || !digit(*p))
            return false;
        while (p < m_end && digit(*p))
            ++p;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (p == m_end || !digit(*p))
            return false;
        while (p < m_end && digit(*p))
            ++p;
    }
    return true;
}

bool LineScan::array(const char *&p, int depth)
{
    ++p; // [
    space(p);
    if (p < m_end && *p == ']') {
        ++p;
        return true;
    }
    while (p < m_end) {
        bool closed = false;
        if (!value(p, depth + 1, -2) || !separator(p, ']', &closed))
            return false;
        if (closed)
            return true;
    }
    return false;
}

bool LineScan::separator(const char *&p, char close, bool *closed)
{
    space(p);
    if (p == m_end)
        return false;
    *closed = *p == close;
    if (!*closed && *p != ',')
        return false;
    ++p;
    if (!*closed)
        space(p);
    return true;
}

/// \a parent: -1 the top-level object; >= 0 the index of a wanted parent name's member whose
/// object this is; -2 anything else.
bool LineScan::object(const char *&p, int depth, int parent)
{
    if (depth > kMaxDepth)
        return false;
    ++p; // {
    space(p);
    if (p < m_end && *p == '}') {
        ++p;
        return true;
    }
    while (p < m_end) {
        if (*p != '"')
            return false;
        QByteArrayView key;
        bool keyEscaped = false;
        if (!string(p, &key, &keyEscaped))
            return false;
        space(p);
        if (p == m_end || *p != ':')
            return false;
        ++p;
        space(p);
        if (p == m_end)
            return false;
        // Which member this is, when it is wanted: a string to keep, or an object to look in.
        int keep = -1;
        int into = -2;
        if (parent != -2 && !keyEscaped && !key.isEmpty()) {
            for (size_t i = 0; i < m_wants.size(); ++i) {
                const Want &w = m_wants[i];
                const QByteArray &name = parent == -1 && !w.parent.isEmpty() ? w.parent : w.key;
                if (name.isEmpty() || name.front() != key.front() || name.size() != key.size())
                    continue; // most members: not even the first byte or the length matches
                if (parent == -1 && w.parent.isEmpty() && key == w.key)
                    keep = int(i);
                else if (parent == -1 && key == w.parent)
                    into = int(i);
                else if (parent >= 0 && w.parent == m_wants[size_t(parent)].parent && key == w.key)
                    keep = int(i);
            }
        }
        if (*p == '"' && keep >= 0) {
            if (!string(p, &m_values[size_t(keep)], &m_escaped))
                return false;
        } else if (*p == '{' && into >= 0) {
            if (!object(p, depth + 1, into))
                return false;
        } else if (!value(p, depth + 1, -2)) {
            return false;
        }
        bool closed = false;
        if (!separator(p, '}', &closed))
            return false;
        if (closed)
            return true;
    }
    return false;
}

bool LineScan::value(const char *&p, int depth, int parent)
{
    if (depth > kMaxDepth || p == m_end)
        return false;
    switch (*p) {
    case '{':
        return object(p, depth, parent);
    case '[':
        return array(p, depth);
    case '"':
        return string(p, nullptr, nullptr);
    case 't':
        if (m_end - p >= 4 && std::memcmp(p, "true", 4) == 0) {
            p += 4;
            return true;
        }
        return false;
    case 'f':
        if (m_end - p >= 5 && std::memcmp(p, "false", 5) == 0) {
            p += 5;
            return true;
        }
        return false;
    case 'n':
        if (m_end - p >= 4 && std::memcmp(p, "null", 4) == 0) {
            p += 4;
            return true;
        }
        return false;
    default:
        return number(p);
    }
}

} // namespace fbm
