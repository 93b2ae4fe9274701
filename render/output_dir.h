// OutputDir: --output-dir DIR: one file per object plus a kustomization.yaml listing them,
// written all or nothing. Files are NN-<kind>-<name>.yaml (NN the output position, two digits
// or more; name or generateName, lowercase, [a-z0-9.-]); the kustomization lists them in
// output order, so `kubectl kustomize DIR` gives the same objects as stdout.
// Everything is written into a fresh sibling directory and renamed into place; an error
// leaves DIR as it was. DIR may be absent, empty, or an earlier output of launch-render
// (its kustomization.yaml starts with our header); anything else is refused, so a mistyped
// path never replaces a user's directory.
#pragma once

#include <string>

#include "render/emit.h"
#include "render/kube_object.h"

namespace lr {

// Returns "" on success, or why DIR was not written.
std::string WriteOutputDir(const Objects& objects, const std::string& dir, OutputFormat format);

// "03-deployment-launch-agent-r.yaml".
std::string ObjectFileName(const KubeObject& object, size_t index, size_t count,
                           OutputFormat format);

}  // namespace lr
