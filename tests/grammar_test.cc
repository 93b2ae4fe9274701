// Each hand-written matcher of render/grammar.h against the std::regex it claims to equal, on
// every string of up to 4 characters over an alphabet of the grammars' own characters, and on
// many longer random ones; plus the quantity's split.
#include "render/grammar.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <regex>
#include <string>

namespace lr {
namespace {

struct Case {
  const char* name;
  const char* regex;
  std::function<bool(std::string_view)> match;
  std::string alphabet;
  std::vector<std::string> words;  // multi-character pieces the grammar needs
};

std::vector<Case> Cases() {
  return {
      {"percent", "[0-9]+%", IsPercent, "09%.-a", {}},
      {"decimal", "[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?", IsUnsignedDecimal, "09.eE+-x", {}},
      {"quantity",
       "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?",
       [](std::string_view s) { return SplitQuantity(s).has_value(); },
       "09.+-eEiKMnmuk ",
       {"Gi", "Ki", "e3", "E-2", "Ei"}},
      {"http url",
       "https?://[^\\s/?#]+([/?#]\\S*)?",
       IsHttpUrl,
       "a./?# \t:",
       {"http://", "https://", "http:/", "ftp://"}},
      {"wandb app url",
       "https?://(www\\.)?wandb\\.ai(:[0-9]+)?/?",
       IsWandbAppUrl,
       ":/09.x",
       {"https://", "http://", "www.", "wandb.ai", "wandb", ".ai", "api."}},
  };
}

// Every concatenation of up to `depth` pieces (single characters and words).
void Enumerate(const std::vector<std::string>& pieces, int depth, const std::string& prefix,
               const std::function<void(const std::string&)>& visit) {
  visit(prefix);
  if (depth == 0) return;
  for (const std::string& p : pieces) Enumerate(pieces, depth - 1, prefix + p, visit);
}

TEST(GrammarTest, EachMatcherEqualsItsRegex) {
  std::mt19937 rng(12345);
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    const std::regex re(c.regex);
    std::vector<std::string> pieces = c.words;
    for (char ch : c.alphabet) pieces.emplace_back(1, ch);
    int checked = 0, matched = 0;
    auto check = [&](const std::string& s) {
      bool expected = std::regex_match(s, re);
      ASSERT_EQ(c.match(s), expected) << "\"" << s << "\"";
      ++checked;
      matched += expected;
    };
    Enumerate(pieces, 4, "", check);
    for (int i = 0; i < 20000; ++i) {
      std::string s;
      for (int n = static_cast<int>(rng() % 9); n > 0; --n) s += pieces[rng() % pieces.size()];
      check(s);
    }
    EXPECT_GT(matched, 10) << "the inputs must reach the accepting side too";
    EXPECT_LT(matched, checked);
  }
}

TEST(GrammarTest, QuantitySplitsNumberAndSuffix) {
  struct Row {
    const char* text;
    const char* number;
    const char* suffix;
  };
  for (const Row& r : std::vector<Row>{{"500m", "500", "m"},
                                       {"1.5Gi", "1.5", "Gi"},
                                       {"-.5", "-.5", ""},
                                       {"+2e3", "+2", "e3"},
                                       {"7E", "7", "E"},
                                       {"1.", "1.", ""}}) {
    auto parts = SplitQuantity(r.text);
    ASSERT_TRUE(parts.has_value()) << r.text;
    EXPECT_EQ(parts->number, r.number) << r.text;
    EXPECT_EQ(parts->suffix, r.suffix) << r.text;
  }
  for (const char* bad : {"", ".", "+", "1Gib", "1e", "1 m", "Gi", "1mi", "0x10"}) {
    EXPECT_FALSE(SplitQuantity(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace lr
