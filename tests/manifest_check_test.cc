// Tests for checking one object (render/manifest_check.h): nulls read as unset, integral floats
// as integers, schema violations first and rules after, at most one per node, both scopes.
#include "render/manifest_check.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

std::string Lines(const ManifestCheck& c) {
  std::string out = c.has_schema ? "" : "no schema\n";
  for (const ManifestViolation& v : c.violations) {
    out += v.pointer + ": " + v.message + " [" + v.rule + "]\n";
  }
  return out;
}

std::string Check(const char* object, SchemaVariant variant = SchemaVariant::kStrict) {
  std::string kind = Lines(CheckManifest(Json::parse(object), "v1.36", variant));
  std::string own =
      Lines(CheckManifest(Json::parse(object), "v1.36", variant, SchemaScope::kThisObject));
  EXPECT_EQ(kind, own) << "the per-object schema must judge alike: " << object;
  return kind;
}

TEST(ManifestCheckTest, NullMembersAreUnsetFloatsIntegers) {
  EXPECT_EQ(AsApiServerReads(Json::parse(R"({"a": null, "b": [null, {"c": null}], "d": 3.0,
                                             "e": 2.5})")),
            nlohmann::json::parse(R"({"b": [null, {}], "d": 3, "e": 2.5})"));
  EXPECT_EQ(Check(R"({"apiVersion": "v1", "kind": "ConfigMap",
                      "metadata": {"name": "a", "creationTimestamp": null}, "data": null})"),
            "");
  EXPECT_EQ(Check(R"({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a"},
                      "spec": {"replicas": 2.0, "selector": {}, "template": {}}})"),
            "");
}

TEST(ManifestCheckTest, SchemaThenRulesOnePerNode) {
  EXPECT_EQ(Check(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "A"},
                      "spec": {"containers": [{"name": "c", "ports": [{"containerPort": 0},
                      {"containerPort": "x"}]}]}})"),
            "/spec/containers/0/ports/1/containerPort: must be an integer, got string \"x\" "
            "[kube-schema]\n"
            "/metadata/name: name \"A\" must be lower-case letters, digits, '-' and '.', "
            "starting and ending with a letter or digit (RFC 1123 subdomain) [kube-name]\n"
            "/spec/containers/0/ports/0/containerPort: must be between 1 and 65535, got integer "
            "0 [kube-ports]\n");
}

TEST(ManifestCheckTest, StrictAndLoose) {
  const char* extra = R"({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "a"},
                          "strinData": {"k": "v"}})";
  EXPECT_EQ(Check(extra), "/strinData: is not a known field in Kubernetes v1.36 [kube-schema]\n");
  EXPECT_EQ(Check(extra, SchemaVariant::kLoose), "");
}

TEST(ManifestCheckTest, NoSchema) {
  EXPECT_EQ(Check(R"({"apiVersion": "example.com/v1", "kind": "Widget"})"), "no schema\n");
  EXPECT_EQ(Check(R"({"apiVersion": 1, "kind": "Widget"})"), "no schema\n");
}

TEST(ManifestCheckTest, ObjectLabels) {
  EXPECT_EQ(ObjectLabel(Json::parse(R"({"kind": "Job", "metadata": {"name": "a"}})")), "Job a");
  EXPECT_EQ(ObjectLabel(Json::parse(R"({"kind": "Job", "metadata": {"generateName": "t-"}})")),
            "Job t-*");
  EXPECT_EQ(ObjectLabel(Json::parse(R"({"kind": "Job"})")), "Job");
  EXPECT_EQ(ObjectLabel(Json::parse(R"({"metadata": {"name": "a"}})")), "a");
  EXPECT_EQ(ObjectLabel(Json::parse(R"([1])")), "");
}

}  // namespace
}  // namespace lr
