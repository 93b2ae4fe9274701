// JSON pointers and the dotted paths diagnostics print.
#include "render/document.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

TEST(DocumentTest, PointerHelpers) {
  EXPECT_EQ(PointerEscape("a/b~c"), "a~1b~0c");
  EXPECT_EQ(PointerJoin("/agent", "labels"), "/agent/labels");
  EXPECT_EQ(PointerJoin("/list", size_t{2}), "/list/2");
  EXPECT_EQ(PointerParent("/agent/labels"), "/agent");
  EXPECT_EQ(PointerParent("/agent"), "");
}

TEST(DocumentTest, PointerToPathTable) {
  Json root = {{"agent", {{"labels", {{"app", "x"}, {"a.b", "y"}}}}},
               {"additionalEnvVars", {{{"name", "A"}}}}};
  EXPECT_EQ(PointerToPath("/agent/labels/app", root), "agent.labels.app");
  EXPECT_EQ(PointerToPath("/additionalEnvVars/0/name", root), "additionalEnvVars[0].name");
  EXPECT_EQ(PointerToPath("/agent/labels/a.b", root), "agent.labels[\"a.b\"]");
}

TEST(DocumentTest, LocateFallsBackToAncestorThenFile) {
  Document doc;
  doc.file = "v.yaml";
  doc.positions["/agent"] = NodePos{{"v.yaml", 4, 1}, {"v.yaml", 5, 3}, true};
  EXPECT_EQ(doc.Locate("/agent/image").line, 4);
  EXPECT_EQ(doc.Locate("/agent", false).line, 5);
  SourcePos none = doc.Locate("/other");
  EXPECT_EQ(none.file, "v.yaml");
  EXPECT_EQ(none.line, 1);
}

}  // namespace
}  // namespace lr
