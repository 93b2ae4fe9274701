// ValidateKind: what a file is, from its name and its top-level keys.
#pragma once

#include <string>

#include "render/document.h"
#include "render/validate.h"

namespace lr {

// `root` is the first document as helm would read it (nullptr when it did not parse).
// Names win (launch-config.yaml, *launch-config*); then keys: apiVersion+kind is a
// manifest (a queue config when it also has template_variables or an agent macro such as
// ${run_id}), chart keys (agent, launchConfig, ...) a values file, only agent-config keys a
// launch config, a resource config's keys (spec, metadata, template_variables) a queue
// config. kAuto when nothing fits.
FileKind DetectKind(const std::string& name, const Json& root, size_t documents);

}  // namespace lr
