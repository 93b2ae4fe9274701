// Pipeline: the only place that knows the order of the stages.
//   read files -> load (go-yaml v2 rules) -> merge -f layers -> --set, then --set-string
//   -> coalesce over the chart defaults -> check values and the embedded launchConfig (PyYAML
//   rules)
//   -> values schema -> build bundle -> checksums
//   -> install order -> every object against the Kubernetes schema of --kube-version
//   (output_check.h: an error in the values it came from, else an internal error) -> emit
// In: a request (files, flags) and where files come from. Out: the whole output text, or
// nothing plus diagnostics. Stops after the first stage that reported an error; warnings
// never stop it unless `strict`. Nothing is printed here.
#pragma once

#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/emit.h"
#include "render/file_source.h"
#include "render/kube_object.h"
#include "render/output_check.h"

namespace lr {

struct RenderRequest {
  std::vector<std::string> values_files;  // in precedence order, lowest first; "-" is stdin
  std::vector<std::string> set;           // --set arguments, in command-line order
  std::vector<std::string> set_string;    // --set-string arguments, in command-line order
  std::string release = "release-name";   // helm template's default release name
  OutputFormat format = OutputFormat::kYaml;
  bool strict = false;                     // warnings fail the render
  std::vector<std::string> queue_configs;  // --queue-config: ClusterRole rules for their kinds
  std::string output_dir;                  // --output-dir: files instead of stdout
  std::string kube_version;                // --kube-version, bundled ("v1.36"); "" is the newest
};

struct RenderResult {
  std::string output;  // empty whenever diags has errors
  Objects objects;     // what `output` holds, for --output-dir
  Diagnostics diags;
  bool ok() const { return !diags.HasErrors(); }
};

RenderResult RenderBundle(const RenderRequest& request, FileSource& files);

// The name diagnostics use for a path ("-" is "<stdin>").
std::string DisplayName(const std::string& path);

}  // namespace lr
