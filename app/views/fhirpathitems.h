#pragma once

#include "fhirpath.h"
#include "fhirpathevaluator.h"

namespace fbm::fhirpath {

// The evaluator's handling of single items: JSON children, types, equality.

[[nodiscard]] Item boolean(bool b);
[[nodiscard]] bool isIntegerType(const QString &t);
/// The type a type specifier such as FHIR.Quantity or System.String names, comparable with
/// Evaluator::typeOf(): the namespace dropped, System types in FHIR's spelling.
[[nodiscard]] QString typeName(const Node &n);
[[nodiscard]] bool hasType(const Item &item, const QString &type);
/// The child elements called \a name of one item. A choice element (value[x]) is found by its
/// name with the type appended (valueQuantity), and tagged with that type.
void children(const Item &item, const QString &name, Collection *out);
/// The children called \a name that are of \a type: the choice element name+Type
/// (valueQuantity) tagged with it, and a plain element \a name when it is of that type.
[[nodiscard]] Collection typedChildren(const Collection &input, const QString &name,
                                       const QString &type);
[[nodiscard]] bool isNumber(const Item &i);
/// FHIRPath equality of two items.
[[nodiscard]] bool itemEquals(const Item &a, const Item &b);
/// FHIRPath equivalence (~): strings ignoring case and spacing, numbers nearly equal.
[[nodiscard]] bool itemEquivalent(const Item &a, const Item &b);

} // namespace fbm::fhirpath
