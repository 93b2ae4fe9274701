#include "render/yaml_resolve.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

namespace lr {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool OneOf(std::string_view s, std::initializer_list<std::string_view> options) {
  for (auto o : options) {
    if (s == o) return true;
  }
  return false;
}

int DigitValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Digits of `s` in `base`; false on an empty input, a bad digit or uint64 overflow.
bool ParseDigits(std::string_view s, unsigned base, uint64_t* out) {
  if (s.empty()) return false;
  uint64_t v = 0;
  for (char c : s) {
    auto d = static_cast<unsigned>(DigitValue(c));
    if (d >= base) return false;
    if (v > (std::numeric_limits<uint64_t>::max() - d) / base) return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}

// Go's strconv.ParseUint(s, 0, 64) without underscores: 0x, 0o, 0b prefixes, 0 = octal.
bool ParseGoUnsigned(std::string_view s, uint64_t* out) {
  unsigned base = 10;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
    s.remove_prefix(base == 8 && p != 'o' ? 1 : 2);
  }
  return ParseDigits(s, base, out);
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$  (go-yaml v2's yamlStyleFloat)
bool GoYamlStyleFloat(std::string_view s) {
  size_t i = 0, n = s.size();
  if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_start = i;
  while (i < n && IsDigit(s[i])) ++i;
  bool int_digits = i > int_start;
  if (i < n && s[i] == '.') {
    ++i;
    size_t frac_start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (!int_digits && i == frac_start) return false;
  } else if (!int_digits) {
    return false;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (i == exp_start) return false;
  }
  return i == n;
}

std::string WithoutUnderscores(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '_') out += c;
  }
  return out;
}

Json GoNumber(std::string_view in) {
  std::string plain = WithoutUnderscores(in);
  std::string_view body = plain;
  bool negative = !body.empty() && body[0] == '-';
  bool signed_ = !body.empty() && (body[0] == '-' || body[0] == '+');
  if (signed_) body.remove_prefix(1);
  uint64_t mag = 0;
  if (ParseGoUnsigned(body, &mag)) {
    constexpr uint64_t kMaxInt = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    if (negative && mag <= kMaxInt + 1) {
      return mag == kMaxInt + 1 ? std::numeric_limits<int64_t>::min() : -static_cast<int64_t>(mag);
    }
    if (!negative && mag <= kMaxInt) return static_cast<int64_t>(mag);
    if (!signed_) return mag;
  }
  if (GoYamlStyleFloat(plain)) {
    // strconv.ParseFloat fails with ErrRange on overflow (not underflow); go-yaml v2
    // then keeps the text as a string.
    double f = std::strtod(plain.c_str(), nullptr);
    if (!std::isinf(f)) return f;
  }
  return std::string(in);
}

std::optional<Json> GoTable(std::string_view s) {
  if (OneOf(s, {"", "~", "null", "Null", "NULL"})) return Json(nullptr);
  if (OneOf(s, {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"})) {
    return Json(true);
  }
  if (OneOf(s, {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"})) {
    return Json(false);
  }
  if (OneOf(s, {".nan", ".NaN", ".NAN"})) return Json(std::nan(""));
  if (OneOf(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) return Json(HUGE_VAL);
  if (OneOf(s, {"-.inf", "-.Inf", "-.INF"})) return Json(-HUGE_VAL);
  return std::nullopt;
}

// ^\.[0-9]+([eE][-+]?[0-9]+)?$ : what Go's ParseFloat accepts after a leading dot.
bool GoDotFloat(std::string_view s) { return s.size() > 1 && IsDigit(s[1]) && GoYamlStyleFloat(s); }

Json ResolveGo(std::string_view in) {
  if (auto v = GoTable(in)) return *v;
  char c = in[0];
  if (c == '.') {
    if (!GoDotFloat(in)) return Json(in);
    double f = std::strtod(std::string(in).c_str(), nullptr);
    return std::isinf(f) ? Json(in) : Json(f);  // overflow: ParseFloat fails, text kept
  }
  if (c == '-' || c == '+' || IsDigit(c)) return GoNumber(in);
  return std::string(in);
}

// True for the float texts go-yaml v2 keeps as strings only because they overflow
// float64 (1e400): YAML 1.2 readers take them as infinities, so they must be quoted.
bool GoFloatOverflows(std::string_view in) {
  if (in.empty()) return false;
  if (in[0] == '.')
    return GoDotFloat(in) && std::isinf(std::strtod(std::string(in).c_str(), nullptr));
  if (in[0] != '-' && in[0] != '+' && !IsDigit(in[0])) return false;
  std::string plain = WithoutUnderscores(in);
  return GoYamlStyleFloat(plain) && std::isinf(std::strtod(plain.c_str(), nullptr));
}

bool IsIndicator(char c) {
  static constexpr std::string_view kIndicators = "?:,[]{}#&*!|>'\"%@`";
  return kIndicators.find(c) != std::string_view::npos;
}

// Bytes that YAML would not keep as-is in a plain scalar: controls, tab, DEL,
// C1 controls and NEL (C2 80-9F), LS/PS (E2 80 A8/A9), a BOM (EF BB BF) and the
// non-characters U+FFFE/U+FFFF (EF BF BE/BF). PyYAML rejects a stream holding any
// non-printable character, even quoted. (Invalid UTF-8 is not checked here.)
bool HasUnsafeByte(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    if (c == 0xE2 && s.substr(i + 1, 2) == "\x80\xA8") return true;
    if (c == 0xE2 && s.substr(i + 1, 2) == "\x80\xA9") return true;
    if (c == 0xEF && s.substr(i + 1, 2) == "\xBB\xBF") return true;
    if (c == 0xEF && (s.substr(i + 1, 2) == "\xBF\xBE" || s.substr(i + 1, 2) == "\xBF\xBF")) {
      return true;
    }
  }
  return false;
}

bool SyntaxAllowsPlain(std::string_view s) {
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (s.front() == '-' && (s.size() == 1 || s[1] == ' ' || s.substr(0, 3) == "---")) return false;
  if (s.front() != '-' && IsIndicator(s.front())) return false;
  if (s.substr(0, 3) == "...") return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) {
    return false;
  }
  return !HasUnsafeByte(s);
}

}  // namespace

Json ResolveGoYamlV2(std::string_view text) {
  return text.empty() ? Json(nullptr) : ResolveGo(text);
}

Json ResolvePlainScalar(std::string_view text, YamlDialect dialect) {
  return dialect == YamlDialect::kGoYamlV2 ? ResolveGoYamlV2(text) : ResolvePyYaml(text);
}

bool FirstCharMayResolve(char c) {
  return std::string_view(kMayResolveFirst).find(c) != std::string_view::npos;
}

bool PlainScalarStaysString(std::string_view text) {
  if (text.empty() || !SyntaxAllowsPlain(text)) return false;
  if (!FirstCharMayResolve(text[0])) return true;  // most strings: no resolver looks further
  if (text == "<<" || text == "=" || PyTimestampLike(text) || GoFloatOverflows(text)) return false;
  return ResolveGoYamlV2(text).is_string() && ResolvePyYaml(text).is_string();
}

}  // namespace lr
