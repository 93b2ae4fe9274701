#include "render/macros.h"

#include <algorithm>
#include <optional>
#include <regex>

namespace lr {
namespace {

constexpr const char* kRule = "macros";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool SecretName(const std::string& name) {
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  for (const char* word : {"API_KEY", "SECRET", "TOKEN", "PASSWORD"}) {
    if (upper.find(word) != std::string::npos) return true;
  }
  return false;
}

struct Expander {
  Document* config;
  const RunContext& rc;
  Diagnostics* diags;
  std::map<std::string, std::optional<std::string>> builtins;

  void Warn(const std::string& pointer, const std::string& message) {
    diags->Warning(config->Locate(pointer), PointerToPath(pointer, config->root), message, kRule);
  }
  void Error(const std::string& pointer, const std::string& message) {
    diags->Error(config->Locate(pointer), PointerToPath(pointer, config->root), message, kRule);
  }

  // The replacement for ${name}, or nullopt to leave it as written.
  std::optional<std::string> Value(const std::string& name, const std::string& pointer) {
    auto env = rc.env.find(name);
    auto builtin = builtins.find(name);
    if (env != rc.env.end()) {
      if (SecretName(name)) {
        Error(pointer, "${" + name + "} would write the agent's " + name +
                           " into the manifest in plain text; reference a Secret instead");
        return std::nullopt;
      }
      if (builtin != builtins.end()) {
        Warn(pointer, "${" + name + "} is the agent's environment variable " + name +
                          ", which shadows the built-in macro of that name");
      }
      return env->second;
    }
    if (builtin == builtins.end()) return std::nullopt;
    if (!builtin->second) {
      Warn(pointer, "${" + name + "} is unset for this run: the agent writes the text None");
      return std::string("None");
    }
    return builtin->second;
  }

  void ExpandString(Json* node, const std::string& pointer) {
    static const std::regex kMacro(R"(\$\{(\w+)\})");
    const std::string text = node->get<std::string>();
    std::string out;
    size_t last = 0;
    bool changed = false;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kMacro);
         it != std::sregex_iterator(); ++it) {
      out += text.substr(last, static_cast<size_t>(it->position()) - last);
      std::optional<std::string> v = Value((*it)[1].str(), pointer);
      out += v ? *v : it->str();
      changed = changed || v.has_value();
      last = static_cast<size_t>(it->position() + it->length());
    }
    if (changed) *node = out + text.substr(last);
  }

  void Expand(Json* node, const std::string& pointer) {
    if (node->is_object()) {
      for (auto& [k, v] : node->items()) Expand(&v, PointerJoin(pointer, k));
    } else if (node->is_array()) {
      for (size_t i = 0; i < node->size(); ++i) Expand(&(*node)[i], PointerJoin(pointer, i));
    } else if (node->is_string()) {
      ExpandString(node, pointer);
    }
  }
};

}  // namespace

void ExpandMacros(Document* config, const RunContext& rc, Diagnostics* diags) {
  Expander e{config, rc, diags, {}};
  e.builtins = {{"project_name", Lower(rc.project_name)},
                {"entity_name", rc.entity_name},
                {"run_id", rc.run_id},
                {"run_name", rc.run_name},
                {"image_uri", rc.image_uri},
                {"author", rc.author}};
  e.Expand(&config->root, "");
}

}  // namespace lr
