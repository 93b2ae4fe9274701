// Document: a loaded YAML/JSON tree plus where every node came from.
// In:  produced by load.cc. Out: read by every later stage.
// The tree is plain JSON data (nlohmann ordered_json, mapping order kept);
// positions are kept beside it, keyed by JSON pointer, so stages stay
// independent of yaml-cpp.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "render/diagnostics.h"

namespace lr {

using Json = nlohmann::ordered_json;

// Where a node is: the key that names it (for mapping entries) and the value.
struct NodePos {
  SourcePos key;     // line of "key:"; equals value for sequence items and the root
  SourcePos value;   // first character of the value (the indicator for block scalars)
  bool user = true;  // false for built-in defaults
};

// JSON pointer helpers (RFC 6901).
std::string PointerEscape(std::string_view token);
std::string PointerJoin(std::string_view parent, std::string_view token);
std::string PointerJoin(std::string_view parent, size_t index);
std::string PointerParent(std::string_view pointer);
// The node at `pointer` in `root`, or nullptr: what json_pointer's contains() and at() give
// for a well-formed pointer, without building one (a pointer with a bad escape: nullptr).
const Json* JsonAt(const Json& root, std::string_view pointer);
// "/agent/labels/app" -> "agent.labels.app"; "/additionalEnvVars/1/name" ->
// "additionalEnvVars[1].name". Keys that contain '.' are bracket-quoted.
std::string PointerToPath(std::string_view pointer, const Json& root);

// The plain scalar token that starts at `pos` in `text`: up to the end of the line, a flow
// indicator (, ] }) or a comment. Numbers, booleans and nulls never contain those, so this is
// what the user typed for them. "" when `pos` is outside `text`.
std::string PlainTokenAt(std::string_view text, const SourcePos& pos);

// Display name of a file -> its text (to quote what the user typed, to map block scalars).
using SourceTexts = std::map<std::string, std::string>;

struct Document {
  std::string file;  // name used in diagnostics
  std::string text;  // the source text (block-scalar mapping needs it)
  Json root;
  std::map<std::string, NodePos> positions;  // "" is the root

  const NodePos* Find(std::string_view pointer) const;
  // Position of `pointer`, or of the closest ancestor that exists, or file:1:1.
  SourcePos Locate(std::string_view pointer, bool key = true) const;
};

}  // namespace lr
