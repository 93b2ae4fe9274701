// libFuzzer target: any bytes as a values file, through the whole render pipeline.
// Invariants: never crashes; on error the output is empty; on success it is non-empty.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "render/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lr::InMemoryFileSource files;
  files.Add("values.yaml", std::string(reinterpret_cast<const char*>(data), size));
  lr::RenderRequest request;
  request.values_files = {"values.yaml"};
  lr::RenderResult r = lr::RenderBundle(request, files);
  if (!r.ok() && !r.output.empty()) std::abort();
  if (r.ok() && r.output.empty()) std::abort();
  return 0;
}
