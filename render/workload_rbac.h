// WorkloadRbac: the ClusterRole rules the agent needs for the kinds its queues submit.
// In: queue configs (`launch-render VALUES --queue-config FILE...`). Out: rules to append to the
// chart's ClusterRole, one per API group and resource not already granted: the agent creates,
// watches and deletes a custom resource through group/version/<lower(kind)+"s"> (its own
// naive plural) and reads its status. batch/v1 Jobs and Volcano jobs are already granted by
// the chart; without queue configs nothing is added (chart parity).
#pragma once

#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/file_source.h"

namespace lr {

// Reads each queue config (YAML or JSON, PyYAML rules) and returns the rules to add.
Json RulesForQueueConfigs(const std::vector<std::string>& paths, const Json& granted,
                          FileSource& files, Diagnostics* diags);

}  // namespace lr
