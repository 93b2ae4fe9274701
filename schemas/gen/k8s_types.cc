// What Kubernetes accepts beyond the literal OpenAPI types: int-or-string, quantities,
// nullable fields, unknown fields kept on request, embedded objects; and the strictness
// (no property outside `properties`) that a real API server applies by pruning or refusing.
#include <algorithm>

#include "schemas/gen/gen.h"

namespace ksg {
namespace {

bool Is(const Json& in, const char* key, const Json& value) {
  return in.contains(key) && in.at(key) == value;
}

// Keywords that limit a value beyond its type: with them, null cannot be added to `type`.
bool HasOnlyTypeLimits(const Json& out) {
  if (!out.contains("type")) return false;
  for (const char* key : {"$ref", "enum", "const", "allOf", "anyOf", "oneOf", "not"}) {
    if (out.contains(key)) return false;
  }
  return true;
}

}  // namespace

// From the grammar in the Quantity definition: a signed number (digits with an optional
// fraction, or a bare fraction) and an optional suffix: binary SI (Ki..Ei), decimal SI
// (n u m k M G T P E) or a decimal exponent (e or E and a signed integer).
const char kQuantityPattern[] =
    "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$";

// A number (`cpu: 1`, `cpu: 0.5`) or a string in the grammar; `pattern` only applies to strings.
Json QuantitySchema() { return {{"type", {"number", "string"}}, {"pattern", kQuantityPattern}}; }

// `format: int-or-string` (OpenAPI v2) and `x-kubernetes-int-or-string: true` (CRDs, which
// spell the same as anyOf [integer, string]): one type list instead.
void ApplyIntOrString(const Json& in, Json* out) {
  if (!Is(in, "format", "int-or-string") && !Is(in, "x-kubernetes-int-or-string", true)) return;
  (*out)["type"] = {"integer", "string"};
  out->erase("format");
  const Json pair = Json::array({{{"type", "integer"}}, {{"type", "string"}}});
  if (out->contains("anyOf") && out->at("anyOf") == pair) out->erase("anyOf");
}

// x-kubernetes-embedded-resource: an object with apiVersion, kind and metadata even when the
// schema does not list them.
void ApplyEmbeddedResource(const Json& in, Json* out) {
  if (Is(in, "x-kubernetes-embedded-resource", true) && out->contains("properties")) {
    EnsureObjectFields(out);
  }
}

void EnsureObjectFields(Json* out) {
  Json& properties = (*out)["properties"];
  if (!properties.contains("apiVersion")) properties["apiVersion"] = {{"type", "string"}};
  if (!properties.contains("kind")) properties["kind"] = {{"type", "string"}};
  if (!properties.contains("metadata")) properties["metadata"] = {{"type", "object"}};
}

// Closed objects: only where `properties` says what exists. Maps (additionalProperties with
// a schema) and x-kubernetes-preserve-unknown-fields stay open.
void ApplyStrict(const Json& in, const Options& options, Json* out) {
  if (!options.strict || !out->contains("properties")) return;
  if (out->contains("additionalProperties") || out->contains("patternProperties")) return;
  if (Is(in, "x-kubernetes-preserve-unknown-fields", true)) return;
  (*out)["additionalProperties"] = false;
}

// x-nullable (OpenAPI v2) and nullable (CRDs): null is accepted too.
void ApplyNullable(const Json& in, Json* out) {
  if (!Is(in, "x-nullable", true) && !Is(in, "nullable", true)) return;
  if (out->empty()) return;  // already anything
  if (!HasOnlyTypeLimits(*out)) {
    *out = {{"anyOf", Json::array({*out, {{"type", "null"}}})}};
    return;
  }
  Json& type = (*out)["type"];
  if (type.is_string()) type = Json::array({type});
  if (std::find(type.begin(), type.end(), "null") == type.end()) type.push_back("null");
}

}  // namespace ksg
