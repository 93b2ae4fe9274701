#include "render/document_image.h"

#include "render/frozen_json.h"

namespace lr {
namespace {

bool ReadPosition(FrozenJson row, const std::string& file, NodePos* out) {
  if (!row.is_array() || row.size() != 6 || !row.item(0).is_string()) return false;
  for (uint32_t i = 1; i < 5; ++i) {
    if (row.item(i).tag() != FrozenJson::kInt) return false;
  }
  if (!row.item(5).is_boolean()) return false;
  auto at = [&](uint32_t i) { return static_cast<int>(row.item(i).int64()); };
  out->key = SourcePos{file, at(1), at(2)};
  out->value = SourcePos{file, at(3), at(4)};
  out->user = row.item(5).boolean();
  return true;
}

}  // namespace

std::optional<std::string> WriteDocumentImage(const Document& doc) {
  Json positions = Json::array();
  for (const auto& [pointer, pos] : doc.positions) {
    if (pos.key.file != doc.file || pos.value.file != doc.file) return std::nullopt;
    positions.push_back(Json::array({pointer, int64_t{pos.key.line}, int64_t{pos.key.col},
                                     int64_t{pos.value.line}, int64_t{pos.value.col}, pos.user}));
  }
  Json image = Json::object();
  image["root"] = doc.root;
  image["positions"] = std::move(positions);
  return FreezeJson(image);
}

std::optional<Document> ReadDocumentImage(std::string_view image, const std::string& file,
                                          std::string text) {
  FrozenJson top = FrozenJson::Root(image);
  FrozenJson root = top.find("root"), positions = top.find("positions");
  if (!root.present() || !positions.is_array()) return std::nullopt;
  Document doc;
  doc.file = file;
  doc.text = std::move(text);
  doc.root = ThawJson<Json>(root);
  for (uint32_t i = 0; i < positions.size(); ++i) {
    NodePos pos;
    FrozenJson row = positions.item(i);
    if (!ReadPosition(row, file, &pos)) return std::nullopt;
    doc.positions.emplace_hint(doc.positions.end(), std::string(row.item(0).str()), pos);
  }
  return doc;
}

std::optional<Json> ReadDocumentImageRoot(std::string_view image) {
  FrozenJson root = FrozenJson::Root(image).find("root");
  if (!root.present()) return std::nullopt;
  return ThawJson<Json>(root);
}

}  // namespace lr
