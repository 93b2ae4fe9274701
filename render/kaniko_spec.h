// Internal to kaniko_job.cc: the build Job, step by step as KanikoBuilder.build_image makes it.
#pragma once

#include <string>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/kube_object.h"

namespace lr {

struct KanikoSettings {
  Document config;                   // the launch agent config (positions in the user's file)
  std::string namespace_ = "wandb";  // the agent's namespace (its service-account namespace)
  std::string service_account = "default";  // WANDB_LAUNCH_SERVICE_ACCOUNT_NAME
  std::string pvc;                          // WANDB_LAUNCH_KANIKO_PVC_NAME (kanikoPvcName)
  std::string docker_config_secret;  // WANDB_LAUNCH_KANIKO_AUTH_SECRET (kanikoDockerConfigSecret)
  std::string run_id;
  std::string tag;
  std::string path_prefix;  // "launchConfig" when the config came from a values file
};

// The build Job, and the ACR docker-config ConfigMap when the agent creates one.
Objects BuildKanikoObjects(const KanikoSettings& s, Diagnostics* diags);

// launch-render's Dockerfile when the context has no Dockerfile.wandb.
std::string GeneratedDockerfile(const std::string& base_image, bool requirements);

}  // namespace lr
