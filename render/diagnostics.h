// Diagnostics: located messages collected by every stage.
// A stage appends to a Diagnostics and keeps going (collect within a stage);
// the pipeline stops between stages when HasErrors() (stop between stages).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lr {

// A place in a source: file name as the user typed it, 1-based line and column.
// line == 0 means "the whole file / no position".
struct SourcePos {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class Severity { kInfo, kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string path;     // dotted values path (agent.apiKey) or JSON pointer; may be empty
  std::string message;  // one line, offending values quoted
  std::string rule;     // short rule id, e.g. "yaml", "required", "names"
};

class Diagnostics {
 public:
  void Add(Diagnostic d);
  void Error(SourcePos pos, std::string path, std::string message, std::string rule);
  void Warning(SourcePos pos, std::string path, std::string message, std::string rule);

  bool HasErrors() const { return errors_ > 0; }
  int errors() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return items_; }

  // --strict: every warning becomes an error.
  void PromoteWarnings();
  // Stable order for printing: by file, line, column, then insertion.
  std::vector<Diagnostic> Sorted() const;

 private:
  std::vector<Diagnostic> items_;
  std::unordered_set<std::string> seen_;  // FormatText of every item
  int errors_ = 0;
};

const char* SeverityName(Severity s);

// "file:line:col: error: path: message [rule]" (parts left out when empty).
std::string FormatText(const Diagnostic& d);

// Quotes a value for a message: "abc" with control characters escaped.
std::string Quote(std::string_view s);

}  // namespace lr
