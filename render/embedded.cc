#include "render/embedded.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

#include "render/document_image.h"

namespace lr {

namespace {

// The contents of `path` in `table`; a missing one is a programming error.
std::string_view Lookup(const std::vector<EmbeddedFile>& table, std::string_view path,
                        const char* what) {
  for (const EmbeddedFile& f : table) {
    if (f.path == path) return f.contents;
  }
  std::fprintf(stderr, "launch-render: internal error: no %s %.*s\n", what,
               static_cast<int>(path.size()), path.data());
  std::abort();
}

}  // namespace

std::string_view EmbeddedText(std::string_view path) {
  return Lookup(EmbeddedFiles(), path, "embedded file");
}

std::string_view EmbeddedImage(std::string_view path) {
  return Lookup(EmbeddedImages(), path, "image of embedded");
}

const Document& EmbeddedDocument(std::string_view path) {
  static std::mutex mu;  // validate renders values files on several threads
  static std::map<std::string, Document, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(path); it != cache.end()) return it->second;
  std::string name(path);
  auto doc = ReadDocumentImage(EmbeddedImage(path), name, std::string(EmbeddedText(path)));
  if (!doc) {
    std::fprintf(stderr, "launch-render: internal error: the image of %s does not read\n",
                 name.c_str());
    std::abort();
  }
  return cache.emplace(name, std::move(*doc)).first->second;
}

const Json& Skeleton(std::string_view name) {
  static std::mutex mu;
  static std::map<std::string, Json, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  std::string path = "templates/bundle/" + std::string(name) + ".yaml";
  std::optional<Json> root = ReadDocumentImageRoot(EmbeddedImage(path));
  if (!root) {
    std::fprintf(stderr, "launch-render: internal error: the image of %s does not read\n",
                 path.c_str());
    std::abort();
  }
  return cache.emplace(std::string(name), std::move(*root)).first->second;
}

}  // namespace lr
