// Tests for the embedded Kubernetes schema catalog (render/kube_schema.h): versions, lookups,
// CRDs, strict and loose, the messages the catalog adds, and thread safety of first use.
#include "render/kube_schema.h"

#include <thread>

#include <gtest/gtest.h>

namespace lr {
namespace {

using nlohmann::json;

TEST(KubeSchemaTest, VersionsInOrderNewestLast) {
  const std::vector<std::string>& v = KubeVersions();
  ASSERT_EQ(v.size(), 9u);
  EXPECT_EQ(v.front(), "v1.28");
  EXPECT_EQ(NewestKubeVersion(), "v1.36");
}

TEST(KubeSchemaTest, ParsesBundledVersionsOnly) {
  EXPECT_EQ(ParseKubeVersion("1.30"), "v1.30");
  EXPECT_EQ(ParseKubeVersion("v1.30"), "v1.30");
  EXPECT_EQ(ParseKubeVersion("1.30.2"), "v1.30");
  EXPECT_EQ(ParseKubeVersion("v1.36.0"), "v1.36");
  for (const char* bad : {"1.27", "1.37", "master", "", "1", "1.30.", "v1.30.x", " 1.30"}) {
    EXPECT_EQ(ParseKubeVersion(bad), std::nullopt) << bad;
  }
}

TEST(KubeSchemaTest, FindsKindsOfEachVersionAndTheCrdsEverywhere) {
  for (const std::string& v : KubeVersions()) {
    EXPECT_NE(FindKubeSchema(v, "apps/v1", "Deployment", SchemaVariant::kStrict), nullptr) << v;
    EXPECT_NE(FindKubeSchema(v, "kubeflow.org/v1", "PyTorchJob", SchemaVariant::kLoose), nullptr)
        << v;
    EXPECT_NE(FindKubeSchema(v, "batch.volcano.sh/v1alpha1", "Job", SchemaVariant::kStrict),
              nullptr)
        << v;
  }
  EXPECT_EQ(FindKubeSchema("v1.36", "apps/v1", "DeploymentList", SchemaVariant::kStrict), nullptr);
  EXPECT_EQ(FindKubeSchema("v1.36", "v1", "Status", SchemaVariant::kStrict), nullptr);
  EXPECT_EQ(FindKubeSchema("v1.36", "apps/v2", "Deployment", SchemaVariant::kStrict), nullptr);
  EXPECT_EQ(FindKubeSchema("v1.27", "apps/v1", "Deployment", SchemaVariant::kStrict), nullptr);
}

TEST(KubeSchemaTest, CompiledOnceAndShared) {
  const CompiledSchema* a = FindKubeSchema("v1.30", "v1", "ConfigMap", SchemaVariant::kStrict);
  EXPECT_EQ(a, FindKubeSchema("v1.30", "v1", "ConfigMap", SchemaVariant::kStrict));
  EXPECT_NE(a, FindKubeSchema("v1.30", "v1", "ConfigMap", SchemaVariant::kLoose));
}

TEST(KubeSchemaTest, ApiVersionsOfAKindForHints) {
  EXPECT_EQ(ApiVersionsOfKind("v1.36", "Deployment"), std::vector<std::string>{"apps/v1"});
  EXPECT_EQ(ApiVersionsOfKind("v1.36", "Job"),
            (std::vector<std::string>{"batch.volcano.sh/v1alpha1", "batch/v1"}));
  EXPECT_TRUE(ApiVersionsOfKind("v1.36", "Deploymnet").empty());
}

TEST(KubeSchemaTest, StrictClosesObjectsLooseOpensThem) {
  json cm = json::parse(R"({"apiVersion": "v1", "kind": "ConfigMap",
                            "metadata": {"name": "a", "lables": {}}, "data": {"k": "v"}})");
  const CompiledSchema* strict = FindKubeSchema("v1.36", "v1", "ConfigMap", SchemaVariant::kStrict);
  const CompiledSchema* loose = FindKubeSchema("v1.36", "v1", "ConfigMap", SchemaVariant::kLoose);
  ASSERT_TRUE(strict && loose);
  std::vector<SchemaViolation> v = strict->Check(cm);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].pointer, "/metadata/lables");
  EXPECT_EQ(v[0].message, "is not a known field in Kubernetes v1.36");
  EXPECT_TRUE(loose->Valid(cm));
  std::string loose_text =
      KubeSchemaDocument("v1.36", "v1", "ConfigMap", SchemaVariant::kLoose)->dump();
  EXPECT_EQ(loose_text.find("\"additionalProperties\":false"), std::string::npos);
}

TEST(KubeSchemaTest, CrdUnknownFieldsNameTheCrd) {
  json job = json::parse(R"({"apiVersion": "kubeflow.org/v1", "kind": "PyTorchJob",
                             "metadata": {"name": "a"}, "spec": {"pytorchReplicaSpecs": {},
                             "typo": 1}})");
  std::vector<SchemaViolation> v =
      FindKubeSchema("v1.28", "kubeflow.org/v1", "PyTorchJob", SchemaVariant::kStrict)->Check(job);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].message, "is not a known field in the kubeflow.org/v1 PyTorchJob CRD");
}

// The catalog recognizes the generator's Quantity by its pattern: every version must carry it.
TEST(KubeSchemaTest, EveryQuantityGetsTheQuantityMessage) {
  json pod = json::parse(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"},
      "spec": {"containers": [{"name": "c", "resources": {"limits": {"cpu": "2 cores"}}}]}})");
  for (const std::string& version : KubeVersions()) {
    std::vector<SchemaViolation> v =
        FindKubeSchema(version, "v1", "Pod", SchemaVariant::kLoose)->Check(pod);
    ASSERT_EQ(v.size(), 1u) << version;
    EXPECT_EQ(v[0].message,
              "must be a quantity: a number with an optional suffix (500m, 2, 1.5Gi, 1e3), got "
              "string \"2 cores\"")
        << version;
  }
}

TEST(KubeSchemaTest, PerObjectSchemaJudgesLikeTheKindSchema) {
  json bad = json::parse(R"({"apiVersion": "apps/v1", "kind": "Deployment",
      "metadata": {"name": "a", "creationTimestamp": "now"},
      "spec": {"replicas": "2", "selector": {}, "template": {"spec": {"containers": [
        {"name": "c", "ports": [{"containerPort": "80"}], "extra": 1}]}}}})");
  const CompiledSchema* kind =
      FindKubeSchema("v1.36", "apps/v1", "Deployment", SchemaVariant::kStrict);
  std::unique_ptr<CompiledSchema> own =
      KubeSchemaForObject("v1.36", "apps/v1", "Deployment", SchemaVariant::kStrict, bad);
  ASSERT_TRUE(kind && own);
  std::vector<SchemaViolation> a = kind->Check(bad), b = own->Check(bad);
  ASSERT_EQ(a.size(), 4u);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].pointer, b[i].pointer);
    EXPECT_EQ(a[i].message, b[i].message);
  }
  EXPECT_LT(own->doc()["definitions"].size(), kind->doc()["definitions"].size());
}

TEST(KubeSchemaTest, FirstUseFromManyThreads) {
  std::vector<const CompiledSchema*> found(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < found.size(); ++i) {
    threads.emplace_back([&found, i] {
      found[i] = FindKubeSchema("v1.29", "batch/v1", "CronJob", SchemaVariant::kStrict);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const CompiledSchema* s : found) EXPECT_EQ(s, found[0]);
  EXPECT_NE(found[0], nullptr);
}

}  // namespace
}  // namespace lr
