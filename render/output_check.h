// OutputCheck: the last stage before emit. Every object launch-render is about to print, checked
// against the strict bundled schema of one Kubernetes version (kube_schema.h) and the API
// server's rules (manifest_rules.h), as `validate --strict` checks a manifest.
// In: the objects in output order (and what the user wrote). Out: diagnostics only.
// Who is to blame for a violation:
//   - the user, where the offending node came from their input: an error located there, with
//     the rule's name (kube-schema, kube-ports, ...);
//   - launch-render otherwise: an error [internal-schema] naming the object's template, the
//     object and the JSON pointer, which the commands turn into exit code 3.
//   ValidateEmitted   nothing came from the user (every violation is internal).
//   ValidateRendered  a render: values the chart copies into the objects verbatim (resources,
//                     tolerations, minAvailable, ...) are the user's when a user file or flag
//                     set them (found by equal subtree, or equal scalar under the same key).
//   ValidateSubmitted `launch-render job`: the node at the same pointer of the queue config is
//                     the user's. A field the schema does not know is only a warning there (the
//                     API server drops unknown fields from the agent's requests; only clients
//                     such as kubectl ask for strict field validation), and none at all where an
//                     earlier stage already reported that node.
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
void ValidateRendered(const Objects& objects, const Document& values, const std::string& version,
                      Diagnostics* diags);
void ValidateSubmitted(const Objects& objects, const Document& queue_config,
                       const std::string& version, Diagnostics* diags);

// True when `diags` hold an [internal-schema] error.
bool HasInternalErrors(const Diagnostics& diags);

}  // namespace lr
