// TemplateVars: the queue's `{{variable}}` placeholders, filled as the W&B server fills them
// before the agent sees the config. In: the queue config (with its `template_variables`
// section: NAME: {type: string|integer|number, enum, minimum, maximum, default, description})
// and --set-var NAME=VALUE flags. Out: the config with every placeholder replaced, or located
// errors [template-variables]: unknown or missing variables, values of the wrong type, out of
// range or not in the enum. A value that is exactly "{{name}}" takes the variable's type
// (`cpu: "{{cpus}}"` becomes the integer); a placeholder inside a longer string is replaced
// by its text. --set-var follows the CLI: the flag is split on every '=' and must give exactly
// two parts; integers and numbers are read like Python's int() and float().
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/document.h"

namespace lr {

struct TemplateVariable {
  std::string type = "string";  // string | integer | number
  Json enum_values;             // null or a list of strings
  std::optional<double> minimum, maximum;
  Json default_value;  // null: none
  SourcePos where;
};

using TemplateVariables = std::map<std::string, TemplateVariable>;

// Takes `template_variables` out of `config` (it is not part of the manifest).
bool TakeTemplateVariables(Document* config, TemplateVariables* out, Diagnostics* diags);

// The values of --set-var flags, typed and checked; defaults for the rest.
bool ResolveTemplateValues(const std::vector<std::string>& set_vars, const TemplateVariables& vars,
                           std::map<std::string, Json>* values, Diagnostics* diags);

// Replaces every placeholder in string values of `config`.
bool FillTemplates(Document* config, const TemplateVariables& vars,
                   const std::map<std::string, Json>& values, Diagnostics* diags);

// Python int() / float() of a --set-var text; nullopt when Python would raise.
std::optional<int64_t> PythonInt(std::string_view text);
std::optional<double> PythonFloat(std::string_view text);

}  // namespace lr
