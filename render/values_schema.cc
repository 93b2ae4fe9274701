#include "render/values_schema.h"

#include <algorithm>
#include <set>

#include "render/embedded.h"
#include "render/scalar_text.h"
#include "render/schema_check.h"
#include "render/values_checker.h"

namespace lr {
namespace {

bool IsPrefix(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return a.size() < b.size() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

nlohmann::json AsHelmSees(const Json& v) {
  if (v.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, child] : v.items()) out[k] = AsHelmSees(child);
    return out;
  }
  if (v.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const Json& child : v) out.push_back(AsHelmSees(child));
    return out;
  }
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_unsigned()) return v.get<uint64_t>();
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (IsExactInteger(d)) {
      return static_cast<int64_t>(d);
    }
    return d;
  }
  return nullptr;
}

std::string ContextToPointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
      std::string token = part.substr(1, part.size() - 2);
      if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
        token = token.substr(1, token.size() - 2);
      }
      pointer = PointerJoin(pointer, token);
    }
  }
  return pointer;
}

void CheckValuesSchema(const Document& values, const CheckSettings& settings, Diagnostics* diags) {
  const CompiledSchema& schema = BundledSchemaAt(kValuesSchema);
  // Judged in place as helm sees the values; only values that may fail are copied for valijson.
  if (schema.DecidedValid(values.root, {.integral_floats_are_integers = true})) return;
  std::vector<SchemaError> errors = schema.Errors(AsHelmSees(values.root));
  if (errors.empty()) return;
  ValuesChecker c(values, settings, diags);
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& e : errors) {
    bool deeper = std::any_of(errors.begin(), errors.end(),
                              [&](const auto& o) { return IsPrefix(e.context, o.context); });
    std::string pointer = ContextToPointer(e.context);
    if (deeper || !seen.insert({pointer, e.description}).second) continue;
    c.Error(
        pointer,
        "does not match the values schema (" + std::string(kValuesSchema) + "): " + e.description,
        "values-schema");
  }
}

}  // namespace lr
