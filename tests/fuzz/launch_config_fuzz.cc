// libFuzzer target: any bytes as a launch agent config, read standalone and embedded as the
// launchConfig block of a values file, through loading and every launch-config rule.
// Invariants: never crashes; a failed load reports an error; every diagnostic names a file;
// embedded diagnostics never point above the launchConfig key.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "render/launch_config.h"
#include "render/launch_config_check.h"
#include "render/pipeline.h"

namespace {

void Standalone(const std::string& text) {
  lr::Diagnostics d;
  lr::LaunchConfigSource src{text, lr::LineMap::Identity("launch-config.yaml"), ""};
  auto config = lr::LoadLaunchConfig(src, &d);
  if (!config && !d.HasErrors()) std::abort();
  if (config) lr::CheckLaunchConfig(*config, lr::LaunchConfigContext{}, &d);
  for (const lr::Diagnostic& x : d.all()) {
    if (x.pos.file != "launch-config.yaml") std::abort();
  }
}

void Embedded(const std::string& text) {
  std::string values = "agent:\n  apiKey: k\nlaunchConfig: |\n";
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    values += "  " + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  lr::InMemoryFileSource files;
  files.Add("values.yaml", values);
  lr::RenderRequest request;
  request.values_files = {"values.yaml"};
  lr::RenderResult r = lr::RenderBundle(request, files);
  if (!r.ok() && !r.output.empty()) std::abort();
  for (const lr::Diagnostic& x : r.diags.all()) {
    bool in_config = x.path.rfind("launchConfig", 0) == 0;
    if (in_config && x.pos.line != 0 && x.pos.line < 3) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  Standalone(text);
  Embedded(text);
  return 0;
}
