// Tests for helm's install order (render/order.h).
#include "render/order.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace lr {
namespace {

KubeObject Obj(const std::string& kind, const std::string& name) {
  return KubeObject{Json{{"kind", kind}, {"metadata", {{"name", name}}}}, "t.yaml"};
}

std::vector<std::string> Order(const Objects& objects) {
  std::vector<std::string> out;
  for (const KubeObject& o : objects) out.push_back(o.Kind() + "/" + o.Name());
  return out;
}

TEST(KindRank, HelmInstallOrder) {
  EXPECT_EQ(KindRank("PriorityClass"), 0);
  EXPECT_EQ(KindRank("Namespace"), 1);
  EXPECT_EQ(KindRank("PodDisruptionBudget"), 6);
  EXPECT_EQ(KindRank("ServiceAccount"), 7);
  EXPECT_EQ(KindRank("Secret"), 8);
  EXPECT_EQ(KindRank("ConfigMap"), 10);
  EXPECT_EQ(KindRank("ClusterRole"), 15);
  EXPECT_EQ(KindRank("ClusterRoleBinding"), 17);
  EXPECT_EQ(KindRank("Role"), 19);
  EXPECT_EQ(KindRank("RoleBinding"), 21);
  EXPECT_EQ(KindRank("Deployment"), 28);
  EXPECT_EQ(KindRank("APIService"), 35);
  EXPECT_EQ(KindRank("Widget"), 36);
  EXPECT_EQ(KindRank(""), 36);
  EXPECT_EQ(KindRank("secret"), 36);  // case-sensitive, as helm
}

TEST(KindRank, StrictlyIncreasingAlongInstallOrder) {
  const char* kinds[] = {"PriorityClass",
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
  for (int i = 0; i < static_cast<int>(std::size(kinds)); ++i) EXPECT_EQ(KindRank(kinds[i]), i);
}

TEST(SortForInstall, AgentBundle) {
  Objects objects = {Obj("ConfigMap", "cm"),
                     Obj("Deployment", "d"),
                     Obj("PodDisruptionBudget", "p"),
                     Obj("ServiceAccount", "sa"),
                     Obj("Role", "r"),
                     Obj("ClusterRole", "cr"),
                     Obj("RoleBinding", "rb"),
                     Obj("ClusterRoleBinding", "crb1"),
                     Obj("ClusterRoleBinding", "crb0"),
                     Obj("Secret", "s2"),
                     Obj("Secret", "s1")};
  SortForInstall(&objects);
  EXPECT_EQ(Order(objects),
            (std::vector<std::string>{"PodDisruptionBudget/p", "ServiceAccount/sa", "Secret/s2",
                                      "Secret/s1", "ConfigMap/cm", "ClusterRole/cr",
                                      "ClusterRoleBinding/crb1", "ClusterRoleBinding/crb0",
                                      "Role/r", "RoleBinding/rb", "Deployment/d"}));
}

TEST(SortForInstall, UnknownKindsLastAlphabeticallyStable) {
  Objects objects = {Obj("Zebra", "z1"),       Obj("Deployment", "d"), Obj("Alpha", "a1"),
                     Obj("Zebra", "z0"),       Obj("Namespace", "n"),  Obj("Alpha", "a0"),
                     Obj("APIService", "api"), Obj("", "nokind")};
  SortForInstall(&objects);
  EXPECT_EQ(Order(objects),
            (std::vector<std::string>{"Namespace/n", "Deployment/d", "APIService/api", "/nokind",
                                      "Alpha/a1", "Alpha/a0", "Zebra/z1", "Zebra/z0"}));
}

TEST(SortForInstall, EmptyAndAlreadySorted) {
  Objects none;
  SortForInstall(&none);
  EXPECT_TRUE(none.empty());
  Objects objects = {Obj("Secret", "b"), Obj("Secret", "a"), Obj("Secret", "c")};
  SortForInstall(&objects);
  EXPECT_EQ(Order(objects), (std::vector<std::string>{"Secret/b", "Secret/a", "Secret/c"}));
}

}  // namespace
}  // namespace lr
