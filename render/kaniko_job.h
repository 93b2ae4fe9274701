// KanikoJob: `launch-render build`: the Job the agent's kaniko builder creates for a run
// (launch-behavior §6), rendered offline. In: the builder settings (from a values file's
// launchConfig plus the chart values the agent sees as environment, or a standalone
// launch-config.yaml), the build context directory, the run id and the image source string.
// Out: the build Job (plus the ACR docker-config ConfigMap the agent creates), or the
// Dockerfile that would be built (--dockerfile).
// Dockerfile: Dockerfile.wandb in the context directory when present (as the agent picks
// it), else launch-render's own generated Dockerfile (the agent's template is runtime
// knowledge: for a generated Dockerfile the tag is launch-render's, not necessarily the
// agent's). Tag: the first 8 hex digits of sha256(image source + Dockerfile text).
// The build Job gets no securityContext and no refusals, exactly as the agent makes it: kaniko
// runs as root and cannot pass the restricted Pod Security Standard.
#pragma once

#include <string>

#include "render/diagnostics.h"
#include "render/emit.h"
#include "render/file_source.h"
#include "render/kube_object.h"

namespace lr {

struct BuildRequest {
  std::string values;         // a values file (launchConfig + chart settings), or
  std::string launch_config;  // a standalone launch-config.yaml
  std::string release = "release-name";
  std::string context;  // the build context directory (the job's entry-point directory)
  std::string run_id;
  std::string image_source;  // default: "<context directory name>:latest"
  std::string base_image;    // accelerator base image for a generated Dockerfile
  bool dockerfile_only = false;
  OutputFormat format = OutputFormat::kYaml;
  bool strict = false;
  std::string output_dir;
  std::string kube_version;  // the output's schemas (bundled, "v1.36"); "" is the newest
};

struct BuildResult {
  std::string output;
  Objects objects;
  Diagnostics diags;
  bool ok() const { return !diags.HasErrors(); }
};

BuildResult RenderBuild(const BuildRequest& request, FileSource& files);

}  // namespace lr
