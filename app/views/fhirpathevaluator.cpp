#include "fhirpathevaluator.h"

#include "fhirpathboundary.h"
#include "fhirpathitems.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fbm::fhirpath {

namespace {

struct Function
{
    const char *name;
    int minArgs;
    int maxArgs;
};

// The functions this evaluator knows, with how many arguments each takes.
constexpr Function functions[] = {
    {"where", 1, 1},       {"select", 1, 1},         {"exists", 0, 1},
    {"all", 1, 1},         {"empty", 0, 0},          {"count", 0, 0},
    {"first", 0, 0},       {"last", 0, 0},           {"tail", 0, 0},
    {"skip", 1, 1},        {"take", 1, 1},           {"single", 0, 0},
    {"not", 0, 0},         {"join", 0, 1},           {"ofType", 1, 1},
    {"extension", 1, 1},   {"getResourceKey", 0, 0}, {"getReferenceKey", 0, 1},
    {"lowBoundary", 0, 1}, {"highBoundary", 0, 1},   {"iif", 2, 3},
    {"toString", 0, 0},    {"toInteger", 0, 0},      {"toDecimal", 0, 0},
    {"lower", 0, 0},       {"upper", 0, 0},          {"startsWith", 1, 1},
    {"endsWith", 1, 1},    {"contains", 1, 1},       {"length", 0, 0},
    {"substring", 1, 2},   {"matches", 1, 1},        {"replace", 2, 2},
    {"distinct", 0, 0},    {"hasValue", 0, 0},       {"allTrue", 0, 0},
    {"anyTrue", 0, 0},
};

const Function *findFunction(const QString &name)
{
    for (const Function &f : functions) {
        if (name == QLatin1String(f.name))
            return &f;
    }
    return nullptr;
}

class Run
{
public:
    Run(const Context &context, QString *error)
        : m_ctx(context)
        , m_error(error)
    {}

    Collection eval(const Node &n, const Collection &input, qint64 index = -1)
    {
        if (!m_error->isEmpty())
            return {};
        switch (n.kind) {
        case Node::Kind::Literal:
            return {Item{n.value, n.literalType}};
        case Node::Kind::Empty:
            return {};
        case Node::Kind::Member: {
            Collection out;
            for (const Item &i : input)
                children(i, n.name, &out);
            return out;
        }
        case Node::Kind::This:
            return input;
        case Node::Kind::Index:
            if (index < 0)
                return {};
            return {Item{QJsonValue(double(index)), u"integer"_s}};
        case Node::Kind::Variable:
            return variable(n.name);
        case Node::Kind::Invocation: {
            const Node &right = *n.args.at(1);
            const Node &left = *n.args.at(0);
            // X.ofType(T) on a choice element reads the key XT directly: no scan of every
            // key for one that starts with X (the hot path of most views).
            if (right.kind == Node::Kind::Function && right.name == "ofType"_L1 &&
                right.args.size() == 1) {
                if (left.kind == Node::Kind::Member)
                    return typedChildren(input, left.name, typeName(*right.args.front()));
                if (left.kind == Node::Kind::Invocation &&
                    left.args.at(1)->kind == Node::Kind::Member)
                    return typedChildren(eval(*left.args.at(0), input, index),
                                         left.args.at(1)->name, typeName(*right.args.front()));
            }
            return eval(right, eval(left, input, index), index);
        }
        case Node::Kind::Indexer: {
            const Collection c = eval(*n.args.at(0), input, index);
            const Collection i = eval(*n.args.at(1), input, index);
            if (i.size() != 1 || !i.front().value.isDouble())
                return {};
            const double at = i.front().value.toDouble();
            if (at < 0 || at >= double(c.size()))
                return {};
            return {c.at(size_t(at))};
        }
        case Node::Kind::Unary: {
            Collection c = eval(*n.args.at(0), input, index);
            if (n.name == "-"_L1) {
                for (Item &i : c) {
                    if (isNumber(i))
                        i.value = -i.value.toDouble();
                }
            }
            return c;
        }
        case Node::Kind::Binary:
            return binary(n, input, index);
        case Node::Kind::Function:
            return function(n, input, index);
        }
        return {};
    }

private:
    void fail(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = message;
    }

    Collection variable(const QString &name)
    {
        if (name == "resource"_L1 || name == "rootResource"_L1 || name == "context"_L1)
            return {m_ctx.resource};
        if (name == "rowIndex"_L1)
            return {Item{QJsonValue(double(m_ctx.rowIndex)), u"integer"_s}};
        if (name == "ucum"_L1)
            return {Item{u"http://unitsofmeasure.org"_s, u"string"_s}};
        if (name == "sct"_L1)
            return {Item{u"http://snomed.info/sct"_s, u"string"_s}};
        if (name == "loinc"_L1)
            return {Item{u"http://loinc.org"_s, u"string"_s}};
        if (m_ctx.constants) {
            const auto it = m_ctx.constants->constFind(name);
            if (it != m_ctx.constants->constEnd())
                return it.value();
        }
        //: %1 is a name such as %name_use
        fail(Evaluator::tr("%%1 is not defined").arg(name));
        return {};
    }

    std::optional<bool> truth(const Collection &c)
    {
        bool several = false;
        const std::optional<bool> b = Evaluator::toBoolean(c, &several);
        if (several)
            fail(Evaluator::tr("a condition gave several values where one was expected"));
        return b;
    }

    Collection binary(const Node &n, const Collection &input, qint64 index)
    {
        const QString &op = n.name;
        if (op == "is"_L1 || op == "as"_L1) {
            const Collection c = eval(*n.args.at(0), input, index);
            if (c.size() != 1)
                return {};
            const bool match = hasType(c.front(), typeName(*n.args.at(1)));
            if (op == "is"_L1)
                return {boolean(match)};
            return match ? c : Collection{};
        }
        const Collection l = eval(*n.args.at(0), input, index);
        const Collection r = eval(*n.args.at(1), input, index);
        if (op == "and"_L1 || op == "or"_L1 || op == "xor"_L1 || op == "implies"_L1) {
            const std::optional<bool> a = truth(l), b = truth(r);
            if (op == "and"_L1) {
                if ((a && !*a) || (b && !*b))
                    return {boolean(false)};
                if (a && b)
                    return {boolean(true)};
                return {};
            }
            if (op == "or"_L1) {
                if ((a && *a) || (b && *b))
                    return {boolean(true)};
                if (a && b)
                    return {boolean(false)};
                return {};
            }
            if (op == "xor"_L1) {
                if (a && b)
                    return {boolean(*a != *b)};
                return {};
            }
            if (a && !*a)
                return {boolean(true)};
            if (b && *b)
                return {boolean(true)};
            if (a && b)
                return {boolean(false)};
            return {};
        }
        if (op == "|"_L1) {
            Collection out;
            for (const Collection *c : {&l, &r}) {
                for (const Item &i : *c) {
                    if (std::none_of(out.begin(), out.end(),
                                     [&](const Item &o) { return itemEquals(o, i); }))
                        out.push_back(i);
                }
            }
            return out;
        }
        if (op == "in"_L1 || op == "contains"_L1) {
            const Collection &one = op == "in"_L1 ? l : r;
            const Collection &all = op == "in"_L1 ? r : l;
            if (one.empty())
                return {};
            return {boolean(std::any_of(all.begin(), all.end(), [&](const Item &i) {
                return itemEquals(i, one.front());
            }))};
        }
        if (op == "&"_L1) {
            const QString a = l.empty() ? QString() : l.front().value.toString();
            const QString b = r.empty() ? QString() : r.front().value.toString();
            return {Item{QString(a + b), u"string"_s}};
        }
        if (op == "="_L1 || op == "!="_L1) {
            if (l.empty() || r.empty())
                return {};
            bool equal = l.size() == r.size();
            for (size_t i = 0; equal && i < l.size(); ++i)
                equal = itemEquals(l.at(i), r.at(i));
            return {boolean(op == "="_L1 ? equal : !equal)};
        }
        if (op == "~"_L1 || op == "!~"_L1) {
            bool equal = l.size() == r.size();
            for (size_t i = 0; equal && i < l.size(); ++i)
                equal = itemEquivalent(l.at(i), r.at(i));
            return {boolean(op == "~"_L1 ? equal : !equal)};
        }
        if (l.size() != 1 || r.size() != 1)
            return {};
        const Item &a = l.front();
        const Item &b = r.front();
        if (op == "<"_L1 || op == ">"_L1 || op == "<="_L1 || op == ">="_L1) {
            int cmp = 0;
            if (isNumber(a) && isNumber(b)) {
                const double x = a.value.toDouble(), y = b.value.toDouble();
                cmp = x < y ? -1 : (x > y ? 1 : 0);
            } else if (a.value.isString() && b.value.isString()) {
                cmp = a.value.toString().compare(b.value.toString());
            } else {
                return {};
            }
            const bool result = op == "<"_L1    ? cmp < 0
                                : op == ">"_L1  ? cmp > 0
                                : op == "<="_L1 ? cmp <= 0
                                                : cmp >= 0;
            return {boolean(result)};
        }
        if (op == "+"_L1 && a.value.isString() && b.value.isString())
            return {Item{QString(a.value.toString() + b.value.toString()), u"string"_s}};
        if (!isNumber(a) || !isNumber(b))
            return {};
        const double x = a.value.toDouble(), y = b.value.toDouble();
        const bool integers =
            isIntegerType(Evaluator::typeOf(a)) && isIntegerType(Evaluator::typeOf(b));
        const QString type = integers ? u"integer"_s : u"decimal"_s;
        if (op == "+"_L1)
            return {Item{x + y, type}};
        if (op == "-"_L1)
            return {Item{x - y, type}};
        if (op == "*"_L1)
            return {Item{x * y, type}};
        if (y == 0)
            return {};
        if (op == "/"_L1)
            return {Item{x / y, u"decimal"_s}};
        if (op == "div"_L1)
            return {Item{std::trunc(x / y), u"integer"_s}};
        if (op == "mod"_L1)
            return {Item{std::fmod(x, y), type}};
        return {};
    }

    QString stringArg(const Node &f, size_t i, const Collection &input, qint64 index)
    {
        if (i >= f.args.size())
            return {};
        const Collection c = eval(*f.args.at(i), input, index);
        return c.empty() ? QString() : c.front().value.toString();
    }

    Collection function(const Node &f, const Collection &input, qint64 index)
    {
        const QString &name = f.name;
        if (name == "where"_L1 || name == "select"_L1 || name == "all"_L1 || name == "exists"_L1) {
            if (name == "exists"_L1 && f.args.empty())
                return {boolean(!input.empty())};
            Collection out;
            bool all = true;
            for (size_t i = 0; i < input.size(); ++i) {
                const Collection one{input.at(i)};
                Collection r = eval(*f.args.at(0), one, qint64(i));
                if (name == "select"_L1) {
                    std::move(r.begin(), r.end(), std::back_inserter(out));
                    continue;
                }
                const bool t = truth(r).value_or(false);
                all = all && t;
                if (t)
                    out.push_back(input.at(i));
            }
            if (name == "exists"_L1)
                return {boolean(!out.empty())};
            if (name == "all"_L1)
                return {boolean(all)};
            return out;
        }
        if (name == "empty"_L1)
            return {boolean(input.empty())};
        if (name == "count"_L1)
            return {Item{double(input.size()), u"integer"_s}};
        if (name == "first"_L1)
            return input.empty() ? Collection{} : Collection{input.front()};
        if (name == "last"_L1)
            return input.empty() ? Collection{} : Collection{input.back()};
        if (name == "tail"_L1)
            return input.size() < 2 ? Collection{} : Collection(input.begin() + 1, input.end());
        if (name == "skip"_L1 || name == "take"_L1) {
            const Collection n = eval(*f.args.at(0), input, index);
            const qsizetype k = n.empty() ? 0 : qsizetype(n.front().value.toDouble());
            const size_t cut = size_t(std::clamp<qsizetype>(k, 0, qsizetype(input.size())));
            if (name == "skip"_L1)
                return Collection(input.begin() + qsizetype(cut), input.end());
            return Collection(input.begin(), input.begin() + qsizetype(cut));
        }
        if (name == "single"_L1) {
            if (input.size() > 1)
                fail(Evaluator::tr("single() was given several values"));
            return input;
        }
        if (name == "distinct"_L1) {
            Collection out;
            for (const Item &i : input) {
                if (std::none_of(out.begin(), out.end(),
                                 [&](const Item &o) { return itemEquals(o, i); }))
                    out.push_back(i);
            }
            return out;
        }
        if (name == "not"_L1) {
            const std::optional<bool> b = truth(input);
            return b ? Collection{boolean(!*b)} : Collection{};
        }
        if (name == "allTrue"_L1 || name == "anyTrue"_L1) {
            const bool any = name == "anyTrue"_L1;
            bool r = !any;
            for (const Item &i : input) {
                const bool b = i.value.isBool() && i.value.toBool();
                r = any ? (r || b) : (r && b);
            }
            return {boolean(r)};
        }
        if (name == "hasValue"_L1)
            return {boolean(input.size() == 1 && !input.front().value.isObject() &&
                            !input.front().value.isNull())};
        if (name == "join"_L1) {
            const QString sep = stringArg(f, 0, input, index);
            QStringList parts;
            for (const Item &i : input)
                parts << i.value.toString();
            return {Item{parts.join(sep), u"string"_s}};
        }
        if (name == "ofType"_L1) {
            const QString type = typeName(*f.args.at(0));
            Collection out;
            for (const Item &i : input) {
                if (hasType(i, type))
                    out.push_back(i);
            }
            return out;
        }
        if (name == "extension"_L1) {
            const QString url = stringArg(f, 0, input, index);
            Collection all, out;
            for (const Item &i : input)
                children(i, u"extension"_s, &all);
            for (const Item &e : all) {
                if (e.value.toObject().value("url"_L1).toString() == url)
                    out.push_back(Item{e.value, u"Extension"_s});
            }
            return out;
        }
        if (name == "getResourceKey"_L1) {
            Collection out;
            for (const Item &i : input) {
                const QJsonValue id = i.value.toObject().value("id"_L1);
                if (id.isString())
                    out.push_back(Item{id, u"string"_s});
            }
            return out;
        }
        if (name == "getReferenceKey"_L1)
            return referenceKeys(f, input);
        if (name == "lowBoundary"_L1 || name == "highBoundary"_L1) {
            Collection out;
            for (const Item &i : input) {
                const std::optional<Item> b =
                    boundary(i, Evaluator::typeOf(i), name == "highBoundary"_L1);
                if (b)
                    out.push_back(*b);
            }
            return out;
        }
        if (name == "iif"_L1) {
            const std::optional<bool> c = truth(eval(*f.args.at(0), input, index));
            if (c.value_or(false))
                return eval(*f.args.at(1), input, index);
            return f.args.size() > 2 ? eval(*f.args.at(2), input, index) : Collection{};
        }
        return stringFunction(f, input, index);
    }

    Collection referenceKeys(const Node &f, const Collection &input)
    {
        const QString wanted = f.args.empty() ? QString() : typeName(*f.args.at(0));
        Collection out;
        for (const Item &i : input) {
            QString ref = i.value.toObject().value("reference"_L1).toString();
            if (ref.isEmpty())
                continue;
            if (ref.startsWith("urn:uuid:"_L1) || ref.startsWith("urn:oid:"_L1)) {
                if (wanted.isEmpty())
                    out.push_back(Item{ref.mid(ref.lastIndexOf(u':') + 1), u"string"_s});
                continue;
            }
            const qsizetype history = ref.indexOf("/_history/"_L1);
            if (history >= 0)
                ref.truncate(history);
            const QStringList parts = ref.split(u'/');
            if (parts.size() < 2)
                continue;
            if (!wanted.isEmpty() && parts.at(parts.size() - 2) != wanted)
                continue;
            out.push_back(Item{parts.constLast(), u"string"_s});
        }
        return out;
    }

    Collection stringFunction(const Node &f, const Collection &input, qint64 index)
    {
        const QString &name = f.name;
        if (input.size() > 1) {
            //: %1 is a function name such as toString
            fail(Evaluator::tr("%1() was given several values").arg(name));
            return {};
        }
        if (input.empty())
            return {};
        const QJsonValue v = input.front().value;
        const QString s = v.isString()   ? v.toString()
                          : v.isBool()   ? (v.toBool() ? u"true"_s : u"false"_s)
                          : v.isDouble() ? QString::number(v.toDouble(), 'g', 15)
                                         : QString();
        const auto text = [](const QString &t) {
            return Collection{Item{t, u"string"_s}};
        };
        if (name == "toString"_L1)
            return v.isObject() ? Collection{} : text(s);
        if (name == "toInteger"_L1 || name == "toDecimal"_L1) {
            bool ok = false;
            const double d = v.isDouble() ? v.toDouble() : s.toDouble(&ok);
            if (!v.isDouble() && !ok)
                return {};
            if (name == "toInteger"_L1 && d != std::trunc(d))
                return {};
            return {Item{d, name == "toInteger"_L1 ? u"integer"_s : u"decimal"_s}};
        }
        if (name == "lower"_L1)
            return text(s.toLower());
        if (name == "upper"_L1)
            return text(s.toUpper());
        if (name == "length"_L1)
            return {Item{double(s.size()), u"integer"_s}};
        const QString a = stringArg(f, 0, input, index);
        if (name == "startsWith"_L1)
            return {boolean(s.startsWith(a))};
        if (name == "endsWith"_L1)
            return {boolean(s.endsWith(a))};
        if (name == "contains"_L1)
            return {boolean(s.contains(a))};
        if (name == "matches"_L1)
            return {boolean(QRegularExpression(a).match(s).hasMatch())};
        if (name == "replace"_L1)
            return text(QString(s).replace(a, stringArg(f, 1, input, index)));
        if (name == "substring"_L1) {
            const qsizetype start = a.isEmpty() ? 0 : qsizetype(a.toDouble());
            const Collection len =
                f.args.size() > 1 ? eval(*f.args.at(1), input, index) : Collection{};
            if (start < 0 || start >= s.size())
                return {};
            return text(len.empty() ? s.mid(start)
                                    : s.mid(start, qsizetype(len.front().value.toDouble())));
        }
        return {};
    }

    const Context &m_ctx;
    QString *m_error;
};

} // namespace

Collection Evaluator::evaluate(const Node &node, const Collection &input, const Context &context,
                               QString *error)
{
    Run run(context, error);
    Collection out = run.eval(node, input);
    if (!error->isEmpty())
        return {};
    return out;
}

QString Evaluator::check(const Node &node)
{
    if (node.kind == Node::Kind::Function) {
        const Function *f = findFunction(node.name);
        if (!f)
            //: %1 is a function name
            return tr("unknown function %1()").arg(node.name);
        const int n = int(node.args.size());
        if (n < f->minArgs || n > f->maxArgs)
            //: %1 is a function name, %2 a number
            return tr("%1() takes %n argument(s), not %2", nullptr, f->maxArgs)
                .arg(node.name)
                .arg(n);
    }
    for (const auto &arg : node.args) {
        const QString e = check(*arg);
        if (!e.isEmpty())
            return e;
    }
    return {};
}

std::optional<bool> Evaluator::toBoolean(const Collection &c, bool *several)
{
    *several = c.size() > 1;
    if (c.size() != 1)
        return std::nullopt;
    const QJsonValue &v = c.front().value;
    return v.isBool() ? v.toBool() : true;
}

QString Evaluator::typeOf(const Item &item)
{
    if (!item.type.isEmpty())
        return item.type;
    const QJsonValue &v = item.value;
    if (v.isBool())
        return u"boolean"_s;
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::trunc(d) && std::abs(d) < 1e15 ? u"integer"_s : u"decimal"_s;
    }
    if (v.isString())
        return u"string"_s;
    if (v.isObject())
        return v.toObject().value("resourceType"_L1).toString();
    return {};
}

} // namespace fbm::fhirpath
