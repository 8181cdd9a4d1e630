#pragma once

#include "fhirpathevaluator.h"

#include <optional>

namespace fbm::fhirpath {

/// lowBoundary() / highBoundary() of one item of \a type ("decimal", "date", "dateTime",
/// "instant", "time"; an untagged string is read by its form): the least or greatest value
/// its precision allows (1970-06 → 1970-06-01 / 1970-06-30; a dateTime without a zone takes
/// the widest, +14:00 / -12:00). Nothing for other types.
[[nodiscard]] std::optional<Item> boundary(const Item &item, const QString &type, bool high);

} // namespace fbm::fhirpath
