// CRDs are YAML; their schemas are turned into JSON with YAML 1.2 core-schema typing: quoted
// scalars are strings, plain ones are null, booleans, integers or floats when they read as such.
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <regex>
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {
namespace {

Json PlainScalar(const std::string& s) {
  static const std::regex kInt("[-+]?[0-9]+");
  static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (std::regex_match(s, kInt)) {
    long long value = 0;
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    auto [end, error] = std::from_chars(begin, s.data() + s.size(), value);
    if (error == std::errc() && end == s.data() + s.size()) return value;
  }
  if (std::regex_match(s, kFloat)) return std::stod(s);
  return s;
}

Json Convert(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return node.Tag() == "?" ? PlainScalar(node.Scalar()) : Json(node.Scalar());
    case YAML::NodeType::Sequence: {
      Json list = Json::array();
      for (const auto& item : node) list.push_back(Convert(item));
      return list;
    }
    case YAML::NodeType::Map: {
      Json map = Json::object();
      for (const auto& item : node) map[item.first.Scalar()] = Convert(item.second);
      return map;
    }
  }
  throw std::logic_error("unknown YAML node type");
}

}  // namespace

std::vector<Json> YamlDocumentsToJson(const std::string& text) {
  std::vector<Json> documents;
  for (const YAML::Node& document : YAML::LoadAll(text)) {
    if (!document.IsNull()) documents.push_back(Convert(document));
  }
  return documents;
}

}  // namespace ksg
