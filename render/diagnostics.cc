#include "render/diagnostics.h"

#include <algorithm>
#include <cstdio>

namespace lr {

// The same finding reached twice (a recursive alias, a shared anchor) is reported once.
void Diagnostics::Add(Diagnostic d) {
  if (!seen_.insert(FormatText(d)).second) return;
  if (d.severity == Severity::kError) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::Error(SourcePos pos, std::string path, std::string message, std::string rule) {
  Add({Severity::kError, std::move(pos), std::move(path), std::move(message), std::move(rule)});
}

void Diagnostics::Warning(SourcePos pos, std::string path, std::string message, std::string rule) {
  Add({Severity::kWarning, std::move(pos), std::move(path), std::move(message), std::move(rule)});
}

void Diagnostics::PromoteWarnings() {
  for (auto& d : items_) {
    if (d.severity == Severity::kWarning) {
      d.severity = Severity::kError;
      ++errors_;
    }
  }
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.pos.file != b.pos.file) return false;  // keep files in the order they were met
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.col < b.pos.col;
  });
  return out;
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string FormatText(const Diagnostic& d) {
  std::string out;
  if (!d.pos.file.empty()) {
    out += d.pos.file;
    if (d.pos.line > 0) {
      out += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.col);
    }
    out += ": ";
  }
  out += SeverityName(d.severity);
  out += ": ";
  if (!d.path.empty()) out += d.path + ": ";
  out += d.message;
  if (!d.rule.empty()) out += " [" + d.rule + "]";
  return out;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace lr
