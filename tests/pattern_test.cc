// Pattern against std::regex_search, the engine it replaces: every `pattern` of every bundled
// schema (values, launch config, every Kubernetes definition, the CRDs) and a table of
// patterns for each feature of the subset, each on every short string over its own
// characters and on random longer ones; then what stays outside the subset.
#include "render/pattern.h"

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "render/embedded.h"

namespace lr {
namespace {

void CollectPatterns(const nlohmann::json& node, std::set<std::string>* out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "pattern" && value.is_string()) {
        out->insert(value.get<std::string>());
      } else if (key == "patternProperties" && value.is_object()) {
        for (const auto& [p, sub] : value.items()) {
          out->insert(p);
          CollectPatterns(sub, out);
        }
      } else {
        CollectPatterns(value, out);
      }
    }
  } else if (node.is_array()) {
    for (const auto& item : node) CollectPatterns(item, out);
  }
}

std::set<std::string> BundledPatterns() {
  std::set<std::string> out;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    std::string_view path = f.path;
    if (path.size() < 5 || path.substr(path.size() - 5) != ".json") continue;
    CollectPatterns(nlohmann::json::parse(f.contents), &out);
  }
  return out;
}

// The characters a pattern's strings are made of: its own literal characters, a few of
// every kind it can name, and some it never names.
std::string Alphabet(const std::string& pattern) {
  std::set<char> chars = {'a', 'Z', '0', '9', '-', '.', ' ', '\n', '_', '/', ':', '%', '\xc3'};
  for (char c : pattern) {
    if (c != '\\' && c != '^' && c != '$') chars.insert(c);
  }
  return std::string(chars.begin(), chars.end());
}

void ExpectSameAsRegex(const std::string& pattern, int random_strings) {
  SCOPED_TRACE(pattern);
  auto own = Pattern::Compile(pattern);
  ASSERT_TRUE(own.has_value()) << "outside the subset";
  const std::regex re(pattern);
  std::string alphabet = Alphabet(pattern);
  std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>()(pattern)));
  auto check = [&](const std::string& s) {
    ASSERT_EQ(own->Search(s), std::regex_search(s, re)) << "text \"" << s << "\"";
  };
  check("");
  for (char a : alphabet) {
    for (char b : alphabet) check(std::string{a, b});
  }
  for (int i = 0; i < random_strings; ++i) {
    std::string s;
    for (int n = static_cast<int>(rng() % 24); n > 0; --n) s += alphabet[rng() % alphabet.size()];
    check(s);
  }
}

TEST(PatternTest, EveryBundledPatternAgreesWithStdRegex) {
  std::set<std::string> patterns = BundledPatterns();
  ASSERT_GE(patterns.size(), 10u);
  for (const std::string& p : patterns) ExpectSameAsRegex(p, 3000);
}

// Strings a generator of random characters would rarely write: whole valid values.
TEST(PatternTest, BundledPatternsOnRealValues) {
  struct Row {
    const char* pattern;
    const char* text;
    bool match;
  };
  const std::string quantity =
      R"(^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$)";
  const std::string dns = R"(^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)";
  std::vector<Row> rows = {{quantity.c_str(), "500m", true},
                           {quantity.c_str(), "1.5Gi", true},
                           {quantity.c_str(), "2e-3", true},
                           {quantity.c_str(), "1Gb", false},
                           {dns.c_str(), "wandb.example-1.io", true},
                           {dns.c_str(), "-wandb", false},
                           {dns.c_str(), "a..b", false}};
  for (const Row& r : rows) {
    auto own = Pattern::Compile(r.pattern);
    ASSERT_TRUE(own.has_value()) << r.pattern;
    EXPECT_EQ(own->Search(r.text), r.match) << r.pattern << " on " << r.text;
    EXPECT_EQ(std::regex_search(std::string(r.text), std::regex(r.pattern)), r.match);
  }
}

TEST(PatternTest, EachFeatureAgreesWithStdRegex) {
  for (const char* p : {"abc",       "^abc$",      "a|bc|",
                        "(a|b)*c",   "(?:ab)+$",   "^a?b??c*d+?",
                        "x{3}",      "^x{2,}$",    "^x{1,3}y{0,2}$",
                        "[a-c]",     "[^a-c]",     "[-a]",
                        "[a-]",      "[\\]\\\\-]", "[\\d.]",
                        "\\d\\D",    "\\s\\S",     "\\w+\\W",
                        "^\\.$",     "a.b",        "^$",
                        "$",         "^",          "(^a|b$)",
                        "()",        "(a*)*b",     "^([a-z]+(-[a-z]+)*)?$",
                        "[!-<>-~]+", "\\/\\-\\%",  "a\\tb",
                        "[\\s/?#]"}) {
    ExpectSameAsRegex(p, 2000);
  }
}

TEST(PatternTest, OutsideTheSubsetIsLeftToStdRegex) {
  for (const char* p : {"\\bword", "(a)\\1", "(?=a)", "(?!a)", "\\u0041", "\\x41", "[]", "[^]",
                        "a**", "{", "a{,3}", "a{3,1}", "(", ")", "[a", "\\", "[z-a]", "a{1001}"}) {
    EXPECT_FALSE(Pattern::Compile(p).has_value()) << p;
  }
  EXPECT_TRUE(PatternSearch("\\bword", "a word"));  // through std::regex
  EXPECT_FALSE(PatternSearch("\\bword", "sword"));
  EXPECT_THROW(PatternSearch("(", "x"), std::regex_error);
}

TEST(PatternTest, LongTextsTakeLinearTime) {
  // Catastrophic for a backtracking engine, one pass here (and std::regex is not asked).
  auto p = Pattern::Compile("^(a|a)*(a*)*b$");
  ASSERT_TRUE(p.has_value());
  EXPECT_FALSE(p->Search(std::string(200'000, 'a')));
  EXPECT_TRUE(p->Search(std::string(200'000, 'a') + "b"));
}

}  // namespace
}  // namespace lr
