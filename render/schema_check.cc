#include "render/schema_check.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "render/valijson.h"

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/embedded.h"
#include "render/pattern.h"

namespace lr {
namespace {

using nlohmann::json;

constexpr const char* kMessageKey = "x-launch-render-message";

const CompiledSchema& Compile(std::string_view path) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<CompiledSchema>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(path);
  if (it != cache.end()) return *it->second;
  auto c = std::make_unique<CompiledSchema>(FrozenJson::Root(EmbeddedImage(path)));
  return *cache.emplace(std::string(path), std::move(c)).first->second;
}

// valijson caches compiled regular expressions per Validator: one per thread keeps them.
valijson::Validator& ThreadValidator() {
  thread_local valijson::Validator validator;
  return validator;
}

std::string Describe(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_object()) return "a mapping";
  if (v.is_array()) return "a list";
  if (v.is_boolean()) return v.get<bool>() ? "boolean true" : "boolean false";
  if (v.is_number_integer()) return "integer " + v.dump();
  if (v.is_number()) return "number " + v.dump();
  return "string " + Quote(v.get<std::string>());
}

const json* Resolve(const json& root, const json* s) {
  for (int hops = 0; s && s->is_object() && s->contains("$ref") && hops < 16; ++hops) {
    std::string ref = (*s)["$ref"].get<std::string>();
    if (ref.rfind("#", 0) != 0) return nullptr;
    json::json_pointer p(ref.substr(1));
    s = root.contains(p) ? &root.at(p) : nullptr;
  }
  return s;
}

bool KnownProperty(const json& s, const std::string& key) {
  if (s.contains("properties") && s["properties"].contains(key)) return true;
  if (!s.contains("patternProperties")) return false;
  for (const auto& [pattern, sub] : s["patternProperties"].items()) {
    if (PatternSearch(pattern, key)) return true;
  }
  return false;
}

using Facets = std::vector<const json*>;

bool HasType(const json& v, const std::string& t) {
  if (t == "null") return v.is_null();
  if (t == "boolean") return v.is_boolean();
  if (t == "object") return v.is_object();
  if (t == "array") return v.is_array();
  if (t == "string") return v.is_string();
  if (t == "number") return v.is_number();
  if (t == "integer") {
    return v.is_number_integer() || (v.is_number_float() && std::isfinite(v.get<double>()) &&
                                     std::floor(v.get<double>()) == v.get<double>());
  }
  return false;
}

// True when `s` (after $ref) has no type, or one that `v` has.
bool AdmitsType(const json& root, const json& s, const json& v) {
  const json* r = Resolve(root, &s);
  if (!r || !r->is_object() || !r->contains("type")) return true;
  const json& type = (*r)["type"];
  if (type.is_string()) return HasType(v, type.get<std::string>());
  for (const auto& t : type.is_array() ? type : json::array()) {
    if (t.is_string() && HasType(v, t.get<std::string>())) return true;
  }
  return false;
}

// `s` after $ref, then the members of its allOf, and those of its anyOf/oneOf that admit `v`.
void AddFacets(const json& root, const json* s, const json& v, Facets* out, int depth) {
  s = Resolve(root, s);
  if (!s || !s->is_object() || depth > 16) return;
  out->push_back(s);
  for (const char* key : {"allOf", "anyOf", "oneOf"}) {
    auto it = s->find(key);
    if (it == s->end() || !it->is_array()) continue;
    for (const json& member : *it) {
      if (std::string_view(key) != "allOf" && !AdmitsType(root, member, v)) continue;
      AddFacets(root, &member, v, out, depth + 1);
    }
  }
}

// The subschema of `s` for the child `token` of `cur` (properties, additionalProperties, items).
const json* ChildSchema(const json& s, const std::string& token, const json& cur) {
  if (cur.is_object()) {
    if (s.contains("properties") && s["properties"].contains(token)) return &s["properties"][token];
    if (s.contains("additionalProperties") && s["additionalProperties"].is_object()) {
      return &s["additionalProperties"];
    }
    return nullptr;
  }
  if (cur.is_array() && s.contains("items") && s["items"].is_object()) return &s["items"];
  return nullptr;
}

const json* ChildValue(const json& cur, const std::string& token) {
  if (cur.is_object()) {
    auto it = cur.find(token);
    return it == cur.end() ? nullptr : &*it;
  }
  if (!cur.is_array() || token.empty() || token.find_first_not_of("0123456789") != token.npos) {
    return nullptr;
  }
  size_t i = std::stoul(token);
  return i < cur.size() ? &cur[i] : nullptr;
}

// The subschemas that govern the node at `tokens`.
Facets FacetsAt(const json& root, const std::vector<std::string>& tokens, const json& instance) {
  Facets facets;
  AddFacets(root, &root, instance, &facets, 0);
  const json* cur = &instance;
  for (const std::string& token : tokens) {
    const json* value = ChildValue(*cur, token);
    if (!value) return {};
    Facets next;
    for (const json* f : facets) {
      if (const json* child = ChildSchema(*f, token, *cur))
        AddFacets(root, child, *value, &next, 0);
    }
    facets = std::move(next);
    cur = value;
  }
  return facets;
}

std::string TypeName(const std::string& t) {
  if (t == "object") return "a mapping";
  if (t == "array") return "a list";
  if (t == "null") return "null";
  return std::string(t == "integer" ? "an " : "a ") + t;
}

std::string TypeMessage(const json& s, const json& v) {
  if (!s.contains("type")) return "";
  std::vector<std::string> types;
  if (s["type"].is_string()) types.push_back(s["type"]);
  for (const auto& t : s["type"].is_array() ? s["type"] : json::array()) types.push_back(t);
  for (const std::string& t : types) {
    if (HasType(v, t)) return "";
  }
  std::string want;
  for (size_t i = 0; i < types.size(); ++i) {
    want += (i == 0 ? "" : i + 1 == types.size() ? " or " : ", ") + TypeName(types[i]);
  }
  return "must be " + want;
}

std::string EnumMessage(const json& s, const json& v) {
  if (!s.contains("enum")) return "";
  const json& options = s["enum"];
  if (std::find(options.begin(), options.end(), v) != options.end()) return "";
  std::string list;
  for (size_t i = 0; i < options.size(); ++i) {
    const json& o = options[i];
    list += (i == 0 ? "" : ", ") + (o.is_string() ? Quote(o.get<std::string>()) : o.dump());
  }
  return "must be one of " + list;
}

std::string StringMessage(const json& s, const json& v) {
  if (!v.is_string()) return "";
  const std::string& text = v.get_ref<const std::string&>();
  if (s.contains("minLength") && text.size() < s["minLength"].get<size_t>()) {
    return s["minLength"] == 1 ? "must not be empty"
                               : "must be at least " + s["minLength"].dump() + " characters";
  }
  if (s.contains("maxLength") && text.size() > s["maxLength"].get<size_t>()) {
    return "must be at most " + s["maxLength"].dump() + " characters";
  }
  if (s.contains("pattern") && !PatternSearch(s["pattern"].get<std::string>(), text)) {
    return "must match " + s["pattern"].get<std::string>();
  }
  return "";
}

std::string NumberMessage(const json& s, const json& v) {
  if (!v.is_number()) return "";
  double d = v.get<double>();
  if (s.contains("minimum") && d < s["minimum"].get<double>()) {
    return "must be at least " + s["minimum"].dump();
  }
  if (s.contains("maximum") && d > s["maximum"].get<double>()) {
    return "must be at most " + s["maximum"].dump();
  }
  return "";
}

std::string ArrayMessage(const json& s, const json& v) {
  if (!v.is_array()) return "";
  if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) {
    return s["minItems"] == 1 ? "must not be empty"
                              : "must have at least " + s["minItems"].dump() + " items";
  }
  if (s.contains("maxItems") && v.size() > s["maxItems"].get<size_t>()) {
    return "must have at most " + s["maxItems"].dump() + " items";
  }
  return "";
}

// The message for a node whose own keywords fail; "" when only its children fail.
std::string NodeMessage(const json& s, const json& v, bool failed_here) {
  std::string m = TypeMessage(s, v);
  if (m.empty()) m = EnumMessage(s, v);
  if (m.empty()) m = StringMessage(s, v);
  if (m.empty()) m = NumberMessage(s, v);
  if (m.empty()) m = ArrayMessage(s, v);
  if (s.contains(kMessageKey) && (!m.empty() || failed_here)) m = s[kMessageKey];
  if (m.empty()) return "";
  if (m == "must not be empty") return m;
  return m + ", got " + Describe(v);
}

std::string Child(const std::string& pointer, const std::string& key) {
  return PointerJoin(pointer, key);
}

void ObjectViolations(const json& s, const json& v, const std::string& pointer,
                      std::vector<SchemaViolation>* out) {
  if (!v.is_object()) return;
  for (const auto& key : s.value("required", json::array())) {
    if (!v.contains(key.get<std::string>())) {
      out->push_back({Child(pointer, key), "is required", true, false});
    }
  }
  const json* extra = s.contains("additionalProperties") ? &s["additionalProperties"] : nullptr;
  if (!extra || !extra->is_boolean() || extra->get<bool>()) return;
  std::string unknown = s.value("x-launch-render-unknown-key", "is not a known key");
  for (const auto& [key, child] : v.items()) {
    if (!KnownProperty(s, key)) out->push_back({Child(pointer, key), unknown, false, true});
  }
}

std::vector<std::string> Tokens(const std::vector<std::string>& context) {
  std::vector<std::string> tokens;
  for (const std::string& part : context) {
    if (part.size() < 2 || part.front() != '[' || part.back() != ']') continue;
    std::string token = part.substr(1, part.size() - 2);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
      token = token.substr(1, token.size() - 2);
    }
    tokens.push_back(token);
  }
  return tokens;
}

std::string JoinPointer(const std::vector<std::string>& tokens) {
  std::string p;
  for (const std::string& t : tokens) p = PointerJoin(p, t);
  return p;
}

bool IsPrefix(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return a.size() < b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// The violations valijson found at one node: its object rules, else its own message, else
// (a leaf with nothing better) valijson's description.
void NodeViolations(const json& root, const json& instance, const std::vector<std::string>& tokens,
                    bool deeper, const std::string& description,
                    std::vector<SchemaViolation>* out) {
  std::string pointer = JoinPointer(tokens);
  const json& v = instance.at(json::json_pointer(pointer));
  Facets facets = FacetsAt(root, tokens, instance);
  size_t before = out->size();
  for (const json* f : facets) ObjectViolations(*f, v, pointer, out);
  for (const json* f : facets) {
    std::string m = NodeMessage(*f, v, !deeper && out->size() == before);
    if (m.empty()) continue;
    out->push_back({pointer, m, false, false});
    break;
  }
  if (out->size() == before && !deeper) {
    out->push_back({pointer, description + ", got " + Describe(v), false, false});
  }
}

// At most one violation per node (several subschemas may require the same key).
std::vector<SchemaViolation> OnePerNode(std::vector<SchemaViolation> all) {
  std::vector<SchemaViolation> out;
  std::set<std::string> seen;
  for (SchemaViolation& v : all) {
    if (seen.insert(v.pointer).second) out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

const std::vector<BundledSchema>& BundledSchemas() {
  static const std::vector<BundledSchema> schemas = {
      {"launch-config", "schemas/launch-config.schema.json"},
      {"values", "schemas/values.schema.json"},
  };
  return schemas;
}

const nlohmann::json& SchemaDocument(std::string_view schema_path) {
  return BundledSchemaAt(schema_path).doc();
}

const CompiledSchema& BundledSchemaAt(std::string_view schema_path) { return Compile(schema_path); }

CompiledSchema::CompiledSchema(nlohmann::json doc)
    : image_(FreezeJson(doc)), frozen_(FrozenJson::Root(image_)), doc_(std::move(doc)) {
  std::call_once(thaw_once_, [] {});  // the tree is here already: doc() has nothing to thaw
}

CompiledSchema::CompiledSchema(FrozenJson image) : frozen_(image) {}

const nlohmann::json& CompiledSchema::doc() const {
  std::call_once(thaw_once_, [this] { doc_ = ThawJson<json>(frozen_); });
  return doc_;
}

CompiledSchema::~CompiledSchema() = default;

const valijson::Schema& CompiledSchema::Compiled() const {
  std::call_once(compile_once_, [this] {
    auto schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(doc()), *schema);
    schema_ = std::move(schema);
  });
  return *schema_;
}

Verdict CompiledSchema::Decide(const nlohmann::json& instance) const {
  return EvaluateSchema(frozen_, instance, DocumentRefs(frozen_));
}

bool CompiledSchema::DecidedValid(const nlohmann::ordered_json& instance,
                                  EvalOptions reading) const {
  return EvaluateSchema(frozen_, instance, DocumentRefs(frozen_), reading) == Verdict::kValid;
}

bool CompiledSchema::Valid(const nlohmann::json& instance) const {
  Verdict verdict = Decide(instance);
  if (verdict != Verdict::kUnsure) return verdict == Verdict::kValid;
  return ThreadValidator().validate(Compiled(), valijson::adapters::NlohmannJsonAdapter(instance),
                                    nullptr);
}

std::vector<SchemaError> CompiledSchema::Errors(const nlohmann::json& instance) const {
  if (Decide(instance) == Verdict::kValid) return {};
  valijson::ValidationResults results;
  ThreadValidator().validate(Compiled(), valijson::adapters::NlohmannJsonAdapter(instance),
                             &results);
  std::vector<SchemaError> out;
  for (const auto& e : results) out.push_back({e.context, e.description});
  return out;
}

std::vector<SchemaViolation> CompiledSchema::Check(const nlohmann::json& instance) const {
  std::vector<SchemaError> errors = Errors(instance);
  if (errors.empty()) return {};
  std::vector<std::vector<std::string>> contexts;
  std::map<std::vector<std::string>, std::string> first_description;
  for (const auto& e : errors) {
    std::vector<std::string> tokens = Tokens(e.context);
    if (first_description.emplace(tokens, e.description).second) contexts.push_back(tokens);
  }
  std::vector<SchemaViolation> out;
  for (const auto& tokens : contexts) {
    bool deeper = std::any_of(contexts.begin(), contexts.end(),
                              [&](const auto& o) { return IsPrefix(tokens, o); });
    NodeViolations(doc(), instance, tokens, deeper, first_description[tokens], &out);
  }
  return OnePerNode(std::move(out));
}

std::vector<SchemaViolation> CheckAgainstSchema(std::string_view schema_path,
                                                const nlohmann::json& instance) {
  return Compile(schema_path).Check(instance);
}

}  // namespace lr
