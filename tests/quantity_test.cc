// Tests for Kubernetes quantities (render/quantity.h): every suffix, exponents, signs, numbers.
#include "render/quantity.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

using nlohmann::json;

TEST(QuantityTest, SuffixesExponentsAndNumbers) {
  struct {
    json in;
    long double want;
  } rows[] = {
      {"500m", 0.5L},   {"1", 1.0L},         {"1.5Gi", 1.5L * 1073741824},
      {"2Ki", 2048.0L}, {".5Mi", 524288.0L}, {"1e3", 1000.0L},
      {"1E-3", 0.001L}, {"3k", 3000.0L},     {"4M", 4e6L},
      {"1Ei", 0x1p60L}, {"-2", -2.0L},       {"+7n", 7e-9L},
      {"5.", 5.0L},     {2, 2.0L},           {0.25, 0.25L},
  };
  for (const auto& r : rows) {
    std::optional<long double> got = QuantityValue(r.in);
    ASSERT_TRUE(got.has_value()) << r.in;
    EXPECT_NEAR(static_cast<double>(*got), static_cast<double>(r.want),
                1e-9 * static_cast<double>(r.want < 0 ? -r.want : r.want) + 1e-18)
        << r.in;
  }
}

TEST(QuantityTest, NotQuantities) {
  for (const json& in : {json("2 cores"), json("1GB"), json(""), json("e3"), json("1.2.3"),
                         json("Mi"), json(true), json(nullptr), json::object()}) {
    EXPECT_EQ(QuantityValue(in), std::nullopt) << in;
  }
}

TEST(QuantityTest, TextIsWhatWasWritten) {
  EXPECT_EQ(QuantityText("1500m"), "1500m");
  EXPECT_EQ(QuantityText(2), "2");
  EXPECT_EQ(QuantityText(0.5), "0.5");
}

}  // namespace
}  // namespace lr
