// embed-docs SRC_ROOT OUT_ROOT FILE...: the build-time images of embedded files, each written
// to OUT_ROOT/FILE. A YAML FILE (relative to SRC_ROOT) is loaded as the binary would (go-yaml
// v2 rules, built-in positions) into a document image (render/document_image.h); a JSON FILE
// (a bundled schema, the Kubernetes schema bundle) is frozen (render/frozen_json.h), to be
// read in place. A file that does not load fails the build.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "render/document_image.h"
#include "render/frozen_json.h"
#include "render/load.h"

namespace {

bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return static_cast<bool>(in);
}

// Writes only when the contents change, so an unchanged template rebuilds nothing.
bool WriteIfChanged(const std::filesystem::path& path, const std::string& contents) {
  std::string old;
  if (std::filesystem::exists(path) && ReadFile(path, &old) && old == contents) return true;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  return static_cast<bool>(out);
}

bool Image(const std::filesystem::path& src_root, const std::filesystem::path& out_root,
           const std::string& name) {
  std::string text;
  if (!ReadFile(src_root / name, &text)) {
    std::fprintf(stderr, "embed-docs: cannot read %s\n", name.c_str());
    return false;
  }
  if (name.size() > 5 && name.substr(name.size() - 5) == ".json") {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_object()) {
      std::fprintf(stderr, "embed-docs: %s is not a JSON object\n", name.c_str());
      return false;
    }
    return WriteIfChanged(out_root / name, lr::FreezeJson(doc));
  }
  lr::Diagnostics diags;
  lr::LoadOptions options;
  options.user = false;
  auto doc = lr::LoadValuesFile(name, text, options, &diags);
  std::optional<std::string> image = doc ? lr::WriteDocumentImage(*doc) : std::nullopt;
  if (!image) {
    std::fprintf(stderr, "embed-docs: %s does not load as a built-in document\n", name.c_str());
    for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", lr::FormatText(d).c_str());
    return false;
  }
  if (!WriteIfChanged(out_root / name, *image)) {
    std::fprintf(stderr, "embed-docs: cannot write %s\n", (out_root / name).c_str());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: embed-docs SRC_ROOT OUT_ROOT FILE...\n");
    return 2;
  }
  for (int i = 3; i < argc; ++i) {
    if (!Image(argv[1], argv[2], argv[i])) return 1;
  }
  return 0;
}
