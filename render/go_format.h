// Go-compatible text for values, so rendered output matches Helm byte for byte.
// In: JSON values / numbers. Out: what Go's encoding/json.Marshal (Helm toJson)
// and fmt's %v print for them. Semantics: Go 1.22+ (see go_format.cc).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace lr {

// Same alias as render/document.h (redeclaring it to the same type is legal;
// to any other type it would not compile).
using Json = nlohmann::ordered_json;

// json.Marshal of the equivalent interface{} value: compact, object keys in
// byte order, Go's string escaping (HTML-safe), Go's float64 number format.
// Binary values encode like []byte (base64 string); discarded values as null.
// Returns "" when Marshal would fail (NaN or +-Inf anywhere), which is also
// what Helm's toJson prints then.
std::string GoJson(const Json& v);

// fmt.Sprintf("%v", f) for a float64: strconv 'g' with shortest digits,
// exponent form when exp < -4 || exp >= 6 ("1e+06", "1e-05"), "+Inf", "NaN".
std::string GoFormatFloat(double f);

// fmt.Sprintf("%v", i) for an int64.
std::string GoFormatInt(int64_t i);

}  // namespace lr
