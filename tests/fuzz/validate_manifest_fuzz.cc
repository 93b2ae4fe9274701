// libFuzzer target: any bytes as a file given to `launch-render validate` — kind detection,
// then (as the detected kind, and forced as a manifest stream) loading and checking against
// the bundled Kubernetes schemas, strict and loose, and the API server rules.
// Invariants: never crashes; one report per file; a report is valid exactly when it holds no
// error; every diagnostic names the file; resource counts never go negative, and a stream
// with an invalid or erroneous resource is not valid.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "render/validate.h"

namespace {

void Check(const std::string& text, lr::FileKind kind, bool strict) {
  lr::InMemoryFileSource files;
  files.Add("input.yaml", text);
  lr::ValidateRequest request;
  request.paths = {"input.yaml"};
  request.kind = kind;
  request.strict = strict;
  request.threads = 1;
  std::vector<lr::FileReport> reports = lr::ValidateFiles(request, files);
  if (reports.size() != 1) std::abort();
  const lr::FileReport& r = reports[0];
  if (r.valid() == r.diags.HasErrors()) std::abort();
  for (const lr::Diagnostic& d : r.diags.all()) {
    if (d.pos.file != "input.yaml") std::abort();
  }
  const lr::ResourceCounts& c = r.resources;
  if (c.valid < 0 || c.invalid < 0 || c.errors < 0 || c.skipped < 0) std::abort();
  if ((c.invalid > 0 || c.errors > 0) && r.valid()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  Check(text, lr::FileKind::kAuto, false);
  Check(text, lr::FileKind::kManifest, true);
  return 0;
}
