// Macros: `${NAME}` in string values, expanded as the agent's fill_macros does. In: the queue
// config after templates and overrides, and the run context. Out: the config with macros
// replaced, plus located warnings and errors [macros].
// Built-ins: project_name (lowercased), entity_name, run_id, run_name, image_uri, author; then
// every variable of the agent's environment (run context `env`), which wins over a built-in of
// the same name (warned). One pass; dict keys and non-strings untouched; unknown macros stay
// as written. An unset run_name or author becomes the literal "None" (warned). Expanding an
// environment variable whose name says it is a secret (API_KEY, SECRET, TOKEN, PASSWORD) is an
// error: the agent would write its value into the manifest in plain text.
#pragma once

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/run_context.h"

namespace lr {

void ExpandMacros(Document* config, const RunContext& context, Diagnostics* diags);

}  // namespace lr
