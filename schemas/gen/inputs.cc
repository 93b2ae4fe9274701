// Which files are inputs, and their labels: the table of v1.28.swagger.json.gz is v1.28.
#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {
namespace {

namespace fs = std::filesystem;

// The name without `suffix` (or suffix + ".gz"), or "" when it has neither.
std::string Stem(const std::string& name, const std::string& suffix) {
  for (const std::string& end : {suffix, suffix + ".gz"}) {
    if (name.size() > end.size() && name.compare(name.size() - end.size(), end.size(), end) == 0) {
      return name.substr(0, name.size() - end.size());
    }
  }
  return "";
}

std::vector<fs::path> SortedFiles(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw std::runtime_error(dir.string() + ": not a directory");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<long> Numbers(const std::string& label) {
  std::vector<long> numbers;
  for (size_t i = 0; i < label.size();) {
    size_t end = label.find_first_not_of("0123456789", i);
    if (end == std::string::npos) end = label.size();
    numbers.push_back(end > i ? std::stol(label.substr(i, end - i)) : -1);
    i = end + 1;
  }
  return numbers;
}

}  // namespace

bool VersionLess(const std::string& a, const std::string& b) {
  auto na = Numbers(a.substr(a.rfind('v', 0) == 0 ? 1 : 0));
  auto nb = Numbers(b.substr(b.rfind('v', 0) == 0 ? 1 : 0));
  return na != nb ? na < nb : a < b;
}

Inputs FindInputs(const std::string& data_dir) {
  Inputs inputs;
  std::set<std::string> labels;
  for (const fs::path& file : SortedFiles(fs::path(data_dir) / "kubernetes-openapi")) {
    std::string label = Stem(file.filename().string(), ".swagger.json");
    if (label.empty()) continue;
    if (label[0] != 'v') throw std::runtime_error(file.string() + ": label must start with v");
    if (!labels.insert(label).second) throw std::runtime_error(label + ": two input files");
    inputs.swaggers.emplace_back(label, file.string());
  }
  std::sort(inputs.swaggers.begin(), inputs.swaggers.end(),
            [](const auto& a, const auto& b) { return VersionLess(a.first, b.first); });
  for (const fs::path& file : SortedFiles(fs::path(data_dir) / "crds")) {
    const std::string name = file.filename().string();
    if (!Stem(name, ".yaml").empty() || !Stem(name, ".yml").empty()) {
      inputs.crds.push_back(file.string());
    }
  }
  if (inputs.swaggers.empty()) throw std::runtime_error(data_dir + ": no *.swagger.json[.gz]");
  return inputs;
}

}  // namespace ksg
