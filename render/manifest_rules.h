// ManifestRules: what the API server refuses in an object although its JSON Schema allows it.
// Run after the schema, on the object as the API server reads it; nodes of the wrong type are
// left to the schema. Each rule has its own name:
//   kube-name          metadata.name (DNS-1123 subdomain; a label for Namespace, an RFC 1035
//                      label for Service, a path segment for RBAC kinds), generateName, name or
//                      generateName required, metadata.namespace (DNS-1123 label)
//   kube-labels        label keys and values (value at most 63), annotation keys and their total
//                      size, selector matchLabels, nodeSelector
//   kube-resources     container limits/requests: resource names, requests <= limits, extended
//                      resources need a limit equal to the request
//   kube-quantity      resource quantities: not negative; extended resources whole numbers
//   kube-ports         containerPort 1-65535, hostPort 0-65535, Service port/targetPort/nodePort,
//                      probe and lifecycle ports
//   kube-int-or-string strings where an int-or-string allows only some: port names (IANA
//                      service names), percentages ("25%") of rolling updates and budgets
//   kube-counts        replicas of Deployments, ReplicaSets, StatefulSets, ReplicationControllers;
//                      parallelism, completions and backoffLimit of batch/v1 Jobs: not negative
// Pure: never locates or reports; out gets one violation per offending node, in walk order
// (the object's own member order).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lr {

struct ManifestViolation {
  std::string pointer;   // inside the object
  std::string message;   // without the pointer: "must be at least 1, got integer 0"
  std::string rule;      // "kube-schema" or one of the rules above
  bool missing = false;  // a required key that is absent (locate at its parent)
  bool unknown = false;  // a field the strict schema does not know
};

// On a plain tree, or on the renderer's ordered one read as the API server reads it
// (manifest_reads.h: null members absent, integral floats integers), with the same result as
// on its AsApiServerReads copy.
void CheckApiServerRules(const nlohmann::json& object, std::vector<ManifestViolation>* out);
void CheckApiServerRules(const nlohmann::ordered_json& object, std::vector<ManifestViolation>* out);

// The parts, for tests: metadata (manifest_rules.cc) and pod specs, rolling updates and
// Services (manifest_rules_pod.cc).
void CheckMetadataRules(const nlohmann::json& object, std::vector<ManifestViolation>* out);
void CheckMetadataRules(const nlohmann::ordered_json& object, std::vector<ManifestViolation>* out);
void CheckWorkloadRules(const nlohmann::json& object, std::vector<ManifestViolation>* out);
void CheckWorkloadRules(const nlohmann::ordered_json& object, std::vector<ManifestViolation>* out);

}  // namespace lr
