// `generate`: every input translated, one shared store of bodies, one table per Kubernetes
// version and one for the CRDs, an index; all minified JSON with sorted keys.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {
namespace {

size_t WriteJson(const std::filesystem::path& path, const Json& json) {
  const std::string text = json.dump() + "\n";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) throw std::runtime_error(path.string() + ": cannot write");
  return text.size();
}

Source CrdSource(const std::vector<std::string>& paths, Translator* translator) {
  Source source;
  for (const std::string& path : paths) {
    for (const Json& document : YamlDocumentsToJson(ReadMaybeGzip(path))) {
      try {
        AddCrd(document, translator, &source);
      } catch (const std::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
      }
    }
  }
  return source;
}

Json Index(const Inputs& inputs) {
  Json versions = Json::array();
  for (const auto& [label, path] : inputs.swaggers) versions.push_back(label);
  return {{"format", 1},
          {"store", "definitions.json"},
          {"kubernetes", versions},
          {"crds", "crds.json"}};
}

size_t Entries(const std::map<std::string, Json>& tables) {
  size_t n = 0;
  for (const auto& [label, table] : tables) {
    n += table.at("definitions").size();
    for (const auto& [api_version, kinds] : table.at("kinds").items()) n += kinds.size();
  }
  return n;
}

void Report(const Inputs& inputs, const Store& store, const std::map<std::string, Json>& tables,
            size_t written) {
  Sizes sizes = MeasureSizes(Json(store.bodies()), tables, written);
  std::cout << "kube-schema-gen: " << inputs.swaggers.size() << " Kubernetes versions and "
            << inputs.crds.size() << " CRD files; " << store.bodies().size()
            << " distinct bodies for " << Entries(tables) << " table entries\n"
            << "bytes: " << sizes.shared << " as written (shared store), " << sizes.per_table
            << " as one bundle per table, " << sizes.per_kind << " as one file per kind\n";
}

}  // namespace

void Generate(const std::string& data_dir, const std::string& out_dir, const Options& options) {
  const Inputs inputs = FindInputs(data_dir);
  Translator translator(options);
  Store store;
  std::map<std::string, Json> tables;
  for (const auto& [label, path] : inputs.swaggers) {
    try {
      tables[label] = MakeTable(FromSwagger(Json::parse(ReadMaybeGzip(path)), &translator), &store);
    } catch (const std::exception& e) {
      throw std::runtime_error(path + ": " + e.what());
    }
  }
  tables["crds"] = MakeTable(CrdSource(inputs.crds, &translator), &store);
  for (const std::string& key : translator.unknown_keywords()) {
    std::cerr << "kube-schema-gen: warning: dropped unknown keyword " << key << "\n";
  }
  const std::filesystem::path out(out_dir);
  std::filesystem::create_directories(out);
  size_t written = WriteJson(out / "definitions.json", Json(store.bodies()));
  for (const auto& [label, table] : tables) written += WriteJson(out / (label + ".json"), table);
  written += WriteJson(out / "index.json", Index(inputs));
  Report(inputs, store, tables, written);
}

}  // namespace ksg
