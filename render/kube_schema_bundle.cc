#include "render/kube_schema_bundle.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <set>
#include <vector>

namespace lr {
namespace {

using nlohmann::json;

// The image of JSON text, owned; an empty object's when the text is not an object.
std::shared_ptr<const std::string> FreezeText(std::string_view text) {
  json doc = json::parse(text, nullptr, false);
  return std::make_shared<const std::string>(FreezeJson(doc.is_object() ? doc : json::object()));
}

// Every definition reachable from `entry`, by name; false when one is missing.
bool ReachedDefinitions(SchemaStore& store, const SchemaTable& table, const json& entry,
                        json* out) {
  std::set<std::string> first;
  CollectRefs(entry, &first);
  std::deque<std::string> queue(first.begin(), first.end());
  for (; !queue.empty(); queue.pop_front()) {
    const std::string& name = queue.front();
    if (out->contains(name)) continue;
    const json* body = store.Body(table.DefinitionId(name));
    if (!body) return false;
    (*out)[name] = *body;
    std::set<std::string> refs;
    CollectRefs(*body, &refs);
    queue.insert(queue.end(), refs.begin(), refs.end());
  }
  return true;
}

}  // namespace

void CollectRefs(const json& node, std::set<std::string>* out) {
  static constexpr std::string_view kPrefix = "#/definitions/";
  if (node.is_array()) {
    for (const json& item : node) CollectRefs(item, out);
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    if (key == "$ref" && value.is_string()) {
      const std::string& ref = value.get_ref<const std::string&>();
      if (ref.rfind(kPrefix, 0) == 0) out->insert(ref.substr(kPrefix.size()));
    } else {
      CollectRefs(value, out);
    }
  }
}

void StripClosed(json* node) {
  if (node->is_array()) {
    for (json& item : *node) StripClosed(&item);
  } else if (node->is_object()) {
    auto it = node->find("additionalProperties");
    if (it != node->end() && *it == false) node->erase(it);
    for (auto& [key, value] : node->items()) StripClosed(&value);
  }
}

SchemaStore::SchemaStore(std::string_view text) : owned_(FreezeText(text)) {
  bodies_ = FrozenJson::Root(*owned_);
}

const json* SchemaStore::Body(std::string_view id) {
  if (auto it = parsed_.find(id); it != parsed_.end()) return &it->second;
  FrozenJson body = Frozen(id);
  if (!body.present()) return nullptr;
  return &parsed_.emplace(std::string(id), ThawJson<json>(body)).first->second;
}

SchemaTable::SchemaTable(std::string_view text) : owned_(FreezeText(text)) {
  table_ = FrozenJson::Root(*owned_);
}

std::string_view SchemaTable::DefinitionId(std::string_view name) const {
  FrozenJson id = table_.find("definitions").find(name);
  return id.is_string() ? id.str() : std::string_view();
}

std::string_view SchemaTable::KindId(std::string_view api_version, std::string_view kind) const {
  FrozenJson id = table_.find("kinds").find(api_version).find(kind);
  return id.is_string() ? id.str() : std::string_view();
}

std::vector<std::string> SchemaTable::ApiVersionsOf(std::string_view kind) const {
  std::vector<std::string> out;
  FrozenJson kinds = table_.find("kinds");
  for (uint32_t i = 0; kinds.is_object() && i < kinds.size(); ++i) {
    if (kinds.item(i).find(kind).present()) out.emplace_back(kinds.key(i));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<json> AssembleKind(SchemaStore& store, const SchemaTable& table,
                                 const std::string& api_version, const std::string& kind,
                                 bool loose) {
  const json* entry = store.Body(table.KindId(api_version, kind));
  if (!entry) return std::nullopt;
  json out = *entry;
  json definitions = json::object();
  if (!ReachedDefinitions(store, table, out, &definitions)) return std::nullopt;
  out["$schema"] = "http://json-schema.org/draft-07/schema#";
  out["definitions"] = std::move(definitions);
  if (loose) StripClosed(&out);
  return out;
}

}  // namespace lr
