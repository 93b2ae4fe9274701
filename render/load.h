// Load: YAML or JSON text -> Document (tree + positions), one reader's scalar rules.
// In: file name, text, dialect. Out: Documents, or located errors [yaml].
// Never guesses: duplicate keys, invalid UTF-8, unknown tags and limit overruns are
// errors at their line; the tree is not returned when any error was found.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/yaml_resolve.h"

namespace lr {

// Defaults are documented in README ("Limits").
struct LoadLimits {
  size_t max_bytes = 64u << 20;   // input size
  int max_depth = 200;            // nesting of maps and lists
  size_t max_nodes = 200'000;     // nodes after alias expansion (billion laughs); ~100 MiB
  size_t max_documents = 10'000;  // documents in one stream
  size_t max_scalar_bytes = 16u << 20;
};

struct LoadOptions {
  YamlDialect dialect = YamlDialect::kGoYamlV2;
  LoadLimits limits;
  bool user = true;  // positions are marked as user-written (false: built-in defaults)
};

// Every document of a stream (empty documents are kept as null roots).
std::optional<std::vector<Document>> LoadStream(const std::string& file, const std::string& text,
                                                const LoadOptions& options, Diagnostics* diags);

// A values file: exactly one document whose root is a mapping (an empty file or a
// comment-only file is an empty mapping).
std::optional<Document> LoadValuesFile(const std::string& file, const std::string& text,
                                       const LoadOptions& options, Diagnostics* diags);

// Position of the first invalid UTF-8 byte, or nullopt.
std::optional<SourcePos> FindInvalidUtf8(const std::string& file, std::string_view text);

}  // namespace lr
