#include "render/load.h"

#include <map>

#include "render/yaml_tree.h"

namespace lr {
namespace {

constexpr std::string_view kCoreTag = "tag:yaml.org,2002:";

// yaml-cpp accepts a quoted scalar that runs to the end of the input; YAML does not.
// True when the quote opened at text[pos] is closed.
bool QuoteClosed(std::string_view text, size_t pos) {
  char quote = text[pos];
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return true;
      }
    }
  }
  return false;
}

// Turns yaml-cpp nodes into Json, recording positions; reports instead of throwing.
class Converter {
 public:
  Converter(Document* doc, const LoadOptions& options, Diagnostics* diags)
      : doc_(doc), options_(options), diags_(diags) {}

  Json Convert(const YamlNode& node, const std::string& ptr, SourcePos key_pos, int depth);
  bool failed() const { return failed_; }

 private:
  Json ConvertScalar(const YamlNode& node, const std::string& ptr);
  bool Unterminated(const YamlNode& node, const std::string& ptr);
  // An alias to one of its own ancestors makes an infinite tree: refused at once.
  bool Recursive(const YamlNode& node, const std::string& ptr) {
    for (const YamlNode* open : open_) {
      if (open == &node) {
        Fail(node.mark, ptr, "a recursive alias: this node contains itself");
        return true;
      }
    }
    return false;
  }
  template <typename F>
  Json Nested(const YamlNode& node, F convert) {
    open_.push_back(&node);
    Json out = convert();
    open_.pop_back();
    return out;
  }
  Json ConvertMap(const YamlNode& node, const std::string& ptr, int depth);
  Json ConvertSeq(const YamlNode& node, const std::string& ptr, int depth);
  void AddMerged(const YamlNode& source, const std::string& ptr, int depth, Json* out);
  std::optional<std::string> KeyString(const YamlNode& key, const std::string& ptr);
  void Fail(const YAML::Mark& mark, const std::string& ptr, std::string message);
  SourcePos Pos(const YAML::Mark& mark) const {
    return SourcePos{doc_->file, mark.line + 1, mark.column + 1};
  }

  Document* doc_;
  const LoadOptions& options_;
  Diagnostics* diags_;
  size_t nodes_ = 0;
  bool failed_ = false;
  std::vector<const YamlNode*>
      merging_;                        // mappings being merged now (a recursive alias repeats one)
  std::vector<const YamlNode*> open_;  // collections being converted now, outermost first
};

void Converter::Fail(const YAML::Mark& mark, const std::string& ptr, std::string message) {
  failed_ = true;
  diags_->Error(Pos(mark), ptr.empty() ? "" : PointerToPath(ptr, doc_->root), std::move(message),
                "yaml");
}

Json Converter::Convert(const YamlNode& node, const std::string& ptr, SourcePos key_pos,
                        int depth) {
  if (++nodes_ > options_.limits.max_nodes) {
    if (nodes_ == options_.limits.max_nodes + 1) {
      Fail(node.mark, "",
           "document expands to more than " + std::to_string(options_.limits.max_nodes) +
               " nodes (alias expansion limit)");
    }
    return nullptr;
  }
  if (depth > options_.limits.max_depth) {
    Fail(node.mark, "",
         "nesting deeper than " + std::to_string(options_.limits.max_depth) + " levels");
    return nullptr;
  }
  SourcePos value_pos = Pos(node.mark);
  if (key_pos.line == 0) key_pos = value_pos;
  doc_->positions[ptr] = NodePos{key_pos, value_pos, options_.user};
  switch (node.type) {
    case YamlNode::Type::kMap:
      if (Recursive(node, ptr)) return nullptr;
      return Nested(node, [&] { return ConvertMap(node, ptr, depth); });
    case YamlNode::Type::kSequence:
      if (Recursive(node, ptr)) return nullptr;
      return Nested(node, [&] { return ConvertSeq(node, ptr, depth); });
    case YamlNode::Type::kScalar:
      return ConvertScalar(node, ptr);
    case YamlNode::Type::kNull:
      break;
  }
  return nullptr;
}

bool Converter::Unterminated(const YamlNode& node, const std::string& ptr) {
  size_t pos = static_cast<size_t>(node.mark.pos);
  if (node.tag != "!" || pos >= doc_->text.size()) return false;
  char c = doc_->text[pos];
  if ((c != '"' && c != '\'') || QuoteClosed(doc_->text, pos)) return false;
  Fail(node.mark, ptr, std::string("unterminated quoted string: no closing ") + c);
  return true;
}

Json Converter::ConvertScalar(const YamlNode& node, const std::string& ptr) {
  if (Unterminated(node, ptr)) return nullptr;
  const std::string& text = node.scalar;
  if (text.size() > options_.limits.max_scalar_bytes) {
    Fail(node.mark, ptr,
         "scalar longer than " + std::to_string(options_.limits.max_scalar_bytes) + " bytes");
    return nullptr;
  }
  const std::string& tag = node.tag;
  if (tag == "?") return ResolvePlainScalar(text, options_.dialect);
  if (tag == "!" || tag == std::string(kCoreTag) + "str") return text;
  if (tag.rfind(kCoreTag, 0) == 0) {
    std::string kind = tag.substr(kCoreTag.size());
    Json v = ResolvePlainScalar(text, options_.dialect);
    bool ok = (kind == "int" && v.is_number_integer()) || (kind == "float" && v.is_number()) ||
              (kind == "bool" && v.is_boolean()) || (kind == "null" && v.is_null());
    if (ok) return kind == "float" ? Json(v.get<double>()) : v;
    if (kind == "binary" || kind == "timestamp") return text;
    Fail(node.mark, ptr, "cannot read " + Quote(text) + " as !!" + kind);
    return nullptr;
  }
  Fail(node.mark, ptr, "unsupported tag " + Quote(tag));
  return nullptr;
}

std::optional<std::string> Converter::KeyString(const YamlNode& key, const std::string& ptr) {
  if (key.type == YamlNode::Type::kNull) return "null";
  if (Unterminated(key, ptr)) return std::nullopt;
  if (key.type != YamlNode::Type::kScalar) {
    Fail(key.mark, ptr, "mapping keys must be scalars");
    return std::nullopt;
  }
  if (key.tag != "?") return key.scalar;
  Json v = ResolvePlainScalar(key.scalar, options_.dialect);
  if (v.is_string()) return v.get<std::string>();
  return v.dump();  // true, 1, 1.5: what the YAML-to-JSON step makes of such keys
}

bool IsMergeKey(const YamlNode& key) {
  return key.type == YamlNode::Type::kScalar && key.tag == "?" && key.scalar == "<<";
}

void Converter::AddMerged(const YamlNode& source, const std::string& ptr, int depth, Json* out) {
  if (depth > options_.limits.max_depth) {  // an alias that merges itself recurses forever
    Fail(source.mark, ptr,
         "merge keys nest deeper than " + std::to_string(options_.limits.max_depth) +
             " levels (does an anchor merge itself?)");
    return;
  }
  if (source.type == YamlNode::Type::kSequence) {
    for (const YamlNode* item : source.children) AddMerged(*item, ptr, depth, out);
    return;
  }
  if (source.type != YamlNode::Type::kMap) {
    Fail(source.mark, ptr, "the merge key << needs a mapping or a list of mappings");
    return;
  }
  for (const YamlNode* open : merging_) {
    if (open == &source) {
      Fail(source.mark, ptr, "the merge key << merges a mapping into itself (a recursive alias)");
      return;
    }
  }
  merging_.push_back(&source);
  Json merged = ConvertMap(source, ptr, depth + 1);
  merging_.pop_back();
  for (auto& [k, v] : merged.items()) {
    if (!out->contains(k)) (*out)[k] = v;  // the first source wins
  }
}

Json Converter::ConvertMap(const YamlNode& node, const std::string& ptr, int depth) {
  Json out = Json::object();
  if (nodes_ > options_.limits.max_nodes) return out;  // reported once; stop expanding
  const std::vector<const YamlNode*>& kv = node.children;
  std::map<std::string, int> seen;  // explicit key -> line
  for (size_t i = 0; i + 1 < kv.size(); i += 2) {
    if (IsMergeKey(*kv[i])) {
      AddMerged(*kv[i + 1], ptr, depth + 1, &out);
      continue;
    }
    auto key = KeyString(*kv[i], ptr);
    if (!key) continue;
    auto [it, inserted] = seen.emplace(*key, kv[i]->mark.line + 1);
    if (!inserted) {
      Fail(kv[i]->mark, PointerJoin(ptr, *key),
           "duplicate key " + Quote(*key) + " (first defined at line " +
               std::to_string(it->second) + ")");
    }
  }
  for (size_t i = 0; i + 1 < kv.size(); i += 2) {
    if (IsMergeKey(*kv[i])) continue;
    auto key = KeyString(*kv[i], ptr);
    if (!key) continue;
    std::string child = PointerJoin(ptr, *key);
    out[*key] = Convert(*kv[i + 1], child, Pos(kv[i]->mark), depth + 1);
  }
  return out;
}

Json Converter::ConvertSeq(const YamlNode& node, const std::string& ptr, int depth) {
  Json out = Json::array();
  size_t i = 0;
  for (const YamlNode* item : node.children) {
    out.push_back(Convert(*item, PointerJoin(ptr, i++), SourcePos{}, depth + 1));
  }
  return out;
}

bool CheckInput(const std::string& file, const std::string& text, const LoadOptions& options,
                Diagnostics* diags) {
  if (text.size() > options.limits.max_bytes) {
    diags->Error(SourcePos{file, 0, 0}, "",
                 "file is larger than " + std::to_string(options.limits.max_bytes) + " bytes",
                 "yaml");
    return false;
  }
  if (auto bad = FindInvalidUtf8(file, text)) {
    diags->Error(*bad, "", "invalid UTF-8", "yaml");
    return false;
  }
  if (auto nul = text.find('\0'); nul != std::string::npos) {
    diags->Error(SourcePos{file, 0, 0}, "", "file contains a NUL byte", "yaml");
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::vector<Document>> LoadStream(const std::string& file, const std::string& text,
                                                const LoadOptions& options, Diagnostics* diags) {
  if (!CheckInput(file, text, options, diags)) return std::nullopt;
  auto stream = ParseYamlStream(file, text, options.limits.max_documents, diags);
  if (!stream) return std::nullopt;
  std::vector<Document> docs;
  bool failed = false;
  for (const YamlNode* root : stream->roots) {
    Document doc{file, text, nullptr, {}};
    Converter conv(&doc, options, diags);
    static const YamlNode kEmpty{YamlNode::Type::kNull, "", "", YAML::Mark::null_mark(), {}};
    doc.root = conv.Convert(root ? *root : kEmpty, "", SourcePos{}, 0);
    failed = failed || conv.failed();
    docs.push_back(std::move(doc));
  }
  if (failed) return std::nullopt;
  return docs;
}

std::optional<Document> LoadValuesFile(const std::string& file, const std::string& text,
                                       const LoadOptions& options, Diagnostics* diags) {
  auto docs = LoadStream(file, text, options, diags);
  if (!docs) return std::nullopt;
  if (docs->size() > 1) {
    const NodePos* second = (*docs)[1].Find("");
    diags->Error(second ? second->value : SourcePos{file, 0, 0}, "",
                 "a values file must hold one YAML document, found " + std::to_string(docs->size()),
                 "yaml");
    return std::nullopt;
  }
  Document doc = docs->empty() ? Document{file, text, nullptr, {}} : std::move((*docs)[0]);
  if (doc.root.is_null()) {
    doc.root = Json::object();
    doc.positions[""] = NodePos{{file, 1, 1}, {file, 1, 1}, options.user};
  }
  if (!doc.root.is_object()) {
    diags->Error(doc.Locate(""), "",
                 std::string("a values file must be a mapping, got ") + doc.root.type_name(),
                 "yaml");
    return std::nullopt;
  }
  return doc;
}

}  // namespace lr

namespace lr {

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
std::optional<SourcePos> FindInvalidUtf8(const std::string& file, std::string_view text) {
  int line = 1, col = 1;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    bool ok = len > 0 && i + len <= text.size();
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; ok && k < len; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    ok = ok && cp >= kMin[len] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    if (!ok) return SourcePos{file, line, col};
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return std::nullopt;
}

}  // namespace lr
