#include "render/launch_config.h"

#include "render/load.h"
#include "render/scalar_text.h"

namespace lr {
namespace {

SourcePos Remap(const LineMap& map, const SourcePos& pos) { return map.Map(pos.line, pos.col); }

// Where the config's own text said it, when the map cannot point inside it.
std::string Inside(const LaunchConfigSource& source, const SourcePos& pos) {
  if (source.map.exact() || pos.line < 1 || source.path_prefix.empty()) return "";
  return " (" + source.path_prefix + " line " + std::to_string(pos.line) + ", column " +
         std::to_string(pos.col) + ")";
}

void RemapDiagnostics(const LaunchConfigSource& source, const Diagnostics& inner,
                      Diagnostics* diags) {
  for (Diagnostic d : inner.all()) {
    d.message += Inside(source, d.pos);
    d.pos = Remap(source.map, d.pos);
    d.path = PrefixPath(source.path_prefix, d.path);
    d.rule = "launch-config-yaml";
    diags->Add(std::move(d));
  }
}

// The root of an embedded config is the launchConfig key itself.
void RemapPositions(const LaunchConfigSource& source, Document* doc) {
  for (auto& [pointer, pos] : doc->positions) {
    bool root = pointer.empty() && !source.path_prefix.empty();
    pos.key = root ? source.map.whole() : Remap(source.map, pos.key);
    pos.value = root ? source.map.whole() : Remap(source.map, pos.value);
  }
}

// The plain token at a 1-based position: up to the end of the line, a flow indicator or a
// comment (numbers, booleans and nulls never contain those).
std::string TokenAt(std::string_view text, const SourcePos& pos) {
  size_t offset = 0;
  for (int line = 1; line < pos.line && offset != std::string_view::npos; ++line) {
    offset = text.find('\n', offset);
    if (offset != std::string_view::npos) ++offset;
  }
  if (offset == std::string_view::npos) return "";
  offset += static_cast<size_t>(pos.col - 1);
  if (offset >= text.size()) return "";
  size_t end = text.find_first_of(",]}\r\n", offset);
  std::string token(text.substr(offset, end == std::string_view::npos ? end : end - offset));
  if (size_t hash = token.find(" #"); hash != std::string::npos) token.resize(hash);
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.pop_back();
  return token;
}

std::map<std::string, std::string> WrittenScalars(const Document& doc) {
  std::map<std::string, std::string> out;
  for (const auto& [pointer, pos] : doc.positions) {
    const Json& v = doc.root.at(Json::json_pointer(pointer));
    if (!v.is_primitive() || v.is_string()) continue;
    std::string token = TokenAt(doc.text, pos.value);
    if (!token.empty() && token[0] != '"' && token[0] != '\'' && token[0] != '!') {
      out[pointer] = token;
    }
  }
  return out;
}

}  // namespace

std::string PrefixPath(const std::string& prefix, const std::string& path) {
  if (prefix.empty()) return path;
  if (path.empty()) return prefix;
  return prefix + (path[0] == '[' ? "" : ".") + path;
}

std::optional<LaunchConfig> LoadLaunchConfig(const LaunchConfigSource& source, Diagnostics* diags) {
  LoadOptions options;
  options.dialect = YamlDialect::kPyYaml;
  Diagnostics inner;
  SourcePos whole = source.map.Map(0, 0);
  auto docs = LoadStream(whole.file, source.text, options, &inner);
  std::string what = source.path_prefix.empty() ? "a launch agent config" : "launchConfig";
  if (docs && docs->size() > 1) {
    const NodePos* second = (*docs)[1].Find("");
    inner.Error(second ? second->value : SourcePos{}, "",
                what +
                    " must hold one YAML document (the agent's yaml.safe_load refuses more), "
                    "found " +
                    std::to_string(docs->size()),
                "");
    docs.reset();
  }
  Document doc;
  if (docs) {
    doc = docs->empty() ? Document{whole.file, source.text, nullptr, {}} : std::move((*docs)[0]);
    if (doc.root.is_null()) {
      doc.root = Json::object();
      doc.positions[""] = NodePos{{whole.file, 1, 1}, {whole.file, 1, 1}, true};
    } else if (!doc.root.is_object()) {
      inner.Error(doc.Locate(""), "",
                  what + " must be a mapping of agent settings, got " + DescribeValue(doc.root),
                  "");
    }
  }
  RemapDiagnostics(source, inner, diags);
  if (inner.HasErrors()) return std::nullopt;
  LaunchConfig out;
  out.written = WrittenScalars(doc);
  RemapPositions(source, &doc);
  out.doc = std::move(doc);
  return out;
}

}  // namespace lr
