#include "render/launch_config.h"

#include <regex>

#include "render/load.h"
#include "render/scalar_text.h"
#include "render/yaml_resolve.h"

namespace lr {
namespace {

SourcePos Remap(const LineMap& map, const SourcePos& pos) { return map.Map(pos.line, pos.col); }

// Where the config's own text said it, when the map cannot point inside it.
std::string Inside(const LaunchConfigSource& source, const SourcePos& pos) {
  if (source.map.exact() || pos.line < 1 || source.path_prefix.empty()) return "";
  return " (" + source.path_prefix + " line " + std::to_string(pos.line) + ", column " +
         std::to_string(pos.col) + ")";
}

// "(first defined at line N)" from the loader counts lines of the config text.
std::string RemapLineMention(const LineMap& map, const std::string& message) {
  static const std::regex kLine(R"(\(first defined at line ([0-9]+)\))");
  std::smatch m;
  if (!map.exact() || !std::regex_search(message, m, kLine)) return message;
  int line = map.Map(std::stoi(m[1].str()), 1).line;
  return m.prefix().str() + "(first defined at line " + std::to_string(line) + ")" +
         m.suffix().str();
}

void RemapDiagnostics(const LaunchConfigSource& source, const Diagnostics& inner,
                      Diagnostics* diags) {
  for (Diagnostic d : inner.all()) {
    d.message = RemapLineMention(source.map, d.message) + Inside(source, d.pos);
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

std::map<std::string, std::string> WrittenScalars(const Document& doc) {
  std::map<std::string, std::string> out;
  for (const auto& [pointer, pos] : doc.positions) {
    const Json& v = doc.root.at(Json::json_pointer(pointer));
    if (!v.is_primitive() || v.is_string()) continue;
    std::string token = PlainTokenAt(doc.text, pos.value);
    if (!token.empty() && ResolvePyYaml(token) == v) {
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
  std::string what = source.path_prefix.empty() ? "the launch agent config " : "";
  if (docs && docs->size() > 1) {
    const NodePos* second = (*docs)[1].Find("");
    inner.Error(second ? second->value : SourcePos{}, "",
                what +
                    "must hold one YAML document (the agent's yaml.safe_load refuses more), "
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
                  what + "must be a mapping of agent settings, got " + DescribeValue(doc.root), "");
    }
  }
  RemapDiagnostics(source, inner, diags);
  if (inner.HasErrors()) return std::nullopt;
  LaunchConfig out;
  out.written = WrittenScalars(doc);
  if (!source.map.exact() && !source.path_prefix.empty()) {
    for (const auto& [pointer, pos] : doc.positions) {
      out.unmapped[pointer] = Inside(source, pos.key);
    }
  }
  RemapPositions(source, &doc);
  out.doc = std::move(doc);
  return out;
}

}  // namespace lr
