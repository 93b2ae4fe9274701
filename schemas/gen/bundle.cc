// The bundle: bodies stored once under a content id (FNV-1a 64 of their minified JSON),
// and per-table maps from definition names and kinds to ids. A table keeps the definitions
// reachable from its kinds, so a validator can rebuild {"definitions": {name: body}}.
#include <cstdint>
#include <cstdio>
#include <deque>
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {
namespace {

const char kDefinitions[] = "#/definitions/";

void CollectRefs(const Json& node, std::set<std::string>* refs) {
  if (node.is_array()) {
    for (const Json& item : node) CollectRefs(item, refs);
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    if (key == "$ref" && value.is_string()) {
      const std::string ref = value;
      if (ref.rfind(kDefinitions, 0) != 0 ||
          ref.find_first_of("~/", sizeof kDefinitions - 1) != std::string::npos) {
        throw std::runtime_error("unsupported $ref " + ref);
      }
      refs->insert(ref.substr(sizeof kDefinitions - 1));
    } else {
      CollectRefs(value, refs);
    }
  }
}

// Every definition reachable from `roots` through $refs.
std::set<std::string> Reachable(const Source& source, const std::set<std::string>& roots) {
  std::set<std::string> seen;
  std::deque<std::string> queue(roots.begin(), roots.end());
  while (!queue.empty()) {
    std::string name = queue.front();
    queue.pop_front();
    if (!seen.insert(name).second) continue;
    auto it = source.definitions.find(name);
    if (it == source.definitions.end()) throw std::runtime_error("missing definition " + name);
    for (const std::string& ref : RefsOf(it->second)) queue.push_back(ref);
  }
  return seen;
}

}  // namespace

std::string ContentId(const Json& body) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : body.dump()) hash = (hash ^ c) * 1099511628211ULL;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::set<std::string> RefsOf(const Json& body) {
  std::set<std::string> refs;
  CollectRefs(body, &refs);
  return refs;
}

// The schema of one kind: its definition, with apiVersion and kind pinned and required.
// ($ref is under allOf because draft-07 ignores the siblings of $ref.)
Json KindEntry(const std::string& api_version, const std::string& kind,
               const std::string& definition) {
  return {{"allOf", Json::array({{{"$ref", kDefinitions + definition}}})},
          {"properties", {{"apiVersion", {{"enum", {api_version}}}}, {"kind", {{"enum", {kind}}}}}},
          {"required", {"apiVersion", "kind"}}};
}

std::string Store::Add(const Json& body) {
  std::string id = ContentId(body);
  auto [it, inserted] = bodies_.emplace(id, body);
  if (!inserted && it->second != body) throw std::runtime_error("content id collision " + id);
  return id;
}

Json MakeTable(const Source& source, Store* store) {
  Json table = {{"definitions", Json::object()}, {"kinds", Json::object()}};
  std::set<std::string> roots;
  for (const auto& [api_version, kinds] : source.kinds) {
    for (const auto& [kind, definition] : kinds) {
      table["kinds"][api_version][kind] = store->Add(KindEntry(api_version, kind, definition));
      roots.insert(definition);
    }
  }
  for (const std::string& name : Reachable(source, roots)) {
    table["definitions"][name] = store->Add(source.definitions.at(name));
  }
  return table;
}

}  // namespace ksg
