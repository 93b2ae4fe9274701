// Tests for reading the launch agent config (render/launch_config.h) and its rules
// (render/launch_config_check.h) beyond the validation table: PyYAML types, positions mapped
// into the values file, the context a values file gives.
#include "render/launch_config.h"

#include <gtest/gtest.h>

#include "render/launch_config_check.h"
#include "render/load.h"

namespace lr {
namespace {

std::string Text(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.Sorted()) out += FormatText(x) + "\n";
  return out;
}

LaunchConfigSource Standalone(const std::string& text) {
  return {text, LineMap::Identity("launch-config.yaml"), ""};
}

TEST(LaunchConfigLoadTest, ReadsWithPyYamlTypes) {
  Diagnostics d;
  auto c = LoadLaunchConfig(
      Standalone("queues: [a]\nmax_jobs: 0o17\nx: 017\nsecure_mode: on\nt: 1:30\nn: 1_0\n"), &d);
  ASSERT_TRUE(c.has_value()) << Text(d);
  EXPECT_EQ(c->doc.root["x"], 15);             // YAML 1.1 octal
  EXPECT_EQ(c->doc.root["max_jobs"], "0o17");  // YAML 1.2 octal is a string in PyYAML
  EXPECT_EQ(c->doc.root["secure_mode"], true);
  EXPECT_EQ(c->doc.root["t"], 90);
  EXPECT_EQ(c->doc.root["n"], 10);
  EXPECT_EQ(c->written.at("/x"), "017");
  EXPECT_EQ(c->written.count("/queues/0"), 0u);  // strings are not recorded
}

TEST(LaunchConfigLoadTest, EmptyTextIsAnEmptyMapping) {
  Diagnostics d;
  auto c = LoadLaunchConfig(Standalone("# nothing\n"), &d);
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->doc.root.is_object() && c->doc.root.empty());
}

TEST(LaunchConfigLoadTest, EmbeddedErrorsLandOnValuesLines) {
  std::string values = "a: 1\nlaunchConfig: |\n  queues: [a]\n  max_jobs: 1\n  queues: [b]\n";
  Diagnostics ld;
  auto doc = LoadValuesFile("values.yaml", values, {}, &ld);
  ASSERT_TRUE(doc.has_value());
  std::string text = doc->root["launchConfig"];
  LaunchConfigSource src{text, LineMap::ForValue(values, *doc->Find("/launchConfig"), text),
                         "launchConfig"};
  Diagnostics d;
  EXPECT_FALSE(LoadLaunchConfig(src, &d).has_value());
  EXPECT_EQ(Text(d),
            "values.yaml:5:3: error: launchConfig.queues: duplicate key \"queues\" (first defined "
            "at line 3) [launch-config-yaml]\n");
}

TEST(LaunchConfigLoadTest, EmbeddedRootIsTheLaunchConfigKey) {
  std::string values = "a: 1\nlaunchConfig: |\n  max_jobs: 1\n";
  Diagnostics ld;
  auto doc = LoadValuesFile("values.yaml", values, {}, &ld);
  std::string text = doc->root["launchConfig"];
  LaunchConfigSource src{text, LineMap::ForValue(values, *doc->Find("/launchConfig"), text),
                         "launchConfig"};
  Diagnostics d;
  auto c = LoadLaunchConfig(src, &d);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->doc.Locate("").line, 2);
  EXPECT_EQ(c->doc.Locate("/max_jobs").line, 3);
  EXPECT_EQ(c->doc.Locate("/max_jobs").col, 3);
}

std::string Check(const std::string& text, LaunchConfigContext ctx) {
  Diagnostics d;
  auto c = LoadLaunchConfig(Standalone(text), &d);
  if (c) CheckLaunchConfig(*c, ctx, &d);
  return Text(d);
}

TEST(LaunchConfigCheckTest, KanikoContextDependsOnTheValues) {
  const std::string config =
      "queues: [a]\nenvironment: {type: aws, region: us-east-1}\nbuilder:\n  type: kaniko\n"
      "  destination: 1.dkr.ecr.us-east-1.amazonaws.com/r\n";
  LaunchConfigContext standalone;
  EXPECT_NE(Check(config, standalone).find(": warning: builder.build-context-store:"),
            std::string::npos);
  LaunchConfigContext values;
  values.in_values = true;
  EXPECT_NE(Check(config, values).find(": error: builder.build-context-store:"), std::string::npos);
  values.kaniko_pvc = true;
  EXPECT_EQ(Check(config, values), "");
}

TEST(LaunchConfigCheckTest, PathsCarryThePrefix) {
  LaunchConfigContext ctx;
  ctx.path_prefix = "launchConfig";
  EXPECT_EQ(Check("queues: [a]\nbuilder: {type: x}\n", ctx),
            "launch-config.yaml:2:11: error: launchConfig.builder.type: must be one of \"docker\", "
            "\"kaniko\", \"noop\", got string \"x\" [launch-config-schema]\n");
}

TEST(LaunchConfigPathTest, PrefixJoins) {
  EXPECT_EQ(PrefixPath("launchConfig", ""), "launchConfig");
  EXPECT_EQ(PrefixPath("launchConfig", "a.b"), "launchConfig.a.b");
  EXPECT_EQ(PrefixPath("launchConfig", "[\"x.y\"]"), "launchConfig[\"x.y\"]");
  EXPECT_EQ(PrefixPath("", "a"), "a");
}

}  // namespace
}  // namespace lr
