#include "render/template_vars.h"

#include <cmath>
#include <regex>

#include "render/scalar_text.h"

namespace lr {
namespace {

constexpr const char* kRule = "template-variables";

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return std::string(s.substr(b, e - b + 1));
}

// Digits with single underscores between them, as Python literals allow.
std::string WithoutUnderscores(const std::string& s) {
  static const std::regex kDigits(R"([0-9]+(_[0-9]+)*)");
  if (!std::regex_match(s, kDigits)) return "";
  std::string out;
  for (char c : s) {
    if (c != '_') out += c;
  }
  return out;
}

bool ReadVariable(const std::string& name, const Json& schema, const SourcePos& where,
                  TemplateVariable* v, Diagnostics* diags) {
  std::string path = "template_variables." + name;
  if (!schema.is_object()) {
    diags->Error(where, path, "must be a mapping {type, enum, minimum, maximum, default}", kRule);
    return false;
  }
  v->where = where;
  auto type = schema.find("type");
  v->type = type == schema.end() ? "string" : type->is_string() ? type->get<std::string>() : "";
  if (v->type == "float") v->type = "number";
  if (v->type != "string" && v->type != "integer" && v->type != "number") {
    diags->Error(where, path + ".type",
                 "must be \"string\", \"integer\" or \"number\", got " +
                     (type->is_string() ? Quote(v->type) : DescribeValue(*type)),
                 kRule);
    return false;
  }
  if (schema.contains("minimum") && schema["minimum"].is_number()) v->minimum = schema["minimum"];
  if (schema.contains("maximum") && schema["maximum"].is_number()) v->maximum = schema["maximum"];
  v->enum_values = schema.value("enum", Json(nullptr));
  v->default_value = schema.value("default", Json(nullptr));
  return true;
}

// "" when `value` satisfies the variable, otherwise why not.
std::string Violation(const TemplateVariable& v, const Json& value) {
  if (v.type == "string") {
    if (!value.is_string()) return "must be a string";
    if (v.enum_values.is_array() &&
        std::find(v.enum_values.begin(), v.enum_values.end(), value) == v.enum_values.end()) {
      std::string list;
      for (const Json& e : v.enum_values) list += (list.empty() ? "" : ", ") + Quote(ScalarText(e));
      return "must be one of " + list;
    }
    return "";
  }
  if (!value.is_number() || (v.type == "integer" && !value.is_number_integer())) {
    return "must be of type " + v.type;
  }
  double d = value.get<double>();
  if (v.minimum && d < *v.minimum) return "must be at least " + ScalarText(Json(*v.minimum));
  if (v.maximum && d > *v.maximum) return "must be at most " + ScalarText(Json(*v.maximum));
  return "";
}

std::optional<Json> Coerce(const TemplateVariable& v, const std::string& text) {
  if (v.type == "integer") {
    auto i = PythonInt(text);
    return i ? std::optional<Json>(Json(*i)) : std::nullopt;
  }
  if (v.type == "number") {
    auto d = PythonFloat(text);
    return d ? std::optional<Json>(Json(*d)) : std::nullopt;
  }
  return Json(text);
}

const std::regex& Placeholder() {
  static const std::regex r(R"(\{\{\s*([A-Za-z0-9_.-]+)\s*\}\})");
  return r;
}

}  // namespace

std::optional<int64_t> PythonInt(std::string_view input) {
  std::string s = Trim(input);
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s = s.substr(1);
  std::string digits = WithoutUnderscores(s);
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  int64_t v = std::stoll(digits);
  return negative ? -v : v;
}

std::optional<double> PythonFloat(std::string_view input) {
  std::string s = Trim(input);
  static const std::regex kFloat(
      R"([+-]?(([0-9](_?[0-9])*)?\.?[0-9](_?[0-9])*|[0-9](_?[0-9])*\.)([eE][+-]?[0-9](_?[0-9])*)?)");
  static const std::regex kSpecial(R"([+-]?(inf|infinity|nan))", std::regex::icase);
  if (std::regex_match(s, kSpecial)) {
    bool neg = s[0] == '-';
    bool nan =
        s.find_first_of("nN") != std::string::npos && s.find_first_of("iI") == std::string::npos;
    double v = nan ? std::nan("") : HUGE_VAL;
    return neg ? -v : v;
  }
  if (!std::regex_match(s, kFloat)) return std::nullopt;
  std::string plain;
  for (char c : s) {
    if (c != '_') plain += c;
  }
  return std::stod(plain);
}

bool TakeTemplateVariables(Document* config, TemplateVariables* out, Diagnostics* diags) {
  if (!config->root.is_object() || !config->root.contains("template_variables")) return true;
  Json section = config->root["template_variables"];
  bool ok = true;
  if (!section.is_object()) {
    diags->Error(config->Locate("/template_variables"), "template_variables",
                 "must be a mapping of NAME: {type, ...}, got " + DescribeValue(section), kRule);
    ok = false;
  } else {
    for (const auto& [name, schema] : section.items()) {
      TemplateVariable v;
      SourcePos where = config->Locate(PointerJoin("/template_variables", name));
      if (ReadVariable(name, schema, where, &v, diags))
        (*out)[name] = v;
      else
        ok = false;
    }
  }
  config->root.erase("template_variables");
  return ok;
}

bool ResolveTemplateValues(const std::vector<std::string>& set_vars, const TemplateVariables& vars,
                           std::map<std::string, Json>* values, Diagnostics* diags) {
  bool ok = true;
  for (size_t i = 0; i < set_vars.size(); ++i) {
    SourcePos where{"--set-var", static_cast<int>(i + 1), 0};
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
      size_t eq = set_vars[i].find('=', start);
      parts.push_back(set_vars[i].substr(start, eq == std::string::npos ? eq : eq - start));
      if (eq == std::string::npos) break;
      start = eq + 1;
    }
    if (parts.size() != 2) {
      diags->Error(where, "", "must be NAME=VALUE with exactly one '=', got " + Quote(set_vars[i]),
                   kRule);
      ok = false;
      continue;
    }
    auto it = vars.find(parts[0]);
    if (it == vars.end()) {
      diags->Error(where, "", "the queue has no template variable " + Quote(parts[0]), kRule);
      ok = false;
      continue;
    }
    std::optional<Json> value = Coerce(it->second, parts[1]);
    std::string why = value ? Violation(it->second, *value) : "must be of type " + it->second.type;
    if (!why.empty()) {
      diags->Error(where, parts[0], why + ", got " + Quote(parts[1]), kRule);
      ok = false;
      continue;
    }
    (*values)[parts[0]] = *value;
  }
  for (const auto& [name, v] : vars) {
    if (values->count(name) || v.default_value.is_null()) continue;
    std::string why = Violation(v, v.default_value);
    if (!why.empty()) {
      diags->Error(v.where, "template_variables." + name + ".default",
                   why + ", got " + DescribeValue(v.default_value), kRule);
      ok = false;
      continue;
    }
    (*values)[name] = v.default_value;
  }
  return ok;
}

namespace {

struct Filler {
  Document* config;
  const TemplateVariables& vars;
  const std::map<std::string, Json>& values;
  Diagnostics* diags;
  bool ok = true;

  // The value for placeholder `name` at `pointer`, or nullptr after reporting.
  const Json* Value(const std::string& name, const std::string& pointer) {
    if (!vars.count(name)) {
      Report(pointer, "{{" + name + "}} names no variable of the queue's template_variables");
      return nullptr;
    }
    auto it = values.find(name);
    if (it == values.end()) {
      Report(pointer,
             "{{" + name + "}} has no value and no default: pass --set-var " + name + "=VALUE");
      return nullptr;
    }
    return &it->second;
  }
  void Report(const std::string& pointer, const std::string& message) {
    ok = false;
    diags->Error(config->Locate(pointer), PointerToPath(pointer, config->root), message, kRule);
  }
  void Fill(Json* node, const std::string& pointer) {
    if (node->is_object()) {
      for (auto& [k, v] : node->items()) Fill(&v, PointerJoin(pointer, k));
    } else if (node->is_array()) {
      for (size_t i = 0; i < node->size(); ++i) Fill(&(*node)[i], PointerJoin(pointer, i));
    } else if (node->is_string()) {
      FillString(node, pointer);
    }
  }
  void FillString(Json* node, const std::string& pointer) {
    std::string text = node->get<std::string>();
    std::smatch m;
    if (std::regex_match(text, m, Placeholder())) {
      if (const Json* v = Value(m[1].str(), pointer)) *node = *v;
      return;
    }
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), Placeholder());
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      out += text.substr(last, static_cast<size_t>(it->position()) - last);
      const Json* v = Value((*it)[1].str(), pointer);
      out += v ? ScalarText(*v) : it->str();
      last = static_cast<size_t>(it->position() + it->length());
    }
    if (last == 0) return;
    *node = out + text.substr(last);
  }
};

}  // namespace

bool FillTemplates(Document* config, const TemplateVariables& vars,
                   const std::map<std::string, Json>& values, Diagnostics* diags) {
  Filler f{config, vars, values, diags};
  f.Fill(&config->root, "");
  return f.ok;
}

}  // namespace lr
