// Checksums: the checksum/config and checksum/secret annotations of the agent Deployment.
// In: the bundle as built (Deployment present, checksum fields empty). Out: the same objects
// with both annotations on the Deployment's metadata and on its pod template (chart-defects
// #16), and CM_CHECKSUM set to checksum/config.
// Definition (README "Checksums"; the chart in charts/launch-agent computes the same with
// `toJson | sha256sum`): lowercase hex sha256 of the compact JSON, as Go's encoding/json
// prints it (keys sorted), of the list of every ConfigMap body (for checksum/config) or every
// Secret body (for checksum/secret) in the bundle, in the order they are emitted.
// So a checksum changes exactly when a rendered ConfigMap or Secret changes.
#pragma once

#include <string>

#include "render/kube_object.h"

namespace lr {

// sha256 hex of GoJson([bodies of every object of `kind`, in order]).
std::string KindChecksum(const Objects& objects, const std::string& kind);

// Fills the checksum annotations and CM_CHECKSUM of every Deployment in `objects`.
void ApplyChecksums(Objects* objects);

}  // namespace lr
