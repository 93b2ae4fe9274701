// The images embedded at build time are exactly what loading the YAML gives: same tree (same
// JSON types, not only equal values), same positions; and the image format round-trips.
#include "render/document_image.h"

#include <gtest/gtest.h>

#include <cmath>

#include "render/embedded.h"
#include "render/frozen_json.h"
#include "render/load.h"

namespace lr {
namespace {

// Equal values and equal JSON types at every node (json's == says 1 == 1u == 1.0).
void ExpectIdentical(const Json& a, const Json& b, const std::string& where) {
  ASSERT_EQ(a.type(), b.type()) << where;
  if (a.is_object()) {
    ASSERT_EQ(a.size(), b.size()) << where;
    auto ia = a.begin();
    for (auto ib = b.begin(); ib != b.end(); ++ia, ++ib) {
      ASSERT_EQ(ia.key(), ib.key()) << where;
      ExpectIdentical(*ia, *ib, where + "/" + ia.key());
    }
  } else if (a.is_array()) {
    ASSERT_EQ(a.size(), b.size()) << where;
    for (size_t i = 0; i < a.size(); ++i)
      ExpectIdentical(a[i], b[i], where + "/" + std::to_string(i));
  } else {
    ASSERT_EQ(a, b) << where;
  }
}

void ExpectSamePositions(const Document& a, const Document& b) {
  ASSERT_EQ(a.positions.size(), b.positions.size());
  for (const auto& [pointer, pos] : a.positions) {
    const NodePos* other = b.Find(pointer);
    ASSERT_NE(other, nullptr) << pointer;
    EXPECT_EQ(pos.key.file, other->key.file) << pointer;
    EXPECT_EQ(pos.key.line, other->key.line) << pointer;
    EXPECT_EQ(pos.key.col, other->key.col) << pointer;
    EXPECT_EQ(pos.value.line, other->value.line) << pointer;
    EXPECT_EQ(pos.value.col, other->value.col) << pointer;
    EXPECT_EQ(pos.user, other->user) << pointer;
  }
}

Document Load(const std::string& file, const std::string& text, bool user) {
  Diagnostics diags;
  LoadOptions options;
  options.user = user;
  auto doc = LoadValuesFile(file, text, options, &diags);
  EXPECT_TRUE(doc.has_value()) << file;
  return doc ? *doc : Document{};
}

TEST(DocumentImageTest, EveryImageIsWhatLoadingTheYamlGives) {
  ASSERT_FALSE(EmbeddedImages().empty());
  int yaml = 0;
  for (const EmbeddedFile& image : EmbeddedImages()) {
    std::string_view path = image.path;
    if (path.substr(path.size() - 5) != ".yaml")
      continue;  // frozen schemas: kube_schema_bundle_test
    ++yaml;
    SCOPED_TRACE(std::string(image.path));
    std::string file(image.path);
    Document loaded = Load(file, std::string(EmbeddedText(image.path)), false);
    const Document& served = EmbeddedDocument(image.path);
    EXPECT_EQ(served.file, file);
    EXPECT_EQ(served.text, loaded.text);
    ExpectIdentical(served.root, loaded.root, "");
    ExpectSamePositions(served, loaded);
  }
  EXPECT_GE(yaml, 10);
}

TEST(DocumentImageTest, RoundTripsTypesPositionsAndUserMarks) {
  const std::string text =
      "a: 1\nb: -2\nc: 18446744073709551615\nd: 1.5\ne: '3'\nf: [x, {g: null}]\nh: true\n";
  Document doc = Load("v.yaml", text, true);
  auto image = WriteDocumentImage(doc);
  ASSERT_TRUE(image.has_value());
  auto back = ReadDocumentImage(*image, "v.yaml", text);
  ASSERT_TRUE(back.has_value());
  ExpectIdentical(back->root, doc.root, "");
  EXPECT_TRUE(back->root["c"].is_number_unsigned());
  EXPECT_TRUE(back->root["a"].is_number_integer() && !back->root["a"].is_number_unsigned());
  ExpectSamePositions(*back, doc);
}

TEST(DocumentImageTest, CarriesWhatJsonCannotAndRefusesImagesOfAnotherShape) {
  Document doc = Load("v.yaml", "a: .nan\nb: -.inf\n", true);
  auto image = WriteDocumentImage(doc);
  ASSERT_TRUE(image.has_value());
  auto back = ReadDocumentImage(*image, "v.yaml", "");
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(std::isnan(back->root["a"].get<double>()));
  EXPECT_EQ(back->root["b"].get<double>(), -INFINITY);
  for (const char* bad : {"[]", R"({"root": {}})", R"({"root": {}, "positions": [[1]]})",
                          R"({"root": {}, "positions": [["", 1, 1, 1, 1, 3]]})",
                          R"({"root": {}, "positions": [["", 1, 1, 1, 1.5, true]]})"}) {
    std::string frozen = FreezeJson(Json::parse(bad));
    EXPECT_FALSE(ReadDocumentImage(frozen, "v.yaml", "").has_value()) << bad;
  }
  EXPECT_FALSE(ReadDocumentImage("", "v.yaml", "").has_value());
  EXPECT_FALSE(ReadDocumentImageRoot(FreezeJson(Json::parse("[]"))).has_value());
  Document plain = Load("v.yaml", "a: [1, x]\n", true);
  EXPECT_EQ(*ReadDocumentImageRoot(*WriteDocumentImage(plain)), plain.root);
}

TEST(DocumentImageTest, SkeletonsAreTheirImagesTrees) {
  const Json& skeleton = Skeleton("service-account");
  EXPECT_EQ(skeleton, EmbeddedDocument("templates/bundle/service-account.yaml").root);
  EXPECT_EQ(&skeleton, &Skeleton("service-account"));  // cached
}

}  // namespace
}  // namespace lr
