#include "render/load.h"

#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

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

  Json Convert(const YAML::Node& node, const std::string& ptr, SourcePos key_pos, int depth);
  bool failed() const { return failed_; }

 private:
  Json ConvertScalar(const YAML::Node& node, const std::string& ptr);
  bool Unterminated(const YAML::Node& node, const std::string& ptr);
  // An alias to one of its own ancestors makes an infinite tree: refused at once.
  bool Recursive(const YAML::Node& node, const std::string& ptr) {
    for (const YAML::Node& open : open_) {
      if (open.is(node)) {
        Fail(node.Mark(), ptr, "a recursive alias: this node contains itself");
        return true;
      }
    }
    return false;
  }
  template <typename F>
  Json Nested(const YAML::Node& node, F convert) {
    open_.push_back(node);
    Json out = convert();
    open_.pop_back();
    return out;
  }
  Json ConvertMap(const YAML::Node& node, const std::string& ptr, int depth);
  Json ConvertSeq(const YAML::Node& node, const std::string& ptr, int depth);
  void AddMerged(const YAML::Node& source, const std::string& ptr, int depth, Json* out);
  std::optional<std::string> KeyString(const YAML::Node& key, const std::string& ptr);
  void Fail(const YAML::Mark& mark, const std::string& ptr, std::string message);
  SourcePos Pos(const YAML::Mark& mark) const {
    return SourcePos{doc_->file, mark.line + 1, mark.column + 1};
  }

  Document* doc_;
  const LoadOptions& options_;
  Diagnostics* diags_;
  size_t nodes_ = 0;
  bool failed_ = false;
  std::vector<YAML::Node> merging_;  // mappings being merged now (a recursive alias repeats one)
  std::vector<YAML::Node> open_;     // collections being converted now, outermost first
};

void Converter::Fail(const YAML::Mark& mark, const std::string& ptr, std::string message) {
  failed_ = true;
  diags_->Error(Pos(mark), ptr.empty() ? "" : PointerToPath(ptr, doc_->root), std::move(message),
                "yaml");
}

Json Converter::Convert(const YAML::Node& node, const std::string& ptr, SourcePos key_pos,
                        int depth) {
  if (++nodes_ > options_.limits.max_nodes) {
    if (nodes_ == options_.limits.max_nodes + 1) {
      Fail(node.Mark(), "",
           "document expands to more than " + std::to_string(options_.limits.max_nodes) +
               " nodes (alias expansion limit)");
    }
    return nullptr;
  }
  if (depth > options_.limits.max_depth) {
    Fail(node.Mark(), "",
         "nesting deeper than " + std::to_string(options_.limits.max_depth) + " levels");
    return nullptr;
  }
  SourcePos value_pos = Pos(node.Mark());
  if (key_pos.line == 0) key_pos = value_pos;
  doc_->positions[ptr] = NodePos{key_pos, value_pos, options_.user};
  if ((node.IsMap() || node.IsSequence()) && Recursive(node, ptr)) return nullptr;
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return Nested(node, [&] { return ConvertMap(node, ptr, depth); });
    case YAML::NodeType::Sequence:
      return Nested(node, [&] { return ConvertSeq(node, ptr, depth); });
    case YAML::NodeType::Scalar:
      return ConvertScalar(node, ptr);
    default:
      return nullptr;
  }
}

bool Converter::Unterminated(const YAML::Node& node, const std::string& ptr) {
  size_t pos = static_cast<size_t>(node.Mark().pos);
  if (node.Tag() != "!" || pos >= doc_->text.size()) return false;
  char c = doc_->text[pos];
  if ((c != '"' && c != '\'') || QuoteClosed(doc_->text, pos)) return false;
  Fail(node.Mark(), ptr, std::string("unterminated quoted string: no closing ") + c);
  return true;
}

Json Converter::ConvertScalar(const YAML::Node& node, const std::string& ptr) {
  if (Unterminated(node, ptr)) return nullptr;
  const std::string& text = node.Scalar();
  if (text.size() > options_.limits.max_scalar_bytes) {
    Fail(node.Mark(), ptr,
         "scalar longer than " + std::to_string(options_.limits.max_scalar_bytes) + " bytes");
    return nullptr;
  }
  const std::string& tag = node.Tag();
  if (tag == "?") return ResolvePlainScalar(text, options_.dialect);
  if (tag == "!" || tag == std::string(kCoreTag) + "str") return text;
  if (tag.rfind(kCoreTag, 0) == 0) {
    std::string kind = tag.substr(kCoreTag.size());
    Json v = ResolvePlainScalar(text, options_.dialect);
    bool ok = (kind == "int" && v.is_number_integer()) || (kind == "float" && v.is_number()) ||
              (kind == "bool" && v.is_boolean()) || (kind == "null" && v.is_null());
    if (ok) return kind == "float" ? Json(v.get<double>()) : v;
    if (kind == "binary" || kind == "timestamp") return text;
    Fail(node.Mark(), ptr, "cannot read " + Quote(text) + " as !!" + kind);
    return nullptr;
  }
  Fail(node.Mark(), ptr, "unsupported tag " + Quote(tag));
  return nullptr;
}

std::optional<std::string> Converter::KeyString(const YAML::Node& key, const std::string& ptr) {
  if (key.IsNull()) return "null";
  if (Unterminated(key, ptr)) return std::nullopt;
  if (!key.IsScalar()) {
    Fail(key.Mark(), ptr, "mapping keys must be scalars");
    return std::nullopt;
  }
  if (key.Tag() != "?") return key.Scalar();
  Json v = ResolvePlainScalar(key.Scalar(), options_.dialect);
  if (v.is_string()) return v.get<std::string>();
  return v.dump();  // true, 1, 1.5: what the YAML-to-JSON step makes of such keys
}

bool IsMergeKey(const YAML::Node& key) {
  return key.IsScalar() && key.Tag() == "?" && key.Scalar() == "<<";
}

void Converter::AddMerged(const YAML::Node& source, const std::string& ptr, int depth, Json* out) {
  if (depth > options_.limits.max_depth) {  // an alias that merges itself recurses forever
    Fail(source.Mark(), ptr,
         "merge keys nest deeper than " + std::to_string(options_.limits.max_depth) +
             " levels (does an anchor merge itself?)");
    return;
  }
  if (source.IsSequence()) {
    for (const auto& item : source) AddMerged(item, ptr, depth, out);
    return;
  }
  if (!source.IsMap()) {
    Fail(source.Mark(), ptr, "the merge key << needs a mapping or a list of mappings");
    return;
  }
  for (const YAML::Node& open : merging_) {
    if (open.is(source)) {
      Fail(source.Mark(), ptr, "the merge key << merges a mapping into itself (a recursive alias)");
      return;
    }
  }
  merging_.push_back(source);
  Json merged = ConvertMap(source, ptr, depth + 1);
  merging_.pop_back();
  for (auto& [k, v] : merged.items()) {
    if (!out->contains(k)) (*out)[k] = v;  // the first source wins
  }
}

Json Converter::ConvertMap(const YAML::Node& node, const std::string& ptr, int depth) {
  Json out = Json::object();
  if (nodes_ > options_.limits.max_nodes) return out;  // reported once; stop expanding
  std::map<std::string, int> seen;                     // explicit key -> line
  for (const auto& pair : node) {
    if (IsMergeKey(pair.first)) {
      AddMerged(pair.second, ptr, depth + 1, &out);
      continue;
    }
    auto key = KeyString(pair.first, ptr);
    if (!key) continue;
    auto [it, inserted] = seen.emplace(*key, pair.first.Mark().line + 1);
    if (!inserted) {
      Fail(pair.first.Mark(), PointerJoin(ptr, *key),
           "duplicate key " + Quote(*key) + " (first defined at line " +
               std::to_string(it->second) + ")");
    }
  }
  for (const auto& pair : node) {
    if (IsMergeKey(pair.first)) continue;
    auto key = KeyString(pair.first, ptr);
    if (!key) continue;
    std::string child = PointerJoin(ptr, *key);
    out[*key] = Convert(pair.second, child, Pos(pair.first.Mark()), depth + 1);
  }
  return out;
}

Json Converter::ConvertSeq(const YAML::Node& node, const std::string& ptr, int depth) {
  Json out = Json::array();
  size_t i = 0;
  for (const auto& item : node) {
    out.push_back(Convert(item, PointerJoin(ptr, i++), SourcePos{}, depth + 1));
  }
  return out;
}

// " (the line is indented with a tab ...)" when the failing line starts with one.
std::string TabHint(const std::string& text, int line) {
  size_t offset = 0;
  for (int i = 0; i < line && offset != std::string::npos; ++i) {
    offset = text.find('\n', offset);
    if (offset != std::string::npos) ++offset;
  }
  if (offset == std::string::npos) return "";
  size_t end = text.find_first_not_of(" \t", offset);
  std::string_view indent(text.data() + offset,
                          (end == std::string::npos ? text.size() : end) - offset);
  if (indent.find('\t') == std::string_view::npos) return "";
  return " (the line is indented with a tab; YAML indents with spaces only)";
}

// Records where each document starts; builds nothing.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { last = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  YAML::Mark last = YAML::Mark::null_mark();
};

// yaml-cpp 0.7 never stops on a stray ',' outside a flow collection (",]" makes endless empty
// documents); a pass that only counts documents stops it, and bounds the number of documents
// before any tree is built. Throws YAML::Exception like LoadAll.
bool DocumentsEnd(const std::string& file, const std::string& text, size_t max_documents,
                  Diagnostics* diags) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  size_t n = 0;
  int previous = -1;
  while (parser.HandleNextDocument(starts)) {
    if (starts.last.pos == previous) {
      diags->Error(SourcePos{file, starts.last.line + 1, starts.last.column + 1}, "",
                   "unexpected character: a ',' or flow indicator outside [ ] or { }", "yaml");
      return false;
    }
    previous = starts.last.pos;
    if (++n > max_documents) {
      diags->Error(SourcePos{file, 0, 0}, "",
                   "more than " + std::to_string(max_documents) + " documents", "yaml");
      return false;
    }
  }
  return true;
}

std::optional<std::vector<YAML::Node>> ParseAll(const std::string& file, const std::string& text,
                                                size_t max_documents, Diagnostics* diags) {
  try {
    if (!DocumentsEnd(file, text, max_documents, diags)) return std::nullopt;
    return YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {
    diags->Error(SourcePos{file, e.mark.line + 1, e.mark.column + 1}, "",
                 e.msg + TabHint(text, e.mark.line), "yaml");
  }
  return std::nullopt;
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
  auto nodes = ParseAll(file, text, options.limits.max_documents, diags);
  if (!nodes) return std::nullopt;
  if (nodes->size() > options.limits.max_documents) {
    diags->Error(SourcePos{file, 0, 0}, "",
                 "more than " + std::to_string(options.limits.max_documents) + " documents",
                 "yaml");
    return std::nullopt;
  }
  std::vector<Document> docs;
  bool failed = false;
  for (const auto& node : *nodes) {
    Document doc{file, text, nullptr, {}};
    Converter conv(&doc, options, diags);
    doc.root = conv.Convert(node, "", SourcePos{}, 0);
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
