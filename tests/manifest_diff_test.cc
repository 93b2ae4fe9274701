// Tests for the structural manifest comparison behind the parity test (render/manifest_diff.h).
// The parity test is only as strong as this comparator: each case here is a way a broken
// template or binary change would show up.
#include "render/manifest_diff.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "render/load.h"

namespace lr {
namespace {

std::vector<Json> Stream(const std::string& yaml) {
  Diagnostics diags;
  auto docs = LoadStream("s.yaml", yaml, {}, &diags);
  EXPECT_TRUE(docs.has_value()) << yaml;
  std::vector<Json> out;
  if (docs) {
    for (Document& d : *docs) out.push_back(d.root);
  }
  return out;
}

std::string Diff(const std::string& left, const std::string& right) {
  auto d = DiffManifests(Stream(left), Stream(right));
  return d ? FormatDifference(*d, "helm", "ours") : "";
}

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: a, namespace: ns}
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: c
        env:
        - {name: X, value: "1"}
        - {name: Z, value: "2"}
)";

const char* kConfigMap = R"(apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: ns}
data: {k: v}
)";

std::string Both() { return std::string(kDeployment) + "---\n" + kConfigMap; }

TEST(ManifestDiffTest, SameStreamsAreEqual) { EXPECT_EQ(Diff(Both(), Both()), ""); }

TEST(ManifestDiffTest, DocumentOrderKeyOrderAndQuotingDoNotMatter) {
  std::string reordered = std::string(kConfigMap) + "---\n" + R"(kind: Deployment
apiVersion: "apps/v1"
spec:
  template:
    spec:
      containers:
      - env:
        - value: '1'
          name: X
        - {value: "2", name: 'Z'}
        name: c
  replicas: 1.0
metadata: {namespace: ns, name: a}
)";
  EXPECT_EQ(Diff(Both(), reordered), "");
}

TEST(ManifestDiffTest, EmptyDocumentsAreIgnored) {
  EXPECT_EQ(Diff("---\n" + Both() + "---\n", Both()), "");
}

TEST(ManifestDiffTest, AListStandsForItsItems) {
  std::string list = R"({"apiVersion": "v1", "kind": "List", "items": [)" +
                     std::string(R"({"apiVersion": "v1", "kind": "ConfigMap", )") +
                     R"("metadata": {"name": "cm", "namespace": "ns"}, "data": {"k": "v"}}]})";
  EXPECT_EQ(Diff(kConfigMap, list), "");
  EXPECT_NE(Diff(Both(), list), "");
}

TEST(ManifestDiffTest, DetectsAChangedValue) {
  std::string changed = Both();
  changed.replace(changed.find("value: \"2\""), 10, "value: \"3\"");
  EXPECT_EQ(Diff(Both(), changed),
            "Deployment ns/a (apps/v1): /spec/template/spec/containers/0/env/1/value: \"2\" "
            "(helm) != \"3\" (ours)");
}

TEST(ManifestDiffTest, DetectsAMissingObject) {
  EXPECT_EQ(Diff(Both(), kDeployment),
            "ConfigMap ns/cm (v1): (whole object): present (helm) != "
            "(missing) (ours)");
  EXPECT_EQ(Diff(kDeployment, Both()),
            "ConfigMap ns/cm (v1): (whole object): (missing) (helm) "
            "!= present (ours)");
}

TEST(ManifestDiffTest, DetectsAStringThatBecameANumber) {
  std::string retyped = Both();
  retyped.replace(retyped.find("value: \"1\""), 10, "value: 1");
  EXPECT_EQ(Diff(Both(), retyped),
            "Deployment ns/a (apps/v1): "
            "/spec/template/spec/containers/0/env/0/value: \"1\" (helm) != "
            "1 (ours)");
}

TEST(ManifestDiffTest, DetectsReorderedEnvEntries) {
  std::string swapped = Both();
  const std::string x = "- {name: X, value: \"1\"}", z = "- {name: Z, value: \"2\"}";
  swapped.replace(swapped.find(x), x.size(), z);
  swapped.replace(swapped.rfind(z), z.size(), x);
  EXPECT_EQ(Diff(Both(), swapped),
            "Deployment ns/a (apps/v1): "
            "/spec/template/spec/containers/0/env/0/name: \"X\" (helm) != "
            "\"Z\" (ours)");
}

TEST(ManifestDiffTest, DetectsAMissingKeyAndAnExtraListEntry) {
  std::string no_replicas = Both();
  no_replicas.erase(no_replicas.find("  replicas: 1\n"), 14);
  EXPECT_EQ(Diff(Both(), no_replicas),
            "Deployment ns/a (apps/v1): /spec/replicas: 1 (helm) != (missing) (ours)");
  std::string extra = Both();
  extra.replace(extra.find("data: {k: v}"), 12, "data: {k: v, l: w}");
  EXPECT_EQ(Diff(Both(), extra), "ConfigMap ns/cm (v1): /data/l: (missing) (helm) != \"w\" (ours)");
}

TEST(ManifestDiffTest, NullIsNotAnEmptyMappingOrString) {
  EXPECT_NE(
      Diff("kind: A\nmetadata: {name: a}\nx: null\n", "kind: A\nmetadata: {name: a}\nx: {}\n"), "");
  EXPECT_NE(
      Diff("kind: A\nmetadata: {name: a}\nx: null\n", "kind: A\nmetadata: {name: a}\nx: ''\n"), "");
  EXPECT_NE(
      Diff("kind: A\nmetadata: {name: a}\nx: true\n", "kind: A\nmetadata: {name: a}\nx: 'true'\n"),
      "");
}

TEST(ManifestDiffTest, SameNameInTwoNamespacesAreTwoObjects) {
  std::string two =
      "kind: S\nmetadata: {name: k, namespace: a}\n---\nkind: S\nmetadata: {name: "
      "k, namespace: b}\n";
  std::string one = "kind: S\nmetadata: {name: k, namespace: a}\n";
  EXPECT_EQ(Diff(two, one), "S b/k (): (whole object): present (helm) != (missing) (ours)");
}

TEST(ManifestDiffTest, AnObjectTwiceOnOneSideIsADifference) {
  std::string once = "kind: S\nmetadata: {name: k}\n";
  EXPECT_EQ(Diff(once + "---\n" + once, once),
            "S k (): (whole object): 2 copies (helm) != 1 "
            "copies (ours)");
}

}  // namespace
}  // namespace lr
