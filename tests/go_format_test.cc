// Go-compatible number and JSON text (what helm's toJson and %v print).
#include "render/go_format.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace lr {
namespace {

TEST(GoFormatTest, FloatTable) {
  EXPECT_EQ(GoFormatFloat(1e6), "1e+06");
  EXPECT_EQ(GoFormatFloat(100000), "100000");
  EXPECT_EQ(GoFormatFloat(1e-5), "1e-05");
  EXPECT_EQ(GoFormatFloat(0.0001), "0.0001");
  EXPECT_EQ(GoFormatFloat(1.5), "1.5");
  EXPECT_EQ(GoFormatFloat(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(GoFormatFloat(std::nan("")), "NaN");
  EXPECT_EQ(GoFormatInt(-42), "-42");
}

TEST(GoFormatTest, JsonSortsKeysAndEscapesLikeGo) {
  Json v = {{"b", 1}, {"a", "<&>"}, {"c", {1.5, true, nullptr}}};
  EXPECT_EQ(GoJson(v), R"({"a":"\u003c\u0026\u003e","b":1,"c":[1.5,true,null]})");
  EXPECT_EQ(GoJson(Json(1e21)), "1e+21");
  EXPECT_EQ(GoJson(Json(std::nan(""))), "");
}

}  // namespace
}  // namespace lr
