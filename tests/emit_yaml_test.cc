// Tests for the YAML emitter: exact layout (tables), scalar styles, and round trips of
// tricky strings through yaml-cpp, read back the way go-yaml v2, PyYAML and a YAML 1.2
// core-schema reader would resolve the plain scalars.
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "render/emit.h"
#include "render/yaml_resolve.h"

namespace lr {
namespace {

// --- Readers -----------------------------------------------------------------------------

enum class Reader { kGoYamlV2, kPyYaml, kCore12 };

const char* ReaderName(Reader r) {
  return r == Reader::kGoYamlV2 ? "go-yaml v2" : r == Reader::kPyYaml ? "PyYAML" : "YAML 1.2";
}

bool OneOf(const std::string& s, std::initializer_list<const char*> options) {
  for (const char* o : options) {
    if (s == o) return true;
  }
  return false;
}

// Advances *i over characters of `set`; returns how many.
size_t Span(const std::string& s, size_t* i, std::string_view set = "0123456789") {
  const size_t start = *i;
  while (*i < s.size() && set.find(s[*i]) != std::string_view::npos) ++*i;
  return *i - start;
}

size_t SignLength(const std::string& s) { return !s.empty() && (s[0] == '-' || s[0] == '+'); }

// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
bool CoreInt(const std::string& s) {
  size_t i = 2;
  if (s.rfind("0o", 0) == 0) return Span(s, &i, "01234567") > 0 && i == s.size();
  if (s.rfind("0x", 0) == 0) return Span(s, &i, "0123456789abcdefABCDEF") > 0 && i == s.size();
  i = SignLength(s);
  return Span(s, &i) > 0 && i == s.size();
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool CoreFloat(const std::string& s) {
  size_t i = SignLength(s);
  const size_t whole = Span(s, &i);
  const bool dot = i < s.size() && s[i] == '.';
  const size_t frac = dot ? (++i, Span(s, &i)) : 0;
  if (whole == 0 && frac == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (Span(s, &i) == 0) return false;
  }
  return i == s.size();
}

// YAML 1.2 core schema (what a spec-following YAML 1.2 reader resolves).
Json ResolveCore12(const std::string& s) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (OneOf(s, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (OneOf(s, {"true", "True", "TRUE"})) return true;
  if (OneOf(s, {"false", "False", "FALSE"})) return false;
  if (CoreInt(s)) {
    if (s.rfind("0o", 0) == 0) return std::strtoll(s.c_str() + 2, nullptr, 8);
    if (s.rfind("0x", 0) == 0) return std::strtoll(s.c_str() + 2, nullptr, 16);
    return std::strtoll(s.c_str(), nullptr, 10);
  }
  if (CoreFloat(s)) return std::strtod(s.c_str(), nullptr);
  if (OneOf(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) return kInf;
  if (OneOf(s, {"-.inf", "-.Inf", "-.INF"})) return -kInf;
  if (OneOf(s, {".nan", ".NaN", ".NAN"})) return std::nan("");
  return s;
}

Json ResolvePlain(const std::string& text, Reader reader) {
  switch (reader) {
    case Reader::kGoYamlV2:
      return ResolveGoYamlV2(text);
    case Reader::kPyYaml:
      return ResolvePyYaml(text);
    case Reader::kCore12:
      break;
  }
  return ResolveCore12(text);
}

// The tree yaml-cpp parsed, with plain scalars resolved as `reader` would; quoted and
// block scalars (tag "!") are strings for every reader.
Json FromYaml(const YAML::Node& node, Reader reader) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return nullptr;
    case YAML::NodeType::Scalar:
      return node.Tag() == "!" ? Json(node.Scalar()) : ResolvePlain(node.Scalar(), reader);
    case YAML::NodeType::Sequence: {
      Json list = Json::array();
      for (const YAML::Node& item : node) list.push_back(FromYaml(item, reader));
      return list;
    }
    case YAML::NodeType::Map: {
      Json map = Json::object();
      for (const auto& kv : node) {
        const Json key = FromYaml(kv.first, reader);
        EXPECT_TRUE(key.is_string()) << "key read as " << key.dump();
        map[key.is_string() ? key.get<std::string>() : key.dump()] = FromYaml(kv.second, reader);
      }
      return map;
    }
    case YAML::NodeType::Undefined:
      break;
  }
  ADD_FAILURE() << "undefined node";
  return nullptr;
}

// Emits `value`, parses it back and checks every reader sees the same tree.
void ExpectRoundTrip(const Json& value) {
  const std::string yaml = EmitYamlValue(value);
  YAML::Node node;
  try {
    node = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    ADD_FAILURE() << e.what() << "\n" << yaml;
    return;
  }
  for (Reader reader : {Reader::kGoYamlV2, Reader::kPyYaml, Reader::kCore12}) {
    EXPECT_EQ(FromYaml(node, reader), value) << ReaderName(reader) << " reading:\n" << yaml;
  }
}

// --- Layout --------------------------------------------------------------------------------

struct LayoutRow {
  const char* name;
  const char* json;
  const char* yaml;
};

TEST(EmitYamlTest, LayoutTable) {
  const std::vector<LayoutRow> rows = {
      {"nested mapping", R"({"a":1,"b":{"c":"x","d":{"e":"v"}}})",
       "a: 1\nb:\n  c: x\n  d:\n    e: v\n"},
      {"sequence not indented", R"({"l":["a","b"]})", "l:\n- a\n- b\n"},
      {"sequence of mappings", R"({"env":[{"name":"x","value":"v"}]})",
       "env:\n- name: x\n  value: v\n"},
      {"nested sequences", R"([["a","b"],["c"]])", "- - a\n  - b\n- - c\n"},
      {"deep compact", R"([{"a":[{"b":1,"c":[[2]]}]}])", "- a:\n  - b: 1\n    c:\n    - - 2\n"},
      {"empties", R"({"e":{},"l":[],"z":null,"s":""})", "e: {}\nl: []\nz: null\ns: \"\"\n"},
      {"empties in list", R"([{},[],null])", "- {}\n- []\n- null\n"},
      {"scalars", R"({"t":true,"f":false,"i":-3,"u":18446744073709551615,"z":0})",
       "t: true\nf: false\ni: -3\nu: 18446744073709551615\nz: 0\n"},
      {"tree order kept", R"({"z":1,"a":2,"m":3})", "z: 1\na: 2\nm: 3\n"},
      {"empty map", "{}", "{}\n"},
      {"empty list", "[]", "[]\n"},
      {"null", "null", "null\n"},
      {"top scalar", R"("x")", "x\n"},
      {"top literal", R"("a\nb\n")", "|\n  a\n  b\n"},
      {"top literal needing indicator", R"(" a\nb\n")", "\" a\\nb\\n\"\n"},
      {"literal under key", R"({"k":"a\nb"})", "k: |-\n  a\n  b\n"},
      {"literal in list", R"({"k":["a\nb"]})", "k:\n- |-\n  a\n  b\n"},
      {"literal in compact mapping", R"([{"k":"a\nb\n"}])", "- k: |\n    a\n    b\n"},
      {"literal in nested list", R"([["a\nb"]])", "- - |-\n    a\n    b\n"},
      {"quoted keys", R"({"on":1,"123":2,"a: b":3,"":4,"-x":5,"#c":6,"y":7,"a\nb":8})",
       "\"on\": 1\n\"123\": 2\n\"a: b\": 3\n\"\": 4\n-x: 5\n\"#c\": 6\n\"y\": 7\n\"a\\nb\": 8\n"},
  };
  for (const LayoutRow& row : rows) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(EmitYamlValue(Json::parse(row.json)), row.yaml);
  }
}

// --- Scalar styles -------------------------------------------------------------------------

struct StyleRow {
  std::string value;
  std::string yaml;  // what follows "k:"
};

TEST(EmitYamlTest, StringStyleTable) {
  const std::vector<StyleRow> rows = {
      {"abc", " abc\n"},
      {"a b-c_d.e/f", " a b-c_d.e/f\n"},
      {"http://x:80/a?b#c", " http://x:80/a?b#c\n"},
      {"a\"b", " a\"b\n"},
      {"日本語", " 日本語\n"},
      {"", " \"\"\n"},
      {"true", " \"true\"\n"},
      {"y", " \"y\"\n"},
      {"0123", " \"0123\"\n"},
      {"1e3", " \"1e3\"\n"},
      {"2024-01-01", " \"2024-01-01\"\n"},
      {"- a", " \"- a\"\n"},
      {"a: b", " \"a: b\"\n"},
      {"a\\b", " a\\b\n"},
      {"'q'", " \"'q'\"\n"},
      {"\"q\"", " \"\\\"q\\\"\"\n"},
      {"multi\nline\n", " |\n  multi\n  line\n"},
      {"multi\nline", " |-\n  multi\n  line\n"},
      {"trail\n\n", " |+\n  trail\n\n"},
      {"trail\n\n\n", " |+\n  trail\n\n\n"},
      {" lead\nline\n", " |2\n   lead\n  line\n"},
      {"\tlead\nline", " |2-\n  \tlead\n  line\n"},
      {"\n\nx", " |-\n\n\n  x\n"},
      {"a\n\nb  \n", " |\n  a\n\n  b  \n"},
      {"\n", " \"\\n\"\n"},
      {"\n\n", " \"\\n\\n\"\n"},
      {"a\r\nb", " \"a\\r\\nb\"\n"},
      {"tab\tin", " \"tab\\tin\"\n"},
      {"\001ctl", " \"\\x01ctl\"\n"},
      {std::string("nul\0", 4), " \"nul\\0\"\n"},
      {"del\x7f", " \"del\\x7F\"\n"},
      {"nel\xC2\x85", " \"nel\\x85\"\n"},
      {"c1\xC2\x80", " \"c1\\x80\"\n"},
      {"ls\xE2\x80\xA8", " \"ls\\u2028\"\n"},
      {"\uFEFFbom", " \"\\uFEFFbom\"\n"},
      {"nc\xEF\xBF\xBF", " \"nc\\uFFFF\"\n"},
      {"x\n\x01", " \"x\\n\\x01\"\n"},
      {"bad\xFF", " \"bad\xEF\xBF\xBD\"\n"},
  };
  for (const StyleRow& row : rows) {
    SCOPED_TRACE(Json(row.value).dump(-1, ' ', true, Json::error_handler_t::replace));
    EXPECT_EQ(EmitYamlValue(Json{{"k", row.value}}), "k:" + row.yaml);
  }
}

TEST(EmitYamlTest, NumberTable) {
  const std::vector<std::pair<Json, std::string>> rows = {
      {Json(1.5), "1.5"},
      {Json(3.0), "3.0"},
      {Json(-0.0), "-0.0"},
      {Json(100000.0), "100000.0"},
      {Json(1e6), "1.0e+06"},
      {Json(1.25e30), "1.25e+30"},
      {Json(1e-7), "1.0e-07"},
      {Json(0.0001), "0.0001"},
      {Json(std::numeric_limits<double>::infinity()), ".inf"},
      {Json(-std::numeric_limits<double>::infinity()), "-.inf"},
      {Json(std::nan("")), ".nan"},
      {Json(int64_t{-9223372036854775807 - 1}), "-9223372036854775808"},
  };
  for (const auto& [value, text] : rows) {
    SCOPED_TRACE(text);
    EXPECT_EQ(EmitYamlValue(value), text + "\n");
  }
}

// --- Round trips ---------------------------------------------------------------------------

// Strings that trip some reader when written plain, grouped by what makes them tricky.
std::vector<std::string> TrickyStrings() {
  // clang-format off
  std::vector<std::string> s = {
      // empty and blank
      "", " ", "  ", " \n ", "\t",
      // booleans and nulls in YAML 1.1 / 1.2 / go-yaml v2
      "true", "True", "FALSE", "yes", "Yes", "y", "Y", "n", "No", "NO", "on", "ON", "off", "Off",
      "null", "Null", "~", "~x",
      // numbers in some reader
      "0123", "0o17", "0x1F", "0x_1F", "0b101", "-0b1", "0b", "0x", "08", "0", "00", "-0", "+0",
      "-1", "+1", "+", "1e3", "1E3", "1e+3", "1.0e+3", "1.", "0.", ".5", "-.5", "1.5", "3.14",
      "1.5.6", "1-2", "1_000", "1_2:3", "1:20", "0:30", "12:30:45", "190:20:30", "1e400",
      ".inf", "+.inf", "-.inf", ".NaN", "nan", ".", "..",
      // dates (PyYAML)
      "2024-01-01", "2024-1-1", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
      "20240101",
      // indicators and document markers
      "-", "--", "---", "--- x", "...", ". x", "- a", "-a", "a: b", "a:b", "a:", "key:", "a: ",
      "a #b", "a#b", "#a", " #", "a\t#b", "?", "?x", ":x", "? x", "@x", "`x", "%YAML", "'q'",
      "\"q\"", "a'b", "a\"b", "a\\b", "'", "\"", "|", ">", "|-", "!tag", "!!str x", "&anchor",
      "*alias", "!", "&", "*", "=", "<<", "=x", "<<x", "<", "a,b", "[a]", "{a: b}", "a[b]{c}",
      ",x",
      // multi-line
      "multi\nline\n", "multi\nline", "trail\n\n", "trail\n\n\n", "a\n\n\n\nb\n\n",
      " lead\nline\n", "  lead\n line", "\tlead\nline", "\n", "\n\n", "\nlead", "\n lead",
      "\n\t\nx", "x\n\ty", "x\n ", "x\n\t", "  \n", "a\n  \n\n", "trailing  \nspaces  ",
      "# comment\nline", "line\n# not a comment", "x: y\nz", "- a\n- b\n", "---\nx",
      "a\n---\nb", "a\n...\n", "line with \"quotes\"\n", "back\\slash\n", "é\nü\n",
      // tabs, controls, breaks, BOM, non-characters
      "tab\tin", "\ttab", "tab\t", "\001ctl", std::string("nul\0x", 5), "\x1b[0m", "del\x7f",
      "a\r\nb", "a\rb", "cr\r", "nel\xC2\x85", "x\xC2\x85y\nz", "c1\xC2\x9F", "ls\xE2\x80\xA8",
      "ps\xE2\x80\xA9", "\uFEFFbom", "nc\xEF\xBF\xBE",
      // non-ASCII that stays plain
      "nbsp\xC2\xA0", "\xC2\xA0", "a\xC2\xA0: b", "日本語", "emoji \xF0\x9F\x98\x80",
      // ordinary Kubernetes values
      "k8s.io/name", "app.kubernetes.io/name", "wandb/launch-agent:0.17.0", "--flag=value",
      "a b", "a  b", "http://x:80/a?b#c",
  };
  // clang-format on
  s.push_back(std::string(300, 'x') + "\n" + std::string(300, 'y'));
  s.push_back(std::string(2000, 'a'));
  return s;
}

Json Contexts(const std::string& s) {
  Json tree = Json::object();
  tree["top"] = s;
  tree["nested"]["deeper"]["k"] = s;
  Json item = Json::object();
  item["k"] = s;
  item["k2"] = s;
  tree["list"] = Json::array({s, Json::array({s, Json::array({s})}), item});
  tree["keyed"][s] = s;
  tree["keyed"]["after"] = s;
  return tree;
}

TEST(EmitYamlTest, TrickyStringsRoundTripInEveryPosition) {
  const std::vector<std::string> strings = TrickyStrings();
  ASSERT_GE(strings.size(), 40u);
  for (const std::string& s : strings) {
    SCOPED_TRACE(Json(s).dump());
    ExpectRoundTrip(Contexts(s));
    ExpectRoundTrip(Json(s));
    ExpectRoundTrip(Json::array({s}));
  }
}

TEST(EmitYamlTest, AllTrickyStringsInOneTree) {
  Json tree = Json::object();
  Json list = Json::array();
  for (const std::string& s : TrickyStrings()) {
    tree[s] = s;
    list.push_back(s);
  }
  tree["__list"] = list;
  ExpectRoundTrip(tree);
}

TEST(EmitYamlTest, NonStringsRoundTrip) {
  ExpectRoundTrip(Json::parse(R"({
    "t": true, "f": false, "n": null, "i": 42, "neg": -7, "zero": 0,
    "big": 9223372036854775807, "small": -9223372036854775808,
    "f1": 1.5, "f2": 3.0, "f3": 1e6, "f4": 1e-7, "f5": -0.25, "f6": 1.25e30, "f7": 123456.0,
    "e1": {}, "e2": [], "mixed": [1, "1", true, "true", null, "null", 2.0, "2.0"]
  })"));
  constexpr double kInf = std::numeric_limits<double>::infinity();
  ExpectRoundTrip(Json{{"inf", kInf}, {"ninf", -kInf}});
}

TEST(EmitYamlTest, FloatsStayFloatsForEveryReader) {
  for (double f : {1.0, 3.0, -0.5, 1e6, 1e21, 1e-7, 2.5e-300, 123456789.0, 0.1}) {
    const std::string text = EmitYamlValue(Json(f));
    SCOPED_TRACE(text);
    const std::string plain = text.substr(0, text.size() - 1);
    for (Reader reader : {Reader::kGoYamlV2, Reader::kPyYaml, Reader::kCore12}) {
      const Json back = ResolvePlain(plain, reader);
      ASSERT_TRUE(back.is_number_float()) << ReaderName(reader);
      EXPECT_EQ(back.get<double>(), f) << ReaderName(reader);
    }
  }
}

TEST(EmitYamlTest, InvalidUtf8BecomesReplacementCharacter) {
  const Json tree = {{"k", "a\377b\303"}, {"bad\x80key", "v\n\xE2\x82"}};
  const YAML::Node node = YAML::Load(EmitYamlValue(tree));
  EXPECT_EQ(node["k"].as<std::string>(), "a\uFFFDb\uFFFD");
  EXPECT_EQ(node["bad\xEF\xBF\xBDkey"].as<std::string>(),
            "v\n\xEF\xBF\xBD\xEF\xBF\xBD");  // one per byte, like Go
}

TEST(EmitYamlTest, LongKeysUseExplicitForm) {
  const std::string key(1500, 'k');
  Json tree = Json::object();
  tree[key] = "v";
  tree["list"] = Json::array({Json{{key, Json::array({"a"})}}, Json{{key, Json{{"x", 1}}}}});
  tree["quoted " + std::string(1200, '#') + ": x"] = "multi\nline";
  const std::string yaml = EmitYamlValue(tree);
  EXPECT_EQ(yaml.substr(0, 4), "? kk");
  EXPECT_NE(yaml.find("\n: v\n"), std::string::npos);
  ExpectRoundTrip(tree);
}

// --- Emitter -------------------------------------------------------------------------------

TEST(EmitYamlTest, EmitterWritesOneDocumentPerObject) {
  auto emitter = MakeEmitter(OutputFormat::kYaml);
  emitter->Add({Json{{"kind", "A"}}, "a.yaml"});
  emitter->Add({Json::object(), "b.yaml"});
  emitter->Add({Json{{"data", {{"x", "1\n2\n"}}}}, "c.yaml"});
  EXPECT_EQ(emitter->Finish(), "---\nkind: A\n---\n{}\n---\ndata:\n  x: |\n    1\n    2\n");
}

TEST(EmitYamlTest, EmitterWithoutObjectsWritesNothing) {
  EXPECT_EQ(MakeEmitter(OutputFormat::kYaml)->Finish(), "");
}

TEST(EmitYamlTest, StreamOfTrickyDocumentsReadsBack) {
  auto emitter = MakeEmitter(OutputFormat::kYaml);
  Objects objects;
  for (const std::string& s : TrickyStrings()) objects.push_back({Contexts(s), "x.yaml"});
  objects.push_back({Json("top\n"), "x.yaml"});
  objects.push_back({Json("---"), "x.yaml"});
  for (const KubeObject& o : objects) emitter->Add(o);
  const std::vector<YAML::Node> docs = YAML::LoadAll(emitter->Finish());
  ASSERT_EQ(docs.size(), objects.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(FromYaml(docs[i], Reader::kPyYaml), objects[i].body) << i;
  }
}

// Lines starting with "---" split documents for kubectl whatever the YAML says.
TEST(EmitYamlTest, NoLineStartsWithDocumentMarker) {
  for (const std::string& s : TrickyStrings()) {
    Json tree = Contexts(s);
    tree[s] = s;
    const std::string yaml = "\n" + EmitYamlValue(tree) + EmitYamlValue(Json(s));
    EXPECT_EQ(yaml.find("\n---"), std::string::npos) << yaml;
    EXPECT_EQ(yaml.find("\n..."), std::string::npos) << yaml;
  }
}

// --- KubeObject ----------------------------------------------------------------------------

TEST(KubeObjectTest, ReadsKindNameNamespace) {
  const KubeObject o{Json::parse(R"({"kind":"Deployment","metadata":{"name":"agent",
                                     "namespace":"wandb"}})"),
                     "templates/deployment.yaml"};
  EXPECT_EQ(o.Kind(), "Deployment");
  EXPECT_EQ(o.Name(), "agent");
  EXPECT_EQ(o.Namespace(), "wandb");
}

TEST(KubeObjectTest, MissingOrNonStringFieldsAreEmpty) {
  for (const char* body : {R"({})", R"(null)", R"([1])", R"({"kind":5,"metadata":"x"})",
                           R"({"metadata":{"name":null,"namespace":{"a":1}}})"}) {
    SCOPED_TRACE(body);
    const KubeObject o{Json::parse(body), ""};
    EXPECT_EQ(o.Kind(), "");
    EXPECT_EQ(o.Name(), "");
    EXPECT_EQ(o.Namespace(), "");
  }
}

}  // namespace
}  // namespace lr
