#include "render/file_source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sys/stat.h>

namespace lr {
namespace {

bool ReadStream(std::FILE* f, std::string* text) {
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text->append(buffer, n);
  return !std::ferror(f);
}

}  // namespace

bool DiskFileSource::Read(const std::string& path, std::string* text, std::string* error) {
  text->clear();
  if (path == "-") {
    if (ReadStream(stdin, text)) return true;
    *error = std::strerror(errno);
    return false;
  }
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    *error = "is a directory";
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = std::strerror(errno);
    return false;
  }
  bool ok = ReadStream(f, text);
  if (!ok) *error = std::strerror(errno);
  std::fclose(f);
  return ok;
}

bool InMemoryFileSource::Read(const std::string& path, std::string* text, std::string* error) {
  auto it = files_.find(path);
  if (it == files_.end()) {
    *error = "No such file or directory";
    return false;
  }
  *text = it->second;
  return true;
}

}  // namespace lr
