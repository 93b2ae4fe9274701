// Tests for ApplySet / SetScalar: helm v3 pkg/strvals parser_test.go's cases
// (TestParseSet, TestParseInto, TestParseIntoString, TestSetIndex,
// TestParseSetNestedLevels) rewritten as tables, plus typing, escapes,
// overwrites, type clashes, helm's silently-ignored forms, and positions.
#include "render/set_values.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace lr {
namespace {

// Order-insensitive comparison (helm maps have no order).
nlohmann::json Plain(const Json& j) { return nlohmann::json::parse(j.dump()); }

Document Values(const char* json) {
  Document doc;
  doc.file = "values.yaml";
  doc.root = Json::parse(json);
  return doc;
}

// Applies each argument as the next flag; stops at the first failure.
bool ApplyAll(const std::vector<std::string>& args, SetKind kind, Document* doc,
              Diagnostics* diags) {
  int flag = 0;
  for (const std::string& arg : args) {
    if (!ApplySet(arg, kind, ++flag, doc, diags)) return false;
  }
  return true;
}

struct Row {
  const char* name;
  std::vector<std::string> args;  // one string per flag
  const char* expected;           // JSON
  const char* initial = "{}";     // values before the flags
  SetKind kind = SetKind::kTyped;
};

void ExpectRows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    Document doc = Values(row.initial);
    Diagnostics diags;
    ASSERT_TRUE(ApplyAll(row.args, row.kind, &doc, &diags)) << diags.all().at(0).message;
    EXPECT_EQ(Plain(doc.root), nlohmann::json::parse(row.expected)) << doc.root.dump();
    EXPECT_FALSE(diags.HasErrors());
  }
}

// helm TestParseSet, the --set table.
TEST(SetValuesTest, HelmParseSetTable) {
  ExpectRows({
      {"null and bools", {"name1=null,f=false,t=true"}, R"({"name1":null,"f":false,"t":true})"},
      {"one pair", {"name1=value1"}, R"({"name1":"value1"})"},
      {"two pairs", {"name1=value1,name2=value2"}, R"({"name1":"value1","name2":"value2"})"},
      {"trailing comma", {"name1=value1,name2=value2,"}, R"({"name1":"value1","name2":"value2"})"},
      {"empty value", {"name1=,name2=value2"}, R"({"name1":"","name2":"value2"})"},
      {"leading zeros", {"leading_zeros=00009"}, R"({"leading_zeros":"00009"})"},
      {"zero", {"zero_int=0"}, R"({"zero_int":0})"},
      {"long int", {"long_int=1234567890"}, R"({"long_int":1234567890})"},
      {"boolean", {"boolean=true"}, R"({"boolean":true})"},
      {"null", {"is_null=null"}, R"({"is_null":null})"},
      {"escaped commas",
       {R"(name1=one\,two,name2=three\,four)"},
       R"({"name1":"one,two","name2":"three,four"})"},
      {"escaped equals",
       {R"(name1=one\=two,name2=three\=four)"},
       R"({"name1":"one=two","name2":"three=four"})"},
      {"spaces",
       {"name1=one two three,name2=three two one"},
       R"({"name1":"one two three","name2":"three two one"})"},
      {"nested", {"outer.inner=value"}, R"({"outer":{"inner":"value"}})"},
      {"nested three", {"outer.middle.inner=value"}, R"({"outer":{"middle":{"inner":"value"}}})"},
      {"nested siblings",
       {"outer.inner1=value,outer.inner2=value2"},
       R"({"outer":{"inner1":"value","inner2":"value2"}})"},
      {"nested mixed depth",
       {"outer.inner1=value,outer.middle.inner=value"},
       R"({"outer":{"inner1":"value","middle":{"inner":"value"}}})"},
      {"nested empty value", {"name1.name2="}, R"({"name1":{"name2":""}})"},
      {"list value", {"name1={value1,value2}"}, R"({"name1":["value1","value2"]})"},
      {"two list values",
       {"name1={value1,value2},name2={value1,value2}"},
       R"({"name1":["value1","value2"],"name2":["value1","value2"]})"},
      {"list of ints", {"name1={1021,902}"}, R"({"name1":[1021,902]})"},
      {"nested list value",
       {"name1.name2={value1,value2}"},
       R"({"name1":{"name2":["value1","value2"]}})"},
      {"index", {"list[0]=foo"}, R"({"list":["foo"]})"},
      {"index then key", {"list[0].foo=bar"}, R"({"list":[{"foo":"bar"}]})"},
      {"same item twice",
       {"list[0].foo=bar,list[0].hello=world"},
       R"({"list":[{"foo":"bar","hello":"world"}]})"},
      {"two indexes", {"list[0]=foo,list[1]=bar"}, R"({"list":["foo","bar"]})"},
      {"two indexes trailing comma", {"list[0]=foo,list[1]=bar,"}, R"({"list":["foo","bar"]})"},
      {"padding", {"list[0]=foo,list[3]=bar"}, R"({"list":["foo",null,null,"bar"]})"},
      {"index without value", {"noval[0]"}, R"({"noval":[]})"},
      {"index with empty value", {"noval[0]="}, R"({"noval":[""]})"},
      {"nested index", {"nested[0][0]=1"}, R"({"nested":[[1]]})"},
      {"nested index padding", {"nested[1][1]=1"}, R"({"nested":[null,[null,1]]})"},
      {"list of maps in order",
       {"name1.name2[0].foo=bar,name1.name2[1].foo=bar"},
       R"({"name1":{"name2":[{"foo":"bar"},{"foo":"bar"}]}})"},
      {"list of maps out of order",
       {"name1.name2[1].foo=bar,name1.name2[0].foo=bar"},
       R"({"name1":{"name2":[{"foo":"bar"},{"foo":"bar"}]}})"},
      {"list of maps padding",
       {"name1.name2[1].foo=bar"},
       R"({"name1":{"name2":[null,{"foo":"bar"}]}})"},
  });
}

// helm TestParseSet, the --set-string table.
TEST(SetValuesTest, HelmParseSetStringTable) {
  const SetKind s = SetKind::kString;
  ExpectRows({
      {"long int", {"long_int_string=1234567890"}, R"({"long_int_string":"1234567890"})", "{}", s},
      {"boolean", {"boolean=true"}, R"({"boolean":"true"})", "{}", s},
      {"null", {"is_null=null"}, R"({"is_null":"null"})", "{}", s},
      {"zero", {"zero=0"}, R"({"zero":"0"})", "{}", s},
      {"list items", {"a={1,true,null}"}, R"({"a":["1","true","null"]})", "{}", s},
      {"index", {"a[1]=2"}, R"({"a":[null,"2"]})", "{}", s},
  });
}

// helm TestParseInto and TestParseIntoString: into existing values, and two flags.
TEST(SetValuesTest, HelmParseIntoTable) {
  ExpectRows({
      {"overwrite and add",
       {"outer.inner1=value1,outer.inner3=value3,outer.inner4=4"},
       R"({"outer":{"inner1":"value1","inner2":"value2","inner3":"value3","inner4":4}})",
       R"({"outer":{"inner1":"overwrite","inner2":"value2"}})"},
      {"same nested item over two flags",
       {"listOuter[0][0].type=listValue", "listOuter[0][0].status=alive"},
       R"({"listOuter":[[{"type":"listValue","status":"alive"}]]})"},
      {"sibling nested items over two flags",
       {"listOuter[0][0].type=listValue", "listOuter[1][0].status=alive"},
       R"({"listOuter":[[{"type":"listValue"}],[{"status":"alive"}]]})"},
      {"into existing nested lists",
       {"listOuter[0][1][0].type=listValue", "listOuter[0][0][1].status=alive"},
       R"({"listOuter":[[[{"exited":"old"},{"status":"alive"}],[{"type":"listValue"}]]]})",
       R"({"listOuter":[[[{"exited":"old"}]]]})"},
      {"string kind into existing",
       {"outer.inner1=1,outer.inner3=3"},
       R"({"outer":{"inner1":"1","inner2":"value2","inner3":"3"}})",
       R"({"outer":{"inner1":"overwrite","inner2":"value2"}})",
       SetKind::kString},
  });
}

TEST(SetValuesTest, Typing) {
  ExpectRows({
      {"bool case", {"a=TRUE,b=False,c=tRuE"}, R"({"a":true,"b":false,"c":true})"},
      {"null case", {"a=NULL,b=Null"}, R"({"a":null,"b":null})"},
      {"long s folds like Go",
       {"a=fal\xC5\xBF"
        "e"},
       R"({"a":false})"},
      {"float stays string", {"a=1.5"}, R"({"a":"1.5"})"},
      {"exponent stays string", {"a=1e3"}, R"({"a":"1e3"})"},
      {"leading zero stays string", {"a=0123,b=00"}, R"({"a":"0123","b":"00"})"},
      {"hex stays string", {"a=0x10"}, R"({"a":"0x10"})"},
      {"signs", {"a=-5,b=+5,c=-0,d=-05"}, R"({"a":-5,"b":5,"c":0,"d":-5})"},
      {"int64 max", {"a=9223372036854775807"}, R"({"a":9223372036854775807})"},
      {"int64 min", {"a=-9223372036854775808"}, R"({"a":-9223372036854775808})"},
      {"past int64",
       {"a=9223372036854775808,b=-9223372036854775809"},
       R"({"a":"9223372036854775808","b":"-9223372036854775809"})"},
      {"not quite ints",
       {"a= 5,b=1_000,c=5 ,d=+,e=-,f=+-1"},
       R"({"a":" 5","b":"1_000","c":"5 ","d":"+","e":"-","f":"+-1"})"},
      {"words", {"a=yes,b=on,c=~"}, R"({"a":"yes","b":"on","c":"~"})"},
  });
}

TEST(SetValuesTest, ScalarTypesAreExact) {
  EXPECT_TRUE(SetScalar("42", SetKind::kTyped).is_number_integer());
  EXPECT_TRUE(SetScalar("0", SetKind::kTyped).is_number_integer());
  EXPECT_EQ(SetScalar("-42", SetKind::kTyped).get<int64_t>(), -42);
  EXPECT_TRUE(SetScalar("1.5", SetKind::kTyped).is_string());
  EXPECT_TRUE(SetScalar("", SetKind::kTyped).is_string());
  EXPECT_TRUE(SetScalar("true", SetKind::kString).is_string());
  EXPECT_TRUE(SetScalar("truee", SetKind::kTyped).is_string());
  EXPECT_TRUE(SetScalar("tru", SetKind::kTyped).is_string());
}

TEST(SetValuesTest, EscapesAndValueText) {
  ExpectRows({
      {"dot in key", {R"(a\.b=c)"}, R"({"a.b":"c"})"},
      {"dot in nested key", {R"(x.a\.b.c=1)"}, R"({"x":{"a.b":{"c":1}}})"},
      {"equals in key", {R"(a\=b=c)"}, R"({"a=b":"c"})"},
      {"bracket in key", {R"(a\[0]=c)"}, R"({"a[0]":"c"})"},
      {"equals in value", {"a=b=c"}, R"({"a":"b=c"})"},
      {"path chars in value", {"a=x.y[0]"}, R"({"a":"x.y[0]"})"},
      {"escaped backslash", {R"(a=x\\y)"}, R"({"a":"x\\y"})"},
      {"escaped letter", {R"(a=\n)"}, R"({"a":"n"})"},
      {"trailing backslash dropped", {R"(a=b\)"}, R"({"a":"b"})"},
      {"escaped brace is not a list", {R"(a=\{x})"}, R"({"a":"{x}"})"},
      {"brace later is not a list", {"a=x{y,z}=1"}, R"({"a":"x{y","z}":1})"},
      {"escaped comma in list", {R"(a={x\,y,z})"}, R"({"a":["x,y","z"]})"},
      {"escaped brace in list", {R"(a={x\}y})"}, R"({"a":["x}y"]})"},
      {"slash and tilde in key", {"a/b~c=1"}, R"({"a/b~c":1})"},
      {"utf8", {"caf\xC3\xA9=\xE2\x82\xAC"}, "{\"caf\xC3\xA9\":\"\xE2\x82\xAC\"}"},
      {"empty argument", {""}, "{}"},
  });
}

TEST(SetValuesTest, ListValues) {
  ExpectRows({
      {"empty braces are one empty string", {"a={}"}, R"({"a":[""]})"},
      {"empty items", {"a={,}"}, R"({"a":["",""]})"},
      {"typed items", {"a={null,0,x,true,07}"}, R"({"a":[null,0,"x",true,"07"]})"},
      {"list then pair", {"a={x},b=1"}, R"({"a":["x"],"b":1})"},
      {"list as index value", {"a[1]={x,y}"}, R"({"a":[null,["x","y"]]})"},
      {"index into list value", {"a={x,y},a[0]=z"}, R"({"a":["z","y"]})"},
  });
}

TEST(SetValuesTest, Overwrites) {
  ExpectRows({
      {"last wins", {"a=1,a=2"}, R"({"a":2})"},
      {"last flag wins", {"a=1", "a=2"}, R"({"a":2})"},
      {"scalar replaces map", {"a.b=1,a=2"}, R"({"a":2})"},
      {"list replaces map", {"a.b=1,a={x}"}, R"({"a":["x"]})"},
      {"scalar replaces list", {"a[0]=1,a=x"}, R"({"a":"x"})"},
      {"map replaces scalar item", {"a[0]=1,a[0].b=2"}, R"({"a":[{"b":2}]})"},
      {"list replaces null item", {"a[1]=x,a[0][0]=y"}, R"({"a":[["y"],"x"]})"},
      {"fill padding", {"a[2]=x,a[0]=y"}, R"({"a":["y",null,"x"]})"},
      {"nested fill", {"a[0][1]=x,a[0][0]=y"}, R"({"a":[["y","x"]]})"},
      {"into values file map", {"a.c=2"}, R"({"a":{"b":1,"c":2}})", R"({"a":{"b":1}})"},
      {"into values file list", {"a[1].c=2"}, R"({"a":[{"b":1},{"c":2}]})", R"({"a":[{"b":1}]})"},
      {"over values file list", {"a=x"}, R"({"a":"x"})", R"({"a":[1,2]})"},
      {"null root", {"a=1"}, R"({"a":1})", "null"},
  });
}

// Forms helm accepts without setting a value: same result, plus one warning.
TEST(SetValuesTest, HelmIgnoredFormsWarn) {
  struct Ignored {
    const char* arg;
    const char* initial;
    const char* expected;
    const char* quoted;  // the assignment quoted in the warning
    int col;
  };
  const std::vector<Ignored> rows = {
      {"=x", "{}", "{}", "\"=x\"", 1},
      {"b=1,=x,c=2", "{}", R"({"b":1,"c":2})", "\"=x\"", 5},
      {"[0]=x", "{}", "{}", "\"[0]=x\"", 1},
      {".a=1", "{}", "{}", "\".a=1\"", 1},
      {"a[0].=x", "{}", R"({"a":[{}]})", "\"a[0].=x\"", 1},
      {"a.", "{}", "{}", "\"a.\"", 1},
      {"a.b.", "{}", "{}", "\"a.b.\"", 1},
      {"a[0].", "{}", R"({"a":[]})", "\"a[0].\"", 1},
      {"noval[0]", "{}", R"({"noval":[]})", "\"noval[0]\"", 1},
      {"x=1,a[0][0]", "{}", R"({"x":1,"a":[]})", "\"a[0][0]\"", 5},
      // helm's io.EOF path drops a new item whose last key has an empty value...
      {"a[0].b=", "{}", R"({"a":[]})", "\"a[0].b=\"", 1},
      {"a[1].b.c=", R"({"a":[1]})", R"({"a":[1]})", "\"a[1].b.c=\"", 1},
  };
  for (const Ignored& row : rows) {
    SCOPED_TRACE(row.arg);
    Document doc = Values(row.initial);
    Diagnostics diags;
    ASSERT_TRUE(ApplySet(row.arg, SetKind::kTyped, 1, &doc, &diags));
    EXPECT_EQ(Plain(doc.root), nlohmann::json::parse(row.expected)) << doc.root.dump();
    ASSERT_EQ(diags.all().size(), 1u);
    const Diagnostic& d = diags.all()[0];
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_EQ(d.rule, "set");
    EXPECT_NE(d.message.find(std::string(row.quoted) + " sets no value"), std::string::npos)
        << d.message;
    EXPECT_EQ(d.pos.col, row.col);
  }
}

// ...but fills an existing item, silently.
TEST(SetValuesTest, EmptyValueIntoExistingItem) {
  Document doc = Values(R"({"a":[{"c":1}]})");
  Diagnostics diags;
  ASSERT_TRUE(ApplySet("a[0].b=", SetKind::kTyped, 1, &doc, &diags));
  EXPECT_EQ(Plain(doc.root), nlohmann::json::parse(R"({"a":[{"c":1,"b":""}]})"));
  EXPECT_TRUE(diags.all().empty());
}

struct ErrorRow {
  const char* arg;
  const char* message;  // substring
  int col;
  const char* initial = "{}";
  SetKind kind = SetKind::kTyped;
};

void ExpectErrors(const std::vector<ErrorRow>& rows) {
  for (const ErrorRow& row : rows) {
    SCOPED_TRACE(row.arg);
    Document doc = Values(row.initial);
    const Json before = doc.root;
    Diagnostics diags;
    EXPECT_FALSE(ApplySet(row.arg, row.kind, 3, &doc, &diags));
    EXPECT_EQ(doc.root, before);
    ASSERT_EQ(diags.all().size(), 1u);
    const Diagnostic& d = diags.all()[0];
    EXPECT_EQ(d.severity, Severity::kError);
    EXPECT_EQ(d.rule, "set");
    EXPECT_EQ(d.pos.file, SetFlagName(row.kind));
    EXPECT_EQ(d.pos.line, 3);
    EXPECT_NE(d.message.find(row.message), std::string::npos) << d.message;
    EXPECT_EQ(d.pos.col, row.col) << d.message;
  }
}

// helm TestParseSet's error rows.
TEST(SetValuesTest, HelmParseSetErrors) {
  ExpectErrors({
      {"name1=value1,,,,name2=value2,", R"(key "" has no value (cannot end with ,))", 14},
      {"name1,name2=", R"(key "name1" has no value (cannot end with ,))", 1},
      {"name1,name2=value2", R"(key "name1" has no value (cannot end with ,))", 1},
      {"name1,name2=value2\\", R"(key "name1" has no value (cannot end with ,))", 1},
      {"name1,name2", R"(key "name1" has no value (cannot end with ,))", 1},
      {"name1.name2", R"(key "name2" has no value)", 7},
      {"name1.name2,name1.name3", R"(key "name2" has no value (cannot end with ,))", 7},
      {"name1.=name2", R"(key map "name1" has no value)", 1},
      {"name1.,name2", R"(key "" has no value (cannot end with ,))", 7},
      {"name1={1021,902", R"(list "{1021,902" must terminate with '}')", 7},
      {"list[0].foo=bar,list[-30].hello=world", "negative -30 index not allowed", 22},
      {"list[0]=foo,list[-20]=bar", "negative -20 index not allowed", 18},
      {"illegal[0]name.foo=bar", R"(unexpected data at end of array index: "name")", 11},
      {"]={}].", R"(unable to parse key "]": existing value is a list, not a map)", 5},
  });
}

TEST(SetValuesTest, OtherErrors) {
  ExpectErrors({
      {"a", R"(key "a" has no value)", 1},
      {"a=1,b", R"(key "b" has no value)", 5},
      {"a\\", R"(key "a" has no value)", 1},
      {",a=1", R"(key "" has no value (cannot end with ,))", 1},
      {"a={x}y", R"(key "y" has no value)", 6},
      {"a={x", "must terminate with '}'", 3},
      {"a={x\\}", "must terminate with '}'", 3},
      {"a[x]=1", R"(error parsing index: "x" is not an integer)", 3},
      {"a[]=1", R"(error parsing index: "" is not an integer)", 3},
      {"a[1.5]=1", "is not an integer", 3},
      {"a[99999999999999999999]=1", "is not an integer", 3},
      {"a[0", "error parsing index: missing ']' in \"[0\"", 2},
      {"a[0][1", "error parsing index: missing ']' in \"[1\"", 5},
      {"a[0]x=1", R"(unexpected data at end of array index: "x")", 5},
      {"a[0][-1]=1", "negative -1 index not allowed", 6},
      {"a=1,a.b=2", R"(unable to parse key "a": existing value is a number, not a map)", 5},
      {"a=1,a[0]=2", R"(unable to parse key "a": existing value is a number, not a list)", 5},
      {"a=null,a[0]=2", R"(unable to parse key "a": existing value is null, not a list)", 8},
      {"a[0]=1,a[0][0]=2", R"(unable to parse key "a[0]": existing value is a number, not a list)",
       9},
      {"a.b", R"(key "b" has no value)", 3, R"({"a":{"c":1}})"},
      {"a.b=1", R"(existing value is a string, not a map)", 1, R"({"a":"x"})"},
      {"a.b=1", R"(existing value is a list, not a map)", 1, R"({"a":[]})"},
      {"a[0]=1", R"(existing value is a map, not a list)", 1, R"({"a":{}})"},
      {"a.b.c=1", R"(unable to parse key "a.b": existing value is a bool, not a map)", 3,
       R"({"a":{"b":true}})"},
      {"a.=x", R"(key map "a" has no value)", 1, R"({"a":{}})", SetKind::kString},
  });
}

// helm TestSetIndex: padding, overwrite, negative and past-maximum indexes.
TEST(SetValuesTest, HelmSetIndex) {
  ExpectRows({
      {"short", {"l[2]=2"}, "{\"l\":[0,1,2]}", "{\"l\":[0,1]}"},
      {"equal", {"l[1]=2"}, "{\"l\":[0,2]}", "{\"l\":[0,1]}"},
      {"long", {"l[3]=4"}, "{\"l\":[0,1,2,4,4,5]}", "{\"l\":[0,1,2,3,4,5]}"},
  });
  ExpectErrors({
      {"l[-1]=4", "negative -1 index not allowed", 3, "{\"l\":[0,1,2,3,4,5]}"},
      {"l[65537]=4", "index of 65537 is greater than maximum supported index of 65536", 3,
       "{\"l\":[0,1,2,3,4,5]}"},
      {"l[65537].a=4", "index of 65537 is greater than maximum supported index of 65536", 3},
      {"l[65537][0]=4", "index of 65537 is greater than maximum supported index of 65536", 3},
  });
  Document doc = Values("{}");
  Diagnostics diags;
  ASSERT_TRUE(ApplySet("l[65536]=x", SetKind::kTyped, 1, &doc, &diags));
  ASSERT_EQ(doc.root["l"].size(), 65537u);
  EXPECT_EQ(doc.root["l"][65536], "x");
  EXPECT_TRUE(doc.root["l"][65535].is_null());
}

// helm TestParseSetNestedLevels: 30 dots after names are fine, 31 are not.
TEST(SetValuesTest, HelmNestedLevels) {
  auto path = [](int names) {
    std::string s;
    for (int i = 1; i <= names; ++i) s += (i > 1 ? ".name" : "name") + std::to_string(i);
    return s + "=value";
  };
  Document doc = Values("{}");
  Diagnostics diags;
  EXPECT_TRUE(ApplySet(path(31), SetKind::kTyped, 1, &doc, &diags));
  EXPECT_EQ(doc.root["name1"]["name2"]["name3"].size(), 1u);
  ExpectErrors({
      {path(32).c_str(),
       "value name nested level is greater than maximum supported nested level of 30",
       static_cast<int>(path(31).find('=')) + 1},
  });
  // Dots right after an index do not count, as in helm.
  std::string list_path = "a";
  for (int i = 0; i < 40; ++i) list_path += "[0].b";
  EXPECT_TRUE(ApplySet(list_path + "=1", SetKind::kTyped, 1, &doc, &diags));
}

TEST(SetValuesTest, StepLimitBoundsRecursion) {
  std::string deep = "a";
  for (int i = 0; i < 1000; ++i) deep += "[0]";
  Document doc = Values("{}");
  Diagnostics diags;
  EXPECT_TRUE(ApplySet(deep + "=1", SetKind::kTyped, 1, &doc, &diags));
  ExpectErrors({{(deep + "[0]=1").c_str(), "more than 1000", static_cast<int>(deep.size()) + 1}});
}

NodePos At(const char* file, int line, int key_col, int value_col) {
  return NodePos{SourcePos{file, line, key_col}, SourcePos{file, line, value_col}, true};
}

void ExpectPos(const Document& doc, const std::string& pointer, const NodePos& want) {
  SCOPED_TRACE(pointer);
  const NodePos* got = doc.Find(pointer);
  ASSERT_NE(got, nullptr);
  EXPECT_EQ(got->key.file, want.key.file);
  EXPECT_EQ(got->key.line, want.key.line);
  EXPECT_EQ(got->key.col, want.key.col);
  EXPECT_EQ(got->value.file, want.value.file);
  EXPECT_EQ(got->value.line, want.value.line);
  EXPECT_EQ(got->value.col, want.value.col);
  EXPECT_EQ(got->user, want.user);
}

TEST(SetValuesTest, PositionsOfNamedSteps) {
  Document doc = Values("{}");
  Diagnostics diags;
  ASSERT_TRUE(ApplySet("agent.labels.team=ml,namespace=x", SetKind::kTyped, 2, &doc, &diags));
  ExpectPos(doc, "/agent", At("--set", 2, 1, 1));
  ExpectPos(doc, "/agent/labels", At("--set", 2, 7, 7));
  ExpectPos(doc, "/agent/labels/team", At("--set", 2, 14, 19));
  ExpectPos(doc, "/namespace", At("--set", 2, 22, 32));
  EXPECT_EQ(doc.positions.size(), 4u);
}

TEST(SetValuesTest, PositionsOfIndexesAndLists) {
  Document doc = Values("{}");
  Diagnostics diags;
  ASSERT_TRUE(ApplySet("a[2]=x,b={x,yy},c[1][0].d=1", SetKind::kString, 1, &doc, &diags));
  ExpectPos(doc, "/a", At("--set-string", 1, 1, 1));
  ExpectPos(doc, "/a/0", At("--set-string", 1, 2, 2));
  ExpectPos(doc, "/a/1", At("--set-string", 1, 2, 2));
  ExpectPos(doc, "/a/2", At("--set-string", 1, 2, 6));
  ExpectPos(doc, "/b", At("--set-string", 1, 8, 10));
  ExpectPos(doc, "/b/0", At("--set-string", 1, 11, 11));
  ExpectPos(doc, "/b/1", At("--set-string", 1, 13, 13));
  ExpectPos(doc, "/c", At("--set-string", 1, 17, 17));
  ExpectPos(doc, "/c/0", At("--set-string", 1, 18, 18));
  ExpectPos(doc, "/c/1", At("--set-string", 1, 18, 18));
  ExpectPos(doc, "/c/1/0", At("--set-string", 1, 21, 21));
  ExpectPos(doc, "/c/1/0/d", At("--set-string", 1, 25, 27));
  EXPECT_EQ(doc.positions.size(), 12u);
}

TEST(SetValuesTest, PositionsOfEscapedAndOddKeys) {
  Document doc = Values("{}");
  Diagnostics diags;
  ASSERT_TRUE(ApplySet(R"(x\.y.z=1,p/q=2)", SetKind::kTyped, 1, &doc, &diags));
  ExpectPos(doc, "/x.y", At("--set", 1, 1, 1));
  ExpectPos(doc, "/x.y/z", At("--set", 1, 6, 8));
  ExpectPos(doc, "/p~1q", At("--set", 1, 10, 14));
}

TEST(SetValuesTest, PositionsKeptWalkedAndDroppedOverwritten) {
  Document doc = Values(R"({"a":{"b":{"c":1}},"k":{"v":1}})");
  const NodePos file_pos = At("values.yaml", 3, 1, 4);
  doc.positions["/a"] = file_pos;
  doc.positions["/a/b"] = file_pos;
  doc.positions["/a/b/c"] = file_pos;
  doc.positions["/k"] = file_pos;
  doc.positions["/k/v"] = file_pos;
  Diagnostics diags;
  ASSERT_TRUE(ApplySet("a.b=x,k.w=2", SetKind::kTyped, 1, &doc, &diags));
  ExpectPos(doc, "/a", file_pos);                // walked through
  ExpectPos(doc, "/a/b", At("--set", 1, 3, 5));  // overwritten
  EXPECT_EQ(doc.Find("/a/b/c"), nullptr);        // gone with it
  ExpectPos(doc, "/k", file_pos);
  ExpectPos(doc, "/k/v", file_pos);  // untouched sibling
  ExpectPos(doc, "/k/w", At("--set", 1, 9, 11));
}

TEST(SetValuesTest, PositionsOfItemReplacedByMap) {
  Document doc = Values(R"({"a":[[1,2]]})");
  doc.positions["/a/0/1"] = At("values.yaml", 2, 3, 3);
  Diagnostics diags;
  ASSERT_TRUE(ApplySet("a[0].k=v", SetKind::kTyped, 1, &doc, &diags));
  EXPECT_EQ(Plain(doc.root), nlohmann::json::parse(R"({"a":[{"k":"v"}]})"));
  ExpectPos(doc, "/a/0", At("--set", 1, 2, 2));
  ExpectPos(doc, "/a/0/k", At("--set", 1, 6, 8));
  EXPECT_EQ(doc.Find("/a/0/1"), nullptr);
}

TEST(SetValuesTest, NoPositionsForDroppedParts) {
  Document doc = Values("{}");
  Diagnostics diags;
  ASSERT_TRUE(ApplySet("a[3].b=", SetKind::kTyped, 1, &doc, &diags));
  ExpectPos(doc, "/a", At("--set", 1, 1, 1));
  EXPECT_EQ(doc.positions.size(), 1u);
  ASSERT_TRUE(ApplySet("[0].b=1,.c=2", SetKind::kTyped, 2, &doc, &diags));
  EXPECT_EQ(doc.positions.size(), 1u);
}

TEST(SetValuesTest, FailureLeavesDocumentUnchanged) {
  Document doc = Values(R"({"a":{"b":1}})");
  doc.positions["/a"] = At("values.yaml", 1, 1, 3);
  const auto positions = doc.positions;
  Diagnostics diags;
  EXPECT_FALSE(ApplySet("a.c=2,x[0]=1,a.b.d=3", SetKind::kTyped, 4, &doc, &diags));
  EXPECT_EQ(Plain(doc.root), nlohmann::json::parse(R"({"a":{"b":1}})"));
  EXPECT_EQ(doc.positions.size(), positions.size());
  ExpectPos(doc, "/a", positions.at("/a"));
  ASSERT_EQ(diags.errors(), 1);
  EXPECT_EQ(diags.all()[0].pos.col, 16);
  EXPECT_EQ(FormatText(diags.all()[0]),
            "--set:4:16: error: unable to parse key \"a.b\": existing value is a number, not a "
            "map [set]");
}

TEST(SetValuesTest, RootMustBeAMap) {
  Document doc = Values("[1]");
  Diagnostics diags;
  EXPECT_FALSE(ApplySet("a=1", SetKind::kTyped, 1, &doc, &diags));
  EXPECT_EQ(doc.root, Json::parse("[1]"));
  EXPECT_EQ(diags.errors(), 1);
}

// helm's set() skips empty keys, but Go aliasing writes through to what is
// already under "": a map in place, a list only at indexes it already has.
TEST(SetValuesTest, EmptyKeyWritesThroughExistingValues) {
  ExpectRows({
      {"existing map", {".b=2"}, R"({"":{"a":1,"b":2}})", R"({"":{"a":1}})"},
      {"existing item", {"[0]=x,[1].c=2"}, R"({"":["x",{"b":1,"c":2}]})", R"({"":[1,{"b":1}]})"},
      {"no growth", {"[2]=x,[5].c=1"}, R"({"":[1,{"b":1}]})", R"({"":[1,{"b":1}]})"},
      {"nested growth sticks", {"[0][3]=x"}, R"({"":[[1,null,null,"x"]]})", R"({"":[[1]]})"},
  });
  Document doc = Values(R"({"":{"a":1}})");
  Diagnostics diags;
  ASSERT_TRUE(ApplySet(".b=2", SetKind::kTyped, 1, &doc, &diags));
  ExpectPos(doc, "//b", At("--set", 1, 2, 4));
  EXPECT_TRUE(diags.all().empty());
}

}  // namespace
}  // namespace lr
