#include "render/scalar_text.h"

#include <cmath>

#include "render/diagnostics.h"
#include "render/go_format.h"

namespace lr {

std::string ScalarText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (IsExactInteger(d)) {
      return std::to_string(static_cast<int64_t>(d));
    }
    return GoFormatFloat(d);
  }
  return "";
}

bool IsExactInteger(double d) {
  return std::isfinite(d) && std::trunc(d) == d &&
         std::fabs(d) <= static_cast<double>(kMaxExactInteger);
}

std::string DescribeValue(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_object()) return "a mapping";
  if (v.is_array()) return "a list";
  if (v.is_boolean()) return "boolean " + ScalarText(v);
  if (v.is_number_integer()) return "integer " + ScalarText(v);
  if (v.is_number()) return "number " + ScalarText(v);
  return "string " + Quote(v.get<std::string>());
}

bool Truthy(const Json* v) {
  if (!v || v->is_null()) return false;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_number()) return v->get<double>() != 0;
  if (v->is_string()) return !v->get_ref<const std::string&>().empty();
  if (v->is_object() || v->is_array()) return !v->empty();
  return true;
}

}  // namespace lr
