// The document model: trees with positions, helm's YAML rules, refusals at their line.
#include "render/load.h"

#include <cmath>

#include <gtest/gtest.h>

namespace lr {
namespace {

std::optional<Document> Load(const std::string& text, Diagnostics* diags) {
  return LoadValuesFile("values.yaml", text, LoadOptions{}, diags);
}

std::vector<std::string> Errors(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.Sorted()) out.push_back(FormatText(d));
  return out;
}

std::string FirstError(const std::string& text, const LoadOptions& options = LoadOptions{}) {
  Diagnostics diags;
  EXPECT_FALSE(LoadValuesFile("values.yaml", text, options, &diags).has_value()) << text;
  EXPECT_TRUE(diags.HasErrors()) << text;
  return diags.all().empty() ? "" : FormatText(diags.Sorted()[0]);
}

// "line:col" of a key or value, "none" when the pointer has no position.
std::string At(const Document& doc, const std::string& pointer, bool key) {
  const NodePos* p = doc.Find(pointer);
  if (p == nullptr) return "none";
  const SourcePos& s = key ? p->key : p->value;
  return std::to_string(s.line) + ":" + std::to_string(s.col);
}

TEST(LoadTest, PositionsOfKeysAndValues) {
  Diagnostics diags;
  auto doc = Load(R"(agent:
  labels:
    team: ml
list:
  - a
  - b
envs:
  - name: A
    value: "1"
)",
                  &diags);
  ASSERT_TRUE(doc);
  EXPECT_TRUE(diags.all().empty());
  EXPECT_EQ(doc->file, "values.yaml");
  EXPECT_EQ(At(*doc, "", true), "1:1");
  EXPECT_EQ(At(*doc, "/agent", true), "1:1");
  EXPECT_EQ(At(*doc, "/agent", false), "2:3");
  EXPECT_EQ(At(*doc, "/agent/labels", true), "2:3");
  EXPECT_EQ(At(*doc, "/agent/labels/team", true), "3:5");
  EXPECT_EQ(At(*doc, "/agent/labels/team", false), "3:11");
  // Sequence items: the key position is the item itself.
  EXPECT_EQ(At(*doc, "/list/0", true), "5:5");
  EXPECT_EQ(At(*doc, "/list/1", true), "6:5");
  EXPECT_EQ(At(*doc, "/list/1", false), "6:5");
  EXPECT_EQ(At(*doc, "/envs/0", false), "8:5");
  EXPECT_EQ(At(*doc, "/envs/0/name", true), "8:5");
  EXPECT_EQ(At(*doc, "/envs/0/value", true), "9:5");
  EXPECT_EQ(At(*doc, "/envs/0/value", false), "9:12");  // the opening quote
  EXPECT_EQ(At(*doc, "/list/2", true), "none");
  EXPECT_EQ(doc->Locate("/agent/labels/missing").line, 2);  // closest existing ancestor
  EXPECT_TRUE(doc->Find("/agent")->user);
  EXPECT_EQ(doc->Find("/agent")->key.file, "values.yaml");
}

TEST(LoadTest, PositionsOfFlowAndBlockScalars) {
  Diagnostics diags;
  auto doc = Load("m: {x: 1, y: [a, b]}\ns: |\n  text\n  more\nf: >-\n  folded\n", &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(At(*doc, "/m", false), "1:4");
  EXPECT_EQ(At(*doc, "/m/x", true), "1:5");
  EXPECT_EQ(At(*doc, "/m/x", false), "1:8");
  EXPECT_EQ(At(*doc, "/m/y/1", false), "none");  // the key y is the boolean true
  EXPECT_EQ(At(*doc, "/m/true/1", false), "1:18");
  EXPECT_EQ(At(*doc, "/s", false), "2:4");  // the | indicator
  EXPECT_EQ(At(*doc, "/f", false), "5:4");
  EXPECT_EQ(doc->root["s"], "text\nmore\n");
  EXPECT_EQ(doc->root["f"], "folded");
}

TEST(LoadTest, KeysWithSlashesAreEscapedInPointers) {
  Diagnostics diags;
  auto doc = Load("labels:\n  app.kubernetes.io/name: x\n  a~b: y\n", &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(At(*doc, "/labels/app.kubernetes.io~1name", true), "2:3");
  EXPECT_EQ(At(*doc, "/labels/a~0b", false), "3:8");
}

TEST(LoadTest, UserFlagFollowsOptions) {
  LoadOptions options;
  options.user = false;
  Diagnostics diags;
  auto doc = LoadValuesFile("defaults.yaml", "a:\n  b: 1\n", options, &diags);
  ASSERT_TRUE(doc);
  EXPECT_FALSE(doc->Find("")->user);
  EXPECT_FALSE(doc->Find("/a/b")->user);
}

TEST(LoadTest, DuplicateKeyIsAnErrorAtItsLine) {
  EXPECT_EQ(FirstError("a: 1\nb: 2\na: 3\n"),
            "values.yaml:3:1: error: a: duplicate key \"a\" (first defined at line 1) [yaml]");
}

TEST(LoadTest, NestedDuplicateKeyNamesItsPath) {
  EXPECT_EQ(FirstError("agent:\n  labels:\n    x: 1\n    y: 2\n    x: 3\n"),
            "values.yaml:5:5: error: agent.labels.x: duplicate key \"x\" (first defined at line "
            "3) [yaml]");
}

TEST(LoadTest, DuplicateInFlowMappingAndJson) {
  EXPECT_EQ(FirstError("m: {a: 1, a: 2}\n"),
            "values.yaml:1:11: error: m.a: duplicate key \"a\" (first defined at line 1) [yaml]");
  EXPECT_EQ(FirstError("{\"a\": 1,\n \"a\": 2}"),
            "values.yaml:2:2: error: a: duplicate key \"a\" (first defined at line 1) [yaml]");
}

TEST(LoadTest, KeysThatResolveAlikeAreDuplicates) {
  // go-yaml v2 reads both y and true as the boolean true.
  EXPECT_EQ(FirstError("y: 1\ntrue: 2\n"),
            "values.yaml:2:1: error: true: duplicate key \"true\" (first defined at line 1) "
            "[yaml]");
}

TEST(LoadTest, EveryDuplicateIsReported) {
  Diagnostics diags;
  EXPECT_FALSE(Load("a: 1\na: 2\nb: 1\nb: 2\n", &diags));
  EXPECT_EQ(diags.errors(), 2);
  EXPECT_EQ(
      Errors(diags),
      (std::vector<std::string>{
          "values.yaml:2:1: error: a: duplicate key \"a\" (first defined at line 1) [yaml]",
          "values.yaml:4:1: error: b: duplicate key \"b\" (first defined at line 3) [yaml]"}));
}

TEST(LoadTest, AnchorsAliasesAndMergeKeys) {
  Diagnostics diags;
  auto doc = Load(R"(base: &b {p: 1, q: 2}
c:
  <<: *b
  q: 3
d: *b
list: &l [x, y]
again: *l
)",
                  &diags);
  ASSERT_TRUE(doc);
  EXPECT_TRUE(diags.all().empty());
  EXPECT_EQ(doc->root["c"], (Json{{"p", 1}, {"q", 3}}));
  EXPECT_EQ(doc->root["d"], (Json{{"p", 1}, {"q", 2}}));
  EXPECT_EQ(doc->root["again"], (Json{"x", true}));  // y is a boolean for helm
  EXPECT_FALSE(doc->root["c"].contains("<<"));
}

TEST(LoadTest, MergeKeyExplicitKeysWinWhereverTheyAre) {
  Diagnostics diags;
  auto doc = Load("base: &b {p: 1, q: 2}\nc:\n  q: 3\n  <<: *b\n", &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root["c"]["q"], 3);
  EXPECT_EQ(doc->root["c"]["p"], 1);
}

TEST(LoadTest, MergeKeyListFirstSourceWins) {
  Diagnostics diags;
  auto doc = Load(R"(one: &one {a: 1, b: 1}
two: &two {b: 2, c: 2}
m:
  <<: [*one, *two]
  c: 3
)",
                  &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root["m"], (Json{{"a", 1}, {"b", 1}, {"c", 3}}));
}

TEST(LoadTest, MergeKeyNeedsAMapping) {
  EXPECT_EQ(FirstError("m:\n  <<: 5\n"),
            "values.yaml:2:7: error: m: the merge key << needs a mapping or a list of mappings "
            "[yaml]");
}

TEST(LoadTest, KeysFollowHelmScalarRulesToo) {
  Diagnostics diags;
  auto doc = Load("y: 1\n1: 2\n1.5: 3\n~: 4\n\"y\": 5\n", &diags);  // go-yaml v2 reads y as true
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root.dump(), R"({"true":1,"1":2,"1.5":3,"null":4,"y":5})");
}

TEST(LoadTest, HelmScalarRules) {
  Diagnostics diags;
  auto doc = Load(R"(a: y
b: 0123
c: 1e3
d: "0123"
e: !!str 12
f: 'on'
g: 1_000
h: 0x1F
i: ~
j:
k: 2024-01-02
l: !!float 3
m: !!int "7"
big: 1e400
)",
                  &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root["a"], true);
  EXPECT_EQ(doc->root["b"], 83);
  EXPECT_TRUE(doc->root["c"].is_number_float());
  EXPECT_EQ(doc->root["c"], 1000.0);
  EXPECT_EQ(doc->root["d"], "0123");
  EXPECT_EQ(doc->root["e"], "12");
  EXPECT_EQ(doc->root["f"], "on");
  EXPECT_EQ(doc->root["g"], 1000);
  EXPECT_EQ(doc->root["h"], 31);
  EXPECT_EQ(doc->root["i"], nullptr);
  EXPECT_EQ(doc->root["j"], nullptr);
  EXPECT_EQ(doc->root["k"], "2024-01-02");
  EXPECT_TRUE(doc->root["l"].is_number_float());
  EXPECT_EQ(doc->root["l"], 3.0);
  EXPECT_EQ(doc->root["m"], 7);
  EXPECT_EQ(doc->root["big"], "1e400");  // float64 overflow: go-yaml v2 keeps the string
}

TEST(LoadTest, PyYamlDialect) {
  LoadOptions options;
  options.dialect = YamlDialect::kPyYaml;
  Diagnostics diags;
  auto doc =
      LoadValuesFile("c.yaml", "a: y\nb: 1e3\nc: 1:20\nd: yes\ne: 1.0e+3\n", options, &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root, (Json{{"a", "y"}, {"b", "1e3"}, {"c", 80}, {"d", true}, {"e", 1000.0}}));
}

TEST(LoadTest, BadTagsAreErrors) {
  EXPECT_EQ(FirstError("a: !!int abc\n"),
            "values.yaml:1:4: error: a: cannot read \"abc\" as !!int [yaml]");
  EXPECT_EQ(FirstError("a: !custom x\n"),
            "values.yaml:1:4: error: a: unsupported tag \"!custom\" [yaml]");
}

TEST(LoadTest, MultipleDocumentsAreRefused) {
  EXPECT_EQ(FirstError("a: 1\n---\nb: 2\n"),
            "values.yaml:3:1: error: a values file must hold one YAML document, found 2 [yaml]");
  EXPECT_EQ(FirstError("---\na: 1\n---\nb: 2\n---\nc: 3\n"),
            "values.yaml:4:1: error: a values file must hold one YAML document, found 3 [yaml]");
}

TEST(LoadTest, LeadingDocumentMarkerIsOneDocument) {
  Diagnostics diags;
  auto doc = Load("---\na: 1\n", &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root, (Json{{"a", 1}}));
  EXPECT_EQ(At(*doc, "/a", true), "2:1");
}

TEST(LoadTest, EmptyAndCommentOnlyFilesAreEmptyMaps) {
  for (const char* text : {"", "# nothing\n", "\n\n", "---\n", "~\n"}) {
    Diagnostics diags;
    auto doc = Load(text, &diags);
    ASSERT_TRUE(doc) << text;
    EXPECT_EQ(doc->root, Json::object()) << text;
    EXPECT_TRUE(doc->root.is_object()) << text;
    EXPECT_EQ(At(*doc, "", true), "1:1") << text;
    EXPECT_TRUE(diags.all().empty()) << text;
  }
}

TEST(LoadTest, CrlfIsAccepted) {
  Diagnostics diags;
  auto crlf = Load("a: 1\r\nb:\r\n  c: x\r\n  d: |\r\n    l1\r\n    l2\r\n", &diags);
  ASSERT_TRUE(crlf);
  EXPECT_EQ(crlf->root, (Json{{"a", 1}, {"b", {{"c", "x"}, {"d", "l1\nl2\n"}}}}));
  EXPECT_EQ(At(*crlf, "/b/c", true), "3:3");
  EXPECT_EQ(At(*crlf, "/b/c", false), "3:6");
}

TEST(LoadTest, JsonIsAccepted) {
  Diagnostics diags;
  auto json = Load(R"({"a": [1, "2", 1.5, true], "b": null, "c": {"d": "<x>"}})", &diags);
  ASSERT_TRUE(json);
  EXPECT_EQ(json->root, (Json{{"a", {1, "2", 1.5, true}}, {"b", nullptr}, {"c", {{"d", "<x>"}}}}));
  EXPECT_EQ(At(*json, "/c/d", true), "1:45");
  EXPECT_EQ(At(*json, "/a/1", false), "1:11");
}

TEST(LoadTest, MappingOrderIsKept) {
  Diagnostics diags;
  auto doc = Load("z: 1\na: 2\nm: 3\n", &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root.dump(), R"({"z":1,"a":2,"m":3})");
}

TEST(LoadTest, RootMustBeAMapping) {
  EXPECT_EQ(FirstError("- a\n"),
            "values.yaml:1:1: error: a values file must be a mapping, got array [yaml]");
  EXPECT_EQ(FirstError("just text\n"),
            "values.yaml:1:1: error: a values file must be a mapping, got string [yaml]");
}

TEST(LoadTest, UnterminatedQuoteIsAnError) {
  EXPECT_EQ(FirstError("a: \"abc\nb: 1\n"),
            "values.yaml:1:4: error: a: unterminated quoted string: no closing \" [yaml]");
  EXPECT_EQ(FirstError("a: 1\nb: 'it''s\n"),
            "values.yaml:2:4: error: b: unterminated quoted string: no closing ' [yaml]");
}

TEST(LoadTest, ClosedQuotesWithEscapesAreFine) {
  Diagnostics diags;
  auto doc = Load("a: \"x\\\"y\"\nb: 'it''s'\n", &diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root["a"], "x\"y");
  EXPECT_EQ(doc->root["b"], "it's");
}

TEST(LoadTest, SyntaxErrorsAreLocated) {
  Diagnostics diags;
  EXPECT_FALSE(Load("a: [1, 2\n", &diags));
  ASSERT_EQ(diags.errors(), 1);
  EXPECT_EQ(diags.all()[0].rule, "yaml");
  EXPECT_EQ(diags.all()[0].pos.file, "values.yaml");
  EXPECT_GE(diags.all()[0].pos.line, 1);
}

TEST(LoadTest, InvalidUtf8IsAnErrorAtItsPosition) {
  EXPECT_EQ(FirstError("a: 1\nb: \xff\n"), "values.yaml:2:4: error: invalid UTF-8 [yaml]");
  // Columns count characters, not bytes.
  EXPECT_EQ(FirstError("a: \xc3\xa9\xc3\xa9\xc0\x80\n"),
            "values.yaml:1:6: error: invalid UTF-8 [yaml]");
}

TEST(LoadTest, FindInvalidUtf8Table) {
  struct Row {
    std::string text;
    int line;  // 0: valid
    int col;
  };
  const Row rows[] = {
      {"", 0, 0},
      {"plain ascii\n", 0, 0},
      {"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 0, 0},  // é € 😀
      {"\xef\xbf\xbf", 0, 0},                            // U+FFFF is valid UTF-8
      {"\xff", 1, 1},
      {"ab\x80", 1, 3},            // lone continuation byte
      {"\xc0\xaf", 1, 1},          // overlong '/'
      {"\xe0\x80\xaf", 1, 1},      // overlong, 3 bytes
      {"\xed\xa0\x80", 1, 1},      // surrogate U+D800
      {"\xf4\x90\x80\x80", 1, 1},  // above U+10FFFF
      {"\xf8\x88\x80\x80\x80", 1, 1},
      {"x\n\ny\xe2\x82", 3, 2},  // truncated at the end
      {"\xc3(", 1, 1},           // bad continuation
  };
  for (const Row& r : rows) {
    auto bad = FindInvalidUtf8("f", r.text);
    if (r.line == 0) {
      EXPECT_FALSE(bad.has_value()) << testing::PrintToString(r.text);
    } else {
      ASSERT_TRUE(bad.has_value()) << testing::PrintToString(r.text);
      EXPECT_EQ(bad->file, "f");
      EXPECT_EQ(bad->line, r.line) << testing::PrintToString(r.text);
      EXPECT_EQ(bad->col, r.col) << testing::PrintToString(r.text);
    }
  }
}

TEST(LoadTest, NulByteIsAnError) {
  EXPECT_EQ(FirstError(std::string("a: 1\0\n", 6)),
            "values.yaml: error: file contains a NUL byte [yaml]");
}

TEST(LoadTest, DepthLimit) {
  LoadOptions options;
  options.limits.max_depth = 3;
  EXPECT_EQ(FirstError("a: {b: {c: {d: 1}}}\n", options),
            "values.yaml:1:16: error: nesting deeper than 3 levels [yaml]");
  Diagnostics diags;
  EXPECT_TRUE(LoadValuesFile("v.yaml", "a: {b: {c: 1}}\n", options, &diags));
  EXPECT_FALSE(diags.HasErrors());
  EXPECT_EQ(FirstError("a: [[[[1]]]]\n", options),
            "values.yaml:1:7: error: nesting deeper than 3 levels [yaml]");
}

TEST(LoadTest, DefaultDepthLimitStopsDeepNesting) {
  std::string deep = "a: " + std::string(300, '[') + std::string(300, ']') + "\n";
  EXPECT_EQ(FirstError(deep).substr(0, 25), "values.yaml:1:204: error:");
  EXPECT_NE(FirstError(deep).find("nesting deeper than 200 levels"), std::string::npos);
}

TEST(LoadTest, AliasExpansionLimit) {
  LoadOptions options;
  options.limits.max_nodes = 20;
  // root + a + 5 items = 7 nodes; b + 4 aliases * 6 = 25 more.
  const std::string text = "a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a, *a]\n";
  Diagnostics diags;
  EXPECT_FALSE(LoadValuesFile("v.yaml", text, options, &diags));
  ASSERT_EQ(diags.errors(), 1);  // reported once, not once per extra node
  EXPECT_EQ(diags.all()[0].message,
            "document expands to more than 20 nodes (alias expansion limit)");
  options.limits.max_nodes = 32;
  Diagnostics ok;
  auto doc = LoadValuesFile("v.yaml", text, options, &ok);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root["b"][3], (Json{1, 2, 3, 4, 5}));
  options.limits.max_nodes = 31;
  Diagnostics over;
  EXPECT_FALSE(LoadValuesFile("v.yaml", text, options, &over));
}

TEST(LoadTest, BillionLaughsIsStopped) {
  const std::string text = R"(a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
)";
  Diagnostics diags;
  EXPECT_FALSE(Load(text, &diags));
  ASSERT_EQ(diags.errors(), 1);
  EXPECT_EQ(diags.all()[0].message,
            "document expands to more than 200000 nodes (alias expansion limit)");
}

TEST(LoadTest, SizeLimits) {
  LoadOptions options;
  options.limits.max_bytes = 4;
  EXPECT_EQ(FirstError("a: 12345\n", options),
            "values.yaml: error: file is larger than 4 bytes [yaml]");
  options = LoadOptions{};
  options.limits.max_scalar_bytes = 3;
  EXPECT_EQ(FirstError("a: abc\nb: abcd\n", options),
            "values.yaml:2:4: error: b: scalar longer than 3 bytes [yaml]");
}

TEST(LoadTest, DocumentCountLimit) {
  LoadOptions options;
  options.limits.max_documents = 2;
  Diagnostics diags;
  EXPECT_FALSE(LoadStream("s.yaml", "a: 1\n---\nb: 2\n---\nc: 3\n", options, &diags));
  EXPECT_EQ(Errors(diags),
            (std::vector<std::string>{"s.yaml: error: more than 2 documents [yaml]"}));
}

TEST(LoadTest, LoadStreamKeepsEveryDocument) {
  Diagnostics diags;
  auto docs = LoadStream("s.yaml", "a: 1\n---\n- x\n---\nplain\n", LoadOptions{}, &diags);
  ASSERT_TRUE(docs);
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ((*docs)[0].root, (Json{{"a", 1}}));
  EXPECT_EQ((*docs)[1].root, (Json{"x"}));
  EXPECT_EQ((*docs)[2].root, "plain");
  EXPECT_EQ((*docs)[1].file, "s.yaml");
  EXPECT_EQ(At((*docs)[1], "/0", false), "3:3");
  EXPECT_EQ(At((*docs)[2], "", false), "5:1");
}

TEST(LoadTest, LoadStreamFailsWhenAnyDocumentFails) {
  Diagnostics diags;
  EXPECT_FALSE(LoadStream("s.yaml", "a: 1\n---\nb: 1\nb: 2\n", LoadOptions{}, &diags));
  EXPECT_EQ(Errors(diags),
            (std::vector<std::string>{
                "s.yaml:4:1: error: b: duplicate key \"b\" (first defined at line 3) [yaml]"}));
}

}  // namespace
}  // namespace lr
