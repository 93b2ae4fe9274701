// Pattern: the ECMAScript regular expressions of JSON Schema's "pattern" keyword, searched
// (unanchored unless the pattern says ^ or $), for the subset the schemas use: literals and
// escapes, ., classes with ranges and negation, \d \D \s \S \w \W, groups (...) and (?:...),
// alternation, the quantifiers ? * + {n} {n,} {n,m} (greedy or lazy: the same for a yes/no
// search), and the anchors ^ $. Compiling takes microseconds where std::regex takes up to a
// millisecond, and matching is linear in the text (a Pike VM: no backtracking blow-up).
// Anything outside the subset (back-references, look-around, \b, \u...) does not compile
// here; PatternSearch then uses std::regex, as valijson itself would.
// In: a pattern, a text. Out: whether the pattern occurs in the text. Pure.
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lr {

class Pattern {
 public:
  // nullopt when `source` is outside the subset (or not a regular expression at all).
  static std::optional<Pattern> Compile(std::string_view source);

  // Whether the pattern matches somewhere in `text` (as std::regex_search).
  bool Search(std::string_view text) const;

  struct Inst {
    enum Op { kClass, kSplit, kJmp, kBegin, kEnd, kMatch } op;
    int x = 0;  // kClass: class index; kSplit, kJmp: target
    int y = 0;  // kSplit: second target
  };

 private:
  std::vector<Inst> prog_;
  std::vector<std::bitset<256>> classes_;
  friend class PatternCompiler;
};

// `pattern` searched in `text`: compiled once per thread; std::regex for what Pattern does
// not compile. Throws std::regex_error for a pattern neither accepts.
bool PatternSearch(const std::string& pattern, std::string_view text);

}  // namespace lr
