#pragma once

#include "fhirpath.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace fbm::fhirpath {

/// One value of a collection: the JSON it is, and its FHIR type when known (from a choice
/// element's name such as valueQuantity, a literal or a constant): "Quantity", "dateTime", …
struct Item
{
    QJsonValue value;
    QString type;
};
using Collection = std::vector<Item>;

/// What an expression can read besides its input.
struct Context
{
    const QHash<QString, Collection> *constants = nullptr; ///< %name
    Item resource;                                         ///< %resource, %rootResource
    qint64 rowIndex = 0;                                   ///< %rowIndex
};

/// Evaluates parsed FHIRPath over JSON: a pure function of the node, its input and the
/// context, safe to call from several threads at once.
class Evaluator
{
    Q_DECLARE_TR_FUNCTIONS(fbm::fhirpath::Evaluator)
public:
    /// The result, or an empty collection with *error set (a function that does not exist,
    /// a boolean operator given several values…).
    [[nodiscard]] static Collection evaluate(const Node &node, const Collection &input,
                                             const Context &context, QString *error);
    /// Why \a node cannot be evaluated whatever the data (an unknown function, a wrong number
    /// of arguments); empty when it can.
    [[nodiscard]] static QString check(const Node &node);

    /// The FHIRPath boolean reading of a collection: empty is "no value", one boolean is its
    /// value, one other item is true; several items are an error.
    [[nodiscard]] static std::optional<bool> toBoolean(const Collection &c, bool *several);
    /// The FHIR type of an item: its tag, else what its JSON says ("string", "integer",
    /// "decimal", "boolean", a resource's type).
    [[nodiscard]] static QString typeOf(const Item &item);
};

} // namespace fbm::fhirpath
