// EmbeddedConfig: the values' launchConfig string, read and checked as the agent reads it.
// In: merged values (positions in the user's files) and the text of each values file (to map
// block-scalar lines back). Out: diagnostics at values-file lines, paths "launchConfig.…".
// Nothing is checked when launchConfig is not a non-blank string (the values rules report it).
#pragma once

#include <map>
#include <string>

#include "render/diagnostics.h"
#include "render/document.h"

namespace lr {

void CheckEmbeddedLaunchConfig(const Document& values, const SourceTexts& texts,
                               Diagnostics* diags);

}  // namespace lr
