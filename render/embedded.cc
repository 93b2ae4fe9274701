#include "render/embedded.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

#include "render/document_image.h"

namespace lr {

std::string_view EmbeddedText(std::string_view path) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == path) return f.contents;
  }
  std::fprintf(stderr, "launch-render: internal error: no embedded file %.*s\n",
               static_cast<int>(path.size()), path.data());
  std::abort();
}

std::string_view EmbeddedImage(std::string_view path) {
  for (const EmbeddedFile& f : EmbeddedImages()) {
    if (f.path == path) return f.contents;
  }
  std::fprintf(stderr, "launch-render: internal error: no image of embedded %.*s\n",
               static_cast<int>(path.size()), path.data());
  std::abort();
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
  return EmbeddedDocument("templates/bundle/" + std::string(name) + ".yaml").root;
}

}  // namespace lr
