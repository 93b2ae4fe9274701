#include "render/document_image.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace lr {
namespace {

bool Representable(const Json& node) {
  if (node.is_number_float()) return std::isfinite(node.get<double>());
  if (node.is_structured()) {
    for (const Json& child : node) {
      if (!Representable(child)) return false;
    }
  }
  return true;
}

// The loader keeps integers up to INT64_MAX signed; a JSON reader makes every non-negative
// integer unsigned. Put them back as the loader had them.
void RestoreSigned(Json* node) {
  if (node->is_number_unsigned()) {
    auto v = node->get<uint64_t>();
    if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      *node = static_cast<int64_t>(v);
    }
  } else if (node->is_structured()) {
    for (Json& child : *node) RestoreSigned(&child);
  }
}

bool ReadPosition(const Json& row, const std::string& file, NodePos* out) {
  if (!row.is_array() || row.size() != 6 || !row[0].is_string()) return false;
  for (size_t i = 1; i < 5; ++i) {
    if (!row[i].is_number_integer()) return false;
  }
  if (!row[5].is_boolean()) return false;
  out->key = SourcePos{file, row[1].get<int>(), row[2].get<int>()};
  out->value = SourcePos{file, row[3].get<int>(), row[4].get<int>()};
  out->user = row[5].get<bool>();
  return true;
}

}  // namespace

std::optional<std::string> WriteDocumentImage(const Document& doc) {
  if (!Representable(doc.root)) return std::nullopt;
  Json positions = Json::array();
  for (const auto& [pointer, pos] : doc.positions) {
    if (pos.key.file != doc.file || pos.value.file != doc.file) return std::nullopt;
    positions.push_back(
        Json::array({pointer, pos.key.line, pos.key.col, pos.value.line, pos.value.col, pos.user}));
  }
  Json image = Json::object();
  image["root"] = doc.root;
  image["positions"] = std::move(positions);
  return image.dump();
}

std::optional<Document> ReadDocumentImage(std::string_view image, const std::string& file,
                                          std::string text) {
  Json parsed = Json::parse(image.begin(), image.end(), nullptr, false);
  if (!parsed.is_object() || !parsed.contains("root") || !parsed.contains("positions") ||
      !parsed["positions"].is_array()) {
    return std::nullopt;
  }
  Document doc;
  doc.file = file;
  doc.text = std::move(text);
  doc.root = std::move(parsed["root"]);
  RestoreSigned(&doc.root);
  for (const Json& row : parsed["positions"]) {
    NodePos pos;
    if (!ReadPosition(row, file, &pos)) return std::nullopt;
    doc.positions.emplace_hint(doc.positions.end(), row[0].get<std::string>(), pos);
  }
  return doc;
}

}  // namespace lr
