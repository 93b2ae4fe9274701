#include "render/yaml_tree.h"

#include <map>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace lr {
namespace {

// Builds one document's nodes from the parser's events, as yaml-cpp's NodeBuilder does: a
// collection's anchor is known from its start (so an alias inside it is the collection itself),
// an alias is the anchored node, not a copy.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(YamlStream* stream) : stream_(stream) {}

  YAML::Mark start() const { return start_; }
  const YamlNode* root() const { return root_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    start_ = mark;
    root_ = nullptr;
    open_.clear();
    anchors_.clear();  // anchors never reach into another document
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Add(New(YamlNode::Type::kNull, mark, "", anchor));
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it != anchors_.end()) Add(it->second);  // the parser refuses unknown anchors itself
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode* node = New(YamlNode::Type::kScalar, mark, tag, anchor);
    node->scalar = value;
    Add(node);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(New(YamlNode::Type::kSequence, mark, tag, anchor));
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(New(YamlNode::Type::kMap, mark, tag, anchor));
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  YamlNode* New(YamlNode::Type type, const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor) {
    YamlNode& node = stream_->nodes.emplace_back();
    node.type = type;
    node.tag = tag;
    node.mark = mark;
    if (anchor != YAML::NullAnchor) anchors_[anchor] = &node;
    return &node;
  }
  void Add(const YamlNode* node) {
    if (open_.empty()) {
      root_ = node;
    } else {
      open_.back()->children.push_back(node);
    }
  }
  void Open(YamlNode* node) {
    Add(node);
    open_.push_back(node);
  }

  YamlStream* stream_;
  YAML::Mark start_ = YAML::Mark::null_mark();
  const YamlNode* root_ = nullptr;
  std::vector<YamlNode*> open_;
  std::map<YAML::anchor_t, const YamlNode*> anchors_;
};

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

// Every document, stopping at a stall or past the limit. Throws YAML::Exception.
bool ParseDocuments(const std::string& file, const std::string& text, size_t max_documents,
                    YamlStream* out, Diagnostics* diags) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  TreeBuilder builder(out);
  int previous = -1;
  while (parser.HandleNextDocument(builder)) {
    YAML::Mark start = builder.start();
    if (start.pos == previous) {
      diags->Error(SourcePos{file, start.line + 1, start.column + 1}, "",
                   "unexpected character: a ',' or flow indicator outside [ ] or { }", "yaml");
      return false;
    }
    previous = start.pos;
    if (out->roots.size() == max_documents) {
      diags->Error(SourcePos{file, 0, 0}, "",
                   "more than " + std::to_string(max_documents) + " documents", "yaml");
      return false;
    }
    out->roots.push_back(builder.root());
  }
  return true;
}

}  // namespace

std::optional<YamlStream> ParseYamlStream(const std::string& file, const std::string& text,
                                          size_t max_documents, Diagnostics* diags) {
  YamlStream stream;
  try {
    if (!ParseDocuments(file, text, max_documents, &stream, diags)) return std::nullopt;
    return stream;
  } catch (const YAML::Exception& e) {
    diags->Error(SourcePos{file, e.mark.line + 1, e.mark.column + 1}, "",
                 e.msg + TabHint(text, e.mark.line), "yaml");
  }
  return std::nullopt;
}

}  // namespace lr
