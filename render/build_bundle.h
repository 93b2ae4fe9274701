// BuildBundle: checked values -> the agent bundle, as trees grown from templates/bundle/.
// In: values that passed CheckValues (so every shape is right) and the release name.
// Out: the objects in chart template order (configmap, deployment, rbac, secret files), with
// the checksum fields still empty (checksum.cc fills them). Never validates, never reads disk.
// Where the upstream chart is defective and chart-defects.md says "fix", the fixed form is
// built: strings stay strings, the PDB and the secret-env Secret live in the agent namespace,
// init containers are hardened, gitCreds and multi-line values are kept exactly.
#pragma once

#include <string>

#include "render/document.h"
#include "render/kube_object.h"

namespace lr {

struct BundleSettings {
  std::string release = "release-name";
  Json extra_cluster_rules = Json::array();  // from queue configs (workload_rbac.h)
};

Objects BuildBundle(const Json& values, const BundleSettings& settings);

// The agent Deployment and its PodDisruptionBudget (build_deployment.cc).
KubeObject BuildDeployment(const Json& values, const std::string& release);
KubeObject BuildPodDisruptionBudget(const Json& values, const std::string& release);

// Helpers shared by the builders.
// The value at `pointer` ("/agent/image"), or a null value when absent.
const Json& ValueAt(const Json& values, const char* pointer);
// The value at `pointer` as Kubernetes string text (ScalarText; "" when absent or null).
std::string TextAt(const Json& values, const char* pointer);
// A list value, or an empty list for null, absent or the chart's empty-map default.
const Json& ListAt(const Json& values, const char* pointer);
// uniq(additionalTargetNamespaces + [namespace]), first occurrences kept.
std::vector<std::string> TargetNamespaces(const Json& values);
// A fresh copy of a skeleton, as a KubeObject.
KubeObject FromSkeleton(const char* name);

}  // namespace lr
