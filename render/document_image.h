// DocumentImage: a loaded Document (tree and positions) written as JSON text and read back
// exactly. The build loads the embedded YAML files once (tools/embed_docs_main.cc) and embeds
// their images, so the binary never runs the YAML parser on its own templates: reading an
// image is several times cheaper than loading the YAML it came from.
// In: a Document / an image. Out: the image / the same Document. Never reads the disk.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "render/document.h"

namespace lr {

// {"root": ..., "positions": [[pointer, key line, key col, value line, value col, user]...]}.
// nullopt when the tree holds what JSON cannot carry (NaN, infinities) or a position names
// another file than the document's.
std::optional<std::string> WriteDocumentImage(const Document& doc);

// The Document WriteDocumentImage was given, with `file` and `text` (which the image does
// not hold); nullopt for an image that is not one.
std::optional<Document> ReadDocumentImage(std::string_view image, const std::string& file,
                                          std::string text);

}  // namespace lr
