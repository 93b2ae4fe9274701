// Quantity: the value of a Kubernetes resource quantity ("500m", "1.5Gi", "1e3", 2), read as
// the API server's resource.ParseQuantity reads it, to compare and to test the sign.
// Pure; the syntax itself is the bundled schemas' pattern.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace lr {

// The amount (binary suffixes Ki..Ei, decimal n u m k M G T P E, exponents e/E); nullopt when
// `v` is not a number or a string of that grammar.
std::optional<long double> QuantityValue(const nlohmann::json& v);

// What the user wrote: the string, or the number as JSON prints it.
std::string QuantityText(const nlohmann::json& v);

}  // namespace lr
