// SchemaEval: a JSON instance decided against a draft-07 schema document as it stands, without
// compiling it. Compiling a schema for valijson costs more than a render's whole validation
// (a Deployment's pruned schema: ~2M instructions); walking the schema beside the instance
// costs what the instance reaches.
// In: a schema node in a frozen image (frozen_json.h: embedded, or frozen once from a tree),
// an instance, a way to resolve "$ref". Out: a verdict, never messages
// (callers that need them compile the schema: schema_check.h).
// Exact where it answers: kValid and kInvalid are valijson's own verdicts (draft-07, strong
// types, `pattern` and `patternProperties` searched with pattern.h). kUnsure where a keyword
// is not decided here: format, multipleOf, dependencies, uniqueItems, tuple `items`, string
// lengths of non-ASCII text, numbers beyond 2^53 compared for equality, unresolved or
// endlessly chained $refs. Callers ask valijson then.
#pragma once

#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "render/frozen_json.h"

namespace lr {

enum class Verdict { kValid, kInvalid, kUnsure };

// The target of a "$ref" value, or an absent view when it cannot be resolved.
using SchemaRefs = std::function<FrozenJson(std::string_view ref)>;

struct EvalOptions {
  // `additionalProperties: false` reads as absent (the loose Kubernetes variant, which the
  // bundle makes by dropping that marker: kube_schema_bundle.h StripClosed).
  bool open = false;
  // How the instance is read, so that a renderer's own tree is judged as it will be seen
  // without first being copied into that form (the verdict is the one on the copy):
  // a member whose value is null is absent (the API server drops it: AsApiServerReads) ...
  bool null_members_absent = false;
  // ... and an integral float within 2^53 (3.0) is that integer (helm and the API server).
  bool integral_floats_are_integers = false;
};

// The instance as a plain tree or as the renderer's ordered one (document.h Json).
Verdict EvaluateSchema(FrozenJson schema, const nlohmann::json& instance, const SchemaRefs& refs,
                       EvalOptions options = {});
Verdict EvaluateSchema(FrozenJson schema, const nlohmann::ordered_json& instance,
                       const SchemaRefs& refs, EvalOptions options = {});

// The refs of one standalone document: "#" and "#/json/pointer" into `doc`.
SchemaRefs DocumentRefs(FrozenJson doc);

}  // namespace lr
