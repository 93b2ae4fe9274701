#include "render/launch_config_check.h"

#include "render/launch_config_checker.h"

namespace lr {

const Json* LaunchConfigChecker::Get(std::string_view pointer) const {
  return JsonAt(config_.doc.root, pointer);
}

std::string LaunchConfigChecker::Text(std::string_view pointer) const {
  const Json* v = Get(pointer);
  return v && v->is_string() ? v->get<std::string>() : "";
}

bool LaunchConfigChecker::IsMap(std::string_view pointer) const {
  const Json* v = Get(pointer);
  return v && v->is_object();
}

SourcePos LaunchConfigChecker::Where(std::string_view pointer) const {
  return config_.doc.Locate(pointer, true);
}

std::string LaunchConfigChecker::Path(std::string_view pointer) const {
  return PrefixPath(context_.path_prefix, PointerToPath(pointer, config_.doc.root));
}

namespace {

// The note of the node or of its closest ancestor ("" when positions map exactly).
std::string UnmappedNote(const LaunchConfig& config, std::string pointer) {
  while (!config.unmapped.empty()) {
    auto it = config.unmapped.find(pointer);
    if (it != config.unmapped.end()) return it->second;
    if (pointer.empty()) break;
    pointer = PointerParent(pointer);
  }
  return "";
}

}  // namespace

void LaunchConfigChecker::Error(std::string_view pointer, std::string message, std::string rule) {
  diags_->Error(Where(pointer), Path(pointer),
                std::move(message) + UnmappedNote(config_, std::string(pointer)), std::move(rule));
}

void LaunchConfigChecker::Warn(std::string_view pointer, std::string message, std::string rule) {
  diags_->Warning(Where(pointer), Path(pointer),
                  std::move(message) + UnmappedNote(config_, std::string(pointer)),
                  std::move(rule));
}

std::string LaunchConfigChecker::Written(std::string_view pointer) const {
  auto it = config_.written.find(std::string(pointer));
  return it == config_.written.end() ? "" : it->second;
}

void CheckLaunchConfig(const LaunchConfig& config, const LaunchConfigContext& context,
                       Diagnostics* diags) {
  LaunchConfigChecker c(config, context, diags);
  CheckLaunchConfigSchema(c);
  CheckAgentLimits(c);
  CheckEnvironmentBlock(c);
  CheckRegistryBlock(c);
  CheckBuilderBlock(c);
  CheckKaniko(c);
}

}  // namespace lr
