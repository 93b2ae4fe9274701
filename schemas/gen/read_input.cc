// Input files are read through zlib's gzread, which gunzips gzip files and passes any other
// file through unchanged, so fixtures may be plain and ../shared/data may be gzipped.
#include <zlib.h>

#include <memory>
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {

std::string ReadMaybeGzip(const std::string& path) {
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
  if (!file) throw std::runtime_error(path + ": cannot open");
  std::string text;
  char buffer[1 << 16];
  int n = 0;
  while ((n = gzread(file.get(), buffer, sizeof buffer)) > 0) {
    text.append(buffer, static_cast<size_t>(n));
  }
  if (n < 0) throw std::runtime_error(path + ": cannot read (corrupt gzip?)");
  return text;
}

}  // namespace ksg
