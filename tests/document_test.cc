// JSON pointers and the dotted paths diagnostics print.
#include "render/document.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

TEST(DocumentTest, PointerEscapeTable) {
  EXPECT_EQ(PointerEscape(""), "");
  EXPECT_EQ(PointerEscape("plain"), "plain");
  EXPECT_EQ(PointerEscape("a/b~c"), "a~1b~0c");
  EXPECT_EQ(PointerEscape("~1"), "~01");  // '~' first, so "~1" does not become "/"
  EXPECT_EQ(PointerEscape("//"), "~1~1");
}

TEST(DocumentTest, PointerJoinEscapesTokens) {
  EXPECT_EQ(PointerJoin("", "agent"), "/agent");
  EXPECT_EQ(PointerJoin("/agent", "labels"), "/agent/labels");
  EXPECT_EQ(PointerJoin("/agent", "app.kubernetes.io/name"), "/agent/app.kubernetes.io~1name");
  EXPECT_EQ(PointerJoin("/agent", ""), "/agent/");
  EXPECT_EQ(PointerJoin("/list", size_t{2}), "/list/2");
  EXPECT_EQ(PointerJoin("", size_t{0}), "/0");
}

TEST(DocumentTest, PointerParentTable) {
  EXPECT_EQ(PointerParent("/agent/labels"), "/agent");
  EXPECT_EQ(PointerParent("/agent"), "");
  EXPECT_EQ(PointerParent(""), "");
  EXPECT_EQ(PointerParent("/a~1b/c"), "/a~1b");  // escaped '/' is not a separator
  EXPECT_EQ(PointerParent("/list/0"), "/list");
}

TEST(DocumentTest, PointerToPathTable) {
  Json root = {{"agent", {{"labels", {{"app", "x"}, {"a.b", "y"}, {"a/b", "z"}, {"a b", "w"}}}}},
               {"additionalEnvVars", {{{"name", "A"}}, {{"name", "B"}}}},
               {"matrix", {{1, 2}, {3, 4}}},
               {"a.b", 1},
               {"snake_case-key9", 2}};
  struct Row {
    const char* pointer;
    const char* path;
  };
  const Row rows[] = {
      {"", ""},
      {"/agent", "agent"},
      {"/agent/labels/app", "agent.labels.app"},
      {"/additionalEnvVars/0/name", "additionalEnvVars[0].name"},
      {"/additionalEnvVars/1", "additionalEnvVars[1]"},
      {"/agent/labels/a.b", "agent.labels[\"a.b\"]"},
      {"/agent/labels/a~1b", "agent.labels[\"a/b\"]"},
      {"/agent/labels/a b", "agent.labels[\"a b\"]"},
      {"/matrix/1/0", "matrix[1][0]"},
      {"/a.b", "[\"a.b\"]"},
      {"/snake_case-key9", "snake_case-key9"},
      // Past the end of the tree a number is a key, not an index.
      {"/missing/0/x", "missing.0.x"},
      {"/additionalEnvVars/7/name", "additionalEnvVars[7].name"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(PointerToPath(r.pointer, root), r.path) << r.pointer;
  }
}

TEST(DocumentTest, FindIsExact) {
  Document doc;
  doc.file = "v.yaml";
  doc.positions[""] = NodePos{{"v.yaml", 1, 1}, {"v.yaml", 1, 1}, true};
  doc.positions["/agent"] = NodePos{{"v.yaml", 4, 1}, {"v.yaml", 5, 3}, false};
  const NodePos* agent = doc.Find("/agent");
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->key.line, 4);
  EXPECT_EQ(agent->value.col, 3);
  EXPECT_FALSE(agent->user);
  EXPECT_NE(doc.Find(""), nullptr);
  EXPECT_EQ(doc.Find("/agent/image"), nullptr);
  EXPECT_EQ(doc.Find("/agen"), nullptr);
  EXPECT_EQ(doc.Find("agent"), nullptr);
}

TEST(DocumentTest, LocateFallsBackToAncestorThenFile) {
  Document doc;
  doc.file = "v.yaml";
  doc.positions["/agent"] = NodePos{{"v.yaml", 4, 1}, {"v.yaml", 5, 3}, true};
  doc.positions["/agent/a~1b"] = NodePos{{"v.yaml", 6, 3}, {"v.yaml", 6, 8}, true};
  EXPECT_EQ(doc.Locate("/agent").line, 4);
  EXPECT_EQ(doc.Locate("/agent/image").line, 4);
  EXPECT_EQ(doc.Locate("/agent/image/deep/0").line, 4);
  EXPECT_EQ(doc.Locate("/agent", false).line, 5);
  EXPECT_EQ(doc.Locate("/agent", false).col, 3);
  EXPECT_EQ(doc.Locate("/agent/missing", false).line, 5);
  EXPECT_EQ(doc.Locate("/agent/a~1b/x", false).col, 8);
  SourcePos none = doc.Locate("/other");
  EXPECT_EQ(none.file, "v.yaml");
  EXPECT_EQ(none.line, 1);
  EXPECT_EQ(none.col, 1);
}

TEST(DocumentTest, LocateUsesTheRootBeforeTheFile) {
  Document doc;
  doc.file = "v.yaml";
  doc.positions[""] = NodePos{{"other.yaml", 3, 2}, {"other.yaml", 3, 2}, true};
  SourcePos p = doc.Locate("/x/y");
  EXPECT_EQ(p.file, "other.yaml");
  EXPECT_EQ(p.line, 3);
  EXPECT_EQ(p.col, 2);
}

// JsonAt against nlohmann's json_pointer, wherever that does not throw.
TEST(JsonAtTest, FindsWhatJsonPointerFinds) {
  Json doc = Json::parse(R"({"a": {"b": [10, {"c~d": 1, "e/f": 2}], "": 3, "0": 4},
                             "list": [[1, 2], []], "s": "text"})");
  for (const char* p : {"",
                        "/a",
                        "/a/b",
                        "/a/b/0",
                        "/a/b/1",
                        "/a/b/2",
                        "/a/b/1/c~0d",
                        "/a/b/1/e~1f",
                        "/a/b/1/c~d",
                        "/a/",
                        "/a/0",
                        "/list/0/1",
                        "/list/1/0",
                        "/list/01",
                        "/list/-",
                        "/list/1/",
                        "/s",
                        "/s/0",
                        "/missing",
                        "/a/b/00",
                        "/a/b/1/e/f",
                        "a",
                        "/list/10000000000000000000"}) {
    SCOPED_TRACE(p);
    const Json* ours = JsonAt(doc, p);
    try {
      Json::json_pointer ptr{std::string(p)};
      bool theirs = doc.contains(ptr);
      ASSERT_EQ(ours != nullptr, theirs);
      if (ours) {
        EXPECT_EQ(ours, &doc.at(ptr));
      }
    } catch (const Json::exception&) {
      EXPECT_EQ(ours, nullptr);  // nlohmann refuses the pointer itself
    }
  }
  EXPECT_EQ(JsonAt(doc, "/a/~2"), nullptr);
}

}  // namespace
}  // namespace lr
