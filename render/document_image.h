// DocumentImage: a loaded Document (tree and positions) frozen into a binary image
// (frozen_json.h) and thawed back exactly, JSON types included. The build loads the embedded
// YAML files once (tools/embed_docs_main.cc) and embeds their images, so the binary never runs
// the YAML parser on its own templates: thawing an image costs a fraction of loading the YAML.
// In: a Document / an image WriteDocumentImage wrote. Out: the image / the same Document, or
// only its tree. Never reads the disk.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "render/document.h"

namespace lr {

// The image of {"root": tree, "positions": [[pointer, key line, key col, value line,
// value col, user]...]}; nullopt when a position names another file than the document's.
std::optional<std::string> WriteDocumentImage(const Document& doc);

// The Document WriteDocumentImage was given, with `file` and `text` (which the image does
// not hold); nullopt for an image of another shape.
std::optional<Document> ReadDocumentImage(std::string_view image, const std::string& file,
                                          std::string text);

// Only the tree (templates need no positions); nullopt for an image of another shape.
std::optional<Json> ReadDocumentImageRoot(std::string_view image);

}  // namespace lr
