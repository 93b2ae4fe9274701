// LineMap: positions inside a string value -> positions in the file that holds the string.
// The launch agent config is a string inside values.yaml (`launchConfig: |`); its own YAML
// errors are found in the string's coordinates and must be reported at the values file's
// line and column. A literal block scalar maps line for line (shifted by its indentation);
// any other form (quoted, folded, from --set or a JSON file) cannot be mapped, and every
// position becomes the value's own position.
#pragma once

#include <string>
#include <string_view>

#include "render/diagnostics.h"
#include "render/document.h"

namespace lr {

class LineMap {
 public:
  // Identity: the string is the whole file (a standalone launch-config.yaml).
  static LineMap Identity(std::string file);
  // The string `value` whose node is at `pos` in a file whose text is `file_text`.
  static LineMap ForValue(std::string_view file_text, const NodePos& pos, std::string_view value);

  // 1-based line and column inside the string -> the file's position.
  SourcePos Map(int line, int col) const;
  // False when every position maps to the value's own position.
  bool exact() const { return exact_; }
  // The value's own position (its key's line), or file:0:0 for a whole file.
  const SourcePos& whole() const { return fallback_; }

 private:
  std::string file_;
  SourcePos fallback_;
  int first_line_ = 1;  // file line of the string's first line
  int indent_ = 0;      // columns removed from every line
  bool exact_ = true;
};

}  // namespace lr
