// YAML emitter: block style as helm's toYaml and kubectl print it (2-space indentation,
// sequences under a key not indented, keys in tree order). Scalar styles, in order of
// preference: plain (only when every reader resolves it back to the same string),
// literal block "|" for multi-line text, double-quoted with escapes for everything else.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "render/emit.h"
#include "render/go_format.h"
#include "render/yaml_resolve.h"

namespace lr {
namespace {

constexpr size_t kStep = 2;
// YAML limits implicit (single-line "key:") keys to 1024 characters; longer keys are
// written in the explicit "? key" form. Bytes >= characters, so this is on the safe side.
constexpr size_t kMaxImplicitKey = 1000;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr char kHex[] = "0123456789ABCDEF";

unsigned char Byte(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

// Length (2-4) of the multi-byte UTF-8 sequence at s[i], 0 when invalid: overlong,
// surrogate, above U+10FFFF, bad continuation or truncated.
size_t MultiByteLength(std::string_view s, size_t i) {
  const unsigned char lead = Byte(s, i);
  size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead < 0xC2 || lead > 0xF4) return 0;
  if (lead == 0xE0) lo = 0xA0;
  if (lead == 0xED) hi = 0x9F;
  if (lead == 0xF0) lo = 0x90;
  if (lead == 0xF4) hi = 0x8F;
  if (i + len > s.size() || Byte(s, i + 1) < lo || Byte(s, i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (Byte(s, i + k) < 0x80 || Byte(s, i + k) > 0xBF) return 0;
  }
  return len;
}

// Decodes the character at s[i] into *cp; returns its length, 0 for invalid UTF-8.
size_t Decode(std::string_view s, size_t i, char32_t* cp) {
  const unsigned char lead = Byte(s, i);
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  }
  const size_t len = MultiByteLength(s, i);
  if (len == 0) return 0;
  char32_t c = lead & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) c = (c << 6) | (Byte(s, i + k) & 0x3F);
  *cp = c;
  return len;
}

// Characters every reader keeps as-is inside plain and literal scalars: YAML's printable
// set minus line breaks (CR, NEL, LS, PS) and the BOM. Tab is allowed; '\n' is not.
bool SafeRaw(char32_t c) {
  if (c < 0x20) return c == '\t';
  if (c < 0x7F) return true;
  if (c < 0xA0) return false;  // DEL, C1 controls, NEL
  if (c == 0x2028 || c == 0x2029 || c == 0xFEFF) return false;
  return c != 0xFFFE && c != 0xFFFF;
}

// True when s is valid UTF-8 made of SafeRaw characters (and '\n' when allow_newline).
bool AllSafe(std::string_view s, bool allow_newline) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = 0;
    const size_t len = Decode(s, i, &c);
    if (len == 0 || !(SafeRaw(c) || (allow_newline && c == '\n'))) return false;
    i += len;
  }
  return true;
}

bool IsPlain(std::string_view s) { return PlainScalarStaysString(s) && AllSafe(s, false); }

void AppendHexEscape(char32_t c, std::string& out) {
  const int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
  out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
}

void AppendEscape(char32_t c, std::string& out) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\r':
      out += "\\r";
      return;
    case 0:
      out += "\\0";
      return;
    default:
      AppendHexEscape(c, out);
  }
}

// One-line double-quoted scalar. Invalid UTF-8 bytes become U+FFFD (YAML cannot hold them).
void AppendDoubleQuoted(std::string_view s, std::string& out) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    char32_t c = 0;
    const size_t len = Decode(s, i, &c);
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (c == '"' || c == '\\' || c == '\t' || !SafeRaw(c)) {
      AppendEscape(c, out);
    } else {
      out.append(s, i, len);
    }
    i += len;
  }
  out += '"';
}

size_t TrailingNewlines(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[s.size() - 1 - n] == '\n') ++n;
  return n;
}

// Auto-detection takes the indentation from the first non-empty line; when that line
// starts with whitespace it would be misread (or, for a tab, rejected by libyaml).
bool NeedsIndentIndicator(std::string_view s) {
  const size_t first = s.find_first_not_of('\n');
  return first != std::string_view::npos && (s[first] == ' ' || s[first] == '\t');
}

// Multi-line text a literal block holds exactly. Strings of only newlines are left to
// double quotes, as is a top-level scalar needing an indicator (readers disagree there).
bool LiteralFits(std::string_view s, bool top_level) {
  if (s.find('\n') == std::string_view::npos) return false;
  if (s.find_first_not_of('\n') == std::string_view::npos) return false;
  if (top_level && NeedsIndentIndicator(s)) return false;
  return AllSafe(s, true);
}

// "|" (one final newline), "|-" (none) or "|+" (several, kept), "2" when needed;
// lines at `indent`, empty lines written without spaces.
void AppendLiteral(std::string_view s, size_t indent, std::string& out) {
  const size_t trailing = TrailingNewlines(s);
  const std::string_view core = s.substr(0, s.size() - trailing);
  out += '|';
  if (NeedsIndentIndicator(core)) out += '2';
  if (trailing != 1) out += trailing == 0 ? '-' : '+';
  out += '\n';
  for (size_t start = 0; start <= core.size();) {
    size_t end = core.find('\n', start);
    if (end == std::string_view::npos) end = core.size();
    if (end > start) out.append(indent, ' ').append(core.substr(start, end - start));
    out += '\n';
    start = end + 1;
  }
  if (trailing > 1) out.append(trailing - 1, '\n');
}

// A string value; block-scalar lines go at `indent` + 2 (indent = column of its key or "-").
void AppendString(std::string_view s, size_t indent, bool top_level, std::string& out) {
  if (IsPlain(s)) {
    out.append(s);
  } else if (LiteralFits(s, top_level)) {
    AppendLiteral(s, indent + kStep, out);
    return;
  } else {
    AppendDoubleQuoted(s, out);
  }
  out += '\n';
}

// Go's shortest form, made to read back as a float under YAML 1.1 too: always a '.' in
// the mantissa ("1.0e+06", "3.0", "1.5"), and .inf / -.inf / .nan for the non-finite.
std::string FloatText(double f) {
  if (std::isnan(f)) return ".nan";
  if (std::isinf(f)) return f > 0 ? ".inf" : "-.inf";
  std::string text = GoFormatFloat(f);
  const size_t e = text.find('e');
  const std::string_view mantissa = std::string_view(text).substr(0, e);
  if (mantissa.find('.') == std::string_view::npos) {
    text.insert(e == std::string::npos ? text.size() : e, ".0");
  }
  return text;
}

// Scalars and empty collections, followed by a newline.
void AppendScalar(const Json& v, size_t indent, bool top_level, std::string& out) {
  switch (v.type()) {
    case Json::value_t::string:
      return AppendString(v.get_ref<const std::string&>(), indent, top_level, out);
    case Json::value_t::boolean:
      out += v.get<bool>() ? "true" : "false";
      break;
    case Json::value_t::number_integer:
      out += std::to_string(v.get<int64_t>());
      break;
    case Json::value_t::number_unsigned:
      out += std::to_string(v.get<uint64_t>());
      break;
    case Json::value_t::number_float:
      out += FloatText(v.get<double>());
      break;
    case Json::value_t::object:
      out += "{}";
      break;
    case Json::value_t::array:
      out += "[]";
      break;
    default:
      out += "null";
      break;
  }
  out += '\n';
}

bool IsBlockCollection(const Json& v) { return (v.is_object() || v.is_array()) && !v.empty(); }

void AppendMapping(const Json& m, size_t indent, bool inline_first, std::string& out);
void AppendSequence(const Json& s, size_t indent, bool inline_first, std::string& out);

// What follows "key:" (or an explicit ":"): a nested block on the next lines, or " scalar".
// seq_indent is where a nested sequence's "-" goes.
void AppendEntryValue(const Json& v, size_t indent, size_t seq_indent, std::string& out) {
  if (!IsBlockCollection(v)) {
    out += ' ';
    return AppendScalar(v, indent, false, out);
  }
  out += '\n';
  if (v.is_object()) return AppendMapping(v, indent + kStep, false, out);
  AppendSequence(v, seq_indent, false, out);
}

void AppendKey(std::string_view key, std::string& out) {
  if (IsPlain(key)) {
    out.append(key);
  } else {
    AppendDoubleQuoted(key, out);
  }
}

void AppendEntry(std::string_view key, const Json& value, size_t indent, std::string& out) {
  const size_t start = out.size();
  AppendKey(key, out);
  if (out.size() - start <= kMaxImplicitKey) {
    out += ':';
    return AppendEntryValue(value, indent, indent, out);
  }
  out.insert(start, "? ");
  out += '\n';
  out.append(indent, ' ') += ':';
  AppendEntryValue(value, indent, indent + kStep, out);
}

// inline_first: the first line's prefix ("- ") is already written.
void AppendMapping(const Json& m, size_t indent, bool inline_first, std::string& out) {
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (!inline_first || it != m.begin()) out.append(indent, ' ');
    AppendEntry(it.key(), it.value(), indent, out);
  }
}

void AppendSequence(const Json& s, size_t indent, bool inline_first, std::string& out) {
  for (auto it = s.begin(); it != s.end(); ++it) {
    if (!inline_first || it != s.begin()) out.append(indent, ' ');
    out += "- ";
    if (it->is_object() && !it->empty()) {
      AppendMapping(*it, indent + kStep, true, out);
    } else if (it->is_array() && !it->empty()) {
      AppendSequence(*it, indent + kStep, true, out);
    } else {
      AppendScalar(*it, indent, false, out);
    }
  }
}

void AppendYamlValue(const Json& value, std::string& out) {
  if (value.is_object() && !value.empty()) return AppendMapping(value, 0, false, out);
  if (value.is_array() && !value.empty()) return AppendSequence(value, 0, false, out);
  AppendScalar(value, 0, true, out);
}

class YamlEmitter : public Emitter {
 public:
  YamlEmitter() { out_.reserve(64 * 1024); }

  void Add(const KubeObject& object) override {
    out_ += "---\n";
    AppendYamlValue(object.body, out_);
  }

  std::string Finish() override { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace

std::string EmitYamlValue(const Json& value) {
  std::string out;
  out.reserve(1024);
  AppendYamlValue(value, out);
  return out;
}

std::unique_ptr<Emitter> MakeYamlEmitter() { return std::make_unique<YamlEmitter>(); }

std::unique_ptr<Emitter> MakeEmitter(OutputFormat format) {
  return format == OutputFormat::kJson ? MakeJsonEmitter() : MakeYamlEmitter();
}

std::string EmitObjects(const Objects& objects, OutputFormat format) {
  std::unique_ptr<Emitter> emitter = MakeEmitter(format);
  for (const KubeObject& o : objects) emitter->Add(o);
  return emitter->Finish();
}

}  // namespace lr
