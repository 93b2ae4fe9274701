// ManifestCheck: one Kubernetes object against the bundled schema of its kind
// (kube_schema.h), then the rules the API server adds to it (manifest_rules.h).
// In: the object as loaded, with string apiVersion and kind; a version; a variant. Out: the
// violations, pointers inside the object, at most one per node (the schema's first).
// The object is judged as the API server reads it (schemas/README.md): members whose value is
// null are absent, integral floats (3.0) are integers; read so in place (manifest_reads.h),
// copied into that form only when the schema may refuse it. Never locates or reports: callers
// map the pointers to positions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/document.h"
#include "render/kube_schema.h"
#include "render/manifest_rules.h"

namespace lr {

struct ManifestCheck {
  bool has_schema = false;  // false: neither the version nor the bundled CRDs have the kind
  std::vector<ManifestViolation> violations;
};

// Which schema to check against: the kind's, compiled once and shared (many objects; decided
// by schema_eval.h first all the same), or, for a few objects, the frozen schema walked with
// the object (EvaluateKubeSchema), compiled cut down to the object only when it may fail:
// the same verdict and messages.
enum class SchemaScope { kKind, kThisObject };

ManifestCheck CheckManifest(const Json& object, const std::string& version, SchemaVariant variant,
                            SchemaScope scope = SchemaScope::kKind);

// How messages name an object: "Deployment web", "Job train-*" (generateName), "Deployment".
std::string ObjectLabel(const Json& object);

// `v` as the API server decodes it: object members whose value is null dropped (recursively),
// integral floats within 2^53 as integers.
nlohmann::json AsApiServerReads(const Json& v);

}  // namespace lr
