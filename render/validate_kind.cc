#include "render/validate_kind.h"

#include <filesystem>
#include <set>

namespace lr {
namespace {

bool AnyKey(const Json& root, const std::set<std::string>& keys) {
  for (const auto& [k, v] : root.items()) {
    if (keys.count(k)) return true;
  }
  return false;
}

bool OnlyKeys(const Json& root, const std::set<std::string>& keys) {
  for (const auto& [k, v] : root.items()) {
    if (!keys.count(k)) return false;
  }
  return !root.empty();
}

const std::set<std::string>& ChartKeys() {
  static const std::set<std::string> keys = {"agent",
                                             "namespace",
                                             "baseUrl",
                                             "additionalTargetNamespaces",
                                             "launchConfig",
                                             "additionalEnvVars",
                                             "additionalSecretEnvVars",
                                             "gitCreds",
                                             "sshAuthSecrets",
                                             "serviceAccount",
                                             "azureStorageAccessKey",
                                             "customCABundle",
                                             "kanikoPvcName",
                                             "kanikoDockerConfigSecret"};
  return keys;
}

const std::set<std::string>& AgentConfigKeys() {
  static const std::set<std::string> keys = {
      "queues",   "queue",       "entity",  "max_jobs",  "max_schedulers",     "secure_mode",
      "registry", "environment", "builder", "verbosity", "stopped_run_timeout"};
  return keys;
}

// A built-in macro of the agent (${run_id}, ${image_uri}, ...) in any string: only queue configs
// have them (a manifest's "${HOME}" in a shell command is not one of these).
bool HasAgentMacro(const Json& node) {
  if (node.is_string()) {
    const std::string& s = node.get_ref<const std::string&>();
    for (const char* m : {"${run_id}", "${image_uri}", "${project_name}", "${entity_name}",
                          "${run_name}", "${author}"}) {
      if (s.find(m) != std::string::npos) return true;
    }
    return false;
  }
  if (node.is_structured()) {
    for (const Json& child : node) {
      if (HasAgentMacro(child)) return true;
    }
  }
  return false;
}

}  // namespace

FileKind DetectKind(const std::string& name, const Json& root, size_t documents) {
  std::string base = std::filesystem::path(name).filename().string();
  if (base.find("launch-config") != std::string::npos) return FileKind::kLaunchConfig;
  if (documents > 1) return FileKind::kManifest;
  if (!root.is_object()) return FileKind::kAuto;
  if (root.contains("apiVersion") && root.contains("kind")) {
    // A custom-resource queue config has a manifest's shape; its template variables or the
    // agent's macros tell it apart.
    if (root.contains("template_variables") || HasAgentMacro(root)) return FileKind::kQueueConfig;
    return FileKind::kManifest;
  }
  if (AnyKey(root, ChartKeys())) return FileKind::kValues;
  if (OnlyKeys(root, AgentConfigKeys())) return FileKind::kLaunchConfig;
  if (AnyKey(root, {"spec", "metadata", "template_variables", "kind", "apiVersion"})) {
    return FileKind::kQueueConfig;
  }
  if (base.find("values") != std::string::npos) return FileKind::kValues;
  return FileKind::kAuto;
}

}  // namespace lr
