// Tests for MergeUserLayer / CoalesceDefaults / WasNulled (render/values.h).
#include "render/values.h"

#include <string>

#include <gtest/gtest.h>

#include "render/load.h"

namespace lr {
namespace {

Document Load(const std::string& file, const std::string& text, bool user = true) {
  Diagnostics diags;
  LoadOptions options;
  options.user = user;
  std::optional<Document> doc = LoadValuesFile(file, text, options, &diags);
  EXPECT_TRUE(doc.has_value()) << text;
  EXPECT_FALSE(diags.HasErrors()) << text;
  return doc ? *doc : Document{};
}

Json J(const char* json) { return Json::parse(json); }

TEST(MergeUserLayer, MapsMergeKeyByKey) {
  Document base = Load("a.yaml", "agent:\n  image: x\n  labels:\n    a: \"1\"\nnamespace: ns\n");
  Document over = Load("b.yaml", "agent:\n  labels:\n    b: \"2\"\n  apiKey: k\n");
  MergeUserLayer(over, &base);
  EXPECT_EQ(base.root, J(R"({"agent":{"image":"x","labels":{"a":"1","b":"2"},"apiKey":"k"},
                             "namespace":"ns"})"));
  // Positions point at the layer that set each node.
  ASSERT_NE(base.Find("/agent/image"), nullptr);
  EXPECT_EQ(base.Find("/agent/image")->key.file, "a.yaml");
  EXPECT_EQ(base.Find("/agent/image")->key.line, 2);
  ASSERT_NE(base.Find("/agent/labels/b"), nullptr);
  EXPECT_EQ(base.Find("/agent/labels/b")->key.file, "b.yaml");
  EXPECT_EQ(base.Find("/agent/labels/b")->key.line, 3);
  ASSERT_NE(base.Find("/agent/apiKey"), nullptr);
  EXPECT_EQ(base.Find("/agent/apiKey")->key.file, "b.yaml");
  EXPECT_EQ(base.Find("/agent/apiKey")->key.line, 4);
  EXPECT_EQ(base.Find("/namespace")->key.file, "a.yaml");
}

TEST(MergeUserLayer, ListsReplaceWhole) {
  Document base = Load("a.yaml", "additionalTargetNamespaces: [a, b, c]\n");
  Document over = Load("b.yaml", "additionalTargetNamespaces: [z]\n");
  MergeUserLayer(over, &base);
  EXPECT_EQ(base.root, J(R"({"additionalTargetNamespaces":["z"]})"));
  EXPECT_NE(base.Find("/additionalTargetNamespaces/0"), nullptr);
  EXPECT_EQ(base.Find("/additionalTargetNamespaces/0")->key.file, "b.yaml");
  // The replaced list's later items have no positions left.
  EXPECT_EQ(base.Find("/additionalTargetNamespaces/1"), nullptr);
  EXPECT_EQ(base.Find("/additionalTargetNamespaces/2"), nullptr);
}

TEST(MergeUserLayer, ScalarsReplaceMapsAndMapsReplaceScalars) {
  Document base = Load("a.yaml", "agent:\n  labels:\n    a: x\nbaseUrl: u\n");
  Document over = Load("b.yaml", "agent: flat\nbaseUrl:\n  nested: 1\n");
  MergeUserLayer(over, &base);
  EXPECT_EQ(base.root, J(R"({"agent":"flat","baseUrl":{"nested":1}})"));
  EXPECT_EQ(base.Find("/agent/labels"), nullptr);
  EXPECT_EQ(base.Find("/agent/labels/a"), nullptr);
  ASSERT_NE(base.Find("/baseUrl/nested"), nullptr);
  EXPECT_EQ(base.Find("/baseUrl/nested")->key.file, "b.yaml");
}

TEST(MergeUserLayer, NullReplacesAndIsKept) {
  Document base = Load("a.yaml", "agent:\n  apiKey: k\n  image: i\n");
  Document over = Load("b.yaml", "agent:\n  apiKey: null\n");
  MergeUserLayer(over, &base);
  EXPECT_EQ(base.root, J(R"({"agent":{"apiKey":null,"image":"i"}})"));
  ASSERT_NE(base.Find("/agent/apiKey"), nullptr);
  EXPECT_EQ(base.Find("/agent/apiKey")->key.file, "b.yaml");
}

TEST(MergeUserLayer, ScalarOverlayOnWholeMapIsNotCorruptedByLaterLayers) {
  Document base = Load("a.yaml", "a: 1\n");
  Document over = Load("b.yaml", "b: [1, 2]\n");
  Document over2 = Load("c.yaml", "b: {x: 1}\n");
  MergeUserLayer(over, &base);
  MergeUserLayer(over2, &base);
  EXPECT_EQ(base.root, J(R"({"a":1,"b":{"x":1}})"));
  EXPECT_EQ(base.Find("/b/0"), nullptr);
  EXPECT_EQ(base.Find("/b/1"), nullptr);
}

TEST(CoalesceDefaults, FillsMissingKeysAndMergesMaps) {
  Document defaults = Load("values.yaml",
                           "agent:\n  image: def\n  apiKey: \"\"\nnamespace: wandb\n"
                           "list: [1, 2]\n",
                           false);
  Document user = Load("u.yaml", "agent:\n  apiKey: k\nlist: [9]\n");
  CoalesceDefaults(defaults, &user);
  EXPECT_EQ(user.root, J(R"({"agent":{"apiKey":"k","image":"def"},"list":[9],
                             "namespace":"wandb"})"));
  ASSERT_NE(user.Find("/agent/image"), nullptr);
  EXPECT_FALSE(user.Find("/agent/image")->user);
  EXPECT_EQ(user.Find("/agent/image")->key.file, "values.yaml");
  ASSERT_NE(user.Find("/agent/apiKey"), nullptr);
  EXPECT_TRUE(user.Find("/agent/apiKey")->user);
  EXPECT_EQ(user.Find("/list/1"), nullptr);  // user's list replaced the default one
  EXPECT_FALSE(WasNulled(user, "/agent/image"));
  EXPECT_FALSE(WasNulled(user, "/agent/apiKey"));
  EXPECT_FALSE(WasNulled(user, "/missing"));
}

TEST(CoalesceDefaults, ScalarOverridesDefaultMap) {
  Document defaults = Load("values.yaml", "agent:\n  image: def\n", false);
  Document user = Load("u.yaml", "agent: 3\n");
  CoalesceDefaults(defaults, &user);
  EXPECT_EQ(user.root, J(R"({"agent":3})"));
}

TEST(CoalesceDefaults, UserNullDeletesDefaultKey) {
  Document defaults =
      Load("values.yaml", "agent:\n  image: def\n  minAvailable: 1\nlaunchConfig: cfg\n", false);
  Document user = Load("u.yaml", "agent:\n  minAvailable: null\nlaunchConfig: ~\n");
  CoalesceDefaults(defaults, &user);
  EXPECT_EQ(user.root, J(R"({"agent":{"image":"def"}})"));
  EXPECT_TRUE(WasNulled(user, "/launchConfig"));
  EXPECT_TRUE(WasNulled(user, "/agent/minAvailable"));
  EXPECT_FALSE(WasNulled(user, "/agent/image"));
  EXPECT_FALSE(WasNulled(user, "/agent"));
  // The null's position is kept, so checks can point at it.
  ASSERT_NE(user.Find("/launchConfig"), nullptr);
  EXPECT_EQ(user.Find("/launchConfig")->key.file, "u.yaml");
  EXPECT_EQ(user.Find("/launchConfig")->key.line, 3);
  EXPECT_EQ(user.Find("/agent/minAvailable")->key.line, 2);
}

TEST(CoalesceDefaults, UserNullWithoutDefaultIsKept) {
  Document defaults = Load("values.yaml", "a: 1\n", false);
  Document user = Load("u.yaml", "b: null\n");
  CoalesceDefaults(defaults, &user);
  EXPECT_EQ(user.root, J(R"({"b":null,"a":1})"));
  EXPECT_FALSE(WasNulled(user, "/b"));
}

TEST(CoalesceDefaults, DefaultNullIsNotUserNulled) {
  Document defaults = Load("values.yaml", "kanikoPvcName:\n", false);
  Document user = Load("u.yaml", "");
  CoalesceDefaults(defaults, &user);
  EXPECT_EQ(user.root, J(R"({"kanikoPvcName":null})"));
  EXPECT_FALSE(WasNulled(user, "/kanikoPvcName"));
}

TEST(CoalesceDefaults, MergedUserLayersThenDefaults) {
  Document defaults = Load("values.yaml", "agent:\n  apiKey: \"\"\n  image: def\n", false);
  Document first = Load("a.yaml", "agent:\n  apiKey: k\n");
  Document second = Load("b.yaml", "agent:\n  image: null\n");
  MergeUserLayer(second, &first);
  CoalesceDefaults(defaults, &first);
  EXPECT_EQ(first.root, J(R"({"agent":{"apiKey":"k"}})"));
  EXPECT_TRUE(WasNulled(first, "/agent/image"));
  EXPECT_EQ(first.Find("/agent/image")->key.file, "b.yaml");
}

// Sibling keys such as "a-b" and "a.b" sort between "/a" and "/a/x" in the position map; the
// positions of "/a"'s children must still be dropped or copied with it.
TEST(MergeUserLayer, ReplacedMapDropsChildPositionsDespiteSortingSiblings) {
  Document base = Load("a.yaml", "a:\n  x: 1\na-b: 2\na.c: 3\n");
  Document over = Load("b.yaml", "a: 5\n");
  MergeUserLayer(over, &base);
  EXPECT_EQ(base.root, J(R"({"a":5,"a-b":2,"a.c":3})"));
  EXPECT_EQ(base.Find("/a/x"), nullptr);
  EXPECT_FALSE(WasNulled(base, "/a/x"));
  ASSERT_NE(base.Find("/a-b"), nullptr);
  EXPECT_EQ(base.Find("/a-b")->key.file, "a.yaml");
  ASSERT_NE(base.Find("/a.c"), nullptr);
}

TEST(MergeUserLayer, CopiedMapKeepsChildPositionsDespiteSortingSiblings) {
  Document base = Load("a.yaml", "a: 3\n");
  Document over = Load("b.yaml", "a:\n  x: 1\na-b: 2\n");
  MergeUserLayer(over, &base);
  ASSERT_NE(base.Find("/a/x"), nullptr);
  EXPECT_EQ(base.Find("/a/x")->key.file, "b.yaml");
  EXPECT_EQ(base.Find("/a/x")->key.line, 2);
}

TEST(CoalesceDefaults, CopiedDefaultMapKeepsChildPositionsDespiteSortingSiblings) {
  Document defaults = Load("values.yaml", "a:\n  x: 1\na.b: 2\n", false);
  Document user = Load("u.yaml", "c: 1\n");
  CoalesceDefaults(defaults, &user);
  ASSERT_NE(user.Find("/a/x"), nullptr);
  EXPECT_FALSE(user.Find("/a/x")->user);
  EXPECT_EQ(user.Find("/a/x")->key.line, 2);
}

}  // namespace
}  // namespace lr
