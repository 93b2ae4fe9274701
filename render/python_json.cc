#include "render/python_json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace lr {
namespace {

void AppendEscaped(const std::string& s, std::string* out) {
  *out += '"';
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (len > 1) {
      cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
      for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    i += len;
    char buf[16];
    if (cp == '"')
      *out += "\\\"";
    else if (cp == '\\')
      *out += "\\\\";
    else if (cp == '\n')
      *out += "\\n";
    else if (cp == '\r')
      *out += "\\r";
    else if (cp == '\t')
      *out += "\\t";
    else if (cp == '\b')
      *out += "\\b";
    else if (cp == '\f')
      *out += "\\f";
    else if (cp < 0x20 || (cp >= 0x7F && cp < 0x10000)) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      if (cp < 0x7F)
        *out += buf;
      else if (cp == 0x7F)
        *out += static_cast<char>(cp);
      else
        *out += buf;
    } else if (cp >= 0x10000) {
      uint32_t v = cp - 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
      *out += buf;
    } else {
      *out += static_cast<char>(cp);
    }
  }
  *out += '"';
}

void Dump(const Json& v, std::string* out) {
  if (v.is_object()) {
    *out += '{';
    bool first = true;
    for (const auto& [k, child] : v.items()) {
      if (!first) *out += ", ";
      first = false;
      AppendEscaped(k, out);
      *out += ": ";
      Dump(child, out);
    }
    *out += '}';
  } else if (v.is_array()) {
    *out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) *out += ", ";
      Dump(v[i], out);
    }
    *out += ']';
  } else if (v.is_string()) {
    AppendEscaped(v.get<std::string>(), out);
  } else if (v.is_boolean()) {
    *out += v.get<bool>() ? "true" : "false";
  } else if (v.is_number_float()) {
    *out += PythonFloatRepr(v.get<double>());
  } else if (v.is_number()) {
    *out += v.dump();
  } else {
    *out += "null";
  }
}

}  // namespace

std::string PythonFloatRepr(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, r.ptr);  // -d.ddde+XX
  size_t e = sci.find('e');
  int exp = std::stoi(sci.substr(e + 1));
  std::string mant = sci.substr(0, e);
  bool neg = mant[0] == '-';
  if (neg) mant = mant.substr(1);
  std::string digits;
  for (char c : mant) {
    if (c != '.') digits += c;
  }
  std::string out = neg ? "-" : "";
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      out += "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
    } else if (static_cast<size_t>(exp + 1) >= digits.size()) {
      out += digits + std::string(static_cast<size_t>(exp + 1) - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, static_cast<size_t>(exp + 1)) + "." +
             digits.substr(static_cast<size_t>(exp + 1));
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  char ebuf[24];
  std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
  return out + ebuf;
}

std::string PythonJsonDumps(const Json& value) {
  std::string out;
  Dump(value, &out);
  return out;
}

}  // namespace lr
