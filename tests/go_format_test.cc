// Go-compatible number and JSON text (what helm's toJson and %v print).
#include "render/go_format.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace lr {
namespace {

TEST(GoFormatTest, FloatTable) {
  const double inf = std::numeric_limits<double>::infinity();
  struct Row {
    double value;
    const char* text;  // fmt.Sprintf("%v", value)
  };
  const Row rows[] = {
      {0.0, "0"},
      {-0.0, "-0"},
      {1.0, "1"},
      {3.0, "3"},
      {-2.0, "-2"},
      {1.5, "1.5"},
      {0.1, "0.1"},
      {0.3, "0.3"},
      {0.1 + 0.2, "0.30000000000000004"},
      {100000, "100000"},
      {123456, "123456"},
      {999999, "999999"},
      {1e6, "1e+06"},
      {1234567, "1.234567e+06"},
      {-1e6, "-1e+06"},
      {1e21, "1e+21"},
      {1e100, "1e+100"},
      {0.0001, "0.0001"},
      {0.00012, "0.00012"},
      {1e-5, "1e-05"},
      {1.5e-5, "1.5e-05"},
      {1e-300, "1e-300"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {inf, "+Inf"},
      {-inf, "-Inf"},
      {std::nan(""), "NaN"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(GoFormatFloat(r.value), r.text) << r.text;
  }
}

TEST(GoFormatTest, IntTable) {
  EXPECT_EQ(GoFormatInt(0), "0");
  EXPECT_EQ(GoFormatInt(-42), "-42");
  EXPECT_EQ(GoFormatInt(1000000), "1000000");
  EXPECT_EQ(GoFormatInt(std::numeric_limits<int64_t>::max()), "9223372036854775807");
  EXPECT_EQ(GoFormatInt(std::numeric_limits<int64_t>::min()), "-9223372036854775808");
}

TEST(GoFormatTest, JsonSortsKeysAndEscapesLikeGo) {
  Json v = {{"b", 1}, {"a", "<&>"}, {"c", {1.5, true, nullptr}}};
  EXPECT_EQ(GoJson(v), R"({"a":"\u003c\u0026\u003e","b":1,"c":[1.5,true,null]})");
}

TEST(GoFormatTest, JsonKeysSortAsBytesAtEveryLevel) {
  Json v = {{"b", {{"z", 1}, {"A", 2}, {"_", 3}}}, {"a", 0}, {"B", 0}, {"\xc3\xa9", 0}, {"", 0}};
  EXPECT_EQ(GoJson(v), "{\"\":0,\"B\":0,\"a\":0,\"b\":{\"A\":2,\"_\":3,\"z\":1},\"\xc3\xa9\":0}");
  EXPECT_EQ(GoJson(Json::object()), "{}");
  EXPECT_EQ(GoJson(Json::array()), "[]");
  EXPECT_EQ(GoJson(Json::array({Json::object(), Json::array()})), "[{},[]]");
}

TEST(GoFormatTest, JsonStringEscapes) {
  struct Row {
    std::string in;
    const char* out;
  };
  const Row rows[] = {
      {"plain", R"("plain")"},
      {"", R"("")"},
      {"q\"b\\s/", R"("q\"b\\s/")"},
      {"\b\f\n\r\t", R"("\b\f\n\r\t")"},
      {std::string("\x00\x01\x1f", 3), R"("\u0000\u0001\u001f")"},
      {"\x7f", "\"\x7f\""},
      {"<script>&", R"("\u003cscript\u003e\u0026")"},
      {"'", R"("'")"},
      {"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\""},
      {"\xe2\x80\xa8\xe2\x80\xa9", R"("\u2028\u2029")"},
      {"a\xffz", R"("a\ufffdz")"},
      {"\xc0\xaf", R"("\ufffd\ufffd")"},            // overlong: each byte is an error
      {"\xed\xa0\x80", R"("\ufffd\ufffd\ufffd")"},  // surrogate
      {"\xe2\x82", R"("\ufffd\ufffd")"},            // truncated
  };
  for (const Row& r : rows) {
    EXPECT_EQ(GoJson(Json(r.in)), r.out) << testing::PrintToString(r.in);
  }
  // Keys are escaped the same way.
  EXPECT_EQ(GoJson(Json{{"<k>", 1}}), R"({"\u003ck\u003e":1})");
}

TEST(GoFormatTest, JsonNumbers) {
  struct Row {
    Json in;
    const char* out;
  };
  const Row rows[] = {
      {Json(0), "0"},
      {Json(-7), "-7"},
      {Json(std::numeric_limits<int64_t>::min()), "-9223372036854775808"},
      {Json(std::numeric_limits<uint64_t>::max()), "18446744073709551615"},
      {Json(0.0), "0"},
      {Json(-0.0), "-0"},
      {Json(3.0), "3"},
      {Json(1.5), "1.5"},
      {Json(0.1 + 0.2), "0.30000000000000004"},
      {Json(1e6), "1000000"},
      {Json(1e20), "100000000000000000000"},
      {Json(123456789.125), "123456789.125"},
      {Json(1e21), "1e+21"},
      {Json(1.5e300), "1.5e+300"},
      {Json(0.000001), "0.000001"},
      {Json(1e-7), "1e-7"},
      {Json(-1.5e-9), "-1.5e-9"},
      {Json(1e-10), "1e-10"},
      {Json(5e-324), "5e-324"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(GoJson(r.in), r.out) << r.out;
  }
}

TEST(GoFormatTest, JsonScalarsAndBinary) {
  EXPECT_EQ(GoJson(Json(nullptr)), "null");
  EXPECT_EQ(GoJson(Json(true)), "true");
  EXPECT_EQ(GoJson(Json(false)), "false");
  EXPECT_EQ(GoJson(Json::binary({1, 2, 3})), R"("AQID")");
  EXPECT_EQ(GoJson(Json::binary({})), R"("")");
  EXPECT_EQ(GoJson(Json(Json::value_t::discarded)), "null");
}

TEST(GoFormatTest, JsonFailsOnNanAndInfAnywhere) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(GoJson(Json(std::nan(""))), "");
  EXPECT_EQ(GoJson(Json(inf)), "");
  EXPECT_EQ(GoJson(Json(-inf)), "");
  EXPECT_EQ(GoJson(Json{1, 2, inf}), "");
  EXPECT_EQ(GoJson(Json{{"a", {{"b", {std::nan("")}}}}, {"c", 1}}), "");
}

}  // namespace
}  // namespace lr
