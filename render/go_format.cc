// Ports of the Go standard library formatting Helm output depends on.
// Matched against Go 1.22+ sources:
//  - strconv/ftoa.go: formatDigits ('g': shortest => eprec = 6), fmtE (exponent
//    sign and at least two digits), fmtF; fmt/print.go: %v on float64 is
//    fmtFloat(v, 64, 'g', -1); fmt/format.go: "+Inf"/"-Inf" keep their sign, NaN not.
//  - encoding/json/encode.go: floatEncoder ('f' unless abs < 1e-6 || abs >= 1e21,
//    then 'e' with "e-07" -> "e-7"), NaN/Inf are an UnsupportedValueError, map keys
//    sorted as byte strings, appendString: \" \\ \b \f \n \r \t (\b and \f since
//    Go 1.22, CL 521675; Go <= 1.21 wrote \u0008 \u000c), other C0 as \u00xx,
//    < > & as \u003c \u003e \u0026, U+2028/U+2029 escaped, every byte that does
//    not start a valid UTF-8 sequence (utf8.DecodeRune size 1) becomes \ufffd.
#include "render/go_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "render/base64.h"

namespace lr {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// A finite float64 as strconv's decimalSlice: value = 0.digits * 10^dp.
// Zero has no digits (and dp 0), like Go's ryuFtoaShortest.
struct Decimal {
  bool neg = false;
  std::string digits;
  int dp = 0;
};

// Shortest round-trip digits (what Go's prec -1 selects), via std::to_chars.
Decimal ShortestDecimal(double f) {
  Decimal d;
  d.neg = std::signbit(f);
  if (f == 0) return d;
  char buf[64];
  const auto res =
      std::to_chars(buf, buf + sizeof buf, std::fabs(f), std::chars_format::scientific);
  const std::string_view text(buf, static_cast<size_t>(res.ptr - buf));  // "1.2345e+05"
  const size_t e = text.find('e');
  for (char c : text.substr(0, e)) {
    if (c != '.') d.digits.push_back(c);
  }
  int exp = 0;
  const std::string_view exp_text = text.substr(e + (text[e + 1] == '+' ? 2 : 1));
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp);
  d.dp = exp + 1;
  return d;
}

int DigitCount(const Decimal& d) { return static_cast<int>(d.digits.size()); }

// strconv fmtE with all digits: -d.ddde±dd (exponent at least two digits).
std::string FormatE(const Decimal& d) {
  std::string out = d.neg ? "-" : "";
  out.push_back(d.digits.empty() ? '0' : d.digits[0]);
  if (d.digits.size() > 1) out.append(".").append(d.digits, 1);
  int exp = d.digits.empty() ? 0 : d.dp - 1;
  out.push_back('e');
  out.push_back(exp < 0 ? '-' : '+');
  exp = std::abs(exp);
  if (exp < 10) out.push_back('0');
  out.append(std::to_string(exp));
  return out;
}

// strconv fmtF with all digits: -ddd.ddd, zero-padded on either side of the point.
std::string FormatF(const Decimal& d) {
  std::string out = d.neg ? "-" : "";
  const int nd = DigitCount(d);
  if (d.dp > 0) {
    out.append(d.digits, 0, static_cast<size_t>(std::min(nd, d.dp)));
    if (d.dp > nd) out.append(static_cast<size_t>(d.dp - nd), '0');
  } else {
    out.push_back('0');
  }
  const int frac = std::max(nd - d.dp, 0);
  if (frac > 0) out.push_back('.');
  for (int i = 0; i < frac; ++i) {
    const int j = d.dp + i;
    out.push_back(j >= 0 && j < nd ? d.digits[static_cast<size_t>(j)] : '0');
  }
  return out;
}

// encoding/json floatEncoder for float64 (value must be finite).
std::string JsonFloat(double f) {
  const double abs = std::fabs(f);
  const Decimal d = ShortestDecimal(f);
  if (abs == 0 || (abs >= 1e-6 && abs < 1e21)) return FormatF(d);
  std::string out = FormatE(d);
  const size_t n = out.size();  // clean up e-09 to e-9
  if (n >= 4 && out[n - 4] == 'e' && out[n - 3] == '-' && out[n - 2] == '0') {
    out.erase(n - 2, 1);
  }
  return out;
}

// Length of the valid UTF-8 sequence at s[i] (2-4), or 0 where Go's
// utf8.DecodeRune would return (RuneError, 1). Rejects overlongs, surrogates,
// code points above U+10FFFF and truncated sequences.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = at(i);
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xbf;  // allowed range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) {
    len = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    len = 3;
    if (lead == 0xe0) lo = 0xa0;
    if (lead == 0xed) hi = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    len = 4;
    if (lead == 0xf0) lo = 0x90;
    if (lead == 0xf4) hi = 0x8f;
  }
  if (len == 0 || i + len > s.size()) return 0;
  if (at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (at(i + k) < 0x80 || at(i + k) > 0xbf) return 0;
  }
  return len;
}

// The escape Go writes for an ASCII byte, or "" when the byte is written raw.
std::string AsciiEscape(unsigned char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      break;
  }
  if (c < 0x20 || c == '<' || c == '>' || c == '&') {
    return std::string("\\u00") + kHex[c >> 4] + kHex[c & 0xf];
  }
  return "";
}

// Appends the non-ASCII sequence at s[i] and returns the bytes consumed.
size_t AppendMultiByte(std::string_view s, size_t i, std::string& out) {
  const size_t len = Utf8SequenceLength(s, i);
  if (len == 0) {
    out.append("\\ufffd");
    return 1;
  }
  const std::string_view seq = s.substr(i, len);
  if (seq == "\xe2\x80\xa8" || seq == "\xe2\x80\xa9") {
    out.append("\\u202").push_back(kHex[static_cast<unsigned char>(seq[2]) & 0xf]);
  } else {
    out.append(seq);
  }
  return len;
}

void AppendString(std::string_view s, std::string& out) {
  out.push_back('"');
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      i += AppendMultiByte(s, i, out);
      continue;
    }
    const std::string esc = AsciiEscape(c);
    if (esc.empty()) {
      out.push_back(s[i]);
    } else {
      out.append(esc);
    }
    ++i;
  }
  out.push_back('"');
}

bool AppendValue(const Json& v, std::string& out);

bool AppendArray(const Json& v, std::string& out) {
  out.push_back('[');
  bool first = true;
  for (const Json& item : v) {
    if (!first) out.push_back(',');
    first = false;
    if (!AppendValue(item, out)) return false;
  }
  out.push_back(']');
  return true;
}

bool AppendObject(const Json& v, std::string& out) {
  std::vector<std::pair<std::string_view, const Json*>> entries;
  entries.reserve(v.size());
  for (auto it = v.begin(); it != v.end(); ++it) entries.emplace_back(it.key(), &it.value());
  // std::string_view compares like memcmp (unsigned bytes), as Go's string <.
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  out.push_back('{');
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendString(entries[i].first, out);
    out.push_back(':');
    if (!AppendValue(*entries[i].second, out)) return false;
  }
  out.push_back('}');
  return true;
}

std::string BinaryBytes(const Json& v) {
  const auto& bytes = v.get_binary();
  std::string raw;
  raw.reserve(bytes.size());
  for (auto b : bytes) raw.push_back(static_cast<char>(b));
  return raw;
}

// Appends v's encoding; false when Go would fail (NaN or infinity).
bool AppendValue(const Json& v, std::string& out) {
  switch (v.type()) {
    case Json::value_t::boolean:
      out.append(v.get<bool>() ? "true" : "false");
      return true;
    case Json::value_t::number_integer:
      out.append(std::to_string(v.get<int64_t>()));
      return true;
    case Json::value_t::number_unsigned:
      out.append(std::to_string(v.get<uint64_t>()));
      return true;
    case Json::value_t::number_float: {
      const double f = v.get<double>();
      if (!std::isfinite(f)) return false;
      out.append(JsonFloat(f));
      return true;
    }
    case Json::value_t::string:
      AppendString(v.get_ref<const std::string&>(), out);
      return true;
    case Json::value_t::array:
      return AppendArray(v, out);
    case Json::value_t::object:
      return AppendObject(v, out);
    case Json::value_t::binary:
      AppendString(Base64Encode(BinaryBytes(v)), out);
      return true;
    case Json::value_t::null:
    case Json::value_t::discarded:
      break;
  }
  out.append("null");
  return true;
}

}  // namespace

std::string GoJson(const Json& v) {
  std::string out;
  if (!AppendValue(v, out)) return "";
  return out;
}

std::string GoFormatFloat(double f) {
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  const Decimal d = ShortestDecimal(f);
  const int exp = d.dp - 1;  // Go: digs.dp - 1, also for zero (-1)
  if (exp < -4 || exp >= 6) return FormatE(d);
  return FormatF(d);
}

std::string GoFormatInt(int64_t i) { return std::to_string(i); }

}  // namespace lr
