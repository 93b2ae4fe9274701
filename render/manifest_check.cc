#include "render/manifest_check.h"

#include <set>

#include "render/scalar_text.h"

namespace lr {
namespace {

std::string StringAt(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

void AddSchemaViolations(const CompiledSchema* schema, const nlohmann::json& plain,
                         std::set<std::string>* seen, ManifestCheck* result) {
  if (!schema || schema->Valid(plain)) return;
  for (SchemaViolation& v : schema->Check(plain)) {
    seen->insert(v.pointer);
    result->violations.push_back(
        {v.pointer, std::move(v.message), "kube-schema", v.missing, v.unknown});
  }
}

}  // namespace

nlohmann::json AsApiServerReads(const Json& v) {
  if (v.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, child] : v.items()) {
      if (!child.is_null()) out[k] = AsApiServerReads(child);
    }
    return out;
  }
  if (v.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const Json& child : v) out.push_back(AsApiServerReads(child));
    return out;
  }
  if (v.is_number_float() && IsExactInteger(v.get<double>())) {
    return static_cast<int64_t>(v.get<double>());
  }
  return nlohmann::json(v);
}

std::string ObjectLabel(const Json& object) {
  if (!object.is_object()) return "";
  std::string label = StringAt(object, "kind");
  auto meta = object.find("metadata");
  if (meta == object.end() || !meta->is_object()) return label;
  std::string name = StringAt(*meta, "name");
  if (name.empty() && !StringAt(*meta, "generateName").empty()) {
    name = StringAt(*meta, "generateName") + "*";
  }
  if (name.empty()) return label;
  return label.empty() ? name : label + " " + name;
}

ManifestCheck CheckManifest(const Json& object, const std::string& version, SchemaVariant variant,
                            SchemaScope scope) {
  ManifestCheck result;
  std::string api_version = StringAt(object, "apiVersion"), kind = StringAt(object, "kind");
  std::set<std::string> seen;
  // The object is judged as the API server reads it, in place; only one the schema may refuse
  // is copied into that form, for valijson and its messages.
  const EvalOptions reading{.null_members_absent = true, .integral_floats_are_integers = true};
  if (scope == SchemaScope::kThisObject) {
    std::optional<Verdict> verdict =
        EvaluateKubeSchema(version, api_version, kind, variant, object, reading);
    if (!verdict) return result;
    result.has_schema = true;
    // Only an object that may fail pays for a compiled schema (the messages come from it).
    if (*verdict != Verdict::kValid) {
      nlohmann::json plain = AsApiServerReads(object);
      AddSchemaViolations(KubeSchemaForObject(version, api_version, kind, variant, plain).get(),
                          plain, &seen, &result);
    }
  } else {
    const CompiledSchema* schema = FindKubeSchema(version, api_version, kind, variant);
    if (!schema) return result;
    result.has_schema = true;
    if (!schema->DecidedValid(object, reading)) {
      AddSchemaViolations(schema, AsApiServerReads(object), &seen, &result);
    }
  }
  std::vector<ManifestViolation> rules;
  CheckApiServerRules(object, &rules);
  for (ManifestViolation& v : rules) {
    if (seen.insert(v.pointer).second) result.violations.push_back(std::move(v));
  }
  return result;
}

}  // namespace lr
