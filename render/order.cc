#include "render/order.h"

#include <algorithm>
#include <array>

namespace lr {
namespace {

// helm v3 pkg/releaseutil InstallOrder (kind names are facts, not code).
constexpr std::array<std::string_view, 36> kInstallOrder = {"PriorityClass",
                                                            "Namespace",
                                                            "NetworkPolicy",
                                                            "ResourceQuota",
                                                            "LimitRange",
                                                            "PodSecurityPolicy",
                                                            "PodDisruptionBudget",
                                                            "ServiceAccount",
                                                            "Secret",
                                                            "SecretList",
                                                            "ConfigMap",
                                                            "StorageClass",
                                                            "PersistentVolume",
                                                            "PersistentVolumeClaim",
                                                            "CustomResourceDefinition",
                                                            "ClusterRole",
                                                            "ClusterRoleList",
                                                            "ClusterRoleBinding",
                                                            "ClusterRoleBindingList",
                                                            "Role",
                                                            "RoleList",
                                                            "RoleBinding",
                                                            "RoleBindingList",
                                                            "Service",
                                                            "DaemonSet",
                                                            "Pod",
                                                            "ReplicationController",
                                                            "ReplicaSet",
                                                            "Deployment",
                                                            "HorizontalPodAutoscaler",
                                                            "StatefulSet",
                                                            "Job",
                                                            "CronJob",
                                                            "IngressClass",
                                                            "Ingress",
                                                            "APIService"};

}  // namespace

int KindRank(std::string_view kind) {
  auto it = std::find(kInstallOrder.begin(), kInstallOrder.end(), kind);
  return static_cast<int>(it - kInstallOrder.begin());
}

void SortForInstall(Objects* objects) {
  std::stable_sort(objects->begin(), objects->end(), [](const KubeObject& a, const KubeObject& b) {
    int ra = KindRank(a.Kind()), rb = KindRank(b.Kind());
    if (ra != rb) return ra < rb;
    if (ra == static_cast<int>(kInstallOrder.size())) return a.Kind() < b.Kind();
    return false;
  });
}

}  // namespace lr
