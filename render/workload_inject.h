// Internal to workload*.cc: the two paths of the agent's Kubernetes runner and the
// injections after them.
#pragma once

#include <string>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/kube_object.h"
#include "render/run_context.h"

namespace lr {

struct InjectContext {
  const Document& config;  // the macro-expanded queue config (positions for messages)
  const RunContext& run;
  const Overrides& overrides;
  std::string api_key_secret;  // the Secret the Job path references for WANDB_API_KEY
  std::string pull_secret;     // regcred-RID when the agent's registry block is ecr or gcr
  Diagnostics* diags;
};

// KubernetesRunner._inject_defaults for batch/v1: the Job body.
Json BuildJob(const InjectContext& ctx);
// The custom-resource path (PyTorchJob, Volcano Job, ...).
Json BuildCustomResource(const InjectContext& ctx);
// The agent's WANDB_* env entries in injection order (api_key_ref: a secretKeyRef, else a
// plain value).
Json AgentEnv(const RunContext& run, const Overrides& overrides, const std::string& api_key_ref);

// Every pod spec (a mapping with a list under containers, initContainers or
// ephemeralContainers), at any depth, calls `fn(pod_spec, pointer)`.
void ForEachPodSpec(Json* node, const std::string& pointer,
                    const std::function<void(Json&, const std::string&)>& fn);
// The agent's restricted securityContext on every container of every pod spec, plus
// runAsNonRoot: true unless `image_runs_as_root`.
void InjectRestricted(Json* body, bool image_runs_as_root);

// make_name_dns_safe: '_' -> '-', lowercase, drop everything outside [a-z.-], cut at 200.
std::string MakeNameDnsSafe(const std::string& s);

}  // namespace lr
