// The size the same schemas would take without the shared store: per table (each version a
// self-contained bundle) and per kind (one standalone file per kind, as validators of the
// kubeconform kind read them). Printed by `generate` and quoted in schemas/README.md.
#include "schemas/gen/gen.h"

namespace ksg {
namespace {

// The table with ids replaced by the bodies they name.
Json Unshared(const Json& store, const Json& table) {
  Json out = {{"definitions", Json::object()}, {"kinds", Json::object()}};
  for (const auto& [name, id] : table.at("definitions").items()) {
    out["definitions"][name] = store.at(id.get<std::string>());
  }
  for (const auto& [api_version, kinds] : table.at("kinds").items()) {
    for (const auto& [kind, id] : kinds.items()) {
      out["kinds"][api_version][kind] = store.at(id.get<std::string>());
    }
  }
  return out;
}

}  // namespace

Sizes MeasureSizes(const Json& store, const std::map<std::string, Json>& tables, size_t shared) {
  Sizes sizes;
  sizes.shared = shared;
  for (const auto& [label, table] : tables) {
    sizes.per_table += Unshared(store, table).dump().size() + 1;
    for (const auto& [api_version, kinds] : table.at("kinds").items()) {
      for (const auto& [kind, id] : kinds.items()) {
        sizes.per_kind += Assemble(store, table, api_version, kind, false).dump().size() + 1;
      }
    }
  }
  return sizes;
}

}  // namespace ksg
