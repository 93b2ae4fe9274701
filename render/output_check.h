// OutputCheck: the last stage before emit. Every object launch-render is about to print, checked
// against the strict bundled schema of one Kubernetes version (kube_schema.h) and the API
// server's rules (manifest_rules.h), as `validate --strict` checks a manifest.
// In: the objects in output order. Out: diagnostics only; nothing is changed or printed.
//   ValidateEmitted   the bundle of a render: built by launch-render from checked values, so
//                     any violation is launch-render's own bug: an error [internal-schema]
//                     naming the object's template, the object and the JSON pointer, which the
//                     commands turn into exit code 3.
//   ValidateSubmitted the objects `launch-render job` renders from a queue config, which passes
//                     the user's own fields through. A violation at a node the queue config
//                     wrote is the user's: an error located there with its rule (kube-schema,
//                     kube-ports...); only a field the schema does not know is a warning, as the
//                     API server drops unknown fields from the agent's requests (only clients
//                     such as kubectl ask for strict field validation), and none at all where
//                     an earlier stage already reported that node. Any other violation is
//                     internal, as above.
#pragma once

#include <string>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/kube_object.h"
#include "render/kube_schema.h"

namespace lr {

inline constexpr const char* kInternalSchemaRule = "internal-schema";

// `version` is a bundled version ("v1.36"; "" is the newest).
void ValidateEmitted(const Objects& objects, const std::string& version, Diagnostics* diags);
void ValidateSubmitted(const Objects& objects, const Document& queue_config,
                       const std::string& version, Diagnostics* diags);

// True when `diags` hold an [internal-schema] error.
bool HasInternalErrors(const Diagnostics& diags);

}  // namespace lr
