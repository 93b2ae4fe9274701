// YamlTree: a YAML stream parsed by yaml-cpp in one pass into light nodes: what yaml-cpp's own
// YAML::LoadAll builds (types, tags, scalars, marks, pairs in order with duplicates, an alias
// being its anchor's very node), without its reference-counted node graph and without a
// second pass to guard the first.
// yaml-cpp 0.7 never stops on some inputs (a stray ',' outside a flow collection makes
// endless empty documents): a document that starts where the previous one did stops the
// parse with a located error, as does a document beyond `max_documents`.
// In: text. Out: the documents' roots (nullptr for an empty document), or errors [yaml].
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/mark.h>

#include "render/diagnostics.h"

namespace lr {

struct YamlNode {
  enum class Type { kNull, kScalar, kSequence, kMap };
  Type type = Type::kNull;
  std::string tag;  // "?" plain, "!" quoted, else the resolved tag ("" for null)
  std::string scalar;
  YAML::Mark mark;
  // Sequence items; for a map, keys and values alternating, in document order.
  std::vector<const YamlNode*> children;
};

struct YamlStream {
  std::deque<YamlNode> nodes;          // owns every node
  std::vector<const YamlNode*> roots;  // one per document
};

std::optional<YamlStream> ParseYamlStream(const std::string& file, const std::string& text,
                                          size_t max_documents, Diagnostics* diags);

}  // namespace lr
