#include "render/bundle_names.h"

namespace lr {

BundleNames::BundleNames(const std::string& release)
    : deployment("launch-agent-" + release),
      service_account("wandb-launch-serviceaccount-" + release),
      api_key_secret("wandb-api-key-" + release),
      config_map("wandb-launch-configmap-" + release),
      ssh_config_map("ssh-config-" + release),
      cluster_role("wandb-job-creator-" + release),
      role("wandb-launch-agent-" + release),
      role_binding("wandb-launch-role-binding-" + release),
      cluster_role_binding("wandb-launch-cluster-role-binding-" + release) {}

std::vector<const std::string*> BundleNames::ObjectNames() const {
  return {&service_account, &api_key_secret, &config_map,   &ssh_config_map,
          &cluster_role,    &role,           &role_binding, &cluster_role_binding};
}

}  // namespace lr
