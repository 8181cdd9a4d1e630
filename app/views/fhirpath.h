#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace fbm::fhirpath {

/// One node of a parsed FHIRPath expression.
struct Node
{
    enum class Kind
    {
        Literal, ///< value (and literalType: "string", "integer", "decimal", "boolean", "date", …)
        Empty,   ///< {}
        Member,  ///< name: a child element of each input item
        Function,   ///< name(args): applied to the input collection
        Invocation, ///< args[0].args[1]: args[1] is evaluated on what args[0] gives
        Indexer,    ///< args[0][args[1]]
        This,       ///< $this
        Index,      ///< $index
        Variable,   ///< %name
        Unary,      ///< name is "-" or "+"; args[0]
        Binary,     ///< name is the operator; args[0], args[1]
    };

    Kind kind = Kind::Literal;
    QString name;
    QJsonValue value;
    QString literalType;
    std::vector<std::unique_ptr<Node>> args;
};

/// A parsed expression, or why it could not be parsed.
struct Expression
{
    std::shared_ptr<const Node> root;
    QString error; ///< translated; empty when root is set
    /// Every %name the expression reads.
    QSet<QString> variables;
    [[nodiscard]] bool ok() const { return root != nullptr; }
};

/// The FHIRPath subset the ViewDefinition runner evaluates: paths, indexers, literals (string,
/// number, boolean, @date, @dateTime, @Ttime, {}), %variables, $this/$index, the operators from
/// `.` down to `implies`, and functions (checked when evaluated, not here).
class Parser
{
    Q_DECLARE_TR_FUNCTIONS(fbm::fhirpath::Parser)
public:
    [[nodiscard]] static Expression parse(const QString &text);
};

} // namespace fbm::fhirpath
