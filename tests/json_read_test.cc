// ReadJson against nlohmann::json::parse: the same verdict on every text, and where both read
// it, the same tree with the same JSON types at every node (for json and ordered_json).
#include "render/json_read.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace lr {
namespace {

template <class J>
bool Identical(const J& a, const J& b) {
  if (a.type() != b.type()) return false;
  if (a.is_number_float()) {
    double x = a.template get<double>(), y = b.template get<double>();
    return x == y || (x != x && y != y);
  }
  if (!a.is_structured()) return a == b;
  if (a.size() != b.size()) return false;
  auto ia = a.begin();
  for (auto ib = b.begin(); ib != b.end(); ++ia, ++ib) {
    if (a.is_object() && ia.key() != ib.key()) return false;
    if (!Identical(*ia, *ib)) return false;
  }
  return true;
}

template <class J>
void ExpectAsNlohmann(const std::string& text) {
  std::optional<J> ours = ReadJson<J>(text);
  J theirs = J::parse(text, nullptr, false);
  ASSERT_EQ(ours.has_value(), !theirs.is_discarded()) << text;
  if (ours) {
    EXPECT_TRUE(Identical(*ours, theirs)) << text << "\n" << ours->dump();
  }
}

void ExpectBoth(const std::string& text) {
  SCOPED_TRACE(text);
  ExpectAsNlohmann<nlohmann::json>(text);
  ExpectAsNlohmann<nlohmann::ordered_json>(text);
}

const std::vector<std::string> kTexts = {
    // values and containers
    "null",
    "true",
    "false",
    "0",
    "-0",
    "7",
    "-7",
    "1.5",
    "-1.5e3",
    "1E+2",
    "2e-2",
    "0.0",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "-9223372036854775808",
    "-9223372036854775809",
    "1e400",
    "-1e400",
    "123456789012345678901",
    "[]",
    "{}",
    "[1,[2,[3]],{\"a\":[]}]",
    " \t\r\n{ \"a\" : 1 , \"b\" : [ true , null ] } \n",
    R"({"b":1,"a":2,"c":{"z":1,"y":2}})",
    R"({"a":1,"a":2})",
    R"({"a":{"x":1},"a":[2]})",
    // strings
    R"("")",
    R"("plain")",
    R"("\"\\\/\b\f\n\r\t")",
    R"("\u0041\u00e9\u4e2d")",
    R"("\u0000")",
    R"("\ud83d\ude00")",
    R"("\uD83D\uDE00")",
    "\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\"",
    "\"\x7f\"",
    // byte order mark
    "\xEF\xBB\xBF{}",
    "\xEF\xBB{}",
    "\xEF{}",
    // refused
    "",
    " ",
    "nul",
    "tru",
    "falsey",
    "01",
    "-",
    "+1",
    "1.",
    ".5",
    "1e",
    "1e+",
    "0x10",
    "--1",
    "[1,]",
    "[,1]",
    "{\"a\":1,}",
    "{\"a\" 1}",
    "{a:1}",
    "{\"a\":}",
    "[1 2]",
    "{} {}",
    "[",
    "]",
    "{",
    "\"abc",
    R"("\x")",
    R"("\u12")",
    R"("\u12G4")",
    R"("\ud83d")",
    R"("\ude00")",
    R"("\ud83d\u0041")",
    "\"a\nb\"",
    "\"a\tb\"",
    "\"\x01\"",
    "\"\x80\"",
    "\"\xc0\xaf\"",
    "\"\xed\xa0\x80\"",
    "\"\xf4\x90\x80\x80\"",
    "\"\xe2\x82\"",
    "[1]x",
    "1 2",
    "NaN",
    "Infinity",
    "'a'",
    "[1]\x00",
    std::string("\"a\0b\"", 5),
};

TEST(JsonReadTest, ReadsWhatNlohmannReads) {
  for (const std::string& text : kTexts) ExpectBoth(text);
}

TEST(JsonReadTest, KeepsOrderForOrderedJsonAndSortsForJson) {
  auto ordered = ReadJson<nlohmann::ordered_json>(R"({"b":1,"a":2})");
  ASSERT_TRUE(ordered.has_value());
  EXPECT_EQ(ordered->begin().key(), "b");
  auto sorted = ReadJson<nlohmann::json>(R"({"b":1,"a":2})");
  EXPECT_EQ(sorted->begin().key(), "a");
}

TEST(JsonReadTest, RefusesNestingBeyondItsLimit) {
  std::string deep = std::string(1001, '[') + std::string(1001, ']');
  EXPECT_FALSE(ReadJson<nlohmann::json>(deep).has_value());
  std::string ok = std::string(1000, '[') + std::string(1000, ']');
  EXPECT_TRUE(ReadJson<nlohmann::json>(ok).has_value());
}

// Random edits of valid texts: every byte deleted, duplicated or replaced by a JSON-significant
// one lands on some verdict; it must be nlohmann's.
TEST(JsonReadTest, RandomEditsGetNlohmannsVerdict) {
  std::mt19937 rng(20261204);
  const std::string alphabet = "{}[]\":,\\u0123456789.eE+-tfnrl \n\xc3\xa9\x80";
  int checked = 0;
  for (const std::string& base : kTexts) {
    for (int round = 0; round < 40 && !base.empty(); ++round) {
      std::string text = base;
      size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text.erase(at, 1);
          break;
        case 1:
          text.insert(at, 1, text[at]);
          break;
        default:
          text[at] = alphabet[rng() % alphabet.size()];
      }
      ExpectBoth(text);
      ++checked;
    }
  }
  EXPECT_GT(checked, 3000);
}

}  // namespace
}  // namespace lr
