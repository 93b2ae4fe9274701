// Plain-scalar typing of the two YAML readers: helm (go-yaml v2) and the agent (PyYAML).
#include "render/yaml_resolve.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace lr {
namespace {

struct Row {
  const char* text;
  Json go_yaml;  // what helm reads
  Json pyyaml;   // what the agent reads
};

// Exact equality including the JSON type (1 vs 1.0 vs "1").
void ExpectSame(const Json& got, const Json& want, const std::string& what) {
  EXPECT_EQ(got.type_name(), std::string(want.type_name())) << what << " got " << got.dump();
  if (want.is_number_float() && std::isnan(want.get<double>())) {
    EXPECT_TRUE(got.is_number_float() && std::isnan(got.get<double>())) << what;
    return;
  }
  EXPECT_EQ(got, want) << what;
  EXPECT_EQ(got.is_number_float(), want.is_number_float()) << what << " got " << got.dump();
  EXPECT_EQ(got.is_number_unsigned(), want.is_number_unsigned()) << what << " got " << got.dump();
}

TEST(YamlResolveTest, ScalarTable) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::nan("");
  const Row rows[] = {
      // Booleans: go-yaml v2 also takes y/n; PyYAML (YAML 1.1 resolver) does not.
      {"y", true, "y"},
      {"Y", true, "Y"},
      {"n", false, "n"},
      {"N", false, "N"},
      {"yes", true, true},
      {"Yes", true, true},
      {"YES", true, true},
      {"No", false, false},
      {"no", false, false},
      {"on", true, true},
      {"ON", true, true},
      {"off", false, false},
      {"OFF", false, false},
      {"true", true, true},
      {"True", true, true},
      {"TRUE", true, true},
      {"False", false, false},
      {"false", false, false},
      {"tRUE", "tRUE", "tRUE"},
      {"yES", "yES", "yES"},
      // Nulls.
      {"~", nullptr, nullptr},
      {"null", nullptr, nullptr},
      {"Null", nullptr, nullptr},
      {"NULL", nullptr, nullptr},
      {"", nullptr, nullptr},
      {"nULL", "nULL", "nULL"},
      {"none", "none", "none"},
      // Integers.
      {"0", 0, 0},
      {"7", 7, 7},
      {"-7", -7, -7},
      {"+7", 7, 7},
      {"0123", 83, 83},
      {"-0123", -83, -83},
      {"0x1F", 31, 31},
      {"0X1F", 31, "0X1F"},
      {"-0x1F", -31, -31},
      {"0b101", 5, 5},
      {"-0b101", -5, -5},
      {"0o17", 15, "0o17"},
      {"1_000", 1000, 1000},
      {"1__0", 10, 10},
      {"0x_1F", 31, 31},
      {"9223372036854775807", int64_t{9223372036854775807}, int64_t{9223372036854775807}},
      {"-9223372036854775808", std::numeric_limits<int64_t>::min(),
       std::numeric_limits<int64_t>::min()},
      {"9223372036854775808", uint64_t{9223372036854775808u}, uint64_t{9223372036854775808u}},
      {"0x", "0x", "0x"},
      {"0b2", "0b2", "0b2"},
      // go-yaml v2: not octal, but its float pattern matches; PyYAML: a string.
      {"08", 8.0, "08"},
      {"09.5", 9.5, 9.5},
      // Floats: PyYAML needs a dot and a signed exponent.
      {"1e3", 1000.0, "1e3"},
      {"1E3", 1000.0, "1E3"},
      {"1.5e3", 1500.0, "1.5e3"},
      {"1.5e+3", 1500.0, 1500.0},
      {"1.0e-2", 0.01, 0.01},
      {"1.5", 1.5, 1.5},
      {"-1.5", -1.5, -1.5},
      {"1.", 1.0, 1.0},
      {".5", 0.5, 0.5},
      {"-.5", -0.5, "-.5"},
      {"1_000.5", 1000.5, 1000.5},
      {"18446744073709551616", 18446744073709551616.0, uint64_t{18446744073709551615u}},
      {"-9223372036854775809", -9223372036854775809.0, -9223372036854775809.0},
      {".inf", inf, inf},
      {".Inf", inf, inf},
      {"+.INF", inf, inf},
      {"-.inf", -inf, -inf},
      {".nan", nan, nan},
      {".NaN", nan, nan},
      {"inf", "inf", "inf"},
      {"nan", "nan", "nan"},
      {".", ".", "."},
      {"+", "+", "+"},
      {"-", "-", "-"},
      // Sexagesimal: YAML 1.1 only.
      {"1:20", "1:20", 80},
      {"-1:20", "-1:20", -80},
      {"190:20:30", "190:20:30", 685230},
      {"1:20.5", "1:20.5", 80.5},
      {"1:60", "1:60", "1:60"},
      {"0:20", "0:20", "0:20"},
      // Timestamps stay strings for helm (PyYAML makes dates; see PyTimestampLike).
      {"2024-01-02", "2024-01-02", "2024-01-02"},
      {"2024-01-02T10:00:00Z", "2024-01-02T10:00:00Z", "2024-01-02T10:00:00Z"},
      // Plain strings.
      {"abc", "abc", "abc"},
      {"1.2.3", "1.2.3", "1.2.3"},
      {"v1", "v1", "v1"},
      {"12abc", "12abc", "12abc"},
      {"<<", "<<", "<<"},
  };
  for (const Row& r : rows) {
    ExpectSame(ResolveGoYamlV2(r.text), r.go_yaml, std::string("go-yaml v2: ") + r.text);
    ExpectSame(ResolvePlainScalar(r.text, YamlDialect::kGoYamlV2), r.go_yaml,
               std::string("ResolvePlainScalar go-yaml v2: ") + r.text);
    if (std::string_view(r.text) == "18446744073709551616") continue;  // Python int: unbounded
    ExpectSame(ResolvePyYaml(r.text), r.pyyaml, std::string("PyYAML: ") + r.text);
    ExpectSame(ResolvePlainScalar(r.text, YamlDialect::kPyYaml), r.pyyaml,
               std::string("ResolvePlainScalar PyYAML: ") + r.text);
  }
}

TEST(YamlResolveTest, GoFloatOutOfRangeStaysString) {
  // strconv.ParseFloat fails with ErrRange, so go-yaml v2 keeps the text.
  ExpectSame(ResolveGoYamlV2("1e400"), "1e400", "1e400");
  ExpectSame(ResolveGoYamlV2("-1e400"), "-1e400", "-1e400");
  ExpectSame(ResolveGoYamlV2(".5e400"), ".5e400", ".5e400");
  // Underflow is not an error in Go: the value is 0.
  ExpectSame(ResolveGoYamlV2("1e-400"), 0.0, "1e-400");
}

TEST(YamlResolveTest, TimestampsStayStringsForHelm) {
  EXPECT_EQ(ResolveGoYamlV2("2024-01-02"), "2024-01-02");
  EXPECT_TRUE(PyTimestampLike("2024-01-02"));
  EXPECT_TRUE(PyTimestampLike("2024-1-2"));
  EXPECT_TRUE(PyTimestampLike("2024-01-02T10:00:00Z"));
  EXPECT_TRUE(PyTimestampLike("2024-01-02 10:00:00"));
  EXPECT_FALSE(PyTimestampLike("queue-2024"));
  EXPECT_FALSE(PyTimestampLike("2024-ab-cd"));
  EXPECT_FALSE(PyTimestampLike("2024-1"));
  EXPECT_FALSE(PyTimestampLike("20240102"));
}

// The emitter's shortcut: a plain scalar whose first character is not in kMayResolveFirst is a
// string to both readers, whatever follows.
TEST(YamlResolveTest, OnlyTheListedFirstCharactersResolve) {
  const std::string tails[] = {"",   "1",   "rue", "ull",    "o",  "es", "n", "ff", ".5",
                               "e3", "x1F", ":20", "-01-02", "nf", "aN", "<", "="};
  for (int c = 1; c < 256; ++c) {
    if (FirstCharMayResolve(static_cast<char>(c))) continue;
    for (const std::string& tail : tails) {
      std::string s = std::string(1, static_cast<char>(c)) + tail;
      EXPECT_TRUE(ResolveGoYamlV2(s).is_string()) << s;
      EXPECT_TRUE(ResolvePyYaml(s).is_string()) << s;
    }
  }
  for (const char* s : {"yes", "No", "true", "False", "on", "OFF", "null", "Null", "~", "0", "12",
                        ".5", "+1", "-1"}) {
    EXPECT_TRUE(FirstCharMayResolve(s[0])) << s;
    EXPECT_FALSE(ResolveGoYamlV2(s).is_string() && ResolvePyYaml(s).is_string()) << s;
  }
}

TEST(YamlResolveTest, PlainScalarStaysString) {
  for (const char* s : {"abc", "wandb/launch-agent:0.17.3", "https://api.wandb.ai", "q1", "a-b",
                        "-x", "my queue", "a:b", "a#b", "1.2.3", "none", "~x"}) {
    EXPECT_TRUE(PlainScalarStaysString(s)) << s;
  }
  for (const char* s : {"y",
                        "n",
                        "on",
                        "No",
                        "true",
                        "0123",
                        "0o17",
                        "0x1F",
                        "1e3",
                        "1:20",
                        "1.5",
                        "-7",
                        ".inf",
                        ".nan",
                        "null",
                        "~",
                        "",
                        "2024-01-02",
                        "a #b",
                        "- x",
                        "-",
                        "---",
                        "...",
                        "key: v",
                        "trail:",
                        " lead",
                        "trail ",
                        "*star",
                        "&amp",
                        "!tag",
                        "|",
                        ">",
                        "'q",
                        "\"q",
                        "%p",
                        "@at",
                        "`bt",
                        "{a}",
                        "[a]",
                        ",c",
                        "?q",
                        "#c",
                        "<<",
                        "=",
                        "tab\there",
                        "nl\nx",
                        "del\x7f",
                        "bom\xef\xbb\xbf",
                        "nel\xc2\x85",
                        "ls\xe2\x80\xa8",
                        "1e400",
                        "-1e400",
                        ".5e400",
                        "1_0e400"}) {
    EXPECT_FALSE(PlainScalarStaysString(s)) << testing::PrintToString(std::string(s));
  }
}

}  // namespace
}  // namespace lr
