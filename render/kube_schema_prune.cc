// AssembleForObject (kube_schema_bundle.h): a kind's schema walked together with one object;
// only what the object reaches is kept.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/kube_schema_bundle.h"

namespace lr {
namespace {

using nlohmann::json;
using Values = std::vector<const json*>;

constexpr std::string_view kRefPrefix = "#/definitions/";

// Keywords whose meaning changes when a part of their subschema is replaced by {}.
bool Unprunable(const json& s) {
  for (const char* k : {"not", "if", "then", "else", "dependencies", "contains", "propertyNames",
                        "patternProperties", "additionalItems"}) {
    if (s.contains(k)) return true;
  }
  return s.contains("items") && !s["items"].is_object();
}

Values Members(const Values& values, const std::string& key) {
  Values out;
  for (const json* v : values) {
    if (!v->is_object()) continue;
    auto it = v->find(key);
    if (it != v->end()) out.push_back(&*it);
  }
  return out;
}

// The members of the objects that `properties` does not name (they meet additionalProperties).
Values Extra(const json& s, const Values& values) {
  const json* props = s.contains("properties") ? &s["properties"] : nullptr;
  Values out;
  for (const json* v : values) {
    if (!v->is_object()) continue;
    for (const auto& [key, child] : v->items()) {
      if (!props || !props->contains(key)) out.push_back(&child);
    }
  }
  return out;
}

Values Items(const Values& values) {
  Values out;
  for (const json* v : values) {
    if (!v->is_array()) continue;
    for (const json& item : *v) out.push_back(&item);
  }
  return out;
}

class Pruner {
 public:
  Pruner(SchemaStore& store, const SchemaTable& table) : store_(store), table_(table) {}

  json Node(const json& s, const Values& values);
  // The definitions reached, pruned (or whole where needed); false when one is missing.
  bool Definitions(json* out);

 private:
  json Properties(const json& props, const Values& values);
  void Reach(const json& ref, const Values& values);
  void Whole(const json& s) { CollectRefs(s, &whole_); }

  SchemaStore& store_;
  const SchemaTable& table_;
  std::map<std::string, Values> reach_;  // definition -> the values that reach it
  std::set<std::string> dirty_;          // reached by new values since last pruned
  std::set<std::string> whole_;          // needed unpruned
};

json Pruner::Node(const json& s, const Values& values) {
  if (values.empty()) return json::object();
  if (!s.is_object()) return s;
  if (Unprunable(s)) {
    Whole(s);
    return s;
  }
  json out = json::object();
  for (const auto& [key, sub] : s.items()) {
    if (key == "$ref") {
      Reach(sub, values);
      out[key] = sub;
    } else if (key == "properties" && sub.is_object()) {
      out[key] = Properties(sub, values);
    } else if (key == "additionalProperties" && sub.is_object()) {
      out[key] = Node(sub, Extra(s, values));
    } else if (key == "items" && sub.is_object()) {
      out[key] = Node(sub, Items(values));
    } else if ((key == "allOf" || key == "anyOf" || key == "oneOf") && sub.is_array()) {
      out[key] = json::array();
      for (const json& member : sub) out[key].push_back(Node(member, values));
    } else {
      out[key] = sub;
    }
  }
  return out;
}

json Pruner::Properties(const json& props, const Values& values) {
  json out = json::object();
  for (const auto& [name, sub] : props.items()) out[name] = Node(sub, Members(values, name));
  return out;
}

void Pruner::Reach(const json& ref, const Values& values) {
  if (!ref.is_string()) return;
  const std::string& text = ref.get_ref<const std::string&>();
  if (text.rfind(kRefPrefix, 0) != 0) return;
  std::string name = text.substr(kRefPrefix.size());
  Values& reached = reach_[name];
  for (const json* v : values) {
    if (std::find(reached.begin(), reached.end(), v) != reached.end()) continue;
    reached.push_back(v);
    dirty_.insert(name);
  }
}

bool Pruner::Definitions(json* out) {
  while (!dirty_.empty()) {
    std::string name = *dirty_.begin();
    dirty_.erase(dirty_.begin());
    const json* body = store_.Body(table_.DefinitionId(name));
    if (!body) return false;
    (*out)[name] = Node(*body, reach_[name]);  // again, when more values reach it
  }
  std::vector<std::string> queue(whole_.begin(), whole_.end());
  std::set<std::string> done;
  while (!queue.empty()) {
    std::string name = queue.back();
    queue.pop_back();
    if (!done.insert(name).second) continue;
    const json* body = store_.Body(table_.DefinitionId(name));
    if (!body) return false;
    (*out)[name] = *body;
    std::set<std::string> refs;
    CollectRefs(*body, &refs);
    queue.insert(queue.end(), refs.begin(), refs.end());
  }
  return true;
}

}  // namespace

std::optional<json> AssembleForObject(SchemaStore& store, const SchemaTable& table,
                                      const std::string& api_version, const std::string& kind,
                                      bool loose, const json& object) {
  const json* entry = store.Body(table.KindId(api_version, kind));
  if (!entry) return std::nullopt;
  Pruner pruner(store, table);
  json out = pruner.Node(*entry, {&object});
  json definitions = json::object();
  if (!pruner.Definitions(&definitions)) return std::nullopt;
  out["$schema"] = "http://json-schema.org/draft-07/schema#";
  out["definitions"] = std::move(definitions);
  if (loose) StripClosed(&out);
  return out;
}

}  // namespace lr
