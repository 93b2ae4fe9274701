// YamlTree: one yaml-cpp pass into light nodes, as YAML::LoadAll builds them: aliases are their
// anchors' nodes, pairs keep their order and duplicates, tags and marks are the parser's; a
// stalled parse and too many documents stop with located errors.
#include "render/yaml_tree.h"

#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

namespace lr {
namespace {

std::optional<YamlStream> Parse(const std::string& text, Diagnostics* diags,
                                size_t max_documents = 100) {
  return ParseYamlStream("t.yaml", text, max_documents, diags);
}

// Our node against yaml-cpp's own, recursively (aliases: the same node object in both).
void ExpectSame(const YamlNode& ours, const YAML::Node& theirs, int depth = 0) {
  ASSERT_LT(depth, 20);
  EXPECT_EQ(ours.mark.pos, theirs.Mark().pos);
  EXPECT_EQ(ours.mark.line, theirs.Mark().line);
  EXPECT_EQ(ours.mark.column, theirs.Mark().column);
  switch (theirs.Type()) {
    case YAML::NodeType::Scalar:
      ASSERT_EQ(ours.type, YamlNode::Type::kScalar);
      EXPECT_EQ(ours.scalar, theirs.Scalar());
      EXPECT_EQ(ours.tag, theirs.Tag());
      return;
    case YAML::NodeType::Sequence: {
      ASSERT_EQ(ours.type, YamlNode::Type::kSequence);
      ASSERT_EQ(ours.children.size(), theirs.size());
      size_t i = 0;
      for (const YAML::Node& item : theirs) ExpectSame(*ours.children[i++], item, depth + 1);
      return;
    }
    case YAML::NodeType::Map: {
      ASSERT_EQ(ours.type, YamlNode::Type::kMap);
      ASSERT_EQ(ours.children.size(), 2 * theirs.size());
      size_t i = 0;
      for (const auto& pair : theirs) {
        ExpectSame(*ours.children[i++], pair.first, depth + 1);
        ExpectSame(*ours.children[i++], pair.second, depth + 1);
      }
      return;
    }
    default:
      EXPECT_EQ(ours.type, YamlNode::Type::kNull);
  }
}

TEST(YamlTreeTest, BuildsWhatLoadAllBuilds) {
  for (const char* text :
       {"a: 1\nb: [x, 'y', \"z\"]\nc: {d: ~, e: }\n", "- &a {k: v}\n- *a\n- !!str 3\n- !t x\n",
        "k: |\n  block\nk: dup\n", "--- 1\n--- [2]\n...\n", "? [complex]\n: key\n",
        "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n", "", "# only a comment\n"}) {
    SCOPED_TRACE(text);
    Diagnostics diags;
    auto ours = Parse(text, &diags);
    ASSERT_TRUE(ours.has_value());
    std::vector<YAML::Node> theirs = YAML::LoadAll(text);
    ASSERT_EQ(ours->roots.size(), theirs.size());
    for (size_t i = 0; i < theirs.size(); ++i) {
      ASSERT_NE(ours->roots[i], nullptr);
      ExpectSame(*ours->roots[i], theirs[i]);
    }
  }
}

TEST(YamlTreeTest, AnAliasIsItsAnchorsNode) {
  Diagnostics diags;
  auto stream = Parse("a: &x [1]\nb: *x\nc: &self {d: *self}\n", &diags);
  ASSERT_TRUE(stream.has_value());
  const YamlNode& root = *stream->roots[0];
  EXPECT_EQ(root.children[1], root.children[3]);  // a and b: one node
  const YamlNode* self = root.children[5];
  EXPECT_EQ(self->children[1], self);  // an alias to its own ancestor: a cycle, as in yaml-cpp
}

TEST(YamlTreeTest, StallsAndDocumentLimitsAreLocatedErrors) {
  Diagnostics diags;
  EXPECT_FALSE(Parse(",]\n", &diags).has_value());
  EXPECT_EQ(FormatText(diags.all().at(0)),
            "t.yaml:1:1: error: unexpected character: a ',' or flow indicator outside [ ] or { } "
            "[yaml]");
  Diagnostics many;
  EXPECT_FALSE(Parse("--- 1\n--- 2\n--- 3\n", &many, 2).has_value());
  EXPECT_EQ(FormatText(many.all().at(0)), "t.yaml: error: more than 2 documents [yaml]");
  Diagnostics bad;
  EXPECT_FALSE(Parse("a: [1\n", &bad).has_value());
  EXPECT_EQ(bad.all().size(), 1u);
}

}  // namespace
}  // namespace lr
