// Internal to launch_config_*.cc: what every launch-config rule uses.
#pragma once

#include <string>
#include <string_view>

#include "render/launch_config_check.h"
#include "render/scalar_text.h"

namespace lr {

class LaunchConfigChecker {
 public:
  LaunchConfigChecker(const LaunchConfig& config, const LaunchConfigContext& context,
                      Diagnostics* diags)
      : config_(config), context_(context), diags_(diags) {}

  const Json* Get(std::string_view pointer) const;
  // The text of a string node, "" otherwise.
  std::string Text(std::string_view pointer) const;
  bool IsMap(std::string_view pointer) const;
  // The node's key line, else its closest ancestor's (a missing key: its mapping).
  SourcePos Where(std::string_view pointer) const;
  // "launchConfig.builder.type".
  std::string Path(std::string_view pointer) const;
  void Error(std::string_view pointer, std::string message, std::string rule);
  void Warn(std::string_view pointer, std::string message, std::string rule);
  // What the user wrote for a plain non-string scalar, or "".
  std::string Written(std::string_view pointer) const;

  const LaunchConfigContext& context() const { return context_; }
  const Json& root() const { return config_.doc.root; }

 private:
  const LaunchConfig& config_;
  const LaunchConfigContext& context_;
  Diagnostics* diags_;
};

// The rules, each in launch_config_rules.cc.
void CheckLaunchConfigSchema(LaunchConfigChecker& c);
void CheckAgentLimits(LaunchConfigChecker& c);
void CheckEnvironmentBlock(LaunchConfigChecker& c);
void CheckRegistryBlock(LaunchConfigChecker& c);
void CheckBuilderBlock(LaunchConfigChecker& c);
void CheckKaniko(LaunchConfigChecker& c);

}  // namespace lr
