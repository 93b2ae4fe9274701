// Plain-scalar typing of the two YAML readers: helm (go-yaml v2) and the agent (PyYAML).
#include "render/yaml_resolve.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

struct Row {
  const char* text;
  Json go_yaml;  // what helm reads
  Json pyyaml;   // what the agent reads
};

TEST(YamlResolveTest, ScalarTable) {
  const Row rows[] = {
      {"y", true, "y"},            {"n", false, "n"},          {"yes", true, true},
      {"No", false, false},        {"on", true, true},         {"OFF", false, false},
      {"true", true, true},        {"False", false, false},    {"0123", 83, 83},
      {"0x1F", 31, 31},            {"0b101", 5, 5},            {"1e3", 1000.0, "1e3"},
      {"1.5", 1.5, 1.5},           {"1_000", 1000, 1000},      {"~", nullptr, nullptr},
      {"null", nullptr, nullptr},  {"", nullptr, nullptr},     {"1:20", "1:20", 80},
      {"abc", "abc", "abc"},       {"-7", -7, -7},             {"0", 0, 0},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(ResolveGoYamlV2(r.text), r.go_yaml) << "go-yaml v2: " << r.text;
    EXPECT_EQ(ResolvePyYaml(r.text), r.pyyaml) << "PyYAML: " << r.text;
  }
}

TEST(YamlResolveTest, TimestampsStayStringsForHelm) {
  EXPECT_EQ(ResolveGoYamlV2("2024-01-02"), "2024-01-02");
  EXPECT_TRUE(PyTimestampLike("2024-01-02"));
  EXPECT_FALSE(PyTimestampLike("queue-2024"));
}

TEST(YamlResolveTest, PlainScalarStaysString) {
  for (const char* s : {"abc", "wandb/launch-agent:0.17.3", "https://api.wandb.ai", "q1"}) {
    EXPECT_TRUE(PlainScalarStaysString(s)) << s;
  }
  for (const char* s : {"y", "on", "0123", "1e3", "1:20", "null", "", "2024-01-02", "a #b",
                        "- x", "key: v", " lead", "trail ", "*star", "&amp"}) {
    EXPECT_FALSE(PlainScalarStaysString(s)) << s;
  }
}

}  // namespace
}  // namespace lr
