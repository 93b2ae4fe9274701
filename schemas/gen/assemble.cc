// The reverse of the bundle: one kind of one table as a standalone draft-07 schema, the
// kind's entry with the definitions it reaches. This is what a validator feeds valijson.
#include <deque>
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {

Json Assemble(const Json& store, const Json& table, const std::string& api_version,
              const std::string& kind, bool loose) {
  const Json& kinds = table.at("kinds");
  if (!kinds.contains(api_version) || !kinds.at(api_version).contains(kind)) {
    throw std::runtime_error("no schema for " + api_version + " " + kind);
  }
  Json out = store.at(kinds.at(api_version).at(kind).get<std::string>());
  Json definitions = Json::object();
  std::set<std::string> first = RefsOf(out);
  std::deque<std::string> queue(first.begin(), first.end());
  while (!queue.empty()) {
    std::string name = queue.front();
    queue.pop_front();
    if (definitions.contains(name)) continue;
    const Json& body = store.at(table.at("definitions").at(name).get<std::string>());
    definitions[name] = body;
    for (const std::string& ref : RefsOf(body)) queue.push_back(ref);
  }
  out["$schema"] = "http://json-schema.org/draft-07/schema#";
  out["definitions"] = std::move(definitions);
  if (loose) StripClosed(&out);
  return out;
}

// The generator writes additionalProperties: false only to close objects (the sources never
// do), so removing every one gives the loose variant.
void StripClosed(Json* node) {
  if (node->is_array()) {
    for (Json& item : *node) StripClosed(&item);
  } else if (node->is_object()) {
    if (node->contains("additionalProperties") && node->at("additionalProperties") == false) {
      node->erase("additionalProperties");
    }
    for (auto& [key, value] : node->items()) StripClosed(&value);
  }
}

}  // namespace ksg
