// Tests for SchemaCheck (render/schema_check.h): valijson finds the failing nodes, the
// messages come from each node's own failing keyword.
#include "render/schema_check.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

using nlohmann::json;

constexpr std::string_view kLaunchConfig = "schemas/launch-config.schema.json";

std::string Violations(const std::string& instance) {
  std::string out;
  for (const SchemaViolation& v : CheckAgainstSchema(kLaunchConfig, json::parse(instance))) {
    out += v.pointer + (v.missing ? " (missing)" : "") + ": " + v.message + "\n";
  }
  return out;
}

TEST(SchemaCheckTest, ValidInstanceHasNoViolations) {
  EXPECT_EQ(Violations(R"({"queues": ["a"], "max_jobs": -1, "builder": {"type": "noop"}})"), "");
}

TEST(SchemaCheckTest, TypeMessagesNameEveryAllowedType) {
  EXPECT_EQ(Violations(R"({"queues": ["a"], "entity": 5})"),
            "/entity: must be a string or null, got integer 5\n");
  EXPECT_EQ(Violations(R"({"queues": "a"})"), "/queues: must be a list, got string \"a\"\n");
}

TEST(SchemaCheckTest, EnumListsTheChoices) {
  EXPECT_EQ(Violations(R"({"queues": ["a"], "builder": {"type": "buildah"}})"),
            "/builder/type: must be one of \"docker\", \"kaniko\", \"noop\", got string "
            "\"buildah\"\n");
}

TEST(SchemaCheckTest, RequiredKeysPointAtTheMissingKey) {
  EXPECT_EQ(Violations(R"({"max_jobs": 1})"), "/queues (missing): is required\n");
  EXPECT_EQ(Violations(R"({"queues": ["a"], "environment": {"type": "azure"}})"),
            "/environment/region (missing): is required\n");
}

TEST(SchemaCheckTest, UnknownKeysUseTheSchemaMessage) {
  EXPECT_EQ(Violations(R"({"queues": ["a"], "queue": "b"})"),
            "/queue: is not a launch agent config key (the agent refuses it: Extra inputs are not "
            "permitted)\n");
}

TEST(SchemaCheckTest, BoundsEmptinessAndCustomMessages) {
  EXPECT_EQ(Violations(R"({"queues": []})"), "/queues: must not be empty\n");
  EXPECT_EQ(Violations(R"({"queues": [""]})"), "/queues/0: must not be empty\n");
  EXPECT_EQ(Violations(R"({"queues": ["a"], "verbosity": -1})"),
            "/verbosity: must be at least 0, got integer -1\n");
  EXPECT_EQ(Violations(R"({"queues": ["a"], "max_jobs": -2})"),
            "/max_jobs: must be -1 (no limit) or a non-negative integer, got integer -2\n");
}

TEST(SchemaCheckTest, EveryViolationOfOneDocument) {
  EXPECT_EQ(Violations(R"({"queues": [1, 2], "secure_mode": "no"})"),
            "/queues/0: must be a string, got integer 1\n"
            "/queues/1: must be a string, got integer 2\n"
            "/secure_mode: must be a boolean, got string \"no\"\n");
}

TEST(SchemaCheckTest, BundledSchemasAreListedAndParse) {
  ASSERT_EQ(BundledSchemas().size(), 2u);
  for (const BundledSchema& s : BundledSchemas()) {
    EXPECT_EQ(SchemaDocument(s.path)["$schema"], "http://json-schema.org/draft-07/schema#")
        << s.name;
  }
}

}  // namespace
}  // namespace lr
