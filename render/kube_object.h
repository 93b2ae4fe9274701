// KubeObject: one rendered Kubernetes object, the unit every stage after the builder passes on.
// The body is plain JSON data in emission key order; `source` names the skeleton it grew from
// (used in diagnostics and in the helm-style "# Source:" comment).
#pragma once

#include <string>
#include <vector>

#include "render/document.h"

namespace lr {

struct KubeObject {
  Json body;
  std::string source;  // e.g. "templates/bundle/deployment.yaml"

  std::string Kind() const;
  std::string Name() const;
  std::string Namespace() const;
};

using Objects = std::vector<KubeObject>;

}  // namespace lr
