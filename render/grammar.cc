#include "render/grammar.h"

namespace lr {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }

// As regex \s: space, tab, newline, vertical tab, form feed, carriage return.
bool Space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Consumes [0-9]* from s at i; how many.
size_t Digits(std::string_view s, size_t* i) {
  size_t start = *i;
  while (*i < s.size() && Digit(s[*i])) ++*i;
  return *i - start;
}

// Consumes `prefix` if s continues with it at i.
bool Eat(std::string_view s, size_t* i, std::string_view prefix) {
  if (s.substr(*i, prefix.size()) != prefix) return false;
  *i += prefix.size();
  return true;
}

// [eE][-+]?[0-9]+ at i, consumed when it is there whole.
bool Exponent(std::string_view s, size_t* i) {
  size_t j = *i;
  if (j >= s.size() || (s[j] != 'e' && s[j] != 'E')) return false;
  ++j;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
  if (Digits(s, &j) == 0) return false;
  *i = j;
  return true;
}

// https?:// at the start; the index after it.
bool Scheme(std::string_view s, size_t* i) {
  *i = 0;
  if (!Eat(s, i, "http")) return false;
  Eat(s, i, "s");
  return Eat(s, i, "://");
}

}  // namespace

bool IsPercent(std::string_view s) {
  size_t i = 0;
  return Digits(s, &i) > 0 && i + 1 == s.size() && s[i] == '%';
}

bool IsUnsignedDecimal(std::string_view s) {
  size_t i = 0;
  if (Digits(s, &i) == 0) return false;
  if (Eat(s, &i, ".")) Digits(s, &i);
  Exponent(s, &i);
  return i == s.size();
}

std::optional<QuantityParts> SplitQuantity(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t whole = Digits(s, &i);
  size_t fraction = 0;
  if (Eat(s, &i, ".")) fraction = Digits(s, &i);
  if (whole == 0 && fraction == 0) return std::nullopt;  // neither [0-9]+... nor \.[0-9]+
  QuantityParts parts{s.substr(0, i), s.substr(i)};
  std::string_view rest = parts.suffix;
  if (rest.empty()) return parts;
  if (rest.size() == 2 && rest[1] == 'i' && std::string_view("KMGTPE").find(rest[0]) != rest.npos) {
    return parts;
  }
  if (rest.size() == 1 && std::string_view("numkMGTPE").find(rest[0]) != rest.npos) return parts;
  size_t j = 0;
  if (Exponent(rest, &j) && j == rest.size()) return parts;
  return std::nullopt;
}

bool IsHttpUrl(std::string_view s) {
  size_t i = 0;
  if (!Scheme(s, &i)) return false;
  size_t host = i;
  while (i < s.size() && !Space(s[i]) && s[i] != '/' && s[i] != '?' && s[i] != '#') ++i;
  if (i == host) return false;
  for (; i < s.size(); ++i) {
    if (Space(s[i])) return false;
  }
  return true;
}

bool IsWandbAppUrl(std::string_view s) {
  size_t i = 0;
  if (!Scheme(s, &i)) return false;
  Eat(s, &i, "www.");
  if (!Eat(s, &i, "wandb.ai")) return false;
  if (Eat(s, &i, ":") && Digits(s, &i) == 0) return false;
  Eat(s, &i, "/");
  return i == s.size();
}

}  // namespace lr
