#include "render/line_map.h"

#include <vector>

namespace lr {
namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// Header of a literal block scalar: "|", chomping and indentation indicators in either
// order, then nothing but spaces and a comment. Returns the explicit indentation (0 = auto),
// or -1 when `header` is not a literal block scalar header.
int LiteralHeaderIndent(std::string_view header) {
  if (header.empty() || header[0] != '|') return -1;
  int indent = 0;
  size_t i = 1;
  for (; i < header.size() && i < 3; ++i) {
    char c = header[i];
    if (c == '+' || c == '-') continue;
    if (c >= '1' && c <= '9' && indent == 0) {
      indent = c - '0';
      continue;
    }
    break;
  }
  std::string_view rest = header.substr(i);
  size_t first = rest.find_first_not_of(' ');
  if (first != std::string_view::npos && rest[first] != '#') return -1;
  if (first != std::string_view::npos && first == 0) return -1;
  return indent;
}

int LeadingSpaces(std::string_view line) {
  size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? static_cast<int>(line.size()) : static_cast<int>(n);
}

// The content indentation: explicit, else that of the first non-blank line.
int ContentIndent(const std::vector<std::string_view>& lines, size_t first, int parent,
                  int explicit_indent) {
  if (explicit_indent > 0) return parent + explicit_indent;
  for (size_t i = first; i < lines.size(); ++i) {
    if (lines[i].find_first_not_of(' ') != std::string_view::npos) return LeadingSpaces(lines[i]);
  }
  return -1;
}

// True when every line of `value` is the file line at the same offset minus `indent` columns.
bool LinesMatch(const std::vector<std::string_view>& file, size_t first,
                const std::vector<std::string_view>& value, int indent) {
  size_t n = value.size();
  if (n > 0 && value.back().empty()) --n;  // the final newline
  for (size_t i = 0; i < n; ++i) {
    if (first + i >= file.size()) return false;
    std::string_view f = file[first + i];
    if (value[i].empty()) {
      if (f.find_first_not_of(' ') != std::string_view::npos) return false;
      continue;
    }
    if (LeadingSpaces(f) < indent || f.substr(static_cast<size_t>(indent)) != value[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

LineMap LineMap::Identity(std::string file) {
  LineMap m;
  m.file_ = std::move(file);
  m.fallback_ = SourcePos{m.file_, 0, 0};
  return m;
}

LineMap LineMap::ForValue(std::string_view file_text, const NodePos& pos, std::string_view value) {
  LineMap m;
  m.file_ = pos.value.file;
  m.fallback_ = pos.key;
  m.exact_ = false;
  std::vector<std::string_view> file = SplitLines(file_text);
  if (pos.value.line < 1 || static_cast<size_t>(pos.value.line) > file.size()) return m;
  std::string_view header_line = file[static_cast<size_t>(pos.value.line - 1)];
  if (pos.value.col < 1 || static_cast<size_t>(pos.value.col) > header_line.size()) return m;
  int explicit_indent = LiteralHeaderIndent(header_line.substr(pos.value.col - 1));
  if (explicit_indent < 0) return m;
  size_t first = static_cast<size_t>(pos.value.line);  // 0-based index of the next line
  int indent = ContentIndent(file, first, pos.key.col - 1, explicit_indent);
  std::vector<std::string_view> lines = SplitLines(value);
  if (indent < 0 || !LinesMatch(file, first, lines, indent)) return m;
  m.first_line_ = pos.value.line + 1;
  m.indent_ = indent;
  m.exact_ = true;
  return m;
}

SourcePos LineMap::Map(int line, int col) const {
  if (!exact_ || line < 1) return fallback_;
  return SourcePos{file_, first_line_ + line - 1, col + indent_};
}

}  // namespace lr
