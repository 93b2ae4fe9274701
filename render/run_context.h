// RunContext: what the agent knows about a run when it builds the workload, which a queue
// config alone does not say. In: `--run-context FILE` (YAML; every key optional) and
// `--override FILE` (the job's overrides). Out: typed values, defaults filled in.
// Defaults (README "Run context"): image_uri wandb/launch-job:latest, run_id = the first 8
// hex digits of sha256(queue config text) (deterministic), run_name and author unset,
// project_name my-project, entity_name my-entity, entry_point [python, train.py], source image,
// namespace default (an in-cluster agent without kubeconfig), agent_name launch-agent,
// queue_name default, base_url https://api.wandb.ai; env, run_config, files, artifacts empty.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/document.h"

namespace lr {

struct RunContext {
  std::string image_uri = "wandb/launch-job:latest";
  std::string run_id;  // filled by the caller when absent
  std::optional<std::string> run_name, author, sweep_id, job, api_key;
  std::string project_name = "my-project";
  std::string entity_name = "my-entity";
  std::vector<std::string> entry_point = {"python", "train.py"};
  std::string source = "image";  // image | code: whether the job's image replaces containers[0]
  std::string namespace_ = "default";
  std::string agent_name = "launch-agent";
  std::string queue_name = "default";
  std::optional<std::string> queue_entity;  // default: entity_name
  std::string trace_id = "run-queue-item";
  std::string base_url = "https://api.wandb.ai";
  int resume_count = 0;
  std::map<std::string, std::string> env;  // the agent process environment (also macros)
  Json run_config = Json::object(), files = Json::object(), artifacts = Json::object();
};

struct Overrides {
  std::optional<std::vector<std::string>> args, entry_point;
  std::optional<Json> run_config;
  Json resource_args = nullptr;  // {kubernetes: {...}}, merged over the queue config
  SourcePos where;
};

// Reads the run context document; reports unknown keys and wrong types at their lines.
bool ReadRunContext(const Document& doc, RunContext* out, Diagnostics* diags);
bool ReadOverrides(const Document& doc, Overrides* out, Diagnostics* diags);

}  // namespace lr
