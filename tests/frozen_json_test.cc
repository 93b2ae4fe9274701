// FrozenJson: images round-trip trees exactly (types, order), views find members, and
// IsFrozenJson accepts what FreezeJson writes and refuses everything else without reading
// outside the image.
#include "render/frozen_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

namespace lr {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

const char* kDoc = R"({"s": "text", "i": -3, "u": 18446744073709551615, "d": 1.5, "t": true,
  "f": false, "n": null, "a": [1, "two", [], {}], "o": {"z": 1, "a": {"deep": ["x"]}},
  "empty": "", "unicode": "\u00e9\u0000x"})";

TEST(FrozenJsonTest, RoundTripsTypesAndValues) {
  json doc = json::parse(kDoc);
  std::string image = FreezeJson(doc);
  ASSERT_TRUE(IsFrozenJson(image));
  json back = ThawJson<json>(FrozenJson::Root(image));
  EXPECT_EQ(back.dump(), doc.dump());
  EXPECT_TRUE(back["i"].is_number_integer() && !back["i"].is_number_unsigned());
  EXPECT_TRUE(back["u"].is_number_unsigned());
  EXPECT_TRUE(back["d"].is_number_float());
  EXPECT_EQ(back["unicode"].get<std::string>().size(), 4u);
}

TEST(FrozenJsonTest, OrderedObjectsKeepDocumentOrder) {
  ordered_json doc = ordered_json::parse(R"({"b": 1, "a": {"y": 2, "x": 3}})");
  std::string image = FreezeJson(doc);
  ASSERT_TRUE(IsFrozenJson(image));
  ordered_json back = ThawJson<ordered_json>(FrozenJson::Root(image));
  EXPECT_EQ(back.dump(), doc.dump());
  FrozenJson root = FrozenJson::Root(image);
  EXPECT_EQ(root.key(0), "b");
  EXPECT_EQ(root.find("a").find("x").uint64(), 3u);
  EXPECT_FALSE(root.find("c").present());
}

TEST(FrozenJsonTest, ViewsFindAndIndex) {
  std::string image = FreezeJson(json::parse(kDoc));
  FrozenJson root = FrozenJson::Root(image);
  EXPECT_TRUE(root.is_object());
  EXPECT_EQ(root.find("s").str(), "text");
  EXPECT_EQ(root.find("i").int64(), -3);
  EXPECT_EQ(root.find("i").number(), -3.0);
  EXPECT_EQ(root.find("d").number(), 1.5);
  EXPECT_TRUE(root.find("t").boolean());
  EXPECT_TRUE(root.find("n").is_null());
  EXPECT_EQ(root.find("a").size(), 4u);
  EXPECT_EQ(root.find("a").item(1).str(), "two");
  EXPECT_EQ(root.find("o").find("a").find("deep").item(0).str(), "x");
  for (const char* missing : {"", "A", "zz", "o2", "emptyy"}) {
    EXPECT_FALSE(root.find(missing).present()) << missing;
  }
  EXPECT_FALSE(root.find("s").find("x").present());  // not an object
  EXPECT_FALSE(FrozenJson().find("x").present());
  EXPECT_FALSE(FrozenJson::Root("").present());
}

TEST(FrozenJsonTest, FindsEveryKeyOfLargeSortedObjects) {
  json doc = json::object();
  for (int i = 0; i < 500; ++i) doc["k" + std::to_string(i * 7)] = i;
  std::string image = FreezeJson(doc);
  FrozenJson root = FrozenJson::Root(image);
  for (int i = 0; i < 500; ++i) {
    EXPECT_EQ(root.find("k" + std::to_string(i * 7)).uint64(), static_cast<uint64_t>(i));
    EXPECT_FALSE(root.find("k" + std::to_string(i * 7) + "x").present());
  }
}

TEST(FrozenJsonTest, CarriesNanAndInfinities) {
  json doc = {{"nan", NAN}, {"inf", -INFINITY}};
  json back = ThawJson<json>(FrozenJson::Root(FreezeJson(doc)));
  EXPECT_TRUE(std::isnan(back["nan"].get<double>()));
  EXPECT_EQ(back["inf"].get<double>(), -INFINITY);
}

TEST(FrozenJsonTest, RefusesEveryTruncationAndBadTags) {
  std::string image = FreezeJson(json::parse(kDoc));
  for (size_t n = 0; n < image.size(); ++n) {
    EXPECT_FALSE(IsFrozenJson(image.substr(0, n))) << n;
  }
  std::string bad = image;
  bad[0] = 10;
  EXPECT_FALSE(IsFrozenJson(bad));
  EXPECT_TRUE(IsFrozenJson(std::string(1, '\0')));  // null
}

TEST(FrozenJsonTest, RefusesUnsortedObjectsAndSharedOffsets) {
  std::string image = FreezeJson(json::parse(R"({"a": 1, "b": 2})"));
  std::string swapped = image;
  // Member slots start at 5: swap the two (key, value) pairs.
  std::string first = swapped.substr(5, 8), second = swapped.substr(13, 8);
  swapped.replace(5, 8, second).replace(13, 8, first);
  EXPECT_FALSE(IsFrozenJson(swapped));
  // An array whose items all point at the array itself: refused, not walked forever.
  std::string cycle = FreezeJson(json::parse("[1, 2, 3]"));
  for (int i = 0; i < 3; ++i) std::memset(&cycle[5 + 4 * i], 0, 4);
  EXPECT_FALSE(IsFrozenJson(cycle));
  std::string deep = FreezeJson(json::parse("[[[[1]]]]"));
  EXPECT_TRUE(IsFrozenJson(deep, 4));
  EXPECT_FALSE(IsFrozenJson(deep, 3));
}

}  // namespace
}  // namespace lr
