#include "viewprojection.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace fbm {

namespace {

using fhirpath::Node;

/// Functions whose result is never their input items (so never the resource itself).
bool givesNewValues(const QString &name)
{
    static const QStringList names = {u"getResourceKey"_s, u"getReferenceKey"_s,
                                      u"exists"_s,         u"empty"_s,
                                      u"count"_s,          u"not"_s,
                                      u"join"_s,           u"extension"_s,
                                      u"lowBoundary"_s,    u"highBoundary"_s,
                                      u"toString"_s,       u"length"_s,
                                      u"startsWith"_s,     u"endsWith"_s,
                                      u"contains"_s,       u"matches"_s,
                                      u"hasValue"_s,       u"toInteger"_s,
                                      u"toDecimal"_s,      u"lower"_s,
                                      u"upper"_s,          u"replace"_s,
                                      u"substring"_s,      u"allTrue"_s,
                                      u"anyTrue"_s,        u"all"_s};
    return names.contains(name);
}

class Analysis
{
public:
    QList<QByteArray> names;
    bool all = false;

    void add(const QString &name)
    {
        const QByteArray n = name.toUtf8();
        if (!names.contains(n))
            names.append(n);
    }

    /// Whether \a n reads the whole resource wherever it is evaluated.
    static bool readsResource(const Node &n)
    {
        if (n.kind == Node::Kind::Variable &&
            (n.name == "resource"_L1 || n.name == "rootResource"_L1 || n.name == "context"_L1))
            return true;
        for (const auto &a : n.args) {
            if (readsResource(*a))
                return true;
        }
        return false;
    }

    /// Whether \a n, evaluated on the resource, may give the resource itself.
    static bool mayGiveResource(const Node &n)
    {
        switch (n.kind) {
        case Node::Kind::Literal:
        case Node::Kind::Empty:
        case Node::Kind::Member:
        case Node::Kind::Index:
        case Node::Kind::Unary:
            return false;
        case Node::Kind::This:
        case Node::Kind::Variable:
            return true;
        case Node::Kind::Invocation:
        case Node::Kind::Indexer:
            return mayGiveResource(*n.args.at(0));
        case Node::Kind::Function:
            return !givesNewValues(n.name);
        case Node::Kind::Binary:
            if (n.name == "|"_L1 || n.name == "as"_L1)
                return mayGiveResource(*n.args.at(0)) || mayGiveResource(*n.args.at(1));
            return false;
        }
        return true;
    }

    /// Records the top-level elements \a n reads when evaluated on the resource.
    void onResource(const Node &n)
    {
        if (all)
            return;
        switch (n.kind) {
        case Node::Kind::Member:
            add(n.name);
            return;
        case Node::Kind::This:
            all = true;
            return;
        case Node::Kind::Variable:
            if (readsResource(n))
                all = true;
            return;
        case Node::Kind::Invocation:
            onResource(*n.args.at(0));
            if (mayGiveResource(*n.args.at(0)))
                all = true;
            else if (readsResource(*n.args.at(1)))
                all = true;
            return;
        case Node::Kind::Function:
            if (n.name == "getResourceKey"_L1)
                add(u"id"_s);
            else if (n.name == "extension"_L1)
                add(u"extension"_s);
            for (const auto &a : n.args)
                onResource(*a);
            return;
        default:
            for (const auto &a : n.args)
                onResource(*a);
        }
    }

    /// A select evaluated on the resource (\a onRoot) or on items found in it.
    void select(const ViewSelect &s, bool onRoot)
    {
        const bool iterates = s.iteration != ViewSelect::Iteration::None;
        const auto expression = [&](const fhirpath::Expression &e, bool root) {
            if (root)
                onResource(*e.root);
            else if (readsResource(*e.root))
                all = true;
        };
        if (s.iteration == ViewSelect::Iteration::Repeat) {
            for (const fhirpath::Expression &e : s.repeat) {
                expression(e, onRoot);
                if (onRoot && mayGiveResource(*e.root))
                    all = true;
            }
        } else if (iterates) {
            expression(s.forEach, onRoot);
            if (onRoot && mayGiveResource(*s.forEach.root))
                all = true; // the columns would read the resource itself
        }
        for (const ViewColumn &c : s.columns)
            expression(c.path, onRoot && !iterates);
        for (const ViewSelect &n : s.select)
            select(n, onRoot && !iterates);
        for (const ViewSelect &n : s.unionAll)
            select(n, onRoot && !iterates);
    }
};

/// Past the JSON string at \a p (at its opening quote); null when it does not end.
const char *skipString(const char *p, const char *end)
{
    for (++p; p < end; ++p) {
        if (*p == '\\')
            ++p;
        else if (*p == '"')
            return p + 1;
    }
    return nullptr;
}

const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        ++p;
    return p;
}

/// Past the JSON value at \a p; null when it is cut short.
const char *skipValue(const char *p, const char *end)
{
    if (p >= end)
        return nullptr;
    if (*p == '"')
        return skipString(p, end);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < end) {
            const char c = *p;
            if (c == '"') {
                p = skipString(p, end);
                if (!p)
                    return nullptr;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return p + 1;
            ++p;
        }
        return nullptr;
    }
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' &&
           *p != '\r' && *p != '\n')
        ++p;
    return p;
}

} // namespace

ViewProjection::ViewProjection(const ViewDefinition &view)
{
    Analysis a;
    a.add(u"resourceType"_s);
    for (const fhirpath::Expression &w : view.where())
        a.onResource(*w.root);
    for (const ViewSelect &s : view.select())
        a.select(s, true);
    m_all = a.all;
    m_names = a.names;
}

bool ViewProjection::wanted(const char *key, qsizetype size) const
{
    for (const QByteArray &n : m_names) {
        if (size < n.size() || std::memcmp(key, n.constData(), size_t(n.size())) != 0)
            continue;
        if (size == n.size() || (key[n.size()] >= 'A' && key[n.size()] <= 'Z'))
            return true;
    }
    return false;
}

bool ViewProjection::reduce(const char *begin, const char *end, QByteArray *out) const
{
    out->resize(0); // keeps the capacity: one allocation per chunk, not per line
    out->reserve(end - begin + 2);
    const char *p = skipSpace(begin, end);
    if (p >= end || *p != '{')
        return false;
    out->append('{');
    bool first = true;
    p = skipSpace(p + 1, end);
    if (p < end && *p == '}') {
        out->append('}');
        return skipSpace(p + 1, end) == end;
    }
    while (p < end) {
        if (*p != '"')
            return false;
        const char *keyEnd = skipString(p, end);
        if (!keyEnd)
            return false;
        const char *key = p + 1;
        const qsizetype keySize = keyEnd - 1 - key;
        if (std::memchr(key, '\\', size_t(keySize)))
            return false; // an escaped name: left to the real parser
        p = skipSpace(keyEnd, end);
        if (p >= end || *p != ':')
            return false;
        const char *value = skipSpace(p + 1, end);
        const char *valueEnd = skipValue(value, end);
        if (!valueEnd || valueEnd == value)
            return false;
        if (wanted(key, keySize)) {
            if (!first)
                out->append(',');
            first = false;
            out->append(key - 1, keyEnd - key + 1);
            out->append(':');
            out->append(value, valueEnd - value);
        }
        p = skipSpace(valueEnd, end);
        if (p < end && *p == ',') {
            p = skipSpace(p + 1, end);
            continue;
        }
        if (p < end && *p == '}') {
            out->append('}');
            return skipSpace(p + 1, end) == end;
        }
        return false;
    }
    return false;
}

} // namespace fbm
