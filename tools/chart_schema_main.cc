// chart-schema: writes charts/launch-agent/values.schema.json from schemas/values.schema.json,
// the one hand-written values schema. The chart's copy is that schema without the
// launch-render-only keywords (x-launch-render-*), so helm and launch-render read the same
// constraints. Usage: chart-schema IN [OUT]; without OUT it prints to stdout.
// Exit status: 0 written, 2 unreadable or invalid input.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

void Strip(Json* node) {
  if (node->is_object()) {
    for (auto it = node->begin(); it != node->end();) {
      if (it.key().rfind("x-launch-render-", 0) == 0) {
        it = node->erase(it);
      } else {
        Strip(&it.value());
        ++it;
      }
    }
  } else if (node->is_array()) {
    for (Json& item : *node) Strip(&item);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: chart-schema IN [OUT]\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  Json schema = Json::parse(in, nullptr, false);
  if (schema.is_discarded()) {
    std::fprintf(stderr, "chart-schema: error: %s is not valid JSON\n", argv[1]);
    return 2;
  }
  Strip(&schema);
  schema["description"] =
      "Generated from schemas/values.schema.json by tools/chart_schema_main.cc "
      "(make chart-schema); do not edit.";
  std::string text = schema.dump(2) + "\n";
  if (argc == 2) {
    std::cout << text;
    return 0;
  }
  std::string tmp = std::string(argv[2]) + ".tmp";
  std::ofstream(tmp, std::ios::binary) << text;
  return std::rename(tmp.c_str(), argv[2]) == 0 ? 0 : 2;
}
