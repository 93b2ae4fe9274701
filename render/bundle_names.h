// BundleNames: every object name the agent bundle derives from the release name, in one place
// (the builder, the checks and the docs agree because they all read this).
#pragma once

#include <string>
#include <vector>

namespace lr {

struct BundleNames {
  explicit BundleNames(const std::string& release);

  std::string deployment;            // launch-agent-R, also the pod label app=
  std::string service_account;       // wandb-launch-serviceaccount-R
  std::string api_key_secret;        // wandb-api-key-R
  std::string config_map;            // wandb-launch-configmap-R
  std::string ssh_config_map;        // ssh-config-R
  std::string cluster_role;          // wandb-job-creator-R
  std::string role;                  // wandb-launch-agent-R
  std::string role_binding;          // wandb-launch-role-binding-R
  std::string cluster_role_binding;  // wandb-launch-cluster-role-binding-R

  // All of the above except `deployment`, for length checks.
  std::vector<const std::string*> ObjectNames() const;
};

// Fixed names that upstream does not scope to the release (kept, see chart-defects #17).
inline constexpr const char* kGitCredsSecret = "git-creds";
inline constexpr const char* kSecretEnvVarsSecret = "launch-agent-secret-env-vars";
inline constexpr const char* kAzureStorageSecret = "azure-storage-access-key";
inline constexpr const char* kAzureStorageNamespace = "wandb";

}  // namespace lr
