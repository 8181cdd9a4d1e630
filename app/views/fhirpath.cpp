#include "fhirpath.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fbm::fhirpath {

namespace {

struct Token
{
    enum Type
    {
        End,
        Identifier, ///< also keywords (and, or, div…) and backtick-quoted names
        String,
        Number,
        Date, ///< text without the @; literalType says date, dateTime or time
        Variable,
        Special, ///< $this, $index, $total
        Op,
    };
    Type type = End;
    QString text;
    QString dateType;
    bool quoted = false; ///< an identifier in backticks, never a keyword
    qsizetype pos = 0;
};

class Lexer
{
public:
    explicit Lexer(const QString &text)
        : m_s(text)
    {}

    /// False with error set on a character that starts no token.
    bool run(std::vector<Token> *tokens, QString *error)
    {
        while (true) {
            skipSpace();
            Token t;
            t.pos = m_i;
            if (m_i >= m_s.size()) {
                tokens->push_back(t);
                return true;
            }
            const QChar c = m_s.at(m_i);
            if (c.isLetter() || c == u'_') {
                t.type = Token::Identifier;
                t.text = word();
            } else if (c == u'`') {
                t.type = Token::Identifier;
                t.quoted = true;
                if (!quoted(u'`', &t.text, error))
                    return false;
            } else if (c == u'\'') {
                t.type = Token::String;
                if (!quoted(u'\'', &t.text, error))
                    return false;
            } else if (c.isDigit()) {
                t.type = Token::Number;
                t.text = number();
            } else if (c == u'@') {
                ++m_i;
                t.type = Token::Date;
                if (!dateLiteral(&t, error))
                    return false;
            } else if (c == u'%') {
                ++m_i;
                t.type = Token::Variable;
                if (m_i < m_s.size() && (m_s.at(m_i) == u'`' || m_s.at(m_i) == u'\'')) {
                    if (!quoted(m_s.at(m_i), &t.text, error))
                        return false;
                } else {
                    t.text = word();
                }
                if (t.text.isEmpty())
                    return fail(error, t.pos);
            } else if (c == u'$') {
                ++m_i;
                t.type = Token::Special;
                t.text = word();
            } else {
                static const QStringList ops = {u"<="_s, u">="_s, u"!="_s, u"!~"_s, u"."_s,
                                                u"["_s,  u"]"_s,  u"("_s,  u")"_s,  u","_s,
                                                u"+"_s,  u"-"_s,  u"*"_s,  u"/"_s,  u"&"_s,
                                                u"|"_s,  u"="_s,  u"~"_s,  u"<"_s,  u">"_s};
                bool found = false;
                for (const QString &op : ops) {
                    if (QStringView(m_s).mid(m_i).startsWith(op)) {
                        t.type = Token::Op;
                        t.text = op;
                        m_i += op.size();
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return fail(error, t.pos);
            }
            tokens->push_back(t);
        }
    }

private:
    bool fail(QString *error, qsizetype pos)
    {
        //: %1 is a position (a number), %2 a character
        *error = Parser::tr("unexpected character at position %1: %2")
                     .arg(pos + 1)
                     .arg(pos < m_s.size() ? QString(m_s.at(pos)) : QString());
        return false;
    }
    void skipSpace()
    {
        while (m_i < m_s.size()) {
            if (m_s.at(m_i).isSpace()) {
                ++m_i;
            } else if (QStringView(m_s).mid(m_i).startsWith(u"//")) {
                while (m_i < m_s.size() && m_s.at(m_i) != u'\n')
                    ++m_i;
            } else if (QStringView(m_s).mid(m_i).startsWith(u"/*")) {
                const qsizetype end = m_s.indexOf(u"*/"_s, m_i + 2);
                m_i = end < 0 ? m_s.size() : end + 2;
            } else {
                break;
            }
        }
    }
    QString word()
    {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && (m_s.at(m_i).isLetterOrNumber() || m_s.at(m_i) == u'_'))
            ++m_i;
        return m_s.mid(start, m_i - start);
    }
    QString number()
    {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && m_s.at(m_i).isDigit())
            ++m_i;
        if (m_i + 1 < m_s.size() && m_s.at(m_i) == u'.' && m_s.at(m_i + 1).isDigit()) {
            ++m_i;
            while (m_i < m_s.size() && m_s.at(m_i).isDigit())
                ++m_i;
        }
        return m_s.mid(start, m_i - start);
    }
    bool quoted(QChar q, QString *out, QString *error)
    {
        const qsizetype start = m_i;
        ++m_i;
        while (m_i < m_s.size()) {
            const QChar c = m_s.at(m_i++);
            if (c == q)
                return true;
            if (c != u'\\') {
                out->append(c);
                continue;
            }
            if (m_i >= m_s.size())
                break;
            const QChar e = m_s.at(m_i++);
            switch (e.unicode()) {
            case 'n':
                out->append(u'\n');
                break;
            case 'r':
                out->append(u'\r');
                break;
            case 't':
                out->append(u'\t');
                break;
            case 'f':
                out->append(u'\f');
                break;
            case 'u': {
                bool ok = false;
                const ushort code = m_s.mid(m_i, 4).toUShort(&ok, 16);
                if (!ok)
                    return fail(error, m_i);
                out->append(QChar(code));
                m_i += 4;
                break;
            }
            default:
                out->append(e);
            }
        }
        //: %1 is a position (a number)
        *error = Parser::tr("text that starts at position %1 is not closed").arg(start + 1);
        return false;
    }
    bool dateLiteral(Token *t, QString *error)
    {
        static const QRegularExpression time(u"^T(\\d\\d(:\\d\\d(:\\d\\d(\\.\\d+)?)?)?)"_s);
        static const QRegularExpression date(
            u"^\\d{4}(-\\d\\d(-\\d\\d)?)?(T(\\d\\d(:\\d\\d(:\\d\\d(\\.\\d+)?)?)?)?(Z|[+-]\\d\\d:\\d\\d)?)?"_s);
        const QString rest = m_s.mid(m_i);
        auto m = time.match(rest);
        if (m.hasMatch()) {
            t->text = m.captured(1);
            t->dateType = u"time"_s;
        } else {
            m = date.match(rest);
            if (!m.hasMatch() || m.capturedLength() == 0)
                return fail(error, m_i - 1);
            t->text = m.captured(0);
            t->dateType = t->text.contains(u'T') ? u"dateTime"_s : u"date"_s;
            if (t->text.endsWith(u'T'))
                t->text.chop(1);
        }
        m_i += m.capturedLength();
        return true;
    }

    const QString &m_s;
    qsizetype m_i = 0;
};

using NodePtr = std::unique_ptr<Node>;

NodePtr makeNode(Node::Kind kind, QString name = {})
{
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->name = std::move(name);
    return n;
}

class ParserImpl
{
public:
    ParserImpl(std::vector<Token> tokens, Expression *out)
        : m_t(std::move(tokens))
        , m_out(out)
    {}

    NodePtr parseAll()
    {
        NodePtr n = expression(0);
        if (n && peek().type != Token::End)
            return fail(peek());
        return n;
    }

private:
    const Token &peek() const { return m_t.at(m_p); }
    bool isOp(const char *op) const
    {
        return peek().type == Token::Op && peek().text == QLatin1String(op);
    }
    bool isWord(const QString &w) const
    {
        return peek().type == Token::Identifier && !peek().quoted && peek().text == w;
    }
    NodePtr fail(const Token &t)
    {
        if (m_out->error.isEmpty()) {
            if (t.type == Token::End)
                m_out->error = Parser::tr("the expression ends too early");
            else
                //: %1 is a position (a number), %2 a word or character of the expression
                m_out->error =
                    Parser::tr("unexpected '%2' at position %1").arg(t.pos + 1).arg(t.text);
        }
        return nullptr;
    }

    /// The binary operators by precedence, lowest first.
    static const std::vector<QStringList> &levels()
    {
        static const std::vector<QStringList> l = {
            {u"implies"_s},
            {u"or"_s, u"xor"_s},
            {u"and"_s},
            {u"in"_s, u"contains"_s},
            {u"="_s, u"~"_s, u"!="_s, u"!~"_s},
            {u"<"_s, u">"_s, u"<="_s, u">="_s},
            {u"|"_s},
            {u"is"_s, u"as"_s},
            {u"+"_s, u"-"_s, u"&"_s},
            {u"*"_s, u"/"_s, u"div"_s, u"mod"_s},
        };
        return l;
    }

    QString binaryAt(size_t level) const
    {
        const Token &t = peek();
        if (t.type != Token::Op && (t.type != Token::Identifier || t.quoted))
            return {};
        return levels().at(level).contains(t.text) ? t.text : QString();
    }

    NodePtr expression(size_t level)
    {
        if (level >= levels().size())
            return unary();
        NodePtr left = expression(level + 1);
        while (left) {
            const QString op = binaryAt(level);
            if (op.isEmpty())
                break;
            ++m_p;
            NodePtr right;
            if (op == "is"_L1 || op == "as"_L1)
                right = typeSpecifier();
            else
                right = expression(level + 1);
            if (!right)
                return nullptr;
            NodePtr b = makeNode(Node::Kind::Binary, op);
            b->args.push_back(std::move(left));
            b->args.push_back(std::move(right));
            left = std::move(b);
        }
        return left;
    }

    NodePtr typeSpecifier()
    {
        if (peek().type != Token::Identifier)
            return fail(peek());
        QString name = m_t.at(m_p++).text;
        while (isOp(".") && m_t.at(m_p + 1).type == Token::Identifier) {
            m_p += 2;
            name += u'.' + m_t.at(m_p - 1).text;
        }
        return makeNode(Node::Kind::Member, name);
    }

    NodePtr unary()
    {
        if (isOp("-") || isOp("+")) {
            const QString op = peek().text;
            ++m_p;
            NodePtr operand = unary();
            if (!operand)
                return nullptr;
            NodePtr n = makeNode(Node::Kind::Unary, op);
            n->args.push_back(std::move(operand));
            return n;
        }
        return postfix();
    }

    NodePtr postfix()
    {
        NodePtr left = term();
        while (left) {
            if (isOp(".")) {
                ++m_p;
                NodePtr right = invocation();
                if (!right)
                    return nullptr;
                NodePtr n = makeNode(Node::Kind::Invocation);
                n->args.push_back(std::move(left));
                n->args.push_back(std::move(right));
                left = std::move(n);
            } else if (isOp("[")) {
                ++m_p;
                NodePtr index = expression(0);
                if (!index)
                    return nullptr;
                if (!isOp("]"))
                    return fail(peek());
                ++m_p;
                NodePtr n = makeNode(Node::Kind::Indexer);
                n->args.push_back(std::move(left));
                n->args.push_back(std::move(index));
                left = std::move(n);
            } else {
                break;
            }
        }
        return left;
    }

    NodePtr invocation()
    {
        const Token &t = peek();
        if (t.type == Token::Special)
            return special();
        if (t.type != Token::Identifier)
            return fail(t);
        ++m_p;
        if (!isOp("("))
            return makeNode(Node::Kind::Member, t.text);
        ++m_p;
        NodePtr f = makeNode(Node::Kind::Function, t.text);
        if (isOp(")")) {
            ++m_p;
            return f;
        }
        while (true) {
            NodePtr arg = expression(0);
            if (!arg)
                return nullptr;
            f->args.push_back(std::move(arg));
            if (isOp(",")) {
                ++m_p;
                continue;
            }
            if (!isOp(")"))
                return fail(peek());
            ++m_p;
            return f;
        }
    }

    NodePtr special()
    {
        const Token &t = m_t.at(m_p++);
        if (t.text == "this"_L1)
            return makeNode(Node::Kind::This);
        if (t.text == "index"_L1)
            return makeNode(Node::Kind::Index);
        --m_p;
        return fail(t);
    }

    NodePtr term()
    {
        const Token &t = peek();
        switch (t.type) {
        case Token::End:
        case Token::Op:
            if (isOp("(")) {
                ++m_p;
                NodePtr inner = expression(0);
                if (!inner)
                    return nullptr;
                if (!isOp(")"))
                    return fail(peek());
                ++m_p;
                return inner;
            }
            return fail(t);
        case Token::String: {
            ++m_p;
            NodePtr n = makeNode(Node::Kind::Literal);
            n->value = t.text;
            n->literalType = u"string"_s;
            return n;
        }
        case Token::Number: {
            ++m_p;
            NodePtr n = makeNode(Node::Kind::Literal);
            const bool decimal = t.text.contains(u'.');
            n->value = decimal ? QJsonValue(t.text.toDouble()) : QJsonValue(t.text.toLongLong());
            n->literalType = decimal ? u"decimal"_s : u"integer"_s;
            return n;
        }
        case Token::Date: {
            ++m_p;
            NodePtr n = makeNode(Node::Kind::Literal);
            n->value = t.text;
            n->literalType = t.dateType;
            return n;
        }
        case Token::Variable: {
            ++m_p;
            m_out->variables.insert(t.text);
            return makeNode(Node::Kind::Variable, t.text);
        }
        case Token::Special:
            return special();
        case Token::Identifier:
            if (!t.quoted && (t.text == "true"_L1 || t.text == "false"_L1)) {
                ++m_p;
                NodePtr n = makeNode(Node::Kind::Literal);
                n->value = t.text == "true"_L1;
                n->literalType = u"boolean"_s;
                return n;
            }
            return invocation();
        }
        return fail(t);
    }

    std::vector<Token> m_t;
    size_t m_p = 0;
    Expression *m_out;
};

} // namespace

Expression Parser::parse(const QString &text)
{
    Expression e;
    std::vector<Token> tokens;
    QString error;
    if (!Lexer(text).run(&tokens, &error)) {
        e.error = error;
        return e;
    }
    // {} (the empty collection) is two tokens the parser cannot tell from a block.
    if (text.trimmed() == "{}"_L1) {
        e.root = makeNode(Node::Kind::Empty);
        return e;
    }
    if (tokens.size() == 1) {
        e.error = tr("the expression is empty");
        return e;
    }
    ParserImpl p(std::move(tokens), &e);
    NodePtr root = p.parseAll();
    if (root)
        e.root = std::shared_ptr<const Node>(std::move(root));
    return e;
}

} // namespace fbm::fhirpath
