// SchemaEval, keyword by keyword: a table of {schema, instance, verdict}. Every decided row
// is also checked against valijson itself, so the table cannot drift from what valijson says;
// kUnsure rows name what is left to valijson.
#include "render/schema_eval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/frozen_json.h"
#include "render/valijson.h"

namespace lr {
namespace {

using nlohmann::json;

struct Row {
  const char* schema;
  const char* instance;
  Verdict verdict;
};

constexpr Verdict kValid = Verdict::kValid, kInvalid = Verdict::kInvalid,
                  kUnsure = Verdict::kUnsure;

const std::vector<Row> kRows = {
    // type (strong types: 1.0 is not an integer, "1" is not a number)
    {R"({"type": "string"})", R"("x")", kValid},
    {R"({"type": "string"})", "1", kInvalid},
    {R"({"type": "integer"})", "3", kValid},
    {R"({"type": "integer"})", "-3", kValid},
    {R"({"type": "integer"})", "3.0", kInvalid},
    {R"({"type": "number"})", "3.5", kValid},
    {R"({"type": "number"})", R"("1")", kInvalid},
    {R"({"type": "boolean"})", "false", kValid},
    {R"({"type": "null"})", "null", kValid},
    {R"({"type": "object"})", "[]", kInvalid},
    {R"({"type": "array"})", "[]", kValid},
    {R"({"type": ["string", "integer"]})", "4", kValid},
    {R"({"type": ["string", "integer"]})", "true", kInvalid},
    // enum and const
    {R"({"enum": ["a", "b"]})", R"("b")", kValid},
    {R"({"enum": ["a", "b"]})", R"("c")", kInvalid},
    {R"({"enum": ["a", 1, null, true]})", "1", kValid},
    {R"({"enum": ["a", 1, null, true]})", "null", kValid},
    {R"({"enum": ["a", 1, null, true]})", "false", kInvalid},
    {R"({"enum": [1.5]})", "1.5", kUnsure},
    {R"({"enum": [[1]]})", "[1]", kUnsure},
    {R"({"enum": [[1], {"a": 1}]})", "1", kInvalid},
    {R"({"enum": [1]})", "1.0", kUnsure},
    {R"({"const": "x"})", R"("x")", kValid},
    {R"({"const": "x"})", R"("y")", kInvalid},
    {R"({"const": 2})", R"("2")", kInvalid},
    // strings
    {R"({"minLength": 2})", R"("ab")", kValid},
    {R"({"minLength": 2})", R"("a")", kInvalid},
    {R"({"maxLength": 2})", R"("abc")", kInvalid},
    {R"({"maxLength": 2})", "123", kValid},
    {R"({"maxLength": 2})", "\"\u00e9\u00e9\"", kUnsure},
    {R"({"pattern": "^[a-z]+$"})", R"("abc")", kValid},
    {R"({"pattern": "^[a-z]+$"})", R"("aBc")", kInvalid},
    {R"({"pattern": "b"})", R"("abc")", kValid},
    {R"({"pattern": "^x"})", "7", kValid},
    {R"({"format": "date-time"})", R"("2024-01-31T12:00:00Z")", kUnsure},
    {R"({"format": "date-time"})", "7", kUnsure},  // valijson reads 7 as text
    // numbers
    {R"({"minimum": 1})", "1", kValid},
    {R"({"minimum": 1})", "0", kInvalid},
    {R"({"maximum": 1.5})", "1.5", kValid},
    {R"({"maximum": 1.5})", "2", kInvalid},
    {R"({"exclusiveMinimum": 1})", "1", kInvalid},
    {R"({"exclusiveMaximum": 1})", "0.5", kValid},
    {R"({"minimum": 1})", R"("0")", kValid},
    {R"({"multipleOf": 2})", "4", kUnsure},
    // objects
    {R"({"required": ["a"]})", R"({"a": 1})", kValid},
    {R"({"required": ["a"]})", R"({"b": 1})", kInvalid},
    {R"({"required": ["a"]})", "[]", kValid},
    {R"({"properties": {"a": {"type": "string"}}})", R"({"a": 1})", kInvalid},
    {R"({"properties": {"a": {"type": "string"}}})", R"({"b": 1})", kValid},
    {R"({"properties": {"a": {}}, "additionalProperties": false})", R"({"a": 1})", kValid},
    {R"({"properties": {"a": {}}, "additionalProperties": false})", R"({"b": 1})", kInvalid},
    {R"({"additionalProperties": {"type": "integer"}})", R"({"b": 1, "c": 2})", kValid},
    {R"({"additionalProperties": {"type": "integer"}})", R"({"b": "x"})", kInvalid},
    {R"({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false})",
     R"({"x-a": "s"})", kValid},
    {R"({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false})",
     R"({"x-a": 1})", kInvalid},
    {R"({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false})",
     R"({"y": "s"})", kInvalid},
    {R"({"propertyNames": {"pattern": "^[a-z]+$"}})", R"({"ok": 1})", kValid},
    {R"({"propertyNames": {"pattern": "^[a-z]+$"}})", R"({"Bad": 1})", kInvalid},
    {R"({"minProperties": 1})", "{}", kInvalid},
    {R"({"maxProperties": 1})", R"({"a": 1, "b": 2})", kInvalid},
    {R"({"dependencies": {"a": ["b"]}})", R"({"a": 1})", kUnsure},
    // arrays
    {R"({"items": {"type": "integer"}})", "[1, 2]", kValid},
    {R"({"items": {"type": "integer"}})", R"([1, "2"])", kInvalid},
    {R"({"items": [{"type": "integer"}]})", "[1]", kUnsure},
    {R"({"minItems": 1})", "[]", kInvalid},
    {R"({"maxItems": 1})", "[1, 2]", kInvalid},
    {R"({"uniqueItems": true})", "[1, 1]", kUnsure},
    {R"({"uniqueItems": false})", "[1, 1]", kValid},
    {R"({"contains": {"type": "string"}})", R"([1, "a"])", kValid},
    {R"({"contains": {"type": "string"}})", "[1, 2]", kInvalid},
    // combinators
    {R"({"allOf": [{"type": "string"}, {"minLength": 2}]})", R"("ab")", kValid},
    {R"({"allOf": [{"type": "string"}, {"minLength": 2}]})", R"("a")", kInvalid},
    {R"({"anyOf": [{"type": "string"}, {"type": "integer"}]})", "1", kValid},
    {R"({"anyOf": [{"type": "string"}, {"type": "integer"}]})", "true", kInvalid},
    {R"({"anyOf": [{"format": "date-time"}, {"type": "integer"}]})", R"("x")", kUnsure},
    {R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})", "-1", kValid},
    {R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})", "1", kInvalid},
    {R"({"not": {"type": "string"}})", "1", kValid},
    {R"({"not": {"type": "string"}})", R"("s")", kInvalid},
    {R"({"not": {"required": ["a"]}})", R"({"a": 1})", kInvalid},
    {R"({"if": {"type": "string"}, "then": {"minLength": 2}, "else": {"minimum": 5}})", R"("a")",
     kInvalid},
    {R"({"if": {"type": "string"}, "then": {"minLength": 2}, "else": {"minimum": 5}})", "7",
     kValid},
    {R"({"if": {"type": "string"}, "then": {"minLength": 2}})", "1", kValid},
    // $ref: siblings ignored (draft-07), definitions, chains, unresolved
    {R"({"definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s"})", R"("x")", kValid},
    {R"({"definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s"})", "1", kInvalid},
    {R"({"definitions": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/definitions/s",
       "type": "integer"}}})",
     R"({"a": "x"})", kValid},
    {R"({"definitions": {"s": {"$ref": "#/definitions/s"}}, "$ref": "#/definitions/s"})", "1",
     kUnsure},
    {R"({"$ref": "#/definitions/missing"})", "1", kUnsure},
    {R"({"$ref": "other.json#/x"})", "1", kUnsure},
    // booleans and annotations
    {"true", "1", kValid},
    {"false", "1", kInvalid},
    {R"({"properties": {"a": false}})", R"({"a": 1})", kInvalid},
    {R"({"description": "d", "title": "t", "default": 3, "x-launch-render-message": "m"})",
     R"("anything")", kValid},
};

// What valijson says, compiled the way CompiledSchema compiles (draft-07, strong types).
bool Valijson(const json& schema, const json& instance) {
  valijson::Schema compiled;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(schema), compiled);
  valijson::Validator validator;
  return validator.validate(compiled, valijson::adapters::NlohmannJsonAdapter(instance), nullptr);
}

TEST(SchemaEvalTest, KeywordTable) {
  for (const Row& row : kRows) {
    SCOPED_TRACE(std::string(row.schema) + " <- " + row.instance);
    json schema = json::parse(row.schema), instance = json::parse(row.instance);
    std::string image = FreezeJson(schema);
    FrozenJson root = FrozenJson::Root(image);
    Verdict got = EvaluateSchema(root, instance, DocumentRefs(root));
    EXPECT_EQ(got, row.verdict);
    bool self_referring = row.verdict == kUnsure &&
                          std::string(row.schema).find(R"("s": {"$ref")") != std::string::npos;
    bool remote = std::string(row.schema).find("other.json") != std::string::npos ||
                  std::string(row.schema).find("missing") != std::string::npos;
    if (got != kUnsure && !self_referring && !remote) {
      EXPECT_EQ(got == kValid, Valijson(schema, instance)) << "valijson disagrees";
    }
  }
}

TEST(SchemaEvalTest, OpenReadsAdditionalPropertiesFalseAsAbsent) {
  std::string image = FreezeJson(json::parse(R"({"properties": {"a": {}},
      "additionalProperties": false})"));
  FrozenJson root = FrozenJson::Root(image);
  json instance = json::parse(R"({"b": 1})");
  EXPECT_EQ(EvaluateSchema(root, instance, DocumentRefs(root)), kInvalid);
  EXPECT_EQ(EvaluateSchema(root, instance, DocumentRefs(root), {true}), kValid);
}

TEST(SchemaEvalTest, DocumentRefsFollowJsonPointers) {
  std::string image = FreezeJson(json::parse(R"({"definitions": {"a": {"b": {"type": "null"}}},
      "x~y": 1})"));
  FrozenJson root = FrozenJson::Root(image);
  SchemaRefs refs = DocumentRefs(root);
  EXPECT_TRUE(refs("#/definitions/a/b").is_object());
  EXPECT_TRUE(refs("#").is_object());
  EXPECT_FALSE(refs("#/definitions/c").present());
  EXPECT_FALSE(refs("definitions/a").present());
  EXPECT_FALSE(refs("#/x~0y").present());  // escaped tokens are left to valijson
}

}  // namespace
}  // namespace lr
