// PyYAML's implicit resolvers (yaml/resolver.py, YAML 1.1), written as small matchers.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

#include "render/yaml_resolve.h"

namespace lr {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool OneOf(std::string_view s, std::initializer_list<std::string_view> options) {
  for (auto o : options) {
    if (s == o) return true;
  }
  return false;
}

// A cursor over the scalar text for hand-written regexes.
struct Scan {
  std::string_view s;
  size_t i = 0;
  bool End() const { return i == s.size(); }
  bool Eat(char c) {
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  bool EatSign() { return Eat('-') || Eat('+'); }
  // Consumes characters while pred holds; returns how many.
  template <typename P>
  size_t While(P pred) {
    size_t start = i;
    while (i < s.size() && pred(s[i])) ++i;
    return i - start;
  }
};

auto DigitOrUnderscore = [](char c) { return IsDigit(c) || c == '_'; };

// (:[0-5]?[0-9])+
bool SexagesimalTail(Scan* sc) {
  size_t groups = 0;
  while (sc->Eat(':')) {
    size_t start = sc->i;
    sc->While(IsDigit);
    size_t len = sc->i - start;
    if (len == 0 || len > 2 || (len == 2 && sc->s[start] > '5')) return false;
    ++groups;
  }
  return groups > 0;
}

bool PyInt(std::string_view s) {
  Scan sc{s};
  sc.EatSign();
  size_t body = sc.i;
  if (sc.Eat('0')) {
    if (sc.End()) return true;
    if (sc.Eat('b'))
      return sc.While([](char c) { return c == '0' || c == '1' || c == '_'; }) > 0 && sc.End();
    if (sc.Eat('x')) {
      return sc.While([](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) || c == '_';
      }) > 0 &&
             sc.End();
    }
    return sc.While([](char c) { return (c >= '0' && c <= '7') || c == '_'; }) > 0 && sc.End();
  }
  if (sc.End() || sc.s[sc.i] < '1' || sc.s[sc.i] > '9') return false;
  sc.While(DigitOrUnderscore);
  if (sc.End()) return true;
  sc.i = body;
  sc.While(DigitOrUnderscore);
  return SexagesimalTail(&sc) && sc.End();
}

bool PyExponent(Scan* sc) {
  if (!sc->Eat('e') && !sc->Eat('E')) return true;
  if (!sc->EatSign()) return false;
  return sc->While(IsDigit) > 0;
}

bool PyFloat(std::string_view s) {
  if (OneOf(s, {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf",
                "+.Inf", "+.INF"})) {
    return true;
  }
  Scan sc{s};
  if (sc.Eat('.')) {  // \.[0-9][0-9_]*([eE][-+][0-9]+)?
    if (sc.End() || !IsDigit(sc.s[sc.i])) return false;
    sc.While(DigitOrUnderscore);
    return PyExponent(&sc) && sc.End();
  }
  sc.EatSign();
  if (sc.End() || !IsDigit(sc.s[sc.i])) return false;
  sc.While(DigitOrUnderscore);
  if (sc.s.substr(sc.i, 1) == ":" && !SexagesimalTail(&sc)) return false;
  if (!sc.Eat('.')) return false;
  sc.While(DigitOrUnderscore);
  return PyExponent(&sc) && sc.End();
}

// Sum of base-60 groups, as PyYAML's constructors compute them.
double Sexagesimal(const std::string& digits) {
  double value = 0;
  size_t start = 0;
  while (true) {
    size_t colon = digits.find(':', start);
    value = value * 60 + std::strtod(digits.substr(start, colon - start).c_str(), nullptr);
    if (colon == std::string::npos) return value;
    start = colon + 1;
  }
}

// Magnitude of an int without sign and underscores; saturates at the uint64 maximum.
uint64_t PyIntMagnitude(const std::string& s) {
  if (s.find(':') != std::string::npos) {
    const double d = Sexagesimal(s);
    return d >= 18446744073709551615.0 ? std::numeric_limits<uint64_t>::max()
                                       : static_cast<uint64_t>(d);
  }
  if (s.rfind("0b", 0) == 0) return std::strtoull(s.c_str() + 2, nullptr, 2);
  if (s.rfind("0x", 0) == 0) return std::strtoull(s.c_str() + 2, nullptr, 16);
  if (s.size() > 1 && s[0] == '0') return std::strtoull(s.c_str(), nullptr, 8);
  return std::strtoull(s.c_str(), nullptr, 10);
}

// Python ints are unbounded: int64 when it fits, then uint64, then (negative) a double.
Json PyIntValue(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c != '_') s += c;
  }
  bool negative = s[0] == '-';
  if (s[0] == '-' || s[0] == '+') s.erase(0, 1);
  const uint64_t mag = PyIntMagnitude(s);
  constexpr auto kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (!negative) return mag <= kMax ? Json(static_cast<int64_t>(mag)) : Json(mag);
  if (mag <= kMax) return -static_cast<int64_t>(mag);
  if (mag == kMax + 1) return std::numeric_limits<int64_t>::min();
  return -static_cast<double>(mag);
}

Json PyFloatValue(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c != '_') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  double sign = 1;
  if (s[0] == '-' || s[0] == '+') {
    sign = s[0] == '-' ? -1 : 1;
    s.erase(0, 1);
  }
  if (s == ".inf") return sign * HUGE_VAL;
  if (s == ".nan") return std::nan("");
  if (s.find(':') != std::string::npos) return sign * Sexagesimal(s);
  return sign * std::strtod(s.c_str(), nullptr);
}

}  // namespace

// YYYY-MM-DD with optional time: PyYAML turns these into dates, never strings.
bool PyTimestampLike(std::string_view s) {
  if (s.size() < 8) return false;
  for (int i = 0; i < 4; ++i) {
    if (!IsDigit(s[static_cast<size_t>(i)])) return false;
  }
  return s[4] == '-' && IsDigit(s[5]);
}

Json ResolvePyYaml(std::string_view in) {
  if (OneOf(in, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (OneOf(in, {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) return true;
  if (OneOf(in, {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})) return false;
  if (PyFloat(in)) return PyFloatValue(in);
  if (PyInt(in)) return PyIntValue(in);
  return std::string(in);
}

}  // namespace lr
