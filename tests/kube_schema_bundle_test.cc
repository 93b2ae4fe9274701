// Tests for the bundle reader (render/kube_schema_bundle.h) on a hand-written bundle: the store
// index, tables, assembling a kind (closure over refs, loose), and the per-object pruning,
// which must give the same verdicts and messages as the whole schema.
#include "render/kube_schema_bundle.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "render/embedded.h"
#include "render/schema_check.h"

namespace lr {
namespace {

using nlohmann::json;

// Ids are arbitrary here (the generator uses content hashes). "b\"2" holds escapes and a
// brace inside a string, which the index must step over.
const char* kStore = R"({
  "e1": {"allOf": [{"$ref": "#/definitions/x.Thing"}],
         "properties": {"apiVersion": {"enum": ["v1"]}, "kind": {"enum": ["Thing"]}},
         "required": ["apiVersion", "kind"]},
  "b1": {"additionalProperties": false, "type": "object",
         "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                        "spec": {"$ref": "#/definitions/x.Spec"},
                        "note": {"type": "string", "pattern": "^[^\"{]*$"}}},
  "b2": {"additionalProperties": false, "type": "object", "required": ["size"],
         "properties": {"size": {"type": "integer"},
                        "parts": {"type": "array", "items": {"$ref": "#/definitions/x.Part"}},
                        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                        "unused": {"$ref": "#/definitions/x.Unused"}}},
  "b3": {"additionalProperties": false, "type": "object",
         "properties": {"name": {"type": "string"}, "next": {"$ref": "#/definitions/x.Part"}}},
  "b4": {"type": "object", "not": {"required": ["forbidden"]},
         "properties": {"deep": {"$ref": "#/definitions/x.Deep"}}},
  "b5": {"type": "boolean"}
})";

const char* kTable = R"({"definitions": {"x.Thing": "b1", "x.Spec": "b2", "x.Part": "b3",
                                         "x.Unused": "b4", "x.Deep": "b5"},
                         "kinds": {"v1": {"Thing": "e1"}, "x/v2": {"Thing": "e1"}}})";

TEST(SchemaStoreTest, ThawsBodiesOnDemand) {
  SchemaStore store(kStore);
  EXPECT_EQ(store.size(), 6u);
  EXPECT_EQ(store.parsed(), 0u);
  ASSERT_NE(store.Body("b1"), nullptr);
  EXPECT_EQ((*store.Body("b1"))["properties"]["note"]["pattern"], "^[^\"{]*$");
  EXPECT_EQ(store.parsed(), 1u);
  EXPECT_EQ(store.Body("nope"), nullptr);
  EXPECT_EQ(store.Body(""), nullptr);
}

// The frozen images embedded at build time hold exactly what parsing the JSON text gives, and
// the catalog reads the embedded store and tables as the text-built ones.
TEST(FrozenBundleTest, EveryEmbeddedJsonImageIsWhatParsingGives) {
  int files = 0;
  for (const EmbeddedFile& image : EmbeddedImages()) {
    std::string_view path = image.path;
    if (path.substr(path.size() - 5) != ".json") continue;
    SCOPED_TRACE(std::string(path));
    ++files;
    ASSERT_TRUE(IsFrozenJson(image.contents));
    json parsed = json::parse(EmbeddedText(path));
    json thawed = ThawJson<json>(FrozenJson::Root(image.contents));
    EXPECT_EQ(thawed.dump(), parsed.dump());
  }
  EXPECT_GE(files, 12);  // 9 versions, crds, store, 2 bundled schemas
}

TEST(FrozenBundleTest, StoreAndTableFromAnImage) {
  std::string store_image = FreezeJson(json::parse(kStore));
  std::string table_image = FreezeJson(json::parse(kTable));
  SchemaStore store(FrozenJson::Root(store_image));
  SchemaTable table(FrozenJson::Root(table_image));
  EXPECT_EQ(store.size(), 6u);
  EXPECT_EQ(table.DefinitionId("x.Spec"), "b2");
  EXPECT_EQ(table.KindId("x/v2", "Thing"), "e1");
  EXPECT_EQ(table.KindId("x/v2", "Other"), "");
  EXPECT_TRUE(store.Frozen("b5").is_object());
  EXPECT_FALSE(store.Frozen("b9").present());
  EXPECT_EQ(*store.Body("b5"), json::parse(R"({"type": "boolean"})"));
  EXPECT_EQ(table.ApiVersionsOf("Thing"), (std::vector<std::string>{"v1", "x/v2"}));
}

TEST(SchemaStoreTest, MalformedTextGivesAnEmptyStore) {
  for (const char* text : {"", "[1]", R"({"a": {"b": 1})", R"({"a" 1})", R"({"a": "x)"}) {
    EXPECT_EQ(SchemaStore(text).size(), 0u) << text;
  }
  EXPECT_EQ(SchemaStore("{}").size(), 0u);
}

TEST(SchemaTableTest, KindsAndDefinitions) {
  SchemaTable table(kTable);
  EXPECT_EQ(table.KindId("v1", "Thing"), "e1");
  EXPECT_EQ(table.KindId("v1", "ThingList"), "");
  EXPECT_EQ(table.KindId("v2", "Thing"), "");
  EXPECT_EQ(table.DefinitionId("x.Part"), "b3");
  EXPECT_EQ(table.DefinitionId("x.Nope"), "");
  EXPECT_EQ(table.ApiVersionsOf("Thing"), (std::vector<std::string>{"v1", "x/v2"}));
}

TEST(AssembleKindTest, TheEntryWithEveryDefinitionItReaches) {
  SchemaStore store(kStore);
  SchemaTable table(kTable);
  std::optional<json> doc = AssembleKind(store, table, "v1", "Thing", false);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ((*doc)["$schema"], "http://json-schema.org/draft-07/schema#");
  std::vector<std::string> names;
  for (const auto& [name, body] : (*doc)["definitions"].items()) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"x.Deep", "x.Part", "x.Spec", "x.Thing", "x.Unused"}));
  EXPECT_EQ((*doc)["definitions"]["x.Spec"]["additionalProperties"], false);
  EXPECT_FALSE(AssembleKind(store, table, "v1", "Other", false).has_value());
}

TEST(AssembleKindTest, LooseDropsOnlyTheClosingMarker) {
  SchemaStore store(kStore);
  std::optional<json> doc = AssembleKind(store, SchemaTable(kTable), "v1", "Thing", true);
  ASSERT_TRUE(doc.has_value());
  EXPECT_FALSE((*doc)["definitions"]["x.Spec"].contains("additionalProperties"));
  EXPECT_EQ((*doc)["definitions"]["x.Spec"]["properties"]["labels"]["additionalProperties"],
            json({{"type", "string"}}));
}

TEST(AssembleKindTest, AMissingDefinitionIsNoSchema) {
  SchemaStore store(kStore);
  SchemaTable table(R"({"definitions": {"x.Thing": "b1"}, "kinds": {"v1": {"Thing": "e1"}}})");
  EXPECT_FALSE(AssembleKind(store, table, "v1", "Thing", false).has_value());
}

std::string Verdict(const json& schema, const json& instance) {
  CompiledSchema compiled(schema);
  std::string out = compiled.Valid(instance) ? "valid" : "invalid";
  for (const SchemaViolation& v : compiled.Check(instance))
    out += "; " + v.pointer + " " + v.message;
  return out;
}

TEST(AssembleForObjectTest, KeepsOnlyWhatTheObjectReaches) {
  SchemaStore store(kStore);
  SchemaTable table(kTable);
  json object = json::parse(R"({"apiVersion": "v1", "kind": "Thing", "spec": {"size": 1}})");
  std::optional<json> doc = AssembleForObject(store, table, "v1", "Thing", false, object);
  ASSERT_TRUE(doc.has_value());
  EXPECT_FALSE((*doc)["definitions"].contains("x.Part"));
  EXPECT_FALSE((*doc)["definitions"].contains("x.Unused"));
  EXPECT_EQ((*doc)["definitions"]["x.Spec"]["properties"]["parts"], json::object());
  EXPECT_EQ((*doc)["definitions"]["x.Spec"]["additionalProperties"], false);  // still closed
}

TEST(AssembleForObjectTest, KeepsNotWhole) {
  SchemaStore store(kStore);
  json object = json::parse(R"({"apiVersion": "v1", "kind": "Thing", "spec": {"size": 1,
                                "unused": {"deep": true}}})");
  std::optional<json> doc =
      AssembleForObject(store, SchemaTable(kTable), "v1", "Thing", false, object);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ((*doc)["definitions"]["x.Unused"], *store.Body("b4"));
  EXPECT_TRUE((*doc)["definitions"].contains("x.Deep"));
}

// The pruned schema judges its object exactly as the whole one does.
TEST(AssembleForObjectTest, SameVerdictsAndMessagesAsTheWholeSchema) {
  SchemaStore store(kStore);
  SchemaTable table(kTable);
  for (const char* text : {
           R"({"apiVersion": "v1", "kind": "Thing", "spec": {"size": 1}})",
           R"({"apiVersion": "v1", "kind": "Thing", "spec": {"size": "1", "extra": 2}})",
           R"({"apiVersion": "v1", "kind": "Thing", "spec": {"parts": [{"name": "a",
               "next": {"name": 5, "next": {"oops": 1}}}]}})",
           R"({"apiVersion": "v1", "kind": "Thing", "spec": {"size": 1, "labels": {"a": 1}}})",
           R"({"apiVersion": "v1", "kind": "Thing", "note": "a{b", "spec": 3})",
           R"({"apiVersion": "v1", "kind": "Thing", "spec": {"size": 1,
               "unused": {"forbidden": 1, "deep": 2}}})",
       }) {
    json object = json::parse(text);
    for (bool loose : {false, true}) {
      std::optional<json> whole = AssembleKind(store, table, "v1", "Thing", loose);
      std::optional<json> pruned = AssembleForObject(store, table, "v1", "Thing", loose, object);
      ASSERT_TRUE(whole && pruned);
      EXPECT_EQ(Verdict(*pruned, object), Verdict(*whole, object)) << text << " loose=" << loose;
    }
  }
}

}  // namespace
}  // namespace lr
