// ValuesCheck: refuses values the agent bundle cannot be built from, before anything is built.
// In: merged values (positions point into the user's files) and the render settings.
// Out: diagnostics only; never changes the values. Reports every problem of the run.
// Errors: wrong shapes (a null or scalar where the chart needs a map or list), a missing
// agent.apiKey or launchConfig, the reserved label agent.labels.app, labels and annotations
// that are not strings or not valid keys/values, names over Kubernetes limits (namespace,
// target namespaces, names derived from the release), ssh hosts that are not one host token,
// a half-set customCABundle. Warnings: null ServiceAccount annotation values (emitted as ""),
// a user-set minAvailable that blocks every eviction, ssh hosts without host-key checking,
// the Azure storage Secret outside the agent namespace.
#pragma once

#include <string>

#include "render/diagnostics.h"
#include "render/document.h"

namespace lr {

struct CheckSettings {
  std::string release;
  SourcePos release_pos;  // where the release name came from (the --release flag)
  SourcePos fallback;     // where to point when the user never wrote the key (first file)
  const SourceTexts* texts = nullptr;  // the user's files, to quote what they typed
};

void CheckValues(const Document& values, const CheckSettings& settings, Diagnostics* diags);

}  // namespace lr
