// Tests for validating a file of manifests (render/validate_manifest.h): counts per resource,
// positions of List items, --skip / --reject / --ignore-missing-schemas, structural errors.
#include "render/validate_manifest.h"

#include <gtest/gtest.h>

#include "render/load.h"

namespace lr {
namespace {

struct Result {
  ResourceCounts counts;
  std::string diags;
};

Result Validate(const std::string& yaml, ManifestSettings settings = {}) {
  Diagnostics load;
  std::optional<std::vector<Document>> docs = LoadStream("m.yaml", yaml, {}, &load);
  EXPECT_TRUE(docs.has_value()) << yaml;
  Result r;
  Diagnostics diags;
  if (docs) r.counts = ValidateManifests(*docs, settings, &diags);
  for (const Diagnostic& d : diags.Sorted()) r.diags += FormatText(d) + "\n";
  return r;
}

std::string Counts(const ResourceCounts& c) {
  return std::to_string(c.valid) + " valid, " + std::to_string(c.invalid) + " invalid, " +
         std::to_string(c.errors) + " errors, " + std::to_string(c.skipped) + " skipped";
}

const char* kThree = R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: a}
---
---
apiVersion: v1
kind: Secret
metadata: {name: b}
type: 5
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: c}
)";

TEST(ValidateManifestTest, CountsEachResourceAndIgnoresEmptyDocuments) {
  Result r = Validate(kThree);
  EXPECT_EQ(Counts(r.counts), "2 valid, 1 invalid, 0 errors, 0 skipped");
  EXPECT_EQ(r.diags,
            "m.yaml:9:1: error: Secret b: /type: must be a string, got integer 5 "
            "[kube-schema]\n");
}

TEST(ValidateManifestTest, ListItemsAreResourcesLocatedInTheFile) {
  Result r = Validate(R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: b}
  data: {k: 1}
- kind: ConfigMap
)");
  EXPECT_EQ(Counts(r.counts), "1 valid, 1 invalid, 1 errors, 0 skipped");
  EXPECT_EQ(r.diags,
            "m.yaml:10:10: error: ConfigMap b: /data/k: must be a string, got integer 1 "
            "[kube-schema]\n"
            "m.yaml:11:3: error: ConfigMap: /apiVersion: is required: every Kubernetes object has "
            "apiVersion and kind [kube-object]\n");
}

TEST(ValidateManifestTest, SkipRejectAndMissingSchemas) {
  ManifestSettings s;
  s.skip = {"ServiceAccount"};
  s.reject = {"rbac.authorization.k8s.io/v1/Role", "Secret"};
  Result r = Validate(kThree, s);
  EXPECT_EQ(Counts(r.counts), "0 valid, 0 invalid, 2 errors, 1 skipped");
  EXPECT_EQ(r.diags,
            "m.yaml:7:1: error: Secret b: prohibited resource kind Secret (--reject) "
            "[kube-rejected]\n"
            "m.yaml:12:1: error: Role c: prohibited resource kind Role (--reject) "
            "[kube-rejected]\n");
  const char* unknown = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n";
  EXPECT_EQ(Counts(Validate(unknown).counts), "0 valid, 0 invalid, 1 errors, 0 skipped");
  s = {};
  s.ignore_missing_schemas = true;
  Result ignored = Validate(unknown, s);
  EXPECT_EQ(Counts(ignored.counts), "0 valid, 0 invalid, 0 errors, 1 skipped");
  EXPECT_EQ(ignored.diags, "");
}

TEST(ValidateManifestTest, VersionAndVariant) {
  const char* job = R"(apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  managedBy: x.example.com/y
  template: {spec: {containers: [{name: c}]}}
)";
  ManifestSettings s;
  s.kube_version = "v1.29";
  EXPECT_EQ(Validate(job, s).diags, "");
  s.variant = SchemaVariant::kStrict;
  EXPECT_EQ(Validate(job, s).diags,
            "m.yaml:5:3: error: Job j: /spec/managedBy: is not a known field in Kubernetes v1.29 "
            "[kube-schema]\n");
  s.kube_version = "v1.30";
  EXPECT_EQ(Validate(job, s).diags, "");
}

TEST(ValidateManifestTest, StructuralErrors) {
  Result r = Validate("- 1\n---\nkind: \"\"\n---\napiVersion: v1\nkind: [x]\n");
  EXPECT_EQ(Counts(r.counts), "0 valid, 0 invalid, 3 errors, 0 skipped");
  EXPECT_EQ(r.diags,
            "m.yaml:1:1: error: a Kubernetes object must be a mapping, got a list [kube-object]\n"
            "m.yaml:3:1: error: /kind: must not be empty [kube-object]\n"
            "m.yaml:6:1: error: /kind: must be a string, got a list [kube-object]\n");
}

}  // namespace
}  // namespace lr
