// PythonJson: json.dumps(value) as the agent's Python writes it (separators ", " and ": ",
// ensure_ascii escapes, float repr, insertion order), for the env values WANDB_CONFIG,
// WANDB_LAUNCH_FILE_OVERRIDES and WANDB_ARTIFACTS.
#pragma once

#include <string>

#include "render/document.h"

namespace lr {

std::string PythonJsonDumps(const Json& value);
// repr(float): 0.1, 1e-05, 1e+16, 100.0, inf -> Infinity (json.dumps spelling).
std::string PythonFloatRepr(double d);

}  // namespace lr
