// KubeSchema: the Kubernetes JSON Schemas compiled into the binary (schemas/kubernetes/: every
// kind of v1.28 ... v1.36, plus the PyTorchJob and Volcano Job CRDs), by version, apiVersion
// and kind. Lazy, cached for the life of the process and thread-safe:
//   - the store (definitions.json) and the tables (v1.NN.json, crds.json) are read in their
//     frozen images (frozen_json.h): nothing is parsed to look a kind or a definition up;
//   - EvaluateKubeSchema decides an object on the frozen bodies themselves (schema_eval.h);
//   - a kind's schema is assembled (bodies thawed into trees) and compiled (valijson,
//     draft-07) when first asked for, or (KubeSchemaForObject) cut down to one object and
//     compiled for it alone.
// Lookup order: the version's own table, then crds.json (the same CRDs for every version).
// Never reads the disk.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/schema_check.h"

namespace lr {

// strict: objects closed (additionalProperties: false), as generated; loose: open.
enum class SchemaVariant { kStrict, kLoose };

// The bundled versions, "v1.28" ... in version order; the last one is the newest.
const std::vector<std::string>& KubeVersions();
const std::string& NewestKubeVersion();

// "1.30", "v1.30", "1.30.2", "v1.30.2" -> "v1.30" when that version is bundled, else nullopt.
std::optional<std::string> ParseKubeVersion(std::string_view text);

// The compiled schema of a kind, or nullptr when neither the version nor the CRDs have it.
// Messages name the version: unknown fields are "not a known field in Kubernetes v1.30".
const CompiledSchema* FindKubeSchema(const std::string& version, const std::string& api_version,
                                     const std::string& kind, SchemaVariant variant);

// `object` decided against FindKubeSchema's schema without compiling it (schema_eval.h),
// walking the bundle's definitions as the object reaches them: what a render asks of each
// object it prints. nullopt when neither the version nor the CRDs have the kind.
std::optional<Verdict> EvaluateKubeSchema(const std::string& version,
                                          const std::string& api_version, const std::string& kind,
                                          SchemaVariant variant, const nlohmann::json& object);
// The same for an ordered tree read as `reading` says (schema_eval.h; `open` comes from
// `variant`): the verdict on its read copy, without the copy.
std::optional<Verdict> EvaluateKubeSchema(const std::string& version,
                                          const std::string& api_version, const std::string& kind,
                                          SchemaVariant variant,
                                          const nlohmann::ordered_json& object,
                                          EvalOptions reading);

// FindKubeSchema's schema cut down to what `object` reaches (AssembleForObject in
// kube_schema_bundle.h), compiled for that object alone and never cached: for a few objects
// per process (a render's output) several times cheaper than compiling whole kinds.
std::unique_ptr<CompiledSchema> KubeSchemaForObject(const std::string& version,
                                                    const std::string& api_version,
                                                    const std::string& kind, SchemaVariant variant,
                                                    const nlohmann::json& object);

// The apiVersions under which `version` or the CRDs have `kind`, sorted, without duplicates
// (for "did you mean" hints).
std::vector<std::string> ApiVersionsOfKind(const std::string& version, const std::string& kind);

// The standalone schema FindKubeSchema compiles (for tests and inspection), or nullopt.
std::optional<nlohmann::json> KubeSchemaDocument(const std::string& version,
                                                 const std::string& api_version,
                                                 const std::string& kind, SchemaVariant variant);

}  // namespace lr
