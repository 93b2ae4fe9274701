// kube-schema-gen: the project's generator of Kubernetes JSON Schemas (schemas/README.md).
//   kube-schema-gen generate [--loose] DATA_DIR OUT_DIR
//     DATA_DIR holds kubernetes-openapi/*.swagger.json[.gz] and crds/*.yaml[.gz]; writes
//     OUT_DIR/{definitions,index,crds,<version>}.json and prints their sizes.
//   kube-schema-gen assemble [--loose] OUT_DIR TABLE API_VERSION KIND
//     prints the standalone schema of one kind (TABLE: a version such as v1.36, or crds).
// --loose: without the additionalProperties: false that closes objects.
// Exit status: 0 done, 1 no such kind, 2 usage or input error.
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "schemas/gen/gen.h"

namespace {

int Usage() {
  std::cerr << "usage: kube-schema-gen generate [--loose] DATA_DIR OUT_DIR\n"
               "       kube-schema-gen assemble [--loose] OUT_DIR TABLE API_VERSION KIND\n";
  return 2;
}

ksg::Json ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  return ksg::Json::parse(in);
}

int AssembleCommand(const std::vector<std::string>& args, bool loose) {
  const std::string dir = args[0] + "/";
  ksg::Json store = ReadJson(dir + "definitions.json");
  ksg::Json table = ReadJson(dir + args[1] + ".json");
  try {
    std::cout << ksg::Assemble(store, table, args[2], args[3], loose).dump(1) << "\n";
  } catch (const std::runtime_error& e) {
    std::cerr << "kube-schema-gen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage();
  const std::string command = args[0];
  args.erase(args.begin());
  bool loose = !args.empty() && args[0] == "--loose";
  if (loose) args.erase(args.begin());
  try {
    if (command == "generate" && args.size() == 2) {
      ksg::Generate(args[0], args[1], ksg::Options{!loose});
      return 0;
    }
    if (command == "assemble" && args.size() == 4) return AssembleCommand(args, loose);
  } catch (const std::exception& e) {
    std::cerr << "kube-schema-gen: error: " << e.what() << "\n";
    return 2;
  }
  return Usage();
}
