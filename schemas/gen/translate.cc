// The keyword-level translation: validation keywords are kept, documentation and
// server-side hints (description, default, list types, patch strategies, CEL rules) are
// dropped to keep the bundle small, sub-schemas are translated recursively, and the
// Kubernetes rules of k8s_types.cc are applied to every node.
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {
namespace {

const std::set<std::string>& CopiedKeywords() {
  static const std::set<std::string> keys = {
      "$ref",        "type",       "enum",          "const",        "required", "pattern",
      "minimum",     "maximum",    "minLength",     "maxLength",    "minItems", "maxItems",
      "uniqueItems", "multipleOf", "minProperties", "maxProperties"};
  return keys;
}

// Read by k8s_types.cc from the source node, or deliberately left out of the output.
const std::set<std::string>& DroppedKeywords() {
  static const std::set<std::string> keys = {"description", "title",        "default",
                                             "example",     "externalDocs", "readOnly",
                                             "nullable",    "discriminator"};
  return keys;
}

// The formats draft-07 defines; Kubernetes' own (int32, int64, byte, double...) are dropped.
bool IsDraft7Format(const std::string& format) {
  static const std::set<std::string> formats = {
      "date-time",     "date",         "time",          "email",
      "idn-email",     "hostname",     "idn-hostname",  "ipv4",
      "ipv6",          "uri",          "uri-reference", "iri",
      "iri-reference", "uri-template", "json-pointer",  "relative-json-pointer",
      "regex"};
  return formats.count(format) > 0;
}

// OpenAPI v3.0 (as draft-04) has boolean exclusiveMinimum/Maximum beside minimum/maximum;
// draft-07 has the bound itself.
void Exclusive(const std::string& key, const std::string& bound, const Json& in, Json* out) {
  if (!in.contains(key)) return;
  if (in.at(key).is_number()) {
    (*out)[key] = in.at(key);
  } else if (in.at(key) == true && in.contains(bound)) {
    (*out)[key] = in.at(bound);
    out->erase(bound);
  }
}

// $ref has no siblings in draft-07 (they would be ignored): keep them under allOf.
void IsolateRef(Json* out) {
  if (!out->contains("$ref") || out->size() == 1) return;
  Json ref = {{"$ref", out->at("$ref")}};
  out->erase("$ref");
  Json& all = (*out)["allOf"];
  if (all.is_null()) all = Json::array();
  all.insert(all.begin(), ref);
}

}  // namespace

Json Translator::Schema(const Json& in) {
  if (!in.is_object()) return in;  // true / false
  Json out = Json::object();
  for (const auto& [key, value] : in.items()) Keyword(key, value, &out);
  Exclusive("exclusiveMinimum", "minimum", in, &out);
  Exclusive("exclusiveMaximum", "maximum", in, &out);
  ApplyIntOrString(in, &out);
  ApplyEmbeddedResource(in, &out);
  ApplyStrict(in, options_, &out);
  IsolateRef(&out);
  ApplyNullable(in, &out);
  return out;
}

void Translator::Keyword(const std::string& key, const Json& value, Json* out) {
  if (CopiedKeywords().count(key)) {
    (*out)[key] = value;
  } else if (key == "properties" || key == "patternProperties") {
    (*out)[key] = SchemaMap(value);
  } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
    (*out)[key] = SchemaList(value);
  } else if (key == "items") {
    (*out)[key] = value.is_array() ? SchemaList(value) : Schema(value);
  } else if (key == "additionalProperties" && value == false) {
    // StripClosed could not tell it from the generator's own (no source has it so far).
    throw std::runtime_error("additionalProperties: false in a source schema");
  } else if (key == "additionalProperties" || key == "additionalItems" || key == "not") {
    (*out)[key] = Schema(value);
  } else if (key == "format") {
    if (value.is_string() && IsDraft7Format(value.get<std::string>())) (*out)[key] = value;
  } else if (key == "exclusiveMinimum" || key == "exclusiveMaximum") {
    // after the loop, once minimum/maximum are in place
  } else if (!DroppedKeywords().count(key) && key.rfind("x-", 0) != 0) {
    unknown_.insert(key);
  }
}

Json Translator::SchemaMap(const Json& in) {
  if (!in.is_object()) throw std::runtime_error("expected an object of schemas");
  Json out = Json::object();
  for (const auto& [name, schema] : in.items()) out[name] = Schema(schema);
  return out;
}

Json Translator::SchemaList(const Json& in) {
  if (!in.is_array()) throw std::runtime_error("expected a list of schemas");
  Json out = Json::array();
  for (const Json& schema : in) out.push_back(Schema(schema));
  return out;
}

}  // namespace ksg
