#include "render/pattern.h"

#include <map>
#include <memory>
#include <regex>

namespace lr {

// Parses the pattern into a tree, then emits the program from it (repetitions are copies).
class PatternCompiler {
 public:
  explicit PatternCompiler(std::string_view s) : s_(s) {}

  std::optional<Pattern> Run() {
    std::optional<Node> root = Alternation();
    if (!root || i_ != s_.size() || !Emit(*root)) return std::nullopt;
    out_.prog_.push_back({Pattern::Inst::kMatch});
    return std::move(out_);
  }

 private:
  struct Node {
    enum Kind { kClass, kBegin, kEnd, kCat, kAlt, kRepeat };
    explicit Node(Kind k, int c = 0) : kind(k), cls(c) {}
    Kind kind;
    int cls;
    std::vector<Node> kids;
    int min = 0, max = 0;  // kRepeat; max -1: unbounded
  };
  using Set = std::bitset<256>;
  static constexpr size_t kMaxProgram = 50'000;
  static constexpr int kMaxCount = 1'000;

  bool More() const { return i_ < s_.size(); }
  char Peek() const { return s_[i_]; }
  bool Eat(char c) {
    if (!More() || Peek() != c) return false;
    ++i_;
    return true;
  }

  Node ClassNode(const Set& set) {
    out_.classes_.push_back(set);
    return Node(Node::kClass, static_cast<int>(out_.classes_.size() - 1));
  }

  std::optional<Node> Alternation() {
    Node alt(Node::kAlt);
    do {
      std::optional<Node> cat = Concatenation();
      if (!cat) return std::nullopt;
      alt.kids.push_back(std::move(*cat));
    } while (Eat('|'));
    if (alt.kids.size() == 1) return std::move(alt.kids[0]);
    return alt;
  }

  std::optional<Node> Concatenation() {
    Node cat(Node::kCat);
    while (More() && Peek() != '|' && Peek() != ')') {
      std::optional<Node> atom = Atom();
      if (!atom || !Quantified(&*atom)) return std::nullopt;
      cat.kids.push_back(std::move(*atom));
    }
    return cat;
  }

  static bool Digit(char c) { return c >= '0' && c <= '9'; }

  // A decimal number at i_ (at most kMaxCount); false when there is none.
  bool Number(int* out) {
    if (!More() || !Digit(Peek())) return false;
    long v = 0;
    while (More() && Digit(Peek())) {
      v = v * 10 + (s_[i_++] - '0');
      if (v > kMaxCount) return false;
    }
    *out = static_cast<int>(v);
    return true;
  }

  // {n} {n,} {n,m}; false for anything else after '{' (Annex B's literal '{' is not taken).
  bool Braces(int* min, int* max) {
    if (!Number(min)) return false;
    *max = *min;
    if (Eat(',')) {
      *max = -1;
      if (More() && Digit(Peek()) && (!Number(max) || *max < *min)) return false;
    }
    return Eat('}');
  }

  bool Quantified(Node* atom) {
    if (!More()) return true;
    int min = 0, max = -1;
    char c = Peek();
    if (c == '*' || c == '+' || c == '?') {
      ++i_;
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : -1;
    } else if (c == '{') {
      ++i_;
      if (!Braces(&min, &max)) return false;
    } else {
      return true;
    }
    if (atom->kind == Node::kBegin || atom->kind == Node::kEnd) return false;
    Eat('?');  // lazy: the same yes/no answer
    if (More() && (Peek() == '*' || Peek() == '+' || Peek() == '?' || Peek() == '{')) return false;
    Node repeat(Node::kRepeat);
    repeat.min = min;
    repeat.max = max;
    repeat.kids.push_back(std::move(*atom));
    *atom = std::move(repeat);
    return true;
  }

  static Set Range(int from, int to) {
    Set s;
    for (int c = from; c <= to; ++c) s.set(static_cast<size_t>(c));
    return s;
  }
  static Set Chars(std::string_view chars) {
    Set s;
    for (char c : chars) s.set(static_cast<unsigned char>(c));
    return s;
  }
  static Set Word() { return Range('a', 'z') | Range('A', 'Z') | Range('0', '9') | Chars("_"); }
  static Set Space() { return Chars(" \t\n\v\f\r"); }

  // The set of a class escape (\d \s \w and their complements) or of an escaped character;
  // false for the escapes outside the subset.
  bool Escape(Set* out) {
    if (!More()) return false;
    char c = s_[i_++];
    switch (c) {
      case 'd':
        *out = Range('0', '9');
        return true;
      case 'D':
        *out = ~Range('0', '9');
        return true;
      case 's':
        *out = Space();
        return true;
      case 'S':
        *out = ~Space();
        return true;
      case 'w':
        *out = Word();
        return true;
      case 'W':
        *out = ~Word();
        return true;
      case 'n':
        *out = Chars("\n");
        return true;
      case 'r':
        *out = Chars("\r");
        return true;
      case 't':
        *out = Chars("\t");
        return true;
      case 'f':
        *out = Chars("\f");
        return true;
      case 'v':
        *out = Chars("\v");
        return true;
      default:
        break;
    }
    bool letter_or_digit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Digit(c);
    if (letter_or_digit) return false;  // \b \B \1 \u \x \c \0 ...: not here
    *out = Chars(std::string_view(&c, 1));
    return true;
  }

  // One member of a class: a character or a class escape; `single` says which.
  bool ClassAtom(Set* set, int* single) {
    if (!More()) return false;
    *single = -1;
    if (Peek() != '\\') {
      *single = static_cast<unsigned char>(s_[i_++]);
      set->reset();
      set->set(static_cast<size_t>(*single));
      return true;
    }
    ++i_;
    size_t before = i_;
    if (!Escape(set)) return false;
    if (set->count() == 1 &&
        std::string_view("dDsSwW").find(s_[before]) == std::string_view::npos) {
      for (int c = 0; c < 256; ++c) {
        if (set->test(static_cast<size_t>(c))) *single = c;
      }
    }
    return true;
  }

  std::optional<Node> Class() {
    bool negate = Eat('^');
    Set set;
    if (More() && Peek() == ']') return std::nullopt;  // [] and [^]: not here
    while (More() && Peek() != ']') {
      Set first;
      int lo = 0;
      if (!ClassAtom(&first, &lo)) return std::nullopt;
      if (More() && Peek() == '-' && i_ + 1 < s_.size() && s_[i_ + 1] != ']') {
        ++i_;
        Set second;
        int hi = 0;
        if (!ClassAtom(&second, &hi) || lo < 0 || hi < 0 || hi < lo) return std::nullopt;
        set |= Range(lo, hi);
      } else {
        set |= first;
      }
    }
    if (!Eat(']')) return std::nullopt;
    return ClassNode(negate ? ~set : set);
  }

  std::optional<Node> Atom() {
    char c = s_[i_++];
    switch (c) {
      case '^':
        return Node(Node::kBegin);
      case '$':
        return Node(Node::kEnd);
      case '.':
        return ClassNode(~Chars("\n\r"));
      case '[':
        return Class();
      case '(': {
        if (Eat('?') && !Eat(':')) return std::nullopt;  // look-around, named groups
        std::optional<Node> inner = Alternation();
        if (!inner || !Eat(')')) return std::nullopt;
        return inner;
      }
      case '\\': {
        Set set;
        if (!Escape(&set)) return std::nullopt;
        return ClassNode(set);
      }
      case ')':
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
      case '|':
        return std::nullopt;
      default:
        return ClassNode(Chars(std::string_view(&c, 1)));
    }
  }

  int Here() const { return static_cast<int>(out_.prog_.size()); }
  void Add(Pattern::Inst::Op op, int x = 0, int y = 0) { out_.prog_.push_back({op, x, y}); }

  bool Emit(const Node& n) {
    if (out_.prog_.size() > kMaxProgram) return false;
    switch (n.kind) {
      case Node::kClass:
        Add(Pattern::Inst::kClass, n.cls);
        return true;
      case Node::kBegin:
        Add(Pattern::Inst::kBegin);
        return true;
      case Node::kEnd:
        Add(Pattern::Inst::kEnd);
        return true;
      case Node::kCat:
        for (const Node& k : n.kids) {
          if (!Emit(k)) return false;
        }
        return true;
      case Node::kAlt:
        return EmitAlternation(n);
      case Node::kRepeat:
        return EmitRepeat(n);
    }
    return false;
  }

  // split(a1, next); a1; jmp end; next: split(a2, ...) ... an; end:
  bool EmitAlternation(const Node& n) {
    std::vector<int> jumps;
    for (size_t k = 0; k < n.kids.size(); ++k) {
      int split = -1;
      if (k + 1 < n.kids.size()) {
        split = Here();
        Add(Pattern::Inst::kSplit, split + 1, 0);
      }
      if (!Emit(n.kids[k])) return false;
      if (split >= 0) {
        jumps.push_back(Here());
        Add(Pattern::Inst::kJmp);
        out_.prog_[static_cast<size_t>(split)].y = Here();
      }
    }
    for (int j : jumps) out_.prog_[static_cast<size_t>(j)].x = Here();
    return true;
  }

  // min copies, then either a loop (unbounded) or max-min optional copies.
  bool EmitRepeat(const Node& n) {
    const Node& body = n.kids[0];
    for (int k = 0; k < n.min; ++k) {
      if (!Emit(body)) return false;
    }
    if (n.max < 0) {
      int loop = Here();
      Add(Pattern::Inst::kSplit, loop + 1, 0);
      if (!Emit(body)) return false;
      Add(Pattern::Inst::kJmp, loop);
      out_.prog_[static_cast<size_t>(loop)].y = Here();
      return true;
    }
    std::vector<int> splits;
    for (int k = n.min; k < n.max; ++k) {
      splits.push_back(Here());
      Add(Pattern::Inst::kSplit, Here() + 1, 0);
      if (!Emit(body)) return false;
    }
    for (int s : splits) out_.prog_[static_cast<size_t>(s)].y = Here();
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
  Pattern out_;
};

std::optional<Pattern> Pattern::Compile(std::string_view source) {
  return PatternCompiler(source).Run();
}

namespace {

// The threads of one step: program counters, each at most once per step.
struct Threads {
  std::vector<int> pcs;
  std::vector<size_t> seen;  // step + 1 when pc was added in that step
};

// Follows jumps, splits and anchors from pc at position pos; true when a thread matches.
bool AddThread(const std::vector<Pattern::Inst>& prog, Threads* t, size_t step, int pc, size_t pos,
               size_t size, std::vector<int>* stack) {
  stack->assign(1, pc);
  while (!stack->empty()) {
    int p = stack->back();
    stack->pop_back();
    auto up = static_cast<size_t>(p);
    if (t->seen[up] == step + 1) continue;
    t->seen[up] = step + 1;
    const Pattern::Inst& in = prog[up];
    switch (in.op) {
      case Pattern::Inst::kMatch:
        return true;
      case Pattern::Inst::kJmp:
        stack->push_back(in.x);
        break;
      case Pattern::Inst::kSplit:
        stack->push_back(in.y);
        stack->push_back(in.x);
        break;
      case Pattern::Inst::kBegin:
        if (pos == 0) stack->push_back(p + 1);
        break;
      case Pattern::Inst::kEnd:
        if (pos == size) stack->push_back(p + 1);
        break;
      case Pattern::Inst::kClass:
        t->pcs.push_back(p);
        break;
    }
  }
  return false;
}

}  // namespace

bool Pattern::Search(std::string_view text) const {
  Threads now{{}, std::vector<size_t>(prog_.size(), 0)};
  Threads next{{}, std::vector<size_t>(prog_.size(), 0)};
  std::vector<int> stack;
  for (size_t pos = 0; pos <= text.size(); ++pos) {
    // A new thread at every position: the search is unanchored unless ^ says otherwise.
    if (AddThread(prog_, &now, pos, 0, pos, text.size(), &stack)) return true;
    if (pos == text.size()) break;
    auto c = static_cast<unsigned char>(text[pos]);
    next.pcs.clear();
    for (int pc : now.pcs) {
      const Inst& in = prog_[static_cast<size_t>(pc)];
      if (classes_[static_cast<size_t>(in.x)].test(c) &&
          AddThread(prog_, &next, pos + 1, pc + 1, pos + 1, text.size(), &stack)) {
        return true;
      }
    }
    std::swap(now.pcs, next.pcs);
    std::swap(now.seen, next.seen);
  }
  return false;
}

bool PatternSearch(const std::string& pattern, std::string_view text) {
  struct Compiled {
    std::optional<Pattern> own;
    std::unique_ptr<std::regex> fallback;
  };
  thread_local std::map<std::string, Compiled, std::less<>> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    Compiled c{Pattern::Compile(pattern), nullptr};
    if (!c.own) c.fallback = std::make_unique<std::regex>(pattern);
    it = cache.emplace(pattern, std::move(c)).first;
  }
  if (it->second.own) return it->second.own->Search(text);
  return std::regex_search(text.begin(), text.end(), *it->second.fallback);
}

}  // namespace lr
