#include "render/json_read.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace lr {
namespace {

// Deeper nesting is refused (nlohmann reads it; nothing embedded comes near).
constexpr int kMaxDepth = 1000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of the well-formed UTF-8 sequence at the start of `s` (RFC 3629, as nlohmann's
// lexer checks it), or 0.
size_t Utf8Sequence(std::string_view s) {
  auto byte = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  auto cont = [&](size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return byte(i) >= lo && byte(i) <= hi;
  };
  unsigned c = byte(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

void AppendUtf8(unsigned cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

template <class J>
class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  std::optional<J> Document() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // nlohmann skips a byte order mark
    J out;
    SkipSpace();
    if (!Value(&out, 0)) return std::nullopt;
    SkipSpace();
    // nlohmann's lexer reads a NUL byte where a token starts as the end of the input.
    if (i_ != s_.size() && s_[i_] != '\0') return std::nullopt;
    return out;
  }

 private:
  bool Value(J* out, int depth) {
    if (i_ >= s_.size() || depth >= kMaxDepth) return false;
    switch (s_[i_]) {
      case '{':
        return Object(out, depth);
      case '[':
        return Array(out, depth);
      case '"': {
        std::string text;
        if (!String(&text)) return false;
        *out = std::move(text);
        return true;
      }
      case 't':
        return Literal("true", J(true), out);
      case 'f':
        return Literal("false", J(false), out);
      case 'n':
        return Literal("null", J(nullptr), out);
      default:
        return Number(out);
    }
  }

  bool Literal(std::string_view word, J value, J* out) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    *out = std::move(value);
    return true;
  }

  bool Object(J* out, int depth) {
    ++i_;
    SkipSpace();
    std::vector<std::pair<std::string, J>> members;
    if (!Eat('}')) {
      do {
        SkipSpace();
        auto& [key, value] = members.emplace_back();
        if (!String(&key)) return false;
        SkipSpace();
        if (!Eat(':')) return false;
        SkipSpace();
        if (!Value(&value, depth + 1)) return false;
        SkipSpace();
      } while (Eat(','));
      if (!Eat('}')) return false;
    }
    *out = J::object();
    Store(std::move(members), &out->template get_ref<typename J::object_t&>());
    return true;
  }

  // A repeated key: the value read last replaces the first, as nlohmann's parser does.
  static void Store(std::vector<std::pair<std::string, J>>&& members,
                    typename J::object_t* object) {
    if constexpr (std::is_same_v<J, nlohmann::json>) {
      for (auto& [key, value] : members) object->insert_or_assign(std::move(key), std::move(value));
    } else {
      // ordered_map is a vector of pairs with const keys: sized once, so nothing is copied.
      object->reserve(members.size());
      for (auto& [key, value] : members) {
        auto it = object->find(key);
        if (it != object->end()) {
          it->second = std::move(value);
        } else {
          object->Container::emplace_back(std::move(key), std::move(value));
        }
      }
    }
  }

  bool Array(J* out, int depth) {
    *out = J::array();
    auto& items = out->template get_ref<typename J::array_t&>();
    ++i_;
    SkipSpace();
    if (Eat(']')) return true;
    do {
      SkipSpace();
      if (!Value(&items.emplace_back(), depth + 1)) return false;
      SkipSpace();
    } while (Eat(','));
    return Eat(']');
  }

  // A string token at i_ (the opening quote) into `out`.
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    while (i_ < s_.size()) {
      size_t run = i_;
      while (run < s_.size() && s_[run] != '"' && s_[run] != '\\' &&
             static_cast<unsigned char>(s_[run]) >= 0x20 &&
             static_cast<unsigned char>(s_[run]) < 0x80) {
        ++run;
      }
      out->append(s_.data() + i_, run - i_);
      i_ = run;
      if (i_ >= s_.size()) return false;
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!Escape(out)) return false;
        continue;
      }
      size_t n = Utf8Sequence(s_.substr(i_));
      if (n == 0) return false;
      out->append(s_.data() + i_, n);
      i_ += n;
    }
    return false;
  }

  bool Hex4(unsigned* out) {
    if (s_.size() - i_ < 4) return false;
    unsigned v = 0;
    for (size_t k = 0; k < 4; ++k) {
      char c = s_[i_ + k];
      unsigned d = IsDigit(c)               ? c - '0'
                   : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                   : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                            : 16;
      if (d == 16) return false;
      v = v * 16 + d;
    }
    i_ += 4;
    *out = v;
    return true;
  }

  // The escape at i_ (the backslash).
  bool Escape(std::string* out) {
    if (++i_ >= s_.size()) return false;
    char c = s_[i_++];
    const char* from = "\"\\/bfnrt";
    const char* to = "\"\\/\b\f\n\r\t";
    if (const char* p = c ? std::strchr(from, c) : nullptr) {
      out->push_back(to[p - from]);
      return true;
    }
    if (c != 'u') return false;
    unsigned cp = 0;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned low = 0;
      if (s_.substr(i_, 2) != "\\u") return false;
      i_ += 2;
      if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(cp, out);
    return true;
  }

  // RFC 8259's number grammar; integers as nlohmann types them.
  bool Number(J* out) {
    size_t start = i_;
    bool negative = Eat('-');
    if (i_ >= s_.size() || !IsDigit(s_[i_])) return false;
    if (s_[i_] == '0') {
      ++i_;
    } else {
      Digits();
    }
    bool integral = true;
    if (Eat('.')) {
      integral = false;
      if (!Digits()) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      integral = false;
      ++i_;
      if (!Eat('+')) Eat('-');
      if (!Digits()) return false;
    }
    std::string_view token = s_.substr(start, i_ - start);
    if (integral && IntegerToken(token, negative, out)) return true;
    double v = std::strtod(std::string(token).c_str(), nullptr);
    if (!std::isfinite(v)) return false;  // nlohmann refuses a number out of range
    *out = v;
    return true;
  }

  // false when the integer is out of range (nlohmann reads it as a double then).
  static bool IntegerToken(std::string_view token, bool negative, J* out) {
    const char* end = token.data() + token.size();
    if (negative) {
      int64_t v = 0;
      auto [p, ec] = std::from_chars(token.data(), end, v);
      if (ec != std::errc() || p != end) return false;
      *out = v;
    } else {
      uint64_t v = 0;
      auto [p, ec] = std::from_chars(token.data(), end, v);
      if (ec != std::errc() || p != end) return false;
      *out = v;
    }
    return true;
  }

  bool Digits() {
    size_t start = i_;
    while (i_ < s_.size() && IsDigit(s_[i_])) ++i_;
    return i_ > start;
  }

  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  void SkipSpace() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) {
      ++i_;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

template <class J>
std::optional<J> ReadJson(std::string_view text) {
  return Reader<J>(text).Document();
}

template std::optional<nlohmann::json> ReadJson(std::string_view);
template std::optional<nlohmann::ordered_json> ReadJson(std::string_view);

}  // namespace lr
