#include "render/set_values.h"

#include <charconv>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lr {
namespace {

constexpr int64_t kMaxIndex = 65536;     // helm strvals.MaxIndex
constexpr int kMaxNestedNameLevel = 30;  // helm strvals.MaxNestedNameLevel
constexpr int kMaxSteps = 1000;          // ours: bounds the recursion
constexpr size_t kNpos = std::string_view::npos;

// kEnd is helm's io.EOF: the argument ran out and parsing stops without error.
enum class Step { kOk, kEnd, kFail };

// Text read up to a stop character, escapes resolved; [begin, end) is its raw span.
struct Token {
  std::string text;
  char stop = 0;  // the stop character that ended it; 0 at the end of the argument
  size_t begin = 0;
  size_t end = 0;
};

// A parsed "[N]": its value and where it is.
struct Index {
  int64_t value = 0;
  size_t open = 0;  // the '['
  size_t text = 0;  // the first character after '['
  size_t end = 0;   // just after ']'
  size_t at() const { return static_cast<size_t>(value); }
};

// A node's place in the tree. `live` is false inside a subtree helm builds and
// then drops (under an empty key): nothing is recorded there.
struct Where {
  std::string pointer;
  bool live = true;
};

// A value after '=': the JSON and where it and its list items start.
struct Parsed {
  Json value;
  size_t offset = 0;
  std::vector<size_t> items;
};

// A named child; under an empty key it is live only if it already exists.
Where Child(const Where& at, const std::string& key, bool exists = false) {
  return {PointerJoin(at.pointer, key), at.live && (exists || !key.empty())};
}

Where Item(const Where& at, size_t index) { return {PointerJoin(at.pointer, index), at.live}; }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Go's strings.EqualFold against a lowercase ASCII word. Besides ASCII case, the
// only rune folding to a letter of true/false/null is U+017F (long s) -> 's'.
bool FoldEquals(std::string_view text, std::string_view word) {
  size_t i = 0;
  for (char w : word) {
    if (w == 's' && text.substr(i, 2) == "\xC5\xBF") {
      i += 2;
    } else if (i < text.size() && AsciiLower(text[i]) == w) {
      ++i;
    } else {
      return false;
    }
  }
  return i == text.size();
}

// Go's strconv.ParseInt(s, 10, 64): an optional sign, then one or more digits.
bool ParseInt64(std::string_view s, int64_t* out) {
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty() || s[0] == '-' || s[0] == '+') return false;
  uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  constexpr uint64_t kLimit = uint64_t{1} << 63;
  if (magnitude > (negative ? kLimit : kLimit - 1)) return false;
  *out = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return true;
}

std::string Describe(const Json& value) {
  if (value.is_object()) return "a map";
  if (value.is_array()) return "a list";
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a bool";
  if (value.is_null()) return "null";
  return "a number";
}

Json* Lookup(Json* map, const std::string& key) {
  auto it = map->find(key);
  return it == map->end() ? nullptr : &*it;
}

// One argument parsed into `root`, mirroring helm's recursive descent
// (key / listItem / valList) step for step.
class SetParser {
 public:
  SetParser(std::string_view arg, SetKind kind, int flag_index, Json* root,
            std::map<std::string, NodePos>* positions)
      : arg_(arg),
        kind_(kind),
        flag_index_(flag_index),
        file_(SetFlagName(kind)),
        root_(root),
        positions_(positions) {}

  // Every assignment in turn; false at the first error.
  bool Run();
  const Diagnostic& error() const { return error_; }
  std::vector<Diagnostic>& warnings() { return warnings_; }

 private:
  Token Until(std::string_view stops);
  bool ReadIndex(Index* index);
  Step Key(Json* map, const Where& at, int level);
  Step KeyAssign(Json* map, const Token& key, const Where& at);
  Step KeyList(Json* map, const Token& key, const Where& at, int level);
  Step KeyMap(Json* map, const Token& key, const Where& at, int level);
  Step ListItem(Json* list, const Index& index, const Where& at, int level);
  Step ListAssign(Json* list, const Index& index, const Where& at);
  Step ListNested(Json* list, const Index& index, const Where& at, int level);
  Step ListMap(Json* list, const Index& index, const Where& at, int level);
  Step Attach(Json* list, const Index& index, const Where& at, Json fresh, Step step);
  Step ParseValue(Parsed* out);
  Step ParseList(Parsed* out);
  bool SetIndex(Json* list, const Index& index, Json value, const Where& at);
  bool IndexAllowed(const Index& index);
  bool CountStep(size_t offset);
  void Mark(const Where& at, size_t key_offset, size_t value_offset);
  void MarkValue(const Where& at, size_t key_offset, const Parsed& value);
  void ForgetBelow(const Where& at);
  void Discard(const Where& at);
  void WarnIgnored();
  std::string Mismatch(size_t end, const Json& existing, const char* want) const;
  Step Fail(size_t offset, std::string message);
  SourcePos Pos(size_t offset) const;

  std::string_view arg_;
  SetKind kind_;
  int flag_index_;
  std::string file_;
  Json* root_;
  std::map<std::string, NodePos>* positions_;
  size_t pos_ = 0;
  // Per assignment: where it starts, where its value ends (before a ','),
  // whether a value reached the tree, and how many path steps it has.
  size_t assign_start_ = 0;
  size_t value_end_ = kNpos;
  bool stored_ = false;
  int steps_ = 0;
  Diagnostic error_;
  std::vector<Diagnostic> warnings_;
};

bool SetParser::Run() {
  while (true) {
    assign_start_ = pos_;
    value_end_ = kNpos;
    stored_ = false;
    steps_ = 0;
    Step step = Key(root_, Where{}, 0);
    if (step == Step::kFail) return false;
    if (pos_ == assign_start_) return true;  // nothing left
    if (!stored_) WarnIgnored();
    if (step == Step::kEnd) return true;
  }
}

// helm's runesUntil: a backslash takes the next character literally; a trailing
// backslash is dropped.
Token SetParser::Until(std::string_view stops) {
  Token t;
  t.begin = pos_;
  while (pos_ < arg_.size()) {
    char c = arg_[pos_++];
    if (stops.find(c) != kNpos) {
      t.stop = c;
      t.end = pos_ - 1;
      return t;
    }
    if (c == '\\') {
      if (pos_ == arg_.size()) break;
      c = arg_[pos_++];
    }
    t.text += c;
  }
  t.end = pos_;
  return t;
}

// The "N]" after a '[' just consumed. Like helm v3, a missing ']' is an error.
bool SetParser::ReadIndex(Index* index) {
  index->open = pos_ - 1;
  index->text = pos_;
  if (!CountStep(index->open)) return false;
  Token t = Until("]");
  index->end = pos_;
  if (t.stop == 0) {
    Fail(index->open, "error parsing index: missing ']' in " + Quote(arg_.substr(index->open)));
    return false;
  }
  if (!ParseInt64(t.text, &index->value)) {
    Fail(index->text, "error parsing index: " + Quote(t.text) + " is not an integer");
    return false;
  }
  return true;
}

// helm's key(): one name, then '=', '[' or '.'.
Step SetParser::Key(Json* map, const Where& at, int level) {
  Token key = Until("=[,.");
  switch (key.stop) {
    case '=':
      return KeyAssign(map, key, at);
    case '[':
      return KeyList(map, key, at, level);
    case '.':
      return KeyMap(map, key, at, level);
    case ',':
      return Fail(key.begin, "key " + Quote(key.text) + " has no value (cannot end with ,)");
    default:
      if (key.text.empty()) return Step::kEnd;
      return Fail(key.begin, "key " + Quote(key.text) + " has no value");
  }
}

Step SetParser::KeyAssign(Json* map, const Token& key, const Where& at) {
  Parsed value;
  Step step = ParseValue(&value);
  if (step == Step::kFail || key.text.empty()) return step;  // helm drops empty keys
  (*map)[key.text] = std::move(value.value);
  MarkValue(Child(at, key.text), key.begin, value);
  return step;
}

// An empty key is never stored (helm's set() skips it), but helm reads an
// existing list under "" through a slice alias: writes to an item already there
// stick, growth is lost. So: in place when the item exists, else a scratch copy.
Step SetParser::KeyList(Json* map, const Token& key, const Where& at, int level) {
  Index index;
  if (!ReadIndex(&index)) return Step::kFail;
  Json* existing = Lookup(map, key.text);
  if (existing && !existing->is_array()) {
    return Fail(key.begin, Mismatch(key.end, *existing, "list"));
  }
  bool in_place = existing && (!key.text.empty() || index.at() < existing->size());
  Where child = Child(at, key.text, in_place);
  Json scratch = Json::array();
  Json* list = in_place ? existing : &scratch;
  if (!existing && !key.text.empty()) {
    list = &((*map)[key.text] = Json::array());
    Mark(child, key.begin, key.begin);
  }
  return ListItem(list, index, child, level);
}

Step SetParser::KeyMap(Json* map, const Token& key, const Where& at, int level) {
  if (++level > kMaxNestedNameLevel) {
    return Fail(key.end,
                "value name nested level is greater than maximum supported nested level of " +
                    std::to_string(kMaxNestedNameLevel));
  }
  if (!CountStep(key.end)) return Step::kFail;
  Json* existing = Lookup(map, key.text);
  if (existing && !existing->is_object()) {
    return Fail(key.begin, Mismatch(key.end, *existing, "map"));
  }
  Json fresh = Json::object();  // a new map, stored only if something lands in it
  Json* inner = existing ? existing : &fresh;
  Where child = Child(at, key.text, existing != nullptr);
  Step step = Key(inner, child, level);
  if (step == Step::kFail) return step;
  if (step == Step::kOk && inner->empty()) {
    return Fail(key.begin, "key map " + Quote(key.text) + " has no value");
  }
  if (!existing && !key.text.empty() && !fresh.empty()) {
    (*map)[key.text] = std::move(fresh);
    Mark(child, key.begin, key.begin);
  }
  return step;
}

// helm's listItem(): what follows "[N]".
Step SetParser::ListItem(Json* list, const Index& index, const Where& at, int level) {
  if (index.value < 0) {
    return Fail(index.text, "negative " + std::to_string(index.value) + " index not allowed");
  }
  Token rest = Until("[.=");
  if (!rest.text.empty()) {
    return Fail(rest.begin, "unexpected data at end of array index: " + Quote(rest.text));
  }
  switch (rest.stop) {
    case '=':
      return ListAssign(list, index, at);
    case '[':
      return ListNested(list, index, at, level);
    case '.':
      return ListMap(list, index, at, level);
    default:
      return Step::kEnd;  // "name[0]": helm keeps the (maybe new, empty) list
  }
}

Step SetParser::ListAssign(Json* list, const Index& index, const Where& at) {
  Parsed value;
  if (ParseValue(&value) == Step::kFail) return Step::kFail;
  if (!SetIndex(list, index, std::move(value.value), at)) return Step::kFail;
  MarkValue(Item(at, index.at()), index.open, value);
  return Step::kOk;
}

Step SetParser::ListNested(Json* list, const Index& index, const Where& at, int level) {
  Index next;
  if (!ReadIndex(&next)) return Step::kFail;
  if (index.at() < list->size() && !(*list)[index.at()].is_null()) {
    Json& inner = (*list)[index.at()];
    if (!inner.is_array()) return Fail(index.open, Mismatch(index.end, inner, "list"));
    Step step = ListItem(&inner, next, Item(at, index.at()), level);
    if (step != Step::kOk) return step;
    return IndexAllowed(index) ? Step::kOk : Step::kFail;
  }
  Json fresh = Json::array();
  Step step = ListItem(&fresh, next, Item(at, index.at()), level);
  return Attach(list, index, at, std::move(fresh), step);
}

Step SetParser::ListMap(Json* list, const Index& index, const Where& at, int level) {
  Where item = Item(at, index.at());
  if (index.at() < list->size()) {
    Json& inner = (*list)[index.at()];
    if (!inner.is_object()) {  // helm replaces it in place, even if the rest fails
      inner = Json::object();
      ForgetBelow(item);
      Mark(item, index.open, index.open);
    }
    Step step = Key(&inner, item, level);
    if (step != Step::kOk) return step;
    return IndexAllowed(index) ? Step::kOk : Step::kFail;
  }
  Json fresh = Json::object();
  Step step = Key(&fresh, item, level);
  return Attach(list, index, at, std::move(fresh), step);
}

// Stores a container built for a new item N, as helm's setIndex does, or drops it
// (and what was recorded under it) when the argument ran out first.
Step SetParser::Attach(Json* list, const Index& index, const Where& at, Json fresh, Step step) {
  Where item = Item(at, index.at());
  if (step == Step::kEnd) Discard(item);
  if (step != Step::kOk) return step;
  if (!SetIndex(list, index, std::move(fresh), at)) return Step::kFail;
  Mark(item, index.open, index.open);
  return Step::kOk;
}

// helm's valList() then val(): kEnd (value "") when '=' ends the argument.
Step SetParser::ParseValue(Parsed* out) {
  out->offset = pos_;
  if (pos_ == arg_.size()) {
    out->value = "";
    value_end_ = pos_;
    return Step::kEnd;
  }
  if (arg_[pos_] == '{') return ParseList(out);
  Token text = Until(",");
  value_end_ = text.end;
  out->value = SetScalar(text.text, kind_);
  return Step::kOk;
}

Step SetParser::ParseList(Parsed* out) {
  size_t open = pos_++;
  out->value = Json::array();
  while (true) {
    out->items.push_back(pos_);
    Token item = Until(",}");
    if (item.stop == 0) {
      return Fail(open, "list " + Quote(arg_.substr(open)) + " must terminate with '}'");
    }
    out->value.push_back(SetScalar(item.text, kind_));
    if (item.stop == '}') break;
  }
  value_end_ = pos_;
  if (pos_ < arg_.size() && arg_[pos_] == ',') ++pos_;
  return Step::kOk;
}

// helm's setIndex(): pads with null up to N, then stores.
bool SetParser::SetIndex(Json* list, const Index& index, Json value, const Where& at) {
  if (!IndexAllowed(index)) return false;
  while (list->size() < index.at()) {
    Mark(Item(at, list->size()), index.open, index.open);
    list->push_back(nullptr);
  }
  if (list->size() == index.at()) {
    list->push_back(std::move(value));
  } else {
    (*list)[index.at()] = std::move(value);
  }
  return true;
}

bool SetParser::IndexAllowed(const Index& index) {
  if (index.value <= kMaxIndex) return true;
  Fail(index.text, "index of " + std::to_string(index.value) +
                       " is greater than maximum supported index of " + std::to_string(kMaxIndex));
  return false;
}

bool SetParser::CountStep(size_t offset) {
  if (++steps_ <= kMaxSteps) return true;
  Fail(offset, "value name has more than " + std::to_string(kMaxSteps) + " '.' and '[' steps");
  return false;
}

void SetParser::Mark(const Where& at, size_t key_offset, size_t value_offset) {
  if (at.live) (*positions_)[at.pointer] = NodePos{Pos(key_offset), Pos(value_offset), true};
}

// A stored value: drops what was recorded under the node it replaced.
void SetParser::MarkValue(const Where& at, size_t key_offset, const Parsed& value) {
  if (!at.live) return;
  ForgetBelow(at);
  Mark(at, key_offset, value.offset);
  for (size_t i = 0; i < value.items.size(); ++i) {
    Mark(Item(at, i), value.items[i], value.items[i]);
  }
  stored_ = true;
}

void SetParser::ForgetBelow(const Where& at) {
  if (!at.live) return;
  std::string prefix = at.pointer + '/';
  auto it = positions_->lower_bound(prefix);
  while (it != positions_->end() && it->first.starts_with(prefix)) it = positions_->erase(it);
}

void SetParser::Discard(const Where& at) {
  ForgetBelow(at);
  stored_ = false;
}

void SetParser::WarnIgnored() {
  size_t end = value_end_ == kNpos ? pos_ : value_end_;
  std::string text(arg_.substr(assign_start_, end - assign_start_));
  warnings_.push_back({Severity::kWarning, Pos(assign_start_), "",
                       Quote(text) + " sets no value; helm accepts it and ignores it", "set"});
}

std::string SetParser::Mismatch(size_t end, const Json& existing, const char* want) const {
  std::string_view path = arg_.substr(assign_start_, end - assign_start_);
  return "unable to parse key " + Quote(path) + ": existing value is " + Describe(existing) +
         ", not a " + want;
}

Step SetParser::Fail(size_t offset, std::string message) {
  error_ = Diagnostic{Severity::kError, Pos(offset), "", std::move(message), "set"};
  return Step::kFail;
}

SourcePos SetParser::Pos(size_t offset) const {
  return SourcePos{file_, flag_index_, static_cast<int>(offset + 1)};
}

}  // namespace

const char* SetFlagName(SetKind kind) {
  return kind == SetKind::kString ? "--set-string" : "--set";
}

Json SetScalar(std::string_view text, SetKind kind) {
  if (kind == SetKind::kString) return std::string(text);
  if (FoldEquals(text, "true")) return true;
  if (FoldEquals(text, "false")) return false;
  if (FoldEquals(text, "null")) return nullptr;
  int64_t number = 0;
  if (text == "0") return number;
  if (!text.empty() && text[0] != '0' && ParseInt64(text, &number)) return number;
  return std::string(text);
}

bool ApplySet(std::string_view arg, SetKind kind, int flag_index, Document* values,
              Diagnostics* diags) {
  Json root = values->root.is_null() ? Json::object() : values->root;
  if (!root.is_object()) {
    diags->Error(SourcePos{SetFlagName(kind), flag_index, 1}, "",
                 "values are " + Describe(root) + ", not a map: cannot apply " + Quote(arg), "set");
    return false;
  }
  std::map<std::string, NodePos> positions = values->positions;
  SetParser parser(arg, kind, flag_index, &root, &positions);
  if (!parser.Run()) {
    diags->Add(parser.error());
    return false;
  }
  for (Diagnostic& warning : parser.warnings()) diags->Add(std::move(warning));
  values->root = std::move(root);
  values->positions = std::move(positions);
  return true;
}

}  // namespace lr
