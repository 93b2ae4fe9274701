// The document model: trees with positions, helm's YAML rules, refusals at their line.
#include "render/load.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

std::optional<Document> Load(const std::string& text, Diagnostics* diags) {
  return LoadValuesFile("values.yaml", text, LoadOptions{}, diags);
}

std::string FirstError(const std::string& text) {
  Diagnostics diags;
  EXPECT_FALSE(Load(text, &diags).has_value()) << text;
  return diags.all().empty() ? "" : FormatText(diags.Sorted()[0]);
}

TEST(LoadTest, PositionsOfKeysAndValues) {
  Diagnostics diags;
  auto doc = Load("agent:\n  labels:\n    team: ml\nlist:\n  - a\n  - b\n", &diags);
  ASSERT_TRUE(doc);
  const NodePos* team = doc->Find("/agent/labels/team");
  ASSERT_NE(team, nullptr);
  EXPECT_EQ(team->key.line, 3);
  EXPECT_EQ(team->key.col, 5);
  EXPECT_EQ(team->value.col, 11);
  const NodePos* b = doc->Find("/list/1");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->value.line, 6);
  EXPECT_EQ(b->value.col, 5);
  EXPECT_EQ(doc->Locate("/agent/labels/missing").line, 2);  // closest existing ancestor
}

TEST(LoadTest, DuplicateKeyIsAnErrorAtItsLine) {
  EXPECT_EQ(FirstError("a: 1\nb: 2\na: 3\n"),
            "values.yaml:3:1: error: a: duplicate key \"a\" (first defined at line 1) [yaml]");
}

TEST(LoadTest, AnchorsAliasesAndMergeKeys) {
  Diagnostics diags;
  auto doc = Load("base: &b {p: 1, q: 2}\nc:\n  <<: *b\n  q: 3\nd: *b\n", &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root["c"], (Json{{"p", 1}, {"q", 3}}));
  EXPECT_EQ(doc->root["d"], (Json{{"p", 1}, {"q", 2}}));
}

TEST(LoadTest, KeysFollowHelmScalarRulesToo) {
  Diagnostics diags;
  auto doc = Load("y: 1\n1: 2\n", &diags);  // go-yaml v2 reads y as true
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root, (Json{{"true", 1}, {"1", 2}}));
}

TEST(LoadTest, HelmScalarRules) {
  Diagnostics diags;
  auto doc = Load("a: y\nb: 0123\nc: 1e3\nd: \"0123\"\ne: !!str 12\n", &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root["a"], true);
  EXPECT_EQ(doc->root["b"], 83);
  EXPECT_EQ(doc->root["c"], 1000.0);
  EXPECT_EQ(doc->root["d"], "0123");
  EXPECT_EQ(doc->root["e"], "12");
}

TEST(LoadTest, MultipleDocumentsAreRefused) {
  EXPECT_EQ(FirstError("a: 1\n---\nb: 2\n"),
            "values.yaml:3:1: error: a values file must hold one YAML document, found 2 [yaml]");
}

TEST(LoadTest, EmptyAndCommentOnlyFilesAreEmptyMaps) {
  for (const char* text : {"", "# nothing\n"}) {
    Diagnostics diags;
    auto doc = Load(text, &diags);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->root, Json::object());
  }
}

TEST(LoadTest, CrlfAndJsonAreAccepted) {
  Diagnostics diags;
  auto crlf = Load("a: 1\r\nb:\r\n  c: x\r\n", &diags);
  ASSERT_TRUE(crlf);
  EXPECT_EQ(crlf->root, (Json{{"a", 1}, {"b", {{"c", "x"}}}}));
  auto json = Load("{\"a\": [1, \"2\"], \"b\": null}", &diags);
  ASSERT_TRUE(json);
  EXPECT_EQ(json->root, (Json{{"a", {1, "2"}}, {"b", nullptr}}));
}

TEST(LoadTest, RootMustBeAMapping) {
  EXPECT_EQ(FirstError("- a\n"), "values.yaml:1:1: error: a values file must be a mapping, got array [yaml]");
}

TEST(LoadTest, UnterminatedQuoteIsAnError) {
  EXPECT_EQ(FirstError("a: \"abc\nb: 1\n"),
            "values.yaml:1:4: error: a: unterminated quoted string: no closing \" [yaml]");
}

TEST(LoadTest, InvalidUtf8IsAnErrorAtItsPosition) {
  EXPECT_EQ(FirstError("a: 1\nb: \xff\n"), "values.yaml:2:4: error: invalid UTF-8 [yaml]");
}

TEST(LoadTest, LimitsAreEnforced) {
  LoadOptions options;
  options.limits.max_depth = 3;
  Diagnostics diags;
  EXPECT_FALSE(LoadValuesFile("v.yaml", "a: {b: {c: {d: 1}}}\n", options, &diags));
  options = LoadOptions{};
  options.limits.max_nodes = 20;
  EXPECT_FALSE(LoadValuesFile("v.yaml", "a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a, *a]\n", options,
                              &diags));
  options = LoadOptions{};
  options.limits.max_bytes = 4;
  EXPECT_FALSE(LoadValuesFile("v.yaml", "a: 12345\n", options, &diags));
  EXPECT_EQ(diags.errors(), 3);
}

}  // namespace
}  // namespace lr
