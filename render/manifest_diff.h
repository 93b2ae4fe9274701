// ManifestDiff: do two manifest streams hold the same set of objects?
// In: the parsed documents of two streams (helm's and ours). Out: the first difference, or none.
// Objects are matched by apiVersion, kind, namespace and name, so document order, key order
// and quoting style never matter; value types (string vs number vs boolean vs null), values and
// list order always do. Numbers compare by value (1 and 1.0 are the same number). Null
// documents (empty YAML documents) are ignored; a `kind: List` counts as its items. Never parses
// text itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/document.h"

namespace lr {

struct ManifestDifference {
  std::string object;   // "Deployment wandb/launch-agent-r", or "" for stream-level problems
  std::string pointer;  // JSON pointer inside the object ("" = the whole object)
  std::string left;     // what the left stream has there ("(missing)" when absent)
  std::string right;
};

// Identity of an object: "KIND NAMESPACE/NAME (APIVERSION)"; namespace left out when unset.
std::string ObjectIdentity(const Json& object);

// First difference of two values at `pointer`, depth first, in the left value's key order.
std::optional<ManifestDifference> DiffValues(const Json& left, const Json& right,
                                             const std::string& pointer);

// First difference of two streams, in the left stream's document order; objects only on the
// right come last. An object that appears twice in one stream is a difference too.
std::optional<ManifestDifference> DiffManifests(const std::vector<Json>& left,
                                                const std::vector<Json>& right);

// "Deployment wandb/x: /spec/replicas: 1 (left) != 2 (right)" with the given side names.
std::string FormatDifference(const ManifestDifference& d, const std::string& left_name,
                             const std::string& right_name);

}  // namespace lr
