// SecurityScan: the agent's refusals of a queue config (validate_kubernetes_resource_args and
// secure mode), reported at the real path of the offending field (the agent always says
// metadata.annotations.<key> for annotations, wherever they are). Run on the config as
// written and again after macro expansion: a macro can turn an accepted value into a refused
// one. Every refusal of the config is reported [security].
#pragma once

#include "render/diagnostics.h"
#include "render/document.h"

namespace lr {

// The key-based scan over the whole tree (annotations first, then keys depth first).
void ScanSecurity(const Document& config, Diagnostics* diags);

// secure_mode: true: host namespaces and initContainers locked in spec.template.spec, no
// container command, no entry point override.
void ScanSecureMode(const Document& config, bool entry_point_override, Diagnostics* diags);

}  // namespace lr
