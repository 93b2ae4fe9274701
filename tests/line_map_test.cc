// Tests for LineMap (render/line_map.h): positions inside a string value -> file positions.
#include "render/line_map.h"

#include <gtest/gtest.h>

#include "render/load.h"

namespace lr {
namespace {

// The map of the launchConfig value of `yaml`.
LineMap MapOf(const std::string& yaml) {
  Diagnostics diags;
  auto doc = LoadValuesFile("values.yaml", yaml, {}, &diags);
  EXPECT_TRUE(doc.has_value()) << yaml;
  const NodePos* pos = doc->Find("/launchConfig");
  EXPECT_NE(pos, nullptr);
  return LineMap::ForValue(yaml, *pos, doc->root["launchConfig"].get<std::string>());
}

std::string At(const LineMap& m, int line, int col) {
  SourcePos p = m.Map(line, col);
  return p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
}

TEST(LineMapTest, LiteralBlockMapsLineForLine) {
  LineMap m = MapOf("a: 1\nlaunchConfig: |\n  queues: [q]\n  builder:\n    type: x\n");
  EXPECT_TRUE(m.exact());
  EXPECT_EQ(At(m, 1, 1), "values.yaml:3:3");
  EXPECT_EQ(At(m, 3, 9), "values.yaml:5:11");
}

TEST(LineMapTest, ChompingAndCommentsInTheHeader) {
  EXPECT_EQ(At(MapOf("launchConfig: |- # agent\n  queues: [q]\n"), 1, 3), "values.yaml:2:5");
  EXPECT_EQ(At(MapOf("launchConfig: |+\n  queues: [q]\n\n"), 1, 1), "values.yaml:2:3");
}

TEST(LineMapTest, ExplicitIndentationIndicator) {
  LineMap m = MapOf("launchConfig: |2\n    queues: [q]\n    max_jobs: 1\n");
  EXPECT_TRUE(m.exact());
  EXPECT_EQ(At(m, 2, 3), "values.yaml:3:5");  // the text keeps two of the four spaces
}

TEST(LineMapTest, BlankLinesInsideTheBlock) {
  LineMap m = MapOf("launchConfig: |\n  queues: [q]\n\n  max_jobs: 2\n");
  EXPECT_EQ(At(m, 3, 1), "values.yaml:4:3");
}

TEST(LineMapTest, CrlfLines) {
  LineMap m = MapOf("launchConfig: |\r\n  queues: [q]\r\n  max_jobs: 2\r\n");
  EXPECT_TRUE(m.exact());
  EXPECT_EQ(At(m, 2, 1), "values.yaml:3:3");
}

TEST(LineMapTest, OtherFormsPointAtTheKey) {
  for (const char* yaml : {"x: 1\nlaunchConfig: \"queues: [q]\\nmax_jobs: 1\\n\"\n",
                           "x: 1\nlaunchConfig: >\n  queues: [q]\n\n  max_jobs: 1\n",
                           "x: 1\nlaunchConfig: 'queues: [q]'\n"}) {
    LineMap m = MapOf(yaml);
    EXPECT_FALSE(m.exact()) << yaml;
    EXPECT_EQ(At(m, 2, 5), "values.yaml:2:1") << yaml;
  }
}

TEST(LineMapTest, IdentityIsTheFileItself) {
  LineMap m = LineMap::Identity("launch-config.yaml");
  EXPECT_EQ(At(m, 4, 2), "launch-config.yaml:4:2");
  EXPECT_EQ(At(m, 0, 0), "launch-config.yaml:0:0");
}

}  // namespace
}  // namespace lr
