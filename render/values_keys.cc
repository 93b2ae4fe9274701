// Unknown values keys: helm ignores them, so a typo (agent.imagePulPolicy) silently keeps the
// chart default. Known keys are those of the bundled values schema, the one list of the chart's
// interface. Warnings only: helm accepts the file, and so do we.
#include "render/schema_check.h"
#include "render/values_checker.h"

namespace lr {
namespace {

constexpr std::string_view kSchema = "schemas/values.schema.json";

std::string UnknownKeyMessage(const std::string& pointer) {
  if (pointer == "/volcano") {
    return "has no effect: the chart dropped it in 0.11.5 (Volcano jobs need RBAC from queue "
           "configs)";
  }
  return "is not a key of the launch-agent chart: helm ignores it";
}

void Walk(ValuesChecker& c, FrozenJson schema, const std::string& pointer) {
  const Json* v = c.Get(pointer);
  FrozenJson props = schema.find("properties");
  if (!v || !v->is_object() || !props.is_object()) return;
  if (schema.find("additionalProperties").present()) return;  // a map of free keys (labels...)
  for (const auto& [key, child] : v->items()) {
    std::string p = PointerJoin(pointer, key);
    FrozenJson sub = props.find(key);
    if (!sub.present()) {
      if (c.UserSet(p)) c.Warn(p, UnknownKeyMessage(p), "values-unknown-key");
      continue;
    }
    Walk(c, sub, p);
  }
}

}  // namespace

void CheckUnknownKeys(ValuesChecker& c) { Walk(c, BundledSchemaAt(kSchema).frozen(), ""); }

}  // namespace lr
