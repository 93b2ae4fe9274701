// Internal to values_check*.cc: the helpers every values rule uses.
#pragma once

#include <string>
#include <string_view>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/values_check.h"

namespace lr {

class ValuesChecker {
 public:
  ValuesChecker(const Document& values, const CheckSettings& settings, Diagnostics* diags)
      : values_(values), settings_(settings), diags_(diags) {}

  // The node at `pointer`, or nullptr when absent.
  const Json* Get(std::string_view pointer) const;
  // Position in a user file: the node, else its closest user-written ancestor, else fallback.
  SourcePos Where(std::string_view pointer) const;
  void Error(std::string_view pointer, std::string message, std::string rule);
  void Warn(std::string_view pointer, std::string message, std::string rule);
  void ErrorAt(SourcePos pos, std::string path, std::string message, std::string rule);
  // Dotted path for messages ("agent.labels.app").
  std::string Path(std::string_view pointer) const;
  bool WasNulled(std::string_view pointer) const;
  // True when a user file or flag wrote the node (not a chart default).
  bool UserSet(std::string_view pointer) const;
  // What the user typed for a plain number, boolean or null (0123 for 83), or "".
  std::string Written(std::string_view pointer) const;
  const Json& root() const { return values_.root; }

  // Shape rules; each reports and returns false when the node has the wrong shape.
  // A null or absent node passes when `nullable`.
  bool Map(std::string_view pointer, bool nullable);
  bool List(std::string_view pointer, bool nullable);
  bool Scalar(std::string_view pointer, bool nullable);  // string, number or boolean
  bool NonEmptyString(std::string_view pointer);         // scalar with non-empty text
  bool Bool(std::string_view pointer);
  // Map of string values with valid keys: labels and annotations. `labels` adds the label
  // value rules; null values are errors unless `null_warns`.
  void StringMap(std::string_view pointer, bool labels, bool null_warns);
  // `check` returns "" or why `text` is not valid; reported with the quoted value.
  void Syntax(std::string_view pointer, const std::string& text,
              std::string (*check)(std::string_view), std::string_view what);

  const CheckSettings& settings() const { return settings_; }

 private:
  const Document& values_;
  const CheckSettings& settings_;
  Diagnostics* diags_;
};

// The rules, in values_rules.cc.
void CheckRequired(ValuesChecker& c);
void CheckLabelsAndAnnotations(ValuesChecker& c);
void CheckNames(ValuesChecker& c);
void CheckEnvVars(ValuesChecker& c);
void CheckSshAuthSecrets(ValuesChecker& c);
void CheckCaBundle(ValuesChecker& c);
// Integers beyond 2^53, which helm (numbers are float64) would silently round.
void CheckPrecision(ValuesChecker& c);
// agent.imagePullPolicy one of Kubernetes' three; baseUrl an http(s) API URL.
void CheckSettingSyntax(ValuesChecker& c);
// Keys the chart does not know (values_keys.cc): warnings.
void CheckUnknownKeys(ValuesChecker& c);
// Risky but renderable choices (values_warnings.cc): warnings only.
void CheckRisks(ValuesChecker& c);

}  // namespace lr
