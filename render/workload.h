// Workload: `launch-render job`: the object(s) the agent would submit for a queue config,
// rendered offline. The only place that knows the order (the agent's, launch-behavior §3.2):
//   read queue config (YAML or JSON, PyYAML rules) -> template_variables + --set-var
//   -> fill {{placeholders}} -> job resource_args overrides (recursive merge, job wins, lists
//   replaced) -> agent refusals on the raw config -> secure mode -> ${macros} -> refusals
//   again -> Job path (batch/v1) or custom-resource path -> restricted securityContext
//   (+ runAsNonRoot) -> Pod Security "restricted" check of every pod template -> emit.
// In: a request and a FileSource. Out: the output text, or nothing plus diagnostics.
#pragma once

#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/emit.h"
#include "render/file_source.h"
#include "render/kube_object.h"

namespace lr {

struct JobRequest {
  std::string queue_config;  // path, "-" for stdin
  std::vector<std::string> set_vars;
  std::string run_context;  // optional path
  std::string overrides;    // optional path
  std::string values;       // optional values file: secure_mode, release name for the API key
  std::string release = "release-name";
  OutputFormat format = OutputFormat::kYaml;
  bool image_runs_as_root = false;  // opt out of runAsNonRoot (the image needs uid 0)
  bool strict = false;
  std::string output_dir;
  std::string kube_version;  // the output's schemas (bundled, "v1.36"); "" is the newest
};

struct JobResult {
  std::string output;
  Objects objects;
  Diagnostics diags;
  bool ok() const { return !diags.HasErrors(); }
};

JobResult RenderJob(const JobRequest& request, FileSource& files);

}  // namespace lr
