// ValuesSchema: the coalesced values against schemas/values.schema.json (embedded), the
// schema that charts/launch-agent/values.schema.json is generated from. Runs after the
// hand-written rules (values_check.h), which report the same problems with better messages;
// this stage guarantees that launch-render refuses everything helm's schema check refuses.
// Numbers are compared as helm sees them (every number a float64: 1.0 is an integer).
#pragma once

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/values_check.h"

namespace lr {

inline constexpr std::string_view kValuesSchema = "schemas/values.schema.json";

// Reports each violation at the deepest failing node [values-schema].
void CheckValuesSchema(const Document& values, const CheckSettings& settings, Diagnostics* diags);

// helm's view of the values as a plain tree: integral numbers (within 2^53) are integers.
// The stage reads the values so in place (EvalOptions) and copies them only when they may fail.
nlohmann::json AsHelmSees(const Json& v);

// "<root>" "[agent]" "[labels]" "[0]" (valijson's context) -> "/agent/labels/0".
std::string ContextToPointer(const std::vector<std::string>& context);

}  // namespace lr
