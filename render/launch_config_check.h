// LaunchConfigCheck: refuses a launch agent config the agent would refuse or crash on, and
// warns where the agent only warns. In: the loaded config (positions in the user's file) and
// what the values file says around it. Out: diagnostics only; every problem of the config in
// one run.
// Layers: the bundled schema (schemas/launch-config.schema.json: keys, types, enums,
// bounds; [launch-config-schema]), then named rules the schema cannot say: registry URIs,
// build context stores and their environment, kaniko's secret pair, context and destination,
// the environment and registry blocks the agent's loader refuses, ignored and deprecated
// keys (warnings).
#pragma once

#include <string>

#include "render/diagnostics.h"
#include "render/launch_config.h"

namespace lr {

struct LaunchConfigContext {
  std::string path_prefix;  // "launchConfig" when embedded in a values file
  bool in_values = false;   // the facts below come from a values file
  bool kaniko_pvc = false;  // kanikoPvcName is set
  bool azure_storage_key = false;
  std::string agent_namespace;
};

void CheckLaunchConfig(const LaunchConfig& config, const LaunchConfigContext& context,
                       Diagnostics* diags);

}  // namespace lr
