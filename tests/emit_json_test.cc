// Tests for the JSON emitter: kubectl's -o json layout, the List wrapper, UTF-8 handling.
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "render/emit.h"

namespace lr {
namespace {

KubeObject Object(const char* json) { return {Json::parse(json), "templates/x.yaml"}; }

TEST(EmitJsonTest, PrettyPrintsWithFourSpacesInTreeOrder) {
  const Json v = Json::parse(R"({"z":1,"a":{"b":[1,"x",null,true]},"e":{},"l":[]})");
  EXPECT_EQ(EmitJsonValue(v),
            "{\n"
            "    \"z\": 1,\n"
            "    \"a\": {\n"
            "        \"b\": [\n"
            "            1,\n"
            "            \"x\",\n"
            "            null,\n"
            "            true\n"
            "        ]\n"
            "    },\n"
            "    \"e\": {},\n"
            "    \"l\": []\n"
            "}\n");
}

struct StringRow {
  std::string value;
  std::string json;
};

TEST(EmitJsonTest, StringEscapeTable) {
  const std::vector<StringRow> rows = {
      {"日本語", "\"日本語\""},
      {"emoji \xF0\x9F\x98\x80", "\"emoji \xF0\x9F\x98\x80\""},
      {"a\"b\\c", "\"a\\\"b\\\\c\""},
      {"l1\nl2\tx\r", "\"l1\\nl2\\tx\\r\""},
      {"\x01", "\"\\u0001\""},
      {"<&>", "\"<&>\""},
      {"bad\xFF", "\"bad\xEF\xBF\xBD\""},
  };
  for (const StringRow& row : rows) {
    SCOPED_TRACE(row.json);
    EXPECT_EQ(EmitJsonValue(Json(row.value)), row.json + "\n");
  }
}

TEST(EmitJsonTest, NumbersAndNonFinite) {
  EXPECT_EQ(EmitJsonValue(Json(42)), "42\n");
  EXPECT_EQ(EmitJsonValue(Json(-1.5)), "-1.5\n");
  EXPECT_EQ(EmitJsonValue(Json(std::numeric_limits<double>::infinity())), "null\n");
}

TEST(EmitJsonTest, OneObjectIsPrintedAsItself) {
  auto emitter = MakeEmitter(OutputFormat::kJson);
  emitter->Add(Object(R"({"apiVersion":"v1","kind":"ConfigMap"})"));
  EXPECT_EQ(emitter->Finish(), "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\"\n}\n");
}

TEST(EmitJsonTest, SeveralObjectsBecomeAKubectlList) {
  auto emitter = MakeEmitter(OutputFormat::kJson);
  emitter->Add(Object(R"({"kind":"A"})"));
  emitter->Add(Object(R"({"kind":"B"})"));
  EXPECT_EQ(emitter->Finish(),
            "{\n"
            "    \"apiVersion\": \"v1\",\n"
            "    \"items\": [\n"
            "        {\n"
            "            \"kind\": \"A\"\n"
            "        },\n"
            "        {\n"
            "            \"kind\": \"B\"\n"
            "        }\n"
            "    ],\n"
            "    \"kind\": \"List\",\n"
            "    \"metadata\": {\n"
            "        \"resourceVersion\": \"\"\n"
            "    }\n"
            "}\n");
}

TEST(EmitJsonTest, NoObjectsGiveAnEmptyList) {
  const std::string out = MakeEmitter(OutputFormat::kJson)->Finish();
  EXPECT_EQ(out,
            "{\n"
            "    \"apiVersion\": \"v1\",\n"
            "    \"items\": [],\n"
            "    \"kind\": \"List\",\n"
            "    \"metadata\": {\n"
            "        \"resourceVersion\": \"\"\n"
            "    }\n"
            "}\n");
}

TEST(EmitJsonTest, OutputParsesBackToTheSameTree) {
  const Json v = Json::parse(R"({"s":"x\ny","n":[1,2.5,-3],"u":18446744073709551615,
                                 "deep":{"a":{"b":{"c":[{"d":"日本"}]}}}})");
  EXPECT_EQ(Json::parse(EmitJsonValue(v)), v);
}

}  // namespace
}  // namespace lr
