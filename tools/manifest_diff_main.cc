// manifest-diff: developer tool behind `make parity`. Compares two manifest streams (files or
// "-") structurally and prints the first differing object and JSON pointer.
// Exit status: 0 same objects, 1 different, 2 usage or unreadable/unparsable input.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "render/load.h"
#include "render/manifest_diff.h"

namespace {

bool ReadText(const std::string& path, std::string* text) {
  std::ostringstream out;
  if (path == "-") {
    out << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out << in.rdbuf();
  }
  *text = out.str();
  return true;
}

bool Parse(const std::string& path, std::vector<lr::Json>* docs) {
  std::string text;
  if (!ReadText(path, &text)) {
    std::fprintf(stderr, "manifest-diff: error: cannot read %s\n", path.c_str());
    return false;
  }
  lr::Diagnostics diags;
  auto stream = lr::LoadStream(path, text, lr::LoadOptions{}, &diags);
  for (const lr::Diagnostic& d : diags.Sorted()) {
    std::fprintf(stderr, "%s\n", lr::FormatText(d).c_str());
  }
  if (!stream) return false;
  for (lr::Document& d : *stream) docs->push_back(std::move(d.root));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string names[2] = {"left", "right"};
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--left-name" || args[i] == "--right-name") && i + 1 < args.size()) {
      names[args[i] == "--left-name" ? 0 : 1] = args[i + 1];
      ++i;
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() != 2) {
    std::fprintf(stderr, "usage: manifest-diff [--left-name N] [--right-name N] LEFT RIGHT\n");
    return 2;
  }
  std::vector<lr::Json> left, right;
  if (!Parse(files[0], &left) || !Parse(files[1], &right)) return 2;
  if (auto d = lr::DiffManifests(left, right)) {
    std::printf("%s\n", lr::FormatDifference(*d, names[0], names[1]).c_str());
    return 1;
  }
  return 0;
}
