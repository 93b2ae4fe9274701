// Tests for template variables (render/template_vars.h) and macros (render/macros.h), and the
// Python-compatible number and JSON writers they rely on (render/python_json.h).
#include "render/template_vars.h"

#include <gtest/gtest.h>

#include "render/load.h"
#include "render/macros.h"
#include "render/python_json.h"

namespace lr {
namespace {

TEST(PythonNumbersTest, IntLikePython) {
  EXPECT_EQ(PythonInt(" 42 "), 42);
  EXPECT_EQ(PythonInt("-1_000"), -1000);
  EXPECT_EQ(PythonInt("+7"), 7);
  EXPECT_FALSE(PythonInt("1__0"));
  EXPECT_FALSE(PythonInt("1.0"));
  EXPECT_FALSE(PythonInt(""));
  EXPECT_FALSE(PythonInt("0x10"));
}

TEST(PythonNumbersTest, FloatLikePython) {
  EXPECT_EQ(PythonFloat("1e-3"), 0.001);
  EXPECT_EQ(PythonFloat(" .5"), 0.5);
  EXPECT_EQ(PythonFloat("5."), 5.0);
  EXPECT_EQ(PythonFloat("1_0.2_5"), 10.25);
  EXPECT_TRUE(std::isinf(*PythonFloat("-inf")));
  EXPECT_TRUE(std::isnan(*PythonFloat("NaN")));
  EXPECT_FALSE(PythonFloat("1e"));
  EXPECT_FALSE(PythonFloat("abc"));
}

TEST(PythonJsonTest, DumpsLikeJsonDumps) {
  EXPECT_EQ(PythonJsonDumps(Json::parse(R"({"b": 1, "a": [true, null, 0.1, "é\n"]})")),
            R"({"b": 1, "a": [true, null, 0.1, "\u00e9\n"]})");
  EXPECT_EQ(PythonFloatRepr(1e-5), "1e-05");
  EXPECT_EQ(PythonFloatRepr(1e16), "1e+16");
  EXPECT_EQ(PythonFloatRepr(100.0), "100.0");
  EXPECT_EQ(PythonFloatRepr(123456.5), "123456.5");
  EXPECT_EQ(PythonFloatRepr(0.0001), "0.0001");
  EXPECT_EQ(PythonFloatRepr(-2.5e-7), "-2.5e-07");
  EXPECT_EQ(PythonJsonDumps(Json("\xF0\x9F\x98\x80")), R"("\ud83d\ude00")");
}

// Queue configs are read with PyYAML rules (go-yaml would make the key `n` a boolean).
Document Load(const std::string& yaml) {
  Diagnostics d;
  LoadOptions options;
  options.dialect = YamlDialect::kPyYaml;
  auto doc = LoadValuesFile("q.yaml", yaml, options, &d);
  EXPECT_TRUE(doc.has_value());
  return *doc;
}

std::string Fill(const std::string& yaml, const std::vector<std::string>& flags, Json* out) {
  Document doc = Load(yaml);
  Diagnostics d;
  TemplateVariables vars;
  std::map<std::string, Json> values;
  if (TakeTemplateVariables(&doc, &vars, &d) && ResolveTemplateValues(flags, vars, &values, &d)) {
    FillTemplates(&doc, vars, values, &d);
  }
  *out = doc.root;
  std::string err;
  for (const Diagnostic& x : d.Sorted()) err += FormatText(x) + "\n";
  return err;
}

TEST(TemplateVarsTest, ExactPlaceholdersTakeTheVariablesType) {
  Json out;
  EXPECT_EQ(Fill("template_variables:\n  n: {type: integer, default: 2}\n  f: {type: float}\n"
                 "a: '{{n}}'\nb: 'x{{n}}y{{f}}'\nc: '{{ f }}'\n",
                 {"f=2.5"}, &out),
            "");
  EXPECT_EQ(out, Json::parse(R"({"a": 2, "b": "x2y2.5", "c": 2.5})"));
}

TEST(TemplateVarsTest, ErrorsAreLocated) {
  Json out;
  EXPECT_EQ(
      Fill("template_variables:\n  n: {type: integer, maximum: 3}\na: '{{n}}'\n", {"n=4"}, &out),
      "--set-var:1:0: error: n: must be at most 3, got \"4\" [template-variables]\n");
  EXPECT_EQ(Fill("template_variables:\n  n: {type: integer}\na: '{{n}}'\n", {"n=x"}, &out),
            "--set-var:1:0: error: n: must be of type integer, got \"x\" [template-variables]\n");
  EXPECT_EQ(
      Fill("template_variables:\n  n: {type: integer, default: 1}\nb:\n  - '{{m}}'\n", {}, &out),
      "q.yaml:4:5: error: b[0]: {{m}} names no variable of the queue's template_variables "
      "[template-variables]\n");
  EXPECT_EQ(Fill("template_variables:\n  n: {type: decimal}\n", {}, &out),
            "q.yaml:2:3: error: template_variables.n.type: must be \"string\", \"integer\" or "
            "\"number\", got \"decimal\" [template-variables]\n");
  EXPECT_EQ(Fill("template_variables:\n  s: {type: string, enum: [a], default: b}\n", {}, &out),
            "q.yaml:2:3: error: template_variables.s.default: must be one of \"a\", got string "
            "\"b\" [template-variables]\n");
}

TEST(TemplateVarsTest, SetVarSplitsOnEveryEqualsSign) {
  Json out;
  EXPECT_EQ(Fill("template_variables:\n  s: {type: string}\n", {"s=a=b"}, &out),
            "--set-var:1:0: error: must be NAME=VALUE with exactly one '=', got \"s=a=b\" "
            "[template-variables]\n");
  EXPECT_EQ(Fill("template_variables:\n  s: {type: string}\nx: '{{s}}'\n", {"s="}, &out), "");
  EXPECT_EQ(out["x"], "");
}

TEST(MacrosTest, SinglePassBuiltinsEnvAndUnknown) {
  Document doc =
      Load("a: '${run_id}-${project_name}'\nb: '$${run_id} ${nope} ${a-b}'\nc: '${X}'\nk: 5\n");
  RunContext rc;
  rc.run_id = "r1";
  rc.project_name = "MyProj";
  rc.env["X"] = "${run_id}";  // not re-scanned
  Diagnostics d;
  ExpandMacros(&doc, rc, &d);
  EXPECT_EQ(
      doc.root,
      Json::parse(R"({"a": "r1-myproj", "b": "$r1 ${nope} ${a-b}", "c": "${run_id}", "k": 5})"));
  EXPECT_FALSE(d.HasErrors());
}

}  // namespace
}  // namespace lr
