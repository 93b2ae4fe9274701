// ScalarText: how a values scalar becomes the text of a Kubernetes string field.
// Strings are kept byte for byte; integers print in decimal; integral floats within 2^53 print
// as integers (so 1e3 is "1000", never "1e+03"); other floats print shortest round-trip;
// booleans "true"/"false"; null "". Never called on maps or lists.
#pragma once

#include <cstdint>
#include <string>

#include "render/document.h"

namespace lr {

std::string ScalarText(const Json& v);

// 2^53: integers up to this size survive helm's float64 numbers unchanged.
inline constexpr int64_t kMaxExactInteger = int64_t{1} << 53;

// A finite, whole double within +-2^53 (helm prints it, and its schema check treats it, as an
// integer).
bool IsExactInteger(double d);

// For messages: `integer 83`, `boolean true`, `null`, `a mapping`, `a list`, `string "x"`.
std::string DescribeValue(const Json& v);

// Go template truthiness, as helm's `if` sees the value: false for null, false, 0, "",
// empty maps and lists.
bool Truthy(const Json* v);

}  // namespace lr
